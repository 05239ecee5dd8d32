import { z } from "zod";
import { FundingInputError, parseWith } from "../errors.js";
import { centre } from "../uncertainty/moments.js";
import { quantile } from "../uncertainty/quantile.js";
import type { UncertainParameter } from "../uncertainty/uncertainInput.js";
import type { MetricEvaluator, MetricValues } from "./oneWay.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * Options of {@link twoWaySensitivity}: `steps` percentiles evenly from `from` to `to` (default 5 from P5 to P95).
 * @category Uncertainty and sensitivity
 */
export const TwoWayOptionsSchema = z
  .strictObject({
    steps: z.number().int("steps must be a whole number").min(2, "steps must be at least 2").max(101, "steps must be at most 101").default(5),
    from: z.number().gt(0, "from must be greater than 0").lt(100, "from must be less than 100").default(5),
    to: z.number().gt(0, "to must be greater than 0").lt(100, "to must be less than 100").default(95),
  })
  .superRefine((o, ctx) => {
    if (!(o.from < o.to)) ctx.addIssue({ code: "custom", path: ["to"], message: `to (${o.to}) must be greater than from (${o.from})` });
  }, ONLY_IF_VALID);
/**
 * Options of {@link twoWaySensitivity} as callers write them.
 * @category Uncertainty and sensitivity
 */
export type TwoWayOptions = z.input<typeof TwoWayOptionsSchema>;

/**
 * One axis of a two-way grid: a parameter and the percentiles and values it takes.
 * @category Uncertainty and sensitivity
 */
export interface TwoWayAxis {
  readonly key: string;
  readonly label: string;
  /** The percentiles, e.g. [5, 27.5, 50, 72.5, 95]. */
  readonly percentiles: readonly number[];
  /** The parameter's value at each percentile (the draw before `as` converts it). */
  readonly values: readonly number[];
}

/**
 * The result of {@link twoWaySensitivity}.
 * @category Uncertainty and sensitivity
 */
export interface TwoWayResult {
  /** Rows of the grid. */
  readonly a: TwoWayAxis;
  /** Columns of the grid. */
  readonly b: TwoWayAxis;
  /** `cells[i][j]`: the metrics with A at `a.values[i]` and B at `b.values[j]`, every other parameter at its centre. */
  readonly cells: readonly (readonly MetricValues[])[];
}

/**
 * Two-way sensitivity analysis: parameters A and B (by key or as the parameter) each at `steps`
 * percentiles evenly spaced from `from` to `to`, all other parameters at their centre, and the
 * metrics in every cell of the grid (steps² evaluations). {@link twoWayGrid} picks one metric.
 * @category Uncertainty and sensitivity
 */
export function twoWaySensitivity(
  paramA: string | UncertainParameter,
  paramB: string | UncertainParameter,
  params: readonly UncertainParameter[],
  evaluate: MetricEvaluator,
  options: TwoWayOptions = {},
): TwoWayResult {
  const { steps, from, to } = parseWith(TwoWayOptionsSchema, options, "two-way sensitivity options");
  const a = lookup(paramA, params, "paramA");
  const b = lookup(paramB, params, "paramB");
  if (a.key === b.key) {
    throw new FundingInputError("two-way sensitivity parameters", [{ code: "same_parameter", path: ["paramB"], message: `paramA and paramB are both ${a.key}` }]);
  }
  const percentiles = Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
  const axis = (p: UncertainParameter): TwoWayAxis => ({
    key: p.key,
    label: p.label,
    percentiles,
    values: percentiles.map((q) => quantile(p.distribution, q / 100)),
  });
  const ax = axis(a);
  const bx = axis(b);
  const centres = new Map(params.map((p) => [p.key, centre(p.distribution)]));
  const cells = ax.values.map((va) => bx.values.map((vb) => evaluate(new Map(centres).set(a.key, va).set(b.key, vb))));
  return { a: ax, b: bx, cells };
}

/**
 * One metric of a two-way result as a grid of numbers: `grid[i][j]` for A's i-th and B's j-th value.
 * @category Uncertainty and sensitivity
 */
export function twoWayGrid(result: TwoWayResult, metric: string): (number | null)[][] {
  return result.cells.map((row) => row.map((cell) => cell[metric] ?? null));
}

function lookup(p: string | UncertainParameter, params: readonly UncertainParameter[], field: string): UncertainParameter {
  const key = typeof p === "string" ? p : p.key;
  const found = params.find((q) => q.key === key);
  if (!found) {
    throw new FundingInputError("two-way sensitivity parameters", [
      { code: "unknown_parameter", path: [field], message: `no uncertain parameter ${key}; the parameters are ${params.map((q) => q.key).join(", ")}` },
    ]);
  }
  return found;
}
