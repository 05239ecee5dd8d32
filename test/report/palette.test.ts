import { describe, expect, it } from "vitest";
import { compare, type ModelConfig } from "../../src/index.js";
import { comparisonCharts } from "../../src/report/charts.js";
import { MODEL_KIND_COLOURS, modelColours, paletteKind } from "../../src/report/palette.js";
import { reformEffectsChart } from "../../src/report/reformCharts.js";
import { riskCharts } from "../../src/report/riskCharts.js";
import { caseload, rec } from "../support/examples.js";
import { withRisk } from "./handRisk.js";

/** Every colour channel of a spec, however deeply layered or faceted. */
function colourScales(spec: unknown): { domain: string[]; range: string[] }[] {
  const out: { domain: string[]; range: string[] }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        const scale = (v as { field?: unknown; scale?: { domain?: unknown; range?: unknown } } | null)?.scale;
        if (k === "color" && (v as { field?: unknown }).field === "model" && scale) out.push(scale as { domain: string[]; range: string[] });
        else walk(v);
      }
    }
  };
  walk(spec);
  return out;
}

describe("one colour per model kind", () => {
  const cl = caseload([rec("a", { start: "2026-01", end: "2026-03" }), rec("b", { provider: "P1", start: "2026-02", end: "2026-06", use: 120 })], { start: "2025-12", months: 13 });
  const effort: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };
  const ceiling: ModelConfig = { ...effort, label: "Met plafond", ceiling: { amounts: [{ provider: "P0", perYear: "100.00" }, { provider: "P1", perYear: "100.00" }], behaviour: "providerBears" } };
  const task: ModelConfig = { kind: "task", budgets: [{ provider: "P0", perYear: "1200.00" }, { provider: "P1", perYear: "1200.00" }] };
  const trajectory: ModelConfig = { kind: "trajectory", amounts: [{ profile: "licht", amount: "2500.00" }] };
  const horizon = { start: "2026-01", months: 12 };

  it("names the kind of each model, the ceiling variant of effort funding as its own", () => {
    const c = compare(cl, [task, effort, ceiling, trajectory], { horizon });
    expect(c.models.map((m) => paletteKind(m))).toEqual(["task", "effort", "effortCeiling", "trajectory"]);
    expect(c.models.map((m) => m.ceiling)).toEqual([false, false, true, false]);
    expect(paletteKind({ kind: "somethingNew" })).toBe("other");
    expect(paletteKind({ kind: "combined" })).toBe("combined");
    // A kind-like name that is a palette key but not a config kind is no kind.
    expect(paletteKind({ kind: "effortCeiling" })).toBe("other");
  });

  it("gives a model its kind's colour wherever it stands in the comparison", () => {
    const forward = compare(cl, [task, effort, ceiling, trajectory], { horizon });
    const backward = compare(cl, [trajectory, ceiling, effort, task], { horizon });
    expect(modelColours(forward)).toEqual(["#0072B2", "#E69F00", "#D55E00", "#CC79A7"]);
    expect(modelColours(backward)).toEqual(["#CC79A7", "#D55E00", "#E69F00", "#0072B2"]);
    expect(modelColours(forward)).toEqual([MODEL_KIND_COLOURS.task[0], MODEL_KIND_COLOURS.effort[0], MODEL_KIND_COLOURS.effortCeiling[0], MODEL_KIND_COLOURS.trajectory[0]]);
  });

  it("tells two models of one kind apart by the kind's next shade", () => {
    const c = compare(cl, [effort, { ...effort, tariffs: [{ careForm: "ambulant", tariff: "80.00" }] }, task], { horizon });
    expect(modelColours(c)).toEqual([MODEL_KIND_COLOURS.effort[0], MODEL_KIND_COLOURS.effort[1], MODEL_KIND_COLOURS.task[0]]);
  });

  it("colours every chart of the comparison, risk and reform reports by kind", () => {
    const c = compare(cl, [trajectory, effort, task], { horizon, keepProjections: true });
    const byLabel = new Map(c.models.map((m, i) => [m.label, modelColours(c)[i]!]));
    const scales = Object.values(comparisonCharts(c).specs).flatMap(colourScales);
    // Risk (withRisk: effort and task over several runs) and reform charts share the palette.
    const riskScales = Object.values(riskCharts(withRisk).specs).flatMap(colourScales);
    const reforms = reformEffectsChart({
      steps: [
        { name: "Basis", description: null, comparison: withRisk, effects: null },
        { name: "Reform", description: null, comparison: withRisk, effects: withRisk.models.map((m) => ({ label: m.label, effect: { totalPaid: { mean: 1, p5: 0, p50: 1, p95: 2 } } })) },
      ],
    });
    const reformScales = colourScales(reforms);
    expect(scales.length).toBeGreaterThanOrEqual(4);
    expect(riskScales.length).toBeGreaterThanOrEqual(3);
    expect(reformScales).toHaveLength(1);
    for (const s of scales) s.domain.forEach((label, i) => expect(s.range[i]).toBe(byLabel.get(label)));
    const riskByLabel = new Map(withRisk.models.map((m) => [m.label, MODEL_KIND_COLOURS[paletteKind(m)][0]]));
    for (const s of [...riskScales, ...reformScales]) s.domain.forEach((label, i) => expect(s.range[i]).toBe(riskByLabel.get(label)));
    expect(new Set(withRisk.models.map((m) => m.kind))).toEqual(new Set(["effort", "task"]));
  });

  it("has no colour twice, over every kind and shade", () => {
    const all = Object.values(MODEL_KIND_COLOURS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((c) => /^#[0-9A-F]{6}$/.test(c))).toBe(true);
  });
});
