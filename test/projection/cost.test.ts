/**
 * The cost of a trajectory-month (`costOfUse`): time units cost minutes × hourly price / 60,
 * rounded half-up to the cent. Its fast path must equal the exact rounding for every amount it
 * takes, checked against BigInt arithmetic (an independent method) rather than the library's own
 * division.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOfUse, UNIT_CODES } from "../../src/index.js";

const HOUR = UNIT_CODES.indexOf("04");
const MINUTE = UNIT_CODES.indexOf("01");
const ETMAAL = UNIT_CODES.indexOf("14");

/** round half-up of n / 60 for n ≥ 0, in BigInt. */
function halfUpBy60(n: bigint): number {
  const q = n / 60n;
  return Number(n - q * 60n >= 30n ? q + 1n : q);
}

describe("costOfUse", () => {
  it("hand-worked: 45 minutes at €67.20 an hour cost €50.40; 1 minute at €0.50 costs 1 cent (0.83 rounds up); 28 etmalen at €172.80 cost €4,838.40", () => {
    expect(costOfUse(HOUR, 45, 6720)).toBe(5040);
    expect(costOfUse(MINUTE, 1, 50)).toBe(1); // 50 / 60 = 0.83
    expect(costOfUse(MINUTE, 1, 29)).toBe(0); // 29 / 60 = 0.48
    expect(costOfUse(MINUTE, 1, 30)).toBe(1); // 30 / 60 = 0.5, half up
    expect(costOfUse(ETMAAL, 28, 17280)).toBe(483840);
  });

  it("every remainder by 60 rounds as the exact quotient does, near 2^52 and across it too", () => {
    // The last base crosses 2^52, where the fast path hands over to divRound.
    for (const base of [0n, 60n * 1000n, 2n ** 52n - 60n * 3n, 2n ** 52n - 90n]) {
      for (let r = 0n; r < 180n; r++) {
        const n = base + r;
        expect(costOfUse(MINUTE, Number(n), 1)).toBe(halfUpBy60(n));
      }
    }
  });

  it("equals BigInt half-up rounding for any minutes × price up to 2^52 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: 1, max: 2 ** 26 }), (use, price) => {
        expect(costOfUse(HOUR, use, price)).toBe(halfUpBy60(BigInt(use) * BigInt(price)));
      }),
      { numRuns: 2000 },
    );
  });
});
