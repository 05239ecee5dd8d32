import { trajectoryRecord, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS } from "../caseload/codes.js";
import { NO_TRAJECTORY, LINE_KINDS } from "../ledger/lineKind.js";
import { municipalityLabel, providerLabel, type Ledger } from "../ledger/ledger.js";
import { SUMMARISED_METRICS, type Comparison } from "../metrics/compare.js";
import type { Metrics } from "../metrics/metrics.js";
import { reportLabels, type LabelledMetric, type ReportLabels } from "../locale/labels.js";
import type { ReportLocale } from "../locale/locale.js";
import type { Cents } from "../money/cents.js";
import { formatMonth, yearOf } from "../period.js";
import type { Breakdown } from "../projection/breakdown.js";
import { TRAJECTORY_CSV_FIELDS, USE_CSV_FIELDS, type CsvDelimiter } from "./caseloadCsv.js";
import { CsvLines, guardCsvText, NumberCell, numberCell, type CsvCell } from "./stringifyCsv.js";

/**
 * How CSV is written. The default is plain CSV: `,` between fields, amounts in euros with a
 * decimal point and exactly two decimals (`1234.56`, `-0.05`). `dutch: true` is what Dutch Excel
 * expects when it opens a file: `;` between fields, a decimal comma (`1234,56`) and a UTF-8 byte
 * order mark, so `cliëntenstop` is not shown as `cliÃ«ntenstop`, and Dutch headers, labels and unit
 * words (`maand`, `aanbieder`, `euro`). Each can be set on its own. Keys meant for scripts (the
 * `metric` column's `paid.2026`, line kinds, codes) are the same in every language.
 * @category Reports and charts
 */
export interface CsvExportOptions {
  /** Dutch Excel style: `;`, decimal comma, byte order mark (each overridable below). Default false. */
  readonly dutch?: boolean;
  /** Field delimiter; default `;` when `dutch`, else `,`. */
  readonly delimiter?: CsvDelimiter;
  /**
   * Amounts as `euros` (default: exactly two decimals, made from the integer cents by string work,
   * never through a float) or as integer `cents`.
   */
  readonly amounts?: "euros" | "cents";
  /** Start with a UTF-8 byte order mark; default true when `dutch`, else false. */
  readonly bom?: boolean;
  /** Language of headers, labels and unit words; default `nl` when `dutch`, else `en`. */
  readonly locale?: ReportLocale;
}

/** The options of {@link CsvExportOptions} with their defaults resolved. */
export interface Style {
  readonly delimiter: CsvDelimiter;
  readonly decimal: "." | ",";
  readonly amounts: "euros" | "cents";
  readonly bom: boolean;
  readonly words: ReportLabels;
}

export function style(o: CsvExportOptions = {}): Style {
  const dutch = o.dutch === true;
  return { delimiter: o.delimiter ?? (dutch ? ";" : ","), decimal: dutch ? "," : ".", amounts: o.amounts ?? "euros", bom: o.bom ?? dutch, words: reportLabels(o.locale ?? (dutch ? "nl" : "en")) };
}

/**
 * The rows as CSV text in the style: numbers ({@link NumberCell}) as they are, every text cell
 * guarded against spreadsheet formulas ({@link guardCsvText}: `=cmd` → `'=cmd`).
 */
export function write(rows: readonly (readonly CsvCell[])[], s: Style): string {
  const out = exportLines(s);
  for (const row of rows) out.add(row);
  return out.text();
}

/** {@link write} a row at a time (for exports of millions of rows). */
function exportLines(s: Style): { add(row: readonly CsvCell[]): void; text(): string } {
  const lines = new CsvLines(s.delimiter, s.bom);
  return {
    add: (row) => lines.add(row.map((cell) => (cell instanceof NumberCell ? cell.text : guardCsvText(cell)))),
    text: () => lines.text(),
  };
}

/**
 * An amount of cents as a CSV cell: euros with exactly two decimals (`123456` → `1234.56`, or
 * `1234,56` with `decimal: ","`; `-5` → `-0.05`), or the integer cents with `amounts: "cents"`.
 * Pure string work on the integer, so it is exact for every safe amount. No thousands separators:
 * spreadsheets read the number as it is.
 * @category Reports and charts
 */
export function formatCsvAmount(cents: Cents, options: { readonly amounts?: "euros" | "cents"; readonly decimal?: "." | "," } = {}): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatCsvAmount: ${cents} is not a whole number of cents within ±2^53`);
  if (options.amounts === "cents") return String(cents === 0 ? 0 : cents);
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}${options.decimal ?? "."}${digits.slice(-2)}`;
}

/** A decimal number (a percentage, a ratio) written with the style's decimal separator. */
export const decimalIn = (s: Style, v: string | number): NumberCell => numberCell(s.decimal === "," ? String(v).replace(".", ",") : String(v));
/** Header of an amount column: `euros` or `cents` (in the style's language). */
export const amountHeader = (s: Style): string => s.words.csvTerm(s.amounts === "cents" ? "cents" : "euros");
/** A row of headers in the style's language. */
export const headers = (s: Style, names: readonly string[]): string[] => names.map((n) => s.words.csvTerm(n));
export const amount = (cents: Cents, s: Style): NumberCell => numberCell(formatCsvAmount(cents, { amounts: s.amounts, decimal: s.decimal }));
/** A count or other plain number as a cell. */
export const count = (n: number): NumberCell => numberCell(String(n));

/**
 * The ledger as CSV, one row per payment line: `month, incurred, municipality, provider,
 * trajectory, profile, careForm, kind, euros` (or `cents`). Lump sums have an empty trajectory,
 * profile and care form; `(whole region)` and `(all providers)` mark lines paid for all.
 * @category Reports and charts
 */
export function ledgerToCsv(ledger: Ledger, caseload: Caseload, options: CsvExportOptions = {}): string {
  const s = style(options);
  const rows: CsvCell[][] = [[...headers(s, ["month", "incurred", "municipality", "provider", "trajectory", "profile", "careForm", "kind"]), amountHeader(s)]];
  for (let i = 0; i < ledger.length; i++) {
    const t = ledger.trajectory[i]!;
    const per = t !== NO_TRAJECTORY;
    rows.push([
      formatMonth(ledger.month[i]!),
      formatMonth(ledger.incurred[i]!),
      municipalityLabel(caseload, ledger.municipality[i]!),
      providerLabel(caseload, ledger.provider[i]!),
      per ? caseload.ids[t]! : "",
      per ? caseload.profiles[caseload.profile[t]!]! : "",
      per ? CARE_FORMS[caseload.careForm[t]!]! : "",
      LINE_KINDS[ledger.kind[i]!]!,
      amount(ledger.cents[i]!, s),
    ]);
  }
  return write(rows, s);
}

/**
 * Options of {@link breakdownToCsv}.
 * @category Reports and charts
 */
export interface BreakdownCsvOptions extends CsvExportOptions {
  /** Header of the first column, e.g. `provider`; default `key`. */
  readonly keyHeader?: string;
  /** One column per `month` of the horizon (default) or per calendar `year`. */
  readonly by?: "month" | "year";
}

/**
 * A breakdown (e.g. `projection.byProvider`) as CSV: one row per key, one column per month
 * (`2026-01`, …) or per year, then `total`; a last row `(total)` sums each column. Amounts in
 * euros or cents as {@link CsvExportOptions} says.
 * @category Reports and charts
 */
export function breakdownToCsv(breakdown: Breakdown, options: BreakdownCsvOptions = {}): string {
  const s = style(options);
  const months = breakdown.horizon.months;
  // Column of each month: the month itself or its year.
  const labels: string[] = [];
  const columnOf: number[] = [];
  for (let i = 0; i < months; i++) {
    const m = breakdown.horizon.start + i;
    const label = options.by === "year" ? String(yearOf(m)) : formatMonth(m);
    if (labels[labels.length - 1] !== label) labels.push(label);
    columnOf.push(labels.length - 1);
  }
  const columnTotals = new Array<number>(labels.length).fill(0);
  let grand = 0;
  const rows: CsvCell[][] = [[options.keyHeader ?? s.words.csvTerm("key"), ...labels, s.words.csvTerm("total")]];
  breakdown.keys.forEach((key, r) => {
    const cells = new Array<number>(labels.length).fill(0);
    for (let i = 0; i < months; i++) cells[columnOf[i]!]! += breakdown.cents[r * months + i]!;
    const total = cells.reduce((a, b) => a + b, 0);
    cells.forEach((c, j) => (columnTotals[j]! += c));
    grand += total;
    rows.push([key, ...cells.map((c) => amount(c, s)), amount(total, s)]);
  });
  rows.push([s.words.csvTerm("(total)"), ...columnTotals.map((c) => amount(c, s)), amount(grand, s)]);
  return write(rows, s);
}

/** What a comparison row holds: an amount, a count, a percentage or a ratio. */
type Cell =
  | { readonly unit: "amount"; readonly value: Cents | null }
  | { readonly unit: "count"; readonly value: number | null }
  | { readonly unit: "percent"; readonly value: string | null }
  | { readonly unit: "ratio"; readonly value: string | null };

interface MetricRow {
  readonly metric: string;
  readonly label: string;
  readonly unit: Cell["unit"];
  readonly cell: (m: Metrics, model: Comparison["models"][number]) => Cell["value"];
}

type Scalar = { [K in LabelledMetric]: Metrics[K] extends number | string | null ? K : never }[LabelledMetric];

/** Every metric row of a comparison, in the order of the text table, then the rest. */
function metricRows(comparison: Comparison, words: ReportLabels): MetricRow[] {
  // The row of a single-valued metric: its key, its label and its value as it is.
  const scalar = (metric: Scalar, unit: MetricRow["unit"]): MetricRow => ({ metric, label: words.metric[metric], unit, cell: (m) => m[metric] });
  const models = comparison.models;
  const union = <T>(pick: (m: Metrics) => readonly T[]): T[] => [...new Set(models.flatMap((x) => pick(x.mean)))];
  const years = union((m) => m.byYear.map((y) => y.year));
  const withBudget = models.some((x) => x.mean.byYear.some((y) => y.budget !== null));
  const dates = union((m) => m.obligations.map((o) => o.date));
  const providers = union((m) => m.marginByProvider.map((p) => p.provider));
  const measures = union((m) => m.modelMeasures.map((x) => `${x.name}\u0000${x.unit}`)).map((k) => {
    const [name, unit] = k.split("\u0000") as [string, "cents" | "percent" | "count"];
    return { name, unit };
  });
  const year = (m: Metrics, y: number) => m.byYear.find((r) => r.year === y);
  const provider = (m: Metrics, p: string) => m.marginByProvider.find((r) => r.provider === p);
  const rows: MetricRow[] = [
    scalar("totalPaid", "amount"),
    ...years.map((y): MetricRow => ({ metric: `paid.${y}`, label: words.paidIn(y), unit: "amount", cell: (m) => year(m, y)?.paid ?? null })),
    ...(withBudget
      ? years.flatMap((y): MetricRow[] => [
          { metric: `budget.${y}`, label: words.budgetIn(y), unit: "amount", cell: (m) => year(m, y)?.budget ?? null },
          { metric: `deviation.${y}`, label: words.deviationIn(y), unit: "amount", cell: (m) => year(m, y)?.deviation ?? null },
        ])
      : []),
    scalar("perClient", "amount"),
    scalar("perClosedTrajectory", "amount"),
    scalar("perAchievedResult", "amount"),
    scalar("clients", "count"),
    scalar("closedTrajectories", "count"),
    scalar("achievedResults", "count"),
    scalar("budgetDeviation", "amount"),
    scalar("providerCost", "amount"),
    scalar("providerMargin", "amount"),
    scalar("providerMarginPercent", "percent"),
    ...providers.flatMap((p): MetricRow[] => [
      { metric: `paid.provider.${p}`, label: words.paidTo(p), unit: "amount", cell: (m) => provider(m, p)?.paid ?? null },
      { metric: `cost.provider.${p}`, label: words.costOf(p), unit: "amount", cell: (m) => provider(m, p)?.cost ?? null },
      { metric: `margin.provider.${p}`, label: words.marginOf(p), unit: "amount", cell: (m) => provider(m, p)?.margin ?? null },
    ]),
    ...dates.map((d): MetricRow => ({
      metric: `obligations.${d}`,
      label: words.obligationsOpen(d),
      unit: "amount",
      cell: (m) => m.obligations.find((o) => o.date === d)?.cents ?? null,
    })),
    scalar("dueAfterHorizon", "amount"),
    { metric: "monthlyVariation", label: words.metric.monthlyVariation, unit: "ratio", cell: (m) => m.monthlyVariation.toFixed(4) },
    scalar("paymentLines", "count"),
    scalar("messages", "count"),
    scalar("clientsWaiting", "count"),
    scalar("clientMonthsWaiting", "count"),
    scalar("consultationSignals", "count"),
    scalar("ceilingsReached", "count"),
    ...measures.map(({ name, unit }): MetricRow => {
      const find = (m: Metrics) => m.modelMeasures.find((x) => x.name === name && x.unit === unit)?.value ?? null;
      const label = words.measure(name);
      return unit === "cents"
        ? { metric: `measure.${name}`, label, unit: "amount", cell: find }
        : unit === "percent"
          ? { metric: `measure.${name}`, label, unit: "percent", cell: (m) => find(m)?.toFixed(2) ?? null }
          : { metric: `measure.${name}`, label, unit: "count", cell: find };
    }),
  ];
  if (comparison.seeds.length > 1) {
    for (const k of SUMMARISED_METRICS) {
      for (const p of ["p5", "p50", "p95"] as const) {
        rows.push({
          metric: `${k}.${p}`,
          label: words.percentile(words.metric[k], p.toUpperCase() as "P5" | "P50" | "P95", comparison.seeds.length),
          unit: "amount",
          cell: (_, model) => model.summary[k]?.[p] ?? null,
        });
      }
    }
  }
  return rows;
}

/**
 * A comparison as CSV: one row per metric, one column per model — everything the text table
 * shows and more: paid, budget and deviation per year, counts, margins (overall and per provider),
 * open obligations at each date, administrative burden, model-specific measures and, after
 * several runs, P5 / P50 / P95 of each amount. Columns: `metric` (a stable key such as
 * `paid.2026` or `obligations.2026-12`), `label`, `unit` (`euros` or `cents`, `count`,
 * `percent`, `ratio`), then the models by label. Cells hold each model's mean over the runs; a
 * metric a model lacks (no cost prices, no budget) is empty.
 * @category Reports and charts
 */
export function comparisonToCsv(comparison: Comparison, options: CsvExportOptions = {}): string {
  const s = style(options);

  const rows: CsvCell[][] = [[...headers(s, ["metric", "label", "unit"]), ...comparison.models.map((m) => m.label)]];
  for (const r of metricRows(comparison, s.words)) {
    const unit = r.unit === "amount" ? amountHeader(s) : s.words.csvTerm(r.unit);
    rows.push([
      r.metric,
      r.label,
      unit,
      ...comparison.models.map((model) => {
        const v = r.cell(model.mean, model);
        if (v === null) return "";
        if (r.unit === "amount") return amount(v as number, s);
        return typeof v === "string" ? decimalIn(s, v) : count(v);
      }),
    ]);
  }
  return write(rows, s);
}

/**
 * A caseload as the two CSV texts {@link caseloadFromCsv} reads, and the window to read them with.
 * @category Reports and charts
 */
export interface CaseloadCsv {
  /** One row per trajectory: `id, client, municipality, …, outcome, ageGroup, targetGroup, use`. */
  readonly trajectories: string;
  /** One row per trajectory-month of use (`id, month, use`) for trajectories whose use varies. */
  readonly use: string;
  /** The caseload's window: pass it as `window` when importing. */
  readonly window: { readonly start: string; readonly months: number };
}

/**
 * The inverse of `caseloadFromCsv`: a caseload as a trajectories CSV and a use CSV, with the
 * default headers (the field names), so `caseloadFromCsv(trajectories, { window, useCsv: use })`
 * gives back the same records (`toRecords`). A trajectory whose use is the same in every month in
 * the window has it in its `use` cell; otherwise the cell is empty and the use CSV has a row for
 * every month in care inside the window (zeros included). An open end is an empty cell. Client
 * numbers are written as `toRecords` gives them; on import they are renumbered in order of first
 * appearance, so which trajectories share a client is kept, not the numbers themselves.
 * Options: delimiter and byte order mark as in {@link CsvExportOptions} (there are no amounts).
 * @category Reports and charts
 */
export function recordsToCsv(caseload: Caseload, options: Omit<CsvExportOptions, "amounts"> = {}): CaseloadCsv {
  const s = style(options);
  const trajectories = exportLines(s);
  trajectories.add(TRAJECTORY_CSV_FIELDS);
  const use = exportLines(s);
  use.add(USE_CSV_FIELDS);
  const first = caseload.window.start;
  // One record at a time: a caseload of a million trajectories is not held twice as objects.
  for (let t = 0; t < caseload.size; t++) {
    const r = trajectoryRecord(caseload, t);
    const constant = r.use.length > 0 && r.use.every((v) => v === r.use[0]);
    trajectories.add([
      r.id,
      r.client,
      r.municipality,
      r.provider,
      r.profile,
      r.intensity,
      r.careForm,
      r.unit,
      r.start,
      r.end ?? "",
      r.outcome,
      r.ageGroup,
      r.targetGroup,
      constant ? count(r.use[0]!) : "",
    ]);
    if (!constant) {
      const from = Math.max(first, caseload.start[t]!);
      r.use.forEach((v, k) => use.add([r.id, formatMonth(from + k), count(v)]));
    }
  }
  return {
    trajectories: trajectories.text(),
    use: use.text(),
    window: { start: formatMonth(caseload.window.start), months: caseload.window.months },
  };
}
