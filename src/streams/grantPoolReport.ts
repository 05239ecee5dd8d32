import type { Cents } from "../money/index.js";
import { formatMonth, type Month } from "../period.js";
import type { ExecutedTransfer, GrantDecision, ReviewTrack } from "./grantPool.js";
import { GRANT_REJECTION_REASONS, type GrantRejectionReason } from "./grantPoolSchema.js";
import { lastDayOfMonth, monthOfDay, parseDate, yearOfDay, type DayNumber, type IsoDate } from "./workingDays.js";

/*
 * Reports of a grant-pool simulation, built from its decisions and transfers: totals, per region,
 * per month, the temporary stops and decision times. Stocks (open commitments, the budget left)
 * are measured on dates, from what had happened by then: an approval counts from its decision
 * date, a release or payment from its own date.
 */

/**
 * What a set of requests amounts to: counts and money (the pool's totals, a region's).
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantAmounts {
  readonly requests: number;
  readonly approvals: number;
  readonly rejections: number;
  readonly requested: Cents;
  readonly committed: Cents;
  readonly paid: Cents;
  readonly released: Cents;
  /** committed − paid − released: commitments (verplichtingen) still open after every settlement. */
  readonly open: Cents;
  /**
   * Invoiced (or, for guarantees, called) above the commitment and therefore not paid: the sum of
   * the decisions' `invoiceAboveCommitment`. Not part of paid, released or open.
   */
  readonly invoiceAboveCommitment: Cents;
  /** Approved requests whose invoice (or call) was above the commitment. */
  readonly invoicesAboveCommitment: number;
}

/**
 * Totals over every request of the pool.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantTotals extends GrantAmounts {
  /** Rejections per reason (every reason present, 0 when none). */
  readonly byReason: Readonly<Record<GrantRejectionReason, number>>;
  /** Budget moved in and out by transfers, as carried out. */
  readonly transfersIn: Cents;
  readonly transfersOut: Cents;
}

/**
 * One region's requests. The pool is not split per region; this is reporting only.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantRegionTotals extends GrantAmounts {
  readonly region: string;
}

/**
 * One calendar month: flows in the month and stocks at its last day.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Requests received in the month. */
  readonly received: number;
  /** Decisions dated in the month. */
  readonly approvals: number;
  readonly rejections: number;
  /** Committed by approvals dated in the month (of any budget year: a December request may be approved in January). */
  readonly committed: Cents;
  /** Paid (payment dates) in the month. */
  readonly paid: Cents;
  /** Released (invoices below the commitment, guarantees expired or settled) in the month. */
  readonly released: Cents;
  readonly transfersIn: Cents;
  readonly transfersOut: Cents;
  /** Commitments open at the month's end: committed − paid − released by then, over all budget years. */
  readonly open: Cents;
  /**
   * The yearly cap `remaining` is measured against: that of the version of the rules in force on
   * the month's last day (0 before the first version). It is the cap a request received that day
   * is judged by — the decisions use the version in force on each request's received date — so
   * `remaining` is what the next request would find, not a mix of versions. Requests received
   * earlier in the year were judged by the caps in force when they came in; when a later version
   * lowers the cap, their commitments may exceed the new one (see {@link overCommitted}).
   */
  readonly cap: Cents;
  /**
   * The budget of the month's year left at the month's end: {@link cap} + transfers of the year −
   * (approvals of requests received that year − their releases), counting what was decided,
   * released or transferred by that day; never below 0.
   */
  readonly remaining: Cents;
  /**
   * How far the year's approvals (net of releases) exceed {@link cap} + transfers at the month's
   * end: commitments made under an earlier version with a higher cap that a later, lower cap no
   * longer covers. They stand (a commission letter is not withdrawn); new requests are refused
   * until releases or transfers bring the budget back. 0 unless a version lowered the cap.
   * Always `remaining − overCommitted = cap + transfers − net approvals`, and one of the two is 0.
   */
  readonly overCommitted: Cents;
  /** The reserve of the version in force at the month's end: `remaining − reserve` is what can still be committed. */
  readonly reserve: Cents;
  /**
   * Requests decided in the month and rejected for lack of budget (`exceedsBudget`, `poolStopped`,
   * `notYetReleased`). Not `aboveCap`: a request too large for the pool even when it is untouched
   * is refused for its size, not for the state of the budget.
   */
  readonly budgetRejections: number;
}

/**
 * A period in which the pool turned requests down for lack of budget (`exceedsBudget`,
 * `poolStopped`, `notYetReleased`): from the decision date of such a rejection until the decision
 * date of the next approval (commitments resumed, e.g. after releases brought the budget left back
 * above the reserve). Decisions are taken by decision date, same-day ones in processing order; a
 * refusal followed by an approval on the same day is no stop, and a refusal on the day a stop ended
 * continues it. Refusals on eligibility, and `aboveCap` (a request larger than the pool's whole
 * yearly budget less the reserve, which an empty pool would refuse too), neither start nor end a stop.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantStop {
  readonly from: IsoDate;
  /** Decision date of the approval that ended it; null when no approval followed. */
  readonly until: IsoDate | null;
}

/**
 * Working days from receipt to decision.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface DecisionTimeStats {
  readonly count: number;
  /** Arithmetic mean (a plain number: days, not money); 0 when there are no decisions. */
  readonly meanWorkingDays: number;
  readonly maxWorkingDays: number;
}

/**
 * Decision times over all requests and per review track.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantDecisionTimes extends DecisionTimeStats {
  readonly byTrack: Readonly<Record<ReviewTrack, DecisionTimeStats>>;
}

/**
 * Everything reported about a pool besides its decisions and transfers.
 * @category Grant pools (stimuleringsimpuls)
 */
export interface GrantPoolReport {
  readonly totals: GrantTotals;
  /** Sorted by region name. */
  readonly byRegion: readonly GrantRegionTotals[];
  /** Every month of the horizon. */
  readonly byMonth: readonly GrantMonth[];
  readonly decisionTimes: GrantDecisionTimes;
  /** Periods of refusals for lack of budget (temporary stops), in date order, over all decisions. */
  readonly stops: readonly GrantStop[];
  /**
   * When the pool runs dry: the decision date of the first request turned down because the year's
   * budget, less the reserve, no longer covered it (`exceedsBudget` or `poolStopped`); null when
   * none was. (The stop rule never lets an approval take the budget left below the reserve, so
   * "the budget left falls below the reserve" would almost never happen; the first refusal is the
   * observable moment the pool can no longer serve the requests that come in.) Only refusals whose
   * amount would have fit the year's budget less the reserve count — the pool, not the request's
   * size, was the reason: a request above that (`aboveCap`) does not, nor do refusals because the
   * budget was not yet released (`notYetReleased`: the year still has money). Each refusal was
   * judged by the cap of the rules in force on its own received date, so the dry date uses the same
   * caps as the decisions.
   */
  readonly dryDate: IsoDate | null;
  /** The month (`YYYY-MM`) of {@link dryDate}, or null. */
  readonly dryMonth: string | null;
}

/** What {@link buildGrantReport} needs from a run. */
export interface GrantReportInput {
  readonly decisions: readonly GrantDecision[];
  readonly transfers: readonly ExecutedTransfer[];
  /** Cap and reserve of the version in force on a day (0, 0 before the first version): the cap a request received that day is judged by. */
  readonly capOn: (day: DayNumber) => { readonly cap: Cents; readonly reserve: Cents };
  /** First day of the first version of the rules (the default horizon of a pool without requests starts there). */
  readonly opens: DayNumber;
  /** Months to report, or null for the default (see `GrantPoolOptionsSchema`). */
  readonly horizon: { readonly start: Month; readonly months: number } | null;
}

/** One dated change of a stock. `year` is the budget year it belongs to. */
interface StockEvent {
  readonly day: DayNumber;
  readonly year: number;
  readonly commit: Cents;
  readonly release: Cents;
  readonly pay: Cents;
  readonly transfer: Cents;
}

/** Walks the stock events in date order, answering "what was the budget left / open on day d". */
class Sweep {
  private next = 0;
  private readonly committedByYear = new Map<number, Cents>();
  private readonly transfersByYear = new Map<number, Cents>();
  private committed = 0;
  private paid = 0;
  private released = 0;

  constructor(private readonly events: readonly StockEvent[]) {}

  /** Applies every event on or before `day` (days must not decrease between calls). */
  advanceTo(day: DayNumber): void {
    const ev = this.events;
    while (this.next < ev.length && ev[this.next]!.day <= day) {
      const e = ev[this.next++]!;
      const net = e.commit - e.release;
      if (net !== 0) this.committedByYear.set(e.year, (this.committedByYear.get(e.year) ?? 0) + net);
      if (e.transfer !== 0) this.transfersByYear.set(e.year, (this.transfersByYear.get(e.year) ?? 0) + e.transfer);
      this.committed += e.commit;
      this.paid += e.pay;
      this.released += e.release;
    }
  }

  /** Budget left on `day` (after advancing to it) given that day's cap; negative when the year's net approvals exceed it. */
  remaining(day: DayNumber, cap: Cents): Cents {
    const year = yearOfDay(day);
    return cap + (this.transfersByYear.get(year) ?? 0) - (this.committedByYear.get(year) ?? 0);
  }

  /** Commitments open (committed − paid − released) after advancing. */
  open(): Cents {
    return this.committed - this.paid - this.released;
  }
}

const ZERO_EVENT = { commit: 0, release: 0, pay: 0, transfer: 0 };

/** Builds the reports of one pool from its decisions and transfers. */
export function buildGrantReport(input: GrantReportInput): GrantPoolReport {
  const { decisions, transfers } = input;
  const events: StockEvent[] = [];
  for (const d of decisions) {
    if (d.decision !== "approved") continue;
    events.push({ ...ZERO_EVENT, day: parseDate(d.decisionDate), year: d.budgetYear, commit: d.committed });
    if (d.releaseDate !== null) events.push({ ...ZERO_EVENT, day: parseDate(d.releaseDate), year: d.budgetYear, release: d.released });
    if (d.paymentDate !== null) events.push({ ...ZERO_EVENT, day: parseDate(d.paymentDate), year: d.budgetYear, pay: d.paid });
  }
  for (const t of transfers) {
    const signed = t.direction === "in" ? t.transferred : -t.transferred;
    if (signed !== 0) events.push({ ...ZERO_EVENT, day: parseDate(t.date), year: t.budgetYear, transfer: signed });
  }
  events.sort((a, b) => a.day - b.day);

  const horizon = input.horizon ?? defaultHorizon(input);

  return {
    totals: totals(decisions, transfers),
    byRegion: byRegion(decisions),
    byMonth: byMonth(input, events, horizon),
    decisionTimes: decisionTimes(decisions),
    ...stops(decisions),
  };
}

/** From the month of the first request or transfer to the month of the last event; a year from the rules' start when there is nothing. */
function defaultHorizon(input: GrantReportInput): { start: Month; months: number } {
  const starts: DayNumber[] = [];
  const ends: DayNumber[] = [];
  for (const d of input.decisions) {
    starts.push(parseDate(d.receivedDate));
    for (const date of [d.decisionDate, d.paymentDate, d.releaseDate, d.settlementDate]) if (date !== null) ends.push(parseDate(date));
  }
  for (const t of input.transfers) {
    starts.push(parseDate(t.date));
    ends.push(parseDate(t.date));
  }
  if (starts.length === 0) return { start: monthOfDay(input.opens), months: 12 };
  // Loops, not Math.min(...list): a list of many thousands of dates would overflow the call stack.
  let first = starts[0]!;
  for (const d of starts) if (d < first) first = d;
  let last = ends[0]!;
  for (const d of ends) if (d > last) last = d;
  const start = monthOfDay(first);
  return { start, months: monthOfDay(last) - start + 1 };
}

/** The counts and money of a set of decisions. */
function amountsOf(decisions: readonly GrantDecision[]): GrantAmounts {
  let approvals = 0;
  let requested = 0;
  let committed = 0;
  let paid = 0;
  let released = 0;
  let invoiceAboveCommitment = 0;
  let invoicesAboveCommitment = 0;
  for (const d of decisions) {
    if (d.reason === null) approvals++;
    requested += d.requested;
    committed += d.committed;
    paid += d.paid;
    released += d.released;
    invoiceAboveCommitment += d.invoiceAboveCommitment;
    if (d.invoiceAboveCommitment > 0) invoicesAboveCommitment++;
  }
  return {
    requests: decisions.length,
    approvals,
    rejections: decisions.length - approvals,
    requested,
    committed,
    paid,
    released,
    open: committed - paid - released,
    invoiceAboveCommitment,
    invoicesAboveCommitment,
  };
}

function totals(decisions: readonly GrantDecision[], transfers: readonly ExecutedTransfer[]): GrantTotals {
  const byReason = Object.fromEntries(GRANT_REJECTION_REASONS.map((r) => [r, 0])) as Record<GrantRejectionReason, number>;
  for (const d of decisions) if (d.reason !== null) byReason[d.reason]++;
  let transfersIn = 0;
  let transfersOut = 0;
  for (const t of transfers) {
    if (t.direction === "in") transfersIn += t.transferred;
    else transfersOut += t.transferred;
  }
  return { ...amountsOf(decisions), byReason, transfersIn, transfersOut };
}

function byRegion(decisions: readonly GrantDecision[]): GrantRegionTotals[] {
  const map = new Map<string, GrantDecision[]>();
  for (const d of decisions) {
    const list = map.get(d.region);
    if (list) list.push(d);
    else map.set(d.region, [d]);
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([region, ds]) => ({ region, ...amountsOf(ds) }));
}

function byMonth(input: GrantReportInput, events: readonly StockEvent[], horizon: { start: Month; months: number }): GrantMonth[] {
  const n = horizon.months;
  const flows = Array.from({ length: n }, () => ({
    received: 0,
    approvals: 0,
    rejections: 0,
    budgetRejections: 0,
    committed: 0,
    paid: 0,
    released: 0,
    transfersIn: 0,
    transfersOut: 0,
  }));
  const at = (date: IsoDate | null): (typeof flows)[number] | undefined => (date === null ? undefined : flows[monthOfDay(parseDate(date)) - horizon.start]);
  for (const d of input.decisions) {
    const r = at(d.receivedDate);
    if (r) r.received++;
    const dec = at(d.decisionDate);
    if (dec) {
      if (d.decision === "approved") dec.approvals++;
      else dec.rejections++;
      if (d.reason !== null && BUDGET_REASONS.has(d.reason)) dec.budgetRejections++;
      dec.committed += d.committed;
    }
    const p = at(d.paymentDate);
    if (p) p.paid += d.paid;
    const rel = at(d.releaseDate);
    if (rel) rel.released += d.released;
  }
  for (const t of input.transfers) {
    const f = at(t.date);
    if (f && t.direction === "in") f.transfersIn += t.transferred;
    else if (f) f.transfersOut += t.transferred;
  }
  const sweep = new Sweep(events);
  return flows.map((f, i) => {
    const month = horizon.start + i;
    const end = lastDayOfMonth(month);
    sweep.advanceTo(end);
    const { cap, reserve } = input.capOn(end);
    const left = sweep.remaining(end, cap);
    return { month: formatMonth(month), ...f, open: sweep.open(), cap, remaining: Math.max(0, left), overCommitted: Math.max(0, -left), reserve };
  });
}

/**
 * Refusals for lack of budget: the state of the pool, not the request, was the reason. Not
 * `aboveCap` (the request is larger than the whole year's budget less the reserve) and not the
 * eligibility reasons.
 */
const BUDGET_REASONS: ReadonlySet<GrantRejectionReason> = new Set(["exceedsBudget", "poolStopped", "notYetReleased"]);

/** Stop periods and the dry date, walking the decisions by decision date (same day: processing order). */
function stops(decisions: readonly GrantDecision[]): Pick<GrantPoolReport, "stops" | "dryDate" | "dryMonth"> {
  const order = decisions.map((d, i) => ({ d, i })).sort((a, b) => (a.d.decisionDate < b.d.decisionDate ? -1 : a.d.decisionDate > b.d.decisionDate ? 1 : a.i - b.i));
  const out: { from: IsoDate; until: IsoDate | null }[] = [];
  let dryDate: IsoDate | null = null;
  let inStop = false;
  for (const { d } of order) {
    const last = out[out.length - 1];
    if (d.reason !== null && BUDGET_REASONS.has(d.reason)) {
      // A refusal on the day the previous stop ended continues that stop.
      if (!inStop && last !== undefined && last.until === d.decisionDate) last.until = null;
      else if (!inStop) out.push({ from: d.decisionDate, until: null });
      inStop = true;
      if (dryDate === null && d.reason !== "notYetReleased") dryDate = d.decisionDate;
    } else if (d.reason === null && inStop) {
      // An approval the same day as the refusal that began the stop: no day was lost, no stop.
      if (last!.from === d.decisionDate) out.pop();
      else last!.until = d.decisionDate;
      inStop = false;
    }
  }
  return { stops: out, dryDate, dryMonth: dryDate === null ? null : dryDate.slice(0, 7) };
}

function decisionTimes(decisions: readonly GrantDecision[]): GrantDecisionTimes {
  const stats = (ds: readonly GrantDecision[]): DecisionTimeStats => {
    let sum = 0;
    let max = 0;
    for (const d of ds) {
      sum += d.decisionWorkingDays;
      max = Math.max(max, d.decisionWorkingDays);
    }
    return { count: ds.length, meanWorkingDays: ds.length === 0 ? 0 : sum / ds.length, maxWorkingDays: max };
  };
  return {
    ...stats(decisions),
    byTrack: {
      standard: stats(decisions.filter((d) => d.track === "standard")),
      extended: stats(decisions.filter((d) => d.track === "extended")),
      urgent: stats(decisions.filter((d) => d.track === "urgent")),
    },
  };
}
