import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { OPEN_END, OUTCOME_ACHIEVED } from "../caseload/codes.js";
import { parseWith } from "../errors.js";
import { KIND_ADVANCE, KIND_DECLARATION, KIND_SETTLEMENT } from "../ledger/lineKind.js";
import { writeRun } from "../ledger/writer.js";
import { allocate, percentOf, percentWeights, requireHundred, SharePercentSchema, splitEvenly } from "../money/index.js";
import { horizonEnd } from "../period.js";
import { NameSchema } from "../caseload/names.js";
import { DatedMoneySchema, IndexationSchema, type DatedPrice } from "../prices/datedPrice.js";
import { KeyedPrices, priceTieIssues } from "../prices/keyedPrices.js";
import { LabelSchema } from "./common.js";
import type { FundingModel, ModelOutcome, ProjectionContext } from "./model.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * Config of output-oriented funding (outputgericht / resultaatgericht).
 * @category Funding models
 */
export const OutputConfigSchema = z
  .strictObject({
    kind: z.literal("output").describe("outputgericht: a fixed price per arrangement (profile × intensity) for a validity period, paid by a schedule"),
    label: LabelSchema,
    prices: z
      .array(
        z.strictObject({
          profile: NameSchema.optional().describe("client profile; omitted: every profile"),
          intensity: NameSchema.optional().describe("intensity level; omitted: every level"),
          provider: NameSchema.optional().describe("only for this provider"),
          price: DatedMoneySchema.describe("price of one arrangement; the version in force at its start applies"),
        }),
      )
      .min(1, "needs at least one arrangement price")
      .describe("prices per client profile (optionally per intensity and provider); the entry setting the most fields wins, two setting as many that both match a combination are refused"),
    indexation: IndexationSchema.optional(),
    validityMonths: z.number().int().min(1).max(120).default(12).describe("validity period of an arrangement"),
    normMonths: z.number().int().min(1).max(120).optional().describe("months the instalment share is spread over (default: validityMonths)"),
    schedule: z
      .strictObject({
        atStart: SharePercentSchema.default("0").describe("percent of the price paid when the arrangement starts"),
        instalments: SharePercentSchema.default("100").describe("percent of the price paid in monthly instalments over the norm duration"),
        atEnd: SharePercentSchema.default("0").describe("percent of the price paid when the arrangement ends"),
        onResult: SharePercentSchema.default("0").describe("paid only when the result is achieved"),
      })
      .default({ atStart: "0", instalments: "100", atEnd: "0", onResult: "0" })
      .describe("how the price is paid, in percent summing to 100: atStart, instalments, atEnd, onResult"),
    onExpiry: z
      .enum(["followUp", "providerCarries"])
      .default("followUp")
      .describe("validity ends before closure: a follow-up arrangement (vervolgarrangement), or the provider carries the extra duration"),
    followUpPercent: SharePercentSchema.default("100").describe("price of a follow-up arrangement as a share of the price"),
    guaranteeMonths: z.number().int().min(0).max(120).default(0).describe("a trajectory starting within this many months after an earlier one of the same client at the same provider closed with the result achieved (its closing month included) is at the provider's cost"),
  })
  .superRefine((cfg, ctx) => {
    const keys = cfg.prices.map((p) => [p.provider, p.profile, p.intensity]);
    for (const issue of priceTieIssues(keys, ["provider", "profile", "intensity"], ["prices"])) ctx.addIssue({ code: "custom", ...issue });
    const s = cfg.schedule;
    requireHundred([["atStart", s.atStart], ["instalments", s.instalments], ["atEnd", s.atEnd], ["onResult", s.onResult]], ctx, ["schedule"]);
    if (cfg.normMonths !== undefined && cfg.normMonths > cfg.validityMonths) {
      ctx.addIssue({ code: "custom", path: ["normMonths"], message: `normMonths ${cfg.normMonths} exceeds validityMonths ${cfg.validityMonths}` });
    }
  }, ONLY_IF_VALID);
/** An arrangement price split into its payments (cents). */
interface Schedule {
  readonly atStart: number;
  /** The instalments as runs of equal amounts (largest remainder makes at most two): amount and length of each. */
  readonly runCents: readonly number[];
  readonly runLengths: readonly number[];
  readonly atEnd: number;
  readonly onResult: number;
}

/** Consecutive equal amounts of `amounts` as runs: each run's amount and length. */
function runsOf(amounts: readonly number[]): { runCents: number[]; runLengths: number[] } {
  const runCents: number[] = [];
  const runLengths: number[] = [];
  for (const a of amounts) {
    if (runCents.length > 0 && runCents[runCents.length - 1] === a) runLengths[runLengths.length - 1]!++;
    else {
      runCents.push(a);
      runLengths.push(1);
    }
  }
  return { runCents, runLengths };
}

/**
 * An output model config as users write it.
 * @category Funding models
 */
export type OutputConfig = z.input<typeof OutputConfigSchema>;

/**
 * Output-oriented funding (outputgericht): a fixed price per arrangement — client profile ×
 * intensity level — for a validity period, paid by a schedule (a share at the start, instalments
 * over the norm duration, a share at the end, a share only on result). A closed arrangement is
 * paid its whole price (less the result share when the result was not achieved): closing early
 * pays the remaining instalments at closure. When the validity ends first, the arrangement is
 * settled without its result share and a follow-up arrangement starts — or the provider carries
 * the rest of the care and receives the result share only if the result is achieved at closure.
 * Re-entry within the guarantee period after an achieved result at the same provider is at the
 * provider's cost (the last achieved trajectory there counts, not only the client's previous one).
 *
 * Rounding points: the price splits into the four shares by largest remainder, and the instalment
 * share over the norm months by largest remainder, so an arrangement's lines add up to its price.
 * A follow-up price is rounded half-up to the cent.
 * @category Funding models
 */
export function outputModel(config: OutputConfig): FundingModel {
  const cfg = parseWith(OutputConfigSchema, config, "output model config");
  const weights = percentWeights([cfg.schedule.atStart, cfg.schedule.instalments, cfg.schedule.atEnd, cfg.schedule.onResult]);
  const validity = cfg.validityMonths;
  const norm = cfg.normMonths ?? validity;
  // A region has a few dozen prices and hundreds of thousands of arrangements: split each distinct
  // price once. Safe because the split depends on the amount alone.
  const schedules = new Map<number, Schedule>();
  const scheduleOf = (amount: number): Schedule => {
    let s = schedules.get(amount);
    if (!s) {
      const [atStart, instalmentShare, atEnd, onResult] = allocate(amount, weights) as [number, number, number, number];
      s = { atStart, ...runsOf(splitEvenly(instalmentShare, norm)), atEnd, onResult };
      schedules.set(amount, s);
    }
    return s;
  };
  const followUps = new Map<number, number>();
  const followUpOf = (price: number): number => {
    let v = followUps.get(price);
    if (v === undefined) followUps.set(price, (v = percentOf(price, cfg.followUpPercent, "halfUp")));
    return v;
  };
  return {
    kind: "output",
    label: cfg.label ?? "Outputgericht (arrangement)",
    variant: "outputgericht",
    project(ctx: ProjectionContext, out): ModelOutcome {
      const c = ctx.caseload;
      const lag = ctx.paymentLagMonths;
      const E = horizonEnd(c.window);
      const prices = new KeyedPrices(
        c,
        ["providers", "profiles", "intensities"],
        cfg.prices.map((p, i) => ({ keys: [p.provider, p.profile, p.intensity], price: p.price, path: ["prices", i] })),
        cfg.indexation,
        "output model config",
        ["prices"],
      );
      // Per provider × profile × intensity cell: its price, and the amount and schedule of the last
      // start month seen. The caseload is sorted by start, so a cell's next trajectory mostly starts
      // in the same month: one typed-array compare instead of a price lookup and two Map lookups.
      // Same values: a cell always has the same price, and a price's amount and schedule depend on
      // the month and the amount alone.
      const nPf = c.profiles.length;
      const nI = c.intensities.length;
      const cellPrice: (DatedPrice | undefined)[] = new Array<DatedPrice | undefined>(c.providers.length * nPf * nI).fill(undefined);
      const cellMonth = new Float64Array(cellPrice.length).fill(NaN);
      const cellSchedule: Schedule[] = new Array<Schedule>(cellPrice.length);
      const { provider, profile, intensity } = c;
      const guaranteed = guaranteedReentries(c, cfg.guaranteeMonths);
      for (let t = 0; t < c.size; t++) {
        const cell = (provider[t]! * nPf + profile[t]!) * nI + intensity[t]!;
        // The price is looked up before the guarantee check, as it always was: a missing price fails
        // at the same trajectory.
        const price = cellPrice[cell] ?? (cellPrice[cell] = prices.forTrajectory(t));
        if (guaranteed !== null && guaranteed[t] === 1) continue;
        const end = c.end[t]!;
        const achieved = c.outcome[t] === OUTCOME_ACHIEVED;
        let s = c.start[t]!;
        let schedule: Schedule;
        if (cellMonth[cell] === s) schedule = cellSchedule[cell]!;
        else {
          schedule = cellSchedule[cell] = scheduleOf(price.at(s));
          cellMonth[cell] = s;
        }
        for (;;) {
          const expiry = s + validity - 1;
          const closes = end !== OPEN_END && end <= expiry;
          const last = closes ? end : expiry;
          const { atStart, runCents, runLengths, atEnd, onResult } = schedule;
          if (atStart !== 0) out.trajectory(t, s + lag, s, KIND_ADVANCE, atStart);
          // Instalment i (of norm) is paid in month s + i + lag when s + i ≤ last; the rest is
          // settled. Run by run: the same lines in the same order, in a call per run.
          const paid = last - s + 1;
          let unpaid = 0;
          for (let r = 0, i = 0; r < runCents.length; r++) {
            const cents = runCents[r]!;
            const length = runLengths[r]!;
            const inRun = paid - i <= 0 ? 0 : paid - i < length ? paid - i : length;
            if (inRun > 0 && cents !== 0) writeRun(out, t, s + i + lag, s, KIND_DECLARATION, cents, inRun);
            unpaid += cents * (length - inRun);
            i += length;
          }
          const settlement = atEnd + unpaid;
          if (settlement !== 0) out.trajectory(t, last + lag, s, KIND_SETTLEMENT, settlement);
          // The result share is owed only once the result is there: its own line, incurred at closure,
          // so it is never an obligation before. Carrying the care past the validity, the provider
          // still earns it if the result comes.
          const resultPaid = achieved && (closes || (cfg.onExpiry === "providerCarries" && end !== OPEN_END));
          if (resultPaid && onResult !== 0) out.trajectory(t, end + lag, end, KIND_SETTLEMENT, onResult);
          // Still in care after the validity period: a follow-up arrangement, if the contract has one
          // and the care is known to go on (inside the window).
          if (closes || cfg.onExpiry === "providerCarries" || expiry + 1 > Math.min(end, E)) break;
          s = expiry + 1;
          schedule = scheduleOf(followUpOf(price.at(s)));
        }
      }
      return {};
    },
  };
}

/**
 * Re-entries at the provider's cost (README, "Rules and their readings"): trajectory `t` is one
 * when the same client has an earlier trajectory at the same provider that closed with the result
 * achieved, at most `guaranteeMonths` months before `t` starts — in `t`'s start month too (0 months
 * after closure). Earlier means started in an earlier month; a trajectory starting in the same
 * month, or still running when `t` starts, runs in parallel and is no re-entry. Not only the
 * client's immediately preceding trajectory counts: a short stay elsewhere in between does not end
 * the guarantee. Any achieved trajectory counts, also one that was itself a guaranteed re-entry.
 * Null when there is no guarantee period.
 *
 * One pass in caseload order (sorted by start): per client × provider the closures of achieved
 * trajectories started in earlier months, dropping those that fell out of the period (starts only
 * grow, so they never count again).
 */
export function guaranteedReentries(c: Caseload, guaranteeMonths: number): Uint8Array | null {
  if (guaranteeMonths === 0) return null;
  const n = c.size;
  const { start, end, outcome, client, provider } = c;
  let minClient = 0;
  let maxClient = 0;
  for (let t = 0; t < n; t++) {
    const x = client[t]!;
    if (x < minClient) minClient = x;
    if (x > maxClient) maxClient = x;
  }
  // Both paths read the caseload in start order, as every builder lays it out (sorted by start).
  // The builders number clients densely; other client numbers take the keyed path.
  if (minClient < 0 || maxClient > 4 * n + 1024) return guaranteedReentriesByKey(c, guaranteeMonths);
  // Per client a linked list (head, next) of its achieved, closed trajectories started in earlier
  // months — typed arrays instead of a Map of arrays (a tenth of a Monte Carlo run). Starts only
  // grow, so an end before s − guaranteeMonths never counts again and is unlinked; the provider is
  // compared on the walk. Exactly the trajectories of the keyed version qualify.
  const out = new Uint8Array(n);
  const head = new Int32Array(maxClient + 1).fill(-1);
  const next = new Int32Array(n);
  let pendingFrom = 0; // trajectories [pendingFrom, t) start in the current month: not yet "earlier"
  for (let t = 0; t < n; t++) {
    const s = start[t]!;
    for (; pendingFrom < t && start[pendingFrom]! < s; pendingFrom++) {
      const u = pendingFrom;
      if (outcome[u] !== OUTCOME_ACHIEVED || end[u] === OPEN_END) continue;
      const cl = client[u]!;
      next[u] = head[cl]!;
      head[cl] = u;
    }
    const cl = client[t]!;
    let u = head[cl]!;
    if (u < 0) continue;
    const from = s - guaranteeMonths;
    const p = provider[t]!;
    let prev = -1;
    while (u >= 0) {
      const nu = next[u]!;
      const e = end[u]!;
      if (e < from) {
        // out of the period for this and every later start
        if (prev < 0) head[cl] = nu;
        else next[prev] = nu;
      } else {
        if (e <= s && provider[u] === p) out[t] = 1; // closed with the result by t's start, within the period, same provider
        prev = u;
      }
      u = nu;
    }
  }
  return out;
}

/**
 * {@link guaranteedReentries} for any client numbers (negative, or sparse as in a selection of a
 * large caseload): a Map by client × provider. Like it, reads the caseload in start order.
 */
export function guaranteedReentriesByKey(c: Caseload, guaranteeMonths: number): Uint8Array {
  const out = new Uint8Array(c.size);
  const np = c.providers.length;
  const closures = new Map<number, number[]>(); // client × provider → end months of achieved trajectories
  let pendingFrom = 0; // trajectories [pendingFrom, t) start in the current month: not yet "earlier"
  for (let t = 0; t < c.size; t++) {
    const s = c.start[t]!;
    for (; pendingFrom < t && c.start[pendingFrom]! < s; pendingFrom++) {
      const u = pendingFrom;
      if (c.outcome[u] !== OUTCOME_ACHIEVED || c.end[u] === OPEN_END) continue;
      const key = c.client[u]! * np + c.provider[u]!;
      const list = closures.get(key);
      if (list) list.push(c.end[u]!);
      else closures.set(key, [c.end[u]!]);
    }
    const list = closures.get(c.client[t]! * np + c.provider[t]!);
    if (!list) continue;
    let keep = 0;
    for (const end of list) {
      if (end < s - guaranteeMonths) continue; // out of the period for this and every later start
      list[keep++] = end;
      if (end <= s) out[t] = 1; // closed with the result by t's start, within the period
    }
    list.length = keep;
  }
  return out;
}
