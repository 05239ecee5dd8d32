import { describe, expect, it } from "vitest";
import {
  allocate,
  assertCents,
  divRound,
  eurosToCents,
  formatEuro,
  FundingInputError,
  MoneySchema,
  percentOf,
  percentWeights,
  splitEvenly,
} from "../../src/index.js";

describe("divRound", () => {
  it("rounds halves by the named mode", () => {
    // 5 / 2 = 2.5: half-up → 3, half-even → 2, down → 2, up → 3
    expect(divRound(5, 2, "halfUp")).toBe(3);
    expect(divRound(5, 2, "halfEven")).toBe(2);
    expect(divRound(7, 2, "halfEven")).toBe(4); // 3.5 → 4 (even)
    expect(divRound(5, 2, "down")).toBe(2);
    expect(divRound(5, 2, "up")).toBe(3);
    // Negative: half away from zero for halfUp; no negative zero
    expect(divRound(-5, 2, "halfUp")).toBe(-3);
    expect(Object.is(divRound(-1, 3, "halfUp"), 0)).toBe(true);
  });
  it("bills an hourly tariff per minute (iJw): €70/h × 1 minute = 116.67 → 117 cents", () => {
    expect(divRound(7000 * 1, 60, "halfUp")).toBe(117);
    expect(divRound(7001 * 45, 60, "halfUp")).toBe(5251); // 315045 / 60 = 5250.75 → 5251
  });
});

describe("allocate (largest remainder)", () => {
  it("splits €100.00 in three without losing a cent; ties go to the earliest part", () => {
    expect(allocate(10000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });
  it("gives leftover cents to the largest remainders", () => {
    // 100 over 3:7 → 30 / 70 exactly; 101 over 1:2 → 33.67 / 67.33 → 34 / 67
    expect(allocate(100, [3, 7])).toEqual([30, 70]);
    expect(allocate(101, [1, 2])).toEqual([34, 67]);
  });
  it("splits a negative amount symmetrically and handles zero weights", () => {
    expect(allocate(-10000, [1, 1, 1])).toEqual([-3334, -3333, -3333]);
    expect(allocate(500, [0, 1])).toEqual([0, 500]);
  });
  it("stays exact where total × weight passes 2^53", () => {
    const total = 5_600_000_000_00; // €5.6 billion in cents
    const parts = allocate(total, [608, 173, 107, 51, 61]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });
  it("rejects bad weights with a named reason", () => {
    expect(() => allocate(1, [])).toThrow(/weights must not be empty/);
    expect(() => allocate(1, [0, 0])).toThrow(/must not all be zero/);
    expect(() => allocate(1, [-1, 2])).toThrow(/non-negative integer/);
  });
  it("splitEvenly spreads a yearly €1,000.01 over 12 months with the extra cent in January", () => {
    // 100001 / 12 = 8333.42: every month 8333, remainder 5 cents → the first five months (ties)
    const months = splitEvenly(100001, 12);
    expect(months).toEqual([8334, 8334, 8334, 8334, 8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333]);
  });
});

describe("percentages", () => {
  it("percentWeights scales decimals to integers", () => {
    expect(percentWeights(["33.5", "66.5"])).toEqual([335, 665]);
    expect(percentWeights(["20", "60", "10", "10"])).toEqual([20, 60, 10, 10]);
    expect(percentWeights(["2.25", "97.75"])).toEqual([225, 9775]);
  });
  it("percentOf rounds half-up at the cent", () => {
    // 50 % of 12345 = 6172.5 → 6173
    expect(percentOf(12345, "50", "halfUp")).toBe(6173);
    // 2.35 % of €1,000.00 = €23.50 = 2350 cents exactly
    expect(percentOf(100000, "2.35", "halfUp")).toBe(2350);
  });
});

describe("money at the boundary", () => {
  it("parses euros from strings and cents from objects; refuses bare numbers", () => {
    expect(MoneySchema.parse("78.50")).toBe(7850);
    expect(MoneySchema.parse("-120")).toBe(-12000);
    expect(MoneySchema.parse({ cents: 7850 })).toBe(7850);
    expect(MoneySchema.safeParse(78.5).success).toBe(false);
    expect(MoneySchema.safeParse("78.505").success).toBe(false);
    expect(MoneySchema.safeParse({ cents: 1.5 }).success).toBe(false);
    expect(MoneySchema.safeParse({ cents: 2 ** 53 }).success).toBe(false);
  });
  it("eurosToCents refuses sub-cent amounts and assertCents guards the exact range", () => {
    expect(eurosToCents("1234.56")).toBe(123456);
    expect(() => eurosToCents("0.001")).toThrow(FundingInputError);
    expect(() => assertCents(2 ** 53, "total")).toThrow(/outside the exact range/);
    expect(() => assertCents(0.5, "total")).toThrow(/not a whole number of cents/);
  });
  it("formats Dutch euros", () => {
    expect(formatEuro(123456789)).toBe("€ 1.234.567,89");
    expect(formatEuro(-1200)).toBe("-€ 12,00");
    expect(formatEuro(5)).toBe("€ 0,05");
    expect(formatEuro(123450, { decimals: false })).toBe("€ 1.235"); // €1,234.50 rounds half-up
    expect(formatEuro(-49, { decimals: false })).toBe("€ 0");
    // Not cents: an input error, not "€ 0,1.5".
    expect(() => formatEuro(1.5)).toThrow(/amount 1.5 is not a whole number of cents/);
    expect(() => formatEuro(Number.NaN)).toThrow(/amount NaN is not a whole number of cents/);
  });
});
