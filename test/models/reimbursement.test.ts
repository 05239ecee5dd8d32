/**
 * Reimbursement of realised costs (meerkosten, open-book): hand-worked amounts.
 */
import { describe, expect, it } from "vitest";
import { project, reimbursementModel, totalsByKey } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const Y = { start: "2026-01", months: 12 };
// a: ambulant, 90 minutes a month Jan–Mar; b: verblijf (etmalen) 10 a month Jan–Feb at P1; c: ambulant in G1, Jan.
const c = caseload(
  [
    rec("a", { start: "2026-01", end: "2026-03", use: 90 }),
    rec("b", { start: "2026-01", end: "2026-02", careForm: "verblijf", unit: "14", use: 10, provider: "P1" }),
    rec("c", { start: "2026-01", municipality: "G1", use: 45 }),
  ],
  Y,
);
const costPrices = [
  { careForm: "ambulant" as const, price: "66.00" },
  { careForm: "verblijf" as const, price: "170.00" },
];

describe("realised cost, month by month", () => {
  it("pays minutes × hourly cost / 60 (no 30-minute rule) and units × cost, a month later", () => {
    // a: 90 min × €66 / 60 = €99.00 a month, Jan–Mar → paid Feb–Apr.
    // b: 10 × €170 = €1,700 a month, Jan–Feb. c: 45 min × €66 / 60 = €49.50, Jan.
    // Feb: 9900 + 170000 + 4950 = 184850; Mar: 9900 + 170000 = 179900; Apr: 9900.
    const p = project(c, reimbursementModel({ kind: "reimbursement", costPrices }), { horizon: Y });
    expect(paidByMonth(p)).toEqual({ "2026-02": 184850, "2026-03": 179900, "2026-04": 9900 });
  });

  it("only eligible care, up to the cap per year (the latest months cut first)", () => {
    // Eligible: ambulant only → a 9900 × 3 + c 4950 = 34650. Cap €300: Jan lines a 9900 + c 4950 = 14850 (room 15150),
    // Feb a 9900 (room 5250), Mar a 9900 → only 5250 paid. Total 30000 = the cap.
    const model = reimbursementModel({ kind: "reimbursement", costPrices, eligible: { careForms: ["ambulant"] }, capPerYear: "300.00" });
    const p = project(c, model, { horizon: Y });
    expect(paidByMonth(p)).toEqual({ "2026-02": 14850, "2026-03": 9900, "2026-04": 5250 });
  });

  it("needs prices only for the care it reimburses (ineligible verblijf and unit 83 without one)", () => {
    // Eligible: ambulant and pleegzorg; only ambulant has a cost price. d: pleegzorg in unit 83 (euros), 25000 cents in
    // Jan → reimbursed as it is; b (verblijf, ineligible) has no price and needs none. Jan: a 9900 + c 4950 + d 25000.
    const withEuros = caseload(
      [
        rec("a", { start: "2026-01", end: "2026-03", use: 90 }),
        rec("b", { start: "2026-01", end: "2026-02", careForm: "verblijf", unit: "14", use: 10, provider: "P1" }),
        rec("c", { start: "2026-01", municipality: "G1", use: 45 }),
        rec("d", { start: "2026-01", end: "2026-01", careForm: "pleegzorg", unit: "83", use: 25_000 }),
      ],
      Y,
    );
    const model = reimbursementModel({ kind: "reimbursement", costPrices: [costPrices[0]!], eligible: { careForms: ["ambulant", "pleegzorg"] } });
    expect(paidByMonth(project(withEuros, model, { horizon: Y }))).toEqual({ "2026-02": 39850, "2026-03": 9900, "2026-04": 9900 });
    // Verblijf eligible but unpriced: refused, naming it.
    const all = reimbursementModel({ kind: "reimbursement", costPrices: [costPrices[0]!] });
    expect(inputIssues(() => project(withEuros, all, { horizon: Y }))).toMatchObject([{ code: "missing_price", message: "no price for provider / care form: P1 / verblijf" }]);
  });

  it("an advance on the cap in twelve parts, settled after the year", () => {
    // Cap €1,200.01, advance 50 % = 60000.5 → 60001 cents, split 12: 5001 in Jan, 5000 in the other months.
    // Realised 2026 (all care): 9900 × 3 + 170000 × 2 + 4950 = 374650 → capped at 120001.
    // Settlement in June 2027 (6 months after December): 120001 − 60001 = 60000: an obligation at 2026-12.
    const model = reimbursementModel({ kind: "reimbursement", costPrices, capPerYear: "1200.01", advance: { percentOfCap: 50 } });
    const p = project(c, model, { horizon: Y, paymentLagMonths: 0 });
    expect(p.totalPaid).toBe(60001);
    expect(totalsByKey(p.byKind).get("instalment")).toBe(60001);
    expect(paidByMonth(p)["2026-01"]).toBe(5001);
    expect(p.obligations).toEqual([{ date: "2026-12", cents: 60000 }]);
    expect(p.messages.total).toBe(0);
  });

  it("needs a cap for an advance, and a cost price for every eligible care form", () => {
    expect(inputIssues(() => reimbursementModel({ kind: "reimbursement", costPrices, advance: { percentOfCap: 50 } }))[0]).toMatchObject({ path: ["advance"] });
    const only = reimbursementModel({ kind: "reimbursement", costPrices: [{ careForm: "ambulant", price: "66.00" }] });
    expect(inputIssues(() => project(c, only, { horizon: Y }))[0]).toMatchObject({ code: "missing_price", path: ["costPrices"] });
    const unknown = reimbursementModel({ kind: "reimbursement", costPrices, eligible: { municipalities: ["Nergens"] } });
    expect(inputIssues(() => project(c, unknown, { horizon: Y }))[0]).toMatchObject({ path: ["eligible", "municipalities", 0] });
  });
});

describe("a year only partly inside the window", () => {
  it("gets its advance, no settlement, and a warning", () => {
    const july = caseload([rec("a", { start: "2026-07", end: "2026-09", use: 90 })], { start: "2026-07", months: 12 });
    const model = reimbursementModel({ kind: "reimbursement", costPrices, capPerYear: "1200.00", advance: { percentOfCap: 100 } });
    const p = project(july, model, { horizon: { start: "2026-07", months: 12 }, paymentLagMonths: 0 });
    // advances of 10000 a month: Jul–Dec 2026 and Jan–Jun 2027 = 12 × 10000; neither year is settled
    expect(p.totalPaid).toBe(120000);
    expect(p.warnings).toEqual([
      "the advance for 2026 is paid but not settled: the year is only partly inside the caseload window",
      "the advance for 2027 is paid but not settled: the year is only partly inside the caseload window",
    ]);
    expect(p.notices.map((n) => n.nl)).toEqual([
      "het voorschot over 2026 is betaald maar niet vastgesteld: het jaar ligt maar deels in het venster van het cliëntenbestand",
      "het voorschot over 2027 is betaald maar niet vastgesteld: het jaar ligt maar deels in het venster van het cliëntenbestand",
    ]);
  });
});
