/**
 * The conformance suite every funding model must pass — the four built-in ones and every model
 * added later. Call {@link describeConformance} from a test file with an arbitrary of configs
 * (or of FundingModel values); it registers fast-check properties over random caseloads,
 * horizons, payment lags and cost prices.
 *
 * What it checks, for any model:
 * - conservation: ledger lines, every breakdown and `totalLedgerBy` per dimension all add up to
 *   `totalPaid`, to the cent;
 * - integer cents everywhere (lines, breakdown cells, obligations, dueAfterHorizon, cost);
 * - determinism, and `lines: false` giving the same totals as `lines: true`;
 * - every ledger line inside the horizon, trajectory lines carrying their trajectory's provider
 *   and municipality, nothing paid before it is incurred;
 * - an independent recomputation of totals, due-after-horizon and obligations from the lines the
 *   model itself wrote (a recording LedgerWriter), and obligations ≥ 0 when no line is negative;
 * - horizon consistency: a shorter horizon with the same start is a prefix of a longer one, with
 *   the same obligations at the year ends both measure; any sub-horizon (another start, another
 *   end) is a slice of it, with the same delays — what is paid in a month never depends on where
 *   the reporting horizon starts or ends (README, "Rules and their readings": an intake stop
 *   applies to every start inside the caseload's window, whatever the horizon).
 *
 * Not checked, because it does not hold: "paid inside the horizon + due after it is independent
 * of the horizon's start". Lines paid before the horizon's start are history and are dropped, so
 * moving the start later drops the lines of the skipped months. Nor is it independent of the
 * horizon's end: due after the horizon counts only what was owed or committed by its end (it
 * equals the obligation open at its last month, which is checked).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  breakdownTotal,
  createModel,
  LINE_KINDS,
  OPEN_END,
  parseMonth,
  project,
  totalLedgerBy,
  totalsByKey,
  totalsByMonth,
  totalsByYear,
  formatMonth,
  type Caseload,
  type CostPricesInput,
  type FundingModel,
  type ModelConfig,
  type Projection,
  type TrajectoryInput,
} from "../../src/index.js";
import { applyBehaviour, resolveBehaviour, type BehaviourInput } from "../../src/index.js";
import { CostPricesSchema } from "../../src/projection/cost.js";
import { caseloadOf, recordsArb, windowArb } from "../support/arbitraries.js";
import { costPricesArb } from "../support/modelArbitraries.js";
import { nonZero, recordLines, sumLines, type WrittenLine } from "../support/recordingWriter.js";

/** A random projection set-up: records (readable in counterexamples), a horizon inside the window, a lag, a model. */
export interface Scenario {
  readonly window: { readonly start: string; readonly months: number };
  readonly records: TrajectoryInput[];
  readonly horizon: { readonly start: string; readonly months: number };
  /** A second horizon inside `horizon`, for the consistency properties. */
  readonly sub: { readonly start: string; readonly months: number };
  readonly lag: number;
  readonly model: ModelConfig | FundingModel;
  readonly costPrices: CostPricesInput | undefined;
}

/** A horizon inside `range`. */
export function subHorizonArb(range: { start: string; months: number }): fc.Arbitrary<{ start: string; months: number }> {
  const W = parseMonth(range.start);
  const E = W + range.months - 1;
  return fc
    .integer({ min: W, max: E })
    .chain((s) => fc.integer({ min: 1, max: E - s + 1 }).map((months) => ({ start: formatMonth(s), months })));
}

export function scenarioArb(modelArb: fc.Arbitrary<ModelConfig | FundingModel>): fc.Arbitrary<Scenario> {
  return windowArb.chain((window) =>
    fc
      .record({
        records: recordsArb(window),
        horizon: subHorizonArb(window),
        lag: fc.integer({ min: 0, max: 3 }),
        model: modelArb,
        costPrices: fc.option(costPricesArb, { nil: undefined }),
      })
      .chain((r) => subHorizonArb(r.horizon).map((sub) => ({ ...r, window, sub }))),
  );
}

/** Runs per property: 100, or FC_NUM_RUNS from the environment for a deeper search. */
export const DEFAULT_RUNS = Number(process.env.FC_NUM_RUNS ?? 100);

export interface ConformanceOptions {
  /** The model never writes a negative line (e.g. effort, output); checked on every written line. */
  readonly nonNegativeLines?: boolean;
  /**
   * Run the suite on the caseload as delivered under these behaviour responses (the model's kind's
   * responses applied first): every model must hold its properties on a responded-to caseload too.
   */
  readonly behaviour?: BehaviourInput;
}

const opts = (s: Scenario, lines: boolean, h = s.horizon) => ({
  horizon: h,
  paymentLagMonths: s.lag,
  lines,
  ...(s.costPrices ? { costPrices: s.costPrices } : {}),
});

/** Monthly totals of a projection, in horizon order. */
function monthly(p: Projection): number[] {
  return [...totalsByMonth(p.byKind).values()];
}

/** Obligation measuring dates, computed independently: each December inside the horizon before its last month, and the last month. */
function obligationDates(h: { start: string; months: number }): number[] {
  const s = parseMonth(h.start);
  const e = s + h.months - 1;
  const out: number[] = [];
  for (let m = s; m < e; m++) if (m % 12 === 11) out.push(m);
  out.push(e);
  return out;
}

function allCells(p: Projection): number[] {
  const cells: number[] = [];
  for (const b of [p.byKind, p.byProvider, p.byMunicipality, p.byProfile, p.byCareForm]) cells.push(...b.cents);
  if (p.cost) cells.push(p.cost.total, ...p.cost.byProvider.cents);
  cells.push(p.totalPaid, p.dueAfterHorizon, ...p.obligations.map((o) => o.cents));
  for (const s of p.ceilingSignals) cells.push(s.ceiling, s.declared, s.beyondCeiling);
  return cells;
}

/** Delays are absent or all zero. */
const undelayed = (p: Projection): boolean => p.delays === null || p.delays.every((d) => d === 0);

/**
 * Registers the conformance properties for one model family. `modelArb` yields configs (any
 * built-in ModelConfig) or FundingModel values; each must cover every provider, profile,
 * intensity and care form of the caseload arbitrary.
 */
export function describeConformance(name: string, modelArb: fc.Arbitrary<ModelConfig | FundingModel>, options: ConformanceOptions = {}): void {
  const numRuns = DEFAULT_RUNS;
  const run = (body: (s: Scenario, c: Caseload, model: FundingModel) => void): void => {
    fc.assert(
      fc.property(scenarioArb(modelArb), fc.integer({ min: 0, max: 1_000 }), (s, seed) => {
        const model = createModel(s.model);
        const given = caseloadOf(s.records, s.window);
        const behaviour = options.behaviour ? resolveBehaviour(options.behaviour) : null;
        // A waiting list under a lump sum needs the providers' cost prices: without them, that one response is off.
        const responses = behaviour && !s.costPrices ? { ...behaviour, task: { ...behaviour.task, intakeStopAtBudgetPercent: 0 } } : behaviour;
        const costPrices = s.costPrices ? CostPricesSchema.parse(s.costPrices) : undefined;
        body(s, responses ? applyBehaviour(given, model, responses, seed, costPrices).caseload : given, model);
      }),
      { numRuns },
    );
  };

  describe(`conformance: ${name}`, () => {
    it("conserves money: lines, every breakdown and totalLedgerBy per dimension add up to totalPaid", () => {
      run((s, c, model) => {
        const p = project(c, model, opts(s, true));
        const ledger = p.ledger!;
        expect(ledger).not.toBeNull();
        let sum = 0;
        for (const v of ledger.cents) sum += v;
        expect(sum).toBe(p.totalPaid);
        for (const b of [p.byKind, p.byProvider, p.byMunicipality, p.byProfile, p.byCareForm]) {
          expect(breakdownTotal(b)).toBe(p.totalPaid);
          // every breakdown also agrees month by month
          expect([...totalsByMonth(b).values()]).toEqual(monthly(p));
        }
        const pairs = [
          ["provider", p.byProvider],
          ["municipality", p.byMunicipality],
          ["profile", p.byProfile],
          ["careForm", p.byCareForm],
          ["kind", p.byKind],
        ] as const;
        for (const [dim, b] of pairs) expect(nonZero(totalLedgerBy(ledger, c, dim))).toEqual(nonZero(totalsByKey(b)));
        expect(nonZero(totalLedgerBy(ledger, c, "month"))).toEqual(nonZero(totalsByMonth(p.byKind)));
        const byYear = new Map([...totalsByYear(p.byKind)].map(([y, v]) => [String(y), v] as const));
        expect(nonZero(totalLedgerBy(ledger, c, "year"))).toEqual(nonZero(byYear));
        expect(p.messages.paymentLines).toBe(ledger.length);
        if (p.cost) expect(breakdownTotal(p.cost.byProvider)).toBe(p.cost.total);
        else expect(s.costPrices).toBeUndefined();
      });
    });

    it("keeps integer cents everywhere: lines, breakdown cells, obligations, dueAfterHorizon, cost", () => {
      run((s, c, model) => {
        const p = project(c, model, opts(s, true));
        for (const v of p.ledger!.cents) expect(Number.isSafeInteger(v), `line ${v}`).toBe(true);
        for (const v of allCells(p)) expect(Number.isSafeInteger(v), `cell ${v}`).toBe(true);
      });
    });

    it("is deterministic, and lines: false gives the same totals as lines: true", () => {
      run((s, c, model) => {
        const a = project(c, model, opts(s, true));
        const b = project(c, createModel(s.model), opts(s, true));
        expect(b).toEqual(a);
        const again = project(c, model, opts(s, true));
        expect(again).toEqual(a);
        const lean = project(c, model, opts(s, false));
        expect(lean.ledger).toBeNull();
        expect({ ...lean, ledger: null }).toEqual({ ...a, ledger: null });
      });
    });

    it("puts every ledger line inside the horizon, never before it is incurred, with its trajectory's provider and municipality", () => {
      run((s, c, model) => {
        const p = project(c, model, opts(s, true));
        const l = p.ledger!;
        const first = parseMonth(s.horizon.start);
        const last = first + s.horizon.months - 1;
        for (let i = 0; i < l.length; i++) {
          expect(l.month[i]).toBeGreaterThanOrEqual(first);
          expect(l.month[i]).toBeLessThanOrEqual(last);
          expect(l.incurred[i]).toBeLessThanOrEqual(l.month[i]!);
          expect(l.kind[i]).toBeLessThan(LINE_KINDS.length);
          const t = l.trajectory[i]!;
          if (t >= 0) {
            expect(t).toBeLessThan(c.size);
            expect(l.provider[i]).toBe(c.provider[t]);
            expect(l.municipality[i]).toBe(c.municipality[t]);
          } else {
            expect(t).toBe(-1);
            expect(l.provider[i]).toBeGreaterThanOrEqual(-1);
            expect(l.provider[i]).toBeLessThan(c.providers.length);
            expect(l.municipality[i]).toBeGreaterThanOrEqual(-1);
            expect(l.municipality[i]).toBeLessThan(c.municipalities.length);
          }
        }
      });
    });

    it("agrees with a recomputation from the lines the model wrote: totals, due after the horizon, obligations", () => {
      run((s, c, model) => {
        const { lines } = recordLines(c, model, s.horizon, s.lag);
        // the model is pure: the same lines again
        expect(recordLines(c, model, s.horizon, s.lag).lines).toEqual(lines);
        for (const l of lines) {
          expect(Number.isSafeInteger(l.cents), `written ${l.cents}`).toBe(true);
          expect(l.incurred).toBeLessThanOrEqual(l.month);
          if (l.t >= 0) expect(l.t).toBeLessThan(c.size);
          if (options.nonNegativeLines) expect(l.cents).toBeGreaterThanOrEqual(0);
        }
        const p = project(c, model, opts(s, false));
        const first = parseMonth(s.horizon.start);
        const last = first + s.horizon.months - 1;
        const inside = (l: WrittenLine): boolean => l.month >= first && l.month <= last;
        expect(p.totalPaid).toBe(sumLines(lines, inside));
        expect(monthly(p)).toEqual(Array.from({ length: s.horizon.months }, (_, i) => sumLines(lines, (l) => l.month === first + i)));
        // owed or committed by the horizon's end and paid after it — the obligations open at its end
        expect(p.dueAfterHorizon).toBe(sumLines(lines, (l) => l.month > last && l.incurred <= last));
        expect(p.dueAfterHorizon).toBe(p.obligations[p.obligations.length - 1]!.cents);
        const dates = obligationDates(s.horizon);
        expect(p.obligations.map((o) => o.date)).toEqual(dates.map(formatMonth));
        dates.forEach((d, k) => {
          // committed at d (incurred on or before it) and paid after it
          expect(p.obligations[k]!.cents, `obligation at ${formatMonth(d)}`).toBe(sumLines(lines, (l) => l.incurred <= d && l.month > d));
        });
        if (lines.every((l) => l.cents >= 0)) {
          for (const o of p.obligations) expect(o.cents).toBeGreaterThanOrEqual(0);
          expect(p.dueAfterHorizon).toBeGreaterThanOrEqual(0);
          expect(p.totalPaid).toBeGreaterThanOrEqual(0);
        }
      });
    });

    it("is consistent over horizons: same start → a prefix with the same year-end obligations; any sub-horizon (shifted start) → a slice with the same delays", () => {
      run((s, c, model) => {
        const long = project(c, model, opts(s, false));
        const prefix = { start: s.horizon.start, months: 1 + ((s.sub.months - 1) % s.horizon.months) };
        const short = project(c, model, opts(s, false, prefix));
        expect(monthly(short)).toEqual(monthly(long).slice(0, prefix.months));
        // obligations at a year end both horizons measure are the same commitments
        const longAt = new Map(long.obligations.map((o) => [o.date, o.cents]));
        for (const o of short.obligations) if (o.date.endsWith("-12") && longAt.has(o.date)) expect(o.cents).toBe(longAt.get(o.date));
        expect(short.delays).toEqual(long.delays);

        // Shifting the start (and the end) never changes a payment in a month inside both horizons.
        const sub = project(c, model, opts(s, false, s.sub));
        const offset = parseMonth(s.sub.start) - parseMonth(s.horizon.start);
        expect(monthly(sub)).toEqual(monthly(long).slice(offset, offset + s.sub.months));
        expect(sub.delays).toEqual(long.delays);
      });
    });

    it("counts messages and deliveries consistently with the ledger and the variant", () => {
      run((s, c, model) => {
        const p = project(c, model, opts(s, true));
        const l = p.ledger!;
        const m = p.messages;
        expect(m.total).toBe(m.assignments + m.startStop + m.declarationMessages);
        const first = parseMonth(s.horizon.start);
        const last = first + s.horizon.months - 1;
        if (model.variant === "taakgericht") {
          expect([m.assignments, m.startStop, m.declarationMessages, m.total]).toEqual([0, 0, 0, 0]);
        } else {
          // one JW323 + one JW325 per provider per month with per-trajectory lines
          const batches = new Set<string>();
          for (let i = 0; i < l.length; i++) if (l.trajectory[i]! >= 0) batches.add(`${l.provider[i]}|${l.month[i]}`);
          expect(m.declarationMessages).toBe(2 * batches.size);
          let starts = 0;
          let stops = 0;
          for (let t = 0; t < c.size; t++) {
            const d = p.delays?.[t] ?? 0;
            if (c.start[t]! + d >= first && c.start[t]! + d <= last) starts++;
            if (c.end[t] !== OPEN_END && c.end[t]! + d >= first && c.end[t]! + d <= last) stops++;
          }
          expect(m.assignments).toBe(starts);
          expect(m.startStop).toBe(starts + stops);
        }
        expect(p.closed).toBeGreaterThanOrEqual(p.achieved);
        expect(p.waiting.clients).toBeLessThanOrEqual(c.size);
        if (undelayed(p)) expect(p.waiting.clients).toBe(0);
      });
    });
  });
}
