import { z } from "zod";
import { parseWith } from "../errors.js";
import { centre } from "../uncertainty/moments.js";
import { quantile } from "../uncertainty/quantile.js";
import type { ParameterValues, UncertainParameter } from "../uncertainty/uncertainInput.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * Metric name → value (integer cents for amounts, or null where a metric is undefined, e.g. per result with no results).
 * @category Uncertainty and sensitivity
 */
export type MetricValues = Readonly<Record<string, number | null>>;

/**
 * Runs the scenario with the given parameter values (key → value, every parameter present) and
 * measures it. Must be deterministic — same values, same metrics (fix the caseload seed) — so a
 * difference between two evaluations is the parameters' doing.
 * @category Uncertainty and sensitivity
 */
export type MetricEvaluator = (values: ParameterValues) => MetricValues;

/** A percentile strictly between 0 and 100. */
const Percentile = z.number().gt(0, "must be greater than 0").lt(100, "must be less than 100");

/**
 * Options of {@link oneWaySensitivity}: the low and high percentiles (default P5 and P95).
 * @category Uncertainty and sensitivity
 */
export const OneWayOptionsSchema = z
  .strictObject({
    low: Percentile.default(5).describe("percentile of the low value, default 5"),
    high: Percentile.default(95).describe("percentile of the high value, default 95"),
  })
  .superRefine((o, ctx) => {
    if (!(o.low < o.high)) ctx.addIssue({ code: "custom", path: ["high"], message: `high (${o.high}) must be greater than low (${o.low})` });
  }, ONLY_IF_VALID);
/**
 * Options of {@link oneWaySensitivity} as callers write them.
 * @category Uncertainty and sensitivity
 */
export type OneWayOptions = z.input<typeof OneWayOptionsSchema>;

/**
 * One parameter varied alone: its values and the metrics at its low and high percentile.
 * @category Uncertainty and sensitivity
 */
export interface OneWayRow {
  readonly key: string;
  readonly label: string;
  /** The parameter's centre (the base case value). */
  readonly centre: number;
  /** Its value at the low percentile (the draw before `as` converts it). */
  readonly lowValue: number;
  /** Its value at the high percentile. */
  readonly highValue: number;
  readonly atLow: MetricValues;
  readonly atHigh: MetricValues;
}

/**
 * The result of {@link oneWaySensitivity}.
 * @category Uncertainty and sensitivity
 */
export interface OneWayResult {
  /** The percentiles used, e.g. 5 and 95. */
  readonly low: number;
  readonly high: number;
  /** The metrics with every parameter at its centre. */
  readonly base: MetricValues;
  /** One row per parameter, in the order of `params`. */
  readonly rows: readonly OneWayRow[];
}

/**
 * One-way sensitivity analysis: each uncertain parameter in turn at its low and high percentile
 * (default P5 and P95 of its distribution) while all others stay at their centre, and the metrics
 * of each case; `base` has every parameter at its centre. Takes 1 + 2 × parameters evaluations (a
 * parameter whose low and high values equal its centre, a `fixed` one, reuses the base case).
 * {@link tornado} ranks the rows for one metric.
 * @category Uncertainty and sensitivity
 */
export function oneWaySensitivity(
  params: readonly UncertainParameter[],
  evaluate: MetricEvaluator,
  options: OneWayOptions = {},
): OneWayResult {
  const { low, high } = parseWith(OneWayOptionsSchema, options, "one-way sensitivity options");
  const centres = new Map(params.map((p) => [p.key, centre(p.distribution)]));
  const base = evaluate(new Map(centres));
  const at = (key: string, value: number): MetricValues =>
    value === centres.get(key) ? base : evaluate(new Map(centres).set(key, value));
  const rows = params.map((p): OneWayRow => {
    const lowValue = quantile(p.distribution, low / 100);
    const highValue = quantile(p.distribution, high / 100);
    return {
      key: p.key,
      label: p.label,
      centre: centres.get(p.key)!,
      lowValue,
      highValue,
      atLow: at(p.key, lowValue),
      atHigh: at(p.key, highValue),
    };
  });
  return { low, high, base, rows };
}
