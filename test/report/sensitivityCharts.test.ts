import { describe, expect, it } from "vitest";
import { findUncertain, oneWaySensitivity, tornado, type Tornado, type TwoWayResult, type MetricEvaluator } from "../../src/index.js";
import { formatParameter, sensitivityCharts, tornadoChart, twoWayChart } from "../../src/report/sensitivityCharts.js";
import { reformEffectsChart } from "../../src/report/reformCharts.js";
import type { ReformsResult } from "../../src/reforms/reformResult.js";
import { E, T, noRisk, renderSvg } from "./handRisk.js";

type Spec = Record<string, unknown> & { data: { values: Record<string, unknown>[] } };
const values = (spec: object | null): Record<string, unknown>[] => {
  expect(spec).not.toBeNull();
  return (spec as Spec).data.values;
};
async function rendersCleanly(spec: object | null): Promise<string> {
  expect(spec).not.toBeNull();
  const { svg, warnings } = await renderSvg(spec!);
  expect(warnings).toEqual([]);
  expect(svg).toMatch(/^<svg /);
  expect(svg).not.toMatch(/NaN|undefined/);
  return svg;
}

// Two parameters by hand: base € 1.000; tariff at 62,5 → € 900, at 77,5 → € 1.120 (swing € 220);
// volume at 0,9 → € 950, at 1,1 → € 1.040 (swing € 90). Ranked tariff first.
const hand: Tornado = {
  metric: "totalPaid",
  base: 100000,
  rows: [
    { key: "tariff", label: "Tariff", centre: 70, lowValue: 62.5, highValue: 77.5, atLow: 90000, atHigh: 112000, swing: 22000 },
    { key: "volume", label: "Volume", centre: 1, lowValue: 0.9, highValue: 1.1, atLow: 95000, atHigh: 104000, swing: 9000 },
  ],
};

describe("tornadoChart", () => {
  it("a bar from the base to each end, parameters in the tornado's order, labelled with their low and high values", async () => {
    const spec = tornadoChart(hand, "What moves total paid") as Spec;
    expect(values(spec)).toEqual([
      { parameter: "Tariff (62,5 – 77,5)", key: "tariff", side: "Parameter at its low value", parameterValue: 62.5, value: 900, base: 1000, change: -100, swing: 220 },
      { parameter: "Tariff (62,5 – 77,5)", key: "tariff", side: "Parameter at its high value", parameterValue: 77.5, value: 1120, base: 1000, change: 120, swing: 220 },
      { parameter: "Volume (0,9 – 1,1)", key: "volume", side: "Parameter at its low value", parameterValue: 0.9, value: 950, base: 1000, change: -50, swing: 90 },
      { parameter: "Volume (0,9 – 1,1)", key: "volume", side: "Parameter at its high value", parameterValue: 1.1, value: 1040, base: 1000, change: 40, swing: 90 },
    ]);
    const layers = spec["layer"] as { mark: { type: string }; encoding: Record<string, { field?: string; sort?: unknown }> }[];
    expect(layers[0]!.encoding["y"]!.sort).toEqual(["Tariff (62,5 – 77,5)", "Volume (0,9 – 1,1)"]);
    expect(layers[0]!.encoding["x"]!.field).toBe("value");
    expect(layers[0]!.encoding["x2"]!.field).toBe("base");
    expect(layers[1]!.mark.type).toBe("rule");
    expect(spec["title"]).toMatchObject({ text: "What moves total paid", subtitle: expect.stringMatching(/^Base € 1\.000;/) });
    expect(typeof spec["description"]).toBe("string");
    await rendersCleanly(spec);
  });

  it("from a one-way analysis: ranked by swing, a parameter the metric ignores has no length", async () => {
    const params = findUncertain({ x: { distribution: "uniform", min: 0, max: 100, name: "volume" }, y: { distribution: "triangular", min: 0, mode: 2, max: 10 } });
    // total = 1000·x + 200·y cents: x from 5 to 95 swings 90.000 cents, y from 1 to 8 swings 1.400.
    const evaluate: MetricEvaluator = (v) => ({ total: Math.round(1000 * v.get("x")! + 200 * v.get("y")!) });
    const t = tornado(oneWaySensitivity(params, evaluate), "total");
    const rows = values(tornadoChart(t, "Synthetic"));
    expect(rows.map((r) => [r["key"], r["swing"]])).toEqual([
      ["x", 900],
      ["x", 900],
      ["y", 14],
      ["y", 14],
    ]);
    expect(rows[0]!["parameter"]).toBe("volume (5 – 95)");
  });

  it("a null end has no bar; no base or no ends at all: no chart", () => {
    const oneSided: Tornado = { ...hand, rows: [{ ...hand.rows[0]!, atHigh: null, swing: null }, { ...hand.rows[1]!, atLow: null, atHigh: null, swing: null }] };
    expect(values(tornadoChart(oneSided, "t")).map((r) => r["side"])).toEqual(["Parameter at its low value"]);
    expect(tornadoChart({ ...hand, base: null }, "t")).toBeNull();
    expect(tornadoChart({ ...hand, rows: [] }, "t")).toBeNull();
  });

  it("counts are not euros", () => {
    const counts = tornadoChart({ ...hand, metric: "clientsWaiting" }, "Waiting", { unit: "count" });
    expect(values(counts)[0]).toMatchObject({ value: 90000, base: 100000 });
  });

  it("formats parameter values the Dutch way", () => {
    expect([formatParameter(1234.5), formatParameter(66.5), formatParameter(0.075), formatParameter(0), formatParameter(-2.25), formatParameter(0.0194321)]).toEqual([
      "1.234,5",
      "66,5",
      "0,075",
      "0",
      "-2,25",
      "0,0194",
    ]);
  });
});

// A 3 × 2 grid by hand: A at 1, 2, 3 (P5, P50, P95), B at 10, 20 (P5, P95); cell (i, j) = (i + 1) × € 100 + (j + 1) × € 10; one cell null.
const grid: TwoWayResult = {
  a: { key: "a", label: "Parameter A", percentiles: [5, 50, 95], values: [1, 2, 3] },
  b: { key: "b", label: "Parameter B", percentiles: [5, 95], values: [10, 20] },
  cells: [0, 1, 2].map((i) => [0, 1].map((j) => ({ total: i === 2 && j === 1 ? null : (i + 1) * 10000 + (j + 1) * 1000 }))),
};

describe("twoWayChart", () => {
  it("one cell per pair of values, in euros, labelled with value and percentile; the null cell is n/a", async () => {
    const spec = twoWayChart(grid, "total", "A by B") as Spec;
    expect(values(spec).map((v) => [v["a"], v["b"], v["value"]])).toEqual([
      ["1 (P5)", "10 (P5)", 110],
      ["1 (P5)", "20 (P95)", 120],
      ["2 (P50)", "10 (P5)", 210],
      ["2 (P50)", "20 (P95)", 220],
      ["3 (P95)", "10 (P5)", 310],
      ["3 (P95)", "20 (P95)", null],
    ]);
    const encoding = spec["encoding"] as Record<string, { sort: string[] }>;
    expect(encoding["x"]!.sort).toEqual(["10 (P5)", "20 (P95)"]);
    expect(encoding["y"]!.sort).toEqual(["3 (P95)", "2 (P50)", "1 (P5)"]); // the highest A on top
    const svg = await rendersCleanly(spec);
    expect(svg).toContain("n/a");
    expect(svg).toContain("€ 310");
  });

  it("no chart when every cell is null", () => {
    expect(twoWayChart({ ...grid, cells: grid.cells.map((r) => r.map(() => ({ total: null }))) }, "total", "t")).toBeNull();
  });
});

describe("sensitivityCharts", () => {
  it("a tornado and a grid per entry, titled by model and metric", () => {
    const { specs, notes } = sensitivityCharts({ tornadoes: [{ model: E, metric: "totalPaid", tornado: hand }], twoWay: [{ model: T, metric: "total", result: grid }] });
    expect(Object.keys(specs)).toEqual(["tornado1", "twoWay1"]);
    expect(notes).toEqual([]);
    expect((specs["tornado1"] as Spec)["title"]).toMatchObject({ text: `${E}: what moves total paid` });
    expect((specs["twoWay1"] as Spec)["title"]).toMatchObject({ text: `${T}: total by Parameter A and Parameter B` });
  });
});

describe("reformEffectsChart", () => {
  const summary = (mean: number, p5: number, p95: number) => ({ mean, p5, p50: mean, p95 });
  const comparison = { ...noRisk, seeds: [1, 2, 3] };
  const reforms: ReformsResult = {
    steps: [
      { name: "Baseline", description: null, comparison, effects: null },
      {
        name: "Tariffs +3 %",
        description: "every tariff 3 % higher",
        comparison,
        effects: [
          { label: E, effect: { totalPaid: summary(1680, 1500, 1900), providerMargin: summary(1680, 1500, 1900) } },
          { label: T, effect: { totalPaid: summary(0, 0, 0) } },
        ],
      },
      { name: "Ceiling", description: null, comparison, effects: [{ label: E, effect: { totalPaid: summary(-5000, -8000, -100) } }, { label: T, effect: { totalPaid: summary(0, 0, 0) } }] },
    ],
  };

  it("the mean change and its P5–P95 per reform and model, from the step before; no bar for the baseline", async () => {
    const spec = reformEffectsChart(reforms) as Spec;
    expect(values(spec)).toEqual([
      { step: "Tariffs +3 %", model: E, mean: 16.8, p5: 15, p50: 16.8, p95: 19 },
      { step: "Tariffs +3 %", model: T, mean: 0, p5: 0, p50: 0, p95: 0 },
      { step: "Ceiling", model: E, mean: -50, p5: -80, p50: -50, p95: -1 },
      { step: "Ceiling", model: T, mean: 0, p5: 0, p50: 0, p95: 0 },
    ]);
    const layers = spec["layer"] as { mark: unknown; encoding: Record<string, { field?: string; sort?: unknown }> }[];
    expect(layers[0]!.encoding["x"]!.sort).toEqual(["Tariffs +3 %", "Ceiling"]);
    expect(layers[1]!.encoding["y"]!.field).toBe("p5");
    expect(layers[1]!.encoding["y2"]!.field).toBe("p95");
    await rendersCleanly(spec);
  });

  it("another metric; a metric no model has, or no reform: no chart", () => {
    expect(values(reformEffectsChart(reforms, "providerMargin"))).toEqual([{ step: "Tariffs +3 %", model: E, mean: 16.8, p5: 15, p50: 16.8, p95: 19 }]);
    expect(reformEffectsChart(reforms, "dueAfterHorizon")).toBeNull();
    expect(reformEffectsChart({ steps: reforms.steps.slice(0, 1) })).toBeNull();
    expect(reformEffectsChart({ steps: [] })).toBeNull();
  });
});
