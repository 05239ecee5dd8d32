/**
 * Behaviour responses: hand-worked examples of each response through `compare`, the sets, and
 * located errors. Every amount below is worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import {
  applyBehaviour,
  BEHAVIOUR_SETS,
  compare,
  resolveBehaviour,
  toRecords,
  type Caseload,
  type Comparison,
  type FundingModel,
  type ModelConfig,
} from "../../src/index.js";
import { caseload, inputIssues, rec } from "../support/examples.js";

const YEAR = { start: "2026-01", months: 12 };
const COST = { prices: [{ careForm: "ambulant" as const, price: "60.00" }, { careForm: "verblijf" as const, price: "150.00" }] };
const EFFORT: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] };
const TRAJECTORY: ModelConfig = { kind: "trajectory", amounts: [{ amount: "1000.00" }], advancePercent: 50 };

const paid = (r: Comparison, i: number): number => r.models[i]!.metrics.totalPaid;
const measures = (r: Comparison, i: number): Record<string, number> => Object.fromEntries(r.models[i]!.metrics.modelMeasures.map((m) => [m.name, m.value]));

describe("effort: extra use when paid per unit", () => {
  // T1 ambulant: 600 minutes in January, 45 in February. T2 verblijf: 30 etmalen in April (30 days).
  const c = caseload(
    [
      rec("T1", { start: "2026-01", end: "2026-02", use: [600, 45] }),
      rec("T2", { start: "2026-04", end: "2026-04", careForm: "verblijf", unit: "14", use: 30 }),
    ],
    YEAR,
  );

  it("grows use by the percentage, half-up to a whole unit, never past the month", () => {
    // Without: January 600 min = 10 h × €70 = €700; February 45 min → 1 h (remainder ≥ 30) = €70; April 30 × €180 = €5,400.
    // With +10 %: 660 min = 11 h = €770; 49.5 → 50 min → 1 h = €70; 33 etmalen capped at April's 30 = €5,400.
    const behaviour = { effort: { extraUsePercent: { ambulant: 10, verblijf: 10 } } };
    const r = compare(c, [EFFORT, TRAJECTORY], { horizon: YEAR, costPrices: COST, behaviour });
    const plain = compare(c, [EFFORT, TRAJECTORY], { horizon: YEAR, costPrices: COST });
    expect(paid(plain, 0)).toBe(617_000);
    expect(paid(r, 0)).toBe(624_000);
    // Cost: 660 + 50 minutes at €60 an hour = €660 + €50, and 30 etmalen × €150 = €4,500 → €5,210 (without: €600 + €45 + €4,500).
    expect(r.models[0]!.metrics.providerCost).toBe(521_000);
    expect(plain.models[0]!.metrics.providerCost).toBe(514_500);
    expect(measures(r, 0)).toEqual({ "Behaviour: trajectories with extra use": 1 });
    // The trajectory model does not pay per unit: its column is the caseload as given.
    expect(r.models[1]!.metrics).toEqual(plain.models[1]!.metrics);
    expect(r.warnings[0]).toMatch(/^providers' behaviour responses are on \(set none; effort: use \+10 % ambulant, \+10 % verblijf\)/);
    expect(r.notices[0]!.nl).toBe(
      "gedragsreacties van aanbieders staan aan (set none; inspanningsgericht: inzet +10 % ambulant, +10 % verblijf): de kolom van elk model is de zorg zoals geleverd onder zijn prikkel, niet de caseload zoals gegeven.",
    );
  });
});

describe("trajectory and output: shorter durations, split episodes, upcoding", () => {
  // T1: ambulant, 60 minutes a month, January – October 2026 (10 months), achieved.
  const c = caseload([rec("T1", { start: "2026-01", end: "2026-10" })], YEAR);

  it("a shorter duration ends the trajectory earlier: same amount, settled earlier, less care", () => {
    // 20 % of 10 months = 2 months exactly, whatever the draw: ends in August.
    // Advance €500 paid February; the rest €500 at closure in August, paid September (was November).
    // Cost: 8 months × 1 h × €60 = €480 (was €600).
    const r = compare(c, [TRAJECTORY], { horizon: YEAR, costPrices: COST, behaviour: { trajectory: { shorterDurationPercent: 20 } }, keepProjections: true });
    const m = r.models[0]!;
    expect(m.metrics.totalPaid).toBe(100_000);
    expect(m.metrics.providerCost).toBe(48_000);
    expect(toRecords(m.delivered!)[0]).toMatchObject({ end: "2026-08", outcome: "achieved", use: [60, 60, 60, 60, 60, 60, 60, 60] });
    expect(measures(r, 0)).toEqual({ "Behaviour: trajectories shortened": 1, "Behaviour: care months cut": 2 });
  });

  it("a split closes the trajectory halfway without its result and opens it again: two amounts, the same care", () => {
    // Halfway: 10 ÷ 2 = 5 months. T1 January – May, not achieved; T1#vervolg June – October, achieved.
    // Paid: two trajectories × €1,000 = €2,000 (advances February and July, rests June and November); cost still 10 × €60.
    const r = compare(c, [TRAJECTORY, EFFORT], { horizon: YEAR, costPrices: COST, behaviour: { trajectory: { episodeSplitPercent: 100 } }, keepProjections: true });
    expect(paid(r, 0)).toBe(200_000);
    expect(r.models[0]!.metrics.providerCost).toBe(60_000);
    expect(r.models[0]!.metrics.closedTrajectories).toBe(2);
    const records = toRecords(r.models[0]!.delivered!);
    expect(records.map((x) => [x.id, x.start, x.end, x.outcome, x.use.length])).toEqual([
      ["T1", "2026-01", "2026-05", "notAchieved", 5],
      ["T1#vervolg", "2026-06", "2026-10", "achieved", 5],
    ]);
    expect(r.models[0]!.delivered!.previous[1]).toBe(0);
    // Effort pays by the month: 10 × 1 h × €70, split or not (and it is not split: the response is trajectory's).
    expect(paid(r, 1)).toBe(70_000);
    expect(r.models[1]!.delivered).toBeNull();
  });

  it("upcoding registers a trajectory one level higher; the heaviest level stays", () => {
    // laag €1,000, hoog €3,000, all paid at the start. T1 laag → hoog; T2 hoog stays. €3,000 + €3,000 (was €1,000 + €3,000).
    const two = caseload([rec("T1", { start: "2026-01", end: "2026-03" }), rec("T2", { start: "2026-02", end: "2026-03", intensity: "hoog" })], YEAR);
    const output: ModelConfig = {
      kind: "output",
      prices: [{ intensity: "laag", price: "1000.00" }, { intensity: "hoog", price: "3000.00" }],
      schedule: { atStart: 100, instalments: 0 },
    };
    expect(paid(compare(two, [output], { horizon: YEAR }), 0)).toBe(400_000);
    expect(paid(compare(two, [output], { horizon: YEAR, behaviour: { output: { upcodingPercent: 100 } } }), 0)).toBe(600_000);
    // Read the other way round (hoog is the lighter level), T2 moves to laag and T1 is at the top: €1,000 + €1,000.
    expect(paid(compare(two, [output], { horizon: YEAR, behaviour: { output: { upcodingPercent: 100 }, intensityOrder: ["hoog", "laag"] } }), 0)).toBe(200_000);
  });
});

describe("task: cream skimming", () => {
  it("refers the heaviest level elsewhere: the lump sum is the same, the referred care is paid by no budget", () => {
    // P0 has a budget of €1,200 a year (€100 a month). T1 laag and T2 hoog each 1 h in March at a cost of €60.
    const c = caseload([rec("T1", { start: "2026-03" }), rec("T2", { start: "2026-03", intensity: "hoog" })], YEAR);
    const task: ModelConfig = { kind: "task", budgets: [{ provider: "P0", perYear: "1200.00" }] };
    const r = compare(c, [task], { horizon: YEAR, costPrices: COST, behaviour: { task: { creamSkimmingPercent: 100 } } });
    const m = r.models[0]!.metrics;
    expect(m.totalPaid).toBe(120_000);
    expect(m.providerCost).toBe(12_000);
    const byProvider = Object.fromEntries(m.marginByProvider.map((x) => [x.provider, [x.paid, x.cost]]));
    expect(byProvider["P0"]).toEqual([120_000, 6_000]);
    expect(byProvider["Elders (doorverwezen)"]).toEqual([0, 6_000]);
  });
});

describe("task: a waiting list when the lump sum runs short", () => {
  // P0 has a lump sum of €1,200 a year: €100 for each month gone. Cost €60 an hour.
  // T1: January – April, 120 minutes a month = €120 a month. T2: one hour in March.
  const c = caseload([rec("T1", { start: "2026-01", end: "2026-04", use: 120 }), rec("T2", { start: "2026-03", use: 60 })], YEAR);
  const lumpSum: FundingModel = {
    kind: "task",
    label: "Lump sum",
    variant: "taakgericht",
    project: () => ({}),
    lumpSums: (x) => Float64Array.from(x.providers, (p) => (p === "P0" ? 120_000 : 0)),
  };
  const behaviour = { task: { intakeStopAtBudgetPercent: 100 } };

  it("lets a new client wait while the cost so far runs above the budget to date", () => {
    // March: spent Jan + Feb €240 > €200 → T2 waits. April: €360 > €300, waits. May: €480 > €400, waits.
    // June: €480 (T1 ended in April) ≤ €500 → T2 starts in June: 3 months late, 1 client, 3 client-months.
    const r = compare(c, [lumpSum], { horizon: YEAR, costPrices: COST, behaviour, keepProjections: true });
    const m = r.models[0]!.metrics;
    expect([m.clientsWaiting, m.clientMonthsWaiting]).toEqual([1, 3]);
    expect(r.warnings[0]).toMatch(/task: new clients wait while a provider's cost runs above 100 % of its budget to date/);
    expect(toRecords(r.models[0]!.delivered!).map((x) => [x.id, x.start, x.end])).toEqual([
      ["T1", "2026-01", "2026-04"],
      ["T2", "2026-06", "2026-06"],
    ]);
    // At 120 % the budget to date is €120 a month: March €240 ≤ €240 → no wait.
    const lenient = compare(c, [lumpSum], { horizon: YEAR, costPrices: COST, behaviour: { task: { intakeStopAtBudgetPercent: 120 } } });
    expect(lenient.models[0]!.metrics.clientsWaiting).toBe(0);
  });

  it("reads the lump sums of a task model's budgets per provider", () => {
    // The same case with the real task model: P0's budget €1,200 a year; a budget for all providers is no one's.
    const task: ModelConfig = { kind: "task", budgets: [{ provider: "P0", perYear: "1200.00" }, { perYear: "5000.00" }] };
    const m = compare(c, [task], { horizon: YEAR, costPrices: COST, behaviour }).models[0]!.metrics;
    expect([m.clientsWaiting, m.clientMonthsWaiting]).toEqual([1, 3]);
    // Both budgets are still paid in full: €1,200 + €5,000.
    expect(m.totalPaid).toBe(620_000);
  });

  it("needs cost prices and a model that says what each provider receives", () => {
    expect(inputIssues(() => compare(c, [lumpSum], { horizon: YEAR, behaviour }))[0]).toMatchObject({
      path: ["behaviour", "task", "intakeStopAtBudgetPercent"],
      message: expect.stringMatching(/needs the comparison's costPrices/),
    });
    const { lumpSums: _, ...withoutLumpSums } = lumpSum;
    expect(inputIssues(() => compare(c, [withoutLumpSums], { horizon: YEAR, costPrices: COST, behaviour }))[0]!.message).toMatch(/does not say what each provider receives/);
  });
});

describe("sets and defaults", () => {
  it("is off by default: no set, the none set and a behaviour for absent kinds give the comparison without behaviour", () => {
    const c = caseload([rec("T1", { start: "2026-01", end: "2026-10" }), rec("T2", { start: "2026-02", end: null, use: 600 })], YEAR);
    const plain = compare(c, [EFFORT, TRAJECTORY], { horizon: YEAR, costPrices: COST });
    expect(plain.behaviour).toBeNull();
    expect(compare(c, [EFFORT, TRAJECTORY], { horizon: YEAR, costPrices: COST, behaviour: "none" })).toEqual(plain);
    expect(compare(c, [EFFORT, TRAJECTORY], { horizon: YEAR, costPrices: COST, behaviour: { set: "none", output: { upcodingPercent: 0 } } })).toEqual(plain);
    // Task responses on, but no task model: every column as without, and a note saying the responses are on.
    const taskOnly = compare(c, [EFFORT, TRAJECTORY], { horizon: YEAR, costPrices: COST, behaviour: { task: { creamSkimmingPercent: 50 } } });
    expect(taskOnly.models.map((m) => m.metrics)).toEqual(plain.models.map((m) => m.metrics));
    expect(taskOnly.warnings).toHaveLength(plain.warnings.length + 1);
  });

  it("the none set is all zeros; fields next to a set override it", () => {
    const none = BEHAVIOUR_SETS.none;
    expect(Object.values(none.effort.extraUsePercent).every((v) => v === 0)).toBe(true);
    expect([...Object.values(none.output), ...Object.values(none.trajectory), none.task.creamSkimmingPercent]).toEqual([0, 0, 0, 0, 0, 0]);
    const b = resolveBehaviour({ set: "literature-central", output: { upcodingPercent: 0 } });
    expect(b.output).toEqual({ ...BEHAVIOUR_SETS["literature-central"].output, upcodingPercent: 0 });
    expect(b.effort).toEqual(BEHAVIOUR_SETS["literature-central"].effort);
    expect(resolveBehaviour("literature-high").trajectory).toEqual(BEHAVIOUR_SETS["literature-high"].trajectory);
  });

  it("the literature sets leave care with a stay alone and the high set is at least the central one", () => {
    for (const set of ["literature-central", "literature-high"] as const) {
      const use = BEHAVIOUR_SETS[set].effort.extraUsePercent;
      expect([use.verblijf, use.gezinshuis, use.pleegzorg, use.gesloten]).toEqual([0, 0, 0, 0]);
    }
    // A stronger response is a larger percentage, except the budget share at which intake stops: lower is stronger.
    const flat = (s: keyof typeof BEHAVIOUR_SETS) => {
      const b = BEHAVIOUR_SETS[s];
      return [...Object.values(b.effort.extraUsePercent), ...Object.values(b.output), ...Object.values(b.trajectory), b.task.creamSkimmingPercent, 200 - b.task.intakeStopAtBudgetPercent];
    };
    const central = flat("literature-central");
    flat("literature-high").forEach((v, i) => expect(v).toBeGreaterThanOrEqual(central[i]!));
  });
});

describe("bad input", () => {
  const c = caseload([rec("T1", { start: "2026-01", end: "2026-03" })], YEAR);
  it("names the field and the reason", () => {
    expect(inputIssues(() => compare(c, [EFFORT], { behaviour: { output: { upcodingPercent: 120 } } }))).toEqual([
      expect.objectContaining({ path: ["behaviour", "output", "upcodingPercent"], message: "upcodingPercent must be at most 100" }),
    ]);
    expect(inputIssues(() => compare(c, [EFFORT], { behaviour: { effort: { extraUsePercent: { ambulnt: 5 } } } as never }))[0]!.path).toEqual([
      "behaviour",
      "effort",
      "extraUsePercent",
    ]);
    expect(inputIssues(() => compare(c, [EFFORT], { behaviour: "literature" as never }))[0]!.path).toEqual(["behaviour"]);
  });
  it("an intensity order that leaves out one of the caseload's levels is refused where it is", () => {
    const output: ModelConfig = { kind: "output", prices: [{ price: "1000.00" }] };
    const two = caseload([rec("T1", { start: "2026-01" }), rec("T2", { start: "2026-01", intensity: "hoog" })], YEAR);
    const issues = inputIssues(() => compare(two, [output], { behaviour: { output: { upcodingPercent: 5 }, intensityOrder: ["hoog"] } }));
    expect(issues).toEqual([{ code: "invalid_value", path: ["behaviour", "intensityOrder"], message: 'intensity "laag" of the caseload is missing from intensityOrder' }]);
  });
});

describe("applyBehaviour", () => {
  it("does not change its input and returns the input itself when the kind's responses are off", () => {
    const c: Caseload = caseload([rec("T1", { start: "2026-01", end: "2026-10" })], YEAR);
    const before = toRecords(c);
    const b = resolveBehaviour({ set: "literature-high", task: { intakeStopAtBudgetPercent: 0 } });
    for (const kind of ["effort", "output", "trajectory", "task"]) applyBehaviour(c, { kind }, b, 7);
    expect(toRecords(c)).toEqual(before);
    expect(applyBehaviour(c, { kind: "perPlace" }, b, 7).caseload).toBe(c);
    expect(applyBehaviour(c, { kind: "combined" }, b, 7).caseload).toBe(c);
    expect(applyBehaviour(c, { kind: "output" }, resolveBehaviour("none"), 7).caseload).toBe(c);
  });
});

describe("review fixes", () => {
  it("does not split a closed trajectory whose first part would end after the window", () => {
    // a: June 2026 – December 2027, closed, in a 2026 window: halfway is March 2027, after the window: not split.
    // b: March – August 2026: split into March – May and June – August, three months each.
    const c = caseload([rec("a", { start: "2026-06", end: "2027-12" }), rec("b", { start: "2026-03", end: "2026-08" })], YEAR);
    const split = applyBehaviour(c, { kind: "trajectory" }, resolveBehaviour({ trajectory: { episodeSplitPercent: 100 } }), 1).caseload;
    expect(toRecords(split).map((x) => [x.id, x.start, x.end, x.use.length])).toEqual([
      ["b", "2026-03", "2026-05", 3],
      ["a", "2026-06", "2027-12", 7],
      ["b#vervolg", "2026-06", "2026-08", 3],
    ]);
  });
  it("refuses an intensity order naming a level the caseload does not have", () => {
    const c = caseload([rec("T1", { start: "2026-01" })], YEAR);
    const output: ModelConfig = { kind: "output", prices: [{ price: "1000.00" }] };
    expect(inputIssues(() => compare(c, [output], { behaviour: { output: { upcodingPercent: 5 }, intensityOrder: ["laag", "zwar"] } }))[0]!.message).toMatch(/names "zwar"/);
  });
  it("averages a behaviour measure that some runs lack (drawn as 0 there) as 0 in those runs", () => {
    const c = caseload([rec("T1", { start: "2026-01", intensity: "hoog" }), rec("T2", { start: "2026-01" })], YEAR);
    const task: ModelConfig = { kind: "task", budgets: [{ perYear: "1200.00" }] };
    // 0 % or 1 % (rounded): in the runs that draw 0 the response is off and its row absent.
    const skim = { distribution: "uniform" as const, min: 0, max: 1, as: "integer" as const };
    const r = compare(c, [task], { horizon: YEAR, runs: 12, behaviour: { task: { creamSkimmingPercent: skim } } });
    const counts = r.models[0]!.runs.map((m) => m.modelMeasures.find((x) => x.name === "Behaviour: trajectories referred elsewhere")?.value ?? 0);
    const mean = r.models[0]!.mean.modelMeasures.find((x) => x.name === "Behaviour: trajectories referred elsewhere")!.value;
    // The exact mean over all 12 runs (absent counted as 0), half-even to a whole number.
    const sum = counts.reduce((a, b) => a + b, 0);
    const floor = Math.floor(sum / 12);
    const rest = sum - floor * 12;
    expect(mean).toBe(rest > 6 || (rest === 6 && floor % 2 === 1) ? floor + 1 : floor);
    expect(r.models[0]!.runs.some((m) => m.modelMeasures.length === 0)).toBe(true);
  });
});
