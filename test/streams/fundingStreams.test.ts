/**
 * Funding streams (regelingen): who covers which line, with hand-worked amounts.
 */
import { describe, expect, it } from "vitest";
import { applyStreams, createModel, effortModel, project, trajectoryModel, type FundingStreamInput } from "../../src/index.js";
import { caseload, inputIssues, rec } from "../support/examples.js";

const Y = { start: "2026-01", months: 12 };
// a: LPI target group, Jan–Mar; b: general, Feb–Mar. 60 minutes a month → 1 h × €70 = 7000 a month, paid a month later.
const c = caseload(
  [
    rec("a", { start: "2026-01", end: "2026-03", targetGroup: "LPI" }),
    rec("b", { start: "2026-02", end: "2026-03", municipality: "G1" }),
  ],
  Y,
);
const effort = project(c, effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }), { horizon: Y, lines: true });

describe("drawing on streams in order, the rest from own means", () => {
  it("a capped stream for a target group first, then a 50 % regional fund", () => {
    // Feb: a 7000 → meerkosten 7000 (used 7000).
    // Mar: a 7000 → meerkosten 7000 (used 14000); b 7000 → not LPI; fund 50 % = 3500; own 3500.
    // Apr: a 7000 → meerkosten room 1000; fund 3500 of the remaining 6000; own 2500. b 7000 → fund 3500, own 3500.
    const streams: FundingStreamInput[] = [
      { name: "meerkostenregeling", rules: [{ from: "2025-01", value: { covers: { targetGroups: ["LPI"] }, capPerYear: "150.00" } }] },
      { name: "regiofonds", rules: [{ from: "2025-01", value: { coverPercent: 50 } }] },
    ];
    const r = applyStreams(c, effort, streams);
    expect(r.totalPaid).toBe(35000);
    expect(r.streams.map((s) => [s.name, s.covered, s.linesCovered])).toEqual([
      ["meerkostenregeling", 15000, 3],
      ["regiofonds", 10500, 3],
    ]);
    expect(r.ownMeans.total).toBe(9500);
    expect(r.streams[0]!.byYear).toEqual([{ year: 2026, covered: 15000, cap: 15000 }]);
    expect(r.ownMeans.byMonth.slice(1, 4)).toEqual([0, 3500, 6000]);
  });

  it("the deciding date picks the version of the rules: a trajectory's start, or the payment month", () => {
    // Version 1 (from 2026-01) covers nothing; version 2 (from 2026-02) covers all.
    const rules = [
      { from: "2026-01", value: { active: false } },
      { from: "2026-02", value: {} },
    ];
    // By trajectory start: a started in January (version 1) → none of its 21000; b started in February → its 14000.
    const byStart = applyStreams(c, effort, [{ name: "regeling", rules }]);
    expect(byStart.streams[0]!.covered).toBe(14000);
    // By payment month: every payment falls in February or later → version 2 → all 35000.
    const byPayment = applyStreams(c, effort, [{ name: "regeling", decidingDate: "paymentMonth", rules }]);
    expect(byPayment.streams[0]!.covered).toBe(35000);
    // Before its first version a stream does not exist: from 2026-03 by payment month → Mar and Apr payments: 28000.
    const later = applyStreams(c, effort, [{ name: "regeling", decidingDate: "paymentMonth", rules: [{ from: "2026-03", value: {} }] }]);
    expect(later.streams[0]!.covered).toBe(28000);
  });

  it("a recovery gives back what a stream covered of the same trajectory", () => {
    // Trajectory amount €1,000, advance 50 %, drop-out paid 0 %: a drops out in March.
    // Feb: advance 50000 (covered). Apr: settlement 50000 (covered) and the drop-out reduction −100000:
    // the stream gives back 100000. Net: the stream covered 0, own means 0, total paid 0.
    const dropped = caseload([rec("a", { start: "2026-01", end: "2026-03", outcome: "droppedOut" })], Y);
    const p = project(dropped, trajectoryModel({ kind: "trajectory", amounts: [{ amount: "1000.00" }], dropOutPercent: 0 }), { horizon: Y, lines: true });
    const r = applyStreams(dropped, p, [{ name: "regeling", rules: [{ from: "2026-01", value: {} }] }]);
    expect(p.totalPaid).toBe(0);
    expect(r.streams[0]!.covered).toBe(0);
    expect(r.ownMeans.total).toBe(0);
    expect(r.streams[0]!.byMonth.slice(1, 4)).toEqual([50000, 0, -50000]);
  });

  it("a stream's advance and settlement to the municipality", () => {
    // Cap €150, advance 40 % = 6000 in twelve parts of 500; covered in 2026: 15000 → settlement 9000 in June 2027 (after the horizon).
    const r = applyStreams(c, effort, [
      { name: "meerkosten", rules: [{ from: "2025-01", value: { covers: { targetGroups: ["LPI"] }, capPerYear: "150.00" } }], payments: { advancePercentOfCap: 40 } },
    ]);
    expect(r.streams[0]!.income).toEqual(new Array(12).fill(500));
  });
});

describe("bad streams", () => {
  it("needs the ledger, and names the field of a bad rule", () => {
    const noLines = project(c, effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }), { horizon: Y });
    expect(inputIssues(() => applyStreams(c, noLines, []))[0]!.message).toMatch(/lines: true/);
    expect(inputIssues(() => applyStreams(c, effort, [{ name: "x", rules: [{ from: "2026-01", value: { coverPercent: 120 } }] }]))[0]!.path).toEqual([
      0,
      "rules",
      0,
      "value",
      "coverPercent",
    ]);
    expect(inputIssues(() => applyStreams(c, effort, [{ name: "x", rules: [{ from: "2026-01", value: { covers: { municipalities: ["Nergens"] } } }] }]))[0]!.path).toEqual([
      0,
      "rules",
      0,
      "value",
      "covers",
      "municipalities",
      0,
    ]);
  });
});

describe("review fixes", () => {
  it("a stream for lump sums pays only the providers it names", () => {
    // P0: 2 places × €10 a month (per month norm) = €20 a month; P1: a task budget of €1,200 a year = €100 a month.
    // A stream for lump sums to P0 only: Jan–Dec places (lag 0) = 12 × 2000 = 24000; P1's 120000 stays own means.
    const model = createModel({
      kind: "combined",
      parts: [
        { kind: "perPlace", places: [{ provider: "P0", count: 2 }], norm: "10.00", per: "month" },
        { kind: "task", budgets: [{ provider: "P1", perYear: "1200.00" }] },
      ],
    });
    const p = project(c, model, { horizon: Y, lines: true, paymentLagMonths: 0 });
    const r = applyStreams(c, p, [{ name: "BooO", decidingDate: "paymentMonth", rules: [{ from: "2026-01", value: { lumpSums: true, covers: { providers: ["P0"] } } }] }]);
    expect(r.streams[0]!.covered).toBe(24000);
    expect(r.ownMeans.total).toBe(120000); // this model pays no trajectory lines
    // …and cannot be limited by what only trajectories have
    expect(inputIssues(() => applyStreams(c, p, [{ name: "x", rules: [{ from: "2026-01", value: { lumpSums: true, covers: { careForms: ["verblijf"] } } }] }]))[0]!.path).toEqual([
      0,
      "rules",
      0,
      "value",
      "covers",
      "careForms",
    ]);
  });

  it("a co-funder of half the care bears half the recovery", () => {
    // €1,000 trajectory, advance 50 %, drop-out paid 50 %: lines +50000 (Feb), +50000 and −50000 (Apr).
    // The stream covers 50 % of each payment: 25000 + 25000; the recovery −50000 is shared like the payments:
    // the stream gives back 50000 × 50000 / 100000 = 25000. Stream 25000, own means 25000 (half of the €500 paid).
    const dropped = caseload([rec("a", { start: "2026-01", end: "2026-03", outcome: "droppedOut" })], Y);
    const p = project(dropped, trajectoryModel({ kind: "trajectory", amounts: [{ amount: "1000.00" }], dropOutPercent: 50 }), { horizon: Y, lines: true });
    const r = applyStreams(dropped, p, [{ name: "cofinanciering", rules: [{ from: "2026-01", value: { coverPercent: 50 } }] }]);
    expect(p.totalPaid).toBe(50000);
    expect([r.streams[0]!.covered, r.ownMeans.total]).toEqual([25000, 25000]);
  });

  it("a cap introduced by a later version binds the lines it judges (here by payment month)", () => {
    // Version 1 (no cap) until February, version 2 from March with a cap of €150 for the year, by payment month.
    // Feb: a 7000, uncapped (used 7000). Mar: a 7000 → room 15000 − 7000 = 8000 → 7000 (used 14000);
    // b 7000 → room 1000 → 1000 (used 15000). Apr: room 0. Covered 15000; the rest, 20000, is own means.
    const r = applyStreams(c, effort, [
      {
        name: "regeling",
        decidingDate: "paymentMonth",
        rules: [
          { from: "2026-01", value: {} },
          { from: "2026-03", value: { capPerYear: "150.00" } },
        ],
      },
    ]);
    expect(r.streams[0]!.covered).toBe(15000);
    expect(r.ownMeans.total).toBe(20000);
    // February's line was judged by the uncapped version: no single cap held the whole of 2026.
    expect(r.streams[0]!.byYear[0]!.cap).toBeNull();
  });

  it("refuses a caseload other than the one projected", () => {
    const other = caseload([rec("z", { start: "2026-01" })], Y);
    expect(inputIssues(() => applyStreams(other, effort, []))[0]!.code).toBe("other_caseload");
  });

  it("a stream's settlement is only for years wholly inside the horizon, and it says so", () => {
    const half = project(c, effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }), { horizon: { start: "2026-02", months: 11 }, lines: true });
    const r = applyStreams(c, half, [{ name: "meerkosten", rules: [{ from: "2025-01", value: { capPerYear: "120.00" } }], payments: { advancePercentOfCap: 100 } }]);
    // advance 12000 in twelve parts of 1000; February–December inside the horizon
    expect(r.streams[0]!.income).toEqual(new Array(11).fill(1000));
    expect(r.warnings[0]).toMatch(/2026 is only partly inside the horizon/);
  });
});
