import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, parseWith } from "../errors.js";
import { SUMMARISED_METRICS, type SummarisedMetric } from "../metrics/compare.js";
import { planComparison, type ComparisonPlan } from "../metrics/comparisonPlan.js";
import { runComparison } from "../metrics/comparisonRun.js";
import type { CompareOptions } from "../metrics/compareOptions.js";
import type { Metrics } from "../metrics/metrics.js";
import type { ModelConfig } from "../models/index.js";
import type { FundingModel } from "../models/model.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import type { ParameterValues } from "../uncertainty/uncertainInput.js";
import { oneWaySensitivity, type MetricValues, type OneWayResult } from "./oneWay.js";
import { tornado, type Tornado } from "./tornado.js";
import { twoWaySensitivity, type TwoWayResult } from "./twoWay.js";

/**
 * Options of {@link sensitivity}.
 * @category Uncertainty and sensitivity
 */
export const SensitivityOptionsSchema = z.strictObject({
  low: z.number().gt(0).lt(100).default(5).describe("percentile of each parameter's low end (tornado)"),
  high: z.number().gt(0).lt(100).default(95).describe("percentile of each parameter's high end (tornado)"),
  metrics: z
    .array(z.enum(SUMMARISED_METRICS))
    .min(1)
    .default(["totalPaid", "providerMargin", "budgetDeviation"])
    .describe("the metrics a tornado is ranked on, one tornado per model and metric (a metric a model lacks, e.g. margin without cost prices, is left out)"),
  twoWay: z
    .tuple([z.string(), z.string()])
    .optional()
    .describe("two parameters (key or name) for a two-way grid, each from its `from` to its `to` percentile in `steps` steps"),
  steps: z.number().int().min(2).max(21).default(5).describe("grid steps per parameter of the two-way grid"),
  from: z.number().gt(0).lt(100).default(5).describe("lowest percentile of each parameter in the two-way grid"),
  to: z.number().gt(0).lt(100).default(95).describe("highest percentile of each parameter in the two-way grid"),
});
/**
 * Options of {@link sensitivity}, as users write them.
 * @category Uncertainty and sensitivity
 */
export type SensitivityOptions = z.input<typeof SensitivityOptionsSchema>;

/**
 * One-way (tornado) and two-way sensitivity of a comparison, per model.
 * @category Uncertainty and sensitivity
 */
export interface SensitivityAnalysis {
  /** The seed of the one caseload every evaluation uses (common random numbers), or null for a given caseload. */
  readonly seed: number | null;
  /** Per model and metric: the parameters ranked by swing. */
  readonly tornadoes: readonly { readonly model: string; readonly metric: SummarisedMetric; readonly tornado: Tornado }[];
  /** Per model and metric, the two-way grid (when asked for). */
  readonly twoWay: readonly { readonly model: string; readonly metric: SummarisedMetric; readonly result: TwoWayResult }[];
}

const SEP = "\u0000";

/**
 * Which uncertain parameters move a comparison's results most. Every parameter is set to its low
 * and its high percentile (default P5 and P95) with the others at their centre (the mean), and the
 * comparison is run on **one** caseload — the first run's seed — so a swing is the parameter's
 * doing, not a different draw of clients; a parameter a metric does not depend on has a swing of
 * exactly 0. 1 + 2 × parameters runs (plus steps² for a two-way grid). The inputs are those of
 * {@link compare}, with distribution nodes for the uncertain parameters. Which runs are needed is
 * settled before any is made, so an error in the options (a two-way parameter that is not one) is
 * reported before the runs. `sensitivityInWorkers` (node entry) makes the same runs over worker
 * threads, with the same result.
 * @category Uncertainty and sensitivity
 */
export function sensitivity(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly (FundingModel | Uncertain<ModelConfig>)[],
  options: Uncertain<CompareOptions> = {},
  sensitivityOptions: SensitivityOptions = {},
): SensitivityAnalysis {
  const { plan, cases, finish } = sensitivityCases(caseload, models, options, sensitivityOptions);
  return finish(cases.map((values) => runComparison(plan.inputs(0, values)).metrics));
}

/**
 * The runs a {@link sensitivity} analysis needs — the parameters' values of each, all on the plan's
 * first seed — and how to build the analysis from their metrics (per run, one per model, in the
 * order of `cases`): so the runs can be made anywhere, such as on worker threads.
 */
export function sensitivityCases(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly (FundingModel | Uncertain<ModelConfig>)[],
  options: Uncertain<CompareOptions>,
  sensitivityOptions: SensitivityOptions,
): { readonly plan: ComparisonPlan; readonly cases: readonly ParameterValues[]; readonly finish: (metrics: readonly (readonly Metrics[])[]) => SensitivityAnalysis } {
  const s = parseWith(SensitivityOptionsSchema, sensitivityOptions, "sensitivity options");
  const plan = planComparison(caseload, models, options);
  if (plan.parameters.length === 0) {
    throw new FundingInputError("sensitivity options", [{ code: "invalid_value", path: [], message: "no uncertain parameters: give a distribution in place of a number to see what it moves" }]);
  }
  // Which runs the analyses ask for does not depend on their results: ask once to list them, then
  // again answering each from the metrics, in the same order.
  const cases: ParameterValues[] = [];
  evaluations(plan, s, (values) => {
    cases.push(values);
    return {};
  });
  const finish = (metrics: readonly (readonly Metrics[])[]): SensitivityAnalysis => {
    let next = 0;
    const { all, grid } = evaluations(plan, s, () => {
      const out: Record<string, number | null> = {};
      metrics[next++]!.forEach((m, i) => {
        for (const metric of s.metrics) out[`${i}${SEP}${metric}`] = m[metric];
      });
      return out;
    });
    return assemble(plan, s, all, grid);
  };
  return { plan, cases, finish };
}

type ParsedSensitivityOptions = z.output<typeof SensitivityOptionsSchema>;

/** The one-way analysis, and the two-way grid when asked for, with metrics from `evaluate`. */
function evaluations(plan: ComparisonPlan, s: ParsedSensitivityOptions, evaluate: (values: ParameterValues) => MetricValues) {
  const all = oneWaySensitivity(plan.parameters, evaluate, { low: s.low, high: s.high });
  if (!s.twoWay) return { all, grid: null };
  const byName = (x: string) => plan.parameters.find((p) => p.key === x || p.label === x)?.key ?? x;
  return { all, grid: twoWaySensitivity(byName(s.twoWay[0]), byName(s.twoWay[1]), plan.parameters, evaluate, { steps: s.steps, from: s.from, to: s.to }) };
}

/** Per model and metric, the tornado and the two-way grid, from the evaluations of every model together. */
function assemble(plan: ComparisonPlan, s: ParsedSensitivityOptions, all: OneWayResult, grid: TwoWayResult | null): SensitivityAnalysis {
  const pick = (values: MetricValues, i: number): MetricValues =>
    Object.fromEntries(s.metrics.map((metric) => [metric, values[`${i}${SEP}${metric}`] ?? null]));
  const present = (i: number, metric: SummarisedMetric): boolean => all.base[`${i}${SEP}${metric}`] !== null;
  const tornadoes = plan.columns.flatMap((col, i) => {
    const perModel: OneWayResult = { ...all, base: pick(all.base, i), rows: all.rows.map((r) => ({ ...r, atLow: pick(r.atLow, i), atHigh: pick(r.atHigh, i) })) };
    return s.metrics.filter((metric) => present(i, metric)).map((metric) => ({ model: col.label, metric, tornado: tornado(perModel, metric) }));
  });
  const twoWay: SensitivityAnalysis["twoWay"] = grid
    ? plan.columns.flatMap((col, i) =>
        s.metrics
          .filter((metric) => present(i, metric))
          .map((metric) => ({ model: col.label, metric, result: { ...grid, cells: grid.cells.map((row) => row.map((cell) => pick(cell, i))) } })),
      )
    : [];
  return { seed: plan.seeds[0] ?? null, tornadoes, twoWay };
}
