import type { Cents } from "../money/index.js";
import { formatMonth, yearOf, type Horizon } from "../period.js";

/**
 * Amounts by one dimension (provider, municipality, profile, care form, line kind) and by month
 * of the horizon: `cents[row × months + m]`. Integer cents throughout.
 * @category Projection and ledger
 */
export interface Breakdown {
  /** Row labels, e.g. provider names; special rows are in parentheses, e.g. `(all providers)`. */
  readonly keys: readonly string[];
  readonly horizon: Horizon;
  readonly cents: Float64Array;
}

/**
 * Total per row label.
 * @category Projection and ledger
 */
export function totalsByKey(b: Breakdown): Map<string, Cents> {
  const m = b.horizon.months;
  const out = new Map<string, Cents>();
  b.keys.forEach((k, row) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += b.cents[row * m + i]!;
    out.set(k, s);
  });
  return out;
}

/**
 * Total per month (`YYYY-MM`) over all rows.
 * @category Projection and ledger
 */
export function totalsByMonth(b: Breakdown): Map<string, Cents> {
  const m = b.horizon.months;
  const out = new Map<string, Cents>();
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let row = 0; row < b.keys.length; row++) s += b.cents[row * m + i]!;
    out.set(formatMonth(b.horizon.start + i), s);
  }
  return out;
}

/**
 * Total per calendar year over all rows.
 * @category Projection and ledger
 */
export function totalsByYear(b: Breakdown): Map<number, Cents> {
  const m = b.horizon.months;
  const out = new Map<number, Cents>();
  for (let i = 0; i < m; i++) {
    const y = yearOf(b.horizon.start + i);
    let s = out.get(y) ?? 0;
    for (let row = 0; row < b.keys.length; row++) s += b.cents[row * m + i]!;
    out.set(y, s);
  }
  return out;
}

/**
 * Grand total of a breakdown.
 * @category Projection and ledger
 */
export function breakdownTotal(b: Breakdown): Cents {
  let s = 0;
  for (let i = 0; i < b.cents.length; i++) s += b.cents[i]!;
  return s;
}
