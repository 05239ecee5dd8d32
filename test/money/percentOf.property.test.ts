/**
 * percentOf and percentOfEach (a percentage read once, integer arithmetic per amount) against an
 * independent reference — decimal.js with 60 significant digits, far more than any product of a
 * safe amount and a six-decimal percentage has — for every rounding mode.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentOf, percentOfEach, type RoundingMode } from "../../src/money/index.js";

const Wide = Decimal.clone({ precision: 60 });
const ROUNDING: Record<RoundingMode, Decimal.Rounding> = { halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP };
const reference = (amount: number, percent: string, mode: RoundingMode): number =>
  new Wide(amount).times(percent).dividedBy(100).toDecimalPlaces(0, ROUNDING[mode]).toNumber() || 0;

const modeArb = fc.constantFrom<RoundingMode>("halfUp", "halfEven", "down", "up");
// 0 to 100 % with up to six decimals, as the share schemas allow.
const percentArb = fc
  .integer({ min: 0, max: 6 })
  .chain((places) => fc.integer({ min: 0, max: 100 * 10 ** places }).map((n) => (n / 10 ** places).toFixed(places)));
const amountArb = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));

describe("percentOf and percentOfEach", () => {
  it("are exact for every safe amount, percentage and mode", () => {
    fc.assert(
      fc.property(percentArb, modeArb, fc.array(amountArb, { minLength: 1, maxLength: 20 }), (percent, mode, amounts) => {
        const each = percentOfEach(percent, mode);
        for (const a of amounts) {
          const expected = reference(a, percent, mode);
          expect(each(a)).toBe(expected);
          expect(percentOf(a, percent, mode)).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
  it("rounds the halves and the rest as named, by hand", () => {
    // 12.5 % of 1 cent = 0.125; 50 % of 3 cents = 1.5; 33.333333 % of 300 cents = 99.999999.
    expect(percentOfEach("12.5", "up")(1)).toBe(1);
    expect(percentOfEach("50", "halfEven")(3)).toBe(2);
    expect(percentOfEach("50", "halfUp")(-3)).toBe(-2);
    expect(percentOfEach("33.333333", "down")(300)).toBe(99);
    // 9,007,199,254,740,991 × 0.99999999 = 9,007,199,164,668,998.45…: past 2^53 in the product, and
    // beyond a 20-digit decimal product (which would round the fraction away).
    expect(percentOf(Number.MAX_SAFE_INTEGER, "99.999999", "down")).toBe(9_007_199_164_668_998);
  });
});
