import { Decimal } from "decimal.js";
import type { Metrics } from "./metrics.js";
import { meanOf } from "./statistics.js";

/** Every model measure of some run, by name in order of first appearance. */
function measuresOf(runs: readonly Metrics[]): Metrics["modelMeasures"] {
  const seen = new Map<string, Metrics["modelMeasures"][number]>();
  for (const r of runs) for (const m of r.modelMeasures) if (!seen.has(m.name)) seen.set(m.name, m);
  return [...seen.values()];
}

/** Every provider with a row in some run, in order of first appearance. */
function providersOf(runs: readonly Metrics[]): string[] {
  const seen = new Set<string>();
  for (const r of runs) for (const x of r.marginByProvider) seen.add(x.provider);
  return [...seen];
}

/**
 * The mean of several runs' metrics, field by field, in the same shape — what a table shows for a
 * Monte Carlo comparison. Rounding point: amounts and counts are exact means rounded half-even to
 * the cent (or the unit); the margin percentage is recomputed from the mean margin and mean paid.
 * @category Comparison and metrics
 */
export function meanMetrics(runs: readonly Metrics[]): Metrics {
  const first = runs[0];
  if (!first) throw new RangeError("meanMetrics: needs at least one run");
  if (runs.length === 1) return first;
  const mean = meanOf;
  const meanOrNull = (values: readonly (number | null)[]): number | null =>
    values.every((v): v is number => v !== null) ? mean(values) : null;
  const field = <K extends keyof Metrics>(key: K): Metrics[K][] => runs.map((r) => r[key]);
  const totalPaid = mean(field("totalPaid"));
  const providerMargin = meanOrNull(field("providerMargin"));
  return {
    totalPaid,
    perClient: meanOrNull(field("perClient")),
    perClosedTrajectory: meanOrNull(field("perClosedTrajectory")),
    perAchievedResult: meanOrNull(field("perAchievedResult")),
    clients: mean(field("clients")),
    closedTrajectories: mean(field("closedTrajectories")),
    achievedResults: mean(field("achievedResults")),
    providerCost: meanOrNull(field("providerCost")),
    providerMargin,
    providerMarginPercent:
      providerMargin === null || totalPaid === 0 ? null : new Decimal(providerMargin).times(100).dividedBy(totalPaid).toFixed(2),
    // A provider may be paid nothing and cost nothing in one run (then it has no row, e.g. a provider
    // that receives referred clients only sometimes): providers are matched by name, absent as 0.
    marginByProvider: providersOf(runs).map((provider) => {
      const rows = runs.map((r) => r.marginByProvider.find((x) => x.provider === provider));
      const withCost = first.providerCost !== null;
      return {
        provider,
        paid: mean(rows.map((x) => x?.paid ?? 0)),
        cost: withCost ? meanOrNull(rows.map((x) => (x ? x.cost : 0))) : null,
        margin: withCost ? meanOrNull(rows.map((x) => (x ? x.margin : 0))) : null,
      };
    }),
    // Every run has the same years, months and dates in the same order: they share the horizon.
    byYear: first.byYear.map((row, k) => ({
      year: row.year,
      paid: mean(runs.map((r) => r.byYear[k]!.paid)),
      // An uncertain budget differs per run: its mean.
      budget: meanOrNull(runs.map((r) => r.byYear[k]!.budget)),
      deviation: meanOrNull(runs.map((r) => r.byYear[k]!.deviation)),
      cost: meanOrNull(runs.map((r) => r.byYear[k]!.cost)),
    })),
    paidByMonth: first.paidByMonth.map((_, k) => mean(runs.map((r) => r.paidByMonth[k]!))),
    budgetDeviation: meanOrNull(field("budgetDeviation")),
    obligations: first.obligations.map((o, k) => ({ date: o.date, cents: mean(runs.map((r) => r.obligations[k]!.cents)) })),
    dueAfterHorizon: mean(field("dueAfterHorizon")),
    paymentLines: mean(field("paymentLines")),
    messages: mean(field("messages")),
    clientsWaiting: mean(field("clientsWaiting")),
    clientMonthsWaiting: mean(field("clientMonthsWaiting")),
    monthlyVariation: Math.round((field("monthlyVariation").reduce((a, b) => a + b, 0) / runs.length) * 1e4) / 1e4,
    consultationSignals: mean(field("consultationSignals")),
    ceilingsReached: mean(field("ceilingsReached")),
    // Percentages are averaged and kept to two decimals; amounts and counts as everywhere.
    // A measure may be missing from a run (a behaviour response drawn as 0 that run): matched by name, absent as 0.
    modelMeasures: measuresOf(runs).map((m) => {
      const values = runs.map((r) => r.modelMeasures.find((x) => x.name === m.name)?.value ?? 0);
      const value = m.unit === "percent" ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : mean(values);
      return { ...m, value };
    }),
  };
}
