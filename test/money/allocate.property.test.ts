import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, divRound } from "../../src/index.js";

describe("allocate properties", () => {
  it("parts sum to the total and each is within one cent of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            // exact share total × w / sum, compared in BigInt: |p × sum − total × w| < sum
            const diff = BigInt(p) * BigInt(sum) - BigInt(total) * BigInt(weights[i]!);
            expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(sum));
          });
        },
      ),
    );
  });
  it("divRound halfUp agrees with exact rational rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divRound(n, d, "halfUp");
        // |n/d − q| <= 1/2, and exactly 1/2 only when q is away from zero
        const twice = 2 * (n - q * d);
        expect(Math.abs(twice)).toBeLessThanOrEqual(d);
        if (Math.abs(twice) === d) expect(Math.abs(q * d)).toBeGreaterThan(Math.abs(n));
      }),
    );
  });
});
