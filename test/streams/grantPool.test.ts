import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random.js";
import { simulateGrantPool, simulateGrantPools, type GrantDecision } from "../../src/streams/grantPool.js";
import type { GrantPoolInput, GrantRequestInput, GrantRulesInput } from "../../src/streams/grantPoolSchema.js";
import { generateGrantRequests, type GrantRequestSpecInput } from "../../src/streams/grantRequestGenerator.js";
import { dutchPublicHolidays, parseDate, workingDaysBetween } from "../../src/streams/workingDays.js";
import { inputIssues } from "../support/examples.js";

/*
 * Hand-worked examples. Dutch public holidays 2021 that fall on weekdays: Fri 1 January,
 * Mon 5 April (Paasmaandag), Tue 27 April (Koningsdag), Thu 13 May (Hemelvaart), Mon 24 May
 * (Pinkstermaandag). Christmas 2021 is on a weekend. Good Friday (2 April) is a working day.
 * Default rules: 5 working days, extended review 20, urgent 2, thresholds €70,000 / €150,000,
 * payment 30 calendar days after the invoice.
 */

const pool = (value: GrantRulesInput, extra: Partial<GrantPoolInput> = {}): GrantPoolInput => ({ rules: [{ from: "2021-01-01", value }], ...extra });
const BIG: GrantRulesInput = { yearlyCap: "10000000.00" };

/** A maatwerk request with defaults: delivered on 30 June 2022 and invoiced in full. */
function req(id: string, receivedDate: string, amount: string, o: Partial<GrantRequestInput> = {}): GrantRequestInput {
  return { id, region: "Utrecht Stad", amount, kind: "maatwerk", receivedDate, deliveryDate: "2022-06-30", ...o };
}

const byId = (ds: readonly GrantDecision[]): Record<string, GrantDecision> => Object.fromEntries(ds.map((d) => [d.id, d]));

describe("decision dates: received date + working days of the track", () => {
  const r = simulateGrantPool(pool(BIG), [
    req("koningsdag", "2021-04-23", "10000.00"), // Fri + 5 → Mon 3 May (Tue 27 April is Koningsdag)
    req("urgent", "2021-04-23", "10000.00", { urgent: true }), // Fri + 2: Mon 26 (1), Tue 27 holiday, Wed 28 (2)
    req("at70k", "2021-03-01", "70000.00"), // not above €70,000: standard, Mon 1 March + 5 → Mon 8 March
    req("above70k", "2021-03-01", "70000.01"), // above: extended, 20 working days → Mon 29 March (no holidays in March)
    req("re150k", "2021-03-01", "150000.00", { kind: "realEstate" }), // real estate: threshold €150,000 → standard
    req("re100k", "2021-03-01", "100000.00", { kind: "realEstate" }), // above €70,000 but real estate → standard
    req("re150k+", "2021-03-01", "150000.01", { kind: "realEstate" }), // extended
    req("urgentBig", "2021-03-01", "80000.00", { urgent: true }), // urgency does not shorten an extended review
    req("missing", "2021-03-01", "1000.00", { informationMissing: true }), // extended
    req("urgentSmall", "2021-03-01", "1000.00", { urgent: true }), // Mon + 2 → Wed 3 March
  ]);
  const d = byId(r.decisions);

  it("counts Dutch working days from the day after receipt", () => {
    expect(d["koningsdag"]!.decisionDate).toBe("2021-05-03");
    expect(d["urgent"]!.decisionDate).toBe("2021-04-28");
    expect(d["urgentSmall"]!.decisionDate).toBe("2021-03-03");
  });

  it("€70,000 and €150,000 are the last amounts with the standard review", () => {
    expect([d["at70k"]!.track, d["at70k"]!.decisionDate]).toEqual(["standard", "2021-03-08"]);
    expect([d["above70k"]!.track, d["above70k"]!.decisionDate]).toEqual(["extended", "2021-03-29"]);
    expect([d["re150k"]!.track, d["re150k"]!.decisionDate]).toEqual(["standard", "2021-03-08"]);
    expect(d["re100k"]!.track).toBe("standard");
    expect([d["re150k+"]!.track, d["re150k+"]!.decisionDate]).toEqual(["extended", "2021-03-29"]);
    expect([d["urgentBig"]!.track, d["missing"]!.track]).toEqual(["extended", "extended"]);
  });

  it("the decision's working days agree with workingDaysBetween, and the statistics sum them", () => {
    const holidays = dutchPublicHolidays(2021);
    for (const x of r.decisions) expect(workingDaysBetween(x.receivedDate, x.decisionDate, holidays)).toBe(x.decisionWorkingDays);
    // 5 + 2 + 5 + 20 + 5 + 5 + 20 + 20 + 20 + 2 = 104 over 10 requests
    expect(r.decisionTimes.meanWorkingDays).toBe(10.4);
    expect(r.decisionTimes.maxWorkingDays).toBe(20);
    expect(r.decisionTimes.byTrack.standard).toEqual({ count: 4, meanWorkingDays: 5, maxWorkingDays: 5 });
    expect(r.decisionTimes.byTrack.urgent).toEqual({ count: 2, meanWorkingDays: 2, maxWorkingDays: 2 });
    expect(r.decisionTimes.byTrack.extended).toEqual({ count: 4, meanWorkingDays: 20, maxWorkingDays: 20 });
  });

  it("processes in order of receipt, same day by id", () => {
    expect(r.decisions.map((x) => x.id)).toEqual(["above70k", "at70k", "missing", "re100k", "re150k", "re150k+", "urgentBig", "urgentSmall", "koningsdag", "urgent"]);
  });

  it("holidays can be turned off or added", () => {
    const plain = simulateGrantPool(pool(BIG), [req("a", "2021-04-23", "1.00")], { dutchHolidays: false });
    expect(plain.decisions[0]!.decisionDate).toBe("2021-04-30");
    const extra = simulateGrantPool(pool(BIG), [req("a", "2021-04-23", "1.00")], { extraHolidays: ["2021-05-03"] });
    expect(extra.decisions[0]!.decisionDate).toBe("2021-05-04");
  });
});

describe("eligibility", () => {
  const rules: GrantRulesInput = { yearlyCap: "525000.00", guaranteeMaximum: "50000.00", bridgingAllowed: false };
  const r = simulateGrantPool(pool(rules), [
    req("incurred", "2021-03-01", "5000.00", { costsAlreadyIncurred: true }),
    req("bridging", "2021-03-01", "5000.00", { kind: "bridging" }),
    req("g50", "2021-03-01", "50000.00", { kind: "guarantee", deliveryDate: "2021-06-30" }),
    req("g50+", "2021-03-01", "50000.01", { kind: "guarantee", deliveryDate: "2021-06-30" }),
  ]);
  const d = byId(r.decisions);

  it("rejects costs already incurred, bridging when not allowed, and guarantees above the maximum", () => {
    expect(d["incurred"]).toMatchObject({ decision: "rejected", reason: "costsAlreadyIncurred", committed: 0, paid: 0, decisionDate: "2021-03-08" });
    expect(d["incurred"]!.message).toBe("rejected: the scheme pays no costs already incurred");
    expect(d["bridging"]).toMatchObject({ reason: "bridgingNotAllowed", message: "rejected: bridging solutions are not funded under the rules from 2021-01-01" });
    expect(d["g50"]).toMatchObject({ decision: "approved", committed: 5_000_000 });
    expect(d["g50+"]).toMatchObject({ reason: "overGuaranteeMaximum", message: "rejected: a guarantee of € 50.000,01 is above the maximum of € 50.000,00" });
    expect(r.totals.byReason).toEqual({
      costsAlreadyIncurred: 1,
      deliveredBeforeDecision: 0,
      bridgingNotAllowed: 1,
      overGuaranteeMaximum: 1,
      aboveCap: 0,
      exceedsBudget: 0,
      poolStopped: 0,
      notYetReleased: 0,
    });
  });
});

describe("payment after delivery, by invoice, never above the commitment", () => {
  const r = simulateGrantPool(pool({ yearlyCap: "525000.00" }), [
    // decided Mon 8 March; invoice 15 April; paid 15 April + 30 days = 15 May; €1,500 released on 15 April
    req("below", "2021-03-01", "20000.00", { deliveryDate: "2021-04-15", invoicedAmount: "18500.00" }),
    // invoice above the commitment: paid €20,000, nothing released, €25,000 − €20,000 = €5,000 reported
    req("above", "2021-03-01", "20000.00", { deliveryDate: "2021-04-15", invoicedAmount: "25000.00" }),
    // delivered on the decision date (8 March), the earliest allowed: invoiced then; 8 March + 30 = 7 April
    req("early", "2021-03-01", "1000.00", { deliveryDate: "2021-03-08" }),
    // a guarantee of €40,000 called for €10,000 on 10 May: paid 9 June, €30,000 released on 10 May
    req("called", "2021-03-01", "40000.00", { kind: "guarantee", deliveryDate: "2021-06-30", calledAmount: "10000.00", calledDate: "2021-05-10" }),
    // a guarantee never called: nothing paid, all released when its term ends on 30 June
    req("uncalled", "2021-03-01", "40000.00", { kind: "guarantee", deliveryDate: "2021-06-30" }),
    // nothing invoiced: all released
    req("nothing", "2021-03-01", "3000.00", { deliveryDate: "2021-04-15", invoicedAmount: "0.00" }),
  ]);
  const d = byId(r.decisions);

  it("pays min(invoice, commitment) a payment term after the invoice and releases the rest", () => {
    expect(d["below"]).toMatchObject({ committed: 2_000_000, paid: 1_850_000, paymentDate: "2021-05-15", released: 150_000, releaseDate: "2021-04-15", settlementDate: "2021-04-15" });
    expect(d["above"]).toMatchObject({ committed: 2_000_000, paid: 2_000_000, paymentDate: "2021-05-15", released: 0, releaseDate: null, invoiceAboveCommitment: 500_000 });
    expect(d["below"]!.invoiceAboveCommitment).toBe(0);
    expect(d["early"]).toMatchObject({ settlementDate: "2021-03-08", paymentDate: "2021-04-07", paid: 100_000 });
    expect(d["called"]).toMatchObject({ committed: 4_000_000, paid: 1_000_000, paymentDate: "2021-06-09", released: 3_000_000, releaseDate: "2021-05-10" });
    expect(d["uncalled"]).toMatchObject({ committed: 4_000_000, paid: 0, paymentDate: null, released: 4_000_000, releaseDate: "2021-06-30" });
    expect(d["nothing"]).toMatchObject({ paid: 0, paymentDate: null, released: 300_000 });
  });

  it("totals: committed = paid + released once every request is settled", () => {
    // committed 20,000 + 20,000 + 1,000 + 40,000 + 40,000 + 3,000 = 124,000
    // paid 18,500 + 20,000 + 1,000 + 10,000 = 49,500; released 1,500 + 30,000 + 40,000 + 3,000 = 74,500
    // invoiced above the commitment: only 'above', €5,000
    expect(r.totals).toMatchObject({ committed: 12_400_000, paid: 4_950_000, released: 7_450_000, open: 0, invoiceAboveCommitment: 500_000, invoicesAboveCommitment: 1 });
  });

  it("months: committed in March, released in April–June, paid April–June; open commitments at each month's end", () => {
    const m = Object.fromEntries(r.byMonth.map((x) => [x.month, x]));
    expect(r.byMonth.map((x) => x.month)).toEqual(["2021-03", "2021-04", "2021-05", "2021-06"]);
    expect(m["2021-03"]).toMatchObject({ received: 6, approvals: 6, committed: 12_400_000, paid: 0, released: 0, open: 12_400_000, remaining: 52_500_000 - 12_400_000 });
    // April: paid 'early' €1,000 (7 April); released €1,500 + €3,000 (15 April)
    expect(m["2021-04"]).toMatchObject({ paid: 100_000, released: 450_000, open: 12_400_000 - 100_000 - 450_000, remaining: 52_500_000 - 12_400_000 + 450_000 });
    // May: paid €18,500 + €20,000 (15 May); released €30,000 (10 May)
    expect(m["2021-05"]).toMatchObject({ paid: 3_850_000, released: 3_000_000 });
    // June: paid €10,000 (9 June); released €40,000 (30 June) → nothing open, the whole cap back but what was paid
    expect(m["2021-06"]).toMatchObject({ paid: 1_000_000, released: 4_000_000, open: 0, remaining: 52_500_000 - 4_950_000 });
  });
});

describe("the temporary stop at the reserve, and resumption after a release", () => {
  // Cap €100,000, reserve €20,000.
  const r = simulateGrantPool(pool({ yearlyCap: "100000.00", reserve: "20000.00" }), [
    // Mon 1 March → 8 March: €100,000 left, €50,000 leaves €50,000 ≥ €20,000: approved.
    // Invoiced €30,000 on 15 March: €20,000 released then.
    req("R1", "2021-03-01", "50000.00", { deliveryDate: "2021-03-15", invoicedAmount: "30000.00" }),
    // Tue 2 March → 9 March: €50,000 left, €25,000 leaves €25,000: approved.
    req("R2", "2021-03-02", "25000.00", { deliveryDate: "2021-06-01" }),
    // Wed 3 March → 10 March: €25,000 left, €10,000 would leave €15,000 < €20,000: the stop.
    req("R3", "2021-03-03", "10000.00", { region: "Flevoland" }),
    // Thu 4 March → 11 March: €30,000 is more than the €25,000 left.
    req("R4", "2021-03-04", "30000.00", { region: "Flevoland" }),
    // Tue 16 March → Tue 23 March: the release of 15 March brought €45,000 back; €10,000 leaves €35,000: approved.
    req("R5", "2021-03-16", "10000.00", { region: "Flevoland" }),
  ]);
  const d = byId(r.decisions);

  it("decides each request by the budget left on its decision date", () => {
    expect(r.decisions.map((x) => [x.id, x.decisionDate, x.decision, x.reason, x.budgetLeft])).toEqual([
      ["R1", "2021-03-08", "approved", null, 5_000_000],
      ["R2", "2021-03-09", "approved", null, 2_500_000],
      ["R3", "2021-03-10", "rejected", "poolStopped", 2_500_000],
      ["R4", "2021-03-11", "rejected", "exceedsBudget", 2_500_000],
      ["R5", "2021-03-23", "approved", null, 3_500_000],
    ]);
    expect(d["R3"]!.message).toBe("rejected (temporary stop): € 10.000,00 would leave € 15.000,00 of the 2021 budget, below the reserve of € 20.000,00");
    expect(d["R4"]!.message).toBe("rejected: € 30.000,00 asked, € 25.000,00 left of the 2021 budget");
  });

  it("reports the dry month and the stop period until commitments resumed", () => {
    expect(r.dryDate).toBe("2021-03-10");
    expect(r.dryMonth).toBe("2021-03");
    expect(r.stops).toEqual([{ from: "2021-03-10", until: "2021-03-23" }]);
  });

  it("per month and per region", () => {
    const march = r.byMonth.find((m) => m.month === "2021-03")!;
    // committed 50,000 + 25,000 + 10,000 = 85,000; released 20,000; paid R1 on 14 April (after March)
    // remaining at 31 March: 100,000 − (85,000 − 20,000) = 35,000; open: 85,000 − 20,000 = 65,000
    expect(march).toMatchObject({ received: 5, approvals: 3, rejections: 2, budgetRejections: 2, committed: 8_500_000, released: 2_000_000, paid: 0, remaining: 3_500_000, open: 6_500_000, reserve: 2_000_000 });
    expect(r.byRegion).toEqual([
      { region: "Flevoland", requests: 3, approvals: 1, rejections: 2, requested: 5_000_000, committed: 1_000_000, paid: 1_000_000, released: 0, open: 0, invoiceAboveCommitment: 0, invoicesAboveCommitment: 0 },
      { region: "Utrecht Stad", requests: 2, approvals: 2, rejections: 0, requested: 7_500_000, committed: 7_500_000, paid: 5_500_000, released: 2_000_000, open: 0, invoiceAboveCommitment: 0, invoicesAboveCommitment: 0 },
    ]);
  });

  it("an earlier-received request under an extended review keeps its claim against later, faster ones", () => {
    const x = simulateGrantPool(pool({ yearlyCap: "100000.00" }), [
      req("long", "2021-03-01", "80000.00"), // extended: decided 29 March
      req("short", "2021-03-02", "30000.00"), // decided 9 March, but 'long' was received first: €20,000 left
    ]);
    expect(x.decisions.map((q) => [q.id, q.decisionDate, q.reason])).toEqual([
      ["long", "2021-03-29", null],
      ["short", "2021-03-09", "exceedsBudget"],
    ]);
  });

  it("a pool that never refuses for lack of money has no dry month", () => {
    const x = simulateGrantPool(pool({ yearlyCap: "100000.00" }), [req("a", "2021-03-01", "1.00"), req("b", "2021-03-02", "1.00", { costsAlreadyIncurred: true })]);
    expect([x.dryDate, x.dryMonth, x.stops]).toEqual([null, null, []]);
  });
});

describe("a request larger than the pool's yearly budget is refused for its size, not a stop (aboveCap)", () => {
  // Cap €525,000, no reserve. Mon 4 January: A1 €20,000 (standard: Mon 11 January) and B1 €600,000,
  // above €70,000, extended: 5–8 January (4), 11–15 (9), 18–22 (14), 25–29 (19), Mon 1 February (20).
  const r = simulateGrantPool(pool({ yearlyCap: "525000.00" }), [
    req("A1", "2021-01-04", "20000.00"),
    req("B1", "2021-01-04", "600000.00"),
    // Tue 2 February → Tue 9 February: €525,000 − €20,000 = €505,000 left; €50,000 leaves €455,000
    req("C1", "2021-02-02", "50000.00"),
  ]);

  it("refuses it with its own reason while €505,000 is free, and later requests are approved", () => {
    expect(r.decisions.map((x) => [x.id, x.decisionDate, x.reason, x.budgetLeft])).toEqual([
      ["A1", "2021-01-11", null, 50_500_000],
      ["B1", "2021-02-01", "aboveCap", 50_500_000],
      ["C1", "2021-02-09", null, 45_500_000],
    ]);
    expect(r.decisions[1]!.message).toBe("rejected: € 600.000,00 asked, more than the pool's yearly budget (2021: cap € 525.000,00, at most € 525.000,00 for one request)");
    expect(r.totals.byReason.aboveCap).toBe(1);
  });

  it("does not make the pool run dry or start a temporary stop", () => {
    expect([r.dryDate, r.dryMonth, r.stops]).toEqual([null, null, []]);
    expect(r.byMonth.find((m) => m.month === "2021-02")).toMatchObject({ rejections: 1, budgetRejections: 0 });
  });

  it("the most for one request is the cap + transfers so far − the reserve", () => {
    // Cap €100,000, reserve €20,000: an untouched pool commits at most €80,000 to one request;
    // from Mon 1 March, when €10,000 moves in, €90,000.
    const x = simulateGrantPool(pool({ yearlyCap: "100000.00", reserve: "20000.00" }, { transfers: [{ date: "2021-03-01", amount: "10000.00", direction: "in" }] }), [
      req("X1", "2021-01-04", "80000.01"), // extended → Mon 1 February
      // Mon 1 March, extended: 2–5 March (4), 8–12 (9), 15–19 (14), 22–26 (19), Mon 29 (20).
      // €110,000 left; €90,000 leaves exactly the €20,000 reserve: approved
      req("X2", "2021-03-01", "90000.00"),
      // Tue 2 March → Tue 30 March: 1 cent above the €90,000 an untouched pool could give (not exceedsBudget)
      req("X3", "2021-03-02", "90000.01"),
    ]);
    expect(x.decisions.map((q) => [q.id, q.decisionDate, q.reason, q.budgetLeft])).toEqual([
      ["X1", "2021-02-01", "aboveCap", 10_000_000],
      ["X2", "2021-03-29", null, 2_000_000],
      ["X3", "2021-03-30", "aboveCap", 2_000_000],
    ]);
    expect(x.decisions[0]!.message).toBe(
      "rejected: € 80.000,01 asked, more than the pool's yearly budget (2021: cap € 100.000,00 less the reserve of € 20.000,00, at most € 80.000,00 for one request)",
    );
    expect(x.decisions[2]!.message).toBe(
      "rejected: € 90.000,01 asked, more than the pool's yearly budget (2021: cap € 100.000,00 + € 10.000,00 transferred less the reserve of € 20.000,00, at most € 90.000,00 for one request)",
    );
    expect([x.dryDate, x.stops]).toEqual([null, []]);
  });
});

describe("no costs made before the commitment: delivery before the decision date is refused", () => {
  // Mon 1 March + 5 working days → Mon 8 March; urgent: + 2 → Wed 3 March.
  const r = simulateGrantPool(pool({ yearlyCap: "525000.00" }), [
    req("before", "2021-03-01", "5000.00", { deliveryDate: "2021-03-05" }), // delivered Fri 5 March
    req("onDay", "2021-03-01", "5000.00", { deliveryDate: "2021-03-08" }), // on the decision date: allowed
    // a bridging solution, urgent (decided Wed 3 March), delivered Tue 2 March: still costs made before
    req("bridge", "2021-03-01", "5000.00", { kind: "bridging", urgent: true, deliveryDate: "2021-03-02" }),
    // a guarantee called Thu 4 March, before its commitment on 8 March
    req("gCalled", "2021-03-01", "30000.00", { kind: "guarantee", deliveryDate: "2021-06-30", calledAmount: "10000.00", calledDate: "2021-03-04" }),
    // a guarantee whose term ended Fri 5 March, uncalled, before the decision
    req("gEnded", "2021-03-01", "30000.00", { kind: "guarantee", deliveryDate: "2021-03-05" }),
    // the request's own statement comes first
    req("stated", "2021-03-01", "5000.00", { costsAlreadyIncurred: true, deliveryDate: "2021-03-02" }),
  ]);
  const d = byId(r.decisions);

  it("refuses at decision time with reason deliveredBeforeDecision, bridging included", () => {
    expect(d["before"]).toMatchObject({ decision: "rejected", reason: "deliveredBeforeDecision", decisionDate: "2021-03-08", committed: 0, paid: 0, settlementDate: null });
    expect(d["before"]!.message).toBe("rejected: delivered 2021-03-05, before the decision of 2021-03-08: costs made before the commission letter are costs already incurred");
    expect(d["bridge"]).toMatchObject({ reason: "deliveredBeforeDecision", decisionDate: "2021-03-03", track: "urgent" });
    expect(d["gCalled"]!.message).toBe("rejected: called 2021-03-04, before the decision of 2021-03-08: costs made before the commission letter are costs already incurred");
    expect(d["gEnded"]!.message).toBe("rejected: its term ended 2021-03-05, before the decision of 2021-03-08: costs made before the commission letter are costs already incurred");
    expect(d["stated"]!.reason).toBe("costsAlreadyIncurred");
  });

  it("delivery on the decision date is approved and invoiced that day: 8 March + 30 = 7 April", () => {
    expect(d["onDay"]).toMatchObject({ decision: "approved", settlementDate: "2021-03-08", paid: 500_000, paymentDate: "2021-04-07" });
  });

  it("is no refusal for lack of budget", () => {
    expect(r.totals).toMatchObject({ approvals: 1, committed: 500_000 });
    expect(r.totals.byReason).toMatchObject({ deliveredBeforeDecision: 4, costsAlreadyIncurred: 1 });
    expect([r.dryDate, r.stops]).toEqual([null, []]);
  });
});

describe("an invoice above the commitment is paid up to it and the excess reported", () => {
  const r = simulateGrantPool(pool({ yearlyCap: "525000.00" }), [
    // €10,000 committed, invoiced €12,345.67: €10,000 paid, €12,345.67 − €10,000 = €2,345.67 reported
    req("U1", "2021-03-01", "10000.00", { deliveryDate: "2021-04-01", invoicedAmount: "12345.67" }),
    // invoiced exactly the commitment: nothing to report
    req("U2", "2021-03-01", "10000.00", { deliveryDate: "2021-04-01", invoicedAmount: "10000.00" }),
    // a guarantee of €20,000 called for €20,000.01: €20,000 paid, €0.01 reported
    req("F1", "2021-03-01", "20000.00", { region: "Flevoland", kind: "guarantee", deliveryDate: "2021-06-30", calledAmount: "20000.01", calledDate: "2021-05-03" }),
    // refused: an invoice of a refused request is nobody's overrun
    req("F2", "2021-03-01", "1000.00", { region: "Flevoland", costsAlreadyIncurred: true, invoicedAmount: "5000.00" }),
  ]);
  const d = byId(r.decisions);

  it("per decision", () => {
    expect(d["U1"]).toMatchObject({ committed: 1_000_000, paid: 1_000_000, released: 0, invoiceAboveCommitment: 234_567 });
    expect(d["U2"]).toMatchObject({ paid: 1_000_000, invoiceAboveCommitment: 0 });
    expect(d["F1"]).toMatchObject({ committed: 2_000_000, paid: 2_000_000, released: 0, invoiceAboveCommitment: 1 });
    expect(d["F2"]).toMatchObject({ decision: "rejected", paid: 0, invoiceAboveCommitment: 0 });
  });

  it("per region and in total; never part of what is paid", () => {
    // paid €10,000 + €10,000 + €20,000 = €40,000; reported €2,345.67 + €0.01 = €2,345.68 on two requests
    expect(r.totals).toMatchObject({ paid: 4_000_000, invoiceAboveCommitment: 234_568, invoicesAboveCommitment: 2 });
    expect(r.byRegion.map((g) => [g.region, g.paid, g.invoiceAboveCommitment, g.invoicesAboveCommitment])).toEqual([
      ["Flevoland", 2_000_000, 1, 1],
      ["Utrecht Stad", 2_000_000, 234_567, 1],
    ]);
  });
});

describe("a later version lowers the cap: the report uses the cap a request would be judged by, never a negative budget", () => {
  const versions: GrantPoolInput = {
    rules: [
      { from: "2021-01-01", value: { yearlyCap: "100000.00" } },
      { from: "2021-07-01", value: { yearlyCap: "60000.00" } },
    ],
  };
  const r = simulateGrantPool(
    versions,
    [
      // Mon 1 March, above €70,000: extended → Mon 29 March, judged by the €100,000 cap: €20,000 left.
      // Invoiced €50,000 on Fri 15 October: €30,000 released then; paid 15 October + 30 = 14 November.
      req("A", "2021-03-01", "80000.00", { deliveryDate: "2021-10-15", invoicedAmount: "50000.00" }),
      // Thu 1 July, new rules: cap €60,000 but €80,000 committed, €20,000 over. + 5 → Thu 8 July: refused
      req("B", "2021-07-01", "1000.00"),
      // Mon 18 October + 5 → Mon 25 October: €60,000 − (€80,000 − €30,000) = €10,000 left; €5,000 leaves €5,000
      req("C", "2021-10-18", "5000.00"),
    ],
    { horizon: { start: "2021-03", months: 10 } },
  );

  it("decisions: each by the cap at its receipt", () => {
    expect(r.decisions.map((x) => [x.id, x.decisionDate, x.rulesFrom, x.reason, x.budgetLeft])).toEqual([
      ["A", "2021-03-29", "2021-01-01", null, 2_000_000],
      ["B", "2021-07-08", "2021-07-01", "exceedsBudget", -2_000_000],
      ["C", "2021-10-25", "2021-07-01", null, 500_000],
    ]);
    expect(r.decisions[1]!.message).toBe("rejected: € 1.000,00 asked, € 0,00 left of the 2021 budget");
    expect(r.dryDate).toBe("2021-07-08");
    expect(r.stops).toEqual([{ from: "2021-07-08", until: "2021-10-25" }]);
  });

  it("months: the cap in force at the month's end; what it no longer covers is overCommitted, not a negative remaining", () => {
    const m = Object.fromEntries(r.byMonth.map((x) => [x.month, x]));
    // March–June: €100,000 − €80,000
    expect(m["2021-03"]).toMatchObject({ cap: 10_000_000, remaining: 2_000_000, overCommitted: 0 });
    expect(m["2021-06"]).toMatchObject({ cap: 10_000_000, remaining: 2_000_000, overCommitted: 0 });
    // July–September: €60,000 − €80,000 = −€20,000 → 0 left, €20,000 over
    expect(m["2021-07"]).toMatchObject({ cap: 6_000_000, remaining: 0, overCommitted: 2_000_000, budgetRejections: 1 });
    expect(m["2021-09"]).toMatchObject({ cap: 6_000_000, remaining: 0, overCommitted: 2_000_000 });
    // October: €60,000 − (€80,000 − €30,000 + €5,000) = €5,000
    expect(m["2021-10"]).toMatchObject({ cap: 6_000_000, remaining: 500_000, overCommitted: 0, released: 3_000_000, committed: 500_000 });
    expect(m["2021-11"]).toMatchObject({ paid: 5_000_000, remaining: 500_000, overCommitted: 0 });
    for (const x of r.byMonth) expect(x.remaining).toBeGreaterThanOrEqual(0);
  });
});

describe("dated rules: the version in force on the received date judges the request", () => {
  const versions: GrantPoolInput = {
    rules: [
      { from: "2021-01-01", value: { yearlyCap: "525000.00", reviewDays: 5, urgentDays: 2, bridgingAllowed: true } },
      { from: "2021-07-01", value: { yearlyCap: "525000.00", reviewDays: 10, urgentDays: 1, bridgingAllowed: false, largeAmount: "50000.00" } },
    ],
  };
  const r = simulateGrantPool(versions, [
    // Wed 30 June, old rules: bridging allowed, 5 days → Wed 7 July (decided under the new rules' dates, judged by the old)
    req("Q1", "2021-06-30", "5000.00", { kind: "bridging" }),
    // Thu 1 July, new rules: bridging refused, 10 days → Thu 15 July
    req("Q2", "2021-07-01", "5000.00", { kind: "bridging" }),
    // €60,000: below the old €70,000 threshold (standard) but above the new €50,000 one (extended → Thu 29 July)
    req("Q3", "2021-06-30", "60000.00"),
    req("Q4", "2021-07-01", "60000.00"),
    // urgent: 2 working days under the old rules, 1 under the new
    req("Q5", "2021-06-30", "1000.00", { urgent: true }),
    req("Q6", "2021-07-01", "1000.00", { urgent: true }),
  ]);
  const d = byId(r.decisions);

  it("a request received the day before the change uses the old version", () => {
    expect(d["Q1"]).toMatchObject({ rulesFrom: "2021-01-01", decision: "approved", decisionDate: "2021-07-07" });
    expect(d["Q2"]).toMatchObject({ rulesFrom: "2021-07-01", reason: "bridgingNotAllowed", decisionDate: "2021-07-15" });
    expect(d["Q3"]).toMatchObject({ rulesFrom: "2021-01-01", track: "standard", decisionDate: "2021-07-07" });
    expect(d["Q4"]).toMatchObject({ rulesFrom: "2021-07-01", track: "extended", decisionDate: "2021-07-29" });
    expect(d["Q5"]!.decisionDate).toBe("2021-07-02");
    expect(d["Q6"]!.decisionDate).toBe("2021-07-02");
  });

  it("a request received before the first version is an input error", () => {
    const issues = inputIssues(() => simulateGrantPool(versions, [req("early", "2020-12-31", "1.00")]));
    expect(issues).toEqual([{ code: "before_rules", path: ["requests", 0, "receivedDate"], message: "received 2020-12-31, before the first version of the rules (from 2021-01-01)" }]);
  });
});

describe("budget spread over quarters or months", () => {
  it("only the released part can be committed by the decision date", () => {
    // €100,000 per quarter → €25,000 released on 1 January, €50,000 from 1 April.
    const r = simulateGrantPool(pool({ yearlyCap: "100000.00", release: "quarter" }), [
      req("a", "2021-01-04", "30000.00"), // decided 11 January: more than the €25,000 released
      req("b", "2021-01-05", "20000.00"), // approved
      req("c", "2021-01-06", "10000.00"), // €5,000 released and unclaimed left
      // Mon 29 March + 5: 30, 31 March, 1, 2 (Good Friday works) April, skip Paasmaandag 5 April → Tue 6 April, Q2
      req("d", "2021-03-29", "10000.00"),
    ]);
    expect(r.decisions.map((x) => [x.id, x.decisionDate, x.reason])).toEqual([
      ["a", "2021-01-11", "notYetReleased"],
      ["b", "2021-01-12", null],
      ["c", "2021-01-13", "notYetReleased"],
      ["d", "2021-04-06", null],
    ]);
    expect(r.decisions[0]!.message).toBe("rejected: € 30.000,00 asked, € 25.000,00 of the 2021 budget released by 2021-01-11 (spread per quarter)");
    // not running dry: the year still had money
    expect(r.dryDate).toBe(null);
    expect(r.stops).toEqual([{ from: "2021-01-11", until: "2021-01-12" }, { from: "2021-01-13", until: "2021-04-06" }]);
  });

  it("a monthly spread loses no cent: €100.00 over 12 months is 8.34 × 4 + 8.33 × 8", () => {
    const r = simulateGrantPool(pool({ yearlyCap: "100.00", release: "month" }), [
      req("x", "2021-01-04", "8.35"),
      req("y", "2021-01-04", "8.34", { id: "y" }),
    ]);
    expect(r.decisions.map((q) => q.reason)).toEqual(["notYetReleased", null]);
    // By November 8.34 × 4 + 8.33 × 7 = €91.67 is released; by December all €100.00.
    const november = simulateGrantPool(pool({ yearlyCap: "100.00", release: "month" }), [req("n", "2021-11-01", "91.68"), req("m", "2021-11-02", "91.67", { id: "m" })]);
    expect(november.decisions.map((q) => q.reason)).toEqual(["notYetReleased", null]);
    const december = simulateGrantPool(pool({ yearlyCap: "100.00", release: "month" }), [req("d", "2021-12-01", "100.00")]);
    expect(december.decisions.map((q) => q.reason)).toEqual([null]);
  });
});

describe("transfers", () => {
  it("a transfer out moves at most what is uncommitted; a transfer in adds budget", () => {
    const r = simulateGrantPool(
      pool(
        { yearlyCap: "100000.00" },
        {
          transfers: [
            { date: "2021-02-01", amount: "150000.00", direction: "out", counterpart: "niet-casuïstiekgebonden" },
            { date: "2021-03-01", amount: "50000.00", direction: "in", counterpart: "niet-casuïstiekgebonden" },
          ],
        },
      ),
      [
        req("R1", "2021-01-04", "30000.00"), // approved 11 January
        req("R2", "2021-02-02", "1000.00"), // after €70,000 moved out, nothing is left
        req("R3", "2021-03-01", "20000.00"), // the €50,000 moved in on 1 March counts that same morning
      ],
    );
    expect(r.transfers).toEqual([
      { date: "2021-02-01", direction: "out", counterpart: "niet-casuïstiekgebonden", requested: 15_000_000, transferred: 7_000_000, budgetYear: 2021 },
      { date: "2021-03-01", direction: "in", counterpart: "niet-casuïstiekgebonden", requested: 5_000_000, transferred: 5_000_000, budgetYear: 2021 },
    ]);
    expect(r.decisions.map((x) => [x.id, x.reason, x.budgetLeft])).toEqual([
      ["R1", null, 7_000_000],
      ["R2", "exceedsBudget", 0],
      ["R3", null, 3_000_000],
    ]);
    expect(r.totals).toMatchObject({ transfersIn: 5_000_000, transfersOut: 7_000_000 });
    expect(r.byMonth.find((m) => m.month === "2021-02")).toMatchObject({ transfersOut: 7_000_000, remaining: 0 });
  });

  it("two pools shift budget between them", () => {
    const r = simulateGrantPools({
      pools: [
        { pool: { name: "casuïstiekgebonden", rules: [{ from: "2021-01-01", value: { yearlyCap: "100000.00" } }] }, requests: [req("A1", "2021-01-04", "50000.00")] },
        { pool: { name: "niet-casuïstiekgebonden", rules: [{ from: "2021-01-01", value: { yearlyCap: "50000.00" } }] }, requests: [req("B1", "2021-02-02", "90000.00")] },
      ],
      // €60,000 asked, €50,000 uncommitted in the first pool: €50,000 moves; the second then has €100,000
      transfers: [{ date: "2021-02-01", from: "casuïstiekgebonden", to: "niet-casuïstiekgebonden", amount: "60000.00" }],
    });
    const [a, b] = r.pools;
    expect(a!.transfers[0]).toMatchObject({ direction: "out", counterpart: "niet-casuïstiekgebonden", transferred: 5_000_000 });
    expect(b!.transfers[0]).toMatchObject({ direction: "in", counterpart: "casuïstiekgebonden", transferred: 5_000_000 });
    expect(b!.decisions[0]).toMatchObject({ decision: "approved", budgetLeft: 1_000_000 });
  });
});

describe("years", () => {
  it("each calendar year has its own cap; a request belongs to the year it was received in, and releases return to their year", () => {
    const r = simulateGrantPool(pool({ yearlyCap: "10000.00" }), [
      // Mon 13 December → 20 December; invoiced €4,000 on 15 January 2022: €6,000 returns to the 2021 budget then
      req("late", "2021-12-13", "10000.00", { deliveryDate: "2022-01-15", invoicedAmount: "4000.00" }),
      req("dec", "2021-12-14", "1.00"), // 2021 is fully committed
      // Tue 28 December → Tue 4 January 2022 (1 January is a Saturday): still a claim on 2021, and 2021 has nothing left
      req("jan", "2021-12-28", "10000.00"),
      // Fri 31 December, information missing: 20 working days → Fri 28 January 2022, after the release of 15 January
      req("info", "2021-12-31", "5000.00", { informationMissing: true }),
      // received in 2022: the fresh 2022 cap, untouched by 2021's claims
      req("feb", "2022-02-01", "10000.00"),
    ]);
    expect(r.decisions.map((x) => [x.id, x.decisionDate, x.budgetYear, x.reason, x.budgetLeft])).toEqual([
      ["late", "2021-12-20", 2021, null, 0],
      ["dec", "2021-12-21", 2021, "exceedsBudget", 0],
      ["jan", "2022-01-04", 2021, "exceedsBudget", 0],
      ["info", "2022-01-28", 2021, null, 100_000],
      ["feb", "2022-02-08", 2022, null, 0],
    ]);
    expect(r.byMonth.find((m) => m.month === "2021-12")!.remaining).toBe(0);
    // 2022-01: the 2022 budget is untouched (the 2021 release and the 2021 claim decided in January are 2021's)
    expect(r.byMonth.find((m) => m.month === "2022-01")).toMatchObject({ released: 600_000, committed: 500_000, remaining: 1_000_000 });
    expect(r.byMonth.find((m) => m.month === "2022-02")).toMatchObject({ committed: 1_000_000, remaining: 0 });
  });
});

describe("bad input names the field", () => {
  const ok = pool({ yearlyCap: "525000.00" });
  it("pool, requests and options", () => {
    const issues = inputIssues(() =>
      simulateGrantPool(
        { rules: [{ from: "2021-07-01", value: { yearlyCap: 525000 as unknown as string } }, { from: "2021-01-01", value: { yearlyCap: "1.00", urgentDays: 9 } }] },
        [req("a", "2021-03-01", "70"), req("a", "2021-03-01", "1.001", { calledAmount: "5.00", receivedDate: "2021-02-30" })],
        { extraHolidays: ["2021-04-31"] },
      ),
    );
    expect(issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["pool.rules.0.value.yearlyCap", "pool.rules.1.value.urgentDays", "requests.1.amount", "requests.1.receivedDate", "options.extraHolidays.0"]),
    );
  });
  it("request-level rules", () => {
    const paths = (q: GrantRequestInput[]): string[] => inputIssues(() => simulateGrantPool(ok, q)).map((i) => i.path.join("."));
    expect(paths([req("a", "2021-03-01", "1.00"), req("a", "2021-03-02", "1.00")])).toEqual(["requests.1.id"]);
    expect(paths([req("a", "2021-03-01", "1.00", { deliveryDate: "2021-02-01" })])).toEqual(["requests.0.deliveryDate"]);
    expect(paths([req("a", "2021-03-01", "1.00", { calledAmount: "1.00" })])).toEqual(["requests.0.calledAmount"]);
    expect(paths([req("a", "2021-03-01", "1.00", { kind: "guarantee", invoicedAmount: "1.00" })])).toEqual(["requests.0.invoicedAmount"]);
    expect(paths([req("a", "2021-03-01", "1.00", { kind: "guarantee", calledAmount: "1.00" })])).toEqual(["requests.0.calledDate"]);
    expect(paths([req("a", "2021-03-01", "1.00", { kind: "guarantee", calledAmount: "1.00", calledDate: "2022-12-01" })])).toEqual(["requests.0.calledDate"]);
    expect(paths([req("a", "2021-03-01", "0.00")])).toEqual(["requests.0.amount"]);
    expect(paths([{ ...req("a", "2021-03-01", "1.00"), recievedDate: "2021-03-01" } as GrantRequestInput])).toEqual(["requests.0"]);
    expect(paths([req("a", "2021-03-01", "1.00", { kind: "loan" as "maatwerk" })])).toEqual(["requests.0.kind"]);
  });
  it("amounts that together pass the exact range of cents are refused, not rounded", () => {
    const issues = inputIssues(() => simulateGrantPool(pool({ yearlyCap: { cents: Number.MAX_SAFE_INTEGER } }), [req("a", "2021-03-01", "1.00")]));
    expect(issues[0]!.code).toBe("unsafe_amount");
  });
  it("rule versions must increase; pools and transfers must name existing pools", () => {
    const issues = inputIssues(() => simulateGrantPool({ rules: [{ from: "2021-01-01", value: { yearlyCap: "1.00" } }, { from: "2021-01-01", value: { yearlyCap: "1.00" } }] }, []));
    expect(issues.map((i) => i.path.join("."))).toEqual(["pool.rules.1.from"]);
    const pools = inputIssues(() =>
      simulateGrantPools({
        pools: [
          { pool: ok, requests: [] },
          { pool: ok, requests: [] },
        ],
        transfers: [{ date: "2021-01-01", from: "pool", to: "nowhere", amount: "1.00" }],
      }),
    );
    expect(pools.map((i) => i.path.join("."))).toEqual(["pools.1.pool.name", "transfers.0.to"]);
  });
});

describe("generateGrantRequests", () => {
  const spec: GrantRequestSpecInput = {
    start: "2021-01",
    months: 12,
    requestsPerMonth: 4,
    amount: { mean: "20000.00", cv: 0.8 },
    amountByKind: { realEstate: { mean: "90000.00", cv: 0.5 } },
    kinds: { maatwerk: 6, realEstate: 1, guarantee: 1, bridging: 2 },
    urgentShare: 0.2,
    incurredShare: 0.05,
    missingInfoShare: 0.1,
    regions: [
      { name: "Utrecht Stad", weight: 2 },
      { name: "Flevoland", weight: 1 },
    ],
    invoicePercent: { min: 70, max: 100 },
    guaranteeCallProbability: 0.5,
  };

  it("same spec and seed, same requests; valid input to the simulation, in order of receipt", () => {
    const a = generateGrantRequests(spec, 7);
    expect(generateGrantRequests(spec, 7)).toEqual(a);
    expect(generateGrantRequests(spec, 8)).not.toEqual(a);
    expect(a.length).toBeGreaterThan(20);
    expect(a.map((q) => q.receivedDate)).toEqual([...a.map((q) => q.receivedDate)].sort());
    expect(a.map((q) => q.id)).toEqual(a.map((_, i) => `R${String(i + 1).padStart(4, "0")}`));
    const r = simulateGrantPool(pool({ yearlyCap: "525000.00" }), a);
    expect(r.totals.requests).toBe(a.length);
    for (const q of a) {
      const cents = (q.amount as { cents: number }).cents;
      expect(cents % 100).toBe(0); // whole euros
      if (q.kind !== "guarantee") {
        const inv = (q.invoicedAmount as { cents: number }).cents;
        expect(inv).toBeGreaterThanOrEqual(Math.floor(cents * 0.7));
        expect(inv).toBeLessThanOrEqual(cents);
      }
    }
  });

  it("changing one share leaves the other attributes unchanged", () => {
    const a = generateGrantRequests(spec, 7);
    const b = generateGrantRequests({ ...spec, urgentShare: 0.9 }, 7);
    expect(b.map((q) => [q.amount, q.kind, q.region, q.receivedDate, q.deliveryDate])).toEqual(a.map((q) => [q.amount, q.kind, q.region, q.receivedDate, q.deliveryDate]));
    expect(b.filter((q) => q.urgent).length).toBeGreaterThan(a.filter((q) => q.urgent).length);
  });

  it("bad specs name the field", () => {
    const paths = (s: unknown, seed = 1): string[] => inputIssues(() => generateGrantRequests(s as GrantRequestSpecInput, seed)).map((i) => i.path.join("."));
    expect(paths({ ...spec, kinds: { maatwerk: 0 } })).toEqual(["kinds"]);
    expect(paths({ ...spec, requestsPerMonth: [1, 2] })).toEqual(["requestsPerMonth"]);
    expect(paths({ ...spec, invoicePercent: { min: 90, max: 80 } })).toEqual(["invoicePercent.min"]);
    expect(paths({ ...spec, invoicePercent: { min: "70.001", max: 80 } })).toEqual(["invoicePercent.min"]);
    expect(paths({ ...spec, regions: [{ name: "A", weight: 1 }, { name: "A", weight: 1 }] })).toEqual(["regions.1.name"]);
    expect(paths({ ...spec, amount: { mean: 20000 } })).toEqual(["amount.mean"]);
    expect(paths(spec, 1.5)).toEqual(["seed"]);
  });

  it("Rng.lognormal (the amounts' draw): cv 0 is the mean exactly; it always takes one normal draw; draws average the mean", () => {
    const a = new Rng(5, "x");
    const b = new Rng(5, "x");
    expect(a.lognormal(1234.5, 0)).toBe(1234.5);
    b.normal(); // the same position in the stream: one normal draw
    expect(a.next()).toBe(b.next());
    // 20,000 draws of mean 100, cv 0.5: the standard error of the mean is 100 × 0.5 / √20000 ≈ 0.35
    const r = new Rng(1, "mean");
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.lognormal(100, 0.5);
    expect(Math.abs(sum / 20_000 - 100)).toBeLessThan(1.5);
  });

  it("cv 0: every amount is the mean and every delivery the mean delay", () => {
    // mean €1,234.56 → rounded half up to whole euros: €1,235; delay 10 days exactly
    const a = generateGrantRequests({ ...spec, amount: { mean: "1234.56", cv: 0 }, amountByKind: {}, deliveryDelayDays: { mean: 10, cv: 0 } }, 3);
    expect(a.length).toBeGreaterThan(0);
    for (const q of a) {
      expect(q.amount).toEqual({ cents: 123_500 });
      expect(parseDate(q.deliveryDate) - parseDate(q.receivedDate)).toBe(10);
    }
  });

});
