import type { Issue } from "../errors.js";
import type { Cents } from "../money/index.js";
import { summarise, type Summary } from "../metrics/statistics.js";
import { checkCents, ratioToDecimal, throwIssues } from "./exact.js";

/**
 * The budget risk of one year over Monte Carlo runs.
 * @category Risk allocation
 */
export interface BudgetRisk {
  /** Position of the year in the input (0 for the first year). */
  readonly index: number;
  /** The overshoot paid − budget over the runs (+ is overspend): exact mean, nearest-rank P5 / P50 / P95. */
  readonly overshoot: Summary;
  /** The budget at risk: max(0, P95 of the overshoot) — what to reserve to cover 95 % of the runs. */
  readonly atRisk: Cents;
  /** Runs that paid more than the budget. */
  readonly runsOver: number;
  readonly runs: number;
  /** runsOver / runs, 4 decimals half-even ("0.1500"). */
  readonly shareOver: string;
}

/**
 * Budget at risk per year: `paidPerYear[r][y]` is what run r paid in year y (cents), and
 * `budgetPerYear[y]` the budget of year y — or `budgetPerYear[r][y]` when the budget itself is
 * uncertain and differs per run. Per year: the overshoot paid − budget of every run, its P95 by
 * nearest rank (as {@link summarise}: one of the observed overshoots), the amount at risk max(0,
 * P95), and how many runs overspent (paid > budget).
 * @category Risk allocation
 */
export function budgetAtRisk(
  paidPerYear: readonly (readonly Cents[])[],
  budgetPerYear: readonly Cents[] | readonly (readonly Cents[])[],
): BudgetRisk[] {
  const issues: Issue[] = [];
  const runs = paidPerYear.length;
  if (runs === 0) issues.push({ code: "too_small", path: ["paidPerYear"], message: "needs at least one run" });
  const years = paidPerYear[0]?.length ?? 0;
  paidPerYear.forEach((run, r) => {
    if (run.length !== years) issues.push({ code: "length_mismatch", path: ["paidPerYear", r], message: `run ${r} has ${run.length} years, run 0 has ${years}` });
    checkCents(run, ["paidPerYear", r], issues);
  });
  const perRun = budgetPerYear.length > 0 && Array.isArray(budgetPerYear[0]);
  const budgets = (perRun ? budgetPerYear : paidPerYear.map(() => budgetPerYear)) as readonly (readonly Cents[])[];
  if (budgets.length !== runs) issues.push({ code: "length_mismatch", path: ["budgetPerYear"], message: `budgets for ${budgets.length} runs, paid for ${runs}` });
  budgets.forEach((b, r) => {
    const path = perRun ? ["budgetPerYear", r] : ["budgetPerYear"];
    if (b.length !== years) issues.push({ code: "length_mismatch", path, message: `${b.length} budget years for ${years} years paid` });
    if (perRun || r === 0) checkCents(b, path, issues);
  });
  throwIssues("budget at risk input", issues);

  return Array.from({ length: years }, (_, y): BudgetRisk => {
    const overshoots = paidPerYear.map((run, r) => run[y]! - budgets[r]![y]!);
    const unsafe = overshoots.findIndex((o) => !Number.isSafeInteger(o));
    if (unsafe >= 0) throwIssues("budget at risk input", [{ code: "unsafe_amount", path: ["paidPerYear", unsafe, y], message: "paid − budget is outside the exact range of cents" }]);
    const overshoot = summarise(overshoots);
    const runsOver = overshoots.filter((o) => o > 0).length;
    return { index: y, overshoot, atRisk: Math.max(0, overshoot.p95), runsOver, runs, shareOver: ratioToDecimal(BigInt(runsOver), BigInt(runs)) };
  });
}
