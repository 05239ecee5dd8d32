import { Decimal } from "decimal.js";
import type { Cents } from "./cents.js";

/**
 * Splits `total` cents over parts in proportion to integer `weights`, losing no cent: each part
 * gets the floor of its exact share, and the cents left over go one by one to the parts with the
 * largest remainders (largest-remainder method; ties go to the earliest part). Used wherever an
 * amount is spread over months, clients or providers. Negative totals split symmetrically.
 * @category Money
 */
export function allocate(total: Cents, weights: readonly number[]): Cents[] {
  if (weights.length === 0) throw new RangeError("allocate: weights must not be empty");
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`allocate: weight ${w} should be a non-negative integer`);
    sum += BigInt(w);
  }
  if (sum === 0n) throw new RangeError("allocate: weights must not all be zero");
  const negative = total < 0;
  const t = BigInt(Math.abs(total));
  // BigInt here because total × weight can pass 2^53 for national budgets; this is not a hot path.
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) {
    const idx = remainders[k]!.i;
    parts[idx] = parts[idx]! + 1n;
  }
  return parts.map((p) => {
    const n = Number(p);
    return negative && n !== 0 ? -n : n;
  });
}

/**
 * Splits `total` into `count` near-equal parts (largest remainder), e.g. a yearly budget over 12 months.
 * @category Money
 */
export function splitEvenly(total: Cents, count: number): Cents[] {
  return allocate(total, new Array<number>(count).fill(1));
}

/**
 * Integer weights proportional to decimal percentages ("33.5", "66.5" → 335, 665), so shares can
 * be allocated exactly with {@link allocate}. Exact for any notation Decimal reads ("1e-7").
 * @category Money
 */
export function percentWeights(percents: readonly string[]): number[] {
  const ds = percents.map((p) => new Decimal(p));
  const places = Math.max(0, ...ds.map((d) => d.decimalPlaces()));
  return ds.map((d) => {
    const w = d.times(new Decimal(10).pow(places));
    if (!w.isInteger() || !w.abs().lte(Number.MAX_SAFE_INTEGER)) throw new RangeError(`percentWeights: ${d.toFixed()} % has too many decimals`);
    return w.toNumber();
  });
}
