import { incompleteGamma } from "./special.js";

/*
 * The standard normal distribution: density, cumulative distribution (through the incomplete
 * gamma function, accurate in the far tails) and its inverse (Acklam's rational approximation,
 * polished by Halley steps to full double precision).
 */

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/** The standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Number.isFinite(z) ? Math.exp(-0.5 * z * z) / SQRT_TWO_PI : 0;
}

/**
 * The standard normal distribution function Φ(z). Computed from its smaller tail, so Φ(−8) ≈
 * 6.2e-16 keeps its relative precision (1 − Φ(8) does not: use Φ(−8) for the upper tail).
 */
export function normalCdf(z: number): number {
  if (z === -Infinity) return 0;
  if (z === Infinity) return 1;
  // Φ(z) = ½ erfc(−z/√2) and erfc(t) = Q(½, t²) for t ≥ 0.
  const { p, q } = incompleteGamma(0.5, 0.5 * z * z);
  return z < 0 ? 0.5 * q : 0.5 + 0.5 * p;
}

// Acklam's coefficients (relative error below 1.15e-9 before refinement).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (−∞ at 0, +∞ at 1). For p above ½ it is
 * −Φ⁻¹(1 − p), where 1 − p is exact, so both tails are found from their small probability.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  }
  // Halley refinement on Φ(x) − p (x ≤ 0 here, where Φ is computed from the lower tail).
  for (let i = 0; i < 3; i++) {
    const e = normalCdf(x) - p;
    const u = e * SQRT_TWO_PI * Math.exp(0.5 * x * x);
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/**
 * The probability mass of [α, β] under the standard normal, computed on the side of zero where it
 * keeps its digits (two upper-tail bounds are mirrored).
 */
export function normalMass(alpha: number, beta: number): number {
  return alpha > 0 ? normalCdf(-alpha) - normalCdf(-beta) : normalCdf(beta) - normalCdf(alpha);
}

/**
 * The quantile at u (0 < u < 1) of the standard normal truncated to [α, β]: Φ⁻¹(Φ(α) + u·(Φ(β) −
 * Φ(α))), mirrored when the whole interval lies above zero so a far-tail window keeps its
 * precision. Clamped to [α, β] against the last bit of rounding.
 */
export function truncatedNormalQuantile(u: number, alpha: number, beta: number): number {
  if (alpha > 0) return -truncatedNormalQuantile(1 - u, -beta, -alpha);
  const fa = normalCdf(alpha);
  const fb = normalCdf(beta);
  const z = normalQuantile(fa + u * (fb - fa));
  return Math.min(Math.max(z, alpha), beta);
}
