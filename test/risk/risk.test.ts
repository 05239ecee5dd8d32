/** Risk statistics over Monte Carlo runs, on small arrays worked out by hand. */
import { describe, expect, it } from "vitest";
import { issueTexts } from "../support/examples.js";
import { budgetAtRisk, monthlyBands, probabilityMoreCostly, providerMarginRisk, riskAllocation } from "../../src/index.js";
import { ratioToDecimal, sqrtRatioHalfEven } from "../../src/risk/exact.js";


describe("riskAllocation", () => {
  it("a lump sum (P constant): the providers carry all of it", () => {
    // C = 90, 120, 60; M = 10, −20, 40 (mean 10, deviations 0, −30, 30: Σ 1800 / 2 = 900, sd 30)
    expect(riskAllocation([100, 100, 100], [10, -20, 40])).toEqual({
      runs: 3,
      municipalityShare: "0.0000",
      providerShare: "1.0000",
      reason: null,
      sdPayments: 0,
      sdMargins: 30,
      sdCost: 30,
    });
  });

  it("a reimbursement (M constant): the municipality carries all of it", () => {
    // P = 100, 200, 400: Σ(P − mean)² = (3·210000 − 700²)/3 = 46666.7; / 2 = 23333.3; √ = 152.75 → 153
    expect(riskAllocation([100, 200, 400], [5, 5, 5])).toMatchObject({ municipalityShare: "1.0000", providerShare: "0.0000", sdPayments: 153, sdMargins: 0, sdCost: 153 });
  });

  it("p × q with a constant 4 % margin: municipality 1.04, providers −0.04", () => {
    // cost 1000, 2000, 3500; M = 4 % of cost, P = cost + M
    expect(riskAllocation([1040, 2080, 3640], [40, 80, 140])).toMatchObject({ municipalityShare: "1.0400", providerShare: "-0.0400" });
  });

  it("a mixed example by hand", () => {
    // P = 100, 120, 110; M = 10, 5, 25; C = P − M = 90, 115, 85.
    // Deviations × 3 (means 110, 40/3, 290/3): dP = −30, 30, 0; dM = −10, −25, 35; dC = −20, 55, −35.
    // Σ dC·dP = 600 + 1650 + 0 = 2250; Σ dC·dM = 200 − 1375 − 1225 = −2400; Σ dC² = 400 + 3025 + 1225 = 4650 = 2250 + 2400.
    // municipality 2250/4650 = 0.483870… → 0.4839; providers 2400/4650 = 0.516129… → 0.5161.
    // sd: P √(Σ dP²/9 / 2) = √(1800/18) = 10; M √(1950/18) = 10.41 → 10; C √(4650/18) = 16.07 → 16.
    expect(riskAllocation([100, 120, 110], [10, 5, 25])).toEqual({
      runs: 3,
      municipalityShare: "0.4839",
      providerShare: "0.5161",
      reason: null,
      sdPayments: 10,
      sdMargins: 10,
      sdCost: 16,
    });
  });

  it("no shares when the cost does not vary, or with one run", () => {
    expect(riskAllocation([100, 150], [0, 50])).toMatchObject({
      municipalityShare: null,
      providerShare: null,
      reason: "the cost of care (payments − margins) is the same in every run: no variance to allocate",
      sdPayments: 35, // √(2·(25²)/1) = 35.36
      sdCost: 0,
    });
    expect(riskAllocation([100], [3])).toMatchObject({ runs: 1, municipalityShare: null, reason: "needs at least two runs to measure variance", sdPayments: 0 });
  });

  it("is exact for amounts near 2^53", () => {
    const big = Number.MAX_SAFE_INTEGER;
    // P constant, M = big − C: C = 0, 1, 2 → providers 1
    expect(riskAllocation([big, big, big], [big, big - 1, big - 2])).toMatchObject({ municipalityShare: "0.0000", providerShare: "1.0000", sdCost: 1 });
  });

  it("refuses mismatched, empty or non-integer input", () => {
    expect(issueTexts(() => riskAllocation([1, 2], [1]))).toEqual(["margins: 1 margins for 2 runs of payments"]);
    expect(issueTexts(() => riskAllocation([], []))).toEqual(["payments: needs at least one run"]);
    expect(issueTexts(() => riskAllocation([1.5, 2], [0, 2 ** 53]))).toEqual([
      "payments.0: 1.5 is not a whole number of cents within ±9007199254740991",
      "margins.1: 9007199254740992 is not a whole number of cents within ±9007199254740991",
    ]);
  });
});

describe("exact helpers", () => {
  it("ratios as 4-decimal strings, half-even, never -0.0000", () => {
    expect(ratioToDecimal(1n, 3n)).toBe("0.3333");
    expect(ratioToDecimal(2n, 3n)).toBe("0.6667");
    expect(ratioToDecimal(1n, 32n)).toBe("0.0312"); // 0.03125: tie to even
    expect(ratioToDecimal(3n, 32n)).toBe("0.0938"); // 0.09375: tie to even
    expect(ratioToDecimal(-1n, 32n)).toBe("-0.0312");
    expect(ratioToDecimal(1n, -3n)).toBe("-0.3333");
    expect(ratioToDecimal(-1n, 30000n)).toBe("0.0000");
    expect(ratioToDecimal(25n, 24n)).toBe("1.0417");
  });
  it("square roots of ratios, half-even", () => {
    expect(sqrtRatioHalfEven(1n, 4n)).toBe(0); // √0.25 = 0.5 → 0
    expect(sqrtRatioHalfEven(9n, 4n)).toBe(2); // 1.5 → 2
    expect(sqrtRatioHalfEven(25n, 4n)).toBe(2); // 2.5 → 2
    expect(sqrtRatioHalfEven(2n, 1n)).toBe(1);
    expect(sqrtRatioHalfEven(3n, 1n)).toBe(2);
    expect(sqrtRatioHalfEven(10n ** 40n, 1n)).toBe(1e20);
  });
});

describe("monthlyBands", () => {
  it("per month the exact mean and nearest-rank percentiles", () => {
    // month 0: 10, 30, 20 → mean 20, P5 10, P50 20, P95 30; month 1: 5, 5, 6 → mean 16/3 = 5.33 → 5
    expect(monthlyBands([[10, 5], [30, 5], [20, 6]])).toEqual([
      { mean: 20, p5: 10, p50: 20, p95: 30 },
      { mean: 5, p5: 5, p50: 5, p95: 6 },
    ]);
  });
  it("refuses ragged runs", () => {
    expect(issueTexts(() => monthlyBands([[1, 2], [3]]))).toEqual(["1: run 1 has 1 months, run 0 has 2"]);
    expect(issueTexts(() => monthlyBands([]))).toEqual([": needs at least one run"]);
  });
});

describe("budgetAtRisk", () => {
  // 20 runs; year 0 budget 1000, paid 990 + r: overshoots −10 … 9. Nearest rank P95 = the ⌈0.95·20⌉ = 19th
  // smallest = 8; runs over budget: r = 11 … 19 (overshoot 1 … 9) = 9 → 0.4500.
  // Year 1 budget 2000, paid 1500 every run: overshoot −500, nothing at risk.
  const paid = Array.from({ length: 20 }, (_, r) => [990 + r, 1500]);

  it("P95 overshoot, amount at risk and share of runs over budget per year", () => {
    const [y0, y1] = budgetAtRisk(paid, [1000, 2000]);
    expect(y0).toEqual({ index: 0, overshoot: { mean: 0, p5: -10, p50: -1, p95: 8 }, atRisk: 8, runsOver: 9, runs: 20, shareOver: "0.4500" });
    // mean of −10 … 9 = −0.5 → half-even 0 (exact −10/20)
    expect(y1).toEqual({ index: 1, overshoot: { mean: -500, p5: -500, p50: -500, p95: -500 }, atRisk: 0, runsOver: 0, runs: 20, shareOver: "0.0000" });
  });

  it("a budget per run (an uncertain budget)", () => {
    const budgets = paid.map((_, r) => [1000 - r, 1499]); // year 0 overshoot −10 + 2r: −10 … 28; year 1: 1 every run
    const [y0, y1] = budgetAtRisk(paid, budgets);
    expect(y0).toMatchObject({ atRisk: 26, runsOver: 14 }); // 19th of −10, −8, … 28 = −10 + 2·18 = 26; over: r ≥ 6
    expect(y1).toMatchObject({ atRisk: 1, runsOver: 20, shareOver: "1.0000" });
  });

  it("refuses mismatched years", () => {
    expect(issueTexts(() => budgetAtRisk([[1, 2]], [1]))).toEqual(["budgetPerYear: 1 budget years for 2 years paid"]);
    expect(issueTexts(() => budgetAtRisk([[1], [2]], [[1]]))).toEqual(["budgetPerYear: budgets for 1 runs, paid for 2"]);
  });
});

describe("probabilityMoreCostly", () => {
  it("counts runs where A cost strictly more than B, paired by run", () => {
    expect(probabilityMoreCostly([5, 3, 7, 7], [4, 3, 8, 6])).toEqual({ runs: 4, count: 2, probability: "0.5000" });
    expect(probabilityMoreCostly([2, 1, 1], [1, 1, 1])).toEqual({ runs: 3, count: 1, probability: "0.3333" });
    expect(probabilityMoreCostly([2, 2, 1], [1, 1, 1])).toEqual({ runs: 3, count: 2, probability: "0.6667" });
  });
  it("refuses unpaired runs", () => {
    expect(issueTexts(() => probabilityMoreCostly([1, 2], [1]))).toEqual(["b: 1 runs of B for 2 runs of A"]);
  });
});

describe("providerMarginRisk", () => {
  it("per provider the margin's summary and the runs it lost money", () => {
    const runs = [
      [{ provider: "Noord", margin: 100 }, { provider: "Zuid", margin: -50 }],
      [{ provider: "Noord", margin: 300 }, { provider: "Zuid", margin: 20 }],
      [{ provider: "Zuid", margin: -10 }, { provider: "Noord", margin: 200 }, { provider: "Oost", margin: null }],
    ];
    expect(providerMarginRisk(runs)).toEqual([
      { provider: "Noord", runs: 3, margin: { mean: 200, p5: 100, p50: 200, p95: 300 }, negativeRuns: 0, negativeShare: "0.0000" },
      // Zuid: −50, 20, −10 → mean −40/3 = −13.3 → −13; P50 = 2nd smallest = −10
      { provider: "Zuid", runs: 3, margin: { mean: -13, p5: -50, p50: -10, p95: 20 }, negativeRuns: 2, negativeShare: "0.6667" },
      { provider: "Oost", runs: 0, margin: null, negativeRuns: 0, negativeShare: null },
    ]);
  });
  it("refuses a provider twice in one run and a margin that is not whole cents", () => {
    expect(issueTexts(() => providerMarginRisk([[{ provider: "A", margin: 1 }, { provider: "A", margin: 2.5 }]]))).toEqual([
      '0.1.provider: provider "A" appears twice in run 0',
      "0.1.margin: 2.5 is not a whole number of cents within ±9007199254740991",
    ]);
  });
});
