import { z } from "zod";
import { OPEN_END, OUTCOMES } from "../caseload/codes.js";
import { parseWith } from "../errors.js";
import { KIND_ADVANCE, KIND_SETTLEMENT } from "../ledger/lineKind.js";
import { percentOf, SharePercentSchema } from "../money/index.js";
import { horizonEnd } from "../period.js";
import { NameSchema } from "../caseload/names.js";
import { DatedMoneySchema, IndexationSchema, type DatedPrice } from "../prices/datedPrice.js";
import { KeyedPrices, priceTieIssues } from "../prices/keyedPrices.js";
import { LabelSchema } from "./common.js";
import type { FundingModel, ModelOutcome, ProjectionContext } from "./model.js";

/**
 * Config of trajectory funding (trajectfinanciering).
 * @category Funding models
 */
export const TrajectoryConfigSchema = z.strictObject({
  kind: z.literal("trajectory").describe("trajectfinanciering: a fixed amount per trajectory, an advance at the start and the rest at closure"),
  label: LabelSchema,
  amounts: z
    .array(
      z.strictObject({
        profile: NameSchema.optional().describe("client profile; omitted: every profile"),
        provider: NameSchema.optional().describe("only for this provider"),
        amount: DatedMoneySchema.describe("fixed amount per trajectory; the version in force at its start applies"),
      }),
    )
    .min(1, "needs at least one trajectory amount")
    .superRefine((amounts, ctx) => {
      const keys = amounts.map((a) => [a.provider, a.profile]);
      for (const issue of priceTieIssues(keys, ["provider", "profile"], [])) ctx.addIssue({ code: "custom", ...issue });
    })
    .describe("the amount per trajectory, per client profile (and provider); the entry setting the most fields wins, two setting as many that both match a combination are refused"),
  indexation: IndexationSchema.optional(),
  advancePercent: SharePercentSchema.default("50").describe("agreed share paid at the start (iJw: declared in two parts)"),
  dropOutPercent: SharePercentSchema.default("100").describe("share of the amount paid in all when the client drops out"),
});
/**
 * A trajectory model config as users write it.
 * @category Funding models
 */
export type TrajectoryConfig = z.input<typeof TrajectoryConfigSchema>;

/**
 * Trajectory funding (trajectfinanciering, Overijssel 2011): a fixed amount per client
 * trajectory, whatever its form and duration. An agreed advance is paid at the start; the rest is
 * settled when the trajectory closes. The whole amount is committed at the start (an obligation
 * until paid); a drop-out's reduction is a separate settlement line incurred at closure. Rounding points: the advance and a drop-out amount round
 * half-up to the cent; the settlement is the exact remainder, so a closed trajectory is paid
 * exactly its amount.
 * @category Funding models
 */
export function trajectoryModel(config: TrajectoryConfig): FundingModel {
  const cfg = parseWith(TrajectoryConfigSchema, config, "trajectory model config");
  const dropOut = OUTCOMES.indexOf("droppedOut");
  // Few distinct amounts, many trajectories: compute each percentage of an amount once.
  const advances = new Map<number, number>();
  const dropOuts = new Map<number, number>();
  const share = (memo: Map<number, number>, amount: number, percent: string): number => {
    let v = memo.get(amount);
    if (v === undefined) memo.set(amount, (v = percentOf(amount, percent, "halfUp")));
    return v;
  };
  return {
    kind: "trajectory",
    label: cfg.label ?? "Trajectfinanciering",
    variant: "outputgericht", // iJw declares a trajectory as unit 83 with frequency 6, an output product
    project(ctx: ProjectionContext, out): ModelOutcome {
      const c = ctx.caseload;
      const lag = ctx.paymentLagMonths;
      const E = horizonEnd(c.window);
      const prices = new KeyedPrices(
        c,
        ["providers", "profiles"],
        cfg.amounts.map((a, i) => ({ keys: [a.provider, a.profile], price: a.amount, path: ["amounts", i] })),
        cfg.indexation,
        "trajectory model config",
        ["amounts"],
      );
      // Per provider × profile cell: its price, and the amount, advance and drop-out amount of the
      // last start month seen (the caseload is sorted by start): a typed-array compare instead of a
      // price lookup and up to three Map lookups per trajectory, with the same values.
      const nPf = c.profiles.length;
      const cellPrice: (DatedPrice | undefined)[] = new Array<DatedPrice | undefined>(c.providers.length * nPf).fill(undefined);
      const cellMonth = new Float64Array(cellPrice.length).fill(NaN);
      const cellFull = new Float64Array(cellPrice.length);
      const cellAdvance = new Float64Array(cellPrice.length);
      const cellDropOut = new Float64Array(cellPrice.length);
      const { provider, profile, start, end: ends, outcome } = c;
      for (let t = 0; t < c.size; t++) {
        const s = start[t]!;
        const cell = provider[t]! * nPf + profile[t]!;
        const price = cellPrice[cell] ?? (cellPrice[cell] = prices.forTrajectory(t));
        if (cellMonth[cell] !== s) {
          const f = price.at(s);
          cellFull[cell] = f;
          cellAdvance[cell] = share(advances, f, cfg.advancePercent);
          cellDropOut[cell] = share(dropOuts, f, cfg.dropOutPercent);
          cellMonth[cell] = s;
        }
        const full = cellFull[cell]!;
        const end = ends[t]!;
        const amount = outcome[t] === dropOut ? cellDropOut[cell]! : full;
        const advance = cellAdvance[cell]!;
        if (advance !== 0) out.trajectory(t, s + lag, s, KIND_ADVANCE, advance);
        // The whole amount is committed at the start; open at the window's end, the rest is paid after it.
        const settleAt = end === OPEN_END ? E + 1 : end;
        if (full - advance !== 0) out.trajectory(t, settleAt + lag, s, KIND_SETTLEMENT, full - advance);
        // A drop-out's reduction is only known at closure: its own line, incurred then, so an earlier
        // year end shows what was committed at the time, not what hindsight knows.
        if (amount !== full) out.trajectory(t, end + lag, end, KIND_SETTLEMENT, amount - full);
      }
      return {};
    },
  };
}
