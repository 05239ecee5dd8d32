import type { ModelComparison } from "../metrics/compare.js";
import type { Summary } from "../metrics/statistics.js";
import { formatMonth, parseMonth } from "../period.js";
import { budgetAtRisk, type BudgetRisk } from "./budgetAtRisk.js";
import { monthlyBands } from "./monthlyBands.js";
import { probabilityMoreCostly, type CostComparison } from "./probabilityMoreCostly.js";
import { providerMarginRisk, type ProviderMarginRisk } from "./providerMarginRisk.js";
import { riskAllocation, type RiskAllocation } from "./riskAllocation.js";

/**
 * One model's risk over the Monte Carlo runs of a comparison.
 * @category Risk allocation
 */
export interface ModelRisk {
  readonly label: string;
  /** Paid per month: exact mean and P5 / P50 / P95 over the runs. */
  readonly monthlyBands: readonly ({ readonly month: string } & Summary)[];
  /** Per calendar year, the overshoot of the budget over the runs and the budget at risk (its P95, at least 0); null without a budget. */
  readonly budgetAtRisk: readonly ({ readonly year: number } & Omit<BudgetRisk, "index">)[] | null;
  /**
   * Who carries the variation of the cost of care: over the whole horizon and per year, the share
   * of the cost's variance that moves the municipality's payments and the share that lands on the
   * providers' margins. Null without cost prices.
   */
  readonly allocation: { readonly horizon: RiskAllocation; readonly byYear: readonly ({ readonly year: number } & RiskAllocation)[] } | null;
  /** Per provider: its margin over the runs (P5: the bad case it must survive) and how often it made a loss. Null without cost prices. */
  readonly providerMargins: readonly ProviderMarginRisk[] | null;
}

/**
 * The risk measures of a comparison with several runs.
 * @category Risk allocation
 */
export interface ComparisonRisk {
  readonly runs: number;
  readonly models: readonly ModelRisk[];
  /** For every ordered pair of models, how often A's total paid was above B's in the same run. */
  readonly moreCostly: readonly ({ readonly a: string; readonly b: string } & CostComparison)[];
}

/**
 * The risk measures over a comparison's runs (paired by seed: common random numbers), from the
 * metrics of every run. Exact on integer cents (see each measure). Null with fewer than two runs.
 * @category Risk allocation
 */
export function comparisonRisk(horizonStart: string, models: readonly Pick<ModelComparison, "label" | "runs">[]): ComparisonRisk | null {
  const runs = models[0]?.runs.length ?? 0;
  if (runs < 2) return null;
  const start = parseMonth(horizonStart);
  const perModel = models.map((m): ModelRisk => {
    const first = m.runs[0]!;
    const withBudget = first.byYear.every((y) => y.budget !== null);
    const withCost = first.providerCost !== null;
    const years = first.byYear.map((y) => y.year);
    return {
      label: m.label,
      monthlyBands: monthlyBands(m.runs.map((r) => r.paidByMonth)).map((s, i) => ({ month: formatMonth(start + i), ...s })),
      budgetAtRisk: withBudget
        ? budgetAtRisk(
            m.runs.map((r) => r.byYear.map((y) => y.paid)),
            m.runs.map((r) => r.byYear.map((y) => y.budget!)),
          ).map(({ index, ...risk }) => ({ year: years[index]!, ...risk }))
        : null,
      allocation: withCost
        ? {
            horizon: riskAllocation(
              m.runs.map((r) => r.totalPaid),
              m.runs.map((r) => r.providerMargin!),
            ),
            byYear: years.map((year, k) => ({
              year,
              ...riskAllocation(
                m.runs.map((r) => r.byYear[k]!.paid),
                m.runs.map((r) => r.byYear[k]!.paid - r.byYear[k]!.cost!),
              ),
            })),
          }
        : null,
      providerMargins: withCost ? providerMarginRisk(m.runs.map((r) => r.marginByProvider)) : null,
    };
  });
  const moreCostly = models.flatMap((a, i) =>
    models.flatMap((b, j) =>
      i === j ? [] : [{ a: a.label, b: b.label, ...probabilityMoreCostly(a.runs.map((r) => r.totalPaid), b.runs.map((r) => r.totalPaid)) }],
    ),
  );
  return { runs, models: perModel, moreCostly };
}
