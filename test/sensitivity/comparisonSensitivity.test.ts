/**
 * Sensitivity of a comparison: a hand-worked tornado (uniform and triangular quantiles by hand)
 * and a two-way grid, on one caseload.
 */
import { describe, expect, it } from "vitest";
import { sensitivity, type ModelConfig } from "../../src/index.js";
import { caseload, inputIssues, rec } from "../support/examples.js";

const YEAR = { start: "2026-01", months: 12 };
// 10 hours of ambulant care in 2026.
const c = caseload([rec("T1", { start: "2026-01", end: "2026-02", use: 300 })], YEAR);
const effort: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { distribution: "uniform", min: 60, max: 80, as: "euros", name: "uurtarief" } as never }] };
const options = {
  horizon: YEAR,
  costPrices: { prices: [{ careForm: "ambulant" as const, price: { distribution: "triangular" as const, min: 50, mode: 60, max: 75, as: "euros" as const, name: "kostprijs" } }] },
};

describe("one-way sensitivity (tornado)", () => {
  const s = sensitivity(c, [effort], options);
  const row = (metric: string, label: string) => s.tornadoes.find((t) => t.metric === metric)!.tornado.rows.find((r) => r.label === label)!;

  it("swings each metric by the parameter's P5 and P95, the others at their mean", () => {
    // Tariff uniform 60–80: P5 61.00, P95 79.00 → paid 10 h × €61 = €610 and €790: swing €180.
    expect([row("totalPaid", "uurtarief").atLow, row("totalPaid", "uurtarief").atHigh, row("totalPaid", "uurtarief").swing]).toEqual([61_000, 79_000, 18_000]);
    // The cost price does not change what is paid: a swing of exactly 0.
    expect(row("totalPaid", "kostprijs").swing).toBe(0);
    // Cost triangular 50 / 60 / 75: P5 = 50 + √(0.05 × 25 × 10) = 53.54, P95 = 75 − √(0.05 × 25 × 15) = 70.67, mean 61.67.
    // Margin at the mean tariff €70: €700 − €535.40 = €164.60 and €700 − €706.70 = −€6.70: swing €171.30.
    expect([row("providerMargin", "kostprijs").atLow, row("providerMargin", "kostprijs").atHigh, row("providerMargin", "kostprijs").swing]).toEqual([16_460, -670, 17_130]);
    // The tariff's swing on the margin at the mean cost (€616.70): −€6.70 … €173.30 = €180, ranked first.
    expect(s.tornadoes.find((t) => t.metric === "providerMargin")!.tornado.rows.map((r) => [r.label, r.swing])).toEqual([
      ["uurtarief", 18_000],
      ["kostprijs", 17_130],
    ]);
    // No budget: no tornado of the budget deviation.
    expect(s.tornadoes.map((t) => t.metric)).toEqual(["totalPaid", "providerMargin"]);
  });

  it("a two-way grid of both parameters", () => {
    const grid = sensitivity(c, [effort], options, { metrics: ["providerMargin"], twoWay: ["uurtarief", "kostprijs"], steps: 2 }).twoWay[0]!;
    // Corners: tariff 61 / 79 × cost 53.54 / 70.67 → margins 61000 − 53540, 61000 − 70670, 79000 − 53540, 79000 − 70670.
    expect(grid.result.cells.map((r) => r.map((x) => x["providerMargin"]))).toEqual([
      [7_460, -9_670],
      [25_460, 8_330],
    ]);
  });

  it("needs an uncertain parameter", () => {
    expect(inputIssues(() => sensitivity(c, [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }], { horizon: YEAR }))[0]!.message).toMatch(/no uncertain parameters/);
  });
});
