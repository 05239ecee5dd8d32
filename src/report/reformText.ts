import { formatEuro } from "../money/index.js";
import { REFORM_METRICS, type ReformMetric, type ReformsResult } from "../reforms/reformResult.js";
import { renderTable, type TableFormat } from "./textTable.js";
import { reportLabels } from "../locale/labels.js";
import type { ReportLocale } from "../locale/locale.js";

const NOTE: Readonly<Record<ReportLocale, string>> = {
  en: "Each reform is applied on top of the steps above it and shown as the change from the step before, run by run on the same seeds (mean, P5 – P95).",
  nl: "Elke hervorming komt boven op de stappen erboven en staat hier als de verandering ten opzichte van de stap ervoor, run voor run op dezelfde seeds (gemiddelde, P5 – P95).",
};

/**
 * Stacked reforms as a table: one row per step and metric, one column per model — the baseline's
 * mean, then each reform's mean change from the step before with its P5 – P95 over the runs. In
 * English unless `options.locale` is `nl`.
 * @category Reports and charts
 */
export function formatReforms(reforms: ReformsResult, format: TableFormat = "text", options: { readonly locale?: ReportLocale } = {}): string {
  const locale = options.locale ?? "en";
  // The labels every other table and CSV gives the metrics, so a reader meets one name for each.
  const labels = reportLabels(locale).metric;
  const base = reforms.steps[0]!.comparison;
  const money = (metric: ReformMetric, v: number): string => (metric === "clientsWaiting" ? String(v) : formatEuro(v, { decimals: false }));
  const signed = (metric: ReformMetric, v: number): string => (v > 0 ? `+${money(metric, v)}` : money(metric, v));
  const rows: string[][] = [];
  for (const metric of REFORM_METRICS) {
    if (!base.models.every((m) => m.mean[metric] !== null)) continue;
    rows.push([`${labels[metric]}: ${reforms.steps[0]!.name}`, ...base.models.map((m) => money(metric, m.mean[metric]!))]);
    reforms.steps.slice(1).forEach((step) => {
      rows.push([
        `  ${step.name}`,
        ...step.effects!.map((e) => {
          const s = e.effect[metric];
          if (!s) return "—";
          return base.seeds.length > 1 ? `${signed(metric, s.mean)} (${signed(metric, s.p5)} – ${signed(metric, s.p95)})` : signed(metric, s.mean);
        }),
      ]);
    });
  }
  const table = renderTable({ head: ["", ...base.models.map((m) => m.label)], rows }, format);
  const note = NOTE[locale];
  return `${table}\n\n${format === "md" ? `> ${note}` : note}`;
}
