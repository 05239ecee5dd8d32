import type { Comparison } from "../metrics/compare.js";
import { FundingInputError } from "../errors.js";
import { summarise } from "../metrics/statistics.js";
import { MODEL_KIND_COLOURS, modelColours } from "./palette.js";

/**
 * Chart specifications of a comparison: Vega-Lite v6 specs as plain JSON objects, keyed by name
 * (`differences`, `perYear`, `perProvider`, `obligations`), and notes on what was left out and why.
 * Nothing is rendered here: hand a spec to vega-lite / vega-embed, or to a notebook's display.
 * @category Reports and charts
 */
export interface ChartSpecs {
  specs: Record<string, object>;
  notes: string[];
}

/**
 * The Vega-Lite schema every spec declares.
 * @category Reports and charts
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * Dutch number separators for Vega's number formatting (d3-format locale): `1.234.567,89`,
 * currency `€ 1.234`, and a plain hyphen for minus as {@link formatEuro} writes it.
 * @category Reports and charts
 */
export const DUTCH_NUMBER_LOCALE = {
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["€ ", ""],
  minus: "-",
} as const;

/** Whole euros with thousands separators; the locale above turns it into `1.234.567`. */
export const EURO_FORMAT = ",.0f";
/** Whole euros with the currency prefix, for tooltips: `€ 1.234.567`. */
export const EURO_TOOLTIP_FORMAT = "$,.0f";
/** Width and height of a chart's plot area, in pixels (the risk and sensitivity charts share them). */
export const WIDTH = 640;
export const HEIGHT = 320;

/**
 * Cents to euros for a chart. A chart's axis is not a ledger: the division by 100 may give a
 * binary fraction that is not exactly the cent amount (0.07 → 0.07000000000000001 after
 * arithmetic), which is harmless for drawing and formatting to whole euros. Exact amounts stay in
 * the comparison itself (integer cents) and in its table and CSV export.
 */
export const euros = (cents: number): number => cents / 100;

/**
 * Options of {@link comparisonCharts}.
 * @category Reports and charts
 */
export interface ComparisonChartOptions {
  /**
   * The label of the model the differences chart subtracts from every other (default: the first
   * model), e.g. the model a region pays by today.
   */
  readonly baseline?: string;
}

/**
 * Vega-Lite specs for a comparison's charts:
 *
 * - `differences`: per calendar year, what each model pays more (above zero) or less than the
 *   baseline model (`options.baseline`, default the first), with P5–P95 of the run-by-run
 *   difference when several seeds ran (the same caseloads under every model, so the range is the
 *   model's, not noise);
 * - `perYear`: paid per calendar year per model (grouped bars of the mean), with P5–P95 ranges
 *   (nearest rank, as {@link summarise}) when several seeds ran;
 * - `perProvider`: paid per provider per model, and the providers' margin when cost prices were given;
 * - `obligations`: open obligations (verplichtingen) at each year end and the horizon's end, per model.
 *
 * Models are coloured by kind ({@link MODEL_KIND_COLOURS}). Money is in euros (cents ÷ 100),
 * formatted with Dutch separators (`config.locale`). The specs are plain, serialisable and
 * deterministic: the same comparison gives deep-equal specs. Throws FundingInputError when
 * `options.baseline` names no model of the comparison.
 * @category Reports and charts
 */
export function comparisonCharts(comparison: Comparison, options: ComparisonChartOptions = {}): ChartSpecs {
  const notes: string[] = [];
  const specs: Record<string, object> = {};
  const differences = differencesChart(comparison, options.baseline);
  if (differences) specs["differences"] = differences;
  else notes.push("The differences chart is left out: it needs two models or more.");
  specs["perYear"] = perYearChart(comparison);
  specs["perProvider"] = perProviderChart(comparison, notes);
  specs["obligations"] = obligationsChart(comparison);
  return { specs, notes };
}

/** The Dutch number locale as a spec's `config` (fresh arrays: a spec is plain, unshared JSON). */
export function localeConfig(): Record<string, unknown> {
  return { locale: { number: { ...DUTCH_NUMBER_LOCALE, grouping: [...DUTCH_NUMBER_LOCALE.grouping], currency: [...DUTCH_NUMBER_LOCALE.currency] } } };
}

/**
 * Labels are never cut: a provider's or model's name is what the reader looks for (Vega cuts axis
 * labels at 180 px and legend labels at 160 px by default).
 */
export const NO_LABEL_LIMIT = { axis: { labelLimit: 1000, titleLimit: 1000 }, legend: { labelLimit: 1000, titleLimit: 1000 }, header: { labelLimit: 1000 } } as const;

/** The Dutch number locale and uncut labels as a spec's `config` (fresh objects: a spec is plain, unshared JSON). */
export function chartConfig(): Record<string, unknown> {
  return { ...localeConfig(), ...(JSON.parse(JSON.stringify(NO_LABEL_LIMIT)) as Record<string, unknown>) };
}

/** The parts every spec shares: schema, size, Dutch number locale, uncut labels. */
export function base(title: string, subtitle: string | null): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle === null ? { text: title } : { text: title, subtitle },
    width: WIDTH,
    height: HEIGHT,
    config: chartConfig(),
  };
}

/** Model labels in the comparison's order: the colour domain, so every chart colours a model alike. */
export function labels(comparison: Pick<Comparison, "models">): string[] {
  return comparison.models.map((m) => m.label);
}

/**
 * The colour channel of a chart with a `model` field: each model in its kind's colour
 * ({@link modelColours}), in the comparison's order; `only` keeps the legend to those models
 * (each keeps its colour).
 */
export function colour(comparison: Pick<Comparison, "models">, only?: readonly string[]): Record<string, unknown> {
  const all = labels(comparison);
  const colours = modelColours(comparison);
  const keep = all.map((l) => only === undefined || only.includes(l));
  const domain = all.filter((_, i) => keep[i]);
  return { field: "model", type: "nominal", title: "Model (bekostigingsvorm)", scale: { domain, range: colours.filter((_, i) => keep[i]) }, sort: domain };
}

/** A quantitative channel in whole euros with Dutch separators. */
export function euroAxis(title: string | null): Record<string, unknown> {
  return { type: "quantitative", title, axis: { format: EURO_FORMAT } };
}

/** A tooltip field in euros: `€ 1.234.567`. */
export function euroTooltip(field: string, title: string): Record<string, unknown> {
  return { field, type: "quantitative", title, format: EURO_TOOLTIP_FORMAT };
}

function runsSubtitle(comparison: Comparison): string | null {
  const n = comparison.seeds.length;
  return n > 1 ? `Mean over ${n} runs (seeds ${comparison.seeds[0]}–${comparison.seeds[n - 1]}); lines show P5–P95` : null;
}

function differencesChart(comparison: Comparison, baselineLabel: string | undefined): object | null {
  const baseline = baselineLabel === undefined ? comparison.models[0] : comparison.models.find((m) => m.label === baselineLabel);
  if (!baseline) {
    throw new FundingInputError("chart options", [
      { code: "invalid_value", path: ["baseline"], message: `comparisonCharts: baseline "${baselineLabel ?? ""}" is not a model of the comparison (${labels(comparison).join(", ")})` },
    ]);
  }
  const others = comparison.models.filter((m) => m !== baseline);
  if (others.length === 0) return null;
  const ranges = comparison.seeds.length > 1;
  const values = others.flatMap((m) =>
    m.mean.byYear.flatMap((row, k) => {
      const b = baseline.mean.byYear.find((r) => r.year === row.year);
      if (!b) return [];
      // Integer cents subtracted exactly, one conversion to euros after.
      const value: Record<string, number | string> = { model: m.label, year: String(row.year), difference: euros(row.paid - b.paid), paid: euros(row.paid), baseline: euros(b.paid) };
      if (ranges) {
        const bk = baseline.mean.byYear.indexOf(b);
        // Run by run on the same caseload (common random numbers): the spread of the difference itself.
        const s = summarise(m.runs.map((r, i) => (r.byYear[k]?.paid ?? 0) - (baseline.runs[i]?.byYear[bk]?.paid ?? 0)));
        value["p5"] = euros(s.p5);
        value["p95"] = euros(s.p95);
      }
      return [value];
    }),
  );
  const shown = others.map((m) => m.label);
  const x = { field: "year", type: "ordinal", title: "Year (jaar)", axis: { labelAngle: 0 } };
  const xOffset = { field: "model", type: "nominal", sort: shown };
  const tooltip = [
    { field: "model", type: "nominal", title: "Model" },
    { field: "year", type: "ordinal", title: "Year (jaar)" },
    euroTooltip("difference", `Minus ${baseline.label}`),
    euroTooltip("paid", "Paid"),
    euroTooltip("baseline", `Paid by ${baseline.label}`),
    ...(ranges ? [euroTooltip("p5", "P5 of the difference"), euroTooltip("p95", "P95 of the difference")] : []),
  ];
  const n = comparison.seeds.length;
  return {
    ...base(
      `Paid more or less than ${baseline.label}, per year (verschil per jaar)`,
      ranges ? `Bar: mean over ${n} runs of each model minus ${baseline.label}; line: P5–P95 of that difference` : `Each model minus ${baseline.label}; above zero: pays more`,
    ),
    data: { values },
    layer: [
      { mark: "bar", encoding: { x, xOffset, y: { field: "difference", ...euroAxis(`Difference (verschil, €)`) }, color: colour(comparison, shown), tooltip } },
      ...(ranges ? [{ mark: { type: "rule", color: "black", strokeWidth: 1.5 }, encoding: { x, xOffset, y: { field: "p5", type: "quantitative" }, y2: { field: "p95" }, tooltip } }] : []),
      { data: { values: [{}] }, mark: { type: "rule", color: "#222" }, encoding: { y: { datum: 0 } } },
    ],
  };
}

function perYearChart(comparison: Comparison): object {
  const ranges = comparison.seeds.length > 1;
  const values = comparison.models.flatMap((m) =>
    m.mean.byYear.map((row, k) => {
      const value: Record<string, number | string> = { model: m.label, year: String(row.year), paid: euros(row.paid) };
      if (ranges) {
        const s = summarise(m.runs.map((r) => r.byYear[k]?.paid ?? 0));
        value["p5"] = euros(s.p5);
        value["p95"] = euros(s.p95);
      }
      return value;
    }),
  );
  const tooltip = [
    { field: "model", type: "nominal", title: "Model" },
    { field: "year", type: "ordinal", title: "Year (jaar)" },
    euroTooltip("paid", ranges ? "Paid (mean)" : "Paid"),
    ...(ranges ? [euroTooltip("p5", "P5"), euroTooltip("p95", "P95")] : []),
  ];
  const encoding = {
    x: { field: "year", type: "ordinal", title: "Year (jaar)", axis: { labelAngle: 0 } },
    xOffset: { field: "model", type: "nominal", sort: labels(comparison) },
    color: colour(comparison),
    tooltip,
  };
  const y = { field: "paid", ...euroAxis(ranges ? "Paid, mean (betaald, €)" : "Paid (betaald, €)") };
  const chart = base("Paid per year per model (betaald per jaar)", runsSubtitle(comparison));
  if (!ranges) return { ...chart, data: { values }, mark: "bar", encoding: { ...encoding, y } };
  return {
    ...chart,
    data: { values },
    encoding,
    layer: [
      { mark: "bar", encoding: { y } },
      { mark: { type: "rule", color: "black", strokeWidth: 1.5 }, encoding: { y: { field: "p5", type: "quantitative" }, y2: { field: "p95" } } },
    ],
  };
}

function perProviderChart(comparison: Comparison, notes: string[]): object {
  const PAID = "Paid (betaald, €)";
  const MARGIN = "Margin (marge, €)";
  const withMargin = comparison.models.some((m) => m.mean.marginByProvider.some((r) => r.margin !== null));
  // Providers in order of first appearance: stable for a given comparison.
  const providers = [...new Set(comparison.models.flatMap((m) => m.mean.marginByProvider.map((r) => r.provider)))];
  const values: { model: string; provider: string; measure: string; euros: number }[] = [];
  for (const m of comparison.models) {
    for (const r of m.mean.marginByProvider) {
      values.push({ model: m.label, provider: r.provider, measure: PAID, euros: euros(r.paid) });
      if (withMargin && r.margin !== null) values.push({ model: m.label, provider: r.provider, measure: MARGIN, euros: euros(r.margin) });
    }
  }
  if (withMargin && providers.some((p) => p.startsWith("("))) {
    notes.push("Per provider: a budget paid to all providers together shows as its own row, so the margins of the providers it covers show their cost without that payment.");
  }
  const subtitle = comparison.seeds.length > 1 ? `Mean over ${comparison.seeds.length} runs` : null;
  return {
    ...base(withMargin ? "Paid and margin per provider (betaald en marge per aanbieder)" : "Paid per provider (betaald per aanbieder)", subtitle),
    // Bars across, providers down: a provider's name reads in full, on a phone too.
    height: { step: 9 }, // per bar (the offset band): a provider gets one bar per model
    data: { values },
    mark: "bar",
    encoding: {
      // One axis title per chart: with margins each row's header says what it measures, in €.
      y: { field: "provider", type: "nominal", title: withMargin ? null : "Provider (aanbieder)", sort: providers },
      yOffset: { field: "model", type: "nominal", sort: labels(comparison) },
      x: { field: "euros", ...euroAxis(withMargin ? null : PAID) },
      color: colour(comparison),
      // Paid and margin differ in size by an order of magnitude: one row each, each its own scale.
      ...(withMargin
        ? { row: { field: "measure", type: "nominal", title: null, sort: [PAID, MARGIN], header: { labelOrient: "top", labelAngle: 0, labelAnchor: "start", labelFontWeight: "bold", labelFontSize: 12 } } }
        : {}),
      tooltip: [
        { field: "model", type: "nominal", title: "Model" },
        { field: "provider", type: "nominal", title: "Provider (aanbieder)" },
        { field: "measure", type: "nominal", title: "Measure" },
        euroTooltip("euros", "Amount"),
      ],
    },
    ...(withMargin ? { resolve: { scale: { x: "independent" } } } : {}),
  };
}

function obligationsChart(comparison: Comparison): object {
  const values = comparison.models.flatMap((m) => m.mean.obligations.map((o) => ({ model: m.label, date: o.date, obligations: euros(o.cents) })));
  const dates = [...new Set(values.map((v) => v.date))];
  const subtitle = comparison.seeds.length > 1 ? `Mean over ${comparison.seeds.length} runs` : null;
  return {
    ...base("Open obligations at year end (openstaande verplichtingen)", subtitle),
    data: { values },
    mark: "bar",
    encoding: {
      x: { field: "date", type: "ordinal", title: "Year end (ultimo)", sort: dates, axis: { labelAngle: 0 } },
      xOffset: { field: "model", type: "nominal", sort: labels(comparison) },
      y: { field: "obligations", ...euroAxis("Open obligations (verplichtingen, €)") },
      color: colour(comparison),
      tooltip: [
        { field: "model", type: "nominal", title: "Model" },
        { field: "date", type: "ordinal", title: "Month (maand)" },
        euroTooltip("obligations", "Open obligations"),
      ],
    },
  };
}
