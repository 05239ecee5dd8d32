/**
 * Funding streams (regelingen): who covers which line, with hand-worked amounts.
 */
import { describe, expect, it } from "vitest";
import { applyStreams, effortModel, project, trajectoryModel, type FundingStreamInput } from "../../src/index.js";
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
