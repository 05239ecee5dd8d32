import type { Comparison } from "../metrics/compare.js";
import type { ComparisonRisk } from "../risk/comparisonRisk.js";
import { VEGA_LITE_SCHEMA, WIDTH, base, chartConfig, colour, euroAxis, euroTooltip, euros, labels, type ChartSpecs } from "./charts.js";
import { sharePercent } from "./sharePercent.js";

/*
 * Vega-Lite specs of a comparison's risk over its Monte Carlo runs (`comparison.risk`): monthly
 * bands, who carries the cost variance, budget at risk, providers' margins. Plain JSON, Dutch
 * number format, each with a `description` saying in a sentence or two what it shows.
 */

/** Who carries the variance: the two stacks of the risk-allocation bars, in order. */
export const MUNICIPALITY = "Municipality (gemeente)";
export const PROVIDERS = "Providers (aanbieders)";
/** Two colours that are not model colours: the payers are not models. */
const PAYER_COLOURS = ["#2f4b7c", "#f0a030"];
/** The period of a horizon-wide measure, next to the calendar years. */
const HORIZON = "Horizon";
/** A horizontal zero line across the whole plot: one datum of its own, so it is drawn once. */
const ZERO_Y = { data: { values: [{}] }, mark: { type: "rule", color: "#222" }, encoding: { y: { datum: 0 } } };
/** The locale, and legends and axes wide enough for model and provider names. */
const config = chartConfig;
const ONE_PER_MODEL = { filter: `datum.period === "${HORIZON}" && datum.order !== 1` };

/**
 * The risk charts of a comparison, keyed `monthlyBands`, `riskAllocation`, `budgetAtRisk`,
 * `providerMargins` (each left out when its data is absent, with a note saying why). Without
 * `comparison.risk` (one run) there are none.
 * @category Reports and charts
 */
export function riskCharts(comparison: Comparison): ChartSpecs {
  const notes: string[] = [];
  const specs: Record<string, object> = {};
  if (!comparison.risk) {
    notes.push("The risk charts need two runs or more of a synthetic caseload: run the comparison with runs ≥ 2.");
    return { specs, notes };
  }
  const add = (name: string, spec: object | null, missing: string): void => {
    if (spec) specs[name] = spec;
    else notes.push(missing);
  };
  add("monthlyBands", monthlyBandChart(comparison), "Monthly bands are left out: no months in the horizon.");
  add("riskAllocation", riskAllocationChart(comparison), "Who carries the cost risk is left out: it needs cost prices (costPrices) for the providers' margins.");
  add("budgetAtRisk", budgetAtRiskChart(comparison), "Budget at risk is left out: it needs a budget (budget.perYear).");
  add("providerMargins", providerMarginRiskChart(comparison), "Provider margin risk is left out: it needs cost prices (costPrices).");
  return { specs, notes };
}

function runsOf(risk: ComparisonRisk): string {
  return `${risk.runs} runs`;
}

/**
 * Paid per month per model over the runs: the mean as a line and P5–P95 as a shaded band, one
 * panel per model on a shared scale (small multiples). Layered in one panel, five models
 * calibrated to the same expected cost put five overlapping bands on one another and none can be
 * read; stacked panels on one y-scale keep each band legible while level, width and timing still
 * compare by eye, month above month. Null without `risk` or without months.
 * @category Reports and charts
 */
export function monthlyBandChart(comparison: Comparison): object | null {
  const risk = comparison.risk;
  if (!risk || risk.models.every((m) => m.monthlyBands.length === 0)) return null;
  const values = risk.models.flatMap((m) =>
    m.monthlyBands.map((b) => ({ model: m.label, month: b.month, date: `${b.month}-01`, mean: euros(b.mean), p5: euros(b.p5), p50: euros(b.p50), p95: euros(b.p95) })),
  );
  const x = { field: "date", type: "temporal", timeUnit: "utcyearmonth", title: "Month (maand)", axis: { format: "%Y-%m", labelAngle: -45 } };
  const color = { ...colour(comparison), legend: null };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Paid per month (€): mean and P5–P95 band (betaald per maand)", subtitle: `Line: mean over ${runsOf(risk)}; band: P5–P95 (nearest rank); one panel per model, same scale` },
    description:
      "What a model pays each month, over the Monte Carlo runs: the line is the mean, the band the range in which 90 % of the runs fall (P5–P95). " +
      "A narrow band is a predictable monthly payment; a wide band means the month's payments depend on the caseload. A flat line is a lump sum.",
    config: config(),
    data: { values },
    facet: {
      row: {
        field: "model",
        type: "nominal",
        sort: labels(comparison),
        title: null,
        header: { labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelAlign: "left", labelFontWeight: "bold", labelFontSize: 12 },
      },
    },
    spec: {
      width: WIDTH,
      height: 90,
      layer: [
        // One y-axis title per chart, not one per panel: the title says it is € paid.
        { mark: { type: "area", opacity: 0.3 }, encoding: { x, y: { field: "p5", ...euroAxis(null), scale: { zero: false } }, y2: { field: "p95" }, color } },
        {
          mark: { type: "line", strokeWidth: 2 },
          encoding: {
            x,
            y: { field: "mean", type: "quantitative" },
            color,
            tooltip: [
              { field: "model", type: "nominal", title: "Model" },
              { field: "month", type: "ordinal", title: "Month (maand)" },
              euroTooltip("mean", "Mean"),
              euroTooltip("p5", "P5"),
              euroTooltip("p50", "P50"),
              euroTooltip("p95", "P95"),
            ],
          },
        },
      ],
    },
    resolve: { scale: { y: "shared" } },
  };
}

/**
 * Who carries the variation of the cost of care, per model: over the whole horizon and per year,
 * the municipality's share (its payments move with the cost) and the providers' share (their
 * margins absorb it), as stacked horizontal bars that add up to 100 %. Shares are regression
 * slopes and may lie outside [0, 1] — under p×q the municipality carries 104 % and the providers
 * −4 % (their margin grows with volume): the negative part stacks left of zero. A period whose
 * cost did not vary has no shares: it shows "n/a" with the reason in its tooltip. Null without
 * `risk` or when no model has cost prices.
 * @category Reports and charts
 */
export function riskAllocationChart(comparison: Comparison): object | null {
  const risk = comparison.risk;
  if (!risk) return null;
  const withAllocation = risk.models.filter((m) => m.allocation !== null);
  if (withAllocation.length === 0) return null;
  const periods = [HORIZON, ...new Set(withAllocation.flatMap((m) => m.allocation!.byYear.map((y) => String(y.year))))];
  const values: Record<string, string | number | null>[] = [];
  for (const m of withAllocation) {
    const rows = [{ period: HORIZON, a: m.allocation!.horizon }, ...m.allocation!.byYear.map((y) => ({ period: String(y.year), a: y }))];
    for (const { period, a } of rows) {
      const sd = { sdCost: euros(a.sdCost), sdPayments: euros(a.sdPayments), sdMargins: euros(a.sdMargins) };
      if (a.municipalityShare === null || a.providerShare === null) {
        values.push({ model: m.label, period, payer: null, share: null, label: "n/a: no variance to allocate", end: 0, reason: a.reason, ...sd });
        continue;
      }
      const municipality = Number(a.municipalityShare);
      const providers = Number(a.providerShare);
      const label = `${sharePercent(a.municipalityShare)} / ${sharePercent(a.providerShare)}`;
      const end = Math.max(1, Math.max(0, municipality) + Math.max(0, providers));
      values.push({ model: m.label, period, payer: MUNICIPALITY, share: municipality, order: 0, label, end, reason: null, ...sd });
      values.push({ model: m.label, period, payer: PROVIDERS, share: providers, order: 1, label, end, reason: null, ...sd });
    }
  }
  // The x-scale from the smallest share (or 0) to the largest bar end (or 100 %), in tenths; ticks every 20 %.
  const shares = values.flatMap((v) => (typeof v["share"] === "number" ? [v["share"]] : []));
  const ends = values.flatMap((v) => (typeof v["end"] === "number" ? [v["end"]] : []));
  const lo = Math.min(0, Math.floor(Math.min(...shares) * 10) / 10);
  const hi = Math.max(1, Math.ceil(Math.max(...ends) * 10) / 10);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo * 5); k <= Math.floor(hi * 5); k++) ticks.push(k / 5 || 0); // never -0: specs are plain JSON
  const y = { field: "period", type: "ordinal", title: null, sort: periods };
  const tooltip = [
    { field: "model", type: "nominal", title: "Model" },
    { field: "period", type: "ordinal", title: "Period" },
    { field: "payer", type: "nominal", title: "Carried by" },
    { field: "share", type: "quantitative", title: "Share of the cost variance", format: ".2%" },
    euroTooltip("sdCost", "SD of the cost of care"),
    euroTooltip("sdPayments", "SD of payments"),
    euroTooltip("sdMargins", "SD of margins"),
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "Who carries the cost risk (wie draagt het kostenrisico)",
      subtitle: `Share of the variance of the cost of care over ${runsOf(risk)} that moves the municipality's payments vs the providers' margins`,
    },
    description:
      "Per model, how the run-to-run variation of the cost of care is split: the municipality's share moves its payments, the providers' share lands on their margins; together 100 %. " +
      "A lump sum puts the risk on the providers (0 % / 100 %); paying per unit puts it on the municipality — above 100 % when the providers' margin grows with volume (their share is then negative). " +
      "Labels give municipality / providers.",
    config: config(),
    data: { values },
    facet: {
      row: {
        field: "model",
        type: "nominal",
        sort: labels(comparison).filter((l) => withAllocation.some((m) => m.label === l)),
        title: null,
        header: { labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelAlign: "left", labelFontWeight: "bold", labelFontSize: 12 },
      },
    },
    spec: {
      width: WIDTH - 140,
      height: { step: 18 },
      layer: [
        {
          transform: [{ filter: "isValid(datum.share)" }],
          mark: { type: "bar" },
          encoding: {
            y,
            x: { field: "share", type: "quantitative", stack: "zero", title: "Share of the cost variance", scale: { domain: [lo, hi], nice: false }, axis: { format: ".0%", values: ticks } },
            color: { field: "payer", type: "nominal", title: "Carried by (gedragen door)", scale: { domain: [MUNICIPALITY, PROVIDERS], range: PAYER_COLOURS }, legend: { orient: "top" } },
            order: { field: "order", type: "quantitative" },
            tooltip,
          },
        },
        {
          transform: [{ filter: "datum.payer === null || datum.order === 0" }],
          mark: { type: "text", align: "left", dx: 4, fontSize: 10, color: "#333" },
          encoding: {
            y,
            x: { field: "end", type: "quantitative" },
            text: { field: "label", type: "nominal" },
            tooltip: [{ field: "reason", type: "nominal", title: "Why n/a" }],
          },
        },
        // One row per panel (its horizon row), so each line is drawn once.
        { transform: [ONE_PER_MODEL], mark: { type: "rule", color: "#222" }, encoding: { x: { datum: 0 } } },
        { transform: [ONE_PER_MODEL], mark: { type: "rule", color: "#888", strokeDash: [4, 3] }, encoding: { x: { datum: 1 } } },
      ],
    },
  };
}

/**
 * Budget at risk per model per year: a bar at the P95 of the overshoot (paid − budget; at least 0)
 * — what to reserve so 95 % of the runs stay within budget — and a tick at the mean overshoot
 * (below zero: under budget on average). Null without `risk` or without a budget.
 * @category Reports and charts
 */
export function budgetAtRiskChart(comparison: Comparison): object | null {
  const risk = comparison.risk;
  if (!risk) return null;
  const values = risk.models.flatMap((m) =>
    (m.budgetAtRisk ?? []).map((y) => ({
      model: m.label,
      year: String(y.year),
      atRisk: euros(y.atRisk),
      mean: euros(y.overshoot.mean),
      p5: euros(y.overshoot.p5),
      p95: euros(y.overshoot.p95),
      runsOver: y.runsOver,
      runs: y.runs,
      shareOver: Number(y.shareOver),
    })),
  );
  if (values.length === 0) return null;
  const x = { field: "year", type: "ordinal", title: "Year (jaar)", axis: { labelAngle: 0 } };
  const xOffset = { field: "model", type: "nominal", sort: labels(comparison) };
  const tooltip = [
    { field: "model", type: "nominal", title: "Model" },
    { field: "year", type: "ordinal", title: "Year (jaar)" },
    euroTooltip("atRisk", "Budget at risk (P95 overshoot)"),
    euroTooltip("mean", "Mean overshoot"),
    euroTooltip("p5", "P5 overshoot"),
    { field: "runsOver", type: "quantitative", title: "Runs over budget" },
    { field: "shareOver", type: "quantitative", title: "Share of runs over budget", format: ".0%" },
  ];
  return {
    ...base("Budget at risk per year (budget at risk)", `Bar: P95 of paid − budget over ${runsOf(risk)} (at least 0); tick: mean overshoot`),
    config: config(),
    description:
      "How much above its budget a model may pay in a bad year: the bar is the overshoot of the budget in the 95th-percentile run (what to reserve to cover 95 % of the runs), " +
      "the black tick the mean overshoot (negative: under budget on average). Models calibrated to the same cost differ here by how they shift payments between years.",
    data: { values },
    layer: [
      { mark: "bar", encoding: { x, xOffset, y: { field: "atRisk", ...euroAxis("Overshoot of the budget (€)") }, color: colour(comparison), tooltip } },
      { mark: { type: "tick", color: "black", thickness: 2 }, encoding: { x, xOffset, y: { field: "mean", type: "quantitative" }, tooltip } },
      ZERO_Y,
    ],
  };
}

/**
 * Each provider's margin per model over the runs: a line from P5 to P95 and a dot at the mean,
 * with the zero line — a line reaching left of zero is a provider that makes a loss in at least
 * 5 % of the runs (who goes under). Null without `risk` or without cost prices.
 * @category Reports and charts
 */
export function providerMarginRiskChart(comparison: Comparison): object | null {
  const risk = comparison.risk;
  if (!risk) return null;
  const values = risk.models.flatMap((m) =>
    (m.providerMargins ?? []).flatMap((p) =>
      p.margin === null
        ? []
        : [
            {
              model: m.label,
              provider: p.provider,
              mean: euros(p.margin.mean),
              p5: euros(p.margin.p5),
              p50: euros(p.margin.p50),
              p95: euros(p.margin.p95),
              negativeRuns: p.negativeRuns,
              runs: p.runs,
              negativeShare: p.negativeShare === null ? null : Number(p.negativeShare),
            },
          ],
    ),
  );
  if (values.length === 0) return null;
  const providers = [...new Set(values.map((v) => v.provider))];
  const models = new Set(values.map((v) => v.model)).size;
  const y = { field: "provider", type: "nominal", title: "Provider (aanbieder)", sort: providers };
  const yOffset = { field: "model", type: "nominal", sort: labels(comparison) };
  const tooltip = [
    { field: "model", type: "nominal", title: "Model" },
    { field: "provider", type: "nominal", title: "Provider (aanbieder)" },
    euroTooltip("mean", "Mean margin"),
    euroTooltip("p5", "P5"),
    euroTooltip("p50", "P50"),
    euroTooltip("p95", "P95"),
    { field: "negativeRuns", type: "quantitative", title: "Runs with a loss" },
    { field: "negativeShare", type: "quantitative", title: "Share of runs with a loss", format: ".0%" },
  ];
  return {
    ...base("Provider margins: P5–P95 over the runs (marge per aanbieder)", `Line: P5–P95 over ${runsOf(risk)}; dot: mean; left of zero: a loss`),
    height: Math.max(160, providers.length * models * 10),
    config: config(),
    description:
      "Each provider's margin (paid − cost of its care) under each model, over the runs: the line runs from the bad case (P5) to the good case (P95), the dot is the mean. " +
      "A line crossing the zero line means the provider makes a loss on the contract in at least one run in twenty — who goes under, and under which model.",
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 2.5 }, encoding: { y, yOffset, color: colour(comparison), x: { field: "p5", ...euroAxis("Margin (marge, €)") }, x2: { field: "p95" }, tooltip } },
      { mark: { type: "point", filled: true, size: 40, stroke: "black", strokeWidth: 0.5, opacity: 1 }, encoding: { y, yOffset, color: colour(comparison), x: { field: "mean", type: "quantitative" }, tooltip } },
      { data: { values: [{}] }, mark: { type: "rule", color: "#c00", strokeWidth: 1.5 }, encoding: { x: { datum: 0 } } },
    ],
  };
}
