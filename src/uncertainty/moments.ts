import type { Distribution } from "./distribution.js";
import { normalMass, normalPdf } from "./normal.js";

/**
 * The mean of a parameter distribution (of the draw, before `as` converts it): for a truncated
 * normal the mean of the truncated distribution, for a scaled beta the scaled mean.
 * @category Uncertainty and sensitivity
 */
export function distributionMean(d: Distribution): number {
  switch (d.distribution) {
    case "fixed":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "normal": {
      if (d.min === undefined && d.max === undefined) return d.mean;
      const t = truncatedStandardNormal(d);
      return d.mean + d.sd * t.mean;
    }
    case "lognormal":
      return d.mean;
    case "beta": {
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      return min + ((max - min) * d.alpha) / (d.alpha + d.beta);
    }
    case "gamma":
      return d.shape * d.scale;
  }
}

/**
 * The standard deviation of a parameter distribution (of the draw, before `as` converts it).
 * @category Uncertainty and sensitivity
 */
export function distributionSd(d: Distribution): number {
  switch (d.distribution) {
    case "fixed":
      return 0;
    case "uniform":
      return (d.max - d.min) / Math.sqrt(12);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      return Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
    case "normal": {
      if (d.min === undefined && d.max === undefined) return d.sd;
      return d.sd * Math.sqrt(truncatedStandardNormal(d).variance);
    }
    case "lognormal":
      return d.sd;
    case "beta": {
      const range = (d.max ?? 1) - (d.min ?? 0);
      const s = d.alpha + d.beta;
      return range * Math.sqrt((d.alpha * d.beta) / (s * s * (s + 1)));
    }
    case "gamma":
      return Math.sqrt(d.shape) * d.scale;
  }
}

/**
 * The centre of a parameter: its distribution's mean, the value of the base case and of every
 * parameter not varied in a sensitivity analysis.
 * @category Uncertainty and sensitivity
 */
export function centre(d: Distribution): number {
  return distributionMean(d);
}

/**
 * Mean and variance of the standard normal truncated to [α, β] (α, β the bounds in standard
 * units): mean (φ(α) − φ(β)) / Z, variance 1 + (αφ(α) − βφ(β)) / Z − mean², Z = Φ(β) − Φ(α).
 */
function truncatedStandardNormal(d: Extract<Distribution, { distribution: "normal" }>): { mean: number; variance: number } {
  const alpha = d.min === undefined ? -Infinity : (d.min - d.mean) / d.sd;
  const beta = d.max === undefined ? Infinity : (d.max - d.mean) / d.sd;
  const mass = normalMass(alpha, beta);
  const pa = normalPdf(alpha);
  const pb = normalPdf(beta);
  const mean = (pa - pb) / mass;
  const ta = Number.isFinite(alpha) ? alpha * pa : 0;
  const tb = Number.isFinite(beta) ? beta * pb : 0;
  return { mean, variance: Math.max(0, 1 + (ta - tb) / mass - mean * mean) };
}
