/**
 * percentOfEach (a percentage read once, integer arithmetic per amount, for hot loops) gives what
 * percentOf (decimal.js) gives, for every rounding mode, amounts up to the exact range and
 * percentages with up to six decimals.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentOf, percentOfEach, type RoundingMode } from "../../src/money/index.js";

const modeArb = fc.constantFrom<RoundingMode>("halfUp", "halfEven", "down", "up");
const percentArb = fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, places]) => (n / 10 ** places).toFixed(places));
const amountArb = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));

describe("percentOfEach", () => {
  it("equals percentOf for every amount, percentage and mode", () => {
    fc.assert(
      fc.property(percentArb, modeArb, fc.array(amountArb, { minLength: 1, maxLength: 20 }), (percent, mode, amounts) => {
        const each = percentOfEach(percent, mode);
        for (const a of amounts) expect(each(a)).toBe(percentOf(a, percent, mode));
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
    // Past 2^53 in the product: 99.999999 % of 9,007,199,254,740,991 cents, down.
    expect(percentOfEach("99.999999", "down")(Number.MAX_SAFE_INTEGER)).toBe(9_007_199_164_668_998);
  });
});
