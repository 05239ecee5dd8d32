import type { z } from "zod";
import { FundingInputError, fromZodIssues, type Issue } from "../errors.js";
import { formatEuro, MAX_CENTS, splitEvenly, type Cents } from "../money/index.js";
import { parseMonth, type Month } from "../period.js";
import { DateVersions } from "./datedByDate.js";
import {
  GrantPoolOptionsSchema,
  GrantPoolSchema,
  GrantPoolsInputSchema,
  GrantRequestsSchema,
  type GrantKind,
  type GrantPool,
  type GrantPoolInput,
  type GrantPoolOptions,
  type GrantPoolsInput,
  type GrantRequest,
  type GrantRejectionReason,
  type GrantRequestInput,
  type GrantRules,
} from "./grantPoolSchema.js";
import { buildGrantReport, type GrantPoolReport } from "./grantPoolReport.js";
import {
  dutchHolidayDays,
  formatDate,
  MAX_YEAR,
  MIN_YEAR,
  monthOfDay,
  parseDate,
  WorkingCalendar,
  yearOfDay,
  type DayNumber,
  type IsoDate,
} from "./workingDays.js";

/*
 * Simulation of a capped grant pool (stimuleringsimpuls maatwerk, Utrecht/Flevoland 2021). The
 * whole decision procedure, with the choices the source leaves open, is described on
 * {@link simulateGrantPool}; the per-region, per-month and stop reporting is in grantPoolReport.ts.
 */

export { GRANT_REJECTION_LABELS, GRANT_REJECTION_REASONS, type GrantRejectionReason } from "./grantPoolSchema.js";

/**
 * Which review a request got: `extended` above the threshold or with information missing.
 * @category Grant pools (stimuleringsimpuls)
 */
export type ReviewTrack = "standard" | "extended" | "urgent";

/**
 * What happened to one request. Amounts in cents; dates `YYYY-MM-DD`.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantDecision {
  readonly id: string;
  readonly region: string;
  readonly kind: GrantKind;
  readonly requested: Cents;
  readonly receivedDate: IsoDate;
  /** `from` of the rules version in force on the received date: the version that judged this request. */
  readonly rulesFrom: IsoDate;
  readonly track: ReviewTrack;
  /** Received date + the track's working days under those rules. */
  readonly decisionDate: IsoDate;
  readonly decisionWorkingDays: number;
  readonly decision: "approved" | "rejected";
  /** Null when approved. */
  readonly reason: GrantRejectionReason | null;
  /** The decision in words, with the amounts that decided it. */
  readonly message: string;
  /** Calendar year of the received date: the year's budget the request is judged against and charged to. */
  readonly budgetYear: number;
  /**
   * The budget year's money left after this decision, as the decision saw it: the cap of the rules
   * in force at receipt, plus transfers so far, minus every earlier-received approval of that year,
   * plus what those released on or before the decision date. Negative when a later version of
   * the rules lowered the cap below what earlier-received requests had committed under the old
   * one (such a request is refused; the per-month report shows this as `overCommitted`).
   */
  readonly budgetLeft: Cents;
  /** The commitment (opdrachtbrief): the amount asked when approved, else 0. */
  readonly committed: Cents;
  /**
   * When the invoice came in, the guarantee was called, or it expired uncalled; null when rejected.
   * Never before the decision date (a request delivered earlier is refused, `deliveredBeforeDecision`).
   */
  readonly settlementDate: IsoDate | null;
  /** min(invoice or called amount, committed): never more than the commission letter. */
  readonly paid: Cents;
  /**
   * The invoice (for a guarantee: the amount called) above the commitment, which is not paid:
   * invoice − committed when positive, else 0 (and 0 when rejected). Reported so capping the
   * payment is never silent.
   */
  readonly invoiceAboveCommitment: Cents;
  /** Settlement + the payment term; null when nothing is paid. */
  readonly paymentDate: IsoDate | null;
  /** committed − paid, returned to the budget on the settlement date. */
  readonly released: Cents;
  readonly releaseDate: IsoDate | null;
}

/**
 * A transfer of budget as it was carried out.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface ExecutedTransfer {
  readonly date: IsoDate;
  readonly direction: "in" | "out";
  /** The other pool. */
  readonly counterpart: string;
  /** Amount asked for. */
  readonly requested: Cents;
  /** Amount moved: for a transfer out, at most what was uncommitted in the year's budget on the date. */
  readonly transferred: Cents;
  readonly budgetYear: number;
}

/**
 * One pool's simulation: every decision in processing order, and the reports built from them.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantPoolResult extends GrantPoolReport {
  readonly pool: string;
  /** In processing order: by received date, same-day requests by id. */
  readonly decisions: readonly GrantDecision[];
  /** Transfers in date order (same-day ones in input order: external first, then between pools). */
  readonly transfers: readonly ExecutedTransfer[];
}

/**
 * Several pools simulated together.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantPoolsResult {
  readonly pools: readonly GrantPoolResult[];
}

/**
 * Simulates a capped grant pool over a list of requests. Plain result: every decision, totals,
 * per region, per month, stops and decision times (see {@link GrantPoolResult}).
 *
 * The procedure, with the choices the source leaves open:
 *
 * 1. **Rules.** A request is judged entirely by the version of the rules in force on its
 *    **received date** (`rulesFrom` in the decision says which): review days, thresholds, cap,
 *    release schedule, reserve, guarantee maximum, bridging, payment term. A request received the
 *    day before a new version uses the old one, even though it is decided under the new one. A
 *    request received before the first version is an input error.
 * 2. **Decision date.** Received date + working days (Monday–Friday minus holidays, counted from
 *    the day after): `extended` (`extendedReviewDays`) when the amount is above `largeAmount`
 *    (above `largeRealEstateAmount` for real estate) or information is missing; otherwise
 *    `urgent` (`urgentDays`) when urgent, else `standard` (`reviewDays`). Urgency shortens only a
 *    standard review: a request that needs more information or the extra check cannot be decided
 *    sooner by being urgent. Rejections take the same review time.
 * 3. **Order.** Requests are judged in order of receipt (same day: by id). When a request is
 *    judged, every earlier-received one has been judged and holds its claim on the budget, even if
 *    its own decision date is later (an extended review); amounts released on or before the
 *    decision date count again. A later-received request never takes budget from an earlier one.
 * 4. **Checks,** in order; the first that fails is the reason: costs already incurred (as the
 *    request says: `costsAlreadyIncurred`, or because delivery — for a guarantee its call, or the
 *    end of its term — comes before the decision date: `deliveredBeforeDecision`, the simulator's
 *    reading of "geen reeds gemaakte kosten", bridging included); bridging when not allowed; a
 *    guarantee above `guaranteeMaximum`; then the budget of the **received date's calendar year**
 *    (like the rules: a request received on 28 December and decided in January is a claim on the
 *    year it was made in): `aboveCap` when the amount is more than cap + transfers of that year
 *    so far − `reserve` (too large for the pool even if nothing else were claimed; no stop), then,
 *    as the budget stands on the decision date (cap + transfers − claims), `exceedsBudget` when
 *    the amount is more than is left,
 *    `poolStopped` when it would leave less than `reserve` (the temporary stop — it lifts as soon
 *    as releases or transfers bring the remainder back above the reserve), `notYetReleased` when it
 *    exceeds the part of the cap released by the decision date (release schedule; all of it once
 *    the year is over) plus transfers.
 * 5. **Payment.** An approval commits the amount asked. The invoice comes in on the delivery date
 *    (never before the decision: see step 4); it is paid `paymentTermDays` calendar days later,
 *    never above the commitment ("niet hoger dan het bedrag in de opdrachtbrief"): an invoice above
 *    it is paid up to the commitment and the excess reported (`invoiceAboveCommitment`, per
 *    decision, per region and in total); the rest is released on the invoice date. A guarantee is
 *    paid only when called (at most the commitment, any excess reported likewise; the call settles
 *    it, releasing the rest) and released in full when its term (the delivery date) ends uncalled.
 *    A release returns to the
 *    budget year of its commitment, whenever it happens: it helps the requests of that year decided
 *    after it, never another year's (each year has its own cap; unused budget does not carry over).
 * 6. **Transfers** with outside pools (`pool.transfers`) take effect at the start of their date,
 *    before that day's requests, in the year of their date; a transfer out moves at most what is
 *    uncommitted then (cap of the version in force on that date + transfers − claims).
 *
 * @throws FundingInputError when the pool, a request or the options are invalid; every issue
 *   names its path (`pool.rules[1].from`, `requests[3].receivedDate`, `options.horizon`).
 * @category Grant pools (stimuleringsimpuls)
 */
export function simulateGrantPool(pool: GrantPoolInput, requests: readonly GrantRequestInput[], options: GrantPoolOptions = {}): GrantPoolResult {
  const issues: Issue[] = [];
  const p = GrantPoolSchema.safeParse(pool);
  if (!p.success) issues.push(...fromZodIssues(p.error.issues, ["pool"]));
  const r = GrantRequestsSchema.safeParse(requests);
  if (!r.success) issues.push(...fromZodIssues(r.error.issues, ["requests"]));
  const o = GrantPoolOptionsSchema.safeParse(options);
  if (!o.success) issues.push(...fromZodIssues(o.error.issues, ["options"]));
  if (p.success && r.success) issues.push(...receivedBeforeRules(p.data, r.data, ["requests"]));
  if (issues.length > 0 || !p.success || !r.success || !o.success) throw new FundingInputError("grant pool simulation", issues);
  return simulate([{ pool: p.data, requests: r.data }], [], o.data).pools[0]!;
}

/**
 * Simulates several pools together, so budget can move between them (`transfers`: a date, two
 * pool names, an amount). A transfer moves at most what is uncommitted in the giving pool on its
 * date; everything else is as in {@link simulateGrantPool}, pool by pool.
 *
 * @throws FundingInputError naming the path of every invalid field (`pools[1].requests[0].amount`,
 *   `transfers[0].to`).
 * @category Grant pools (stimuleringsimpuls)
 */
export function simulateGrantPools(input: GrantPoolsInput, options: GrantPoolOptions = {}): GrantPoolsResult {
  const issues: Issue[] = [];
  const p = GrantPoolsInputSchema.safeParse(input);
  if (!p.success) issues.push(...fromZodIssues(p.error.issues));
  const o = GrantPoolOptionsSchema.safeParse(options);
  if (!o.success) issues.push(...fromZodIssues(o.error.issues, ["options"]));
  if (p.success) p.data.pools.forEach((x, i) => issues.push(...receivedBeforeRules(x.pool, x.requests, ["pools", i, "requests"])));
  if (issues.length > 0 || !p.success || !o.success) throw new FundingInputError("grant pools simulation", issues);
  return simulate(p.data.pools, p.data.transfers, o.data);
}

/** Requests received before the first version of the rules have nothing to be judged by. */
function receivedBeforeRules(pool: GrantPool, requests: readonly GrantRequest[], base: (string | number)[]): Issue[] {
  const first = pool.rules[0]!.from;
  return requests.flatMap((q, i) =>
    q.receivedDate < first
      ? [{ code: "before_rules", path: [...base, i, "receivedDate"], message: `received ${q.receivedDate}, before the first version of the rules (from ${first})` }]
      : [],
  );
}

/** The state of one pool during the run. */
interface PoolRun {
  readonly name: string;
  readonly index: number;
  readonly rules: DateVersions<GrantRules>;
  /** Approvals so far per budget year: committed total and the releases (day, cents). */
  readonly claims: Map<number, { committed: Cents; releases: { day: DayNumber; cents: Cents }[] }>;
  /** Net transfers carried out so far per budget year. */
  readonly net: Map<number, Cents>;
  readonly decisions: GrantDecision[];
  readonly transfers: ExecutedTransfer[];
  readonly horizonStart: Month | null;
  readonly horizonMonths: number | null;
}

type QueueItem =
  | { readonly day: DayNumber; readonly order: 0; readonly seq: number; readonly transfer: TransferItem }
  | { readonly day: DayNumber; readonly order: 1; readonly seq: number; readonly run: PoolRun; readonly request: GrantRequest };

interface TransferItem {
  readonly from: PoolRun | null;
  readonly to: PoolRun | null;
  readonly fromName: string;
  readonly toName: string;
  readonly amount: Cents;
}

type Options = z.output<typeof GrantPoolOptionsSchema>;

function simulate(
  pools: readonly { readonly pool: GrantPool; readonly requests: readonly GrantRequest[] }[],
  between: readonly { readonly date: IsoDate; readonly from: string; readonly to: string; readonly amount: Cents }[],
  options: Options,
): GrantPoolsResult {
  guardTotals(pools, between);
  const calendar = buildCalendar(pools, between, options);
  const runs: PoolRun[] = pools.map((x, index) => ({
    name: x.pool.name,
    index,
    rules: new DateVersions(x.pool.rules),
    claims: new Map(),
    net: new Map(),
    decisions: [],
    transfers: [],
    horizonStart: options.horizon ? parseMonth(options.horizon.start) : null,
    horizonMonths: options.horizon ? options.horizon.months : null,
  }));
  const byName = new Map(runs.map((r) => [r.name, r]));

  const queue: QueueItem[] = [];
  let seq = 0;
  runs.forEach((run, i) => {
    for (const t of pools[i]!.pool.transfers) {
      const outside = t.counterpart;
      const transfer: TransferItem =
        t.direction === "in"
          ? { from: null, to: run, fromName: outside, toName: run.name, amount: t.amount }
          : { from: run, to: null, fromName: run.name, toName: outside, amount: t.amount };
      queue.push({ day: parseDate(t.date), order: 0, seq: seq++, transfer });
    }
  });
  for (const t of between) {
    const from = byName.get(t.from)!;
    const to = byName.get(t.to)!;
    queue.push({ day: parseDate(t.date), order: 0, seq: seq++, transfer: { from, to, fromName: from.name, toName: to.name, amount: t.amount } });
  }
  runs.forEach((run, i) => {
    for (const request of pools[i]!.requests) queue.push({ day: parseDate(request.receivedDate), order: 1, seq: run.index, run, request });
  });
  // Transfers at the start of their day, in input order; then that day's requests by pool and id.
  queue.sort((a, b) => {
    if (a.day !== b.day) return a.day - b.day;
    if (a.order !== b.order) return a.order - b.order;
    if (a.seq !== b.seq) return a.seq - b.seq;
    if (a.order === 1 && b.order === 1) return a.request.id < b.request.id ? -1 : a.request.id > b.request.id ? 1 : 0;
    return 0;
  });

  for (const item of queue) {
    if (item.order === 0) carryOutTransfer(item.day, item.transfer);
    else item.run.decisions.push(judge(item.run, item.request, calendar));
  }

  return {
    pools: runs.map((run) => ({
      pool: run.name,
      decisions: run.decisions,
      transfers: run.transfers,
      ...buildGrantReport({
        decisions: run.decisions,
        transfers: run.transfers,
        capOn: (day) => capOn(run, day),
        opens: run.rules.firstDay,
        horizon: run.horizonStart === null ? null : { start: run.horizonStart, months: run.horizonMonths! },
      }),
    })),
  };
}

/**
 * Refuses inputs whose amounts together could pass 2^53 cents, so every running total below is an
 * exact integer without a check per addition (no budget is anywhere near this in practice).
 */
function guardTotals(
  pools: readonly { readonly pool: GrantPool; readonly requests: readonly GrantRequest[] }[],
  between: readonly { readonly amount: Cents }[],
): void {
  let total = 0n;
  for (const { pool, requests } of pools) {
    let largest = 0n;
    for (const v of pool.rules) {
      const cap = BigInt(v.value.yearlyCap) + BigInt(v.value.reserve);
      if (cap > largest) largest = cap;
    }
    total += largest;
    for (const t of pool.transfers) total += BigInt(t.amount);
    for (const q of requests) total += BigInt(q.amount) + BigInt(q.invoicedAmount ?? 0) + BigInt(q.calledAmount ?? 0);
  }
  for (const t of between) total += BigInt(t.amount);
  if (total > BigInt(MAX_CENTS)) {
    throw new FundingInputError("grant pool simulation", [
      { code: "unsafe_amount", path: [], message: `caps, transfers and requests together pass ${MAX_CENTS} cents, the exact range of the simulation` },
    ]);
  }
}

/** Weekends, the Dutch public holidays of every year the simulation can reach (unless turned off) and the extra days. */
function buildCalendar(
  pools: readonly { readonly pool: GrantPool; readonly requests: readonly GrantRequest[] }[],
  between: readonly { readonly date: IsoDate }[],
  options: Options,
): WorkingCalendar {
  const days = options.extraHolidays.map((d) => parseDate(d));
  if (options.dutchHolidays !== false) {
    const dates: IsoDate[] = between.map((t) => t.date);
    for (const { pool, requests } of pools) {
      dates.push(...pool.rules.map((v) => v.from), ...pool.transfers.map((t) => t.date));
      for (const q of requests) dates.push(q.receivedDate, q.deliveryDate);
    }
    let first = MAX_YEAR;
    let last = MIN_YEAR;
    for (const d of dates) {
      const y = Number(d.slice(0, 4));
      if (y < first) first = y;
      if (y > last) last = y;
    }
    // A decision comes at most 250 working days (about a year) after receipt; two years' margin.
    last = Math.min(MAX_YEAR, last + 2);
    for (let y = first; y <= last; y++) days.push(...dutchHolidayDays(y, options.dutchHolidays));
  }
  return new WorkingCalendar(days);
}

/** The cap and reserve of the version in force on a day (0 and 0 before the first version). */
function capOn(run: PoolRun, day: DayNumber): { cap: Cents; reserve: Cents } {
  const v = run.rules.at(day);
  return v === null ? { cap: 0, reserve: 0 } : { cap: v.value.yearlyCap, reserve: v.value.reserve };
}

/** Approvals of a budget year so far, minus what they released on or before `day`. */
function claimed(run: PoolRun, year: number, day: DayNumber): Cents {
  const c = run.claims.get(year);
  if (c === undefined) return 0;
  let sum = c.committed;
  for (const r of c.releases) if (r.day <= day) sum -= r.cents;
  return sum;
}

function carryOutTransfer(day: DayNumber, t: TransferItem): void {
  const year = yearOfDay(day);
  let transferred = t.amount;
  if (t.from !== null) {
    // "Never beyond what is uncommitted": the year's budget on that date minus the claims on it.
    const uncommitted = capOn(t.from, day).cap + (t.from.net.get(year) ?? 0) - claimed(t.from, year, day);
    transferred = Math.max(0, Math.min(t.amount, uncommitted));
  }
  const date = formatDate(day);
  if (t.from !== null) {
    t.from.net.set(year, (t.from.net.get(year) ?? 0) - transferred);
    t.from.transfers.push({ date, direction: "out", counterpart: t.toName, requested: t.amount, transferred, budgetYear: year });
  }
  if (t.to !== null) {
    t.to.net.set(year, (t.to.net.get(year) ?? 0) + transferred);
    t.to.transfers.push({ date, direction: "in", counterpart: t.fromName, requested: t.amount, transferred, budgetYear: year });
  }
}

/**
 * The part of a version's yearly cap for `year` released by `day`: spread by largest remainder, so
 * the parts sum to the cap; all of it once the year is over.
 */
function releasedBy(rules: GrantRules, year: number, day: DayNumber): Cents {
  if (rules.release === "year" || yearOfDay(day) > year) return rules.yearlyCap;
  const monthIndex = monthOfDay(day) % 12;
  const parts = rules.release === "quarter" ? splitEvenly(rules.yearlyCap, 4) : splitEvenly(rules.yearlyCap, 12);
  const upTo = rules.release === "quarter" ? Math.floor(monthIndex / 3) : monthIndex;
  let sum = 0;
  for (let i = 0; i <= upTo; i++) sum += parts[i]!;
  return sum;
}

const KIND_WORDS: Record<GrantKind, string> = {
  maatwerk: "custom solution",
  realEstate: "real-estate adaptation",
  guarantee: "guarantee",
  bridging: "bridging solution",
};

/** Judges one request (step 1–5 of {@link simulateGrantPool}) and records its claim when approved. */
function judge(run: PoolRun, q: GrantRequest, calendar: WorkingCalendar): GrantDecision {
  const received = parseDate(q.receivedDate);
  const version = run.rules.at(received)!; // requests before the first version were refused as input
  const rules = version.value;
  const threshold = q.kind === "realEstate" ? rules.largeRealEstateAmount : rules.largeAmount;
  const track: ReviewTrack = q.informationMissing || q.amount > threshold ? "extended" : q.urgent ? "urgent" : "standard";
  const workingDays = track === "extended" ? rules.extendedReviewDays : track === "urgent" ? rules.urgentDays : rules.reviewDays;
  const decided = calendar.addWorkingDays(received, workingDays);
  // The received date's year, like the rules: a request received on 28 December and decided in
  // January is a claim on the year it was made in.
  const year = yearOfDay(received);
  const net = run.net.get(year) ?? 0;
  const claims = claimed(run, year, decided);
  const left = rules.yearlyCap + net - claims;
  const released = releasedBy(rules, year, decided) + net - claims;
  // What an untouched pool could commit to one request under these rules (the stop keeps the reserve).
  const mostForOne = rules.yearlyCap + net - rules.reserve;
  // The day the costs are made: delivery and invoice; for a guarantee its call, or the end of its term.
  const called = q.kind === "guarantee" ? (q.calledAmount ?? 0) : 0;
  const incurredOn = called > 0 ? parseDate(q.calledDate!) : parseDate(q.deliveryDate);
  const eur = (c: Cents): string => formatEuro(c);

  let reason: GrantRejectionReason | null = null;
  let message: string;
  if (q.costsAlreadyIncurred) {
    reason = "costsAlreadyIncurred";
    message = "rejected: the scheme pays no costs already incurred";
  } else if (incurredOn < decided) {
    reason = "deliveredBeforeDecision";
    const what = q.kind === "guarantee" ? (called > 0 ? "called" : "its term ended") : "delivered";
    message = `rejected: ${what} ${formatDate(incurredOn)}, before the decision of ${formatDate(decided)}: costs made before the commission letter are costs already incurred`;
  } else if (q.kind === "bridging" && !rules.bridgingAllowed) {
    reason = "bridgingNotAllowed";
    message = `rejected: bridging solutions are not funded under the rules from ${version.from}`;
  } else if (q.kind === "guarantee" && rules.guaranteeMaximum !== undefined && q.amount > rules.guaranteeMaximum) {
    reason = "overGuaranteeMaximum";
    message = `rejected: a guarantee of ${eur(q.amount)} is above the maximum of ${eur(rules.guaranteeMaximum)}`;
  } else if (q.amount > mostForOne) {
    reason = "aboveCap";
    const transfers = net === 0 ? "" : ` ${net > 0 ? "+" : "−"} ${eur(Math.abs(net))} transferred`;
    const reserve = rules.reserve === 0 ? "" : ` less the reserve of ${eur(rules.reserve)}`;
    message = `rejected: ${eur(q.amount)} asked, more than the pool's yearly budget (${year}: cap ${eur(rules.yearlyCap)}${transfers}${reserve}, at most ${eur(Math.max(0, mostForOne))} for one request)`;
  } else if (q.amount > left) {
    reason = "exceedsBudget";
    message = `rejected: ${eur(q.amount)} asked, ${eur(Math.max(0, left))} left of the ${year} budget`;
  } else if (left - q.amount < rules.reserve) {
    reason = "poolStopped";
    message = `rejected (temporary stop): ${eur(q.amount)} would leave ${eur(left - q.amount)} of the ${year} budget, below the reserve of ${eur(rules.reserve)}`;
  } else if (q.amount > released) {
    reason = "notYetReleased";
    message = `rejected: ${eur(q.amount)} asked, ${eur(Math.max(0, released))} of the ${year} budget released by ${formatDate(decided)} (spread per ${rules.release})`;
  } else {
    message = `approved: ${eur(q.amount)} committed for a ${KIND_WORDS[q.kind]}, ${eur(left - q.amount)} left of the ${year} budget`;
  }

  const base = {
    id: q.id,
    region: q.region,
    kind: q.kind,
    requested: q.amount,
    receivedDate: q.receivedDate,
    rulesFrom: version.from,
    track,
    decisionDate: formatDate(decided),
    decisionWorkingDays: workingDays,
    budgetYear: year,
  };
  if (reason !== null) {
    return {
      ...base,
      decision: "rejected",
      reason,
      message,
      budgetLeft: left,
      committed: 0,
      settlementDate: null,
      paid: 0,
      invoiceAboveCommitment: 0,
      paymentDate: null,
      released: 0,
      releaseDate: null,
    };
  }

  // Settlement: the invoice (or the call, or the end of the guarantee's term), on or after the
  // decision (earlier ones were refused above). Never paid above the commitment; the excess is reported.
  const settled = incurredOn;
  const claimedAmount = q.kind === "guarantee" ? called : (q.invoicedAmount ?? q.amount);
  const paid = Math.min(claimedAmount, q.amount);
  const releasedCents = q.amount - paid;
  const claim = run.claims.get(year) ?? { committed: 0, releases: [] };
  claim.committed += q.amount;
  if (releasedCents > 0) claim.releases.push({ day: settled, cents: releasedCents });
  run.claims.set(year, claim);
  return {
    ...base,
    decision: "approved",
    reason: null,
    message,
    budgetLeft: left - q.amount,
    committed: q.amount,
    settlementDate: formatDate(settled),
    paid,
    invoiceAboveCommitment: Math.max(0, claimedAmount - q.amount),
    paymentDate: paid > 0 ? formatDate(settled + rules.paymentTermDays) : null,
    released: releasedCents,
    releaseDate: releasedCents > 0 ? formatDate(settled) : null,
  };
}
