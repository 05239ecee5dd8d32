import type { Issue } from "../errors.js";
import { summarise, type Summary } from "../metrics/statistics.js";
import { checkCents, throwIssues } from "./exact.js";

/**
 * Bands of an amount per month over Monte Carlo runs: `runs[r][m]` is what run r paid in month m
 * (integer cents, every run the same months); the result has per month the exact mean and the
 * nearest-rank P5 / P50 / P95 ({@link summarise}), so a chart can shade P5–P95 around the mean.
 * @category Risk allocation
 */
export function monthlyBands(runs: readonly (readonly number[])[]): Summary[] {
  const issues: Issue[] = [];
  if (runs.length === 0) issues.push({ code: "too_small", path: [], message: "needs at least one run" });
  const months = runs[0]?.length ?? 0;
  runs.forEach((run, r) => {
    if (run.length !== months) issues.push({ code: "length_mismatch", path: [r], message: `run ${r} has ${run.length} months, run 0 has ${months}` });
    checkCents(run, [r], issues);
  });
  throwIssues("monthly bands input", issues);
  return Array.from({ length: months }, (_, m) => summarise(runs.map((run) => run[m]!)));
}
