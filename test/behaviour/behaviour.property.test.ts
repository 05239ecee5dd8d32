/**
 * Properties of the behaviour responses over arbitrary caseloads: every response gives a valid
 * caseload (it imports again as records, unchanged), moves its metric in the documented direction
 * as its percentage grows, and a split conserves the care.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyBehaviour,
  CARE_FORMS,
  caseloadFromRecords,
  compare,
  formatMonth,
  resolveBehaviour,
  toRecords,
  type BehaviourInput,
  type Caseload,
  type ModelConfig,
} from "../../src/index.js";
import { CostPricesSchema } from "../../src/projection/cost.js";
import { caseloadArb } from "../support/arbitraries.js";
import { modelConfigArb } from "../support/modelArbitraries.js";

const COST = { prices: CARE_FORMS.map((careForm) => ({ careForm, price: "50.00" })) };
const pctArb = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);
const orderedPair: fc.Arbitrary<[number, number]> = fc.tuple(pctArb, pctArb).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const windowOf = (c: Caseload) => ({ start: formatMonth(c.window.start), months: c.window.months });
const seedArb = fc.integer({ min: 0, max: 1_000_000 });

/** The caseload's trajectories inside its window, imported again as records (a waiting client after the window is left out). */
function reimported(c: Caseload): Caseload {
  const after = formatMonth(c.window.start + c.window.months);
  const names = { municipalities: c.municipalities, providers: c.providers, profiles: c.profiles, intensities: c.intensities, ageGroups: c.ageGroups, targetGroups: c.targetGroups };
  return caseloadFromRecords(
    toRecords(c)
      .filter((r) => r.start < after)
      .map(({ client: _client, ...r }) => ({ ...r, client: r.id.replace(/#vervolg$/, "") })),
    { window: windowOf(c), ...names },
  );
}

const RESPONSES: [string, BehaviourInput][] = [
  ["effort", { effort: { extraUsePercent: { ambulant: 30, daghulp: 30, verblijf: 30, wijkteam: 30 } } }],
  ["output", { output: { upcodingPercent: 40, shorterDurationPercent: 30, episodeSplitPercent: 50 } }],
  ["trajectory", { trajectory: { shorterDurationPercent: 30, episodeSplitPercent: 50 } }],
  ["task", { task: { creamSkimmingPercent: 50 } }],
];

describe("behaviour responses give valid caseloads", () => {
  it("every response's caseload imports again as records, trajectory for trajectory", () => {
    fc.assert(
      fc.property(caseloadArb, seedArb, ({ caseload }, seed) => {
        for (const [kind, input] of RESPONSES) {
          const { caseload: c } = applyBehaviour(caseload, { kind }, resolveBehaviour(input), seed);
          // Client numbers are renumbered by the import; everything else must survive as it is.
          const strip = (x: Caseload) => toRecords(x).map(({ client: _c, ...r }) => r);
          expect(strip(reimported(c))).toEqual(strip(c));
          expect(c.size).toBeGreaterThanOrEqual(caseload.size);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a waiting list under a lump sum only moves starts later, keeps every trajectory and imports again", () => {
    fc.assert(
      fc.property(caseloadArb, fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 200 }), ({ caseload }, budgetEuros, percent) => {
        const model = { kind: "task", lumpSums: (x: Caseload) => Float64Array.from(x.providers, (_, p) => (p === 0 ? budgetEuros * 100 : 0)) };
        const costPrices = CostPricesSchema.parse({ prices: CARE_FORMS.map((careForm) => ({ careForm, price: "50.00" })) });
        const r = applyBehaviour(caseload, model, resolveBehaviour({ task: { intakeStopAtBudgetPercent: percent } }), 1, costPrices);
        // A client still waiting at the window's end starts just after it: no care seen, open.
        const after = formatMonth(caseload.window.start + caseload.window.months);
        const records = toRecords(r.caseload).map(({ client: _c, ...rest }) => rest);
        for (const x of records.filter((x) => x.start === after)) expect([x.end, x.outcome, x.use]).toEqual([null, "open", []]);
        const inWindow = records.filter((x) => x.start < after);
        expect(toRecords(reimported(r.caseload)).map(({ client: _c, ...rest }) => rest)).toEqual(inWindow);
        expect(r.caseload.size).toBe(caseload.size);
        const byId = new Map(toRecords(r.caseload).map((x) => [x.id, x]));
        toRecords(caseload).forEach((x, t) => {
          const d = r.delays ? r.delays[t]! : 0;
          expect(d).toBeGreaterThanOrEqual(0);
          if (d > 0) expect(caseload.provider[t]).toBe(0);
          expect(byId.get(x.id)!.start >= x.start).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("a split keeps every month of care; a shorter duration never adds one", () => {
    fc.assert(
      fc.property(caseloadArb, seedArb, pctArb, ({ caseload }, seed, p) => {
        const sum = (c: Caseload) => c.use.reduce((a, b) => a + b, 0);
        const split = applyBehaviour(caseload, { kind: "trajectory" }, resolveBehaviour({ trajectory: { episodeSplitPercent: p } }), seed).caseload;
        expect(sum(split)).toBe(sum(caseload));
        expect(split.use.length).toBe(caseload.use.length);
        const shorter = applyBehaviour(caseload, { kind: "trajectory" }, resolveBehaviour({ trajectory: { shorterDurationPercent: p } }), seed).caseload;
        expect(shorter.use.length).toBeLessThanOrEqual(caseload.use.length);
        for (let t = 0; t < caseload.size; t++) expect(shorter.end[t]).toBeLessThanOrEqual(caseload.end[t]!);
      }),
      { numRuns: 60 },
    );
  });
});

describe("each response moves its metric in the documented direction", () => {
  const run = (c: Caseload, model: ModelConfig, behaviour: BehaviourInput, seed: number) => {
    return compare(c, [model], { horizon: windowOf(c), costPrices: COST, behaviour, seed }).models[0]!.metrics;
  };
  const effort: ModelConfig = { kind: "effort", tariffs: CARE_FORMS.map((careForm) => ({ careForm, tariff: "70.00" })) };
  const trajectory: ModelConfig = { kind: "trajectory", amounts: [{ amount: "2500.00" }], dropOutPercent: 50 };
  const output: ModelConfig = {
    kind: "output",
    prices: [{ intensity: "laag", price: "1000.00" }, { intensity: "hoog", price: "3000.00" }],
    schedule: { atStart: 20, instalments: 60, atEnd: 10, onResult: 10 },
    validityMonths: 6,
  };

  it("effort: more extra use never pays or costs less", () => {
    fc.assert(
      fc.property(caseloadArb, seedArb, orderedPair, ({ caseload }, seed, [lo, hi]) => {
        const at = (p: number) => run(caseload, effort, { effort: { extraUsePercent: { ambulant: p, wijkteam: p, daghulp: p, verblijf: p } } }, seed);
        const [a, b] = [at(lo), at(hi)];
        expect(b.totalPaid).toBeGreaterThanOrEqual(a.totalPaid);
        expect(b.providerCost!).toBeGreaterThanOrEqual(a.providerCost!);
      }),
      { numRuns: 40 },
    );
  });

  it("trajectory: more splits never pay less; shorter durations never cost more", () => {
    fc.assert(
      fc.property(caseloadArb, seedArb, orderedPair, ({ caseload }, seed, [lo, hi]) => {
        const split = (p: number) => run(caseload, trajectory, { trajectory: { episodeSplitPercent: p } }, seed);
        expect(split(hi).totalPaid).toBeGreaterThanOrEqual(split(lo).totalPaid);
        const shorter = (p: number) => run(caseload, trajectory, { trajectory: { shorterDurationPercent: p } }, seed);
        expect(shorter(hi).providerCost!).toBeLessThanOrEqual(shorter(lo).providerCost!);
      }),
      { numRuns: 40 },
    );
  });

  it("output: more upcoding never pays less when a heavier level costs more; the care is unchanged", () => {
    fc.assert(
      fc.property(caseloadArb, seedArb, orderedPair, ({ caseload }, seed, [lo, hi]) => {
        const at = (p: number) => run(caseload, output, { output: { upcodingPercent: p }, intensityOrder: ["laag", "hoog"] }, seed);
        const [a, b] = [at(lo), at(hi)];
        expect(b.totalPaid).toBeGreaterThanOrEqual(a.totalPaid);
        expect(b.providerCost).toBe(a.providerCost);
      }),
      { numRuns: 40 },
    );
  });

  it("task: more cream skimming never leaves the referring providers more care", () => {
    fc.assert(
      fc.property(caseloadArb, seedArb, orderedPair, ({ caseload }, seed, [lo, hi]) => {
        const task: ModelConfig = { kind: "task", budgets: [{ perYear: "100000.00" }] };
        const kept = (p: number) => {
          const m = run(caseload, task, { task: { creamSkimmingPercent: p } }, seed);
          return m.marginByProvider.filter((x) => x.provider !== "Elders (doorverwezen)").reduce((s, x) => s + (x.cost ?? 0), 0);
        };
        expect(kept(hi)).toBeLessThanOrEqual(kept(lo));
      }),
      { numRuns: 40 },
    );
  });
});

describe("behaviour off reproduces the comparison without it, to the cent", () => {
  it("for any caseload and model: the none set, and responses of other kinds only, change no metric", () => {
    fc.assert(
      fc.property(caseloadArb, modelConfigArb, seedArb, ({ caseload }, model, seed) => {
        const options = { horizon: windowOf(caseload), costPrices: COST, seed };
        const plain = compare(caseload, [model], options);
        expect(compare(caseload, [model], { ...options, behaviour: "none" })).toEqual(plain);
        // The responses of every kind but this model's: its column is the caseload as given.
        const others: BehaviourInput = {
          ...(model.kind !== "effort" ? { effort: { extraUsePercent: { ambulant: 50 } } } : {}),
          ...(model.kind !== "output" ? { output: { upcodingPercent: 50, episodeSplitPercent: 50 } } : {}),
          ...(model.kind !== "trajectory" ? { trajectory: { shorterDurationPercent: 50 } } : {}),
          ...(model.kind !== "task" ? { task: { creamSkimmingPercent: 50 } } : {}),
        };
        expect(compare(caseload, [model], { ...options, behaviour: others }).models).toEqual(plain.models);
      }),
      { numRuns: 60 },
    );
  });
});
