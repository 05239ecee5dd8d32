import { divRoundBig, type Cents } from "../money/index.js";

/**
 * Mean and percentiles of an amount over Monte Carlo runs, in integer cents.
 * @category Comparison and metrics
 */
export interface Summary {
  readonly mean: Cents;
  readonly p5: Cents;
  readonly p50: Cents;
  readonly p95: Cents;
}

/** The exact mean of whole numbers (a BigInt sum), rounded half-even to a whole number. */
export function meanOf(values: readonly number[]): number {
  let sum = 0n;
  for (const v of values) sum += BigInt(v);
  return Number(divRoundBig(sum, BigInt(values.length), "halfEven"));
}

/**
 * Summarises integer amounts exactly. Rounding points: the mean is the exact sum (BigInt) divided
 * by the count, rounded half-even to the cent; percentiles are nearest-rank, so each is one of the
 * observed amounts and no interpolation invents a cent.
 * @category Comparison and metrics
 */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError("summarise: needs at least one value");
  const sorted = [...values].sort((a, b) => a - b);
  const mean = meanOf(values);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { mean, p5: rank(5), p50: rank(50), p95: rank(95) };
}
