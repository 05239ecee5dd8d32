/**
 * Parameter distributions: validation with messages naming the field, analytic moments, sampling
 * checked against the analytic mean and sd, and quantiles against closed forms and published values.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random.js";
import {
  DistributionSchema,
  centre,
  distributionMean,
  distributionSd,
  quantile,
  sampleDistribution,
  type Distribution,
} from "../../src/index.js";
import { normalCdf, normalQuantile } from "../../src/uncertainty/normal.js";

function issuesOf(input: unknown): { path: string; message: string }[] {
  const r = DistributionSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("DistributionSchema", () => {
  it("accepts every kind, with name and as", () => {
    const ok: unknown[] = [
      { distribution: "fixed", value: 3 },
      { distribution: "uniform", min: 1, max: 2, name: "instroomtrend" },
      { distribution: "triangular", min: 1, mode: 1, max: 2, as: "integer" },
      { distribution: "normal", mean: 0, sd: 1 },
      { distribution: "normal", mean: 0, sd: 1, min: -1 },
      { distribution: "normal", mean: 70, sd: 5, min: 60, max: 80, as: "euros" },
      { distribution: "lognormal", mean: 5, sd: 3, as: "percent" },
      { distribution: "beta", alpha: 2, beta: 3 },
      { distribution: "beta", alpha: 2, beta: 3, min: 10, max: 20 },
      { distribution: "gamma", shape: 0.5, scale: 2 },
    ];
    for (const d of ok) expect(issuesOf(d), JSON.stringify(d)).toEqual([]);
  });

  it("returns the node as written (no defaults filled in) and trims the name", () => {
    expect(DistributionSchema.parse({ distribution: "beta", alpha: 2, beta: 3, name: " p " })).toEqual({ distribution: "beta", alpha: 2, beta: 3, name: "p" });
  });

  it("refuses impossible parameters with a message naming the field", () => {
    expect(issuesOf({ distribution: "uniform", min: 3, max: 3 })).toEqual([{ path: "max", message: "max (3) must be greater than min (3)" }]);
    expect(issuesOf({ distribution: "triangular", min: 0, mode: 5, max: 4 })).toEqual([{ path: "mode", message: "mode (5) must lie between min (0) and max (4)" }]);
    expect(issuesOf({ distribution: "triangular", min: 4, mode: 4, max: 0 })).toEqual([{ path: "max", message: "max (0) must be greater than min (4)" }]);
    expect(issuesOf({ distribution: "normal", mean: 0, sd: 0 })).toEqual([{ path: "sd", message: "sd must be greater than 0" }]);
    expect(issuesOf({ distribution: "normal", mean: 0, sd: 1, min: 2, max: 1 })).toEqual([{ path: "max", message: "max (1) must be greater than min (2)" }]);
    expect(issuesOf({ distribution: "lognormal", mean: -1, sd: 1 })).toEqual([{ path: "mean", message: "mean must be greater than 0" }]);
    expect(issuesOf({ distribution: "beta", alpha: 0, beta: -1 })).toEqual([
      { path: "alpha", message: "alpha must be greater than 0" },
      { path: "beta", message: "beta must be greater than 0" },
    ]);
    expect(issuesOf({ distribution: "beta", alpha: 1, beta: 1, min: 2 })).toEqual([
      { path: "min", message: "max (1) must be greater than min (2); min defaults to 0, max to 1" },
    ]);
    expect(issuesOf({ distribution: "gamma", shape: 1, scale: 0 })).toEqual([{ path: "scale", message: "scale must be greater than 0" }]);
  });

  it("refuses a truncation window that holds almost none of the normal", () => {
    const [issue] = issuesOf({ distribution: "normal", mean: 0, sd: 1, min: 50 });
    expect(issue?.path).toBe("min");
    expect(issue?.message).toMatch(/^truncation \[50, ∞\] holds almost none of the normal \(mean 0, sd 1\)/);
    // 8 sd out still holds 6e-16 … refused; 6 sd out holds 1e-9: accepted.
    expect(issuesOf({ distribution: "normal", mean: 0, sd: 1, max: -8 })).toHaveLength(1);
    expect(issuesOf({ distribution: "normal", mean: 0, sd: 1, max: -6 })).toEqual([]);
  });

  it("refuses unknown kinds, unknown keys, bare strings and non-finite numbers", () => {
    expect(issuesOf({ distribution: "pareto", alpha: 1 })).toEqual([
      { path: "distribution", message: 'distribution must be one of "fixed", "uniform", "triangular", "normal", "lognormal", "beta", "gamma"' },
    ]);
    expect(issuesOf({ distribution: "fixed", value: 1, vlaue: 2 })).toEqual([{ path: "", message: 'Unrecognized key: "vlaue"' }]);
    expect(issuesOf({ distribution: "fixed", value: "70.00" }).map((i) => i.path)).toEqual(["value"]);
    expect(issuesOf({ distribution: "fixed", value: Infinity }).map((i) => i.path)).toEqual(["value"]);
    expect(issuesOf({ distribution: "fixed", value: 1, as: "cents" }).map((i) => i.path)).toEqual(["as"]);
  });
});

// Analytic moments written out here, independently of the library's formulas where possible.
const CASES: readonly { d: Distribution; mean: number; sd: number; sdTolerance: number }[] = [
  { d: { distribution: "uniform", min: 2, max: 8 }, mean: 5, sd: 6 / Math.sqrt(12), sdTolerance: 0.02 },
  // triangular(0, 2, 10): mean 12/3 = 4, variance (0 + 100 + 4 − 0 − 0 − 20)/18 = 84/18
  { d: { distribution: "triangular", min: 0, mode: 2, max: 10 }, mean: 4, sd: Math.sqrt(84 / 18), sdTolerance: 0.02 },
  { d: { distribution: "normal", mean: 10, sd: 2 }, mean: 10, sd: 2, sdTolerance: 0.02 },
  // half-normal: normal(0, 1) truncated to [0, ∞): mean √(2/π), sd √(1 − 2/π)
  { d: { distribution: "normal", mean: 0, sd: 1, min: 0 }, mean: Math.sqrt(2 / Math.PI), sd: Math.sqrt(1 - 2 / Math.PI), sdTolerance: 0.03 },
  // a narrow window [2, 3] far in the tail (2 % of the mass): inverse-CDF sampling
  { d: { distribution: "normal", mean: 0, sd: 1, min: 2, max: 3 }, mean: 2.315821, sd: 0.248034, sdTolerance: 0.03 },
  { d: { distribution: "lognormal", mean: 5, sd: 3 }, mean: 5, sd: 3, sdTolerance: 0.08 },
  // beta(2, 3) on [10, 20]: mean 10 + 10·2/5 = 14, sd 10·√(6/(25·6)) = 2
  { d: { distribution: "beta", alpha: 2, beta: 3, min: 10, max: 20 }, mean: 14, sd: 2, sdTolerance: 0.02 },
  // beta(0.2, 3): mean 0.2/3.2, variance 0.6/(3.2²·4.2)
  { d: { distribution: "beta", alpha: 0.2, beta: 3 }, mean: 0.0625, sd: Math.sqrt(0.6 / (3.2 * 3.2 * 4.2)), sdTolerance: 0.06 },
  { d: { distribution: "gamma", shape: 4, scale: 2 }, mean: 8, sd: 4, sdTolerance: 0.03 },
  { d: { distribution: "gamma", shape: 0.3, scale: 2 }, mean: 0.6, sd: 2 * Math.sqrt(0.3), sdTolerance: 0.1 },
];

describe("moments and sampling", () => {
  it.each(CASES)("$d.distribution $d: analytic mean and sd", ({ d, mean, sd }) => {
    expect(distributionMean(d)).toBeCloseTo(mean, 5);
    expect(centre(d)).toBe(distributionMean(d));
    expect(distributionSd(d)).toBeCloseTo(sd, 5);
  });

  // 20,000 draws with a fixed seed: the mean within 4 standard errors (sd / √n) of the analytic
  // mean; the sd within the stated relative tolerance (wider for skewed, heavy-tailed shapes).
  it.each(CASES)("$d.distribution $d: 20,000 draws have the analytic mean and sd", ({ d, mean, sd, sdTolerance }) => {
    const rng = new Rng(2026, `test:${JSON.stringify(d)}`);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => sampleDistribution(d, rng));
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    expect(Math.abs(m - mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs(s / sd - 1)).toBeLessThan(sdTolerance);
  });

  it("draws stay inside the support", () => {
    const rng = new Rng(7, "support");
    for (let i = 0; i < 2000; i++) {
      const t = sampleDistribution({ distribution: "normal", mean: 0, sd: 1, min: 2, max: 3 }, rng);
      expect(t >= 2 && t <= 3).toBe(true);
      const b = sampleDistribution({ distribution: "beta", alpha: 0.01, beta: 0.01, min: -1, max: 1 }, rng);
      expect(b >= -1 && b <= 1).toBe(true);
      expect(sampleDistribution({ distribution: "gamma", shape: 0.01, scale: 1 }, rng)).toBeGreaterThanOrEqual(0);
    }
  });

  it("a fixed value is returned as is and takes no draw", () => {
    const a = new Rng(1, "x");
    const b = new Rng(1, "x");
    expect(sampleDistribution({ distribution: "fixed", value: 7.25 }, a)).toBe(7.25);
    expect(a.next()).toBe(b.next());
  });

  it("the same stream gives the same draws", () => {
    const d: Distribution = { distribution: "gamma", shape: 2.5, scale: 3 };
    const one = Array.from({ length: 5 }, ((r) => () => sampleDistribution(d, r))(new Rng(5, "same")));
    const two = Array.from({ length: 5 }, ((r) => () => sampleDistribution(d, r))(new Rng(5, "same")));
    expect(one).toEqual(two);
  });
});

/** Relative closeness: |a − b| ≤ tol·max(1, |b|). */
function expectClose(a: number, b: number, tol = 1e-9): void {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}

describe("quantile: closed forms and published values", () => {
  it("standard normal quantiles and distribution function", () => {
    expectClose(normalQuantile(0.95), 1.6448536269514722, 1e-12);
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-12);
    expectClose(normalQuantile(0.999), 3.090232306167813, 1e-12);
    expectClose(normalQuantile(0.05), -1.6448536269514722, 1e-12);
    expectClose(normalQuantile(0.5), 0, 1e-15);
    expectClose(normalQuantile(1e-10), -6.361340902404056, 1e-12);
    expectClose(normalCdf(1), 0.8413447460685429, 1e-13);
    expectClose(normalCdf(-3) / 0.0013498980316301035, 1, 1e-12);
    expectClose(normalCdf(-10) / 7.619853024160527e-24, 1, 1e-10);
  });

  it("normal P95 = mean + 1.6448536·sd, P5 = mean − 1.6448536·sd", () => {
    const d: Distribution = { distribution: "normal", mean: 100, sd: 15 };
    expectClose(quantile(d, 0.95), 100 + 1.6448536269514722 * 15);
    expectClose(quantile(d, 0.05), 100 - 1.6448536269514722 * 15);
    expect(quantile(d, 0.5)).toBeCloseTo(100, 12);
  });

  it("truncated normal: the half-normal's quantile is Φ⁻¹((1 + p)/2)", () => {
    const d: Distribution = { distribution: "normal", mean: 3, sd: 2, min: 3 };
    expectClose(quantile(d, 0.9), 3 + 2 * 1.6448536269514722); // Φ⁻¹(0.95)
    expectClose(quantile(d, 0.5), 3 + 2 * 0.6744897501960817); // Φ⁻¹(0.75)
    // mirrored window above the mean: [−∞, 3] gives 3 − the same
    expectClose(quantile({ distribution: "normal", mean: 3, sd: 2, max: 3 }, 0.1), 3 - 2 * 1.6448536269514722);
    // a window far in the upper tail keeps its precision and stays inside
    const q = quantile({ distribution: "normal", mean: 0, sd: 1, min: 9, max: 10 }, 0.5);
    expect(q > 9 && q < 9.2).toBe(true);
  });

  it("uniform and fixed", () => {
    expect(quantile({ distribution: "uniform", min: 10, max: 30 }, 0.25)).toBe(15);
    expect(quantile({ distribution: "fixed", value: 4 }, 0.05)).toBe(4);
  });

  it("triangular, by hand", () => {
    // min 0, mode 2, max 10: F(mode) = 2/10 = 0.2.
    const d: Distribution = { distribution: "triangular", min: 0, mode: 2, max: 10 };
    expectClose(quantile(d, 0.05), 1, 1e-12); // √(0.05·10·2) = 1
    expectClose(quantile(d, 0.2), 2, 1e-12); // the mode
    expectClose(quantile(d, 0.95), 8, 1e-12); // 10 − √(0.05·10·8) = 10 − 2
    expectClose(quantile(d, 0.5), 10 - Math.sqrt(40), 1e-12); // 10 − √(0.5·10·8)
  });

  it("lognormal: exp(μ + σ z) with σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2", () => {
    const s2 = Math.log(1 + 9 / 25);
    const mu = Math.log(5) - s2 / 2;
    const d: Distribution = { distribution: "lognormal", mean: 5, sd: 3 };
    expectClose(quantile(d, 0.5), 5 / Math.sqrt(1.36), 1e-12); // the median e^μ
    expectClose(quantile(d, 0.95), Math.exp(mu + Math.sqrt(s2) * 1.6448536269514722), 1e-12);
  });

  it("gamma(shape 1) is the exponential: −scale·ln(1 − p)", () => {
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.95, 0.999999]) {
      expectClose(quantile({ distribution: "gamma", shape: 1, scale: 2.5 }, p), -2.5 * Math.log1p(-p));
    }
  });

  it("gamma: chi-square tables (χ²ₖ = gamma(k/2, scale 2))", () => {
    expectClose(quantile({ distribution: "gamma", shape: 0.5, scale: 2 }, 0.95), 3.841458820694124);
    expectClose(quantile({ distribution: "gamma", shape: 5, scale: 2 }, 0.95), 18.307038053275146);
    expectClose(quantile({ distribution: "gamma", shape: 1.5, scale: 2 }, 0.05), 0.3518463177463104);
  });

  it("gamma with an integer shape round-trips through the Erlang distribution function", () => {
    // P(k, x) = e^−x Σ_{j≥k} x^j / j! = 1 − e^−x Σ_{j<k} x^j / j! (the first form below the mode,
    // where the second would cancel to nothing).
    const erlang = (k: number, x: number): number => {
      let term = 1;
      let below = 1;
      for (let j = 1; j < k; j++) below += term *= x / j;
      if (x >= k) return 1 - Math.exp(-x) * below;
      let above = 0;
      for (let j = k; j < k + 400; j++) above += term *= x / j;
      return Math.exp(-x) * above;
    };
    for (const k of [2, 3, 7, 30]) {
      for (const x of [0.1 * k, 0.8 * k, k, 1.5 * k]) {
        expectClose(quantile({ distribution: "gamma", shape: k, scale: 3 }, erlang(k, x)), 3 * x, 1e-9);
      }
    }
  });

  it("beta(1, 1) is uniform, beta(2, 2) has median 0.5, beta(½, ½) is the arcsine law", () => {
    for (const p of [0.05, 0.3, 0.95]) expectClose(quantile({ distribution: "beta", alpha: 1, beta: 1 }, p), p);
    expectClose(quantile({ distribution: "beta", alpha: 2, beta: 2 }, 0.5), 0.5);
    expectClose(quantile({ distribution: "beta", alpha: 2, beta: 2, min: 100, max: 300 }, 0.5), 200);
    // F(x) = (2/π) arcsin √x, so x = sin²(πp/2)
    for (const p of [0.01, 0.25, 0.9]) expectClose(quantile({ distribution: "beta", alpha: 0.5, beta: 0.5 }, p), Math.sin((Math.PI * p) / 2) ** 2);
  });

  it("beta with integer parameters round-trips through its binomial-sum distribution function", () => {
    // I_x(a, b) = Σ_{j=a}^{a+b−1} C(a+b−1, j) x^j (1 − x)^{a+b−1−j}
    const choose = (n: number, k: number): number => {
      let c = 1;
      for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
      return c;
    };
    const cdf = (a: number, b: number, x: number): number => {
      let s = 0;
      for (let j = a; j <= a + b - 1; j++) s += choose(a + b - 1, j) * x ** j * (1 - x) ** (a + b - 1 - j);
      return s;
    };
    for (const [a, b] of [[2, 3], [5, 1], [1, 4], [10, 12]] as const) {
      for (const x of [0.05, 0.3, 0.5, 0.8]) {
        expectClose(quantile({ distribution: "beta", alpha: a, beta: b }, cdf(a, b, x)), x, 1e-9);
      }
    }
  });

  it("uniform and triangular round-trip through their distribution functions", () => {
    const tri = (x: number): number => (x <= 2 ? (x * x) / 20 : 1 - (10 - x) ** 2 / 80);
    for (const x of [0.5, 2, 3.3, 9.9]) expectClose(quantile({ distribution: "triangular", min: 0, mode: 2, max: 10 }, tri(x)), x, 1e-12);
  });

  it("tiny quantiles keep their relative precision", () => {
    // gamma(0.05) at P5: P(a, x) ≈ x^a / Γ(a + 1) for tiny x, so x ≈ (0.05 Γ(1.05))^20
    const x = quantile({ distribution: "gamma", shape: 0.05, scale: 1 }, 0.05);
    expectClose(x / (0.05 * 0.9735042655627756) ** 20, 1, 1e-3);
  });

  it("refuses p outside (0, 1)", () => {
    expect(() => quantile({ distribution: "uniform", min: 0, max: 1 }, 0)).toThrow(RangeError);
    expect(() => quantile({ distribution: "uniform", min: 0, max: 1 }, 1)).toThrow(/strictly between 0 and 1/);
    expect(() => quantile({ distribution: "uniform", min: 0, max: 1 }, NaN)).toThrow(RangeError);
  });
});
