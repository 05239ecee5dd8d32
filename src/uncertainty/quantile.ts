import type { Distribution } from "./distribution.js";
import { normalQuantile, truncatedNormalQuantile } from "./normal.js";
import { incompleteBeta, incompleteGamma, invertCdf, lnBeta, lnGamma } from "./special.js";

/**
 * The value below which a fraction `p` (0 < p < 1) of the distribution lies: closed forms for
 * fixed, uniform, triangular, normal (Acklam's inverse with Halley refinement), truncated normal
 * and log-normal; for beta and gamma the root of the regularised incomplete beta / gamma function
 * by safeguarded Newton–bisection, to about 1e-12 relative. The value is the draw before `as`
 * converts it. Throws a RangeError for p outside (0, 1).
 * @category Uncertainty and sensitivity
 */
export function quantile(d: Distribution, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile: p must lie strictly between 0 and 1, got ${p}`);
  switch (d.distribution) {
    case "fixed":
      return d.value;
    case "uniform":
      return d.min + p * (d.max - d.min);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      const atMode = (c - a) / (b - a);
      return p < atMode ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    case "normal": {
      if (d.min === undefined && d.max === undefined) return d.mean + d.sd * normalQuantile(p);
      const alpha = d.min === undefined ? -Infinity : (d.min - d.mean) / d.sd;
      const beta = d.max === undefined ? Infinity : (d.max - d.mean) / d.sd;
      const x = d.mean + d.sd * truncatedNormalQuantile(p, alpha, beta);
      return Math.min(Math.max(x, d.min ?? -Infinity), d.max ?? Infinity);
    }
    case "lognormal": {
      const { mu, sigma } = lognormalLogParameters(d.mean, d.sd);
      return Math.exp(mu + sigma * normalQuantile(p));
    }
    case "beta": {
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      return min + (max - min) * betaQuantile(d.alpha, d.beta, p);
    }
    case "gamma":
      return d.scale * gammaQuantile(d.shape, p);
  }
}

/** μ and σ of ln X for a log-normal X with the given mean and standard deviation. */
export function lognormalLogParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const s2 = Math.log1p((sd / mean) ** 2);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/** Quantile of the standard gamma distribution (scale 1). */
function gammaQuantile(shape: number, p: number): number {
  const logNorm = lnGamma(shape);
  const pdf = (x: number): number => Math.exp((shape - 1) * Math.log(x) - x - logNorm);
  if (p > 0.5) {
    // Upper half: solve Q(shape, x) = 1 − p, which keeps the digits of a small upper tail.
    // −Q(shape, x) increases with x and has the same density.
    return invertCdf((x) => -incompleteGamma(shape, x).q, pdf, -(1 - p), Math.max(shape, 1));
  }
  // Small x: P(shape, x) ≈ x^shape / Γ(shape + 1), a good start deep in the lower tail.
  const guess = Math.min(Math.exp((Math.log(p) + lnGamma(shape + 1)) / shape), shape);
  return invertCdf((x) => incompleteGamma(shape, x).p, pdf, p, guess > 0 ? guess : Math.max(shape, 1e-300));
}

/** Quantile of the beta distribution on [0, 1]. */
function betaQuantile(alpha: number, beta: number, p: number): number {
  // Upper half: 1 − the lower quantile of the mirrored beta, so an upper tail near 1 keeps its digits.
  if (p > 0.5) return 1 - betaQuantile(beta, alpha, 1 - p);
  const logNorm = lnBeta(alpha, beta);
  const pdf = (x: number): number => Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - logNorm);
  // Small x: I_x ≈ x^alpha / (alpha B(alpha, beta)).
  const guess = Math.min(Math.exp((Math.log(p) + Math.log(alpha) + logNorm) / alpha), 0.5);
  return invertCdf((x) => incompleteBeta(x, alpha, beta), pdf, p, guess > 0 ? guess : 1e-300, 1);
}
