import { describe, expect, it } from "vitest";
import { billableHours, DatedMoneySchema, DatedPrice, DatedValue, declaredAmount, formatMonth, horizonYears, IndexationSchema, monthOfYear, parseMonth, yearOf } from "../../src/index.js";

describe("months", () => {
  it("round-trips YYYY-MM and does calendar arithmetic", () => {
    const jan = parseMonth("2026-01");
    expect(formatMonth(jan)).toBe("2026-01");
    expect(formatMonth(jan + 11)).toBe("2026-12");
    expect(formatMonth(jan + 12)).toBe("2027-01");
    expect(formatMonth(jan - 1)).toBe("2025-12");
    expect(yearOf(jan + 13)).toBe(2027);
    expect(monthOfYear(jan + 13)).toBe(2);
    expect(horizonYears({ start: parseMonth("2026-07"), months: 18 })).toEqual([2026, 2027]);
  });
  it("rejects a malformed month with its text", () => {
    expect(() => parseMonth("2026-13")).toThrow(/"2026-13"/);
    expect(() => parseMonth("26-01")).toThrow(/YYYY-MM/);
  });
  it("looks up the version in force; the first applies before it", () => {
    const v = new DatedValue([
      { from: "2025-01", value: "a" },
      { from: "2026-07", value: "b" },
    ]);
    expect(v.at(parseMonth("2024-05"))).toBe("a");
    expect(v.at(parseMonth("2026-06"))).toBe("a");
    expect(v.at(parseMonth("2026-07"))).toBe("b");
    expect(v.at(parseMonth("2030-01"))).toBe("b");
  });
  it("requires dated versions in increasing order", () => {
    const r = DatedMoneySchema.safeParse([
      { from: "2026-01", value: "70.00" },
      { from: "2025-01", value: "72.00" },
    ]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.some((i) => i.path.join(".") === "1.from")).toBe(true);
  });
});

describe("dated prices with indexation", () => {
  it("indexes each January after the version's start, rounding half-up to the cent each year", () => {
    const price = new DatedPrice(DatedMoneySchema.parse([{ from: "2025-01", value: "70.00" }]), IndexationSchema.parse([{ from: "2026-01", value: "3.5" }]));
    // 2025: 7000. Jan 2026: 7000 × 1.035 = 7245. Jan 2027: 7245 × 1.035 = 7498.575 → 7499.
    expect(price.at(parseMonth("2025-12"))).toBe(7000);
    expect(price.at(parseMonth("2026-01"))).toBe(7245);
    expect(price.at(parseMonth("2027-06"))).toBe(7499);
  });
  it("a new version resets the base; indexation from March first applies the next January", () => {
    const price = new DatedPrice(
      DatedMoneySchema.parse([
        { from: "2025-01", value: "100.00" },
        { from: "2027-01", value: "110.00" },
      ]),
      IndexationSchema.parse([{ from: "2025-03", value: "10" }]),
    );
    expect(price.at(parseMonth("2025-06"))).toBe(10000); // no January passed since March 2025
    expect(price.at(parseMonth("2026-01"))).toBe(11000); // 10000 × 1.10
    expect(price.at(parseMonth("2027-01"))).toBe(11000); // new version, not yet indexed
    expect(price.at(parseMonth("2028-01"))).toBe(12100); // 11000 × 1.10
  });
});

describe("iJw declaration rules", () => {
  it("30-minute rule with at least one hour", () => {
    expect(billableHours(0)).toBe(0);
    expect(billableHours(1)).toBe(1); // any care counts as at least 1 hour
    expect(billableHours(29)).toBe(1);
    expect(billableHours(89)).toBe(1); // 1 h 29 → 1
    expect(billableHours(90)).toBe(2); // 1 h 30 → 2
    expect(billableHours(600)).toBe(10);
  });
  it("declared amount per unit", () => {
    expect(declaredAmount(1, 90, 7000)).toBe(14000); // 04 uur: 2 h × €70
    expect(declaredAmount(0, 45, 7000)).toBe(5250); // 01 minuut: 7000 × 45 / 60 = 5250
    expect(declaredAmount(0, 1, 7000)).toBe(117); // 116.67 → 117
    expect(declaredAmount(2, 30, 18000)).toBe(540000); // 14 etmaal: 30 × €180
    expect(declaredAmount(3, 8, 6600)).toBe(52800); // 16 dagdeel: 8 × €66
    expect(declaredAmount(5, 123456, 1)).toBe(123456); // 83 euro: the volume is the amount
  });
});
