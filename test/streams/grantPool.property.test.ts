import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRANT_REJECTION_REASONS, simulateGrantPool, simulateGrantPools, type GrantPoolResult } from "../../src/streams/grantPool.js";
import type { GrantKind, GrantRulesInput } from "../../src/streams/grantPoolSchema.js";
import { addWorkingDays, dutchPublicHolidaysBetween, formatDate, parseDate } from "../../src/streams/workingDays.js";

/*
 * Properties of the grant pool, on random pools (up to three versions of the rules, release
 * schedules, reserves, thresholds, transfers) and random requests over two years. Every check
 * recomputes from the inputs and the plain result, without the simulation's internals.
 */

const D0 = parseDate("2021-01-01");
const HOLIDAYS = dutchPublicHolidaysBetween(2021, 2025);
const KINDS: GrantKind[] = ["maatwerk", "realEstate", "guarantee", "bridging"];

/** One version of the rules with every field given (so the test needs no defaults). */
interface Rules {
  yearlyCap: number;
  release: "year" | "quarter" | "month";
  reserve: number;
  reviewDays: number;
  urgentDays: number;
  extendedReviewDays: number;
  largeAmount: number;
  largeRealEstateAmount: number;
  guaranteeMaximum?: number;
  bridgingAllowed: boolean;
  paymentTermDays: number;
}

const rulesArb: fc.Arbitrary<Rules> = fc
  .record({
    cap: fc.integer({ min: 0, max: 30_000_000 }),
    release: fc.constantFrom("year" as const, "quarter" as const, "month" as const),
    reserve: fc.integer({ min: 0, max: 5_000_000 }),
    review: fc.integer({ min: 0, max: 8 }),
    urgentLess: fc.integer({ min: 0, max: 8 }),
    extendedMore: fc.integer({ min: 0, max: 25 }),
    large: fc.integer({ min: 0, max: 10_000_000 }),
    largeRe: fc.integer({ min: 0, max: 20_000_000 }),
    guaranteeMaximum: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
    bridgingAllowed: fc.boolean(),
    paymentTermDays: fc.integer({ min: 0, max: 60 }),
  })
  .map((r) => {
    const rules: Rules = {
      yearlyCap: r.cap,
      release: r.release,
      reserve: r.reserve,
      reviewDays: r.review,
      urgentDays: Math.max(0, r.review - r.urgentLess),
      extendedReviewDays: r.review + r.extendedMore,
      largeAmount: r.large,
      largeRealEstateAmount: r.largeRe,
      bridgingAllowed: r.bridgingAllowed,
      paymentTermDays: r.paymentTermDays,
    };
    if (r.guaranteeMaximum !== undefined) rules.guaranteeMaximum = r.guaranteeMaximum;
    return rules;
  });

/** Versions from 2021-01-01 and up to two later dates. */
const versionsArb = fc
  .tuple(rulesArb, fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { maxLength: 2 }), fc.array(rulesArb, { minLength: 2, maxLength: 2 }))
  .map(([first, offsets, more]) => [
    { from: "2021-01-01", value: first },
    ...[...offsets].sort((a, b) => a - b).map((o, i) => ({ from: formatDate(D0 + o), value: more[i]! })),
  ]);

interface Req {
  id: string;
  region: string;
  kind: GrantKind;
  amount: number;
  urgent: boolean;
  costsAlreadyIncurred: boolean;
  informationMissing: boolean;
  receivedDate: string;
  deliveryDate: string;
  invoiced?: number;
  calledAmount?: number;
  calledDate?: string;
}

const requestArb = fc
  .record({
    region: fc.constantFrom("Flevoland", "Utrecht Stad", "Lekstroom"),
    kind: fc.constantFrom(...KINDS),
    amount: fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 5_000_000, max: 20_000_000 })),
    urgent: fc.boolean(),
    incurred: fc.boolean(),
    missing: fc.boolean(),
    received: fc.integer({ min: 0, max: 700 }),
    delay: fc.integer({ min: 0, max: 200 }),
    invoiceRatio: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    called: fc.option(fc.tuple(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 0, max: 200 })), { nil: undefined }),
  })
  .map((r): Omit<Req, "id"> => {
    const receivedDay = D0 + r.received;
    const q: Omit<Req, "id"> = {
      region: r.region,
      kind: r.kind,
      amount: r.amount,
      urgent: r.urgent,
      costsAlreadyIncurred: r.incurred,
      informationMissing: r.missing,
      receivedDate: formatDate(receivedDay),
      deliveryDate: formatDate(receivedDay + r.delay),
    };
    if (r.kind === "guarantee") {
      if (r.called !== undefined) {
        q.calledAmount = Math.max(1, Math.floor((r.amount * r.called[0]) / 100));
        q.calledDate = formatDate(receivedDay + Math.min(r.delay, r.called[1]));
      }
    } else if (r.invoiceRatio !== undefined) {
      q.invoiced = Math.floor((r.amount * r.invoiceRatio) / 100);
    }
    return q;
  });

const requestsArb = fc.array(requestArb, { maxLength: 40 }).map((qs) => qs.map((q, i): Req => ({ id: `q${i}`, ...q })));

const transfersArb = fc.array(
  fc.record({ day: fc.integer({ min: 0, max: 700 }), amount: fc.integer({ min: 1, max: 20_000_000 }), direction: fc.constantFrom("in" as const, "out" as const) }),
  { maxLength: 3 },
);

/** The last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
function lastDayOfMonthIso(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return formatDate(parseDate(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`) - 1);
}

/** As the simulation's input: money as `{ cents }`. */
function toInput(q: Req) {
  const { invoiced, calledAmount, amount, ...rest } = q;
  return {
    ...rest,
    amount: { cents: amount },
    ...(invoiced !== undefined ? { invoicedAmount: { cents: invoiced } } : {}),
    ...(calledAmount !== undefined ? { calledAmount: { cents: calledAmount } } : {}),
  };
}
const rulesInput = ({ guaranteeMaximum, ...r }: Rules): GrantRulesInput => {
  const money = (c: number) => ({ cents: c });
  return {
    ...r,
    yearlyCap: money(r.yearlyCap),
    reserve: money(r.reserve),
    largeAmount: money(r.largeAmount),
    largeRealEstateAmount: money(r.largeRealEstateAmount),
    ...(guaranteeMaximum !== undefined ? { guaranteeMaximum: money(guaranteeMaximum) } : {}),
  };
};

/** Every invariant of one pool's result, recomputed from its inputs. */
function checkPool(result: GrantPoolResult, versions: readonly { from: string; value: Rules }[], requests: readonly Req[]): void {
  const byId = new Map(requests.map((q) => [q.id, q]));
  const ds = result.decisions;
  expect(ds.length).toBe(requests.length);
  // Order of receipt, same day by id.
  const order = [...requests].sort((a, b) => (a.receivedDate !== b.receivedDate ? (a.receivedDate < b.receivedDate ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  expect(ds.map((d) => d.id)).toEqual(order.map((q) => q.id));
  const maxCap = Math.max(...versions.map((v) => v.value.yearlyCap));

  ds.forEach((d, k) => {
    const q = byId.get(d.id)!;
    for (const c of [d.requested, d.committed, d.paid, d.released, d.budgetLeft]) expect(Number.isSafeInteger(c)).toBe(true);
    // Approved, or rejected with a reason and a message.
    expect(d.decision === "approved").toBe(d.reason === null);
    if (d.reason !== null) expect(GRANT_REJECTION_REASONS).toContain(d.reason);
    expect(d.message.length).toBeGreaterThan(0);
    // Judged by the version in force on the received date (direct lookup).
    const version = versions.filter((v) => v.from <= q.receivedDate).at(-1)!;
    expect(d.rulesFrom).toBe(version.from);
    const rules = version.value;
    const threshold = q.kind === "realEstate" ? rules.largeRealEstateAmount : rules.largeAmount;
    const track = q.informationMissing || q.amount > threshold ? "extended" : q.urgent ? "urgent" : "standard";
    expect(d.track).toBe(track);
    const days = track === "extended" ? rules.extendedReviewDays : track === "urgent" ? rules.urgentDays : rules.reviewDays;
    expect(d.decisionWorkingDays).toBe(days);
    expect(d.decisionDate).toBe(addWorkingDays(q.receivedDate, days, HOLIDAYS));
    const year = Number(d.receivedDate.slice(0, 4));
    expect(d.budgetYear).toBe(year);
    const transfers = result.transfers
      .filter((t) => t.budgetYear === year && t.date <= d.receivedDate)
      .reduce((s, t) => s + (t.direction === "in" ? t.transferred : -t.transferred), 0);
    // Eligibility comes first; then a request too large for an untouched pool (cap + transfers − reserve).
    const incurredOn = q.kind === "guarantee" && q.calledDate !== undefined ? q.calledDate : q.deliveryDate;
    if (q.costsAlreadyIncurred) expect(d.reason).toBe("costsAlreadyIncurred");
    else if (incurredOn < d.decisionDate) expect(d.reason).toBe("deliveredBeforeDecision");
    else if (q.kind === "bridging" && !rules.bridgingAllowed) expect(d.reason).toBe("bridgingNotAllowed");
    else if (q.kind === "guarantee" && rules.guaranteeMaximum !== undefined && q.amount > rules.guaranteeMaximum) expect(d.reason).toBe("overGuaranteeMaximum");
    else if (q.amount > rules.yearlyCap + transfers - rules.reserve) expect(d.reason).toBe("aboveCap");
    else expect(["aboveCap", "costsAlreadyIncurred", "deliveredBeforeDecision", "bridgingNotAllowed", "overGuaranteeMaximum"]).not.toContain(d.reason);
    // Money of the request.
    const claimAmount = q.kind === "guarantee" ? (q.calledAmount ?? 0) : (q.invoiced ?? q.amount);
    if (d.decision === "approved") {
      expect(d.committed).toBe(q.amount);
      expect(d.budgetLeft).toBeGreaterThanOrEqual(rules.reserve); // the stop rule
      expect(d.paid).toBe(Math.min(claimAmount, d.committed));
      expect(d.invoiceAboveCommitment).toBe(Math.max(0, claimAmount - d.committed));
      // No costs before the commitment: settled on or after the decision.
      expect(d.settlementDate! >= d.decisionDate).toBe(true);
    } else {
      expect([d.committed, d.paid, d.released, d.invoiceAboveCommitment]).toEqual([0, 0, 0, 0]);
    }
    expect(d.paid).toBeGreaterThanOrEqual(0);
    expect(d.paid).toBeLessThanOrEqual(d.committed);
    expect(d.paid + d.released).toBe(d.committed);
    // The budget the decision saw: cap of its version + transfers carried out by receipt − earlier claims.
    const claims = ds
      .slice(0, k)
      .filter((e) => e.decision === "approved" && e.budgetYear === year)
      .reduce((s, e) => s + e.committed - (e.releaseDate !== null && e.releaseDate <= d.decisionDate ? e.released : 0), 0);
    expect(d.budgetLeft).toBe(rules.yearlyCap + transfers - claims - d.committed);
  });

  // At every date: committed net of releases ≤ cap + transfers of the year; paid + released ≤ committed.
  const dates = new Set<string>();
  for (const d of ds) for (const x of [d.decisionDate, d.paymentDate, d.releaseDate]) if (x !== null) dates.add(x);
  for (const t of result.transfers) dates.add(t.date);
  const years = new Set([...ds.map((d) => d.budgetYear), ...result.transfers.map((t) => t.budgetYear)]);
  for (const date of dates) {
    const approved = ds.filter((d) => d.decision === "approved" && d.decisionDate <= date);
    for (const year of years) {
      const net = approved.filter((d) => d.budgetYear === year).reduce((s, d) => s + d.committed - (d.releaseDate !== null && d.releaseDate <= date ? d.released : 0), 0);
      const moved = result.transfers.filter((t) => t.budgetYear === year && t.date <= date).reduce((s, t) => s + (t.direction === "in" ? t.transferred : -t.transferred), 0);
      expect(net).toBeLessThanOrEqual(maxCap + moved);
    }
    const committed = approved.reduce((s, d) => s + d.committed, 0);
    const paid = ds.reduce((s, d) => s + (d.paymentDate !== null && d.paymentDate <= date ? d.paid : 0), 0);
    const released = ds.reduce((s, d) => s + (d.releaseDate !== null && d.releaseDate <= date ? d.released : 0), 0);
    expect(paid + released).toBeLessThanOrEqual(committed);
  }

  // Totals, regions and months agree; open commitments are never negative.
  const t = result.totals;
  expect(t.approvals + t.rejections).toBe(t.requests);
  expect(Object.values(t.byReason).reduce((a, b) => a + b, 0)).toBe(t.rejections);
  expect(t.committed - t.paid - t.released).toBe(t.open);
  expect(t.open).toBe(0); // every request is settled by its delivery, call or expiry
  for (const key of ["requests", "approvals", "rejections", "requested", "committed", "paid", "released", "open", "invoiceAboveCommitment", "invoicesAboveCommitment"] as const) {
    expect(result.byRegion.reduce((s, r) => s + r[key], 0)).toBe(t[key]);
  }
  expect(t.invoiceAboveCommitment).toBe(ds.reduce((s, d) => s + d.invoiceAboveCommitment, 0));
  for (const m of result.byMonth) {
    expect(m.open).toBeGreaterThanOrEqual(0);
    for (const c of [m.committed, m.paid, m.released, m.open, m.remaining, m.overCommitted]) expect(Number.isSafeInteger(c)).toBe(true);
    // The month's budget, against the cap of the version in force on its last day; never negative.
    const end = lastDayOfMonthIso(m.month);
    const version = versions.filter((v) => v.from <= end).at(-1);
    const cap = version === undefined ? 0 : version.value.yearlyCap;
    const year = Number(m.month.slice(0, 4));
    const net = ds
      .filter((d) => d.decision === "approved" && d.budgetYear === year && d.decisionDate <= end)
      .reduce((s, d) => s + d.committed - (d.releaseDate !== null && d.releaseDate <= end ? d.released : 0), 0);
    const moved = result.transfers.filter((x) => x.budgetYear === year && x.date <= end).reduce((s, x) => s + (x.direction === "in" ? x.transferred : -x.transferred), 0);
    expect(m.cap).toBe(cap);
    expect(m.remaining).toBeGreaterThanOrEqual(0);
    expect(m.overCommitted).toBeGreaterThanOrEqual(0);
    expect(Math.min(m.remaining, m.overCommitted)).toBe(0);
    expect(m.remaining - m.overCommitted).toBe(cap + moved - net);
  }

  // Running dry and the stops come only from refusals for lack of budget, never from a request
  // larger than the whole pool (aboveCap) or from eligibility.
  const dry = ds.filter((d) => d.reason === "exceedsBudget" || d.reason === "poolStopped").map((d) => d.decisionDate);
  expect(result.dryDate).toBe(dry.length === 0 ? null : dry.reduce((a, b) => (b < a ? b : a)));
  const budgetRefusalDates = new Set(ds.filter((d) => d.reason === "exceedsBudget" || d.reason === "poolStopped" || d.reason === "notYetReleased").map((d) => d.decisionDate));
  for (const stop of result.stops) expect(budgetRefusalDates.has(stop.from)).toBe(true);
  for (const tr of result.transfers) {
    expect(tr.transferred).toBeGreaterThanOrEqual(0);
    expect(tr.transferred).toBeLessThanOrEqual(tr.requested);
  }
}

describe("grant pool properties", () => {
  it("never commits beyond the cap, pays at most the commitment, judges by the rules at receipt", () => {
    fc.assert(
      fc.property(versionsArb, requestsArb, transfersArb, (versions, requests, transfers) => {
        const result = simulateGrantPool(
          {
            name: "pool",
            rules: versions.map((v) => ({ from: v.from, value: rulesInput(v.value) })),
            transfers: transfers.map((t) => ({ date: formatDate(D0 + t.day), amount: { cents: t.amount }, direction: t.direction })),
          },
          requests.map(toInput),
        );
        checkPool(result, versions, requests);
        // A transfer in moves what was asked; a transfer out at most what was uncommitted.
        for (const t of result.transfers) if (t.direction === "in") expect(t.transferred).toBe(t.requested);
      }),
      { numRuns: 150 },
    );
  });

  it("two pools: what leaves one arrives in the other, and each keeps every invariant", () => {
    fc.assert(
      fc.property(versionsArb, versionsArb, requestsArb, requestsArb, transfersArb, (va, vb, ra, rb, between) => {
        const result = simulateGrantPools({
          pools: [
            { pool: { name: "A", rules: va.map((v) => ({ from: v.from, value: rulesInput(v.value) })) }, requests: ra.map(toInput) },
            { pool: { name: "B", rules: vb.map((v) => ({ from: v.from, value: rulesInput(v.value) })) }, requests: rb.map(toInput) },
          ],
          transfers: between.map((t) => ({ date: formatDate(D0 + t.day), amount: { cents: t.amount }, from: t.direction === "in" ? "B" : "A", to: t.direction === "in" ? "A" : "B" })),
        });
        const [a, b] = result.pools;
        checkPool(a!, va, ra);
        checkPool(b!, vb, rb);
        const moved = (p: GrantPoolResult, dir: "in" | "out") => p.transfers.filter((t) => t.direction === dir).reduce((s, t) => s + t.transferred, 0);
        expect(moved(a!, "out")).toBe(moved(b!, "in"));
        expect(moved(b!, "out")).toBe(moved(a!, "in"));
      }),
      { numRuns: 60 },
    );
  });
});
