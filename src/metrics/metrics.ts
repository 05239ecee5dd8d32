import { Decimal } from "decimal.js";
import { divRound, type Cents } from "../money/index.js";
import { yearOf } from "../period.js";
import type { ModelMeasure } from "../models/model.js";
import type { Projection } from "../projection/project.js";
import type { DatedPrice } from "../prices/datedPrice.js";
import { totalsByKey, totalsByYear } from "../projection/breakdown.js";

// The labels live with the other words of a report, per locale; kept importable from here.
export { METRIC_LABELS } from "../locale/labels.js";

/**
 * The measures on which funding models are compared, for one run. Plain, serialisable values:
 * amounts are integer cents, ratios are numbers.
 * @category Comparison and metrics
 */
export interface Metrics {
  /** Paid by the municipality inside the horizon. */
  readonly totalPaid: Cents;
  /** Per distinct client in care during the horizon. Null when there were none. */
  readonly perClient: Cents | null;
  /** Per trajectory closed inside the horizon. */
  readonly perClosedTrajectory: Cents | null;
  /** Per achieved result (resultaat behaald) inside the horizon. */
  readonly perAchievedResult: Cents | null;
  readonly clients: number;
  readonly closedTrajectories: number;
  readonly achievedResults: number;
  /** Providers' cost of the care delivered; null without cost prices. */
  readonly providerCost: Cents | null;
  /** Paid − cost, over all providers; null without cost prices. */
  readonly providerMargin: Cents | null;
  /** Margin as a percentage of what was paid, two decimals; null without cost prices or payments. */
  readonly providerMarginPercent: string | null;
  /** Paid − cost per provider; a budget for all providers together shows as `(all providers)`. */
  readonly marginByProvider: readonly { readonly provider: string; readonly paid: Cents; readonly cost: Cents | null; readonly margin: Cents | null }[];
  /**
   * Paid per calendar year, the deviation from the municipality's budget (+ is overspend), and the
   * providers' cost of the year's care (null without cost prices).
   */
  readonly byYear: readonly {
    readonly year: number;
    readonly paid: Cents;
    readonly budget: Cents | null;
    readonly deviation: Cents | null;
    readonly cost: Cents | null;
  }[];
  /** Paid per month of the horizon, in order (the monthly bands over runs are drawn from it). */
  readonly paidByMonth: readonly Cents[];
  /** Paid − budget over the whole horizon; null without a budget. */
  readonly budgetDeviation: Cents | null;
  /** Open obligations (verplichtingen) at each year end and at the horizon's end. */
  readonly obligations: readonly { readonly date: string; readonly cents: Cents }[];
  readonly dueAfterHorizon: Cents;
  /** Administrative burden. */
  readonly paymentLines: number;
  readonly messages: number;
  /** Clients whose start waited for an intake stop, and the client-months they waited. */
  readonly clientsWaiting: number;
  readonly clientMonthsWaiting: number;
  /**
   * Predictability of cash flow: coefficient of variation of the monthly payments (standard
   * deviation ÷ mean, 4 decimals). 0 for a flat lump sum.
   */
  readonly monthlyVariation: number;
  /** Providers × years in which declarations reached the 70 % consultation signal and the ceiling. */
  readonly consultationSignals: number;
  readonly ceilingsReached: number;
  /** Measures only this model has, e.g. the occupancy of funded places. */
  readonly modelMeasures: readonly ModelMeasure[];
}

/**
 * Measures one projection. `budget` is the municipality's youth-care budget per year (version in
 * force in January). Rounding point: per-client, per-trajectory and per-result amounts are exact
 * quotients rounded half-even to the cent.
 * @category Comparison and metrics
 */
export function measure(p: Projection, budget: DatedPrice | null): Metrics {
  const per = (n: number): Cents | null => (n > 0 ? divRound(p.totalPaid, n, "halfEven") : null);
  const paidByProvider = totalsByKey(p.byProvider);
  const costByProvider = p.cost ? totalsByKey(p.cost.byProvider) : null;
  const marginByProvider = [...paidByProvider].map(([provider, paid]) => {
    const cost = costByProvider ? (costByProvider.get(provider) ?? null) : null;
    return { provider, paid, cost, margin: cost === null ? null : paid - cost };
  }).filter((r) => r.paid !== 0 || (r.cost ?? 0) !== 0);
  const monthly = monthlyTotals(p);
  const costByYear = p.cost ? totalsByYear(p.cost.byProvider) : null;
  const byYear: { year: number; paid: number; budget: number | null; deviation: number | null; cost: number | null }[] = [];
  monthly.forEach((cents, i) => {
    const year = yearOf(p.horizon.start + i);
    let row = byYear[byYear.length - 1];
    if (!row || row.year !== year) {
      // A budget covers a calendar year; a year only partly inside the horizon gets its months' share.
      row = { year, paid: 0, budget: null, deviation: null, cost: costByYear ? (costByYear.get(year) ?? 0) : null };
      byYear.push(row);
    }
    row.paid += cents;
  });
  if (budget) {
    for (const row of byYear) {
      const months = monthly.filter((_, i) => yearOf(p.horizon.start + i) === row.year).length;
      row.budget = divRound(budget.at(row.year * 12) * months, 12, "halfEven");
      row.deviation = row.paid - row.budget;
    }
  }
  const cost = p.cost?.total ?? null;
  const margin = cost === null ? null : p.totalPaid - cost;
  return {
    totalPaid: p.totalPaid,
    perClient: per(p.clients),
    perClosedTrajectory: per(p.closed),
    perAchievedResult: per(p.achieved),
    clients: p.clients,
    closedTrajectories: p.closed,
    achievedResults: p.achieved,
    providerCost: cost,
    providerMargin: margin,
    providerMarginPercent: margin === null || p.totalPaid === 0 ? null : new Decimal(margin).times(100).dividedBy(p.totalPaid).toFixed(2),
    marginByProvider,
    byYear,
    paidByMonth: monthly,
    budgetDeviation: budget ? byYear.reduce((s, r) => s + r.deviation!, 0) : null,
    obligations: p.obligations,
    dueAfterHorizon: p.dueAfterHorizon,
    paymentLines: p.messages.paymentLines,
    messages: p.messages.total,
    clientsWaiting: p.waiting.clients,
    clientMonthsWaiting: p.waiting.clientMonths,
    monthlyVariation: variation(monthly),
    consultationSignals: p.ceilingSignals.filter((s) => s.consultationMonth !== null).length,
    ceilingsReached: p.ceilingSignals.filter((s) => s.reachedMonth !== null).length,
    modelMeasures: p.measures,
  };
}

/**
 * Paid per month of the horizon.
 * @category Comparison and metrics
 */
export function monthlyTotals(p: Projection): number[] {
  const m = p.horizon.months;
  const out = new Array<number>(m).fill(0);
  const rows = p.byKind.keys.length;
  for (let r = 0; r < rows; r++) for (let i = 0; i < m; i++) out[i]! += p.byKind.cents[r * m + i]!;
  return out;
}

function variation(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (mean === 0) return 0;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  return Math.round((sd / Math.abs(mean)) * 1e4) / 1e4;
}
