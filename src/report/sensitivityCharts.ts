import { METRIC_LABELS } from "../metrics/metrics.js";
import type { Tornado } from "../sensitivity/tornado.js";
import { twoWayGrid, type TwoWayAxis, type TwoWayResult } from "../sensitivity/twoWay.js";
import { EURO_FORMAT, EURO_TOOLTIP_FORMAT, VEGA_LITE_SCHEMA, WIDTH, chartConfig, euros, type ChartSpecs } from "./charts.js";

/**
 * What a report shows of a sensitivity analysis: per model (its label) and metric, a tornado of
 * the one-way analysis and the grids of two-way analyses. Any object of this shape will do.
 * @category Reports and charts
 */
export interface SensitivityChartsInput {
  readonly tornadoes: readonly { readonly model: string; readonly metric: string; readonly tornado: Tornado }[];
  readonly twoWay: readonly { readonly model: string; readonly metric: string; readonly result: TwoWayResult }[];
}

/**
 * Options of {@link tornadoChart} and {@link twoWayChart}.
 * @category Reports and charts
 */
export interface SensitivityChartOptions {
  /** What the metric's values are: `cents` (default; shown in euros) or a `count`. */
  readonly unit?: "cents" | "count";
}

const LOW = "Parameter at its low value";
const HIGH = "Parameter at its high value";

/** A metric's name for an axis: its label in the comparison table when it has one. */
function metricLabel(metric: string): string {
  return (METRIC_LABELS as Record<string, string>)[metric] ?? metric;
}

/**
 * A parameter value for a label, Dutch style: up to two decimals at 1 or more (`1.234,5`, `66,5`),
 * three significant digits below 1 (`0,075`). A label, not an amount: parameters are plain numbers.
 */
export function formatParameter(value: number): string {
  const options: Intl.NumberFormatOptions = Math.abs(value) >= 1 || value === 0 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat("nl-NL", options).format(value).replace("−", "-");
}

/**
 * The charts of a sensitivity analysis, keyed `tornado1`, `tornado2`, …, `twoWay1`, …; a chart without data is left out with a note.
 * @category Reports and charts
 */
export function sensitivityCharts(analysis: SensitivityChartsInput): ChartSpecs {
  const specs: Record<string, object> = {};
  const notes: string[] = [];
  analysis.tornadoes.forEach((t, i) => {
    const spec = tornadoChart(t.tornado, `${t.model}: what moves ${metricLabel(t.metric).toLowerCase()}`, { unit: unitOf(t.metric) });
    if (spec) specs[`tornado${i + 1}`] = spec;
    else notes.push(`The tornado of ${t.model} (${t.metric}) is left out: the metric has no value in the base case or at the parameters' ends.`);
  });
  analysis.twoWay.forEach((w, i) => {
    const title = `${w.model}: ${metricLabel(w.metric).toLowerCase()} by ${w.result.a.label} and ${w.result.b.label}`;
    const spec = twoWayChart(w.result, w.metric, title, { unit: unitOf(w.metric) });
    if (spec) specs[`twoWay${i + 1}`] = spec;
    else notes.push(`The two-way grid of ${w.model} (${w.metric}) is left out: the metric has no value in any cell.`);
  });
  return { specs, notes };
}

/** Counts are the metrics that count something; every other metric a sensitivity reports is cents. */
function unitOf(metric: string): "cents" | "count" {
  return ["clientsWaiting", "clientMonthsWaiting", "clients", "closedTrajectories", "achievedResults", "paymentLines", "messages", "ceilingsReached", "consultationSignals"].includes(metric)
    ? "count"
    : "cents";
}

/**
 * A tornado chart: per parameter, ranked by swing (largest on top, as `tornado` ranks them), a
 * bar from the base value to the metric with the parameter at its low value and one to the metric
 * at its high value, every other parameter at its centre; a vertical rule at the base. Each
 * parameter's label gives its low and high value. A parameter whose metric is null at an end has
 * no bar on that side. Null when the base is null or no parameter has a value at either end.
 * @category Reports and charts
 */
export function tornadoChart(tornado: Tornado, title: string, options: SensitivityChartOptions = {}): object | null {
  if (tornado.base === null) return null;
  const money = (options.unit ?? "cents") === "cents";
  const value = (v: number): number => (money ? euros(v) : v);
  const base = value(tornado.base);
  const parameters: string[] = [];
  const values: Record<string, string | number | null>[] = [];
  for (const r of tornado.rows) {
    const parameter = `${r.label} (${formatParameter(r.lowValue)} – ${formatParameter(r.highValue)})`;
    const ends = [
      { side: LOW, at: r.atLow, parameterValue: r.lowValue },
      { side: HIGH, at: r.atHigh, parameterValue: r.highValue },
    ].filter((e): e is { side: string; at: number; parameterValue: number } => e.at !== null);
    if (ends.length === 0) continue;
    parameters.push(parameter);
    for (const e of ends) {
      values.push({
        parameter,
        key: r.key,
        side: e.side,
        parameterValue: e.parameterValue,
        value: value(e.at),
        base,
        change: value(e.at - tornado.base),
        swing: r.swing === null ? null : value(r.swing),
      });
    }
  }
  if (values.length === 0) return null;
  const format = money ? EURO_FORMAT : ",.0f";
  const tooltipFormat = money ? EURO_TOOLTIP_FORMAT : ",.0f";
  const axisTitle = `${metricLabel(tornado.metric)}${money ? " (€)" : ""}`;
  const y = { field: "parameter", type: "nominal", title: null, sort: parameters };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: `Base ${money ? "€ " : ""}${new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 }).format(base)}; each parameter from its low to its high value, the others at their centre` },
    description:
      "One-way sensitivity: each bar shows how far the metric moves from the base case (the vertical line) when one parameter goes to its low or its high value and every other parameter stays at its centre. " +
      "Parameters are ranked by swing (high − low), the largest on top: those are the assumptions the result depends on most. The values in brackets are the parameter's low and high values.",
    width: WIDTH - 200,
    height: Math.max(80, parameters.length * 26),
    config: chartConfig(),
    data: { values },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y,
          x: { field: "value", type: "quantitative", title: axisTitle, axis: { format }, scale: { zero: false } },
          x2: { field: "base" },
          color: { field: "side", type: "nominal", title: null, scale: { domain: [LOW, HIGH], range: ["#5f8dd3", "#e07b39"] }, legend: { orient: "top" } },
          tooltip: [
            { field: "parameter", type: "nominal", title: "Parameter" },
            { field: "side", type: "nominal", title: "End" },
            { field: "parameterValue", type: "quantitative", title: "Parameter value" },
            { field: "value", type: "quantitative", title: metricLabel(tornado.metric), format: tooltipFormat },
            { field: "change", type: "quantitative", title: "Change from base", format: tooltipFormat },
            { field: "swing", type: "quantitative", title: "Swing (high − low)", format: tooltipFormat },
          ],
        },
      },
      { data: { values: [{ base }] }, mark: { type: "rule", color: "#222", strokeWidth: 1.5 }, encoding: { x: { field: "base", type: "quantitative" } } },
    ],
  };
}

/** An axis label per value of a two-way axis: the value and its percentile, `66,5 (P27,5)`. */
function axisLabels(axis: TwoWayAxis): string[] {
  return axis.values.map((v, i) => `${formatParameter(v)} (P${formatParameter(axis.percentiles[i]!)})`);
}

/**
 * A two-way sensitivity grid as a heatmap: rows are parameter A's values (its highest on top),
 * columns parameter B's, each cell coloured by the metric with A and B at those values and every
 * other parameter at its centre, its value written in the cell. A cell whose metric is null is
 * grey and says n/a. Null when every cell is null.
 * @category Reports and charts
 */
export function twoWayChart(result: TwoWayResult, metric: string, title: string, options: SensitivityChartOptions = {}): object | null {
  const grid = twoWayGrid(result, metric);
  const money = (options.unit ?? "cents") === "cents";
  const aLabels = axisLabels(result.a);
  const bLabels = axisLabels(result.b);
  const values: Record<string, string | number | null>[] = [];
  grid.forEach((row, i) =>
    row.forEach((v, j) => {
      values.push({ a: aLabels[i]!, b: bLabels[j]!, aValue: result.a.values[i]!, bValue: result.b.values[j]!, value: v === null ? null : money ? euros(v) : v });
    }),
  );
  const numbers = values.flatMap((v) => (typeof v["value"] === "number" ? [v["value"]] : []));
  if (numbers.length === 0) return null;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  // Dark cells get white text: above the middle of the colour scale.
  const middle = (min + max) / 2;
  const format = money ? EURO_TOOLTIP_FORMAT : ",.0f";
  const x = { field: "b", type: "ordinal", title: result.b.label, sort: bLabels, axis: { labelAngle: 0 } };
  const y = { field: "a", type: "ordinal", title: result.a.label, sort: [...aLabels].reverse() };
  const columns = bLabels.length;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: `${metricLabel(metric)} with ${result.a.label} and ${result.b.label} at their percentiles, every other parameter at its centre` },
    description:
      "Two-way sensitivity: every cell is the metric with the two parameters at the values on its row and column (percentiles of their distributions) and every other parameter at its centre. " +
      "Darker is higher. Where the colour changes along one axis only, that parameter dominates; a diagonal gradient means both matter, and their combination is what to test.",
    width: Math.max(320, Math.min(WIDTH, columns * 120)),
    height: Math.max(160, aLabels.length * 44),
    config: chartConfig(),
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: {
            condition: { test: "!isValid(datum.value)", value: "#ddd" },
            field: "value",
            type: "quantitative",
            title: `${metricLabel(metric)}${money ? " (€)" : ""}`,
            scale: { scheme: "blues", domain: [min, max] },
            legend: { format: money ? EURO_FORMAT : ",.0f" },
          },
          tooltip: [
            { field: "a", type: "ordinal", title: result.a.label },
            { field: "b", type: "ordinal", title: result.b.label },
            { field: "value", type: "quantitative", title: metricLabel(metric), format },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          text: { condition: { test: "!isValid(datum.value)", value: "n/a" }, field: "value", type: "quantitative", format },
          color: { condition: { test: `isValid(datum.value) && datum.value > ${middle}`, value: "white" }, value: "#222" },
        },
      },
    ],
  };
}
