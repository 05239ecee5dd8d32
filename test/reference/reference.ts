/**
 * An independent, deliberately plain decimal.js reference implementation of the projection of the
 * four funding models (taakgericht, inspanningsgericht, outputgericht, trajectfinanciering).
 *
 * It shares no arithmetic with the fast path: one plain object per trajectory (`toRecords`), one
 * object per payment line, and a Decimal for every amount. Only types, constants, month parsing
 * and the zod config schemas (to read a config in its parsed form) come from `src/`.
 *
 * Where the fast path's TSDoc is silent, the choice made here is written down at the spot
 * (search for "Choice:"); where the reference follows the TSDoc rather than the fast path, it says
 * "Per TSDoc:".
 */
import { Decimal } from "decimal.js";
import type { z } from "zod";
import { toRecords, type Caseload, type TrajectoryRecord } from "../../src/caseload/caseload.js";
import { LINE_KINDS, type LineKind } from "../../src/ledger/lineKind.js";
import { EffortConfigSchema, type EffortConfig } from "../../src/models/effort.js";
import { OutputConfigSchema, type OutputConfig } from "../../src/models/output.js";
import { TaskConfigSchema, type TaskConfig } from "../../src/models/task.js";
import { TrajectoryConfigSchema, type TrajectoryConfig } from "../../src/models/trajectory.js";
import { formatMonth, parseMonth } from "../../src/period.js";
import { CostPricesSchema, type CostPricesInput } from "../../src/projection/cost.js";

/** Decimal with far more precision than any amount here needs (so a division never loses a cent). */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/** Any of the four model configs, as users write them. */
export type ReferenceModelConfig = TaskConfig | EffortConfig | OutputConfig | TrajectoryConfig;

/** One payment the municipality makes, as a plain object. `amount` is in cents (a whole Decimal). */
export interface PaymentLine {
  /** When it is paid, YYYY-MM. */
  readonly month: string;
  /** When the obligation arose, YYYY-MM. */
  readonly incurred: string;
  /** Trajectory id, or null for a lump sum. */
  readonly trajectoryId: string | null;
  /** Provider name, or null for a lump sum to all providers. */
  readonly provider: string | null;
  /** Municipality name, or null for the whole region. */
  readonly municipality: string | null;
  readonly kind: LineKind;
  readonly amount: Decimal;
}

export interface ReferenceOptions {
  readonly horizon: { readonly start: string; readonly months: number };
  /** Default 1, as in the fast path. */
  readonly paymentLagMonths?: number;
  readonly costPrices?: CostPricesInput;
}

export interface ReferenceProjection {
  /** Every payment line, also those before and after the horizon. */
  readonly lines: PaymentLine[];
  /** Paid inside the horizon. */
  readonly totalPaid: Decimal;
  /** Paid per month of the horizon (every month present, zero included). */
  readonly byMonth: Map<string, Decimal>;
  /** Paid inside the horizon per provider name, and "(all providers)" for lump sums to all. */
  readonly byProvider: Map<string, Decimal>;
  /** Paid inside the horizon per line kind (every kind present). */
  readonly byKind: Map<string, Decimal>;
  /**
   * Per TSDoc of `Projection.dueAfterHorizon` ("owed for events inside the horizon, or committed,
   * and paid after it"): lines paid after the horizon whose obligation arose by its last month.
   */
  readonly dueAfterHorizon: Decimal;
  /** Every line paid after the horizon, whenever it was incurred. */
  readonly paidAfterHorizon: Decimal;
  /** Open obligations at each December inside the horizon (before its end) and at its end. */
  readonly obligations: { date: string; cents: Decimal }[];
  /** Provider cost of the care delivered inside the horizon, or null without cost prices. */
  readonly cost: Decimal | null;
  readonly costByProvider: Map<string, Decimal> | null;
  /** Months each trajectory's care was deferred (intake stop), by trajectory id; empty otherwise. */
  readonly delays: Map<string, number>;
}

export const ALL_PROVIDERS_LABEL = "(all providers)";

// ---------------------------------------------------------------------------------------------
// Small helpers, written afresh.

const yearOfMonth = (m: number): number => Math.floor(m / 12);
const januaryOf = (year: number): number => year * 12;
const halfUp = (x: Decimal): Decimal => x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
const pct = (amount: Decimal.Value, percent: Decimal.Value): Decimal => new D(amount).times(percent).dividedBy(100);
const sum = (xs: readonly Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), new D(0));

/**
 * Largest-remainder split of a non-negative whole amount over non-negative weights: every part
 * gets the floor of its exact share; the cents left go one by one to the largest remainders, ties
 * to the earliest part.
 */
export function largestRemainder(total: Decimal, weights: readonly Decimal.Value[]): Decimal[] {
  if (total.isNegative() || !total.isInteger()) throw new RangeError(`largestRemainder: ${total.toString()} is not a non-negative whole amount`);
  const w = weights.map((x) => new D(x));
  const totalWeight = sum(w);
  if (totalWeight.isZero()) throw new RangeError("largestRemainder: weights sum to zero");
  const exact = w.map((x) => new D(total).times(x).dividedBy(totalWeight));
  const parts = exact.map((x) => x.floor());
  let left = new D(total).minus(sum(parts)).toNumber();
  const order = exact.map((x, i) => ({ i, r: x.minus(x.floor()) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) {
    const i = order[k]!.i;
    parts[i] = parts[i]!.plus(1);
  }
  return parts;
}

/** The 30-minute rule: whole hours, remainder ≥ 30 minutes rounds up, any care at least 1 hour. */
export function billableHoursRef(minutes: number): number {
  if (minutes <= 0) return 0;
  let hours = Math.floor(minutes / 60);
  if (minutes % 60 >= 30) hours += 1;
  return Math.max(hours, 1);
}

/** Declared amount (iJw) of one month's use at a tariff, in cents. */
export function declaredRef(unit: string, use: number, tariff: Decimal | null): Decimal {
  if (unit === "83") return new D(use); // euro's: the volume is the amount
  if (tariff === null) throw new Error(`no tariff for unit ${unit}`);
  if (unit === "04") return tariff.times(billableHoursRef(use));
  if (unit === "01") return halfUp(tariff.times(use).dividedBy(60));
  return tariff.times(use); // etmaal, dagdeel, stuks
}

/** Provider cost of one trajectory-month: real minutes for time units, no 30-minute rule. */
export function costRef(unit: string, use: number, price: Decimal | null): Decimal {
  if (unit === "83") return new D(use);
  if (price === null) throw new Error(`no cost price for unit ${unit}`);
  if (unit === "04" || unit === "01") return halfUp(price.times(use).dividedBy(60));
  return price.times(use);
}

type DatedMoney = number | readonly { readonly from: string; readonly value: number }[];
type Indexation = readonly { readonly from: string; readonly value: string }[] | undefined;

/**
 * The price in force in `month`: the dated version in force (the first one before its start),
 * raised each January after that version's own start by the indexation percentage in force that
 * January (none before the first indexation version), rounded half-up to whole cents each time.
 */
export function priceAt(price: DatedMoney, indexation: Indexation, month: number): Decimal {
  let versionFrom: number | null = null; // null: an undated price, in force forever
  let cents: number;
  if (typeof price === "number") {
    cents = price;
  } else {
    let chosen = price[0]!;
    for (const v of price) if (parseMonth(v.from) <= month) chosen = v;
    versionFrom = parseMonth(chosen.from);
    cents = chosen.value;
  }
  let value = new D(cents);
  if (!indexation || indexation.length === 0) return value;
  const firstRate = parseMonth(indexation[0]!.from);
  for (let y = yearOfMonth(firstRate); y <= yearOfMonth(month); y++) {
    const jan = januaryOf(y);
    if (jan < firstRate) continue; // before the first indexation version
    if (versionFrom !== null && y <= yearOfMonth(versionFrom)) continue; // not yet a January after the version's start
    let rate: string | null = null;
    for (const r of indexation) if (parseMonth(r.from) <= jan) rate = r.value;
    if (rate === null) continue;
    value = halfUp(value.times(new D(rate).dividedBy(100).plus(1)));
  }
  return value;
}

/** Provider × care form lookup: the last provider-specific entry wins, else the last general one. */
function tariffEntry<E extends { careForm: string; provider?: string | undefined }>(entries: readonly E[], provider: string, careForm: string): E | null {
  let general: E | null = null;
  let specific: E | null = null;
  for (const e of entries) {
    if (e.careForm !== careForm) continue;
    if (e.provider === undefined) general = e;
    else if (e.provider === provider) specific = e;
  }
  return specific ?? general;
}

/**
 * Keyed price lookup (output: provider × profile × intensity; trajectory: provider × profile).
 * An entry matches when each key it names equals the trajectory's. Among matches, the one naming
 * the most keys wins (README, "Rules and their readings"); two naming as many keys that both match
 * are refused by the config's validation, so the order never decides.
 */
function keyedEntry<E>(entries: readonly E[], keysOf: (e: E) => readonly (string | undefined)[], wanted: readonly string[]): E | null {
  let best: E | null = null;
  let bestRank: number[] | null = null;
  for (const e of entries) {
    const keys = keysOf(e);
    if (!keys.every((k, j) => k === undefined || k === wanted[j])) continue;
    const rank = [keys.reduce((n, k) => n + (k === undefined ? 0 : 1), 0)];
    const cmp = bestRank === null ? 1 : compareTuples(rank, bestRank);
    if (cmp > 0) {
      best = e;
      bestRank = rank;
    }
  }
  return best;
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** A trajectory with its months as numbers. */
interface Traj {
  readonly r: TrajectoryRecord;
  readonly start: number;
  /** null while open at the window's end. */
  readonly end: number | null;
  /** Month of use[0]: the later of start and the window's start. */
  readonly firstUse: number;
  /** Index of the same client's previous trajectory (caseload order), or −1. */
  readonly previous: number;
}

function trajectories(caseload: Caseload): Traj[] {
  const W = caseload.window.start;
  const lastOfClient = new Map<string, number>();
  return toRecords(caseload).map((r, i) => {
    const start = parseMonth(r.start);
    const previous = lastOfClient.get(r.client) ?? -1;
    lastOfClient.set(r.client, i);
    return { r, start, end: r.end === null ? null : parseMonth(r.end), firstUse: Math.max(start, W), previous };
  });
}

interface LineSink {
  traj(t: Traj, month: number, incurred: number, kind: LineKind, amount: Decimal): void;
  lump(provider: string | undefined, municipality: string | undefined, month: number, incurred: number, kind: LineKind, amount: Decimal): void;
}

function sink(lines: PaymentLine[]): LineSink {
  return {
    traj(t, month, incurred, kind, amount) {
      if (amount.isZero()) return;
      lines.push({ month: formatMonth(month), incurred: formatMonth(incurred), trajectoryId: t.r.id, provider: t.r.provider, municipality: t.r.municipality, kind, amount });
    },
    lump(provider, municipality, month, incurred, kind, amount) {
      if (amount.isZero()) return;
      lines.push({ month: formatMonth(month), incurred: formatMonth(incurred), trajectoryId: null, provider: provider ?? null, municipality: municipality ?? null, kind, amount });
    },
  };
}

interface Context {
  readonly caseload: Caseload;
  readonly ts: Traj[];
  readonly W: number;
  readonly E: number;
  readonly hStart: number;
  readonly hEnd: number;
  readonly lag: number;
  readonly out: LineSink;
  /** Filled by the effort model under an intake stop. */
  readonly delays: Map<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Task-oriented funding (taakgericht).

function referenceTask(cfg: z.output<typeof TaskConfigSchema>, ctx: Context): void {
  const { W, E, ts, out } = ctx;
  const known = (list: readonly string[], name: string | undefined, what: string): void => {
    if (name !== undefined && !list.includes(name)) throw new Error(`unknown ${what} ${name}`);
  };
  for (const b of cfg.budgets) {
    known(ctx.caseload.providers, b.provider, "provider");
    known(ctx.caseload.municipalities, b.municipality, "municipality");
  }
  for (let y = yearOfMonth(W); y <= yearOfMonth(E); y++) {
    for (const b of cfg.budgets) {
      const yearly = priceAt(b.perYear, cfg.indexation, januaryOf(y));
      const months = largestRemainder(yearly, new Array<number>(12).fill(1));
      months.forEach((cents, m) => out.lump(b.provider, b.municipality, januaryOf(y) + m, januaryOf(y), "instalment", cents));
      const corridor = cfg.corridor;
      // Only years wholly inside the window are settled.
      if (!corridor || januaryOf(y) < W || januaryOf(y) + 11 > E) continue;
      // Reference tariffs follow the model's indexation, as the budgets do, unless followIndexation is false.
      const refIndexation = corridor.followIndexation ? cfg.indexation : undefined;
      let production = new D(0);
      for (const t of ts) {
        if (b.provider !== undefined && t.r.provider !== b.provider) continue;
        if (b.municipality !== undefined && t.r.municipality !== b.municipality) continue;
        t.r.use.forEach((u, k) => {
          const month = t.firstUse + k;
          if (yearOfMonth(month) !== y) return;
          const e = tariffEntry(corridor.referenceTariffs, t.r.provider, t.r.careForm);
          production = production.plus(declaredRef(t.r.unit, u, e ? priceAt(e.tariff, refIndexation, month) : null));
        });
      }
      const upper = halfUp(yearly.times(new D(100).plus(corridor.upperPercent)).dividedBy(100));
      const lower = halfUp(yearly.times(new D(100).minus(corridor.lowerPercent)).dividedBy(100));
      let outside = new D(0);
      if (production.greaterThan(upper)) outside = production.minus(upper);
      else if (production.lessThan(lower)) outside = production.minus(lower);
      const settlement = halfUp(pct(outside, corridor.settlementPercent)); // half away from zero
      out.lump(b.provider, b.municipality, januaryOf(y) + 11 + corridor.settleMonthsAfterYearEnd, januaryOf(y) + 11, "settlement", settlement);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Effort-oriented funding (inspanningsgericht).

function referenceEffort(cfg: z.output<typeof EffortConfigSchema>, ctx: Context): void {
  const { W, E, ts, lag, out } = ctx;
  for (const e of cfg.tariffs) if (e.provider !== undefined && !ctx.caseload.providers.includes(e.provider)) throw new Error(`unknown provider ${e.provider}`);
  const tariff = (t: Traj, month: number): Decimal | null => {
    const e = tariffEntry(cfg.tariffs, t.r.provider, t.r.careForm);
    if (!e) {
      if (t.r.unit === "83") return null;
      throw new Error(`no tariff for ${t.r.provider} / ${t.r.careForm}`);
    }
    return priceAt(e.tariff, cfg.indexation, month);
  };
  if (!cfg.ceiling) {
    for (const t of ts) {
      t.r.use.forEach((u, k) => {
        if (u === 0) return; // no care, no declaration line
        const month = t.firstUse + k;
        out.traj(t, month + lag, month, "declaration", declaredRef(t.r.unit, u, tariff(t, month)));
      });
    }
    return;
  }

  const ceiling = cfg.ceiling;
  const ceilingAt = (provider: string, year: number): Decimal | null => {
    let entry: (typeof ceiling.amounts)[number] | null = null;
    for (const a of ceiling.amounts) if (a.provider === provider) entry = a; // the last one wins
    // indexed like the tariffs unless followIndexation is false (README, "Rules and their readings")
    return entry ? priceAt(entry.perYear, ceiling.followIndexation ? cfg.indexation : undefined, januaryOf(year)) : null;
  };
  for (const a of ceiling.amounts) if (!ctx.caseload.providers.includes(a.provider)) throw new Error(`unknown provider ${a.provider}`);
  // An intake stop holds back new clients: every start inside the caseload's window, whatever the
  // horizon (README, "Rules and their readings"). Trajectories already in care when the window
  // opens run as in the caseload.
  const subject = ts.map((t) => ceiling.behaviour === "intakeStop" && t.start >= W);
  const admitted = subject.map((s) => !s);
  const delay = ts.map(() => 0);
  let spent = new Map<string, Decimal>();
  let ceilings = new Map<string, Decimal | null>();
  for (let M = W; M <= E; M++) {
    if (M === W || M % 12 === 0) {
      spent = new Map(ctx.caseload.providers.map((p) => [p, new D(0)]));
      ceilings = new Map(ctx.caseload.providers.map((p) => [p, ceilingAt(p, yearOfMonth(M))]));
    }
    const atOrOver = (p: string): boolean => {
      const c = ceilings.get(p) ?? null;
      return c !== null && spent.get(p)!.greaterThanOrEqualTo(c);
    };
    // Admissions first: a start while the provider is at or over the ceiling waits until January.
    ts.forEach((t, i) => {
      if (admitted[i] || t.start + delay[i]! !== M) return;
      if (atOrOver(t.r.provider)) delay[i] = delay[i]! + (januaryOf(yearOfMonth(M) + 1) - M);
      else admitted[i] = true;
    });
    // Then the month's declarations, in caseload order.
    ts.forEach((t, i) => {
      if (!admitted[i]) return;
      const k = M - (t.firstUse + delay[i]!);
      if (k < 0 || k >= t.r.use.length) return;
      const u = t.r.use[k]!;
      if (u === 0) return;
      const amount = declaredRef(t.r.unit, u, tariff(t, M));
      const p = t.r.provider;
      const c = ceilings.get(p) ?? null;
      let pay = amount;
      if (ceiling.behaviour === "providerBears" && c !== null) {
        const room = D.max(c.minus(spent.get(p)!), 0);
        pay = D.min(amount, room);
      }
      spent.set(p, spent.get(p)!.plus(pay));
      out.traj(t, M + lag, M, "declaration", pay);
    });
  }
  ts.forEach((t, i) => {
    if (delay[i]! > 0) ctx.delays.set(t.r.id, delay[i]!);
  });
}

// ---------------------------------------------------------------------------------------------
// Output-oriented funding (outputgericht).

function referenceOutput(cfg: z.output<typeof OutputConfigSchema>, ctx: Context): void {
  const { E, ts, lag, out } = ctx;
  const validity = cfg.validityMonths;
  const norm = cfg.normMonths ?? validity;
  const s = cfg.schedule;
  const shares = [s.atStart, s.instalments, s.atEnd, s.onResult];
  for (const p of cfg.prices) {
    if (p.provider !== undefined && !ctx.caseload.providers.includes(p.provider)) throw new Error(`unknown provider ${p.provider}`);
  }
  ts.forEach((t) => {
    const entry = keyedEntry(cfg.prices, (e) => [e.provider, e.profile, e.intensity], [t.r.provider, t.r.profile, t.r.intensity]);
    if (!entry) throw new Error(`no arrangement price for trajectory ${t.r.id}`);
    if (guaranteedReentry(t)) return; // at the provider's cost
    const achieved = t.r.outcome === "achieved";
    let start = t.start;
    let amount = priceAt(entry.price, cfg.indexation, start);
    for (;;) {
      const expiry = start + validity - 1;
      const closes = t.end !== null && t.end <= expiry;
      const last = closes ? t.end! : expiry;
      const [atStart, instalmentShare, atEnd, onResult] = largestRemainder(amount, shares) as [Decimal, Decimal, Decimal, Decimal];
      out.traj(t, start + lag, start, "advance", atStart);
      const instalments = largestRemainder(instalmentShare, new Array<number>(norm).fill(1));
      let unpaid = new D(0);
      instalments.forEach((cents, i) => {
        if (start + i <= last) out.traj(t, start + i + lag, start, "declaration", cents);
        else unpaid = unpaid.plus(cents); // closed early: paid at closure
      });
      out.traj(t, last + lag, start, "settlement", atEnd.plus(unpaid));
      // The result share is owed once the result is there: incurred at closure. The provider that
      // carries the care past the validity still earns it when the result comes.
      const resultPaid = achieved && (closes || (cfg.onExpiry === "providerCarries" && t.end !== null));
      if (resultPaid) out.traj(t, t.end! + lag, t.end!, "settlement", onResult);
      if (closes || cfg.onExpiry === "providerCarries") break;
      // A follow-up arrangement when care is known to go on after the expiry (inside the window).
      const next = expiry + 1;
      const careUntil = t.end === null ? E : Math.min(t.end, E);
      if (next > careUntil) break;
      start = next;
      amount = halfUp(pct(priceAt(entry.price, cfg.indexation, start), cfg.followUpPercent));
    }
  });

  /**
   * Per README ("Rules and their readings"): some earlier trajectory of the client — started in an
   * earlier month, not only the previous one — was at the same provider, closed with the result
   * achieved, and this one starts 0 to guaranteeMonths months after that closure (the closing month
   * included). A trajectory starting in the same month, or before the earlier one closed, is parallel.
   */
  function guaranteedReentry(t: Traj): boolean {
    if (cfg.guaranteeMonths === 0) return false;
    for (let i = t.previous; i >= 0; i = ts[i]!.previous) {
      const u = ts[i]!;
      if (u.r.provider !== t.r.provider || u.r.outcome !== "achieved" || u.end === null) continue;
      const gap = t.start - u.end;
      if (u.start < t.start && gap >= 0 && gap <= cfg.guaranteeMonths) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Trajectory funding (trajectfinanciering).

function referenceTrajectory(cfg: z.output<typeof TrajectoryConfigSchema>, ctx: Context): void {
  const { E, ts, lag, out } = ctx;
  for (const a of cfg.amounts) {
    if (a.provider !== undefined && !ctx.caseload.providers.includes(a.provider)) throw new Error(`unknown provider ${a.provider}`);
  }
  for (const t of ts) {
    const entry = keyedEntry(cfg.amounts, (e) => [e.provider, e.profile], [t.r.provider, t.r.profile]);
    if (!entry) throw new Error(`no trajectory amount for ${t.r.id}`);
    const full = priceAt(entry.amount, cfg.indexation, t.start);
    const amount = t.r.outcome === "droppedOut" ? halfUp(pct(full, cfg.dropOutPercent)) : full;
    const advance = halfUp(pct(full, cfg.advancePercent));
    out.traj(t, t.start + lag, t.start, "advance", advance);
    // The whole amount is committed at the start; open at the window's end, settled the month after it.
    const settleAt = t.end === null ? E + 1 : t.end;
    out.traj(t, settleAt + lag, t.start, "settlement", full.minus(advance));
    // A drop-out's reduction is known only at closure: incurred then.
    if (!amount.eq(full)) out.traj(t, t.end! + lag, t.end!, "settlement", amount.minus(full));
  }
}

// ---------------------------------------------------------------------------------------------

/** Every payment line of `config` over `caseload` (before, inside and after any horizon). */
export function referenceLines(
  caseload: Caseload,
  config: ReferenceModelConfig,
  options: ReferenceOptions,
): { lines: PaymentLine[]; delays: Map<string, number> } {
  const lines: PaymentLine[] = [];
  const delays = new Map<string, number>();
  const W = caseload.window.start;
  const hStart = parseMonth(options.horizon.start);
  const ctx: Context = {
    caseload,
    ts: trajectories(caseload),
    W,
    E: W + caseload.window.months - 1,
    hStart,
    hEnd: hStart + options.horizon.months - 1,
    lag: options.paymentLagMonths ?? 1,
    out: sink(lines),
    delays,
  };
  switch (config.kind) {
    case "task":
      referenceTask(TaskConfigSchema.parse(config), ctx);
      break;
    case "effort":
      referenceEffort(EffortConfigSchema.parse(config), ctx);
      break;
    case "output":
      referenceOutput(OutputConfigSchema.parse(config), ctx);
      break;
    case "trajectory":
      referenceTrajectory(TrajectoryConfigSchema.parse(config), ctx);
      break;
  }
  return { lines, delays };
}

/** The reference projection: payment lines and the totals the fast path reports. */
export function referenceProject(caseload: Caseload, config: ReferenceModelConfig, options: ReferenceOptions): ReferenceProjection {
  const hStart = parseMonth(options.horizon.start);
  const hEnd = hStart + options.horizon.months - 1;
  const W = caseload.window.start;
  if (hStart < W || hEnd > W + caseload.window.months - 1) throw new Error("horizon must lie inside the caseload window");
  const { lines, delays } = referenceLines(caseload, config, options);

  const byMonth = new Map<string, Decimal>();
  for (let m = hStart; m <= hEnd; m++) byMonth.set(formatMonth(m), new D(0));
  const byProvider = new Map<string, Decimal>([...caseload.providers, ALL_PROVIDERS_LABEL].map((p) => [p, new D(0)]));
  const byKind = new Map<string, Decimal>(LINE_KINDS.map((k) => [k, new D(0)]));
  const add = (map: Map<string, Decimal>, key: string, v: Decimal): void => {
    map.set(key, (map.get(key) ?? new D(0)).plus(v));
  };
  let totalPaid = new D(0);
  let dueAfterHorizon = new D(0);
  let paidAfterHorizon = new D(0);
  const dates: number[] = [];
  for (let m = hStart; m < hEnd; m++) if (m % 12 === 11) dates.push(m);
  dates.push(hEnd);
  const obligations = dates.map((d) => ({ date: formatMonth(d), cents: new D(0) }));

  for (const l of lines) {
    const month = parseMonth(l.month);
    const incurred = parseMonth(l.incurred);
    dates.forEach((d, i) => {
      if (incurred <= d && d < month) obligations[i]!.cents = obligations[i]!.cents.plus(l.amount);
    });
    if (month > hEnd) {
      paidAfterHorizon = paidAfterHorizon.plus(l.amount);
      if (incurred <= hEnd) dueAfterHorizon = dueAfterHorizon.plus(l.amount);
      continue;
    }
    if (month < hStart) continue; // paid before the horizon: history
    totalPaid = totalPaid.plus(l.amount);
    add(byMonth, l.month, l.amount);
    add(byProvider, l.provider ?? ALL_PROVIDERS_LABEL, l.amount);
    add(byKind, l.kind, l.amount);
  }

  let cost: Decimal | null = null;
  let costByProvider: Map<string, Decimal> | null = null;
  if (options.costPrices) {
    const cp = CostPricesSchema.parse(options.costPrices);
    costByProvider = new Map(caseload.providers.map((p) => [p, new D(0)]));
    for (const t of trajectories(caseload)) {
      const d = delays.get(t.r.id) ?? 0;
      const e = tariffEntry(cp.prices, t.r.provider, t.r.careForm);
      if (!e && t.r.unit !== "83") throw new Error(`no cost price for ${t.r.provider} / ${t.r.careForm}`);
      t.r.use.forEach((u, k) => {
        const month = t.firstUse + d + k; // care deferred by an intake stop moves with it
        if (month < hStart || month > hEnd) return;
        add(costByProvider!, t.r.provider, costRef(t.r.unit, u, e ? priceAt(e.price, cp.indexation, month) : null));
      });
    }
    cost = sum([...costByProvider.values()]);
  }

  return { lines, totalPaid, byMonth, byProvider, byKind, dueAfterHorizon, paidAfterHorizon, obligations, cost, costByProvider, delays };
}
