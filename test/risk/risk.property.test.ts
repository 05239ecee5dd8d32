/** Properties of the risk statistics on arbitrary runs of integer cents. */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetAtRisk, probabilityMoreCostly, riskAllocation } from "../../src/index.js";

const cents = fc.integer({ min: -1e12, max: 1e12 });
const pairedRuns = fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(fc.array(cents, { minLength: n, maxLength: n }), fc.array(cents, { minLength: n, maxLength: n })));

/** Cov(x, y)·n² by the two-pass deviation formula in decimal.js (an independent path). */
function covariance(x: readonly number[], y: readonly number[]): Decimal {
  const D = Decimal.clone({ precision: 80 });
  const mx = x.reduce((s, v) => s.plus(v), new D(0)).dividedBy(x.length);
  const my = y.reduce((s, v) => s.plus(v), new D(0)).dividedBy(y.length);
  return x.reduce((s, v, i) => s.plus(new D(v).minus(mx).times(new D(y[i]!).minus(my))), new D(0));
}

describe("riskAllocation properties", () => {
  it("when Var(C) > 0 the shares sum to exactly 1 and match an independent decimal computation", () => {
    fc.assert(
      fc.property(pairedRuns, ([p, m]) => {
        const c = p.map((v, i) => v - m[i]!);
        const r = riskAllocation(p, m);
        if (covariance(c, c).isZero()) {
          expect(r.municipalityShare).toBeNull();
          return;
        }
        expect(new Decimal(r.municipalityShare!).plus(r.providerShare!).toFixed()).toBe("1");
        const expected = covariance(c, p).dividedBy(covariance(c, c)).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
        expect(r.municipalityShare).toBe(expected === "-0.0000" ? "0.0000" : expected);
        const expectedProvider = covariance(c, m).negated().dividedBy(covariance(c, c)).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
        expect(r.providerShare).toBe(expectedProvider === "-0.0000" ? "0.0000" : expectedProvider);
      }),
      { numRuns: 300 },
    );
  });

  it("payments constant over the runs: the providers carry everything", () => {
    fc.assert(
      fc.property(cents, fc.array(cents, { minLength: 2, maxLength: 20 }), (p, m) => {
        fc.pre(new Set(m).size > 1);
        expect(riskAllocation(m.map(() => p), m)).toMatchObject({ municipalityShare: "0.0000", providerShare: "1.0000" });
      }),
    );
  });

  it("shifting every payment or margin by a constant changes no share", () => {
    fc.assert(
      fc.property(pairedRuns, cents, cents, ([p, m], dp, dm) => {
        const a = riskAllocation(p, m);
        const b = riskAllocation(p.map((v) => v + dp), m.map((v) => v + dm));
        expect([b.municipalityShare, b.providerShare, b.sdPayments, b.sdMargins]).toEqual([a.municipalityShare, a.providerShare, a.sdPayments, a.sdMargins]);
      }),
    );
  });

  it("standard deviations match an independent decimal square root, rounded half-even", () => {
    fc.assert(
      fc.property(pairedRuns, ([p, m]) => {
        const D = Decimal.clone({ precision: 80 });
        const sd = new D(covariance(p, p).toString()).dividedBy(p.length - 1).sqrt().toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
        expect(riskAllocation(p, m).sdPayments).toBe(sd);
      }),
    );
  });
});

describe("paired comparisons", () => {
  it("P(A > B) + P(B > A) + P(tie) = 1, counted", () => {
    fc.assert(
      fc.property(pairedRuns, ([a, b]) => {
        const ab = probabilityMoreCostly(a, b).count;
        const ba = probabilityMoreCostly(b, a).count;
        const ties = a.filter((v, i) => v === b[i]).length;
        expect(ab + ba + ties).toBe(a.length);
      }),
    );
  });

  it("the amount at risk is never negative and the P95 overshoot is an observed overshoot", () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 40 }), cents, (paid, budget) => {
        const [row] = budgetAtRisk(paid.map((x) => [x]), [budget]);
        expect(row!.atRisk).toBeGreaterThanOrEqual(0);
        expect(paid.map((x) => x - budget)).toContain(row!.overshoot.p95);
      }),
    );
  });
});
