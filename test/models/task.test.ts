/**
 * Task-oriented funding (taakgericht, lump sum): hand-worked examples of budgets, instalments and
 * the corridor settlement (nacalculatie).
 */
import { describe, expect, it } from "vitest";
import { corridorSettlement, project, taskModel, totalsByKey, type TaskConfig } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const Y2026 = { start: "2026-01", months: 12 };
const MONTHS_2026 = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}`);
const instalments = (perMonth: readonly number[]): Record<string, number> => Object.fromEntries(MONTHS_2026.map((m, i) => [m, perMonth[i]!]));

describe("budgets paid in twelve instalments by largest remainder", () => {
  const c = caseload([rec("a", { start: "2026-01", end: "2026-03", use: 6000 })], Y2026);

  it("€999.97 a year: one cent left over, and January (the earliest part, on a tie) gets it", () => {
    // 99997 / 12 = 8333 rest 1: all twelve remainders are equal, ties go to the earliest part → Jan 8334, Feb–Dec 8333.
    // Paid at the start of each month, whatever the payment lag.
    const p = project(c, taskModel({ kind: "task", budgets: [{ provider: "P0", perYear: "999.97" }] }), { horizon: Y2026, paymentLagMonths: 3 });
    expect(paidByMonth(p)).toEqual(instalments([8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333]));
    expect(p.totalPaid).toBe(99997);
  });

  it("€1,000.01 a year: five cents left over, to January–May", () => {
    // 100001 / 12 = 8333 rest 5 (12 × 8333 = 99996): the first five months get 8334.
    const p = project(c, taskModel({ kind: "task", budgets: [{ provider: "P0", perYear: "1000.01" }] }), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual(instalments([8334, 8334, 8334, 8334, 8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333]));
    expect(p.totalPaid).toBe(100001);
  });

  it("per provider, per area (all providers), for all, and per provider × area — whatever the caseload", () => {
    // G1 area budget €1,200 (all providers), one budget €2,400 for everyone, P1 × G0 €120; 2026.
    // byProvider: (all providers) 120000 + 240000 = 360000; P1 12000.
    // byMunicipality: G1 120000; (whole region) 240000; G0 12000.
    const cfg: TaskConfig = {
      kind: "task",
      budgets: [
        { municipality: "G1", perYear: "1200.00" },
        { perYear: "2400.00" },
        { provider: "P1", municipality: "G0", perYear: "120.00" },
      ],
    };
    const p = project(c, taskModel(cfg), { horizon: Y2026, lines: true });
    expect(totalsByKey(p.byProvider)).toEqual(new Map([["P0", 0], ["P1", 12000], ["(all providers)", 360000]]));
    expect(totalsByKey(p.byMunicipality)).toEqual(new Map([["G0", 12000], ["G1", 120000], ["(whole region)", 240000]]));
    expect(totalsByKey(p.byCareForm).get("(not per trajectory)")).toBe(372000);
    expect(p.totalPaid).toBe(372000);
    expect(p.ledger!.trajectory.every((t) => t === -1)).toBe(true);
    // taakgericht: no assignments, no start/stop, no declarations — only the 36 instalment lines
    expect(p.messages).toEqual({ paymentLines: 36, assignments: 0, startStop: 0, declarationMessages: 0, total: 0 });
    // a caseload without any trajectory is paid the same
    const empty = caseload([], Y2026);
    expect(project(empty, taskModel(cfg), { horizon: Y2026 }).totalPaid).toBe(372000);
  });

  it("the version in force in January applies for the year; indexation each January", () => {
    // Indexation 2 % from 2026-01, applied each January after a version's start.
    // P0: €1,200 from 2026-01 and €2,400 from 2026-07: 2026 pays the version in force in January, 120000 (not indexed in
    //     its first year); 2027 pays the July version, indexed in January 2027: 240000 × 1.02 = 244800.
    // P1: €1,000 from 2026-01 → 2026 100000; 2027 102000.
    const window = { start: "2026-01", months: 24 };
    const c2 = caseload([], window);
    const cfg: TaskConfig = {
      kind: "task",
      budgets: [
        {
          provider: "P0",
          perYear: [
            { from: "2026-01", value: "1200.00" },
            { from: "2026-07", value: "2400.00" },
          ],
        },
        { provider: "P1", perYear: [{ from: "2026-01", value: "1000.00" }] },
      ],
      indexation: [{ from: "2026-01", value: 2 }],
    };
    const p = project(c2, taskModel(cfg), { horizon: window });
    const byYear = (provider: string) => {
      const row = p.byProvider.keys.indexOf(provider);
      let y2026 = 0;
      let y2027 = 0;
      for (let i = 0; i < 24; i++) (i < 12 ? (y2026 += p.byProvider.cents[row * 24 + i]!) : (y2027 += p.byProvider.cents[row * 24 + i]!));
      return [y2026, y2027];
    };
    expect(byYear("P0")).toEqual([120000, 244800]);
    expect(byYear("P1")).toEqual([100000, 102000]);
  });
});

describe("corridor with year-end settlement (nacalculatie)", () => {
  // P0 budget €12,000 a year; reference tariff ambulant €100/hour; corridor ±5 %, settle 50 % of what lies outside,
  // paid 6 months after the year's end (default). Window and horizon 2026–2027.
  //   2026: P0 840 min = 14 h × 10000 = 140000 a month, Jan–Oct → production 1,400,000 > upper 1,260,000:
  //         50 % × 140,000 = +70,000, incurred Dec 2026, paid Jun 2027.
  //   2027: P0 420 min = 7 h × 10000 = 70000 a month, Jan–Oct → 700,000 < lower 1,140,000:
  //         50 % × −440,000 = −220,000, incurred Dec 2027, paid Jun 2028 (after the horizon).
  //   P1's care is not P0's production.
  // Paid: 2 × 1,200,000 + 70,000 = 2,470,000; due after: −220,000. Obligations: 2026-12 +70,000; 2027-12 −220,000.
  const window = { start: "2026-01", months: 24 };
  const c = caseload(
    [
      rec("a", { start: "2026-01", end: "2026-10", use: 840 }),
      rec("b", { start: "2027-01", end: "2027-10", use: 420 }),
      rec("x", { provider: "P1", start: "2026-01", end: "2027-12", use: 3000 }),
    ],
    window,
  );
  const cfg: TaskConfig = {
    kind: "task",
    budgets: [{ provider: "P0", perYear: "12000.00" }],
    corridor: { referenceTariffs: [{ careForm: "ambulant", tariff: "100.00" }], settlementPercent: 50 },
  };

  it("above the corridor is paid out, below it recovered, six months after the year end; open at the year end as an obligation", () => {
    const p = project(c, taskModel(cfg), { horizon: window });
    expect(p.totalPaid).toBe(2470000);
    expect(paidByMonth(p)["2027-06"]).toBe(100000 + 70000);
    expect(totalsByKey(p.byKind).get("settlement")).toBe(70000);
    expect(p.dueAfterHorizon).toBe(-220000);
    expect(p.obligations).toEqual([
      { date: "2026-12", cents: 70000 },
      { date: "2027-12", cents: -220000 },
    ]);
  });

  it("settleMonthsAfterYearEnd moves the payment; a year only partly in the window is not settled", () => {
    // Settled 1 month after: 2026's +70000 in Jan 2027, 2027's −220000 in Jan 2028 (after the horizon).
    const p = project(c, taskModel({ ...cfg, corridor: { ...cfg.corridor!, settleMonthsAfterYearEnd: 1 } }), { horizon: window });
    expect(paidByMonth(p)["2027-01"]).toBe(100000 + 70000);
    // Window from March 2026: 2026 is only partly seen, so only 2027 is settled.
    const w2 = { start: "2026-03", months: 22 };
    const c2 = caseload([rec("a", { start: "2026-03", end: "2026-10", use: 840 }), rec("b", { start: "2027-01", end: "2027-10", use: 420 })], w2);
    const q = project(c2, taskModel(cfg), { horizon: w2, lines: true });
    expect(totalsByKey(q.byKind).get("settlement")).toBe(0);
    expect(q.dueAfterHorizon).toBe(-220000);
    // Said in both languages, 2026 only (2027 lies wholly inside).
    expect(q.notices).toEqual([
      {
        en: "the corridor for 2026 is not settled: the year is only partly inside the caseload window",
        nl: "de bandbreedte over 2026 is niet verrekend: het jaar ligt maar deels in het venster van het cliëntenbestand",
      },
    ]);
    expect(q.warnings).toEqual([q.notices[0]!.en]);
  });

  it("corridorSettlement: bounds and settlement round half-up to the cent", () => {
    const five = { lowerPercent: "5", upperPercent: "5", settlementPercent: "50" };
    expect(corridorSettlement(1200000, 1400000, five)).toBe(70000);
    expect(corridorSettlement(1200000, 700000, five)).toBe(-220000);
    expect(corridorSettlement(1200000, 1260000, five)).toBe(0); // on the upper bound: inside
    expect(corridorSettlement(1200000, 1140000, five)).toBe(0); // on the lower bound: inside
    // Budget 1000001: upper 1000001 × 1.05 = 1050001.05 → 1050001; production 2000000 → outside 949999;
    // settled 33 %: 313499.67 → 313500.
    expect(corridorSettlement(1000001, 2000000, { lowerPercent: "5", upperPercent: "5", settlementPercent: "33" })).toBe(313500);
    // Below, half a cent away from zero: budget 100, lower 50 % → 50; production 49 → −1 × 50 % = −0.5 → −1.
    expect(corridorSettlement(100, 49, { lowerPercent: "50", upperPercent: "0", settlementPercent: "50" })).toBe(-1);
  });
});

describe("bad input", () => {
  const c = caseload([rec("a", { start: "2026-01" })], Y2026);

  it("an unknown provider or municipality in a budget, a negative budget, no budgets", () => {
    expect(inputIssues(() => project(c, taskModel({ kind: "task", budgets: [{ provider: "PX", perYear: "1.00" }] }), { horizon: Y2026 }))[0]).toMatchObject({
      path: ["budgets", 0, "provider"],
      message: expect.stringContaining('unknown provider "PX"'),
    });
    expect(inputIssues(() => project(c, taskModel({ kind: "task", budgets: [{ perYear: "1.00" }, { municipality: "GX", perYear: "1.00" }] }), { horizon: Y2026 }))[0]).toMatchObject({
      path: ["budgets", 1, "municipality"],
      message: expect.stringContaining('unknown municipality "GX"'),
    });
    expect(inputIssues(() => taskModel({ kind: "task", budgets: [{ perYear: "-1.00" }] }))[0]).toMatchObject({ path: ["budgets", 0, "perYear"], message: "must not be negative" });
    expect(inputIssues(() => taskModel({ kind: "task", budgets: [] }))[0]).toMatchObject({ path: ["budgets"], message: "needs at least one budget" });
  });

  it("a care form without a corridor reference tariff is an error listing it", () => {
    const cv = caseload([rec("a", { start: "2026-01" }), rec("v", { careForm: "verblijf", unit: "14", start: "2026-01", use: 3 })], Y2026);
    const cfg: TaskConfig = { kind: "task", budgets: [{ perYear: "1.00" }], corridor: { referenceTariffs: [{ careForm: "ambulant", tariff: "100.00" }] } };
    const issues = inputIssues(() => project(cv, taskModel(cfg), { horizon: Y2026 }));
    expect(issues[0]!.message).toContain("P0 / verblijf");
  });

  it("an unknown provider in a corridor reference tariff has the field's path", () => {
    const cfg: TaskConfig = {
      kind: "task",
      budgets: [{ perYear: "1.00" }],
      corridor: { referenceTariffs: [{ careForm: "ambulant", tariff: "100.00" }, { careForm: "ambulant", provider: "PX", tariff: "1.00" }] },
    };
    expect(inputIssues(() => project(c, taskModel(cfg), { horizon: Y2026 }))[0]!.path).toEqual(["corridor", "referenceTariffs", 1, "provider"]);
  });
});
