import { METRIC_LABELS } from "../metrics/metrics.js";
import type { ReformMetric, ReformsResult } from "../reforms/reformResult.js";
import { EURO_TOOLTIP_FORMAT, base, chartConfig, colour, euroAxis, euros } from "./charts.js";

/**
 * The effect of each reform, as tax-policy tools show it: per reform (in the order stacked) and
 * per model, the mean change of a metric from the step before — the reform on top of every
 * earlier one — as a bar, with the P5–P95 of the paired run-by-run change as an error bar, and a
 * zero line. Default metric: total paid. The baseline has no effect and no bar. Null with no
 * reform or when no model has the metric's effect (e.g. margins without cost prices).
 * @category Reports and charts
 */
export function reformEffectsChart(reforms: ReformsResult, metric: ReformMetric = "totalPaid"): object | null {
  const baseline = reforms.steps[0];
  if (!baseline) return null;
  const money = metric !== "clientsWaiting";
  const value = (v: number): number => (money ? euros(v) : v);
  const steps = reforms.steps.slice(1).map((s) => s.name);
  const values = reforms.steps.slice(1).flatMap((step) =>
    (step.effects ?? []).flatMap((e) => {
      const s = e.effect[metric];
      return s ? [{ step: step.name, model: e.label, mean: value(s.mean), p5: value(s.p5), p50: value(s.p50), p95: value(s.p95) }] : [];
    }),
  );
  if (values.length === 0) return null;
  const runs = baseline.comparison.seeds.length;
  const label = METRIC_LABELS[metric];
  const x = { field: "step", type: "nominal", title: "Reform (stacked in this order)", sort: steps, axis: { labelAngle: 0 } };
  const xOffset = { field: "model", type: "nominal", sort: baseline.comparison.models.map((m) => m.label) };
  const format = money ? EURO_TOOLTIP_FORMAT : ",.0f";
  const tooltip = [
    { field: "step", type: "nominal", title: "Reform" },
    { field: "model", type: "nominal", title: "Model" },
    { field: "mean", type: "quantitative", title: "Mean change", format },
    { field: "p5", type: "quantitative", title: "P5", format },
    { field: "p50", type: "quantitative", title: "P50", format },
    { field: "p95", type: "quantitative", title: "P95", format },
  ];
  const y = money ? { field: "mean", ...euroAxis(`Change in ${label.toLowerCase()} (€)`) } : { field: "mean", type: "quantitative", title: `Change in ${label.toLowerCase()}` };
  return {
    ...base(
      `Effect of each reform on ${label.toLowerCase()} (effect per hervorming)`,
      runs > 1 ? `Change from the step before: mean over ${runs} paired runs; lines P5–P95` : "Change from the step before",
    ),
    description:
      "Each reform is applied on top of the ones before it (a stack, in the order shown); the bar is the mean change it makes to the metric under each model, " +
      "measured run by run on the same caseloads (common random numbers), and the black line the P5–P95 range of that change. A range that crosses zero is an effect the runs cannot tell from none.",
    config: chartConfig(),
    data: { values },
    layer: [
      { mark: "bar", encoding: { x, xOffset, y, color: colour(baseline.comparison), tooltip } },
      ...(runs > 1 ? [{ mark: { type: "rule", color: "black", strokeWidth: 1.5 }, encoding: { x, xOffset, y: { field: "p5", type: "quantitative" }, y2: { field: "p95" }, tooltip } }] : []),
      { data: { values: [{}] }, mark: { type: "rule", color: "#222" }, encoding: { y: { datum: 0 } } },
    ],
  };
}
