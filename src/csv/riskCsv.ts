import type { Comparison } from "../metrics/compare.js";
import type { Summary } from "../metrics/statistics.js";
import type { RiskAllocation } from "../risk/riskAllocation.js";
import { amount, amountHeader, count, decimalIn, headers, style, write, type CsvExportOptions, type Style } from "./exportCsv.js";
import type { CsvCell } from "./stringifyCsv.js";

/** The period of a measure over the whole horizon, next to months (`2026-01`) and years (`2026`). */
export const RISK_CSV_HORIZON = "horizon";

type Unit = "amount" | "count" | "ratio";
interface Row {
  readonly model: string;
  readonly measure: string;
  readonly period: string;
  readonly subject: string;
  readonly unit: Unit;
  readonly value: number | string | null;
  readonly note: string;
}

/**
 * A comparison's risk measures as CSV in long form, one value per row: `model, measure, period,
 * subject, unit, value, note`. `period` is a month (`2026-01`), a year (`2026`) or `horizon`;
 * `subject` the provider or the other model a measure is about (else empty); `unit` is `euros`
 * (or `cents`), `count` or `ratio`; `note` says why a value is empty. Per model, in this order:
 *
 * - `paidPerMonth.mean|p5|p50|p95` per month;
 * - `budgetAtRisk`, `overshoot.mean|p5|p50|p95`, `runsOverBudget`, `shareOverBudget` per year (with a budget);
 * - `municipalityShare`, `providerShare` (ratios, 4 decimals), `sdCost`, `sdPayments`, `sdMargins` over the horizon and per year (with cost prices);
 * - `providerMargin.mean|p5|p50|p95`, `providerRunsWithLoss`, `providerShareWithLoss` per provider (with cost prices);
 * - `moreCostlyRuns`, `moreCostlyProbability` against every other model.
 *
 * Money is written from integer cents by string work, never through a float ({@link CsvExportOptions};
 * `dutch: true` for `;`, decimal commas and a byte order mark). Without risk (one run) only the header.
 * @category Reports and charts
 */
export function riskToCsv(comparison: Comparison, options: CsvExportOptions = {}): string {
  const s = style(options);
  const rows: CsvCell[][] = [headers(s, ["model", "measure", "period", "subject", "unit", "value", "note"])];
  for (const r of riskRows(comparison)) {
    const unit = r.unit === "amount" ? amountHeader(s) : s.words.csvTerm(r.unit);
    rows.push([r.model, r.measure, r.period, r.subject, unit, cell(r, s), r.note]);
  }
  return write(rows, s);
}

function cell(r: Row, s: Style): CsvCell {
  if (r.value === null) return "";
  if (r.unit === "amount") return amount(r.value as number, s);
  return typeof r.value === "string" ? decimalIn(s, r.value) : count(r.value);
}

function riskRows(comparison: Comparison): Row[] {
  const risk = comparison.risk;
  if (!risk) return [];
  const rows: Row[] = [];
  const summary = (model: string, measure: string, period: string, subject: string, x: Summary): void => {
    for (const k of ["mean", "p5", "p50", "p95"] as const) rows.push({ model, measure: `${measure}.${k}`, period, subject, unit: "amount", value: x[k], note: "" });
  };
  const allocation = (model: string, period: string, a: RiskAllocation): void => {
    const note = a.reason ?? "";
    rows.push(
      { model, measure: "municipalityShare", period, subject: "", unit: "ratio", value: a.municipalityShare, note },
      { model, measure: "providerShare", period, subject: "", unit: "ratio", value: a.providerShare, note },
      { model, measure: "sdCost", period, subject: "", unit: "amount", value: a.sdCost, note: "" },
      { model, measure: "sdPayments", period, subject: "", unit: "amount", value: a.sdPayments, note: "" },
      { model, measure: "sdMargins", period, subject: "", unit: "amount", value: a.sdMargins, note: "" },
    );
  };
  for (const m of risk.models) {
    for (const b of m.monthlyBands) summary(m.label, "paidPerMonth", b.month, "", b);
    for (const y of m.budgetAtRisk ?? []) {
      const period = String(y.year);
      rows.push({ model: m.label, measure: "budgetAtRisk", period, subject: "", unit: "amount", value: y.atRisk, note: "" });
      summary(m.label, "overshoot", period, "", y.overshoot);
      rows.push(
        { model: m.label, measure: "runsOverBudget", period, subject: "", unit: "count", value: y.runsOver, note: "" },
        { model: m.label, measure: "shareOverBudget", period, subject: "", unit: "ratio", value: y.shareOver, note: "" },
      );
    }
    if (m.allocation) {
      allocation(m.label, RISK_CSV_HORIZON, m.allocation.horizon);
      for (const y of m.allocation.byYear) allocation(m.label, String(y.year), y);
    }
    for (const p of m.providerMargins ?? []) {
      const note = p.margin === null ? "no margin in any run" : "";
      if (p.margin) summary(m.label, "providerMargin", RISK_CSV_HORIZON, p.provider, p.margin);
      rows.push(
        { model: m.label, measure: "providerRunsWithLoss", period: RISK_CSV_HORIZON, subject: p.provider, unit: "count", value: p.negativeRuns, note },
        { model: m.label, measure: "providerShareWithLoss", period: RISK_CSV_HORIZON, subject: p.provider, unit: "ratio", value: p.negativeShare, note },
      );
    }
    for (const c of risk.moreCostly.filter((x) => x.a === m.label)) {
      rows.push(
        { model: m.label, measure: "moreCostlyRuns", period: RISK_CSV_HORIZON, subject: c.b, unit: "count", value: c.count, note: "" },
        { model: m.label, measure: "moreCostlyProbability", period: RISK_CSV_HORIZON, subject: c.b, unit: "ratio", value: c.probability, note: "" },
      );
    }
  }
  return rows;
}
