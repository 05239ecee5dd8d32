import { z } from "zod";
import { firstUseMonth, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS } from "../caseload/codes.js";
import { SelectionSchema, selectTrajectories } from "../caseload/selection.js";
import { parseWith } from "../errors.js";
import { ALL_PROVIDERS, KIND_DECLARATION, KIND_INSTALMENT, KIND_SETTLEMENT, WHOLE_REGION } from "../ledger/lineKind.js";
import type { LedgerWriter } from "../ledger/writer.js";
import type { Notice } from "../locale/notice.js";
import { SharePercentSchema } from "../money/index.js";
import { yearlyAdvance } from "../ledger/yearlyAdvance.js";
import { horizonEnd, yearOf } from "../period.js";
import { CareFormPrices } from "../prices/careFormPrices.js";
import { DatedMoneySchema, DatedPrice, IndexationSchema } from "../prices/datedPrice.js";
import { CareFormPriceSchema, costOfUse } from "../projection/cost.js";
import { LabelSchema } from "./common.js";
import type { FundingModel, ModelOutcome, ProjectionContext } from "./model.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * Config of reimbursement of realised costs (meerkosten, open-book).
 * @category Funding models
 */
export const ReimbursementConfigSchema = z
  .strictObject({
    kind: z.literal("reimbursement").describe("vergoeding werkelijke kosten (meerkosten): the realised cost of eligible care, optionally capped"),
    label: LabelSchema,
    costPrices: z
      .array(CareFormPriceSchema)
      .min(1)
      .describe("realised cost of one unit of care, per care form (and provider)"),
    indexation: IndexationSchema.optional(),
    eligible: SelectionSchema.default({}).describe("which care is reimbursed; an omitted list means all"),
    capPerYear: DatedMoneySchema.optional().describe("most reimbursed per calendar year (the version in force in January)"),
    advance: z
      .strictObject({
        percentOfCap: SharePercentSchema.describe("share of the yearly cap paid in advance, in twelve monthly parts"),
        settleMonthsAfterYearEnd: z.number().int().min(1).max(24).default(6).describe("months after December in which the year is settled"),
      })
      .optional()
      .describe("an advance on the cap with a settlement after the year, instead of paying each month's realised cost"),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.advance && cfg.capPerYear === undefined) ctx.addIssue({ code: "custom", path: ["advance"], message: "an advance is a share of the cap: give capPerYear too" });
  }, ONLY_IF_VALID);
/**
 * The configuration of reimbursement of realised costs (vergoeding werkelijke kosten, meerkosten), as written in a scenario.
 * @category Funding models
 */
export type ReimbursementConfig = z.input<typeof ReimbursementConfigSchema>;

/**
 * Reimbursement of realised costs (meerkostenregeling-style, open-book): pays the realised cost of
 * eligible care — use × cost price, as the provider's cost is computed — optionally up to a cap
 * per calendar year. Without an advance, each month's realised cost is declared per client and
 * paid after the month until the year's cap is reached (in month order, then caseload order).
 * With an advance, a share of the cap is paid in twelve monthly parts and the year is settled
 * after it: reimbursable (realised, capped) − advances, paid or recovered.
 *
 * Rounding points: cost of time units as in the provider cost (minutes × hourly price / 60,
 * half-up per trajectory-month); the advance is `percentOfCap` of the cap rounded half-up, split
 * over the months by largest remainder. Only years wholly inside the window are settled.
 * @category Funding models
 */
export function reimbursementModel(config: ReimbursementConfig): FundingModel {
  const cfg = parseWith(ReimbursementConfigSchema, config, "reimbursement model config");
  return {
    kind: "reimbursement",
    label: cfg.label ?? "Vergoeding werkelijke kosten",
    // Month by month per client without an advance; an advance and a settlement need no client messages.
    variant: cfg.advance ? "taakgericht" : "inspanningsgericht",
    project(ctx: ProjectionContext, out: LedgerWriter): ModelOutcome {
      const c = ctx.caseload;
      const what = "reimbursement model config";
      const prices = new CareFormPrices(c, cfg.costPrices, cfg.indexation, what, ["costPrices"]);
      const eligible = selectTrajectories(c, cfg.eligible, ["eligible"], what);
      // Only the care reimbursed needs a price.
      prices.requireCovered(eligible);
      const cap = cfg.capPerYear === undefined ? null : new DatedPrice(cfg.capPerYear);
      const W = c.window.start;
      const wm = c.window.months;
      const grid = prices.grid(c.window);
      /** Visits every eligible trajectory-month with a realised cost, trajectory by trajectory. */
      const eachMonth = (visit: (t: number, mi: number, cents: number) => void): void => {
        for (let t = 0; t < c.size; t++) {
          if (!eligible(t)) continue;
          const row = (c.provider[t]! * CARE_FORMS.length + c.careForm[t]!) * wm;
          let mi = firstUseMonth(c, t) - W;
          for (let k = c.useOffset[t]!; k < c.useOffset[t + 1]!; k++, mi++) {
            const cents = costOfUse(c.unit[t]!, c.use[k]!, grid[row + mi]!);
            if (cents > 0) visit(t, mi, cents);
          }
        }
      };
      const pay = (t: number, mi: number, cents: number): void => out.trajectory(t, W + mi + ctx.paymentLagMonths, W + mi, KIND_DECLARATION, cents);
      if (!cap && !cfg.advance) {
        eachMonth(pay);
        return {};
      }
      const realisedByMonth = new Float64Array(wm);
      eachMonth((_t, mi, cents) => (realisedByMonth[mi]! += cents));
      if (cfg.advance) return { warnings: settleWithAdvance(c, realisedByMonth, cap!, cfg.advance, out) };
      // The cap cuts the latest care of a year: months before the one where it bites are paid in
      // full, that month in caseload order up to what is left, later months not at all.
      const IN_FULL = 0;
      const CUT = 1;
      const NOTHING = 2;
      const cutMonth = new Uint8Array(wm); // IN_FULL by default
      const roomInCut = new Float64Array(wm);
      let year = NaN;
      let room = Infinity;
      let cut = false;
      for (let mi = 0; mi < wm; mi++) {
        if (yearOf(W + mi) !== year) {
          year = yearOf(W + mi);
          room = cap!.at(year * 12);
          cut = false;
        }
        if (cut) cutMonth[mi] = NOTHING;
        else if (realisedByMonth[mi]! > room) {
          cutMonth[mi] = CUT;
          roomInCut[mi] = room;
          cut = true;
        } else room -= realisedByMonth[mi]!;
      }
      eachMonth((t, mi, cents) => {
        if (cutMonth[mi] === IN_FULL) return pay(t, mi, cents);
        if (cutMonth[mi] === NOTHING) return;
        const part = Math.min(cents, roomInCut[mi]!);
        roomInCut[mi]! -= part;
        if (part > 0) pay(t, mi, part);
      });
      return {};
    },
  };
}

/**
 * Advances on each year's cap and, for years wholly inside the window, a settlement of capped
 * realised cost − advances (see {@link yearlyAdvance}). Returns warnings for the years left unsettled.
 */
function settleWithAdvance(
  c: Caseload,
  realisedByMonth: Float64Array,
  cap: DatedPrice,
  advance: { percentOfCap: string; settleMonthsAfterYearEnd: number },
  out: LedgerWriter,
): Notice[] {
  const W = c.window.start;
  const E = horizonEnd(c.window);
  const warnings: Notice[] = [];
  for (let y = yearOf(W); y <= yearOf(E); y++) {
    const capCents = cap.at(y * 12);
    const whole = y * 12 >= W && y * 12 + 11 <= E;
    let realised: number | null = null;
    if (whole) {
      realised = 0;
      for (let m = y * 12; m <= y * 12 + 11; m++) realised += realisedByMonth[m - W]!;
      realised = Math.min(realised, capCents);
    } else {
      warnings.push({
        en: `the advance for ${y} is paid but not settled: the year is only partly inside the caseload window`,
        nl: `het voorschot over ${y} is betaald maar niet vastgesteld: het jaar ligt maar deels in het venster van het cliëntenbestand`,
      });
    }
    for (const p of yearlyAdvance(y, capCents, advance.percentOfCap, realised, advance.settleMonthsAfterYearEnd)) {
      out.lump(ALL_PROVIDERS, WHOLE_REGION, p.month, p.incurred, p.kind === "advance" ? KIND_INSTALMENT : KIND_SETTLEMENT, p.cents);
    }
  }
  return warnings;
}
