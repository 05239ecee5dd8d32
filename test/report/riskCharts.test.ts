import { describe, expect, it } from "vitest";
import { budgetAtRiskChart, monthlyBandChart, providerMarginRiskChart, riskAllocationChart, riskCharts, MUNICIPALITY, PROVIDERS } from "../../src/report/riskCharts.js";
import { calibratedScenario, compare, defaultRegionSpec } from "../../src/index.js";
import { E, T, handRisk, noRisk, renderSvg, withRisk } from "./handRisk.js";

type Spec = Record<string, unknown> & { data: { values: Record<string, unknown>[] } };
const values = (spec: object | null): Record<string, unknown>[] => {
  expect(spec).not.toBeNull();
  return (spec as Spec).data.values;
};

describe("risk charts on a hand-made risk", () => {
  it("are absent without risk (one run), and the note says why", () => {
    expect(monthlyBandChart(noRisk)).toBeNull();
    expect(riskAllocationChart(noRisk)).toBeNull();
    expect(budgetAtRiskChart(noRisk)).toBeNull();
    expect(providerMarginRiskChart(noRisk)).toBeNull();
    const charts = riskCharts(noRisk);
    expect(charts.specs).toEqual({});
    expect(charts.notes[0]).toMatch(/two runs or more/);
  });

  it("all four are present, each with a description, and each compiles and renders to SVG without warnings", async () => {
    const { specs, notes } = riskCharts(withRisk);
    expect(Object.keys(specs)).toEqual(["monthlyBands", "riskAllocation", "budgetAtRisk", "providerMargins"]);
    expect(notes).toEqual([]);
    for (const spec of Object.values(specs) as Spec[]) {
      expect(spec["$schema"]).toBe("https://vega.github.io/schema/vega-lite/v6.json");
      expect(typeof spec["description"]).toBe("string");
      expect((spec["config"] as { locale: unknown }).locale).toEqual({ number: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""], minus: "-" } });
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
      const { svg, warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
      expect(svg).toMatch(/^<svg /);
      expect(svg).not.toMatch(/NaN|undefined/);
    }
  });

  it("monthly bands: mean and P5 / P50 / P95 per model and month, in euros, one panel per model", () => {
    const spec = monthlyBandChart(withRisk) as Spec;
    expect(values(spec)).toEqual([
      { model: E, month: "2026-01", date: "2026-01-01", mean: 100, p5: 80, p50: 99, p95: 120.5 },
      { model: E, month: "2026-02", date: "2026-02-01", mean: 110, p5: 90, p50: 110, p95: 130 },
      { model: T, month: "2026-01", date: "2026-01-01", mean: 200, p5: 200, p50: 200, p95: 200 },
      { model: T, month: "2026-02", date: "2026-02-01", mean: 200, p5: 200, p50: 200, p95: 200 },
    ]);
    expect(spec["facet"]).toMatchObject({ row: { field: "model", sort: [E, T] } });
    const layers = (spec["spec"] as { layer: { mark: { type: string }; encoding: Record<string, { field?: string }> }[] }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(["area", "line"]);
    expect(layers[0]!.encoding["y"]!.field).toBe("p5");
    expect(layers[0]!.encoding["y2"]!.field).toBe("p95");
    expect(layers[1]!.encoding["y"]!.field).toBe("mean");
  });

  it("risk allocation: municipality and provider shares per period, shares outside [0, 1] kept, null shares as n/a", () => {
    const rows = values(riskAllocationChart(withRisk));
    const pick = (model: string, period: string) => rows.filter((r) => r["model"] === model && r["period"] === period).map((r) => [r["payer"], r["share"], r["label"]]);
    expect(pick(E, "Horizon")).toEqual([
      [MUNICIPALITY, 1.0417, "104,17 % / -4,17 %"],
      [PROVIDERS, -0.0417, "104,17 % / -4,17 %"],
    ]);
    expect(pick(E, "2026")).toEqual([
      [MUNICIPALITY, 0.95, "95 % / 5 %"],
      [PROVIDERS, 0.05, "95 % / 5 %"],
    ]);
    expect(pick(E, "2027")).toEqual([[null, null, "n/a: no variance to allocate"]]);
    expect(rows.find((r) => r["model"] === E && r["period"] === "2027")!["reason"]).toMatch(/no variance/);
    expect(pick(T, "Horizon")).toEqual([
      [MUNICIPALITY, 0, "0 % / 100 %"],
      [PROVIDERS, 1, "0 % / 100 %"],
    ]);
    // The bar's label sits at the end of its positive part, at least at 100 %.
    expect(rows.find((r) => r["model"] === E && r["period"] === "Horizon")!["end"]).toBe(1.0417);
    expect(rows.find((r) => r["model"] === T && r["period"] === "Horizon")!["end"]).toBe(1);
    // The scale runs from −10 % to 110 %: the negative share and the bar beyond 100 % both show.
    const bars = ((riskAllocationChart(withRisk) as Spec)["spec"] as { layer: { encoding?: { x?: { scale?: { domain: number[] } } } }[] }).layer[0]!;
    expect(bars.encoding!.x!.scale!.domain).toEqual([-0.1, 1.1]);
  });

  it("budget at risk: the P95 overshoot (at least 0) and the mean per model and year", () => {
    expect(values(budgetAtRiskChart(withRisk))).toEqual([
      { model: E, year: "2026", atRisk: 123.45, mean: -50, p5: -200, p95: 123.45, runsOver: 3, runs: 20, shareOver: 0.15 },
      { model: T, year: "2026", atRisk: 0, mean: -1000, p5: -1000, p95: -1000, runsOver: 0, runs: 20, shareOver: 0 },
    ]);
  });

  it("provider margins: P5–P95 and the mean per provider and model", () => {
    expect(values(providerMarginRiskChart(withRisk))).toEqual([
      { model: E, provider: "P0", mean: 50, p5: -10, p50: 50, p95: 90, negativeRuns: 2, runs: 20, negativeShare: 0.1 },
      { model: E, provider: "P1", mean: 80, p5: 1, p50: 80, p95: 150, negativeRuns: 0, runs: 20, negativeShare: 0 },
      { model: T, provider: "P0", mean: 1000, p5: -2500, p50: 1200, p95: 3000, negativeRuns: 5, runs: 20, negativeShare: 0.25 },
      { model: T, provider: "P1", mean: 1000, p5: 500, p50: 1000, p95: 1500, negativeRuns: 0, runs: 20, negativeShare: 0 },
    ]);
  });

  it("leaves out what needs a budget or cost prices, and says so", () => {
    const bare = {
      ...withRisk,
      risk: { ...handRisk, models: handRisk.models.map((m) => ({ ...m, budgetAtRisk: null, allocation: null, providerMargins: null })) },
    };
    const charts = riskCharts(bare);
    expect(Object.keys(charts.specs)).toEqual(["monthlyBands"]);
    expect(charts.notes).toHaveLength(3);
    expect(charts.notes.join(" ")).toMatch(/costPrices.*budget\.perYear.*costPrices/);
  });
});

describe("risk charts of a real comparison over 20 runs", () => {
  const region = defaultRegionSpec({ window: { start: "2026-01", months: 24 } });
  const spec = { ...region, profiles: region.profiles.slice(0, 3).map((p) => ({ ...p, arrivalsPerMonth: p.arrivalsPerMonth / 40, initialStock: Math.round((p.initialStock ?? 0) / 40) })) };
  const calibrated = calibratedScenario(spec);
  const comparison = compare(spec, calibrated.models, { runs: 20, costPrices: calibrated.costPrices, budget: { perYear: calibrated.budgetPerYear } });

  it("has every chart, with one band per model and month and a row per model, provider and year", async () => {
    const risk = comparison.risk!;
    const { specs } = riskCharts(comparison);
    expect(Object.keys(specs)).toEqual(["monthlyBands", "riskAllocation", "budgetAtRisk", "providerMargins"]);
    expect(values(specs["monthlyBands"]!)).toHaveLength(risk.models.length * 24);
    expect(values(specs["budgetAtRisk"]!)).toHaveLength(risk.models.length * 2);
    for (const m of risk.models) {
      const first = m.monthlyBands[0]!;
      expect(values(specs["monthlyBands"]!).find((v) => v["model"] === m.label && v["month"] === "2026-01")).toMatchObject({ mean: first.mean / 100, p5: first.p5 / 100, p95: first.p95 / 100 });
      const shares = values(specs["riskAllocation"]!).filter((v) => v["model"] === m.label && v["period"] === "Horizon").map((v) => v["share"]);
      expect(shares).toEqual([Number(m.allocation!.horizon.municipalityShare), Number(m.allocation!.horizon.providerShare)]);
    }
    for (const s of Object.values(specs)) {
      const { svg, warnings } = await renderSvg(s);
      expect(warnings).toEqual([]);
      expect(svg).not.toMatch(/NaN/);
    }
  });
});
