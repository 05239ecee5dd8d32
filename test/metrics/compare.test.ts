/**
 * Comparison metrics: two models on one caseload, per-client / per-trajectory / per-result amounts,
 * budget deviation per year, margins, and the Monte Carlo summary — hand-worked examples.
 */
import { describe, expect, it } from "vitest";
import {
  compare,
  createModel,
  generateCaseload,
  measure,
  project,
  summarise,
  type ModelConfig,
} from "../../src/index.js";
import { caseload, inputIssues, rec, HAND_WORKED, SMALL_SPEC } from "../support/examples.js";

// t1 (c1): P0 Jan–Mar 2026, achieved; t2 (c2): P0 Jan–Jun 2026, not achieved; t3 (c3): P1 from Mar 2027, open; 60 minutes a month.
const { caseload: c, effort: EFFORT, trajectory: TRAJECTORY } = HAND_WORKED;

describe("compare: two models on one caseload", () => {
  // Effort (€70/h, lag 1): t1 3 × 7000 = 21000 (Feb–Apr 2026); t2 6 × 7000 = 42000 (Feb–Jul 2026);
  //   t3 care Mar–Dec 2027 = 10 months, the first 9 paid Apr–Dec 2027 = 63000, December's 7000 after the horizon.
  //   Total 126000: 2026 63000, 2027 63000.
  // Trajectory (€1,000.01, advance 50 % = 50000.5 → 50001, settlement 50000): t1 100001, t2 100001, t3 advance 50001
  //   (Apr 2027), settlement after the window. Total 250003: 2026 200002, 2027 50001.
  // Clients 3; closed inside the horizon 2 (t1, t2); achieved 1 (t1).
  const cmp = compare(c, [EFFORT, TRAJECTORY], { budget: { perYear: "1500.00" } });
  const [effort, trajectory] = cmp.models as [(typeof cmp.models)[number], (typeof cmp.models)[number]];

  it("totals, per client, per closed trajectory and per achieved result (half-even to the cent)", () => {
    expect(cmp.horizon).toEqual({ start: "2026-01", months: 24 }); // default: the caseload's window
    expect(cmp.seeds).toEqual([]); // a fixed caseload: no Monte Carlo seeds
    expect(effort.metrics).toMatchObject({
      totalPaid: 126000,
      clients: 3,
      closedTrajectories: 2,
      achievedResults: 1,
      perClient: 42000, // 126000 / 3
      perClosedTrajectory: 63000, // 126000 / 2
      perAchievedResult: 126000,
      dueAfterHorizon: 7000,
    });
    expect(trajectory.metrics).toMatchObject({
      totalPaid: 250003,
      perClient: 83334, // 250003 / 3 = 83334.33 → 83334
      perClosedTrajectory: 125002, // 250003 / 2 = 125001.5 → half-even → 125002
      perAchievedResult: 250003,
      dueAfterHorizon: 50000,
    });
    expect([effort.label, effort.kind, effort.variant]).toEqual(["Inspanningsgericht (p×q)", "effort", "inspanningsgericht"]);
    expect([trajectory.kind, trajectory.variant]).toEqual(["trajectory", "outputgericht"]);
  });

  it("budget deviation per calendar year (+ is overspend)", () => {
    // Budget €1,500 = 150000 a year.
    // Effort: 2026 63000 − 150000 = −87000; 2027 the same; whole horizon −174000.
    // Trajectory: 2026 200002 − 150000 = +50002; 2027 50001 − 150000 = −99999; whole −49997.
    expect(effort.metrics.byYear).toEqual([
      { year: 2026, paid: 63000, budget: 150000, deviation: -87000, cost: null },
      { year: 2027, paid: 63000, budget: 150000, deviation: -87000, cost: null },
    ]);
    expect(effort.metrics.budgetDeviation).toBe(-174000);
    expect(trajectory.metrics.byYear.map((y) => y.deviation)).toEqual([50002, -99999]);
    expect(trajectory.metrics.budgetDeviation).toBe(-49997);
  });

  it("a year partly inside the horizon gets its months' share of the budget, half-even", () => {
    // Horizon Jan 2026 – Jun 2027, budget €1,000.01 = 100001: 2027 gets 100001 × 6 / 12 = 50000.5 → half-even 50000.
    // Effort paid in Jan–Jun 2027: t3 care Mar–May paid Apr–Jun = 21000 → deviation −29000.
    const half = compare(c, [EFFORT], { horizon: { start: "2026-01", months: 18 }, budget: { perYear: "1000.01" } });
    expect(half.models[0]!.metrics.byYear).toEqual([
      { year: 2026, paid: 63000, budget: 100001, deviation: -37001, cost: null },
      { year: 2027, paid: 21000, budget: 50000, deviation: -29000, cost: null },
    ]);
  });

  it("the summary of a single fixed-caseload run is that run's amounts", () => {
    expect(effort.runs).toEqual([effort.metrics]);
    expect(effort.summary.totalPaid).toEqual({ mean: 126000, p5: 126000, p50: 126000, p95: 126000 });
    expect(effort.summary.budgetDeviation).toEqual({ mean: -174000, p5: -174000, p50: -174000, p95: -174000 });
    // without cost prices there is no cost or margin to summarise
    expect(effort.summary.providerCost).toBeUndefined();
    expect(effort.projection).toBeNull();
    expect(compare(c, [EFFORT], { keepProjections: true }).models[0]!.projection!.totalPaid).toBe(126000);
  });

  it("cost and margin per provider", () => {
    // Cost €60/h for ambulant, in the care month, inside the horizon:
    //   P0: t1 3 h + t2 6 h = 9 h × 6000 = 54000; P1: t3 10 h × 6000 = 60000 → 114000.
    // Effort margin: paid 126000 − 114000 = 12000 (9.52 % of paid); P0 63000 − 54000 = 9000, P1 63000 − 60000 = 3000.
    // Trajectory margin: 250003 − 114000 = 136003; P0 200002 − 54000 = 146002; P1 50001 − 60000 = −9999.
    const m = compare(c, [EFFORT, TRAJECTORY], { costPrices: { prices: [{ careForm: "ambulant", price: "60.00" }] } }).models;
    expect(m[0]!.metrics).toMatchObject({ providerCost: 114000, providerMargin: 12000, providerMarginPercent: "9.52" });
    expect(m[0]!.metrics.marginByProvider).toEqual([
      { provider: "P0", paid: 63000, cost: 54000, margin: 9000 },
      { provider: "P1", paid: 63000, cost: 60000, margin: 3000 },
    ]);
    expect(m[1]!.metrics.marginByProvider).toEqual([
      { provider: "P0", paid: 200002, cost: 54000, margin: 146002 },
      { provider: "P1", paid: 50001, cost: 60000, margin: -9999 },
    ]);
    expect(m[1]!.metrics.providerMargin).toBe(136003);
  });

  it("a task budget for all providers shows as (all providers), with no cost of its own", () => {
    // €1,200 a year for all: 24 × 10000 = 240000 over the horizon. Margin by provider: (all providers) paid 240000, cost 0;
    // P0 and P1 paid nothing but had cost.
    const m = compare(c, [{ kind: "task", budgets: [{ perYear: "1200.00" }] }], { costPrices: { prices: [{ careForm: "ambulant", price: "60.00" }] } }).models[0]!;
    expect(m.metrics.totalPaid).toBe(240000);
    expect(m.metrics.messages).toBe(0);
    expect(m.metrics.marginByProvider).toEqual([
      { provider: "P0", paid: 0, cost: 54000, margin: -54000 },
      { provider: "P1", paid: 0, cost: 60000, margin: -60000 },
      { provider: "(all providers)", paid: 240000, cost: null, margin: null },
    ]);
  });

  it("accepts a FundingModel value as well as a config, and names a bad model's index", () => {
    const again = compare(c, [createModel(EFFORT)]);
    expect(again.models[0]!.metrics.totalPaid).toBe(126000);
    expect(inputIssues(() => compare(c, [])).map((i) => i.path)).toEqual([["models"]]);
    const bad = inputIssues(() => compare(c, [EFFORT, { kind: "trajectory", amounts: [{ amount: "1.00" }], advancePercent: 101 }]));
    expect(bad[0]).toMatchObject({ path: ["models", 1, "advancePercent"], message: "must be between 0 and 100" });
  });
});

describe("cash-flow predictability and ceiling signals", () => {
  it("monthlyVariation is the coefficient of variation of the monthly payments; signals are counted", () => {
    // a: Jan–Mar 60 min; b: Mar 60 min; €70/h, lag 1, horizon Jan–Apr 2026 → paid [0, 7000, 7000, 14000].
    // Mean 7000; deviations −7000, 0, 0, +7000 → variance (49e6 + 49e6) / 4 = 24.5e6 → sd 4949.75 → cv 0.70711 → 0.7071.
    // Ceiling P0 €100 (overspend): declared Jan 7000 ≥ 70 % = 7000 → consultation in Jan; Feb 14000 ≥ 10000 → reached.
    const w = { start: "2026-01", months: 4 };
    const c2 = caseload([rec("a", { start: "2026-01", end: "2026-03" }), rec("b", { start: "2026-03" })], w);
    const ceiling = { amounts: [{ provider: "P0", perYear: "100.00" }], behaviour: "overspend" as const };
    const [plain, capped, task] = compare(c2, [EFFORT, { ...EFFORT, ceiling } as ModelConfig, { kind: "task", budgets: [{ perYear: "1200.00" }] }]).models;
    expect(plain!.metrics).toMatchObject({ monthlyVariation: 0.7071, consultationSignals: 0, ceilingsReached: 0, paymentLines: 4 });
    expect(capped!.metrics).toMatchObject({ monthlyVariation: 0.7071, consultationSignals: 1, ceilingsReached: 1 });
    // a flat lump sum: 10000 every month
    expect(task!.metrics.monthlyVariation).toBe(0);
  });
});

describe("summarise: Monte Carlo summary statistics", () => {
  it("nearest-rank percentiles: each is an observed amount", () => {
    // n = 4: P5 → rank ⌈0.2⌉ = 1 → 100; P50 → ⌈2⌉ = 2 → 200; P95 → ⌈3.8⌉ = 4 → 400. Mean 1000 / 4 = 250.
    expect(summarise([400, 100, 300, 200])).toEqual({ mean: 250, p5: 100, p50: 200, p95: 400 });
    // 1 … 20: P5 → rank ⌈1⌉ = 1 → 1; P50 → ⌈10⌉ = 10 → 10; P95 → ⌈19⌉ = 19 → 19. Mean 210 / 20 = 10.5 → half-even 10.
    expect(summarise(Array.from({ length: 20 }, (_, i) => 20 - i))).toEqual({ mean: 10, p5: 1, p50: 10, p95: 19 });
    // n = 3: ranks ⌈0.15⌉ = 1, ⌈1.5⌉ = 2, ⌈2.85⌉ = 3.
    expect(summarise([30, 10, 20])).toEqual({ mean: 20, p5: 10, p50: 20, p95: 30 });
    expect(summarise([5])).toEqual({ mean: 5, p5: 5, p50: 5, p95: 5 });
    // 101 values 0 … 100: P5 → rank ⌈5.05⌉ = 6 → 5; P50 → ⌈50.5⌉ = 51 → 50; P95 → ⌈95.95⌉ = 96 → 95.
    expect(summarise(Array.from({ length: 101 }, (_, i) => i))).toMatchObject({ p5: 5, p50: 50, p95: 95 });
  });

  it("the mean is exact for large amounts and rounds non-ties to the nearest cent", () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(summarise([big, big]).mean).toBe(big); // the sum passes 2^53: summed exactly
    expect(summarise([big, big - 2]).mean).toBe(big - 1);
    expect(summarise([1, 1, 2]).mean).toBe(1); // 1.33 → 1
    expect(summarise([1, 2, 2]).mean).toBe(2); // 1.67 → 2
    expect(summarise([-1, -1, -2]).mean).toBe(-1); // −1.33 → −1
    expect(summarise([-2, -2, -1]).mean).toBe(-2); // −1.67 → −2
    expect(summarise([1, 2, 3, 4]).mean).toBe(2); // 2.5 → half-even 2
    expect(summarise([2, 3]).mean).toBe(2); // 2.5 → 2
    expect(() => summarise([])).toThrow(RangeError);
  });

  it("the mean rounds ties to the even cent", () => {
    expect(summarise([1, 2]).mean).toBe(2); // 1.5 → 2
    expect(summarise([3, 4]).mean).toBe(4); // 3.5 → 4
    expect(summarise([-1, -2]).mean).toBe(-2); // −1.5 → −2
    expect(summarise([11, 12]).mean).toBe(12); // 11.5 → 12
  });
});

describe("compare over Monte Carlo runs", () => {
  const spec = SMALL_SPEC;

  it("runs one caseload per seed, the same for every model, and summarises each metric over the runs", () => {
    const cmp = compare(spec, [EFFORT, TRAJECTORY], { seed: 7, runs: 5 });
    expect(cmp.seeds).toEqual([7, 8, 9, 10, 11]);
    const [e, t] = cmp.models as [(typeof cmp.models)[number], (typeof cmp.models)[number]];
    expect(e.runs).toHaveLength(5);
    cmp.seeds.forEach((seed, r) => {
      // common random numbers: run r of every model is measured on generateCaseload(spec, seed)
      const caseloadR = generateCaseload(spec, seed);
      expect(e.runs[r]).toEqual(measure(project(caseloadR, createModel(EFFORT), { horizon: cmp.horizon }), null));
      expect(t.runs[r]!.clients).toBe(e.runs[r]!.clients);
    });
    const totals = e.runs.map((m) => m.totalPaid);
    expect(e.summary.totalPaid).toEqual(summarise(totals));
    const sorted = [...totals].sort((a, b) => a - b);
    // nearest rank with n = 5: P5 → 1st, P50 → 3rd, P95 → 5th
    expect([e.summary.totalPaid!.p5, e.summary.totalPaid!.p50, e.summary.totalPaid!.p95]).toEqual([sorted[0], sorted[2], sorted[4]]);
    expect(e.metrics).toEqual(e.runs[0]);
    let progress = 0;
    compare(spec, [EFFORT], { runs: 3 }, (done, total) => {
      progress++;
      expect([done, total]).toEqual([progress, 3]);
    });
    expect(progress).toBe(3);
  });
});
