import { FundingInputError, type Issue } from "../errors.js";
import type { OneWayResult } from "./oneWay.js";

/**
 * One bar of a tornado chart.
 * @category Uncertainty and sensitivity
 */
export interface TornadoRow {
  readonly key: string;
  readonly label: string;
  readonly centre: number;
  readonly lowValue: number;
  readonly highValue: number;
  /** The metric with the parameter at its low / high percentile (cents, or null). */
  readonly atLow: number | null;
  readonly atHigh: number | null;
  /** |atHigh − atLow|, exact; null when either end is null. */
  readonly swing: number | null;
}

/**
 * A tornado chart for one metric: the base value and the parameters ranked by swing.
 * @category Uncertainty and sensitivity
 */
export interface Tornado {
  readonly metric: string;
  readonly base: number | null;
  /** Largest swing first; equal swings by key; rows without a swing (a null end) last, by key. */
  readonly rows: readonly TornadoRow[];
}

/**
 * Ranks the parameters of a one-way analysis by how much they move one metric: swing = |value at
 * the high percentile − value at the low percentile|, computed exactly on integer cents (BigInt),
 * so a parameter the metric does not depend on has a swing of exactly 0. The metric's values must
 * be whole numbers (cents or counts) or null; a FundingInputError names any that is not, or a
 * metric the evaluation did not return.
 * @category Uncertainty and sensitivity
 */
export function tornado(result: OneWayResult, metric: string): Tornado {
  if (!Object.hasOwn(result.base, metric)) {
    throw new FundingInputError("tornado metric", [
      { code: "unknown_metric", path: [], message: `no metric "${metric}"; the metrics are ${Object.keys(result.base).join(", ")}` },
    ]);
  }
  const issues: Issue[] = [];
  const value = (v: number | null | undefined, where: string): number | null => {
    if (v === null) return null;
    if (v === undefined || !Number.isSafeInteger(v)) {
      issues.push({ code: "invalid_metric", path: [], message: `${metric} ${where} is ${String(v)}, not a whole number of cents` });
      return null;
    }
    return v;
  };
  const base = value(result.base[metric], "in the base case");
  const rows = result.rows.map((r): TornadoRow => {
    const atLow = value(r.atLow[metric], `with ${r.label} at P${result.low}`);
    const atHigh = value(r.atHigh[metric], `with ${r.label} at P${result.high}`);
    let swing: number | null = null;
    if (atLow !== null && atHigh !== null) {
      const d = BigInt(atHigh) - BigInt(atLow);
      const abs = d < 0n ? -d : d;
      if (abs > BigInt(Number.MAX_SAFE_INTEGER)) {
        issues.push({ code: "unsafe_amount", path: [], message: `swing of ${metric} over ${r.label} is outside the exact range of ±${Number.MAX_SAFE_INTEGER}` });
      } else swing = Number(abs);
    }
    return { key: r.key, label: r.label, centre: r.centre, lowValue: r.lowValue, highValue: r.highValue, atLow, atHigh, swing };
  });
  if (issues.length > 0) throw new FundingInputError("tornado metric values", issues);
  rows.sort((a, b) => {
    if (a.swing !== b.swing) {
      if (a.swing === null) return 1;
      if (b.swing === null) return -1;
      return b.swing - a.swing; // both safe integers: the difference is exact in sign
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return { metric, base, rows };
}
