/**
 * The fast path (`project`) equals the decimal.js reference (test/reference/reference.ts) to the
 * cent, for each of the four funding models, over arbitrary caseloads, configs, payment lags and
 * horizons (the caseload window or a sub-range of it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Caseload } from "../../src/caseload/caseload.js";
import { CEILING_BEHAVIOURS, effortModel, type EffortConfig } from "../../src/models/effort.js";
import type { FundingModel } from "../../src/models/model.js";
import { outputModel, type OutputConfig } from "../../src/models/output.js";
import { taskModel, type TaskConfig } from "../../src/models/task.js";
import { trajectoryModel, type TrajectoryConfig } from "../../src/models/trajectory.js";
import { formatMonth, parseMonth } from "../../src/period.js";
import { totalsByKey, totalsByMonth } from "../../src/projection/breakdown.js";
import type { CostPricesInput } from "../../src/projection/cost.js";
import { project, type ProjectionOptions } from "../../src/projection/project.js";
import { caseloadArb, caseloadOf, FORM_UNITS, INTENSITIES, MUNICIPALITIES, PROFILES, PROVIDERS, reentryCaseloadArb } from "../support/arbitraries.js";
import { withoutPriceTies } from "../support/rules.js";
import { referenceProject, type ReferenceModelConfig, type ReferenceOptions } from "./reference.js";

/** Runs per property; `REF_RUNS=20000 vitest run test/reference` for a deep search. */
const NUM_RUNS = Number(process.env.REF_RUNS ?? 200);


// ---------------------------------------------------------------------------------------------
// Config arbitraries.

type DatedMoney = { cents: number } | { from: string; value: { cents: number } }[];
type Indexation = { from: string; value: string }[];

const monthArb = fc.integer({ min: parseMonth("2023-01"), max: parseMonth("2030-12") });

/** 1–3 strictly increasing months as YYYY-MM. */
const increasingMonthsArb = (max: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(monthArb, { minLength: 1, maxLength: max }).map((ms) => [...ms].sort((a, b) => a - b).map(formatMonth));

/** An amount `{ cents }`, or dated versions of it. */
const datedMoneyArb = (max: number): fc.Arbitrary<DatedMoney> => {
  const cents = fc.integer({ min: 0, max }).map((c) => ({ cents: c }));
  return fc.oneof(
    cents,
    increasingMonthsArb(3).chain((froms) => fc.tuple(...froms.map((from) => cents.map((value) => ({ from, value }))))),
  );
};

/** Yearly indexation percentages like "2.5" (tenths, −2 % … 10 %), 1–2 dated versions. */
const indexationArb: fc.Arbitrary<Indexation> = increasingMonthsArb(2).chain((froms) =>
  fc.tuple(...froms.map((from) => fc.integer({ min: -20, max: 100 }).map((tenths) => ({ from, value: String(tenths / 10) })))),
);

/** A percentage 0–100 with up to one decimal, as a string. */
const sharePercentArb = fc.integer({ min: 0, max: 1000 }).map((tenths) => String(tenths / 10));

/** `{ key: value }` when the value is defined: optional fields under exactOptionalPropertyTypes. */
function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Per care form of FORM_UNITS a general tariff, plus 0–4 provider overrides, in any order. */
const tariffTableArb = (max: number) =>
  fc
    .tuple(
      fc.tuple(...FORM_UNITS.map((f) => datedMoneyArb(max).map((tariff) => ({ careForm: f.careForm, tariff })))),
      // One price per care form × provider: the library refuses a second as ambiguous.
      fc.uniqueArray(
        fc.record({ careForm: fc.constantFrom(...FORM_UNITS.map((f) => f.careForm)), provider: fc.constantFrom(...PROVIDERS), tariff: datedMoneyArb(max) }),
        { maxLength: 4, selector: (e) => `${e.provider}|${e.careForm}` },
      ),
    )
    .chain(([general, specific]) => fc.shuffledSubarray([...general, ...specific], { minLength: general.length + specific.length }));

/** The provider of a tariff-table entry, or undefined for a general one. */
const providerOf = (e: { careForm: string } | { careForm: string; provider: string }): string | undefined => ("provider" in e ? e.provider : undefined);

const effortConfigArb: fc.Arbitrary<EffortConfig> = fc
  .record({
    tariffs: tariffTableArb(100_000),
    indexation: fc.option(indexationArb, { nil: undefined }),
    ceiling: fc.option(
      fc.record({
        amounts: fc.uniqueArray(
          fc.record({
            provider: fc.constantFrom(...PROVIDERS),
            perYear: fc.oneof(datedMoneyArb(100_000), datedMoneyArb(3_000_000), datedMoneyArb(60_000_000)),
          }),
          { minLength: 1, maxLength: 3, selector: (a) => a.provider },
        ),
        behaviour: fc.constantFrom(...CEILING_BEHAVIOURS),
        consultationPercent: fc.option(sharePercentArb, { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => ({
    kind: "effort" as const,
    tariffs: r.tariffs,
    ...opt("indexation", r.indexation),
    ...opt(
      "ceiling",
      r.ceiling && { amounts: r.ceiling.amounts, behaviour: r.ceiling.behaviour, ...opt("consultationPercent", r.ceiling.consultationPercent) },
    ),
  }));

const taskConfigArb: fc.Arbitrary<TaskConfig> = fc
  .record({
    budgets: fc.uniqueArray(
      fc.record({
        provider: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
        municipality: fc.option(fc.constantFrom(...MUNICIPALITIES), { nil: undefined }),
        perYear: fc.oneof(datedMoneyArb(1_000_000), datedMoneyArb(400_000_000)),
      }),
      { minLength: 1, maxLength: 4, selector: (b) => `${b.provider ?? ""}|${b.municipality ?? ""}` },
    ),
    indexation: fc.option(indexationArb, { nil: undefined }),
    corridor: fc.option(
      fc.record({
        referenceTariffs: tariffTableArb(100_000),
        lowerPercent: fc.option(sharePercentArb, { nil: undefined }),
        upperPercent: fc.option(sharePercentArb, { nil: undefined }),
        settlementPercent: fc.option(sharePercentArb, { nil: undefined }),
        settleMonthsAfterYearEnd: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => ({
    kind: "task" as const,
    budgets: r.budgets.map((b) => ({ perYear: b.perYear, ...opt("provider", b.provider), ...opt("municipality", b.municipality) })),
    ...opt("indexation", r.indexation),
    ...opt(
      "corridor",
      r.corridor && {
        referenceTariffs: r.corridor.referenceTariffs.map((t) => ({ careForm: t.careForm, tariff: t.tariff, ...opt("provider", providerOf(t)) })),
        ...opt("lowerPercent", r.corridor.lowerPercent),
        ...opt("upperPercent", r.corridor.upperPercent),
        ...opt("settlementPercent", r.corridor.settlementPercent),
        ...opt("settleMonthsAfterYearEnd", r.corridor.settleMonthsAfterYearEnd),
      },
    ),
  }));

/** Four integer shares summing to exactly 100 (the last one fixed up). */
const scheduleArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([a, b, c]) => {
    const atStart = Math.min(a, 100);
    const instalments = Math.min(b, 100 - atStart);
    const atEnd = Math.min(c, 100 - atStart - instalments);
    return { atStart: String(atStart), instalments: String(instalments), atEnd: String(atEnd), onResult: String(100 - atStart - instalments - atEnd) };
  })
  .chain((s) => fc.shuffledSubarray([s.atStart, s.instalments, s.atEnd, s.onResult], { minLength: 4 }))
  .map(([atStart, instalments, atEnd, onResult]) => ({ atStart: atStart!, instalments: instalments!, atEnd: atEnd!, onResult: onResult! }));

/** Every element of `list`, in a random order. */
const shuffledAll = <T,>(list: T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray(list, { minLength: list.length });

const outputConfigArb: fc.Arbitrary<OutputConfig> = fc
  .record({
    // A price per profile × intensity covers every trajectory; optional extra entries override it.
    table: fc.tuple(...PROFILES.flatMap((profile) => INTENSITIES.map((intensity) => datedMoneyArb(2_000_000).map((price) => ({ profile, intensity, price }))))),
    // Extra entries with keys of their own: the table already prices every profile × intensity.
    extra: fc.uniqueArray(
      fc
        .record({
          provider: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
          profile: fc.option(fc.constantFrom(...PROFILES), { nil: undefined }),
          intensity: fc.option(fc.constantFrom(...INTENSITIES), { nil: undefined }),
          price: datedMoneyArb(2_000_000),
        })
        .filter((e) => !(e.provider === undefined && e.profile !== undefined && e.intensity !== undefined)),
      { maxLength: 4, selector: (e) => `${e.provider ?? ""}|${e.profile ?? ""}|${e.intensity ?? ""}` },
    ),
    indexation: fc.option(indexationArb, { nil: undefined }),
    validityMonths: fc.integer({ min: 1, max: 14 }),
    normFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    schedule: scheduleArb,
    onExpiry: fc.constantFrom("followUp" as const, "providerCarries" as const),
    followUpPercent: fc.option(sharePercentArb, { nil: undefined }),
    guaranteeMonths: fc.integer({ min: 0, max: 6 }),
  })
  .chain((r) =>
    shuffledAll(
        // extras that would tie with an entry setting as many fields are left out: a tie is refused (README, "Rules and their readings")
        withoutPriceTies<Record<string, unknown>>(
          r.table,
          r.extra.map((e) => ({ price: e.price, ...opt("provider", e.provider), ...opt("profile", e.profile), ...opt("intensity", e.intensity) })),
          ["provider", "profile", "intensity"],
        ) as OutputConfig["prices"],
      )
      .map((prices) => ({
        kind: "output" as const,
        prices,
        ...opt("indexation", r.indexation),
        validityMonths: r.validityMonths,
        ...opt("normMonths", r.normFraction === undefined ? undefined : 1 + Math.floor(r.normFraction * (r.validityMonths - 1))),
        schedule: r.schedule,
        onExpiry: r.onExpiry,
        ...opt("followUpPercent", r.followUpPercent),
        guaranteeMonths: r.guaranteeMonths,
      })),
  );

const trajectoryConfigArb: fc.Arbitrary<TrajectoryConfig> = fc
  .record({
    table: fc.oneof(
      datedMoneyArb(5_000_000).map((amount) => [{ amount }]),
      fc.tuple(...PROFILES.map((profile) => datedMoneyArb(5_000_000).map((amount) => ({ profile, amount })))),
    ),
    // Provider-specific extras, each key once: the table holds the general entries.
    extra: fc.uniqueArray(
      fc.record({
        provider: fc.constantFrom(...PROVIDERS),
        profile: fc.option(fc.constantFrom(...PROFILES), { nil: undefined }),
        amount: datedMoneyArb(5_000_000),
      }),
      { maxLength: 3, selector: (e) => `${e.provider}|${e.profile ?? ""}` },
    ),
    indexation: fc.option(indexationArb, { nil: undefined }),
    advancePercent: fc.option(sharePercentArb, { nil: undefined }),
    dropOutPercent: fc.option(sharePercentArb, { nil: undefined }),
  })
  .chain((r) =>
    shuffledAll(
        withoutPriceTies<Record<string, unknown>>(
          r.table,
          r.extra.map((e) => ({ amount: e.amount, ...opt("provider", e.provider), ...opt("profile", e.profile) })),
          ["provider", "profile"],
        ) as TrajectoryConfig["amounts"],
      )
      .map((amounts) => ({
        kind: "trajectory" as const,
        amounts,
        ...opt("indexation", r.indexation),
        ...opt("advancePercent", r.advancePercent),
        ...opt("dropOutPercent", r.dropOutPercent),
      })),
  );

const costPricesArb: fc.Arbitrary<CostPricesInput | undefined> = fc.option(
  fc
    .record({ prices: tariffTableArb(50_000), indexation: fc.option(indexationArb, { nil: undefined }) })
    .map((r) => ({
      prices: r.prices.map((p) => ({ careForm: p.careForm, price: p.tariff, ...opt("provider", providerOf(p)) })),
      ...opt("indexation", r.indexation),
    })),
  { nil: undefined },
);

/** The caseload window, or a sub-range of it. */
const scenarioArb = fc.oneof(caseloadArb, reentryCaseloadArb).chain(({ window, caseload }) =>
  fc.record({
    caseload: fc.constant(caseload),
    horizon: fc.oneof(
      fc.constant(window),
      fc
        .integer({ min: 0, max: window.months - 1 })
        .chain((offset) =>
          fc.integer({ min: 1, max: window.months - offset }).map((months) => ({ start: formatMonth(parseMonth(window.start) + offset), months })),
        ),
    ),
    paymentLagMonths: fc.constantFrom(0, 1, 2),
    costPrices: costPricesArb,
  }),
);

// ---------------------------------------------------------------------------------------------
// The comparison.

interface Scenario {
  caseload: Caseload;
  horizon: { start: string; months: number };
  paymentLagMonths: number;
  costPrices: CostPricesInput | undefined;
}

/** Every quantity of the fast path next to the reference's; returns the differences found. */
function differences(s: Scenario, config: ReferenceModelConfig, model: FundingModel): string[] {
  const options: ProjectionOptions & ReferenceOptions = {
    horizon: s.horizon,
    paymentLagMonths: s.paymentLagMonths,
    ...(s.costPrices ? { costPrices: s.costPrices } : {}),
  };
  const fast = project(s.caseload, model, options);
  const ref = referenceProject(s.caseload, config, options);
  const diffs: string[] = [];
  const same = (what: string, a: number, b: { toNumber(): number; toString(): string }): void => {
    if (a !== b.toNumber()) diffs.push(`${what}: fast path ${a}, reference ${b.toString()}`);
  };
  same("totalPaid", fast.totalPaid, ref.totalPaid);
  for (const [month, cents] of totalsByMonth(fast.byKind)) same(`month ${month}`, cents, ref.byMonth.get(month)!);
  if (totalsByMonth(fast.byKind).size !== ref.byMonth.size) diffs.push("different horizon months");
  const providers = totalsByKey(fast.byProvider);
  for (const [p, cents] of ref.byProvider) same(`provider ${p}`, providers.get(p) ?? 0, cents);
  const kinds = totalsByKey(fast.byKind);
  for (const [k, cents] of ref.byKind) same(`kind ${k}`, kinds.get(k) ?? 0, cents);
  same("dueAfterHorizon", fast.dueAfterHorizon, ref.dueAfterHorizon);
  if (fast.obligations.map((o) => o.date).join() !== ref.obligations.map((o) => o.date).join()) {
    diffs.push(`obligation dates: fast path ${fast.obligations.map((o) => o.date).join()}, reference ${ref.obligations.map((o) => o.date).join()}`);
  } else fast.obligations.forEach((o, i) => same(`obligations at ${o.date}`, o.cents, ref.obligations[i]!.cents));
  if ((fast.cost === null) !== (ref.cost === null)) diffs.push("cost computed by one side only");
  if (fast.cost && ref.cost && ref.costByProvider) {
    same("cost", fast.cost.total, ref.cost);
    const byProvider = totalsByKey(fast.cost.byProvider);
    for (const [p, cents] of ref.costByProvider) same(`cost of ${p}`, byProvider.get(p) ?? 0, cents);
  }
  return diffs;
}

function agrees<C extends ReferenceModelConfig>(configArb: fc.Arbitrary<C>, factory: (c: C) => FundingModel): void {
  fc.assert(
    fc.property(scenarioArb, configArb, (s, config) => {
      expect(differences(s, config, factory(config))).toEqual([]);
    }),
    { numRuns: NUM_RUNS },
  );
}

describe("fast path equals the decimal.js reference to the cent", () => {
  it("task-oriented funding (taakgericht): budgets, indexation, corridor settlement", () => {
    agrees(taskConfigArb, taskModel);
  });
  it("effort-oriented funding (inspanningsgericht): tariffs, 30-minute rule, ceilings", () => {
    agrees(effortConfigArb, effortModel);
  });
  it("output-oriented funding (outputgericht): schedules, early closure, follow-ups, guarantee", () => {
    agrees(outputConfigArb, outputModel);
  });
  it("trajectory funding (trajectfinanciering): advance, settlement, drop-out, open at the window's end", () => {
    agrees(trajectoryConfigArb, trajectoryModel);
  });
});

describe("regressions: discrepancies the reference found, on minimal inputs", () => {
  const base = { municipality: "G0", provider: "P0", profile: "licht", intensity: "laag", careForm: "ambulant", unit: "04" } as const;

  it("dueAfterHorizon leaves out the advance of a trajectory that starts after the horizon", () => {
    // Window 2026-01…02, horizon 2026-01 only; one trajectory starts 2026-02 (after the horizon).
    // Its €1000 advance (50 %) is paid 2026-03: not owed for an event inside the horizon, nor
    // committed by its end (the obligations at 2026-01 are 0), so it is not due after the horizon.
    const caseload = caseloadOf([{ ...base, id: "a", start: "2026-02", end: "2026-02", outcome: "achieved", use: [60] }], { start: "2026-01", months: 2 });
    const config: TrajectoryConfig = { kind: "trajectory", amounts: [{ amount: "2000" }] };
    const options = { horizon: { start: "2026-01", months: 1 }, paymentLagMonths: 1 };
    const fast = project(caseload, trajectoryModel(config), options);
    const ref = referenceProject(caseload, config, options);
    expect(ref.dueAfterHorizon.toNumber()).toBe(0);
    expect(ref.obligations.map((o) => o.cents.toNumber())).toEqual([0]);
    expect(fast.dueAfterHorizon).toBe(0);
  });

  it("the output guarantee does not make free a trajectory that started while the previous one still ran", () => {
    // Client x: trajectory a 2026-01…06 at P0, result achieved; trajectory b 2026-03…04 at P0
    // started two months into a — not a re-entry after a's result, so guaranteeMonths 3 does not
    // apply: both are paid €1200, €2400 in all.
    const caseload = caseloadOf(
      [
        { ...base, id: "a", client: "x", start: "2026-01", end: "2026-06", outcome: "achieved", use: [60, 60, 60, 60, 60, 60] },
        { ...base, id: "b", client: "x", start: "2026-03", end: "2026-04", outcome: "notAchieved", use: [60, 60] },
      ],
      { start: "2026-01", months: 12 },
    );
    const config: OutputConfig = { kind: "output", prices: [{ price: "1200" }], validityMonths: 12, guaranteeMonths: 3 };
    const options = { horizon: { start: "2026-01", months: 12 }, paymentLagMonths: 1 };
    expect(referenceProject(caseload, config, options).totalPaid.toNumber()).toBe(240000);
    const fast = project(caseload, outputModel(config), options);
    expect(fast.totalPaid).toBe(240000);
  });

  it("a schedule share JavaScript prints as 1e-6 keeps its cent in the split", () => {
    // Price €1,000,000 = 1e8 cents, atStart 0.000001 % (the number 1e-6: exactly 1 cent), instalments 99.999999 %.
    const caseload = caseloadOf([{ ...base, id: "a", start: "2026-01", end: "2026-12", outcome: "achieved", use: 60 }], { start: "2026-01", months: 12 });
    const config: OutputConfig = {
      kind: "output",
      prices: [{ price: { cents: 100_000_000 } }],
      validityMonths: 12,
      schedule: { atStart: 0.000001, instalments: "99.999999", atEnd: "0", onResult: "0" },
    };
    const options = { horizon: { start: "2026-01", months: 12 }, paymentLagMonths: 0 };
    expect(referenceProject(caseload, config, options).byKind.get("advance")!.toNumber()).toBe(1);
    const fast = totalsByKey(project(caseload, outputModel(config), options).byKind).get("advance");
    expect(fast).toBe(1);
  });

});
