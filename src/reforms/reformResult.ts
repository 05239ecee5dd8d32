import type { Comparison } from "../metrics/compare.js";
import type { Summary } from "../metrics/statistics.js";

/**
 * Metrics whose change a reform reports: amounts in cents, and the clients kept waiting.
 * @category Reforms
 */
export const REFORM_METRICS = ["totalPaid", "providerCost", "providerMargin", "budgetDeviation", "dueAfterHorizon", "clientsWaiting"] as const;
/**
 * A metric whose change a reform reports.
 * @category Reforms
 */
export type ReformMetric = (typeof REFORM_METRICS)[number];

/**
 * One model's change from the step before, per metric: run by run differences (paired by seed), summarised.
 * @category Reforms
 */
export interface ModelEffect {
  readonly label: string;
  /** Per metric: the mean and P5 / P50 / P95 of (this step − the step before) over the runs; absent when either side has none (no cost prices). */
  readonly effect: Partial<Record<ReformMetric, Summary>>;
}

/**
 * One step of a stack of reforms: the baseline (step 0) or a reform applied on top of every step before it.
 * @category Reforms
 */
export interface ReformStep {
  readonly name: string;
  readonly description: string | null;
  /** The comparison of this step (models in the baseline's order and labels). */
  readonly comparison: Comparison;
  /** The change from the step before, per model; null for the baseline. */
  readonly effects: readonly ModelEffect[] | null;
}

/**
 * A baseline and its reforms, stacked in order, all on the same seeds (common random numbers).
 * @category Reforms
 */
export interface ReformsResult {
  readonly steps: readonly ReformStep[];
}
