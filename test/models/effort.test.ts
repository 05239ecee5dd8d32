/**
 * Effort-oriented funding (inspanningsgericht, p × q): hand-worked examples. Every expected amount
 * is worked out in the comment next to it.
 */
import { describe, expect, it } from "vitest";
import { billableHours, declaredAmount, effortModel, project, safeProject, totalsByKey, UNIT_CODES, type EffortConfig, type Projection } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const Y2026 = { start: "2026-01", months: 12 };
const AMBULANT_70 = [{ careForm: "ambulant" as const, tariff: "70.00" }];

/** Paid to one provider (row of byProvider) per month, months with payments only. */
function providerByMonth(p: Projection, provider: string): Record<string, number> {
  const row = p.byProvider.keys.indexOf(provider);
  const out: Record<string, number> = {};
  for (let i = 0; i < p.horizon.months; i++) {
    const v = p.byProvider.cents[row * p.horizon.months + i]!;
    if (v !== 0) out[monthLabel(p.horizon.start + i)] = v;
  }
  return out;
}
const monthLabel = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

describe("the iJw 30-minute rule (unit 04, uur)", () => {
  it("billableHours: remainder under 30 minutes down, 30 or more up, at least one hour", () => {
    expect(billableHours(0)).toBe(0); // no care, nothing to declare
    expect(billableHours(1)).toBe(1); // 0 h 01 → 0, but any care is at least 1 hour
    expect(billableHours(29)).toBe(1); // 0 h 29 → 0 → at least 1
    expect(billableHours(30)).toBe(1); // 0 h 30 → 1
    expect(billableHours(89)).toBe(1); // 1 h 29 → 1
    expect(billableHours(90)).toBe(2); // 1 h 30 → 2
    expect(billableHours(149)).toBe(2); // 2 h 29 → 2
    expect(billableHours(150)).toBe(3); // 2 h 30 → 3
    expect(billableHours(600)).toBe(10); // exactly 10 h
  });

  it("declares billable hours × tariff per month, paid one month later", () => {
    // One trajectory Jan–Aug 2026, tariff €70/hour, lag 1:
    //   Jan  90 min → 1 h 30 → 2 h × 7000 = 14000, paid Feb
    //   Feb  29 min → 0 h 29 → at least 1 h = 7000, paid Mar
    //   Mar  30 min → 1 h = 7000, paid Apr
    //   Apr 150 min → 2 h 30 → 3 h = 21000, paid May
    //   May   0 min → no declaration line, nothing in Jun
    //   Jun   1 min → at least 1 h = 7000, paid Jul
    //   Jul  89 min → 1 h 29 → 1 h = 7000, paid Aug
    //   Aug 149 min → 2 h 29 → 2 h = 14000, paid Sep
    // Total 14000 + 7000 + 7000 + 21000 + 7000 + 7000 + 14000 = 77000 in 7 lines.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-08", use: [90, 29, 30, 150, 0, 1, 89, 149] })], Y2026);
    const p = project(c, effortModel({ kind: "effort", tariffs: AMBULANT_70 }), { horizon: Y2026, lines: true });
    expect(paidByMonth(p)).toEqual({
      "2026-02": 14000,
      "2026-03": 7000,
      "2026-04": 7000,
      "2026-05": 21000,
      "2026-07": 7000,
      "2026-08": 7000,
      "2026-09": 14000,
    });
    expect(p.totalPaid).toBe(77000);
    expect(p.messages.paymentLines).toBe(7);
    // inspanningsgericht: one JW323 + one JW325 per provider per month with lines: 7 months × 2
    expect(p.messages.declarationMessages).toBe(14);
    expect(p.messages.assignments).toBe(1);
    expect(p.messages.startStop).toBe(2); // start Jan, stop Aug
    expect(p.ledger!.kind.every((k) => k === 1)).toBe(true); // all declaration lines
  });
});

describe("unit 01 (minuut): hourly tariff × minutes / 60, rounded half-up to the cent", () => {
  it("bills real minutes, no 30-minute rule", () => {
    // Tariff €69.30/hour = 6930 cents; wijkteam, unit 01, Jan–Apr 2026, lag 1:
    //   1 min: 6930 × 1 / 60 = 115.5 → half-up 116 (paid Feb)
    //   3 min: 20790 / 60 = 346.5 → 347 (Mar)
    //  10 min: 69300 / 60 = 1155 exactly (Apr)
    //  61 min: 422730 / 60 = 7045.5 → 7046 (May) — not 1 h (6930): minutes are billed as minutes
    // Total 116 + 347 + 1155 + 7046 = 8664.
    expect(declaredAmount(UNIT_CODES.indexOf("01"), 1, 6930)).toBe(116);
    const c = caseload([rec("w", { careForm: "wijkteam", unit: "01", start: "2026-01", end: "2026-04", use: [1, 3, 10, 61] })], Y2026);
    const p = project(c, effortModel({ kind: "effort", tariffs: [{ careForm: "wijkteam", tariff: "69.30" }] }), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual({ "2026-02": 116, "2026-03": 347, "2026-04": 1155, "2026-05": 7046 });
    expect(p.totalPaid).toBe(8664);
  });

  it("other units: count × tariff; unit 83 declares its volume in cents", () => {
    // daghulp 16 dagdelen × €55.00 = 88000; verblijf 30 etmalen × €150.00 = 450000;
    // pleegzorg unit 83: the volume 123456 is the amount in cents (no tariff applies).
    const c = caseload(
      [
        rec("d", { careForm: "daghulp", unit: "16", start: "2026-01", use: 16 }),
        rec("v", { careForm: "verblijf", unit: "14", start: "2026-01", use: 30 }),
        rec("f", { careForm: "pleegzorg", unit: "83", start: "2026-01", use: 123456 }),
      ],
      Y2026,
    );
    const cfg: EffortConfig = {
      kind: "effort",
      tariffs: [
        { careForm: "daghulp", tariff: "55.00" },
        { careForm: "verblijf", tariff: "150.00" },
        { careForm: "pleegzorg", tariff: "1.00" },
      ],
    };
    const p = project(c, effortModel(cfg), { horizon: Y2026 });
    expect(totalsByKey(p.byCareForm).get("daghulp")).toBe(88000);
    expect(totalsByKey(p.byCareForm).get("verblijf")).toBe(450000);
    expect(totalsByKey(p.byCareForm).get("pleegzorg")).toBe(123456);
    expect(p.totalPaid).toBe(88000 + 450000 + 123456);
  });
});

describe("tariffs over time", () => {
  it("dated versions: the tariff in force in the care month applies", () => {
    // €70 from 2026-01, €75 from 2026-07; 60 minutes every month Jan–Dec 2026, lag 1:
    //   care Jan–Jun: 6 × 7000 paid Feb–Jul; care Jul–Nov: 5 × 7500 paid Aug–Dec
    //   care Dec: 7500 paid Jan 2027, after the horizon → dueAfterHorizon and the obligation at 2026-12.
    // Paid 42000 + 37500 = 79500.
    const c = caseload([rec("a", { start: "2026-01", end: "2026-12", use: 60 })], Y2026);
    const tariff = [
      { from: "2026-01", value: "70.00" },
      { from: "2026-07", value: "75.00" },
    ];
    const p = project(c, effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff }] }), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual({
      "2026-02": 7000,
      "2026-03": 7000,
      "2026-04": 7000,
      "2026-05": 7000,
      "2026-06": 7000,
      "2026-07": 7000,
      "2026-08": 7500,
      "2026-09": 7500,
      "2026-10": 7500,
      "2026-11": 7500,
      "2026-12": 7500,
    });
    expect(p.totalPaid).toBe(79500);
    expect(p.dueAfterHorizon).toBe(7500);
    expect(p.obligations).toEqual([{ date: "2026-12", cents: 7500 }]);
  });

  it("indexation each January, rounded half-up per year; a new version is indexed from the January after it starts", () => {
    // Indexation 2.5 % from 2026-01 (first applies January 2027). Lag 0: paid in the care month. 60 min a month 2026–2028.
    // P0, versions €70.20 (2026-01) and €80.00 (2027-07):
    //   2026: 7020 (no January after the version's start yet)
    //   2027-01..06: 7020 × 1.025 = 7195.5 → half-up 7196
    //   2027-07..12: the new version 8000, not indexed in its first year
    //   2028: 8000 × 1.025 = 8200
    // P1, own tariff €70.20 from 2026-01, no new version:
    //   2026: 7020; 2027: 7196; 2028: 7196 × 1.025 = 7375.9 → 7376
    //   (compounding unrounded, 7020 × 1.025² = 7375.3875, would give 7375: the rounding is per year.)
    const window = { start: "2026-01", months: 36 };
    const c = caseload(
      [rec("a", { start: "2026-01", end: "2028-12", use: 60 }), rec("b", { provider: "P1", start: "2026-01", end: "2028-12", use: 60 })],
      window,
    );
    const model = effortModel({
      kind: "effort",
      tariffs: [
        {
          careForm: "ambulant",
          tariff: [
            { from: "2026-01", value: "70.20" },
            { from: "2027-07", value: "80.00" },
          ],
        },
        { careForm: "ambulant", provider: "P1", tariff: [{ from: "2026-01", value: "70.20" }] },
      ],
      indexation: [{ from: "2026-01", value: "2.5" }],
    });
    const p = project(c, model, { horizon: window, paymentLagMonths: 0 });
    const p0 = providerByMonth(p, "P0");
    const p1 = providerByMonth(p, "P1");
    expect([p0["2026-01"], p0["2026-12"], p0["2027-01"], p0["2027-06"], p0["2027-07"], p0["2027-12"], p0["2028-01"], p0["2028-12"]]).toEqual([
      7020, 7020, 7196, 7196, 8000, 8000, 8200, 8200,
    ]);
    expect([p1["2026-06"], p1["2027-01"], p1["2027-12"], p1["2028-01"], p1["2028-12"]]).toEqual([7020, 7196, 7196, 7376, 7376]);
    // P0: 12 × 7020 + 6 × 7196 + 6 × 8000 + 12 × 8200 = 84240 + 43176 + 48000 + 98400 = 273816
    // P1: 12 × 7020 + 12 × 7196 + 12 × 7376 = 84240 + 86352 + 88512 = 259104
    expect(totalsByKey(p.byProvider).get("P0")).toBe(273816);
    expect(totalsByKey(p.byProvider).get("P1")).toBe(259104);
  });

  it("an undated amount is indexed from the first January the indexation is in force — also January of its own year", () => {
    // Documented rule: each indexation version "applies every January from its from month"; an undated amount has no start
    // of its own, so indexation from 2026-01 already raises it in January 2026: 7020 × 1.025 = 7195.5 → 7196 in 2026,
    // 7196 × 1.025 = 7375.9 → 7376 in 2027. (A version dated from 2026-01 stays 7020 in 2026, see above.)
    const window = { start: "2026-01", months: 24 };
    const c = caseload([rec("a", { start: "2026-01", end: "2027-12", use: 60 })], window);
    const model = effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.20" }], indexation: [{ from: "2026-01", value: "2.5" }] });
    const p = paidByMonth(project(c, model, { horizon: window, paymentLagMonths: 0 }));
    expect([p["2026-01"], p["2026-12"], p["2027-01"]]).toEqual([7196, 7196, 7376]);
    // indexation from March 2026 first applies in January 2027
    const later = effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.20" }], indexation: [{ from: "2026-03", value: "2.5" }] });
    const q = paidByMonth(project(c, later, { horizon: window, paymentLagMonths: 0 }));
    expect([q["2026-01"], q["2026-12"], q["2027-01"]]).toEqual([7020, 7020, 7196]);
  });

  it("a provider-specific tariff overrides the general one, whatever the order", () => {
    // Specific P1 €90 listed before the general €70: P0 60 min → 7000, P1 60 min → 9000.
    const c = caseload([rec("a", { start: "2026-01" }), rec("b", { provider: "P1", start: "2026-01" })], Y2026);
    const model = effortModel({
      kind: "effort",
      tariffs: [
        { careForm: "ambulant", provider: "P1", tariff: "90.00" },
        { careForm: "ambulant", tariff: "70.00" },
      ],
    });
    const p = project(c, model, { horizon: Y2026 });
    expect(totalsByKey(p.byProvider)).toEqual(new Map([["P0", 7000], ["P1", 9000], ["(all providers)", 0]]));
  });
});

describe("budget ceiling (bestedingsruimte)", () => {
  // Ceiling €1,000 a year for P0; 240 min = 4 h × €70 = 28000 declared a month, Jan 2026 – Feb 2027; lag 1.
  // 2026 running declared total: Jan 28000, Feb 56000, Mar 84000 (≥ 70 % = 70000: consultation in March),
  // Apr 112000 (≥ 100000: ceiling reached in April).
  const window = { start: "2026-01", months: 24 };
  const c = caseload([rec("a", { start: "2026-01", end: "2027-02", use: 240 })], window);
  const cfg = (behaviour: "providerBears" | "overspend" | "intakeStop"): EffortConfig => ({
    kind: "effort",
    tariffs: AMBULANT_70,
    ceiling: { amounts: [{ provider: "P0", perYear: "1000.00" }], behaviour },
  });
  const signals = [
    // declared 2026: 12 × 28000 = 336000, beyond the ceiling 336000 − 100000 = 236000
    { provider: "P0", year: 2026, consultationMonth: "2026-03", reachedMonth: "2026-04", ceiling: 100000, declared: 336000, beyondCeiling: 236000 },
    // 2027: Jan + Feb = 56000 < 70000: no signal
    { provider: "P0", year: 2027, consultationMonth: null, reachedMonth: null, ceiling: 100000, declared: 56000, beyondCeiling: 0 },
  ];

  it("providerBears: declarations beyond the ceiling are not paid; a new year has a new ceiling", () => {
    // Paid: care Jan–Mar 3 × 28000 (Feb–Apr), care Apr only the room left 100000 − 84000 = 16000 (May),
    // care May–Dec nothing. 2027: care Jan, Feb 28000 each (Feb, Mar 2027). Total 100000 + 56000 = 156000.
    const p = project(c, effortModel(cfg("providerBears")), { horizon: window });
    expect(paidByMonth(p)).toEqual({ "2026-02": 28000, "2026-03": 28000, "2026-04": 28000, "2026-05": 16000, "2027-02": 28000, "2027-03": 28000 });
    expect(p.totalPaid).toBe(156000);
    expect(p.ceilingSignals).toEqual(signals);
  });

  it("overspend: everything is paid and the excess reported", () => {
    // 14 months × 28000 = 392000, all paid by March 2027.
    const p = project(c, effortModel(cfg("overspend")), { horizon: window });
    expect(p.totalPaid).toBe(392000);
    expect(p.ceilingSignals).toEqual(signals);
  });

  it("the 70 % consultation threshold rounds up to the cent (never signals early)", () => {
    // 300 min = 5 h × 7000 = 35000 a month Jan–Mar 2026; running total 35000, 70000, 105000.
    // P0 ceiling 100000: 70 % = 70000 → consultation Feb; reached Mar.
    // P1 ceiling 100001: 70 % = 70000.7 → rounds up to 70001 → Feb's 70000 is not enough: consultation Mar; reached Mar.
    const c2 = caseload([rec("a", { start: "2026-01", end: "2026-03", use: 300 }), rec("b", { provider: "P1", start: "2026-01", end: "2026-03", use: 300 })], Y2026);
    const model = effortModel({
      kind: "effort",
      tariffs: AMBULANT_70,
      ceiling: {
        amounts: [
          { provider: "P0", perYear: { cents: 100000 } },
          { provider: "P1", perYear: { cents: 100001 } },
        ],
        behaviour: "overspend",
      },
    });
    const p = project(c2, model, { horizon: Y2026 });
    expect(p.ceilingSignals.map((s) => [s.provider, s.consultationMonth, s.reachedMonth])).toEqual([
      ["P0", "2026-02", "2026-03"],
      ["P1", "2026-03", "2026-03"],
    ]);
  });

  it("intakeStop: a new client of a provider at its ceiling waits until January; running care is paid; other providers are not stopped", () => {
    // P0 ceiling €500. A (P0): 240 min = 28000 a month, Jan–Jun 2026. B (P0, new client): 60 min = 7000 a month, Mar–May 2026.
    // C (P1, no ceiling): 60 min in Mar 2026.
    // Jan: A 28000 (spent 28000). Feb: A 28000 (spent 56000 ≥ 50000: ceiling reached).
    // Mar: B is due but P0 is at its ceiling → B waits until January 2027: 10 months. A goes on, paid in full.
    // B's care moves to Jan–Mar 2027, paid Feb–Apr 2027; its closure moves from May 2026 to Mar 2027.
    // Paid: A 6 × 28000 = 168000 (Feb–Jul 2026); B 3 × 7000 = 21000; C 7000 (Apr 2026). Total 196000.
    const c3 = caseload(
      [
        rec("A", { start: "2026-01", end: "2026-06", use: 240 }),
        rec("B", { start: "2026-03", end: "2026-05", use: 60 }),
        rec("C", { provider: "P1", start: "2026-03", use: 60 }),
      ],
      window,
    );
    const model = effortModel({ kind: "effort", tariffs: AMBULANT_70, ceiling: { amounts: [{ provider: "P0", perYear: "500.00" }], behaviour: "intakeStop" } });
    const p = project(c3, model, { horizon: window });
    expect(Array.from(p.delays!)).toEqual([0, 10, 0]); // caseload order: A, B, C (sorted by start, stable)
    expect(paidByMonth(p)).toEqual({
      "2026-02": 28000,
      "2026-03": 28000,
      "2026-04": 28000 + 7000,
      "2026-05": 28000,
      "2026-06": 28000,
      "2026-07": 28000,
      "2027-02": 7000,
      "2027-03": 7000,
      "2027-04": 7000,
    });
    expect(p.totalPaid).toBe(196000);
    expect(p.waiting.clients).toBe(1);
    expect(p.waiting.clientMonths).toBe(10); // Mar–Dec 2026
    expect(Array.from(p.waiting.byMonth)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(p.closed).toBe(3); // A Jun 2026, C Mar 2026, B (moved) Mar 2027
    // 2026: declared 6 × 28000 = 168000 (B declared nothing in 2026), 70 % of 50000 = 35000 reached in Feb, 50000 in Feb.
    expect(p.ceilingSignals[0]).toEqual({ provider: "P0", year: 2026, consultationMonth: "2026-02", reachedMonth: "2026-02", ceiling: 50000, declared: 168000, beyondCeiling: 118000 });
  });

  it("a trajectory starting between the window's and the horizon's start is counted from its own start", () => {
    // Regression (found by the conformance suite, fixed in 6f3e54b): such a trajectory was made active from the window's
    // first month and "declared" another trajectory's use (or undefined → NaN) for the months before its start.
    // Window Jul–Dec 2024; a: Jul 2024, 120 min = 2 h = 14000 (paid Aug, before the horizon); b: Aug 2024, 60 min = 7000.
    // Ceiling P0 €210 = 21000, providerBears, horizon Sep–Dec 2024, lag 1: spent 14000 + 7000 = 21000 ≤ 21000, so b's
    // August care is paid in full in September: totalPaid 7000.
    const w = { start: "2024-07", months: 6 };
    const c4 = caseload([rec("a", { start: "2024-07", use: 120 }), rec("b", { start: "2024-08", use: 60 })], w);
    const ceiling = { amounts: [{ provider: "P0", perYear: { cents: 21000 } }] };
    const bears = project(c4, effortModel({ kind: "effort", tariffs: AMBULANT_70, ceiling: { ...ceiling, behaviour: "providerBears" } }), {
      horizon: { start: "2024-09", months: 4 },
    });
    expect(bears.totalPaid).toBe(7000);
    // overspend with lag 3: a's July care paid Oct (14000), b's August care paid Nov (7000) = 21000
    const over = project(c4, effortModel({ kind: "effort", tariffs: AMBULANT_70, ceiling: { ...ceiling, behaviour: "overspend" } }), {
      horizon: { start: "2024-09", months: 4 },
      paymentLagMonths: 3,
    });
    expect(over.totalPaid).toBe(21000);
    expect(over.ceilingSignals[0]).toMatchObject({ declared: 21000, reachedMonth: "2024-08" });
    // b alone (its first month would have read use[-1])
    const alone = caseload([rec("b", { start: "2024-08", use: 60 })], w);
    expect(project(alone, effortModel({ kind: "effort", tariffs: AMBULANT_70, ceiling: { ...ceiling, behaviour: "overspend" } }), { horizon: { start: "2024-09", months: 4 } }).totalPaid).toBe(7000);
  });
});

describe("bad input", () => {
  const c = caseload([rec("a", { start: "2026-01" }), rec("v", { careForm: "verblijf", unit: "14", start: "2026-02", use: 10 })], Y2026);

  it("a negative tariff names its path and the reason", () => {
    const issues = inputIssues(() => effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { cents: -1 } }] }));
    expect(issues).toEqual([expect.objectContaining({ path: ["tariffs", 0, "tariff"], message: expect.stringContaining("must not be negative") })]);
  });

  it("no tariffs, out-of-order versions, a consultation share over 100 %", () => {
    expect(inputIssues(() => effortModel({ kind: "effort", tariffs: [] }))[0]).toMatchObject({ path: ["tariffs"], message: "needs at least one tariff" });
    const versions = [
      { from: "2026-07", value: "70.00" },
      { from: "2026-01", value: "75.00" },
    ];
    expect(inputIssues(() => effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: versions }] }))[0]).toMatchObject({
      path: ["tariffs", 0, "tariff", 1, "from"],
      message: expect.stringContaining("increasing order"),
    });
    const ceiling = { amounts: [{ provider: "P0", perYear: "1000" }], behaviour: "providerBears" as const, consultationPercent: 120 };
    expect(inputIssues(() => effortModel({ kind: "effort", tariffs: AMBULANT_70, ceiling }))[0]).toMatchObject({
      path: ["ceiling", "consultationPercent"],
      message: "must be between 0 and 100",
    });
  });

  // A union (one amount | dated versions) must still say why the amount is wrong, not a bare "Invalid input".
  it("an amount past the safe range names its path and the reason", () => {
    const issues = inputIssues(() => effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { cents: 2 ** 53 } }] }));
    expect(issues[0]!.path).toEqual(["tariffs", 0, "tariff", "cents"]);
    expect(issues[0]!.message).toMatch(/range|safe/);
  });

  it("bad amounts are refused at their path with their reason", () => {
    const cases: [unknown, (string | number)[], RegExp][] = [
      [{ cents: 2 ** 53 }, ["tariffs", 0, "tariff", "cents"], /exact range/],
      ["90071992547409.92", ["tariffs", 0, "tariff"], /exact range/],
      [{ cents: 1.5 }, ["tariffs", 0, "tariff", "cents"], /whole number/],
      ["70.001", ["tariffs", 0, "tariff"], /at most two decimals/],
      [70, ["tariffs", 0, "tariff"], /euros as a string/],
    ];
    for (const [tariff, path, reason] of cases) {
      const issues = inputIssues(() => effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: tariff as never }] }));
      expect(issues.map((i) => i.path)).toEqual([path]);
      expect(issues[0]!.message).toMatch(reason);
    }
  });

  it("a care form in the caseload without a tariff is an error listing it, also from safeProject", () => {
    const model = effortModel({ kind: "effort", tariffs: AMBULANT_70 });
    const issues = inputIssues(() => project(c, model, { horizon: Y2026 }));
    expect(issues).toEqual([{ code: "missing_price", path: ["tariffs"], message: expect.stringContaining("P0 / verblijf") }]);
    const r = safeProject(c, model, { horizon: Y2026 });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues).toEqual(issues);
  });

  it("an unknown provider in a tariff or a ceiling names the field", () => {
    const tariffs = [...AMBULANT_70, { careForm: "verblijf" as const, tariff: "150.00" }];
    const t = inputIssues(() => project(c, effortModel({ kind: "effort", tariffs: [...tariffs, { careForm: "ambulant", provider: "PX", tariff: "1.00" }] }), { horizon: Y2026 }));
    expect(t[0]).toMatchObject({ path: ["tariffs", 2, "provider"], message: expect.stringContaining('unknown provider "PX"') });
    const ceiling = { amounts: [{ provider: "P0", perYear: "1000" }, { provider: "PX", perYear: "1000" }], behaviour: "providerBears" as const };
    const k = inputIssues(() => project(c, effortModel({ kind: "effort", tariffs, ceiling }), { horizon: Y2026 }));
    expect(k[0]).toMatchObject({ path: ["ceiling", "amounts", 1, "provider"], message: expect.stringContaining('unknown provider "PX"') });
  });
});

describe("a missing tariff", () => {
  it("names every provider / care form without one, in order of first appearance, once each", () => {
    const c = caseload(
      [
        rec("a", { start: "2026-01", provider: "P1", careForm: "verblijf", unit: "14", use: 28 }),
        rec("b", { start: "2026-01", provider: "P0", careForm: "ambulant", use: 60 }),
        rec("c", { start: "2026-02", provider: "P0", careForm: "daghulp", unit: "16", use: 4 }),
        rec("d", { start: "2026-03", provider: "P1", careForm: "verblijf", unit: "14", use: 28 }),
      ],
      Y2026,
    );
    // Only ambulant has a tariff: P1 / verblijf (a, d) and P0 / daghulp (c) are missing, P0 / ambulant (b) is not.
    expect(inputIssues(() => project(c, effortModel({ kind: "effort", tariffs: AMBULANT_70 }), { horizon: Y2026 }))).toMatchObject([
      { code: "missing_price", path: ["tariffs"], message: "no price for provider / care form: P1 / verblijf; P0 / daghulp" },
    ]);
  });
});
