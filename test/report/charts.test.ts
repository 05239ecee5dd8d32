import { describe, expect, it } from "vitest";
import { comparisonCharts } from "../../src/report/charts.js";
import { compare, defaultRegionSpec, summarise, type ModelConfig } from "../../src/index.js";
import { caseload, rec } from "../support/examples.js";

type Spec = Record<string, unknown> & { data: { values: Record<string, unknown>[] }; encoding: Record<string, unknown> };
const spec = (specs: Record<string, object>, name: string): Spec => {
  const s = specs[name];
  if (!s) throw new Error(`no spec ${name}`);
  return s as Spec;
};
const row = (s: Spec, match: Record<string, unknown>): Record<string, unknown> => {
  const found = s.data.values.filter((v) => Object.entries(match).every(([k, x]) => v[k] === x));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("comparison charts on a hand-worked caseload", () => {
  // P0: 60 minutes in Jan and Feb 2026; P1: 120 minutes in Nov 2026, Dec 2026 and Jan 2027.
  // Effort at € 70/hour, paid a month after the care: P0 € 70 in Feb and Mar 2026; P1 € 140 in
  // Dec 2026, Jan 2027 and Feb 2027. Task: € 1.200 a year per provider, € 100 a month each.
  const cl = caseload(
    [
      rec("a", { start: "2026-01", end: "2026-02" }),
      rec("b", { provider: "P1", start: "2026-11", end: "2027-01", use: 120 }),
    ],
    { start: "2025-12", months: 25 },
  );
  const effort: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };
  const task: ModelConfig = { kind: "task", budgets: [{ provider: "P0", perYear: "1200.00" }, { provider: "P1", perYear: "1200.00" }] };
  const options = { horizon: { start: "2026-01", months: 24 }, costPrices: { prices: [{ careForm: "ambulant" as const, price: "66.00" }] } };
  const result = compare(cl, [effort, task], { ...options, keepProjections: true });
  const [E, T] = result.models.map((m) => m.label) as [string, string];
  const { specs, notes } = comparisonCharts(result);

  it("every spec is a Vega-Lite v6 spec with a title, marks, an encoding and Dutch separators", () => {
    expect(Object.keys(specs)).toEqual(["differences", "perYear", "perProvider", "obligations"]);
    expect(notes).toEqual([]);
    for (const s of Object.values(specs) as Spec[]) {
      expect(s["$schema"]).toBe("https://vega.github.io/schema/vega-lite/v6.json");
      expect(s["mark"] ?? s["layer"]).toBeDefined();
      expect(s.encoding ?? s["layer"]).toBeDefined();
      expect(s["title"]).toBeDefined();
      expect(typeof s["width"]).toBe("number");
      // Dutch separators, and no label cut short (Vega's defaults cut at 160–180 px).
      expect(s["config"]).toEqual({
        locale: { number: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""], minus: "-" } },
        axis: { labelLimit: 1000, titleLimit: 1000 },
        legend: { labelLimit: 1000, titleLimit: 1000 },
        header: { labelLimit: 1000 },
      });
      expect(JSON.parse(JSON.stringify(s))).toEqual(s); // plain JSON
    }
  });

  it("differences: each model minus the first, per year, in euros", () => {
    const s = spec(specs, "differences");
    // Task pays € 2.400 a year, effort € 280 (2 hours × € 70 in 2026: P0 in Feb and Mar; P1's Nov and
    // Dec care, 2 × 2 hours, paid in Dec 2026 and Jan 2027 …): € 2.400 − € 280 = € 2.120 more each year.
    expect(s.data.values).toEqual([
      { model: T, year: "2026", difference: 2120, paid: 2400, baseline: 280 },
      { model: T, year: "2027", difference: 2120, paid: 2400, baseline: 280 },
    ]);
    const layer = s["layer"] as { mark: unknown; encoding: Record<string, unknown> }[];
    expect(layer.map((l) => l.mark)).toEqual(["bar", { type: "rule", color: "#222" }]);
    expect(layer[0]!.encoding["y"]).toMatchObject({ field: "difference", title: "Difference (verschil, €)" });
    // The baseline has no bar and no legend entry, and the other keeps its kind's colour.
    expect(layer[0]!.encoding["color"]).toMatchObject({ scale: { domain: [T], range: ["#0072B2"] } });
    expect(s["title"]).toMatchObject({ text: expect.stringContaining(`than ${E}`) });
  });

  it("differences against a chosen baseline: the effort model minus task", () => {
    const s = spec(comparisonCharts(result, { baseline: T }).specs, "differences");
    expect(s.data.values).toEqual([
      { model: E, year: "2026", difference: -2120, paid: 280, baseline: 2400 },
      { model: E, year: "2027", difference: -2120, paid: 280, baseline: 2400 },
    ]);
  });

  it("refuses a baseline that is no model, naming the models", () => {
    expect(() => comparisonCharts(result, { baseline: "Outputgericht" })).toThrow(/baseline "Outputgericht" is not a model of the comparison \(Inspanningsgericht/);
  });

  it("has no differences chart with one model, and says so", () => {
    const one = comparisonCharts(compare(cl, [effort], options));
    expect(Object.keys(one.specs)).toEqual(["perYear", "perProvider", "obligations"]);
    expect(one.notes).toEqual(["The differences chart is left out: it needs two models or more."]);
  });

  it("paid per year, in euros, without ranges for one run", () => {
    const s = spec(specs, "perYear");
    expect(s.data.values).toEqual([
      { model: E, year: "2026", paid: 280 },
      { model: E, year: "2027", paid: 280 },
      { model: T, year: "2026", paid: 2400 },
      { model: T, year: "2027", paid: 2400 },
    ]);
    expect(s["layer"]).toBeUndefined();
  });

  it("paid and margin per provider (cost € 66/hour)", () => {
    const s = spec(specs, "perProvider");
    // P0: 2 hours, cost € 132; P1: 6 hours, cost € 396.
    expect(row(s, { model: E, provider: "P0", measure: "Paid (betaald, €)" })["euros"]).toBe(140);
    expect(row(s, { model: E, provider: "P1", measure: "Paid (betaald, €)" })["euros"]).toBe(420);
    expect(row(s, { model: E, provider: "P0", measure: "Margin (marge, €)" })["euros"]).toBe(8);
    expect(row(s, { model: E, provider: "P1", measure: "Margin (marge, €)" })["euros"]).toBe(24);
    expect(row(s, { model: T, provider: "P0", measure: "Paid (betaald, €)" })["euros"]).toBe(2400);
    expect(row(s, { model: T, provider: "P1", measure: "Margin (marge, €)" })["euros"]).toBe(2004);
    expect(s.encoding["row"]).toBeDefined();
    // Bars across, so provider names read in full; one axis title at most (the rows' headers say paid or margin, in €).
    expect(s.encoding["y"]).toMatchObject({ field: "provider", title: null });
    expect(s.encoding["x"]).toMatchObject({ field: "euros", title: null });
  });

  it("paid per provider only, without cost prices", () => {
    const noCost = comparisonCharts(compare(cl, [effort, task], { horizon: options.horizon }));
    const s = spec(noCost.specs, "perProvider");
    expect(s.data.values.every((v) => v["measure"] === "Paid (betaald, €)")).toBe(true);
    expect(s.encoding["row"]).toBeUndefined();
    expect(s.encoding["y"]).toMatchObject({ field: "provider", title: "Provider (aanbieder)" });
    expect(s.encoding["x"]).toMatchObject({ field: "euros", title: "Paid (betaald, €)" });
  });

  it("open obligations at each year end, in euros", () => {
    const s = spec(specs, "obligations");
    // One point per model and year end.
    expect(s.data.values).toHaveLength(result.models.reduce((n, m) => n + m.mean.obligations.length, 0));
    // Effort: P1's December 2026 care (2 hours × € 70) is paid in January 2027, so it is open at the 2026 year end.
    expect(row(s, { model: E, date: "2026-12" })["obligations"]).toBe(140);
    expect(s.encoding["y"]).toMatchObject({ title: "Open obligations (verplichtingen, €)" });
  });

  it("needs no kept projections: the same charts without them", () => {
    expect(comparisonCharts(compare(cl, [effort, task], options))).toEqual(comparisonCharts(result));
  });

  it("is deterministic", () => {
    expect(comparisonCharts(compare(cl, [effort, task], { ...options, keepProjections: true }))).toEqual(comparisonCharts(result));
  });
});

describe("comparison charts over several runs", () => {
  const small = defaultRegionSpec({ window: { start: "2025-12", months: 25 } });
  const spec0 = { ...small, profiles: small.profiles.slice(0, 2).map((p) => ({ ...p, arrivalsPerMonth: p.arrivalsPerMonth / 40, initialStock: Math.round((p.initialStock ?? 0) / 40) })) };
  const models: ModelConfig[] = [
    { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] },
    { kind: "trajectory", amounts: spec0.profiles.map((p) => ({ profile: p.name, amount: "2500.00" })) },
  ];
  const result = compare(spec0, models, { horizon: { start: "2026-01", months: 24 }, runs: 5, seed: 3, keepProjections: true });
  const { specs } = comparisonCharts(result);

  it("per year: mean bars with P5–P95 from the runs, nearest rank", () => {
    const s = spec(specs, "perYear");
    expect(s["mark"]).toBeUndefined();
    const layer = s["layer"] as { mark: unknown; encoding: Record<string, unknown> }[];
    expect(layer.map((l) => l.mark)).toEqual(["bar", { type: "rule", color: "black", strokeWidth: 1.5 }]);
    expect(layer[1]!.encoding).toMatchObject({ y: { field: "p5" }, y2: { field: "p95" } });
    for (const m of result.models) {
      m.mean.byYear.forEach((y, k) => {
        const paid = m.runs.map((r) => r.byYear[k]!.paid);
        const sorted = [...paid].sort((a, b) => a - b);
        const v = row(s, { model: m.label, year: String(y.year) });
        // Nearest rank over 5 runs: P5 is the smallest, P95 the largest.
        expect(v).toEqual({ model: m.label, year: String(y.year), paid: y.paid / 100, p5: sorted[0]! / 100, p95: sorted[4]! / 100 });
        expect(v["p5"]).toBe(summarise(paid).p5 / 100);
      });
    }
    expect(new Set(s.data.values.map((v) => `${String(v["p5"])}:${String(v["p95"])}`)).size).toBeGreaterThan(1);
    expect(s["title"]).toMatchObject({ subtitle: expect.stringMatching(/Mean over 5 runs/) });
  });

  it("every spec has marks (its own or its layers') and an encoding", () => {
    for (const s of Object.values(specs) as Spec[]) {
      const layers = (s["layer"] as { mark?: unknown; encoding?: unknown }[] | undefined) ?? [];
      expect(s["mark"] !== undefined || (layers.length > 0 && layers.every((l) => l.mark !== undefined))).toBe(true);
      expect(s.encoding !== undefined || layers.every((l) => l.encoding !== undefined)).toBe(true);
      expect(s["$schema"]).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    }
  });

  it("differences: the mean difference, and P5–P95 of the run-by-run difference (nearest rank)", () => {
    const s = spec(specs, "differences");
    const [first, second] = result.models as [(typeof result.models)[0], (typeof result.models)[0]];
    first.mean.byYear.forEach((y, k) => {
      const diffs = second.runs.map((r, i) => r.byYear[k]!.paid - first.runs[i]!.byYear[k]!.paid).sort((a, b) => a - b);
      expect(row(s, { model: second.label, year: String(y.year) })).toEqual({
        model: second.label,
        year: String(y.year),
        difference: (second.mean.byYear[k]!.paid - y.paid) / 100,
        paid: second.mean.byYear[k]!.paid / 100,
        baseline: y.paid / 100,
        // Over 5 runs P5 is the smallest, P95 the largest.
        p5: diffs[0]! / 100,
        p95: diffs[4]! / 100,
      });
    });
    expect(s["title"]).toMatchObject({ subtitle: expect.stringMatching(/mean over 5 runs/) });
  });
});
