import { Decimal } from "decimal.js";
import { z } from "zod";
import { firstUseMonth } from "../caseload/caseload.js";
import { CARE_FORMS, CareFormSchema } from "../caseload/codes.js";
import { NameSchema, optionalIndex } from "../caseload/names.js";
import { DateSchema } from "../streams/workingDays.js";
import { parseWith } from "../errors.js";
import { ALL_PROVIDERS, KIND_INSTALMENT, WHOLE_REGION } from "../ledger/lineKind.js";
import { divRound, NonNegativeMoneySchema } from "../money/index.js";
import { DatedValue, daysInMonth, datedSchema, horizonEnd, MonthSchema, type Month } from "../period.js";
import { LabelSchema } from "./common.js";
import type { FundingModel, ModelMeasure, ModelOutcome, ProjectionContext } from "./model.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/** A day `YYYY-MM-DD` or a month `YYYY-MM` (= its first day), for norms that change mid-month. */
const DayOrMonthSchema = z.union([MonthSchema, DateSchema], { error: "expected a month YYYY-MM or a real day YYYY-MM-DD" });

/**
 * Config of per-place (capacity) funding.
 * @category Funding models
 */
export const PerPlaceConfigSchema = z.strictObject({
  kind: z.literal("perPlace").describe("per place (e.g. BooO): a norm amount per funded place per day or month, whatever the occupancy"),
  label: LabelSchema,
  places: z
    .array(
      z.strictObject({
        provider: NameSchema.optional().describe("the provider holding the places; omitted: all providers together"),
        municipality: NameSchema.optional().describe("the municipality whose places these are; omitted: the whole region"),
        careForms: z
          .array(CareFormSchema)
          .min(1)
          .optional()
          .describe("the care forms that occupy these places (for occupancy); omitted: any care at the provider and area"),
        count: z
          .union([z.number().int().min(0), datedSchema(z.number().int().min(0))])
          .describe("number of realised places (opvangplekken), or dated versions of it per month"),
      }),
    )
    .min(1, "needs at least one group of places")
    .describe("funded places per provider (and area): a number, or dated versions of it")
    .superRefine((places, ctx) => {
      const seen = new Map<string, number>();
      places.forEach((p, i) => {
        const key = `${p.provider ?? ""}\u0000${p.municipality ?? ""}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) ctx.addIssue({ code: "custom", path: [i], message: `a second group of places for the same provider and area as places[${earlier}]` });
        seen.set(key, i);
      });
    }, ONLY_IF_VALID),
  norm: z
    .union([NonNegativeMoneySchema, z
        .array(
          z.strictObject({
            from: DayOrMonthSchema.describe("when this norm takes effect, YYYY-MM or YYYY-MM-DD; it applies until the next version's"),
            value: NonNegativeMoneySchema.describe("the norm amount in force from `from`"),
          }),
        )
        .min(1)])
    .describe("norm amount per place per `per`; dated versions may start on a day (BooO: €83 from 2022-10-15)")
    .superRefine((norm, ctx) => {
      if (!Array.isArray(norm)) return;
      for (let i = 1; i < norm.length; i++) {
        if (dayKey(norm[i]!.from) <= dayKey(norm[i - 1]!.from)) ctx.addIssue({ code: "custom", path: [i, "from"], message: "versions must be in increasing order of 'from'" });
      }
    }, ONLY_IF_VALID),
  per: z.enum(["day", "month"]).default("day").describe("the norm is per place per day (BooO) or per place per month"),
});
/**
 * The configuration of per-place funding (per plaats, the BooO norm), as written in a scenario.
 * @category Funding models
 */
export type PerPlaceConfig = z.input<typeof PerPlaceConfigSchema>;

/** Sortable day key: month × 32 + day of month. */
function dayKey(text: string): number {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number | undefined];
  return (y * 12 + m - 1) * 32 + (d ?? 1);
}

/**
 * Per-place (capacity) funding, like the BooO (Bekostigingsregeling opvang ontheemden Oekraïne): a
 * norm amount per realised place per day (or month), paid whatever the occupancy, for a number of
 * places that can change month by month. A norm can change on a given day: a month then pays each
 * day at the norm in force that day (€100 until 14 October 2022, €83 from the 15th). Paid after
 * the month (`paymentLagMonths`). Measures: occupancy (trajectories in care per place) and the
 * cost per occupied place-month. Rounding: none — places × days × a norm in cents is exact; the
 * cost per occupied place-month is rounded half-even.
 * @category Funding models
 */
export function perPlaceModel(config: PerPlaceConfig): FundingModel {
  const cfg = parseWith(PerPlaceConfigSchema, config, "per-place model config");
  const versions = (Array.isArray(cfg.norm) ? cfg.norm : [{ from: "0000-01", value: cfg.norm }]).map((v) => ({ key: dayKey(v.from), cents: v.value }));
  /** Norm per place for a whole month: the sum of each day's norm, or the month's norm on its first day. */
  const perPlace = (m: Month): number => {
    const days = cfg.per === "day" ? daysInMonth(m) : 1;
    let sum = 0;
    for (let d = 1; d <= days; d++) {
      const key = m * 32 + d;
      let cents = versions[0]!.cents;
      for (const v of versions) if (v.key <= key) cents = v.cents;
      sum += cents;
    }
    return sum;
  };
  return {
    kind: "perPlace",
    label: cfg.label ?? "Per plek (capaciteit)",
    variant: "taakgericht", // paid per place, not per client: no assignments, no declarations
    project(ctx: ProjectionContext, out): ModelOutcome {
      const c = ctx.caseload;
      const what = "per-place model config";
      const groups = cfg.places.map((g, i) => ({
        provider: optionalIndex(c, "providers", g.provider, ["places", i, "provider"], what),
        municipality: optionalIndex(c, "municipalities", g.municipality, ["places", i, "municipality"], what),
        careForms: g.careForms ? new Set(g.careForms.map((f) => CARE_FORMS.indexOf(f))) : null,
        count: typeof g.count === "number" ? () => g.count as number : placesInForce(new DatedValue(g.count)),
      }));
      const first = ctx.horizon.start;
      const last = horizonEnd(ctx.horizon);
      let placeMonths = 0;
      let paid = 0;
      for (let m = c.window.start; m <= horizonEnd(c.window); m++) {
        const norm = perPlace(m);
        for (const g of groups) {
          const places = g.count(m);
          const cents = places * norm;
          if (cents !== 0) {
            out.lump(g.provider < 0 ? ALL_PROVIDERS : g.provider, g.municipality < 0 ? WHOLE_REGION : g.municipality, m + ctx.paymentLagMonths, m, KIND_INSTALMENT, cents);
          }
          if (m >= first && m <= last) {
            placeMonths += places;
            paid += cents;
          }
        }
      }
      const occupied = occupiedPlaceMonths(ctx, groups);
      const measures: ModelMeasure[] = [
        { name: "place-months funded", unit: "count", value: placeMonths },
        { name: "place-months occupied", unit: "count", value: occupied },
        { name: "occupancy", unit: "percent", value: placeMonths === 0 ? 0 : new Decimal(occupied).times(100).dividedBy(placeMonths).toDecimalPlaces(2).toNumber() },
        { name: "cost per occupied place-month", unit: "cents", value: occupied === 0 ? 0 : divRound(paid, occupied, "halfEven") },
      ];
      return { measures };
    },
  };
}

/** Places in a month: the version in force; none before the first version (the places did not exist yet). */
function placesInForce(versions: DatedValue<number>): (m: Month) => number {
  return (m) => versions.inForce(m) ?? 0;
}

/**
 * Trajectory-months in care inside the horizon at the places' provider and municipality: the
 * occupied places (one trajectory holds one place for a month).
 */
function occupiedPlaceMonths(ctx: ProjectionContext, groups: readonly { provider: number; municipality: number; careForms: ReadonlySet<number> | null }[]): number {
  const c = ctx.caseload;
  const first = ctx.horizon.start;
  const last = horizonEnd(ctx.horizon);
  let occupied = 0;
  for (let t = 0; t < c.size; t++) {
    const held = groups.some(
      (g) =>
        (g.provider < 0 || g.provider === c.provider[t]) &&
        (g.municipality < 0 || g.municipality === c.municipality[t]) &&
        (g.careForms === null || g.careForms.has(c.careForm[t]!)),
    );
    if (!held) continue;
    const from = firstUseMonth(c, t);
    for (let k = c.useOffset[t]!; k < c.useOffset[t + 1]!; k++) {
      const m = from + k - c.useOffset[t]!;
      if (m >= first && m <= last && c.use[k]! > 0) occupied++;
    }
  }
  return occupied;
}
