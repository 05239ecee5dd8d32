import type { Comparison, ModelComparison } from "../metrics/compare.js";
import { monthlyTotals } from "../metrics/metrics.js";
import { summarise } from "../metrics/statistics.js";
import { formatMonth } from "../period.js";

/**
 * Chart specifications of a comparison: Vega-Lite v6 specs as plain JSON objects, keyed by name
 * (`cumulative`, `perYear`, `perProvider`, `obligations`), and notes on what was left out and why.
 * Nothing is rendered here: hand a spec to vega-lite / vega-embed, or to a notebook's display.
 */
export interface ChartSpecs {
  specs: Record<string, object>;
  notes: string[];
}

/** The Vega-Lite schema every spec declares. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * Dutch number separators for Vega's number formatting (d3-format locale): `1.234.567,89`,
 * currency `€ 1.234`, and a plain hyphen for minus as {@link formatEuro} writes it.
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
 * Vega-Lite specs for a comparison's charts:
 *
 * - `cumulative`: cumulative paid per model over the months of the horizon (a line per model),
 *   from the first run's projections — only when `compare` ran with `keepProjections: true`;
 *   otherwise the chart is left out and `notes` says so;
 * - `perYear`: paid per calendar year per model (grouped bars of the mean), with P5–P95 ranges
 *   (nearest rank, as {@link summarise}) when several seeds ran;
 * - `perProvider`: paid per provider per model, and the providers' margin when cost prices were given;
 * - `obligations`: open obligations (verplichtingen) at each year end and the horizon's end, per model.
 *
 * Money is in euros (cents ÷ 100), formatted with Dutch separators (`config.locale`). The specs
 * are plain, serialisable and deterministic: the same comparison gives deep-equal specs.
 */
export function comparisonCharts(comparison: Comparison): ChartSpecs {
  const notes: string[] = [];
  const specs: Record<string, object> = {};
  const cumulative = cumulativeChart(comparison, notes);
  if (cumulative) specs["cumulative"] = cumulative;
  specs["perYear"] = perYearChart(comparison);
  specs["perProvider"] = perProviderChart(comparison, notes);
  specs["obligations"] = obligationsChart(comparison);
  return { specs, notes };
}

/** The Dutch number locale as a spec's `config` (fresh arrays: a spec is plain, unshared JSON). */
export function localeConfig(): Record<string, unknown> {
  return { locale: { number: { ...DUTCH_NUMBER_LOCALE, grouping: [...DUTCH_NUMBER_LOCALE.grouping], currency: [...DUTCH_NUMBER_LOCALE.currency] } } };
}

/** The parts every spec shares: schema, size, Dutch number locale. */
export function base(title: string, subtitle: string | null): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle === null ? { text: title } : { text: title, subtitle },
    width: WIDTH,
    height: HEIGHT,
    config: localeConfig(),
  };
}

/** Model labels in the comparison's order: the colour domain, so every chart colours a model alike. */
export function labels(comparison: Pick<Comparison, "models">): string[] {
  return comparison.models.map((m) => m.label);
}

/** The colour channel of a chart with a `model` field: one colour per model, in the comparison's order. */
export function colour(comparison: Pick<Comparison, "models">): Record<string, unknown> {
  return { field: "model", type: "nominal", title: "Model (bekostigingsvorm)", scale: { domain: labels(comparison) }, sort: labels(comparison) };
}

/** A quantitative channel in whole euros with Dutch separators. */
export function euroAxis(title: string): Record<string, unknown> {
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

function cumulativeChart(comparison: Comparison, notes: string[]): object | null {
  const withProjection = comparison.models.filter((m): m is ModelComparison & { projection: NonNullable<ModelComparison["projection"]> } => m.projection !== null);
  if (withProjection.length === 0) {
    notes.push("Cumulative paid per month is left out: it needs the monthly projections; run compare with keepProjections: true.");
    return null;
  }
  const missing = comparison.models.filter((m) => m.projection === null).map((m) => m.label);
  if (missing.length > 0) notes.push(`Cumulative paid per month leaves out ${missing.join(", ")}: no projection was kept for ${missing.length === 1 ? "it" : "them"}.`);
  const values: { model: string; month: string; date: string; paid: number; cumulative: number }[] = [];
  for (const m of withProjection) {
    const monthly = monthlyTotals(m.projection);
    let running = 0; // integer cents, summed exactly before the one conversion to euros
    monthly.forEach((cents, i) => {
      running += cents;
      const month = formatMonth(m.projection.horizon.start + i);
      values.push({ model: m.label, month, date: `${month}-01`, paid: euros(cents), cumulative: euros(running) });
    });
  }
  const n = comparison.seeds.length;
  const subtitle = n > 1 ? `First run (seed ${comparison.seeds[0]}) of ${n}` : null;
  return {
    ...base("Cumulative paid per model (cumulatief betaald)", subtitle),
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "date", type: "temporal", timeUnit: "utcyearmonth", title: "Month (maand)", axis: { format: "%Y-%m", labelAngle: -45 } },
      y: { field: "cumulative", ...euroAxis("Cumulative paid (€)") },
      color: colour(comparison),
      tooltip: [
        { field: "model", type: "nominal", title: "Model" },
        { field: "month", type: "ordinal", title: "Month (maand)" },
        euroTooltip("paid", "Paid this month"),
        euroTooltip("cumulative", "Cumulative paid"),
      ],
    },
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
  const PAID = "Paid (betaald)";
  const MARGIN = "Margin (marge)";
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
    ...(withMargin ? { height: HEIGHT / 2 } : {}),
    data: { values },
    mark: "bar",
    encoding: {
      x: { field: "provider", type: "nominal", title: "Provider (aanbieder)", sort: providers, axis: { labelAngle: -30 } },
      xOffset: { field: "model", type: "nominal", sort: labels(comparison) },
      y: { field: "euros", ...euroAxis("Euros (€)") },
      color: colour(comparison),
      // Paid and margin differ in size by an order of magnitude: one row each, each its own scale.
      ...(withMargin ? { row: { field: "measure", type: "nominal", title: null, sort: [PAID, MARGIN] } } : {}),
      tooltip: [
        { field: "model", type: "nominal", title: "Model" },
        { field: "provider", type: "nominal", title: "Provider (aanbieder)" },
        { field: "measure", type: "nominal", title: "Measure" },
        euroTooltip("euros", "Amount"),
      ],
    },
    ...(withMargin ? { resolve: { scale: { y: "independent" } } } : {}),
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
