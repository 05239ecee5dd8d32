import type { Issue } from "../errors.js";
import type { Cents } from "../money/index.js";
import { checkCents, ratioToDecimal, throwIssues } from "./exact.js";

/**
 * How often one model cost more than another over paired Monte Carlo runs.
 * @category Risk allocation
 */
export interface CostComparison {
  readonly runs: number;
  /** Runs in which A cost strictly more than B. */
  readonly count: number;
  /** count / runs, 4 decimals half-even ("0.7300"). */
  readonly probability: string;
}

/**
 * The probability that model A costs more than model B: the share of runs r with a[r] > b[r]
 * (strictly; a tie counts for neither). Paired by run index — run r of both models saw the same
 * seed, parameters and caseload (common random numbers) — so it measures the models' difference,
 * not the noise of two separate samples.
 * @category Risk allocation
 */
export function probabilityMoreCostly(a: readonly Cents[], b: readonly Cents[]): CostComparison {
  const issues: Issue[] = [];
  if (a.length === 0) issues.push({ code: "too_small", path: ["a"], message: "needs at least one run" });
  if (a.length !== b.length) issues.push({ code: "length_mismatch", path: ["b"], message: `${b.length} runs of B for ${a.length} runs of A` });
  checkCents(a, ["a"], issues);
  checkCents(b, ["b"], issues);
  throwIssues("cost comparison input", issues);
  let count = 0;
  for (let r = 0; r < a.length; r++) if (a[r]! > b[r]!) count++;
  return { runs: a.length, count, probability: ratioToDecimal(BigInt(count), BigInt(a.length)) };
}
