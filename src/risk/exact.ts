import { FundingInputError, type Issue } from "../errors.js";
import { divRoundBig, type Cents } from "../money/index.js";

/*
 * Exact helpers shared by the risk statistics: checking run arrays of integer cents, a ratio of
 * BigInts as a decimal string, and the square root of a ratio rounded to a whole number.
 */

/** Adds an issue for every entry of `values` that is not a safe integer (integer cents). */
export function checkCents(values: readonly unknown[], path: readonly (string | number)[], issues: Issue[]): void {
  values.forEach((v, i) => checkAmount(v, [...path, i], issues));
}

/** Adds an issue at `path` unless `value` is a safe integer (integer cents). */
export function checkAmount(value: unknown, path: readonly (string | number)[], issues: Issue[]): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    issues.push({ code: "unsafe_amount", path, message: `${String(value)} is not a whole number of cents within ±${Number.MAX_SAFE_INTEGER}` });
  }
}

/** Throws a FundingInputError about `what` when there are issues. */
export function throwIssues(what: string, issues: readonly Issue[]): void {
  if (issues.length > 0) throw new FundingInputError(what, issues);
}

/**
 * `numerator / denominator` (denominator ≠ 0) as a decimal string with `decimals` decimals,
 * rounded half-even from the exact quotient: "0.2500", "-1.0417", never "-0.0000".
 */
export function ratioToDecimal(numerator: bigint, denominator: bigint, decimals = 4): string {
  return formatScaled(scaledRatio(numerator, denominator, decimals), decimals);
}

/** `numerator / denominator × 10^decimals` rounded half-even to a whole number (denominator ≠ 0). */
export function scaledRatio(numerator: bigint, denominator: bigint, decimals: number): bigint {
  if (denominator === 0n) throw new RangeError("scaledRatio: denominator is 0");
  const sign = denominator < 0n ? -1n : 1n;
  return divRoundBig(numerator * sign * 10n ** BigInt(decimals), denominator * sign, "halfEven");
}

/** A whole number of 10^−decimals units as a decimal string: 2500n, 4 → "0.2500". */
export function formatScaled(units: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const abs = units < 0n ? -units : units;
  const frac = (abs % scale).toString().padStart(decimals, "0");
  return `${units < 0n ? "-" : ""}${(abs / scale).toString()}${decimals > 0 ? `.${frac}` : ""}`;
}

/** The whole square root ⌊√n⌋ of n ≥ 0 (Newton's method on BigInt). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Start above the root (a float estimate plus a margin), then Newton decreases monotonically to it.
  let x = BigInt(Math.ceil(Math.sqrt(Number(n)) * (1 + 1e-12))) + 1n;
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) return x;
    x = y;
  }
}

/** √(numerator / denominator) (both ≥ 0, denominator > 0) rounded half-even to a whole number, exactly. */
export function sqrtRatioHalfEven(numerator: bigint, denominator: bigint): Cents {
  const k = isqrt(numerator / denominator);
  // √(n/d) against k + ½: compare 4n with (2k + 1)² d.
  const lhs = 4n * numerator;
  const rhs = (2n * k + 1n) ** 2n * denominator;
  const r = lhs > rhs || (lhs === rhs && k % 2n === 1n) ? k + 1n : k;
  return Number(r);
}
