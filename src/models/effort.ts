import { z } from "zod";
import { firstUseMonth, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, CareFormSchema, UNIT_HOUR } from "../caseload/codes.js";
import { FundingInputError, parseWith } from "../errors.js";
import { declaredAmount } from "../ijw.js";
import { KIND_DECLARATION } from "../ledger/lineKind.js";
import type { LedgerWriter } from "../ledger/writer.js";
import { percentOf, SharePercentSchema } from "../money/index.js";
import { formatMonth, horizonEnd, yearOf, type Horizon } from "../period.js";
import { indexOrThrow, NameSchema } from "../caseload/names.js";
import { CareFormPrices } from "../prices/careFormPrices.js";
import { DatedMoneySchema, DatedPrice, IndexationSchema } from "../prices/datedPrice.js";
import { LabelSchema } from "./common.js";
import type { CeilingSignal, FundingModel, ModelOutcome, ProjectionContext } from "./model.js";

/**
 * What happens when a provider's yearly budget ceiling (bestedingsruimte) is reached.
 * @category Funding models
 */
export const CEILING_BEHAVIOURS = ["providerBears", "intakeStop", "overspend"] as const;

/**
 * Config of effort-oriented funding (inspanningsgericht, p × q).
 * @category Funding models
 */
export const EffortConfigSchema = z.strictObject({
  kind: z.literal("effort").describe("inspanningsgericht: tariff × delivered hours, dagdelen or etmalen, per client per month; optionally a yearly ceiling"),
  label: LabelSchema,
  tariffs: z
    .array(
      z.strictObject({
        careForm: CareFormSchema,
        provider: NameSchema.optional().describe("only for this provider (overrides the general tariff)"),
        tariff: DatedMoneySchema.describe("per hour for time units (01, 04), else per etmaal / dagdeel / stuk"),
      }),
    )
    .min(1, "needs at least one tariff")
    .describe("tariffs per care form (optionally per provider): euros per hour for time units, per unit otherwise"),
  indexation: IndexationSchema.optional(),
  ceiling: z
    .strictObject({
      amounts: z
        .array(
          z.strictObject({
            provider: NameSchema.describe("provider (aanbieder)"),
            perYear: DatedMoneySchema.describe("ceiling per calendar year (version in force in January, indexed like the tariffs unless followIndexation is false)"),
          }),
        )
        .min(1)
        .describe("the ceiling per provider per calendar year"),
      behaviour: z.enum(CEILING_BEHAVIOURS).describe(
        "providerBears: declarations beyond the ceiling are not paid; intakeStop: new clients wait until January, running care is paid; overspend: all is paid and the excess reported",
      ),
      consultationPercent: SharePercentSchema.default("70").describe("use at which parties consult (contract standard: 70 %)"),
      followIndexation: z
        .boolean()
        .default(true)
        .describe("the ceilings follow the model's indexation, as its tariffs do (default true); false: each year's ceiling is the version in force in January, unindexed"),
    })
    .optional()
    .describe("a yearly ceiling (bestedingsruimte) per provider, and what happens when declarations reach it"),
});
/**
 * An effort model config as users write it.
 * @category Funding models
 */
export type EffortConfig = z.input<typeof EffortConfigSchema>;

/**
 * Effort-oriented funding (inspanningsgericht): the contracted tariff × delivered units,
 * declared per client per month (JW323), paid `paymentLagMonths` after the care month. Hours
 * follow the iJw 30-minute rule. Optionally a yearly budget ceiling per provider, with the 70 %
 * consultation signal and a chosen behaviour at 100 %.
 * @category Funding models
 */
export function effortModel(config: EffortConfig): FundingModel {
  const cfg = parseWith(EffortConfigSchema, config, "effort model config");
  return {
    kind: "effort",
    label: cfg.label ?? "Inspanningsgericht (p×q)",
    variant: "inspanningsgericht",
    ceiling: cfg.ceiling !== undefined,
    defersCare: cfg.ceiling?.behaviour === "intakeStop",
    project(ctx: ProjectionContext, out: LedgerWriter): ModelOutcome {
      const c = ctx.caseload;
      const tariffs = new CareFormPrices(
        c,
        cfg.tariffs.map((e) => ({ careForm: e.careForm, provider: e.provider, price: e.tariff })),
        cfg.indexation,
        "effort model config",
        ["tariffs"],
      );
      tariffs.requireCovered();
      const grid = tariffs.grid(c.window);
      if (!cfg.ceiling) {
        declareAll(c, grid, ctx.paymentLagMonths, out);
        return {};
      }
      const ceilings = compileCeilings(c, cfg.ceiling.amounts, cfg.ceiling.followIndexation ? cfg.indexation : undefined);
      return projectWithCeiling(c, ctx.horizon, grid, ctx.paymentLagMonths, ceilings, cfg.ceiling.behaviour, cfg.ceiling.consultationPercent, out);
    },
  };
}

/**
 * {@link declaredAmount} for the hot loops, same result for every input: the iJw 30-minute rule as
 * `max(1, floor((minutes + 30) / 60))` hours instead of a branch on the remainder, which the CPU
 * mispredicts about every other month (use is random); the quotient of integers below 2^31 by 60
 * is far from any whole number it is not, so its floor is exact.
 */
export function declaredAmountFast(unit: number, use: number, tariff: number): number {
  if (unit === UNIT_HOUR) {
    if (use <= 0) return 0 * tariff; // billableHours is 0: the same (signed) zero as 0 × tariff
    const hours = Math.floor((use + 30) / 60);
    return (hours < 1 ? 1 : hours) * tariff;
  }
  return declaredAmount(unit, use, tariff);
}

/** Fast path without a ceiling: trajectory by trajectory, one declaration line per month with use. */
function declareAll(c: Caseload, grid: Float64Array, lag: number, out: LedgerWriter): void {
  const W = c.window.start;
  const wm = c.window.months;
  const nc = CARE_FORMS.length;
  // Columns in locals: the loop reads them for every trajectory-month.
  const { unit: units, provider, careForm, start, useOffset, use } = c;
  for (let t = 0, n = c.size; t < n; t++) {
    const unit = units[t]!;
    const s = start[t]!;
    const first = s > W ? s : W; // firstUseMonth
    const row = (provider[t]! * nc + careForm[t]!) * wm - W; // grid index of a care month
    let month = first;
    for (let k = useOffset[t]!, to = useOffset[t + 1]!; k < to; k++, month++) {
      const v = use[k]!;
      if (v === 0) continue; // no care, no declaration line
      out.trajectory(t, month + lag, month, KIND_DECLARATION, declaredAmountFast(unit, v, grid[row + month]!));
    }
  }
}

/**
 * Ceiling per provider index (−1 = none), as a dated price evaluated each January — indexed like
 * the tariffs (each January, half-up to the cent) unless `followIndexation` is false.
 */
function compileCeilings(
  c: Caseload,
  amounts: readonly { provider: string; perYear: z.output<typeof DatedMoneySchema> }[],
  indexation: z.output<typeof IndexationSchema> | undefined,
): (DatedPrice | null)[] {
  const out: (DatedPrice | null)[] = new Array<DatedPrice | null>(c.providers.length).fill(null);
  amounts.forEach((a, i) => {
    const p = indexOrThrow(c.providers, a.provider, ["ceiling", "amounts", i, "provider"], "effort model config", "provider");
    if (out[p]) {
      throw new FundingInputError("effort model config", [
        { code: "duplicate_ceiling", path: ["ceiling", "amounts", i, "provider"], message: `a second ceiling for provider "${a.provider}"` },
      ]);
    }
    out[p] = new DatedPrice(a.perYear, indexation);
  });
  return out;
}

/**
 * Month by month, so that a ceiling reached in May affects June: declarations are counted against
 * the provider's ceiling of the care month's year in caseload order (sorted by start). Under
 * `intakeStop`, a trajectory due to start (inside the caseload's window, whatever the horizon)
 * while its provider is at or over the ceiling waits until January; its care, and so its cost and
 * closure, shift by the wait. The horizon only selects which years' signals are reported.
 */
function projectWithCeiling(
  c: Caseload,
  h: Horizon,
  grid: Float64Array,
  lag: number,
  ceilings: readonly (DatedPrice | null)[],
  behaviour: (typeof CEILING_BEHAVIOURS)[number],
  consultationPercent: string,
  out: LedgerWriter,
): ModelOutcome {
  const W = c.window.start;
  const wm = c.window.months;
  const E = W + wm - 1;
  const nc = CARE_FORMS.length;
  const np = c.providers.length;
  const delays = new Int32Array(c.size);
  // Trajectories waiting to be admitted, bucketed by the month they (now) want to start.
  const due: number[][] = Array.from({ length: wm }, () => []);
  let active: number[] = [];
  for (let t = 0; t < c.size; t++) {
    if (c.useOffset[t + 1]! === c.useOffset[t]!) continue; // no care inside the window
    const s = c.start[t]!;
    if (s < W) active.push(t); // already in care when the window opens
    else due[s - W]!.push(t);
  }
  const spent = new Float64Array(np); // paid in the current year, per provider
  const signals: CeilingSignal[] = [];
  type Signal = { consultation: number | null; reached: number | null; ceiling: number; declared: number; beyond: number };
  const signalOf = new Map<number, Signal>();
  // The current year's signal per provider: the same objects as in signalOf, without a Map lookup per line.
  const currentSignal: (Signal | undefined)[] = new Array<Signal | undefined>(np).fill(undefined);
  let year = yearOf(W);
  const ceilingOf = new Float64Array(np);
  const thresholdOf = new Float64Array(np);
  const openYear = (y: number): void => {
    for (let p = 0; p < np; p++) {
      const cp = ceilings[p];
      ceilingOf[p] = cp ? cp.at(y * 12) : Infinity;
      // Rounding point: the consultation threshold rounds up to the cent (never signal early).
      thresholdOf[p] = cp ? percentOf(ceilingOf[p]!, consultationPercent, "up") : Infinity;
      spent[p] = 0;
      currentSignal[p] = cp ? { consultation: null, reached: null, ceiling: ceilingOf[p]!, declared: 0, beyond: 0 } : undefined;
      if (cp) signalOf.set(y * 65536 + p, currentSignal[p]!);
    }
  };
  openYear(year);
  for (let M = W; M <= E; M++) {
    if (yearOf(M) !== year) openYear((year = yearOf(M)));
    const mi = M - W;
    for (const t of due[mi]!) {
      const p = c.provider[t]!;
      // Every start inside the caseload's window is subject to the intake stop, whatever the
      // reporting horizon: waiting depends on the caseload and the rules only (README, "Rules and
      // their readings"). Only trajectories already in care when the window opens run as given.
      if (behaviour === "intakeStop" && spent[p]! >= ceilingOf[p]!) {
        const wait = (year + 1) * 12 - M; // until January
        delays[t] = delays[t]! + wait;
        // Waiting past the window's end: never admitted here, and its delay says so.
        if (mi + wait < wm) due[mi + wait]!.push(t);
        continue;
      }
      active.push(t);
    }
    const still: number[] = [];
    for (const t of active) {
      const k = c.useOffset[t]! + (M - firstUseMonth(c, t) - delays[t]!);
      if (k >= c.useOffset[t + 1]!) continue; // care finished
      still.push(t);
      const use = c.use[k]!;
      if (use === 0) continue;
      const p = c.provider[t]!;
      const amount = declaredAmountFast(c.unit[t]!, use, grid[(p * nc + c.careForm[t]!) * wm + mi]!);
      let pay = amount;
      const room = ceilingOf[p]! - spent[p]!;
      if (behaviour === "providerBears" && pay > room) pay = room > 0 ? room : 0;
      spent[p]! += pay;
      const sig = currentSignal[p];
      if (sig) {
        sig.declared += amount;
        sig.beyond = sig.declared > sig.ceiling ? sig.declared - sig.ceiling : 0;
        if (sig.consultation === null && sig.declared >= thresholdOf[p]!) sig.consultation = M;
        if (sig.reached === null && sig.declared >= sig.ceiling) sig.reached = M;
      }
      if (pay !== 0) out.trajectory(t, M + lag, M, KIND_DECLARATION, pay);
    }
    active = still;
  }
  for (const [key, s] of signalOf) {
    const y = Math.floor(key / 65536);
    if (y * 12 + 11 < h.start || y * 12 > horizonEnd(h)) continue; // report the horizon's years only
    signals.push({
      provider: c.providers[key - y * 65536]!,
      year: y,
      consultationMonth: s.consultation === null ? null : formatMonth(s.consultation),
      reachedMonth: s.reached === null ? null : formatMonth(s.reached),
      ceiling: s.ceiling,
      declared: s.declared,
      beyondCeiling: s.beyond,
    });
  }
  return { delays, ceilingSignals: signals };
}
