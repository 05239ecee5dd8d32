/**
 * A small comparison with hand-made risk, for the risk charts, text, CSV and HTML tests: the
 * quick-start-like hand-worked caseload under effort and task (labels E and T), with a
 * `ComparisonRisk` written by hand so every expected string can be checked against it.
 */
import { compare, type Comparison, type ModelConfig } from "../../src/index.js";
import type { ComparisonRisk } from "../../src/risk/comparisonRisk.js";
import { caseload, rec } from "../support/examples.js";

const cl = caseload(
  [rec("a", { start: "2026-01", end: "2026-02" }), rec("b", { provider: "P1", start: "2026-11", end: "2027-01", use: 120 })],
  { start: "2025-12", months: 25 },
);
const effort: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };
const task: ModelConfig = { kind: "task", budgets: [{ provider: "P0", perYear: "1200.00" }, { provider: "P1", perYear: "1200.00" }] };

/** The comparison itself: one run of a given caseload, so `risk` is null. */
export const noRisk: Comparison = compare(cl, [effort, task], {
  horizon: { start: "2026-01", months: 24 },
  costPrices: { prices: [{ careForm: "ambulant", price: "66.00" }] },
});
export const [E, T] = noRisk.models.map((m) => m.label) as [string, string];

const noVariance = "the cost of care (payments − margins) is the same in every run: no variance to allocate";

/**
 * 20 runs, by hand. E (p×q): bands of two months; a budget overshot in 3 runs of 20 in 2026; the
 * municipality carries 104,17 % of the cost variance and the providers −4,17 % over the horizon,
 * nothing to allocate in 2027; P0's margin P5 is −€ 10. T (lump sum): flat months, never over
 * budget, all cost risk on the providers; P0's margin P5 is −€ 2.500. E paid more than T in 15
 * runs, T more than E in 4 (one tie).
 */
export const handRisk: ComparisonRisk = {
  runs: 20,
  models: [
    {
      label: E,
      monthlyBands: [
        { month: "2026-01", mean: 10000, p5: 8000, p50: 9900, p95: 12050 },
        { month: "2026-02", mean: 11000, p5: 9000, p50: 11000, p95: 13000 },
      ],
      budgetAtRisk: [{ year: 2026, overshoot: { mean: -5000, p5: -20000, p50: -4000, p95: 12345 }, atRisk: 12345, runsOver: 3, runs: 20, shareOver: "0.1500" }],
      allocation: {
        horizon: { runs: 20, municipalityShare: "1.0417", providerShare: "-0.0417", reason: null, sdPayments: 104170, sdMargins: 4170, sdCost: 100000 },
        byYear: [
          { year: 2026, runs: 20, municipalityShare: "0.9500", providerShare: "0.0500", reason: null, sdPayments: 95000, sdMargins: 5000, sdCost: 100000 },
          { year: 2027, runs: 20, municipalityShare: null, providerShare: null, reason: noVariance, sdPayments: 0, sdMargins: 0, sdCost: 0 },
        ],
      },
      providerMargins: [
        { provider: "P0", runs: 20, margin: { mean: 5000, p5: -1000, p50: 5000, p95: 9000 }, negativeRuns: 2, negativeShare: "0.1000" },
        { provider: "P1", runs: 20, margin: { mean: 8000, p5: 100, p50: 8000, p95: 15000 }, negativeRuns: 0, negativeShare: "0.0000" },
      ],
    },
    {
      label: T,
      monthlyBands: [
        { month: "2026-01", mean: 20000, p5: 20000, p50: 20000, p95: 20000 },
        { month: "2026-02", mean: 20000, p5: 20000, p50: 20000, p95: 20000 },
      ],
      budgetAtRisk: [{ year: 2026, overshoot: { mean: -100000, p5: -100000, p50: -100000, p95: -100000 }, atRisk: 0, runsOver: 0, runs: 20, shareOver: "0.0000" }],
      allocation: {
        horizon: { runs: 20, municipalityShare: "0.0000", providerShare: "1.0000", reason: null, sdPayments: 0, sdMargins: 100000, sdCost: 100000 },
        byYear: [
          { year: 2026, runs: 20, municipalityShare: "0.0000", providerShare: "1.0000", reason: null, sdPayments: 0, sdMargins: 100000, sdCost: 100000 },
          { year: 2027, runs: 20, municipalityShare: null, providerShare: null, reason: noVariance, sdPayments: 0, sdMargins: 0, sdCost: 0 },
        ],
      },
      providerMargins: [
        { provider: "P0", runs: 20, margin: { mean: 100000, p5: -250000, p50: 120000, p95: 300000 }, negativeRuns: 5, negativeShare: "0.2500" },
        { provider: "P1", runs: 20, margin: { mean: 100000, p5: 50000, p50: 100000, p95: 150000 }, negativeRuns: 0, negativeShare: "0.0000" },
      ],
    },
  ],
  moreCostly: [
    { a: E, b: T, runs: 20, count: 15, probability: "0.7500" },
    { a: T, b: E, runs: 20, count: 4, probability: "0.2000" },
  ],
};

/** The comparison with the hand-made risk, as if it had run 20 seeds. */
export const withRisk: Comparison = { ...noRisk, seeds: Array.from({ length: 20 }, (_, i) => i + 1), risk: handRisk };

/** Compiles a Vega-Lite spec and renders it to SVG in Node, as the HTML report does; fails on any vega-lite warning. */
export async function renderSvg(spec: object): Promise<{ svg: string; warnings: string[] }> {
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => warnings.push(a.map(String).join(" ")),
    warn: (...a: unknown[]) => warnings.push(a.map(String).join(" ")),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec as Parameters<typeof vl.compile>[0], { logger: logger as never });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}
