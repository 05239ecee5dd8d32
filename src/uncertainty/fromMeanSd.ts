import { FundingInputError, type Issue } from "../errors.js";
import type { Distribution, DistributionOutput } from "./distribution.js";

/*
 * dampack-style helpers (`beta_params`, `gamma_params`, `lnorm_params`): a distribution node from a
 * mean and standard deviation, the form in which published estimates usually come.
 */

/**
 * Optional label and output conversion copied onto the node a helper returns.
 * @category Uncertainty and sensitivity
 */
export interface NodeOptions {
  /** A short label for tornado charts. */
  readonly name?: string;
  /** How the draw enters the scenario. */
  readonly as?: DistributionOutput;
}

type Node<K extends Distribution["distribution"]> = Extract<Distribution, { distribution: K }>;

/**
 * A beta node with the given mean and standard deviation (method of moments, as dampack's
 * `beta_params`): α = m² (1 − m) / s² − m, β = α (1 − m) / m on the standardised scale. With
 * `range` the beta is scaled to [min, max] and mean and sd are on that scale. Needs min < mean <
 * max and s² < (m − min)(max − m) (on [0, 1]: sd² < mean (1 − mean)); otherwise no beta has them
 * and a FundingInputError says why.
 * @category Uncertainty and sensitivity
 */
export function betaFromMeanSd(
  mean: number,
  sd: number,
  options: NodeOptions & { readonly range?: { readonly min: number; readonly max: number } } = {},
): Node<"beta"> {
  const min = options.range?.min ?? 0;
  const max = options.range?.max ?? 1;
  const issues: Issue[] = [];
  finite(issues, { mean, sd, min, max });
  if (issues.length === 0) {
    if (!(min < max)) issues.push(issue("range", `max (${max}) must be greater than min (${min})`));
    else if (!(mean > min && mean < max)) issues.push(issue("mean", `a beta on [${min}, ${max}] needs a mean strictly inside it, got ${mean}`));
    else if (!(sd > 0)) issues.push(issue("sd", `sd must be greater than 0, got ${sd}`));
    else if (!(sd * sd < (mean - min) * (max - mean))) {
      issues.push(
        issue("sd", `a beta on [${min}, ${max}] with mean ${mean} needs sd² < (mean − min)(max − mean) = ${(mean - min) * (max - mean)}, so sd < ${Math.sqrt((mean - min) * (max - mean))}; got sd ${sd}`),
      );
    }
  }
  throwIf("betaFromMeanSd arguments", issues);
  const m = (mean - min) / (max - min);
  const s = sd / (max - min);
  const alpha = (m * m * (1 - m)) / (s * s) - m;
  const node: Node<"beta"> = { distribution: "beta", alpha, beta: (alpha * (1 - m)) / m };
  return withOptions(options.range ? { ...node, min, max } : node, options);
}

/**
 * A gamma node with the given mean and standard deviation (as dampack's `gamma_params`): shape =
 * mean² / sd², scale = sd² / mean. Needs mean > 0 and sd > 0.
 * @category Uncertainty and sensitivity
 */
export function gammaFromMeanSd(mean: number, sd: number, options: NodeOptions = {}): Node<"gamma"> {
  const issues = positive({ mean, sd });
  throwIf("gammaFromMeanSd arguments", issues);
  return withOptions({ distribution: "gamma", shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean }, options);
}

/**
 * A log-normal node with the given mean and standard deviation of the variable itself. The node
 * is parameterised that way already, so this only checks mean > 0 and sd > 0 (dampack's
 * `lnorm_params` returns μ and σ of the logarithm instead: σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2).
 * @category Uncertainty and sensitivity
 */
export function lognormalFromMeanSd(mean: number, sd: number, options: NodeOptions = {}): Node<"lognormal"> {
  const issues = positive({ mean, sd });
  throwIf("lognormalFromMeanSd arguments", issues);
  return withOptions({ distribution: "lognormal", mean, sd }, options);
}

function issue(field: string, message: string): Issue {
  return { code: "impossible_distribution", path: [field], message };
}

function finite(issues: Issue[], values: Readonly<Record<string, number>>): void {
  for (const [field, v] of Object.entries(values)) if (!Number.isFinite(v)) issues.push(issue(field, `${field} must be a finite number, got ${v}`));
}

function positive(values: Readonly<Record<string, number>>): Issue[] {
  const issues: Issue[] = [];
  finite(issues, values);
  for (const [field, v] of Object.entries(values)) {
    if (Number.isFinite(v) && !(v > 0)) issues.push(issue(field, `${field} must be greater than 0, got ${v}`));
  }
  return issues;
}

function throwIf(what: string, issues: readonly Issue[]): void {
  if (issues.length > 0) throw new FundingInputError(what, issues);
}

function withOptions<N extends Distribution>(node: N, options: NodeOptions): N {
  return {
    ...node,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.as !== undefined ? { as: options.as } : {}),
  };
}
