/**
 * Hand-checked examples for the decimal.js reference itself: small caseloads whose every amount
 * is worked out in the comments, so the reference the property tests trust is checked too.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import type { Caseload } from "../../src/caseload/caseload.js";
import { caseloadFromRecords, type TrajectoryInput } from "../../src/caseload/records.js";
import type { EffortConfig } from "../../src/models/effort.js";
import type { OutputConfig } from "../../src/models/output.js";
import type { TaskConfig } from "../../src/models/task.js";
import type { TrajectoryConfig } from "../../src/models/trajectory.js";
import { parseMonth } from "../../src/period.js";
import { billableHoursRef, largestRemainder, priceAt, referenceProject, type ReferenceProjection } from "./reference.js";

const base = { municipality: "G0", provider: "P0", profile: "licht", intensity: "laag" } as const;
const ambulant = { ...base, careForm: "ambulant", unit: "04" } as const;

function caseload(records: TrajectoryInput[], window: { start: string; months: number }): Caseload {
  return caseloadFromRecords(records, { window, providers: ["P0", "P1"], municipalities: ["G0", "G1"] });
}

/** A projection's numbers as plain numbers, for readable expectations. */
function numbers(p: ReferenceProjection) {
  const plain = (m: Map<string, { toNumber(): number }>) => Object.fromEntries([...m].filter(([, v]) => v.toNumber() !== 0).map(([k, v]) => [k, v.toNumber()]));
  return {
    totalPaid: p.totalPaid.toNumber(),
    byMonth: plain(p.byMonth),
    byProvider: plain(p.byProvider),
    byKind: plain(p.byKind),
    dueAfterHorizon: p.dueAfterHorizon.toNumber(),
    obligations: p.obligations.map((o) => [o.date, o.cents.toNumber()]),
    cost: p.cost === null ? null : p.cost.toNumber(),
  };
}

describe("reference building blocks", () => {
  it("applies the 30-minute rule with a minimum of one hour", () => {
    expect(billableHoursRef(0)).toBe(0);
    expect(billableHoursRef(1)).toBe(1); // any care counts as 1 hour
    expect(billableHoursRef(29)).toBe(1); // 0 h + 29 min rounds down to 0, minimum 1
    expect(billableHoursRef(89)).toBe(1); // 1 h + 29 min
    expect(billableHoursRef(90)).toBe(2); // 1 h + 30 min rounds up
    expect(billableHoursRef(150)).toBe(3); // 2 h + 30 min
  });

  it("splits by largest remainder, ties to the earliest part", () => {
    // 1001 cents at 10/60/20/10 %: exact 100.1, 600.6, 200.2, 100.1 → floors 100, 600, 200, 100
    // (1000); the one cent left goes to the largest remainder, .6.
    expect(largestRemainder(new Decimal(1001), [10, 60, 20, 10]).map(Number)).toEqual([100, 601, 200, 100]);
    // 601 over 4 months: 150.25 each → 150 × 4 = 600; equal remainders, so the first month gets the cent.
    expect(largestRemainder(new Decimal(601), [1, 1, 1, 1]).map(Number)).toEqual([151, 150, 150, 150]);
    // A yearly budget of 1,000,000 cents: 83,333.33 a month; 4 cents left go to January–April.
    expect(largestRemainder(new Decimal(1_000_000), new Array<number>(12).fill(1)).map(Number)).toEqual([
      83334, 83334, 83334, 83334, 83333, 83333, 83333, 83333, 83333, 83333, 83333, 83333,
    ]);
  });

  it("indexes each January after a version's start, rounding half-up to the cent every year", () => {
    const rate = [{ from: "2025-01", value: "2.5" }];
    // Undated €70.01 indexed 2.5 % in January 2025, 2026 and 2027:
    // 7001 × 1.025 = 7176.025 → 7176; × 1.025 = 7355.4 → 7355; × 1.025 = 7538.875 → 7539.
    expect(priceAt(7001, rate, parseMonth("2024-12")).toNumber()).toBe(7001);
    expect(priceAt(7001, rate, parseMonth("2025-01")).toNumber()).toBe(7176);
    expect(priceAt(7001, rate, parseMonth("2027-06")).toNumber()).toBe(7539);
    // A version from 2026-03 is first indexed in January 2027 (8000 × 1.025 = 8200) and applies
    // before its own start too, unindexed.
    const dated = [{ from: "2026-03", value: 8000 }];
    expect(priceAt(dated, rate, parseMonth("2025-06")).toNumber()).toBe(8000);
    expect(priceAt(dated, rate, parseMonth("2026-12")).toNumber()).toBe(8000);
    expect(priceAt(dated, rate, parseMonth("2027-01")).toNumber()).toBe(8200);
  });
});

describe("reference projections worked out by hand", () => {
  it("effort: 30-minute rule, per-minute billing, unit 83, etmalen, lag 1, cost prices", () => {
    const records: TrajectoryInput[] = [
      // €70/h: January 90 min → 2 h → 14000; February 29 min → 1 h → 7000; March no care, no line.
      { ...ambulant, id: "a", start: "2026-01", end: "2026-03", outcome: "achieved", use: [90, 29, 0] },
      // Wijkteam per minute at €61/h, started before the window, still open:
      // 6100 × 45 / 60 = 4575; 6100 × 100 / 60 = 10166.67 → 10167; 6100 × 1 / 60 = 101.67 → 102.
      { ...base, provider: "P1", municipality: "G1", careForm: "wijkteam", unit: "01", id: "b", start: "2025-11", end: null, outcome: "open", use: [45, 100, 1] },
      // Pleegzorg as unit 83: the volume is the amount in cents.
      { ...base, careForm: "pleegzorg", unit: "83", id: "c", start: "2026-02", end: "2026-03", outcome: "notAchieved", use: [250000, 125050] },
      // Verblijf: 31 etmalen × €200 = 620000.
      { ...base, provider: "P1", careForm: "verblijf", unit: "14", id: "d", start: "2026-03", end: null, outcome: "open", use: [31] },
    ];
    const config: EffortConfig = {
      kind: "effort",
      tariffs: [
        { careForm: "ambulant", tariff: "70" },
        { careForm: "wijkteam", tariff: "61" },
        { careForm: "verblijf", tariff: "200" },
      ],
    };
    const p = referenceProject(caseload(records, { start: "2026-01", months: 3 }), config, {
      horizon: { start: "2026-01", months: 3 },
      paymentLagMonths: 1,
      costPrices: {
        prices: [
          { careForm: "ambulant", price: "60" },
          { careForm: "wijkteam", price: "50" },
          { careForm: "verblijf", price: "150" },
        ],
      },
    });
    expect(numbers(p)).toEqual({
      // Paid February (January care): 14000 + 4575 = 18575.
      // Paid March (February care): 7000 + 10167 + 250000 = 267167.
      totalPaid: 285742,
      byMonth: { "2026-02": 18575, "2026-03": 267167 },
      byProvider: { P0: 14000 + 7000 + 250000, P1: 4575 + 10167 },
      byKind: { declaration: 285742 },
      // March care is paid in April: 102 + 125050 + 620000 = 745152, incurred in March.
      dueAfterHorizon: 745152,
      obligations: [["2026-03", 745152]],
      // Cost (real minutes, half-up per trajectory-month): ambulant €60/h: 90 → 9000, 29 → 2900;
      // wijkteam €50/h: 45 → 3750, 100 → 8333.33 → 8333, 1 → 83.33 → 83; unit 83: 250000 + 125050;
      // verblijf 31 × 15000 = 465000. Sum 864116.
      cost: 864116,
    });
  });

  it("effort with a ceiling: providerBears caps, intakeStop defers a start to January", () => {
    const records: TrajectoryInput[] = [
      { ...ambulant, id: "a", start: "2026-01", end: "2026-01", outcome: "achieved", use: [90] }, // 2 h = 14000
      { ...ambulant, id: "b", start: "2026-02", end: "2026-03", outcome: "achieved", use: [60, 60] }, // 1 h a month = 7000
    ];
    const window = { start: "2026-01", months: 14 };
    const ceilingConfig = (behaviour: "providerBears" | "intakeStop"): EffortConfig => ({
      kind: "effort",
      tariffs: [{ careForm: "ambulant", tariff: "70" }],
      ceiling: { amounts: [{ provider: "P0", perYear: "100" }], behaviour },
    });
    const options = { horizon: window, paymentLagMonths: 0, costPrices: { prices: [{ careForm: "ambulant" as const, price: "60" }] } };
    // providerBears, ceiling €100 = 10000: January's 14000 is paid 10000; February and March nothing.
    const bears = referenceProject(caseload(records, window), ceilingConfig("providerBears"), options);
    expect(numbers(bears).totalPaid).toBe(10000);
    expect(numbers(bears).byMonth).toEqual({ "2026-01": 10000 });
    // intakeStop: after January P0 has spent 14000 ≥ 10000, so b (due in February) waits 11 months
    // until January 2027; its care moves to 2027-01 and 2027-02 (7000 each); nothing is capped.
    const stop = referenceProject(caseload(records, window), ceilingConfig("intakeStop"), options);
    expect([...stop.delays]).toEqual([["b", 11]]);
    expect(numbers(stop).byMonth).toEqual({ "2026-01": 14000, "2027-01": 7000, "2027-02": 7000 });
    // Cost moves with the care: 90 min × €60/h = 9000, then 6000 in each of 2027-01 and 2027-02.
    expect(numbers(stop).cost).toBe(21000);
  });

  it("trajectory: advance, settlement, drop-out recovery, open at the window's end", () => {
    const records: TrajectoryInput[] = [
      { ...ambulant, id: "a", start: "2026-02", end: "2026-05", outcome: "achieved", use: 60 },
      { ...ambulant, id: "b", start: "2026-03", end: "2026-04", outcome: "droppedOut", use: 60 },
      { ...ambulant, id: "c", start: "2026-06", end: null, outcome: "open", use: 60 },
    ];
    const config: TrajectoryConfig = { kind: "trajectory", amounts: [{ amount: "3000" }], advancePercent: 50, dropOutPercent: "40" };
    const p = referenceProject(caseload(records, { start: "2026-01", months: 12 }), config, { horizon: { start: "2026-01", months: 12 }, paymentLagMonths: 1 });
    expect(numbers(p)).toEqual({
      // a: advance 150000 paid 2026-03, settlement 150000 paid 2026-06 (closed May + 1).
      // b: advance 150000 paid 2026-04; drop-out amount 40 % = 120000, so the settlement recovers
      //    30000 in 2026-05.
      // c: advance 150000 paid 2026-07; open at the window's end, settled at 2026-12 + 1 + lag =
      //    2027-02 (after the horizon).
      totalPaid: 570000,
      byMonth: { "2026-03": 150000, "2026-04": 150000, "2026-05": -30000, "2026-06": 150000, "2026-07": 150000 },
      byProvider: { P0: 570000 },
      byKind: { advance: 450000, settlement: 120000 },
      dueAfterHorizon: 150000,
      // At December 2026 (the horizon's end) c's settlement, incurred 2026-06, is still open.
      obligations: [["2026-12", 150000]],
      cost: null,
    });
  });

  it("output: schedule split, early closure, follow-up arrangement, guaranteed re-entry", () => {
    const records: TrajectoryInput[] = [
      // a closes after 2 months with the result: the unpaid instalments come with the settlement.
      { ...ambulant, id: "a", client: "x", start: "2026-01", end: "2026-02", outcome: "achieved", use: 60 },
      // b runs 9 months, validity 6: a follow-up arrangement from 2026-07 at 50 %.
      { ...ambulant, id: "b", client: "y", start: "2026-01", end: "2026-09", outcome: "notAchieved", use: 60 },
      // Client x re-enters at P0 two months after an achieved result: guaranteed, free.
      { ...ambulant, id: "c", client: "x", start: "2026-04", end: "2026-05", outcome: "achieved", use: 60 },
    ];
    const config: OutputConfig = {
      kind: "output",
      prices: [{ price: "1200" }],
      validityMonths: 6,
      normMonths: 4,
      schedule: { atStart: "10", instalments: "60", atEnd: "20", onResult: "10" },
      onExpiry: "followUp",
      followUpPercent: "50",
      guaranteeMonths: 3,
    };
    const p = referenceProject(caseload(records, { start: "2026-01", months: 12 }), config, { horizon: { start: "2026-01", months: 12 }, paymentLagMonths: 0 });
    // 120000 splits 12000 / 72000 / 24000 / 12000; instalments 18000 in each of 4 months.
    // a: advance 12000 (Jan); instalments 18000 Jan, Feb; settlement Feb = atEnd 24000 + 2 unpaid
    //    instalments 36000 + result 12000 = 72000. In all 120000, the whole price.
    // b, first arrangement 2026-01…06: advance 12000; instalments 18000 Jan–Apr; at expiry (Jun)
    //    atEnd 24000, no result share (not closed): 108000.
    // b, follow-up from 2026-07 at 50 %: 60000 splits 6000 / 36000 / 12000 / 6000, instalments
    //    9000 Jul–Oct; closes in Sep: advance 6000 (Jul), instalments Jul–Sep 27000, settlement Sep
    //    = 12000 + unpaid October 9000 = 21000 (result not achieved): 54000.
    // c: nothing.
    expect(numbers(p)).toEqual({
      totalPaid: 120000 + 108000 + 54000,
      byMonth: {
        "2026-01": 12000 + 18000 + 12000 + 18000,
        "2026-02": 18000 + 72000 + 18000,
        "2026-03": 18000,
        "2026-04": 18000,
        "2026-06": 24000,
        "2026-07": 6000 + 9000,
        "2026-08": 9000,
        "2026-09": 9000 + 21000,
      },
      byProvider: { P0: 282000 },
      byKind: { advance: 12000 + 12000 + 6000, declaration: 36000 + 72000 + 27000, settlement: 72000 + 24000 + 21000 },
      dueAfterHorizon: 0,
      obligations: [["2026-12", 0]],
      cost: null,
    });
  });

  it("task: twelve instalments, corridor settlement after the year, obligations", () => {
    // One ambulant client all of 2026 and into 2027, 600 minutes (10 h) a month at a reference
    // tariff of €100/h: production 2026 = 12 × 100000 = 1,200,000.
    const records: TrajectoryInput[] = [{ ...ambulant, id: "a", start: "2026-01", end: null, outcome: "open", use: 600 }];
    const config: TaskConfig = {
      kind: "task",
      budgets: [{ perYear: "10000" }], // 1,000,000 cents a year for all providers
      corridor: {
        referenceTariffs: [{ careForm: "ambulant", tariff: "100" }],
        lowerPercent: "5",
        upperPercent: "5",
        settlementPercent: "50",
        settleMonthsAfterYearEnd: 6,
      },
    };
    const window = { start: "2026-01", months: 18 };
    const p = referenceProject(caseload(records, window), config, { horizon: window, paymentLagMonths: 1 });
    // Instalments 83334 × 4 + 83333 × 8 per year. 2026 is wholly inside the window: upper bound
    // 1,050,000, production 150,000 above it, 50 % = 75000 paid 2027-06 (December + 6), incurred
    // 2026-12. 2027 is only partly seen: no settlement. January–June 2027 instalments:
    // 83334 × 4 + 83333 × 2 = 500002; July–December 2027 (83333 × 6 = 499998) fall after the horizon.
    expect(numbers(p)).toEqual({
      totalPaid: 1_000_000 + 500_002 + 75_000,
      byMonth: expect.objectContaining({ "2026-01": 83334, "2026-05": 83333, "2027-06": 83333 + 75000 }),
      byProvider: { "(all providers)": 1_575_002 },
      byKind: { instalment: 1_500_002, settlement: 75_000 },
      dueAfterHorizon: 499_998,
      // December 2026: the settlement (incurred 2026-12, paid 2027-06) is open. June 2027: the rest
      // of the 2027 budget (incurred January 2027) is.
      obligations: [
        ["2026-12", 75_000],
        ["2027-06", 499_998],
      ],
      cost: null,
    });
  });
});
