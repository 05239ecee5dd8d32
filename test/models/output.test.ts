/**
 * Output-oriented funding (outputgericht): hand-worked examples of the payment schedule.
 */
import { describe, expect, it } from "vitest";
import { outputModel, project, totalsByKey, type OutputConfig } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const Y2026 = { start: "2026-01", months: 12 };
// €3,000 an arrangement, validity 6 months; schedule 20 % at the start, 60 % in instalments, 10 % at the end, 10 % on result.
// Split of 300000 cents by largest remainder: 60000 / 180000 / 30000 / 30000 (exact); instalments 180000 / 6 = 30000 a month.
const BASE: OutputConfig = {
  kind: "output",
  prices: [{ price: "3000.00" }],
  validityMonths: 6,
  schedule: { atStart: 20, instalments: 60, atEnd: 10, onResult: 10 },
};

describe("the payment schedule of one arrangement", () => {
  it("full validity, result achieved: advance, six instalments, end share and result share", () => {
    // Start Jan 2026, closed Jun 2026 (the validity's last month), achieved; lag 1:
    //   Feb: advance 60000 + instalment (Jan) 30000 = 90000
    //   Mar–Jun: instalments (Feb–May) 30000 each
    //   Jul: instalment (Jun) 30000 + settlement (atEnd 30000 + result 30000) = 90000
    // Total 90000 + 4 × 30000 + 90000 = 300000 = the price.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-06" })], Y2026);
    const p = project(c, outputModel(BASE), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual({ "2026-02": 90000, "2026-03": 30000, "2026-04": 30000, "2026-05": 30000, "2026-06": 30000, "2026-07": 90000 });
    expect(p.totalPaid).toBe(300000);
    expect(totalsByKey(p.byKind)).toEqual(new Map([["instalment", 0], ["declaration", 180000], ["advance", 60000], ["settlement", 60000]]));
  });

  it("early closure pays the remaining instalments at closure; a result not achieved withholds the result share", () => {
    // Start Jan, closed Mar 2026, not achieved; lag 1:
    //   Feb: advance 60000 + instalment (Jan) 30000; Mar: instalment (Feb) 30000;
    //   Apr: instalment (Mar) 30000 + settlement = atEnd 30000 + the 3 unpaid instalments 90000 + no result share = 120000
    // Total 60000 + 90000 + 120000 = 270000 = 300000 − result share 30000.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-03", outcome: "notAchieved" })], Y2026);
    const p = project(c, outputModel(BASE), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual({ "2026-02": 90000, "2026-03": 30000, "2026-04": 150000 });
    expect(p.totalPaid).toBe(270000);
  });

  it("care beyond the validity: a follow-up arrangement at followUpPercent of the price", () => {
    // Start Jan 2026, closed Aug 2026 (8 months, validity 6), achieved; followUpPercent 50; lag 1.
    // 1st arrangement Jan–Jun does not close: advance 60000 (Feb), instalments 6 × 30000 (Feb–Jul), at its end (Jun, paid Jul)
    //   atEnd 30000, no result share (no result within it) → 270000.
    // Follow-up from Jul 2026: 50 % × 300000 = 150000, split 30000 / 90000 / 15000 / 15000, instalments 90000 / 6 = 15000.
    //   Closes Aug: advance 30000 (Aug), instalments Jul, Aug 15000 each (Aug, Sep), settlement at Aug + 1 = Sep:
    //   atEnd 15000 + 4 unpaid instalments 60000 + result 15000 = 90000 → 150000.
    // By month: Feb 90000; Mar–Jun 30000; Jul 30000 + 30000 = 60000; Aug 30000 + 15000 = 45000; Sep 15000 + 90000 = 105000.
    // Total 270000 + 150000 = 420000.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-08" })], Y2026);
    const p = project(c, outputModel({ ...BASE, followUpPercent: 50 }), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual({
      "2026-02": 90000,
      "2026-03": 30000,
      "2026-04": 30000,
      "2026-05": 30000,
      "2026-06": 30000,
      "2026-07": 60000,
      "2026-08": 45000,
      "2026-09": 105000,
    });
    expect(p.totalPaid).toBe(420000);
  });

  it("providerCarries: no follow-up; the provider carries the extra duration and earns the result share at closure", () => {
    // Same trajectory: the first arrangement settles at its end (Jun, paid Jul) without result share: 270000.
    // The provider carries Jul–Aug unpaid; the result is achieved at closure (Aug), so the withheld
    // result share 30000 is paid in Sep. Total 300000: the price, however long the care took.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-08" })], Y2026);
    const p = project(c, outputModel({ ...BASE, onExpiry: "providerCarries" }), { horizon: Y2026 });
    expect(p.totalPaid).toBe(300000);
    expect(paidByMonth(p)).toEqual({ "2026-02": 90000, "2026-03": 30000, "2026-04": 30000, "2026-05": 30000, "2026-06": 30000, "2026-07": 60000, "2026-09": 30000 });
  });

  it("the result share is no obligation before the result is there", () => {
    // Start Jan, closes Mar achieved; horizon Jan–Feb, lag 1. Paid by Feb: advance 60000 + Jan's instalment 30000.
    // Committed and unpaid at 2026-02: Feb's and Mar's instalments 2 × 30000 + the settlement at closure
    // (atEnd 30000 + the 3 unpaid instalments 90000) = 180000 = 300000 − 90000 − the result share 30000.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-03" })], Y2026);
    const p = project(c, outputModel(BASE), { horizon: { start: "2026-01", months: 2 } });
    expect(p.totalPaid).toBe(90000);
    expect(p.obligations).toEqual([{ date: "2026-02", cents: 180000 }]);
  });

  it("providerCarries without the result: the result share stays withheld", () => {
    // As above, but closed in Aug without the result: only the first arrangement's 270000.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-08", outcome: "notAchieved" })], Y2026);
    const p = project(c, outputModel({ ...BASE, onExpiry: "providerCarries" }), { horizon: Y2026 });
    expect(p.totalPaid).toBe(270000);
  });

  it("normMonths spreads the instalments over fewer months than the validity", () => {
    // €1,000.00, validity 12, normMonths 3, all in instalments: 100000 / 3 = 33334 + 33333 + 33333 (largest remainder,
    // the extra cent to the first); closed in month 5, achieved: nothing unpaid. Lag 0: Jan 33334, Feb 33333, Mar 33333.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-05" })], Y2026);
    const p = project(c, outputModel({ kind: "output", prices: [{ price: "1000.00" }], validityMonths: 12, normMonths: 3 }), { horizon: Y2026, paymentLagMonths: 0 });
    expect(paidByMonth(p)).toEqual({ "2026-01": 33334, "2026-02": 33333, "2026-03": 33333 });
  });

  it("open at the window's end: the rest of the arrangement is due after the horizon and an obligation", () => {
    // Start Oct 2026, open at the end of the window (Dec 2026), BASE schedule, lag 1:
    //   paid in the horizon: Nov advance 60000 + instalment (Oct) 30000; Dec instalment (Nov) 30000 → 120000
    //   after it: instalments Dec–Mar paid Jan–Apr 2027 (4 × 30000) + atEnd 30000 at expiry Mar 2027 (+1) → 150000
    //   (no result share: no closure within the validity seen)
    const c = caseload([rec("a", { start: "2026-10", end: null, use: 60 })], Y2026);
    const p = project(c, outputModel(BASE), { horizon: Y2026 });
    expect(p.totalPaid).toBe(120000);
    expect(p.dueAfterHorizon).toBe(150000);
    expect(p.obligations).toEqual([{ date: "2026-12", cents: 150000 }]);
  });
});

describe("prices by profile, intensity and provider", () => {
  it("the most specific price wins: the entry setting the most fields, whichever they are", () => {
    // Prices: general €1,000 (0 fields); zwaar × hoog €4,000 (2 fields); P1 × zwaar × hoog €3,500 (3 fields);
    // licht €1,200 dated from 2026-07 only (1 field); P1 €2,000 (1 field); P1 × licht €1,500 (2 fields). P1 and licht
    // set as many fields and both match P1 × licht, but the P1 × licht entry decides there: no tie.
    // a: P0 licht laag, start Mar → the licht entry (1 field) beats the general one; it has one version, from July, and
    //    before a price's first version that first version applies → €1,200.
    // b: P0 zwaar hoog → €4,000 (2 fields)
    // c: P1 zwaar hoog → €3,500 (3 fields beat 2; the P1 entry has only 1)
    // d: P1 licht hoog → P1 × licht (2 fields) beats licht and P1 (1 field each) → €1,500.
    // All validity 1 month, all in one instalment, closed in the start month, lag 0.
    const c = caseload(
      [
        rec("a", { start: "2026-03", profile: "licht", intensity: "laag" }),
        rec("b", { start: "2026-03", profile: "zwaar", intensity: "hoog" }),
        rec("c", { start: "2026-03", provider: "P1", profile: "zwaar", intensity: "hoog" }),
        rec("d", { start: "2026-03", provider: "P1", profile: "licht", intensity: "hoog" }),
      ],
      Y2026,
    );
    const model = outputModel({
      kind: "output",
      prices: [
        { price: "1000.00" },
        { profile: "zwaar", intensity: "hoog", price: "4000.00" },
        { provider: "P1", profile: "zwaar", intensity: "hoog", price: "3500.00" },
        { profile: "licht", price: [{ from: "2026-07", value: "1200.00" }] },
        { provider: "P1", price: "2000.00" },
        { provider: "P1", profile: "licht", price: "1500.00" },
      ],
      validityMonths: 1,
    });
    const p = project(c, model, { horizon: Y2026, paymentLagMonths: 0, lines: true });
    const byTrajectory = new Map<string, number>();
    const l = p.ledger!;
    for (let i = 0; i < l.length; i++) byTrajectory.set(c.ids[l.trajectory[i]!]!, l.cents[i]!);
    expect(Object.fromEntries(byTrajectory)).toEqual({ a: 120000, b: 400000, c: 350000, d: 150000 });
  });

  it("indexation: the price in force at the arrangement's start, indexed each January", () => {
    // €1,000.00 from 2026-01 with 3 % indexation from 2026-01: 2026 starts 100000; 2027 starts 103000.
    const window = { start: "2026-01", months: 24 };
    const c = caseload([rec("a", { start: "2026-12" }), rec("b", { start: "2027-01" })], window);
    const model = outputModel({ kind: "output", prices: [{ price: [{ from: "2026-01", value: "1000.00" }] }], validityMonths: 1, indexation: [{ from: "2026-01", value: 3 }] });
    const p = project(c, model, { horizon: window, paymentLagMonths: 0 });
    expect(paidByMonth(p)).toEqual({ "2026-12": 100000, "2027-01": 103000 });
  });
});

describe("guarantee period: re-entry at the provider's cost", () => {
  it("re-entry at the same provider within guaranteeMonths after an achieved result is not paid", () => {
    // €900, validity 3, all in instalments (30000 a month), guaranteeMonths 12, window 2026–2027, lag 1.
    // c1: A P0 Jan–Mar 2026 achieved (90000); B P0 Aug 2026 (5 months after A's end) → guaranteed, 0.
    // c2: C P0 Jan 2026 not achieved (90000); D P0 Mar 2026 → previous result not achieved → paid (90000).
    // c3: E P0 Jan 2026 achieved (90000); F P1 Apr 2026 → other provider → paid (90000).
    // c4: G P0 Jan 2026 achieved (90000); H P0 Feb 2027 → 13 months after → paid (90000).
    // c5: I P0 Jan 2026 achieved (90000); J P0 Jan 2027 → exactly 12 months → guaranteed, 0.
    // Paid: 8 × 90000 = 720000.
    const window = { start: "2026-01", months: 24 };
    const c = caseload(
      [
        rec("A", { client: "c1", start: "2026-01", end: "2026-03" }),
        rec("B", { client: "c1", start: "2026-08" }),
        rec("C", { client: "c2", start: "2026-01", outcome: "notAchieved" }),
        rec("D", { client: "c2", start: "2026-03" }),
        rec("E", { client: "c3", start: "2026-01" }),
        rec("F", { client: "c3", provider: "P1", start: "2026-04" }),
        rec("G", { client: "c4", start: "2026-01" }),
        rec("H", { client: "c4", start: "2027-02" }),
        rec("I", { client: "c5", start: "2026-01" }),
        rec("J", { client: "c5", start: "2027-01" }),
      ],
      window,
    );
    const model = outputModel({ kind: "output", prices: [{ price: "900.00" }], validityMonths: 3, guaranteeMonths: 12 });
    const p = project(c, model, { horizon: window, lines: true });
    expect(p.totalPaid).toBe(720000);
    const paid = new Set<string>();
    for (let i = 0; i < p.ledger!.length; i++) paid.add(c.ids[p.ledger!.trajectory[i]!]!);
    expect([...paid].sort()).toEqual(["A", "C", "D", "E", "F", "G", "H", "I"]);
    // Without a guarantee period, B and J are paid too: 10 × 90000.
    expect(project(c, outputModel({ kind: "output", prices: [{ price: "900.00" }], validityMonths: 3 }), { horizon: window }).totalPaid).toBe(900000);
  });
});

describe("bad input", () => {
  it("schedule shares must sum to 100 %", () => {
    const issues = inputIssues(() => outputModel({ ...BASE, schedule: { atStart: 10, instalments: 80 } }));
    expect(issues).toEqual([expect.objectContaining({ path: ["schedule"], message: expect.stringContaining("sum to 90%, not 100%") })]);
  });

  it("normMonths beyond validityMonths, a negative price, a share over 100 %", () => {
    expect(inputIssues(() => outputModel({ ...BASE, normMonths: 8 }))[0]).toMatchObject({ path: ["normMonths"], message: "normMonths 8 exceeds validityMonths 6" });
    expect(inputIssues(() => outputModel({ ...BASE, prices: [{ price: "-1.00" }] }))[0]).toMatchObject({ path: ["prices", 0, "price"], message: "must not be negative" });
    expect(inputIssues(() => outputModel({ ...BASE, followUpPercent: 101 }))[0]).toMatchObject({ path: ["followUpPercent"], message: "must be between 0 and 100" });
  });

  it("an unknown profile, or a combination without a price, is an error naming it", () => {
    const c = caseload([rec("a", { start: "2026-01", profile: "licht" })], Y2026);
    const unknown = inputIssues(() => project(c, outputModel({ ...BASE, prices: [{ profile: "onbekend", price: "1.00" }] }), { horizon: Y2026 }));
    expect(unknown[0]).toMatchObject({ path: ["prices", 0, "profile"], message: expect.stringContaining('unknown profile "onbekend"') });
    const c2 = caseload([rec("a", { start: "2026-01", profile: "licht" }), rec("b", { start: "2026-01", profile: "zwaar" })], Y2026);
    const missing = inputIssues(() => project(c2, outputModel({ ...BASE, prices: [{ profile: "licht", price: "1.00" }] }), { horizon: Y2026 }));
    expect(missing[0]!.message).toContain('profile "zwaar"');
  });
});
