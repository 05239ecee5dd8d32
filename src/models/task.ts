import { Decimal } from "decimal.js";
import { z } from "zod";
import { CARE_FORMS, CareFormSchema } from "../caseload/codes.js";
import { parseWith } from "../errors.js";
import { ALL_PROVIDERS, KIND_INSTALMENT, KIND_SETTLEMENT, WHOLE_REGION } from "../ledger/lineKind.js";
import type { LedgerWriter } from "../ledger/writer.js";
import type { Notice } from "../locale/notice.js";
import { percentOf, roundDecimalCents, SharePercentSchema, splitEvenly } from "../money/index.js";
import { horizonEnd, yearOf } from "../period.js";
import { NameSchema, optionalIndex } from "../caseload/names.js";
import { CareFormPrices } from "../prices/careFormPrices.js";
import { DatedMoneySchema, DatedPrice, IndexationSchema } from "../prices/datedPrice.js";
import { LabelSchema } from "./common.js";
import { declaredAmountFast } from "./effort.js";
import type { FundingModel, ModelOutcome, ProjectionContext } from "./model.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * Config of task-oriented funding (taakgericht, lump sum).
 * @category Funding models
 */
export const TaskConfigSchema = z.strictObject({
  kind: z.literal("task").describe("taakgericht: a lump sum per provider or area per year, paid monthly whatever the volume; optionally a corridor settled after the year"),
  label: LabelSchema,
  budgets: z
    .array(
      z.strictObject({
        provider: NameSchema.optional().describe("the provider paid; omitted: one budget for all providers together"),
        municipality: NameSchema.optional().describe("the area (municipality) the task covers; omitted: the whole region"),
        perYear: DatedMoneySchema.describe("budget per calendar year (the version in force in January)"),
      }),
    )
    .min(1, "needs at least one budget")
    .describe("lump sums per year, for all providers, a provider and/or an area (municipality); each key is a separate contract, all paid")
    .superRefine((budgets, ctx) => {
      // Budgets for different keys are separate contracts and are all paid (a base for the region plus
      // one per provider is a valid hybrid); the same key twice is a mistake.
      const seen = new Map<string, number>();
      budgets.forEach((b, i) => {
        const key = `${b.provider ?? ""}\u0000${b.municipality ?? ""}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) ctx.addIssue({ code: "custom", path: [i], message: `a second budget for the same provider and area as budgets[${earlier}]` });
        seen.set(key, i);
      });
    }, ONLY_IF_VALID),
  indexation: IndexationSchema.optional(),
  corridor: z
    .strictObject({
      referenceTariffs: z
        .array(
          z.strictObject({
            careForm: CareFormSchema,
            provider: NameSchema.optional().describe("only for this provider; otherwise for all"),
            tariff: DatedMoneySchema.describe("the tariff: euros per hour for time units, per unit otherwise"),
          }),
        )
        .min(1)
        .describe("tariffs that value the realised production (indexed like the budgets unless followIndexation is false)"),
      followIndexation: z
        .boolean()
        .default(true)
        .describe("the reference tariffs follow the model's indexation, as the budgets do (default true): otherwise indexation alone makes production fall behind the budget and causes a recovery"),
      lowerPercent: SharePercentSchema.default("5").describe("corridor below the budget, in percent of it: production within it is not settled"),
      upperPercent: SharePercentSchema.default("5").describe("corridor above the budget, in percent of it: production within it is not settled"),
      settlementPercent: SharePercentSchema.default("100").describe("share of the difference outside the corridor that is settled"),
      settleMonthsAfterYearEnd: z.number().int().min(1).max(24).default(6).describe("months after December in which the settlement is paid"),
    })
    .optional()
    .describe("volume corridor with year-end settlement (nacalculatie) outside it"),
});
/**
 * A task model config as users write it.
 * @category Funding models
 */
export type TaskConfig = z.input<typeof TaskConfigSchema>;

/**
 * Task-oriented funding (taakgericht): a budget per provider, per area or for all providers,
 * paid in twelve monthly instalments at the start of each month, whatever the volume. With a
 * corridor, realised production (delivered care × reference tariffs, indexed like the budgets
 * unless `followIndexation` is false) outside budget ± the corridor is settled after the year
 * (nacalculatie): paid out above, recovered below.
 *
 * Rounding points: a yearly budget splits over the months by largest remainder (so the year pays
 * exactly its budget); the corridor bounds and the settlement round half-up to the cent. Only
 * years wholly inside the caseload window are settled: production of a partly seen year is
 * unknown.
 * @category Funding models
 */
export function taskModel(config: TaskConfig): FundingModel {
  const cfg = parseWith(TaskConfigSchema, config, "task model config");
  return {
    kind: "task",
    label: cfg.label ?? "Taakgericht (lumpsum)",
    variant: "taakgericht",
    project(ctx: ProjectionContext, out: LedgerWriter): ModelOutcome {
      const c = ctx.caseload;
      const W = c.window.start;
      const E = horizonEnd(c.window);
      const what = "task model config";
      const budgets = cfg.budgets.map((b, i) => ({
        provider: optionalIndex(c, "providers", b.provider, ["budgets", i, "provider"], what),
        municipality: optionalIndex(c, "municipalities", b.municipality, ["budgets", i, "municipality"], what),
        price: new DatedPrice(b.perYear, cfg.indexation),
      }));
      const production = cfg.corridor
        ? productionPerBudget(ctx, budgets, cfg.corridor.referenceTariffs, cfg.corridor.followIndexation ? cfg.indexation : undefined)
        : null;
      const warnings: Notice[] = [];
      for (let y = yearOf(W); y <= yearOf(E); y++) {
        budgets.forEach((b, i) => {
          const yearly = b.price.at(y * 12);
          const p = b.provider < 0 ? ALL_PROVIDERS : b.provider;
          const mu = b.municipality < 0 ? WHOLE_REGION : b.municipality;
          splitEvenly(yearly, 12).forEach((cents, m) => {
            if (cents !== 0) out.lump(p, mu, y * 12 + m, y * 12, KIND_INSTALMENT, cents);
          });
          if (!production || !cfg.corridor) return;
          if (y * 12 < W || y * 12 + 11 > E) {
            if (i === 0) {
              warnings.push({
                en: `the corridor for ${y} is not settled: the year is only partly inside the caseload window`,
                nl: `de bandbreedte over ${y} is niet verrekend: het jaar ligt maar deels in het venster van het cliëntenbestand`,
              });
            }
            return;
          }
          const settlement = corridorSettlement(yearly, production[i]!.get(y) ?? 0, cfg.corridor);
          if (settlement !== 0) out.lump(p, mu, y * 12 + 11 + cfg.corridor.settleMonthsAfterYearEnd, y * 12 + 11, KIND_SETTLEMENT, settlement);
        });
      }
      return { warnings };
    },
    lumpSums(c, year) {
      // What each provider receives in the year from the budgets that name it (over all areas); a
      // budget for all providers together is no one provider's, so it is not counted.
      const out = new Float64Array(c.providers.length);
      cfg.budgets.forEach((b, i) => {
        if (b.provider === undefined) return;
        const p = optionalIndex(c, "providers", b.provider, ["budgets", i, "provider"], "task model config");
        out[p] = out[p]! + new DatedPrice(b.perYear, cfg.indexation).at(year * 12);
      });
      return out;
    },
  };
}

/**
 * Settlement of one year: the share of production outside [budget − lower %, budget + upper %].
 * Each bound is budget × (100 ∓ %) / 100 rounded half-up once; the settlement is the settled
 * percentage of the difference, rounded half-up (away from zero for a recovery).
 * @category Funding models
 */
export function corridorSettlement(
  budget: number,
  production: number,
  corridor: { readonly lowerPercent: string; readonly upperPercent: string; readonly settlementPercent: string },
): number {
  // Rounding point (README, "Rules and their readings"): each bound is budget × (100 ± %) / 100,
  // computed exactly and rounded half-up to the cent once — not budget ∓ the rounded percentage.
  // The readings differ by a cent below the budget when budget × % ends in exactly half a cent:
  // €1,000.10 − 5 % is 95009.5 → 95010 cents here, where 100010 − round(5000.5) would give 95009.
  const upper = roundDecimalCents(new Decimal(budget).times(new Decimal(corridor.upperPercent).dividedBy(100).plus(1)), "halfUp");
  const lower = roundDecimalCents(new Decimal(budget).times(new Decimal(1).minus(new Decimal(corridor.lowerPercent).dividedBy(100))), "halfUp");
  const outside = production > upper ? production - upper : production < lower ? production - lower : 0;
  return percentOf(outside, corridor.settlementPercent, "halfUp");
}

/**
 * Realised production per budget per calendar year, valued at the reference tariffs: one pass
 * over the care totals it per provider × municipality × year, then each budget sums its cells.
 */
function productionPerBudget(
  ctx: ProjectionContext,
  budgets: readonly { provider: number; municipality: number }[],
  referenceTariffs: readonly { careForm: (typeof CARE_FORMS)[number]; provider?: string | undefined; tariff: z.output<typeof DatedMoneySchema> }[],
  indexation: z.output<typeof IndexationSchema> | undefined,
): Map<number, number>[] {
  const c = ctx.caseload;
  const lookup = new CareFormPrices(
    c,
    referenceTariffs.map((r) => ({ careForm: r.careForm, provider: r.provider, price: r.tariff })),
    indexation,
    "task model config",
    ["corridor", "referenceTariffs"],
  );
  lookup.requireCovered();
  const grid = lookup.grid(c.window);
  const W = c.window.start;
  const wm = c.window.months;
  const nc = CARE_FORMS.length;
  const nMu = c.municipalities.length;
  const firstYear = yearOf(W);
  const years = yearOf(W + wm - 1) - firstYear + 1;
  const cells = new Float64Array(c.providers.length * nMu * years);
  // Year of each window month, looked up instead of divided per trajectory-month.
  const yearIndex = new Int32Array(wm);
  for (let mi = 0; mi < wm; mi++) yearIndex[mi] = yearOf(W + mi) - firstYear;
  const { unit: units, provider, municipality, careForm, start, useOffset, use } = c;
  for (let t = 0, n = c.size; t < n; t++) {
    const unit = units[t]!;
    const row = (provider[t]! * nc + careForm[t]!) * wm;
    const base = (provider[t]! * nMu + municipality[t]!) * years;
    const s = start[t]!;
    let mi = (s > W ? s : W) - W; // firstUseMonth − W
    for (let k = useOffset[t]!, to = useOffset[t + 1]!; k < to; k++, mi++) {
      cells[base + yearIndex[mi]!]! += declaredAmountFast(unit, use[k]!, grid[row + mi]!);
    }
  }
  return budgets.map((b) => {
    const perYear = new Map<number, number>();
    for (let p = 0; p < c.providers.length; p++) {
      if (b.provider >= 0 && b.provider !== p) continue;
      for (let mu = 0; mu < nMu; mu++) {
        if (b.municipality >= 0 && b.municipality !== mu) continue;
        for (let y = 0; y < years; y++) perYear.set(firstYear + y, (perYear.get(firstYear + y) ?? 0) + cells[(p * nMu + mu) * years + y]!);
      }
    }
    return perYear;
  });
}
