import fc from "fast-check";
import {
  CEILING_BEHAVIOURS,
  formatMonth,
  parseMonth,
  type CostPricesInput,
  type DatedMoneyInput,
  type EffortConfig,
  type IndexationInput,
  type ModelConfig,
  type OutputConfig,
  type PerPlaceConfig,
  type ReimbursementConfig,
  type TaskConfig,
  type TrajectoryConfig,
} from "../../src/index.js";
import { FORM_UNITS, INTENSITIES, MUNICIPALITIES, PROFILES, PROVIDERS } from "./arbitraries.js";
import { withoutPriceTies } from "./rules.js";

/**
 * Config arbitraries for the four built-in funding models. Every config covers every provider,
 * profile, intensity and care form of {@link FORM_UNITS} (the caseload arbitrary's), because a
 * missing price is an error by design: each has a general entry for everything, and optionally
 * more specific entries that override it.
 */

/** An amount as `{ cents }`. */
export const centsArb = (min: number, max: number): fc.Arbitrary<{ cents: number }> => fc.integer({ min, max }).map((cents) => ({ cents }));

/** A month `YYYY-MM` between 2023-01 and 2030-12 (around the caseload arbitrary's windows). */
export const monthArb = fc.integer({ min: parseMonth("2023-01"), max: parseMonth("2030-12") }).map(formatMonth);

/** A dated price: one amount, or 1–3 versions with increasing `from`. */
export function datedMoneyArb(min: number, max: number): fc.Arbitrary<DatedMoneyInput> {
  return fc.oneof(
    { weight: 2, arbitrary: centsArb(min, max) },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.integer({ min: parseMonth("2023-01"), max: parseMonth("2030-12") }), { minLength: 1, maxLength: 3 })
        .chain((months) =>
          fc.tuple(...[...months].sort((a, b) => a - b).map((m) => centsArb(min, max).map((value) => ({ from: formatMonth(m), value })))),
        ),
    },
  );
}

/** Yearly indexation: 1–2 versions, percentages 0–6 as numbers or decimal strings. */
export const indexationArb: fc.Arbitrary<IndexationInput> = fc
  .uniqueArray(fc.integer({ min: parseMonth("2023-01"), max: parseMonth("2030-12") }), { minLength: 1, maxLength: 2 })
  .chain((months) =>
    fc.tuple(
      ...[...months]
        .sort((a, b) => a - b)
        .map((m) =>
          fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 600 }).map((h) => (h / 100).toFixed(2))).map((value) => ({ from: formatMonth(m), value })),
        ),
    ),
  );

/** An integer percentage 0–100, as a number or a string. */
export const shareArb: fc.Arbitrary<number | string> = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1000 }).map((t) => (t / 10).toFixed(1)));

/** Four shares in tenths of a percent summing to exactly 100 %, as decimal strings. */
export const fourSharesArb: fc.Arbitrary<[string, string, string, string]> = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
  .map(([a, b, c]) => {
    const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
    const tenths = [x, y - x, z - y, 1000 - z];
    return tenths.map((t) => (t / 10).toString()) as [string, string, string, string];
  });

/** Optional key: omitted or one of the names (exactOptionalPropertyTypes: never `undefined`). */
function opt<K extends string>(key: K, names: readonly string[]): fc.Arbitrary<Partial<Record<K, string>>> {
  return fc.option(fc.constantFrom(...names), { nil: undefined }).map((v) => (v === undefined ? {} : ({ [key]: v } as Record<K, string>)));
}
/** `arb` or (when `optional`) sometimes `undefined`. */
function maybe<T>(arb: fc.Arbitrary<T>, optional: boolean): fc.Arbitrary<T | undefined> {
  return optional ? fc.option(arb, { nil: undefined }) : arb;
}
function withOptional<T extends object, K extends string, V>(o: T, key: K, v: V | undefined): T & Partial<Record<K, V>> {
  return v === undefined ? o : { ...o, [key]: v };
}

/** The key an entry prices: its provider, profile and intensity (empty where it applies to all). */
function keyOf(x: { provider?: string; profile?: string; intensity?: string }): string {
  return `${x.provider ?? ""}|${x.profile ?? ""}|${x.intensity ?? ""}`;
}

/** Options shared by the config arbitraries. */
export interface ConfigArbOptions {
  /** Only single-amount prices (no dated versions, no indexation): amounts then do not depend on the month. */
  readonly constantPrices?: boolean;
}

const FORMS = FORM_UNITS.map((f) => f.careForm);

/** Effort funding: a general tariff for every care form, some provider-specific ones, maybe a ceiling. */
export function effortConfigArb(o: ConfigArbOptions & { ceiling?: "none" | "any" | (typeof CEILING_BEHAVIOURS)[number] } = {}): fc.Arbitrary<EffortConfig> {
  const money = (min: number, max: number): fc.Arbitrary<DatedMoneyInput> => (o.constantPrices ? centsArb(min, max) : datedMoneyArb(min, max));
  const behaviours = o.ceiling === undefined || o.ceiling === "any" ? CEILING_BEHAVIOURS : o.ceiling === "none" ? [] : [o.ceiling];
  return fc
    .record({
      general: fc.tuple(...FORMS.map(() => money(0, 20_000))),
      // One price per care form × provider: a second one is refused as ambiguous.
      specific: fc.uniqueArray(fc.record({ provider: fc.constantFrom(...PROVIDERS), careForm: fc.constantFrom(...FORMS), tariff: money(0, 20_000) }), {
        maxLength: 3,
        selector: (x) => `${x.provider}|${x.careForm}`,
      }),
      indexation: o.constantPrices ? fc.constant(undefined) : fc.option(indexationArb, { nil: undefined }),
      ceiling:
        behaviours.length === 0
          ? fc.constant(undefined)
          : maybe(
              fc.record({
                amounts: fc.uniqueArray(
                  fc.record({
                    provider: fc.constantFrom(...PROVIDERS),
                    perYear: fc.oneof(money(0, 20_000), money(0, 300_000), money(0, 3_000_000)),
                  }),
                  { minLength: 1, maxLength: 3, selector: (x) => x.provider },
                ),
                behaviour: fc.constantFrom(...behaviours),
                consultationPercent: shareArb,
              }),
              o.ceiling === undefined || o.ceiling === "any",
            ),
    })
    .map((r) => {
      const tariffs: EffortConfig["tariffs"] = [
        ...FORMS.map((careForm, i) => ({ careForm, tariff: r.general[i]! })),
        ...r.specific.map((s) => ({ careForm: s.careForm, provider: s.provider, tariff: s.tariff })),
      ];
      const cfg: EffortConfig = withOptional(withOptional({ kind: "effort" as const, tariffs }, "indexation", r.indexation), "ceiling", r.ceiling);
      return cfg;
    });
}

/** Output funding: a general price for every arrangement, some specific ones, any schedule. */
export function outputConfigArb(o: ConfigArbOptions = {}): fc.Arbitrary<OutputConfig> {
  const money = (min: number, max: number): fc.Arbitrary<DatedMoneyInput> => (o.constantPrices ? centsArb(min, max) : datedMoneyArb(min, max));
  return fc
    .record({
      general: money(0, 5_000_000),
      specific: fc.uniqueArray(
        fc.tuple(opt("provider", PROVIDERS), opt("profile", PROFILES), opt("intensity", INTENSITIES), money(0, 5_000_000))
          .map(([a, b, c, price]) => ({ ...a, ...b, ...c, price }))
          .filter((x) => keyOf(x) !== "||"), // the general entry already has the all-empty key
        { maxLength: 4, selector: keyOf },
      ).map((specific) => withoutPriceTies([], specific, ["provider", "profile", "intensity"])), // a tie is refused: drop the entries that would make one
      indexation: o.constantPrices ? fc.constant(undefined) : fc.option(indexationArb, { nil: undefined }),
      validityMonths: fc.integer({ min: 1, max: 24 }),
      normFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      shares: fourSharesArb,
      onExpiry: fc.constantFrom("followUp" as const, "providerCarries" as const),
      followUpPercent: shareArb,
      guaranteeMonths: fc.integer({ min: 0, max: 12 }),
    })
    .map((r) => {
      const [atStart, instalments, atEnd, onResult] = r.shares;
      const cfg: OutputConfig = withOptional(
        withOptional(
          {
            kind: "output" as const,
            prices: [{ price: r.general }, ...r.specific],
            validityMonths: r.validityMonths,
            schedule: { atStart, instalments, atEnd, onResult },
            onExpiry: r.onExpiry,
            followUpPercent: r.followUpPercent,
            guaranteeMonths: r.guaranteeMonths,
          },
          "indexation",
          r.indexation,
        ),
        "normMonths",
        r.normFraction === undefined ? undefined : Math.max(1, Math.ceil(r.normFraction * r.validityMonths)),
      );
      return cfg;
    });
}

/** Trajectory funding: a general amount, some specific ones, any advance and drop-out share. */
export function trajectoryConfigArb(o: ConfigArbOptions & { nonNegative?: boolean } = {}): fc.Arbitrary<TrajectoryConfig> {
  const money = (min: number, max: number): fc.Arbitrary<DatedMoneyInput> => (o.constantPrices ? centsArb(min, max) : datedMoneyArb(min, max));
  return fc
    .record({
      general: money(0, 10_000_000),
      specific: fc.uniqueArray(
        fc
          .tuple(opt("provider", PROVIDERS), opt("profile", PROFILES), money(0, 10_000_000))
          .map(([a, b, amount]) => ({ ...a, ...b, amount }))
          .filter((x) => keyOf(x) !== "||"),
        { maxLength: 3, selector: keyOf },
      ).map((specific) => withoutPriceTies([], specific, ["provider", "profile"])), // a tie is refused: drop the entries that would make one
      indexation: o.constantPrices ? fc.constant(undefined) : fc.option(indexationArb, { nil: undefined }),
      advancePercent: fc.integer({ min: 0, max: 100 }),
      dropOutPercent: fc.integer({ min: 0, max: 100 }),
    })
    .map((r) => {
      // nonNegative: a drop-out is paid at least the advance, so no settlement is negative.
      const dropOut = o.nonNegative ? Math.max(r.dropOutPercent, r.advancePercent) : r.dropOutPercent;
      const cfg: TrajectoryConfig = withOptional(
        { kind: "trajectory" as const, amounts: [{ amount: r.general }, ...r.specific], advancePercent: r.advancePercent, dropOutPercent: dropOut },
        "indexation",
        r.indexation,
      );
      return cfg;
    });
}

/** Task funding: 1–4 budgets per provider / area / all, maybe a corridor with reference tariffs for every care form. */
export function taskConfigArb(o: ConfigArbOptions & { corridor?: boolean } = {}): fc.Arbitrary<TaskConfig> {
  const money = (min: number, max: number): fc.Arbitrary<DatedMoneyInput> => (o.constantPrices ? centsArb(min, max) : datedMoneyArb(min, max));
  const budget = fc.tuple(opt("provider", PROVIDERS), opt("municipality", MUNICIPALITIES), money(0, 100_000_000)).map(([a, b, perYear]) => ({ ...a, ...b, perYear }));
  // Budgets for the same provider and area twice are refused as ambiguous.
  const budgets = fc.uniqueArray(budget, { minLength: 1, maxLength: 4, selector: (b) => `${b.provider ?? "*"}|${b.municipality ?? "*"}` });
  return fc
    .record({
      budgets,
      indexation: o.constantPrices ? fc.constant(undefined) : fc.option(indexationArb, { nil: undefined }),
      corridor:
        o.corridor === false
          ? fc.constant(undefined)
          : maybe(
              fc.record({
                referenceTariffs: fc.tuple(...FORMS.map(() => money(0, 20_000))).map((ts) => FORMS.map((careForm, i) => ({ careForm, tariff: ts[i]! }))),
                lowerPercent: fc.integer({ min: 0, max: 20 }),
                upperPercent: fc.integer({ min: 0, max: 20 }),
                settlementPercent: shareArb,
                settleMonthsAfterYearEnd: fc.integer({ min: 1, max: 24 }),
              }),
              o.corridor !== true,
            ),
    })
    .map((r) => {
      const cfg: TaskConfig = withOptional(withOptional({ kind: "task" as const, budgets: r.budgets }, "indexation", r.indexation), "corridor", r.corridor);
      return cfg;
    });
}

/** Any built-in model's config. */
export const modelConfigArb: fc.Arbitrary<ModelConfig> = fc.oneof(effortConfigArb(), outputConfigArb(), trajectoryConfigArb(), taskConfigArb());

/** Provider cost prices for every care form, sometimes one provider-specific price. */
export const costPricesArb: fc.Arbitrary<CostPricesInput> = fc
  .record({
    general: fc.tuple(...FORMS.map(() => datedMoneyArb(0, 15_000))),
    specific: fc.option(fc.record({ provider: fc.constantFrom(...PROVIDERS), careForm: fc.constantFrom(...FORMS), price: datedMoneyArb(0, 15_000) }), { nil: undefined }),
    indexation: fc.option(indexationArb, { nil: undefined }),
  })
  .map((r) => {
    const prices: CostPricesInput["prices"] = [...FORMS.map((careForm, i) => ({ careForm, price: r.general[i]! })), ...(r.specific ? [r.specific] : [])];
    return withOptional({ prices }, "indexation", r.indexation);
  });

/** Per-place funding: 1–3 groups of places (distinct provider × area keys), a norm per day or month, maybe changing mid-month. */
export function perPlaceConfigArb(): fc.Arbitrary<PerPlaceConfig> {
  const count = fc.oneof(
    fc.integer({ min: 0, max: 50 }),
    fc
      .uniqueArray(fc.integer({ min: parseMonth("2023-01"), max: parseMonth("2030-12") }), { minLength: 1, maxLength: 3 })
      .chain((ms) => fc.tuple(...[...ms].sort((a, b) => a - b).map((m) => fc.integer({ min: 0, max: 50 }).map((value) => ({ from: formatMonth(m), value }))))),
  );
  const group = fc.tuple(opt("provider", PROVIDERS), opt("municipality", MUNICIPALITIES), count).map(([a, b, n]) => ({ ...a, ...b, count: n }));
  const norm = fc.oneof(
    centsArb(0, 30_000),
    fc
      .uniqueArray(fc.integer({ min: parseMonth("2023-01") * 32 + 1, max: parseMonth("2030-12") * 32 + 28 }), { minLength: 1, maxLength: 3 })
      .chain((keys) =>
        fc.tuple(
          ...[...keys]
            .sort((a, b) => a - b)
            .map((k) => centsArb(0, 30_000).map((value) => ({ from: `${formatMonth(Math.floor(k / 32))}-${String(Math.min(28, Math.max(1, k % 32))).padStart(2, "0")}`, value }))),
        ),
      )
      .filter((vs) => new Set(vs.map((v) => v.from)).size === vs.length),
  );
  return fc
    .record({
      places: fc.uniqueArray(group, { minLength: 1, maxLength: 3, selector: (g) => `${g.provider ?? ""}|${g.municipality ?? ""}` }),
      norm,
      per: fc.constantFrom("day" as const, "month" as const),
    })
    .map((r) => ({ kind: "perPlace" as const, places: r.places, norm: r.norm, per: r.per }));
}

/** Reimbursement: cost prices for every care form, maybe a selection, a cap, an advance. */
export function reimbursementConfigArb(): fc.Arbitrary<ReimbursementConfig> {
  return fc
    .record({
      prices: fc.tuple(...FORMS.map(() => datedMoneyArb(0, 20_000))),
      careForms: fc.option(fc.uniqueArray(fc.constantFrom(...FORMS), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      cap: fc.option(datedMoneyArb(0, 5_000_000), { nil: undefined }),
      advance: fc.option(fc.record({ percentOfCap: fc.integer({ min: 0, max: 100 }), settleMonthsAfterYearEnd: fc.integer({ min: 1, max: 12 }) }), { nil: undefined }),
    })
    .map((r) => {
      const base = {
        kind: "reimbursement" as const,
        costPrices: FORMS.map((careForm, i) => ({ careForm, price: r.prices[i]! })),
        ...(r.careForms ? { eligible: { careForms: r.careForms } } : {}),
      };
      if (r.cap === undefined) return base;
      return { ...base, capPerYear: r.cap, ...(r.advance ? { advance: r.advance } : {}) };
    });
}

/** A combined model of two or three parts drawn from the other arbitraries. */
export function combinedConfigArb(): fc.Arbitrary<ModelConfig> {
  const part = fc.oneof(taskConfigArb(), effortConfigArb({ ceiling: "none" }), outputConfigArb(), trajectoryConfigArb(), perPlaceConfigArb());
  return fc.array(part, { minLength: 2, maxLength: 3 }).map((parts) => ({ kind: "combined" as const, parts }));
}
