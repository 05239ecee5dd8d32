import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { normalMass, truncatedNormalQuantile } from "./normal.js";
import { lognormalLogParameters } from "./quantile.js";

/** Below this probability mass a truncated normal is sampled by its inverse CDF straight away. */
const REJECTION_MIN_MASS = 0.25;
/** Redraws before a truncated normal falls back to its inverse CDF (0.75^64 ≈ 1e-8). */
const MAX_REJECTIONS = 64;

/**
 * One draw from a parameter distribution, using `rng` (the draw before `as` converts it). Uniform
 * and triangular by inversion of one uniform; normal and log-normal from {@link Rng.normal}; a
 * truncated normal by redrawing until the draw falls inside [min, max], falling back after 64
 * tries (or at once, when the window holds less than a quarter of the normal) to its inverse CDF —
 * either way the draw has exactly the truncated distribution; gamma by Marsaglia–Tsang (with the
 * u^(1/k) boost for shape k < 1); beta as G₁ / (G₁ + G₂) of two gamma draws, in logarithms so tiny
 * shapes do not divide 0 by 0. A `fixed` value takes no draw from `rng`.
 * @category Uncertainty and sensitivity
 */
export function sampleDistribution(d: Distribution, rng: Rng): number {
  switch (d.distribution) {
    case "fixed":
      return d.value;
    case "uniform":
      return d.min + rng.next() * (d.max - d.min);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      const u = rng.next();
      return u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case "normal":
      return sampleNormal(d, rng);
    case "lognormal": {
      const { mu, sigma } = lognormalLogParameters(d.mean, d.sd);
      return Math.exp(mu + sigma * rng.normal());
    }
    case "beta": {
      const x = logGammaDraw(d.alpha, rng);
      const y = logGammaDraw(d.beta, rng);
      const share = 1 / (1 + Math.exp(y - x));
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      return min + (max - min) * share;
    }
    case "gamma":
      return d.scale * Math.exp(logGammaDraw(d.shape, rng));
  }
}

function sampleNormal(d: Extract<Distribution, { distribution: "normal" }>, rng: Rng): number {
  if (d.min === undefined && d.max === undefined) return d.mean + d.sd * rng.normal();
  const min = d.min ?? -Infinity;
  const max = d.max ?? Infinity;
  const alpha = (min - d.mean) / d.sd;
  const beta = (max - d.mean) / d.sd;
  if (normalMass(alpha, beta) >= REJECTION_MIN_MASS) {
    for (let i = 0; i < MAX_REJECTIONS; i++) {
      const x = d.mean + d.sd * rng.normal();
      if (x >= min && x <= max) return x;
    }
  }
  // Strictly inside (0, 1), so an unbounded side never yields an infinite draw.
  const u = (rng.nextUint32() + 0.5) / 4294967296;
  const x = d.mean + d.sd * truncatedNormalQuantile(u, alpha, beta);
  return Math.min(Math.max(x, min), max);
}

/**
 * The logarithm of a standard gamma draw with the given shape (Marsaglia & Tsang 2000). For shape
 * k < 1: a draw with shape k + 1 times U^(1/k), added in logarithms (U^(1/k) underflows for tiny k).
 */
function logGammaDraw(shape: number, rng: Rng): number {
  if (shape < 1) return logGammaDraw(shape + 1, rng) + Math.log(1 - rng.next()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next(); // (0, 1]
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return Math.log(d * v);
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}
