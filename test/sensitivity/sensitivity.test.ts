/**
 * One-way (tornado) and two-way sensitivity on a synthetic, linear evaluation whose swings are
 * worked out by hand from the parameters' quantiles.
 */
import { describe, expect, it } from "vitest";
import { FundingInputError } from "../../src/errors.js";
import { oneWaySensitivity, tornado, twoWayGrid, twoWaySensitivity, type MetricEvaluator } from "../../src/index.js";
import { findUncertain, type ParameterValues } from "../../src/index.js";

// x: uniform(0, 100)            P5 = 5,  P95 = 95,  centre 50
// y: triangular(0, 2, 10)       P5 = 1,  P95 = 10 − √(0.05·10·8) = 8, centre 4
// z: normal(10, 2)              P5 = 10 − 1.6448536·2 = 6.7102927, P95 = 13.2897073, centre 10
// w: fixed 7                    always 7
const TREE = {
  x: { distribution: "uniform", min: 0, max: 100, name: "volume" },
  y: { distribution: "triangular", min: 0, mode: 2, max: 10 },
  nested: [{ z: { distribution: "normal", mean: 10, sd: 2 } }],
  w: { distribution: "fixed", value: 7 },
};
const PARAMS = findUncertain(TREE);
const Z = "nested[0].z";

/**
 * Metric `total` = 1000·x + 200·y cents (ignores z and w); `zOnly` = 50·z; `perResult` is null
 * when x < 10; `cv` is a float (not cents).
 */
function linear(calls: ParameterValues[] = []): MetricEvaluator {
  return (v) => {
    calls.push(v);
    const x = v.get("x")!;
    const y = v.get("y")!;
    const z = v.get(Z)!;
    return { total: Math.round(1000 * x + 200 * y), zOnly: Math.round(50 * z), perResult: x < 10 ? null : Math.round(x), cv: x / 1000 };
  };
}

describe("oneWaySensitivity", () => {
  const calls: ParameterValues[] = [];
  const result = oneWaySensitivity(PARAMS, linear(calls));

  it("base case at every centre: 1000·50 + 200·4 = 50800", () => {
    expect(result.low).toBe(5);
    expect(result.high).toBe(95);
    expect(result.base).toEqual({ total: 50800, zOnly: 500, perResult: 50, cv: 0.05 });
  });

  it("each parameter at P5 and P95 with the others at their centre", () => {
    const [x, y, z, w] = result.rows;
    expect(x).toMatchObject({ key: "x", label: "volume", centre: 50, atLow: { total: 5800 }, atHigh: { total: 95800 } }); // 5000 + 800, 95000 + 800
    expect(x!.lowValue).toBeCloseTo(5, 12);
    expect(x!.highValue).toBeCloseTo(95, 12);
    expect(y).toMatchObject({ key: "y", label: "y", centre: 4, atLow: { total: 50200 }, atHigh: { total: 51600 } }); // 50000 + 200·1, + 200·8
    expect(z!.atLow.zOnly).toBe(336); // 50·6.7102927 = 335.51
    expect(z!.atHigh.zOnly).toBe(664); // 50·13.2897073 = 664.49
    expect(z!.atLow.total).toBe(50800);
    expect(w).toMatchObject({ key: "w", lowValue: 7, highValue: 7, atLow: result.base, atHigh: result.base });
  });

  it("every evaluation sees all parameters; a fixed parameter reuses the base case", () => {
    expect(calls).toHaveLength(1 + 2 * 3);
    for (const c of calls) expect([...c.keys()].sort()).toEqual(["nested[0].z", "w", "x", "y"]);
    expect(calls[1]!.get("y")).toBe(4);
    expect(calls[1]!.get("w")).toBe(7);
  });

  it("validates its options", () => {
    expect(() => oneWaySensitivity(PARAMS, linear(), { low: 90, high: 10 })).toThrow(/high: high \(10\) must be greater than low \(90\)/);
    expect(() => oneWaySensitivity(PARAMS, linear(), { low: 0 })).toThrow(FundingInputError);
    const r = oneWaySensitivity(PARAMS, linear(), { low: 25, high: 75 });
    expect(r.rows[0]!.atLow.total).toBe(25800); // x at P25 = 25
  });
});

describe("tornado", () => {
  const result = oneWaySensitivity(PARAMS, linear());

  it("ranks by swing |atHigh − atLow|, largest first; ties by key; an ignored parameter swings exactly 0", () => {
    const t = tornado(result, "total");
    expect(t.metric).toBe("total");
    expect(t.base).toBe(50800);
    expect(t.rows.map((r) => [r.key, r.swing])).toEqual([
      ["x", 90000], // 1000·(95 − 5)
      ["y", 1400], // 200·(8 − 1)
      ["nested[0].z", 0],
      ["w", 0],
    ]);
  });

  it("a metric only z moves", () => {
    expect(tornado(result, "zOnly").rows.map((r) => [r.key, r.swing])).toEqual([
      ["nested[0].z", 328], // 664 − 336
      ["w", 0],
      ["x", 0],
      ["y", 0],
    ]);
  });

  it("a null end gives no swing, ranked last", () => {
    const t = tornado(result, "perResult");
    expect(t.rows.map((r) => [r.key, r.atLow, r.atHigh, r.swing])).toEqual([
      ["nested[0].z", 50, 50, 0],
      ["w", 50, 50, 0],
      ["y", 50, 50, 0],
      ["x", null, 95, null], // x at P5 = 5 < 10: null
    ]);
  });

  it("refuses an unknown metric and a metric that is not whole cents", () => {
    expect(() => tornado(result, "totl")).toThrow(/no metric "totl"; the metrics are total, zOnly, perResult, cv/);
    expect(() => tornado(result, "cv")).toThrow(/cv in the base case is 0.05, not a whole number of cents/);
  });

  it("is exact for amounts near 2^53", () => {
    const big = 2 ** 53 - 1;
    const r = oneWaySensitivity(PARAMS.slice(0, 1), (v) => ({ m: v.get("x")! < 50 ? -big + 1 : v.get("x")! > 50 ? big - 1 - 1 : 0 }));
    expect(() => tornado(r, "m")).toThrow(/outside the exact range/);
    const r2 = oneWaySensitivity(PARAMS.slice(0, 1), (v) => ({ m: v.get("x")! < 50 ? big - 3 : v.get("x")! > 50 ? big : 0 }));
    expect(tornado(r2, "m").rows[0]!.swing).toBe(3);
  });
});

describe("twoWaySensitivity", () => {
  it("a grid of A × B at evenly spaced percentiles, the others at their centre", () => {
    const calls: ParameterValues[] = [];
    const r = twoWaySensitivity("x", PARAMS[1]!, PARAMS, linear(calls), { steps: 3 });
    expect(r.a.percentiles).toEqual([5, 50, 95]);
    expect(r.a.values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 50, 95]);
    expect(r.b.key).toBe("y");
    // y: P50 of triangular(0, 2, 10) = 10 − √(0.5·10·8) = 3.6754447
    expect(r.b.values[1]).toBeCloseTo(10 - Math.sqrt(40), 12);
    expect(twoWayGrid(r, "total")).toEqual([
      [5200, 5735, 6600], // 5000 + 200·{1, 3.675, 8}
      [50200, 50735, 51600],
      [95200, 95735, 96600],
    ]);
    expect(calls).toHaveLength(9);
    for (const c of calls) expect(c.get(Z)).toBe(10);
  });

  it("defaults to 5 steps from P5 to P95", () => {
    const r = twoWaySensitivity("x", "y", PARAMS, linear());
    expect(r.a.percentiles).toEqual([5, 27.5, 50, 72.5, 95]);
    expect(r.cells).toHaveLength(5);
    expect(r.cells[0]).toHaveLength(5);
  });

  it("refuses an unknown parameter, the same parameter twice and bad options", () => {
    expect(() => twoWaySensitivity("x", "q", PARAMS, linear())).toThrow(/paramB: no uncertain parameter q; the parameters are x, y, nested\[0\]\.z, w/);
    expect(() => twoWaySensitivity("x", "x", PARAMS, linear())).toThrow(/paramA and paramB are both x/);
    expect(() => twoWaySensitivity("x", "y", PARAMS, linear(), { steps: 1 })).toThrow(/steps must be at least 2/);
    expect(() => twoWaySensitivity("x", "y", PARAMS, linear(), { from: 60, to: 40 })).toThrow(/to \(40\) must be greater than from \(60\)/);
  });
});
