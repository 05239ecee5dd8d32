import { GRANT_REJECTION_LABELS, type GrantPoolResult } from "../streams/grantPool.js";
import { RECOVERY_AMOUNTS, type RecoveryComparison } from "../streams/recoveryInitiative.js";
import { amount, amountHeader, count, decimalIn, headers, style, write, type CsvExportOptions } from "./exportCsv.js";
import type { CsvCell } from "./stringifyCsv.js";

/*
 * CSV of the simulations that are not model comparisons: a grant pool's decisions, one row per
 * request, and a recovery initiative's funding ways, one row per way, period and measure. Money
 * as in every export: euros with two decimals made from the cents by string work (or cents).
 */

/**
 * A grant pool's decisions as CSV, one row per request in order of receipt: id, region, kind,
 * review track, the rules version that judged it, dates, working days, decision, reason (its stable
 * code, e.g. `poolStopped`, and in words), and
 * the money (requested, committed, paid, invoiced above the commitment, released) in the export's
 * amount unit (column names end in `_euros` or `_cents`). Options as in {@link CsvExportOptions}.
 * @category Reports and charts
 */
export function grantDecisionsToCsv(result: GrantPoolResult, options: CsvExportOptions = {}): string {
  const s = style(options);
  const unit = amountHeader(s);
  const money = headers(s, ["requested", "committed", "paid", "invoice_above_commitment", "released", "budget_left"]).map((m) => `${m}_${unit}`);
  const rows: CsvCell[][] = [
    [
      ...headers(s, ["id", "region", "kind", "track", "rules_from", "budget_year", "received", "decided", "working_days", "decision", "reason", "reason_text"]),
      ...money,
      ...headers(s, ["settled", "paid_on", "released_on"]),
    ],
  ];
  for (const d of result.decisions) {
    rows.push([
      d.id,
      d.region,
      d.kind,
      d.track,
      d.rulesFrom,
      count(d.budgetYear),
      d.receivedDate,
      d.decisionDate,
      count(d.decisionWorkingDays),
      d.decision,
      d.reason ?? "",
      d.reason === null ? "" : GRANT_REJECTION_LABELS[d.reason],
      ...[d.requested, d.committed, d.paid, d.invoiceAboveCommitment, d.released, d.budgetLeft].map((c) => amount(c, s)),
      d.settlementDate ?? "",
      d.paymentDate ?? "",
      d.releaseDate ?? "",
    ]);
  }
  return write(rows, s);
}

/**
 * A recovery initiative's comparison as CSV in long form: one row per funding way, period
 * (`total` or a calendar year) and measure, with the mean and P5 / P50 / P95 over the runs.
 * Amounts (`funding`, `municipalityCost`, …) in the export's unit; `monthsOpen`,
 * `participantsLeft` and `closedRuns` (runs in which the initiative closed, in all and at each
 * year end; no percentiles) are counts; two `rate` rows give the break-even of avoided care
 * against the structural subsidy and the rate assumed (avoided trajectories per 100 participant-years).
 * @category Reports and charts
 */
export function recoveryComparisonToCsv(result: RecoveryComparison, options: CsvExportOptions = {}): string {
  const s = style(options);
  const unit = amountHeader(s);
  const rows: CsvCell[][] = [headers(s, ["way", "label", "period", "measure", "unit", "mean", "p5", "p50", "p95"])];
  // Period, unit words in the export's language; ways and measures stay keys for scripts.
  const [total, countWord, rate] = headers(s, ["total", "count", "rate"]) as [string, string, string];
  const summaryRow = (way: string, label: string, period: string, measure: string, isAmount: boolean, v: { mean: number; p5: number; p50: number; p95: number }): CsvCell[] => [
    way,
    label,
    period,
    measure,
    isAmount ? unit : countWord,
    ...[v.mean, v.p5, v.p50, v.p95].map((x) => (isAmount ? amount(x, s) : count(x))),
  ];
  for (const w of result.ways) {
    for (const m of RECOVERY_AMOUNTS) rows.push(summaryRow(w.way, w.label, total, m, true, w.summary[m]));
    rows.push(summaryRow(w.way, w.label, total, "regularCareAfterHorizon", true, w.summary.regularCareAfterHorizon));
    rows.push(summaryRow(w.way, w.label, total, "monthsOpen", false, w.summary.monthsOpen));
    rows.push(summaryRow(w.way, w.label, total, "participantsLeft", false, w.summary.participantsLeft));
    rows.push([w.way, w.label, total, "closedRuns", countWord, count(w.closedRuns), "", "", ""]);
    for (const y of w.byYear) for (const m of RECOVERY_AMOUNTS) rows.push(summaryRow(w.way, w.label, String(y.year), m, true, y[m]));
    for (const c of w.closedByYear) rows.push([w.way, w.label, String(c.year), "closedRuns", countWord, count(c.runs), "", "", ""]);
  }
  // The break-even is against the structural subsidy: a rate, not money.
  const { avoidedPer100ParticipantYears: breakEven, assumed } = result.breakEven;
  const structural = result.ways.find((w) => w.way === "structural");
  if (structural) {
    rows.push(["structural", structural.label, total, "breakEvenAvoidedPer100ParticipantYears", rate, breakEven === null ? "" : decimalIn(s, breakEven), "", "", ""]);
    rows.push(["structural", structural.label, total, "assumedAvoidedPer100ParticipantYears", rate, decimalIn(s, assumed), "", "", ""]);
  }
  return write(rows, s);
}
