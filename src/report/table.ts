import { formatEuro } from "../money/index.js";
import type { Comparison, ModelComparison } from "../metrics/compare.js";
import type { Metrics } from "../metrics/metrics.js";
import { reportLabels, type ReportLabels } from "../locale/labels.js";
import type { ReportLocale } from "../locale/locale.js";
import { renderTable } from "./textTable.js";

/**
 * Options of the comparison table functions.
 * @category Reports and charts
 */
export interface TableOptions {
  /** The language of the labels and notes: `en` (default) or `nl` (the command line's default). */
  readonly locale?: ReportLocale;
}

/** A row of the comparison table: a label and a function producing each model's cell. */
interface RowSpec {
  readonly label: string;
  readonly cell: (m: Metrics, model: ModelComparison) => string;
}

const euro = (c: number | null): string => (c === null ? "—" : formatEuro(c, { decimals: false }));
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** The rows every comparison shows, in reading order: money, then risk, then burden. */
function rows(comparison: Comparison, words: ReportLabels): RowSpec[] {
  const L = words.metric;
  const sub = (label: string): string => `  ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  const first = comparison.models[0]!.mean;
  const years = first.byYear.map((y) => y.year);
  const out: RowSpec[] = [
    { label: L.totalPaid, cell: (m) => euro(m.totalPaid) },
    ...(comparison.seeds.length > 1
      ? [
          {
            label: words.spread(comparison.seeds.length),
            cell: (_: Metrics, model: ModelComparison) => {
              const t = model.summary.totalPaid;
              return t ? `${euro(t.p5)} – ${euro(t.p95)}` : "—";
            },
          },
        ]
      : []),
    ...years.map((year) => ({ label: sub(words.paidIn(year)), cell: (m: Metrics) => euro(m.byYear.find((y) => y.year === year)?.paid ?? 0) })),
    { label: L.perClient, cell: (m) => euro(m.perClient) },
    { label: L.perClosedTrajectory, cell: (m) => euro(m.perClosedTrajectory) },
    { label: L.perAchievedResult, cell: (m) => euro(m.perAchievedResult) },
  ];
  if (first.budgetDeviation !== null) out.push({ label: L.budgetDeviation, cell: (m) => euro(m.budgetDeviation) });
  if (first.providerCost !== null) {
    out.push(
      { label: L.providerCost, cell: (m) => euro(m.providerCost) },
      { label: L.providerMargin, cell: (m) => `${euro(m.providerMargin)} (${(m.providerMarginPercent ?? "—").replace(".", ",")} %)` },
    );
  }
  out.push(
    ...first.obligations.map((o, k) => ({ label: words.obligationsOpen(o.date), cell: (m: Metrics) => euro(m.obligations[k]?.cents ?? null) })),
    { label: L.monthlyVariation, cell: (m) => m.monthlyVariation.toFixed(3).replace(".", ",") },
    { label: L.paymentLines, cell: (m) => count(m.paymentLines) },
    { label: L.messages, cell: (m) => count(m.messages) },
    { label: L.clientsWaiting, cell: (m) => count(m.clientsWaiting) },
    { label: L.ceilingsReached, cell: (m) => count(m.ceilingsReached) },
  );
  // Model-specific measures: one row per name, "—" for models without it.
  const measureNames = [...new Set(comparison.models.flatMap((m) => m.mean.modelMeasures.map((x) => x.name)))];
  for (const name of measureNames) {
    out.push({
      label: words.measure(name),
      cell: (m) => {
        const x = m.modelMeasures.find((y) => y.name === name);
        if (!x) return "—";
        return x.unit === "cents" ? formatEuro(x.value) : x.unit === "percent" ? `${x.value.toFixed(2).replace(".", ",")} %` : count(x.value);
      },
    });
  }
  return out;
}

/**
 * The comparison as rows of cells: a header (the model labels) and one row per measure.
 * @category Reports and charts
 */
export function comparisonCells(comparison: Comparison, options: TableOptions = {}): { header: string[]; body: string[][] } {
  const header = ["", ...comparison.models.map((m) => m.label)];
  const body = rows(comparison, reportLabels(options.locale)).map((s) => [s.label, ...comparison.models.map((m) => s.cell(m.mean, m))]);
  return { header, body };
}

/**
 * Renders a comparison as a plain-text table, one column per model, money as Dutch euros
 * (`€ 1.234.567`). With several runs every cell is the mean over the runs, and a row gives the
 * P5–P95 range of the total paid. Warnings follow the table as notes. Labels in English, or in
 * Dutch with `locale: "nl"`.
 * @example
 * ```ts
 * import { caseloadFromRecords, compare, formatComparison } from "jeugdhulp-bekostiging";
 *
 * const caseload = caseloadFromRecords(
 *   [
 *     { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
 *     { id: "t2", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
 *   ],
 *   { window: { start: "2025-12", months: 13 } }, // from December: January pays December's care
 * );
 * const models = [
 *   { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
 *   { kind: "task", budgets: [{ perYear: "60000.00" }] },
 * ] as const;
 * console.log(formatComparison(compare(caseload, models, { horizon: { start: "2026-01", months: 12 } })));
 * // →                                Inspanningsgericht (p×q)  Taakgericht (lumpsum)
 * //   Total paid                                     € 52.080               € 60.000
 * //   …
 * ```
 * @category Reports and charts
 */
export function formatComparison(comparison: Comparison, options: TableOptions = {}): string {
  const { header, body } = comparisonCells(comparison, options);
  const locale = options.locale ?? "en";
  const note = reportLabels(locale).note;
  const notes = comparison.notices.map((n) => `\n${note}: ${n[locale]}`);
  return [renderTable({ head: header, rows: body }, "text"), ...notes].join("\n");
}

/**
 * The same comparison as a Markdown table (for reports, issues and notebooks), notes below it.
 * @category Reports and charts
 */
export function comparisonToMarkdown(comparison: Comparison, options: TableOptions = {}): string {
  const { header, body } = comparisonCells(comparison, options);
  const notes = comparison.notices.map((n) => `\n> ${n[options.locale ?? "en"]}`);
  return [renderTable({ head: header, rows: body }, "md"), ...notes].join("\n");
}
