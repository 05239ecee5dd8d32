import { describe, expect, it } from "vitest";
import { simulateRecoveryInitiative, type RecoveryInitiativeInput } from "../../src/streams/recoveryInitiative.js";
import { ZHI_EXAMPLE } from "../../src/streams/zhiExample.js";
import { inputIssues } from "../support/examples.js";

/**
 * 20 participants; €120,000 a year to run (€10,000 a month). Structural €120,000 a year; project
 * €100,000 a year never renewed (closes after its first year); procurement €400 per participant-
 * month for 75 % billable participants (15 × €400 = €6,000 a month). At closure 50 % start regular
 * care of €3,000 over 6 months (10 × €3,000 = €30,000, €5,000 a month). Avoided while open: 20 ×
 * 30 % ÷ 12 = 0.5 trajectories a month × €3,000 = €1,500 a month, €18,000 a year.
 */
const BASE: RecoveryInitiativeInput = {
  horizon: { start: "2026-01", months: 36 },
  seed: 7,
  runs: 20,
  initiative: { name: "Test", participantsPerMonth: 20, runningCostPerYear: "120000.00" },
  structural: { perYear: "120000.00" },
  project: { perYear: "100000.00", renewalProbability: 0 },
  procurement: { pricePerParticipantMonth: "400.00", billablePercent: 75 },
  regularCare: { startPercent: 50, costPerTrajectory: "3000.00", durationMonths: 6 },
  avoidedCare: { percentPerYear: 30, costPerTrajectory: "3000.00" },
};
const way = (r: ReturnType<typeof simulateRecoveryInitiative>, w: string) => r.ways.find((x) => x.way === w)!;

describe("simulateRecoveryInitiative, worked by hand", () => {
  const r = simulateRecoveryInitiative(BASE);
  it("structural subsidy: renewed every year, the initiative stays open", () => {
    const s = way(r, "structural");
    expect(s.label).toBe("Structurele subsidie");
    // 3 × €120,000 = €360,000 paid and spent; avoided 3 × €18,000 = €54,000; net €54,000 − €360,000.
    expect(s.runs[0]).toMatchObject({
      funding: 36_000_000,
      runningCost: 36_000_000,
      fundingBalance: 0,
      regularCareCost: 0,
      municipalityCost: 36_000_000,
      avoidedCare: 5_400_000,
      net: -30_600_000,
      closedAfter: null,
      monthsOpen: 36,
      participantsLeft: 0,
    });
    expect(s.runs[0]!.byYear.map((y) => [y.year, y.municipalityCost, y.avoidedCare])).toEqual([
      [2026, 12_000_000, 1_800_000],
      [2027, 12_000_000, 1_800_000],
      [2028, 12_000_000, 1_800_000],
    ]);
    expect(s.closedRuns).toBe(0);
    expect(s.summary.municipalityCost).toEqual({ mean: 36_000_000, p5: 36_000_000, p50: 36_000_000, p95: 36_000_000 });
  });
  it("project subsidy not renewed: closes after its first year, participants flow into regular care", () => {
    const p = way(r, "project");
    // 2026: €100,000 subsidy against €120,000 cost: a gap of €20,000; avoided €18,000.
    // 2027: regular care €5,000 × 6 months (Jan–Jun) = €30,000; nothing after.
    // Municipality €100,000 + €30,000 = €130,000; net €18,000 − €130,000 = −€112,000.
    expect(p.runs[0]).toMatchObject({
      funding: 10_000_000,
      runningCost: 12_000_000,
      fundingBalance: -2_000_000,
      regularCareCost: 3_000_000,
      municipalityCost: 13_000_000,
      avoidedCare: 1_800_000,
      net: -11_200_000,
      closedAfter: "2026-12",
      monthsOpen: 12,
      participantsLeft: 20,
      regularCareStarts: 10,
      regularCareAfterHorizon: 0,
    });
    expect(p.runs[0]!.byYear.map((y) => [y.year, y.monthsOpen, y.funding, y.regularCareCost, y.municipalityCost])).toEqual([
      [2026, 12, 10_000_000, 0, 10_000_000],
      [2027, 0, 0, 3_000_000, 3_000_000],
      [2028, 0, 0, 0, 0],
    ]);
    // Decisions at the end of 2026 and 2027 (December 2028 is the horizon's last month): every run closes in 2026.
    expect(p.closedRuns).toBe(20);
    expect(p.closedByYear).toEqual([{ year: 2026, runs: 20 }, { year: 2027, runs: 0 }]);
  });
  it("procurement: billable participants × price; the initiative carries the gap", () => {
    const q = way(r, "procurement");
    // 36 × €6,000 = €216,000 against €360,000: a gap of €144,000; net €54,000 − €216,000.
    expect(q.runs[0]).toMatchObject({ funding: 21_600_000, fundingBalance: -14_400_000, municipalityCost: 21_600_000, avoidedCare: 5_400_000, net: -16_200_000 });
    expect(q.byYear.map((y) => y.funding.mean)).toEqual([7_200_000, 7_200_000, 7_200_000]);
  });
});

describe("timing and rounding", () => {
  it("regular care after the horizon is reported, not totalled", () => {
    // Horizon Jan 2026 – Jan 2027: closure after Dec 2026; Jan 2027's €5,000 is inside, Feb–Jun's €25,000 after.
    const p = way(simulateRecoveryInitiative({ ...BASE, horizon: { start: "2026-01", months: 13 } }), "project").runs[0]!;
    expect([p.regularCareCost, p.regularCareAfterHorizon]).toEqual([500_000, 2_500_000]);
    expect(p.byYear.at(-1)).toMatchObject({ year: 2027, monthsInHorizon: 1, monthsOpen: 0, regularCareCost: 500_000 });
  });
  it("a partial year gets its months' even parts of the yearly amount (largest remainder)", () => {
    // 100 cents a year: 8 cents a month and 4 left over, to January–April (ties go to the earliest).
    // July–December: 6 × 8 = 48 cents in 2026; January–June 2027: 4 × 9 + 2 × 8 = 52 cents.
    const r = simulateRecoveryInitiative({ ...BASE, horizon: { start: "2026-07", months: 12 }, structural: { perYear: { cents: 100 } } });
    expect(way(r, "structural").runs[0]!.byYear.map((y) => [y.year, y.monthsInHorizon, y.funding])).toEqual([
      [2026, 6, 48],
      [2027, 6, 52],
    ]);
  });
  it("avoided care rounds the running total once, so the years sum to the rounded total", () => {
    // 1 participant × 1 % ÷ 12 × 100 cents = 1/12 cent a month. After 6 months 0.5 → 1 (half-up);
    // after 12 months 1; after 24 months 2. So 2026 gets 1 cent, 2027 gets 1 cent.
    const r = simulateRecoveryInitiative({
      ...BASE,
      horizon: { start: "2026-01", months: 24 },
      initiative: { name: "Tiny", participantsPerMonth: 1, runningCostPerYear: "0" },
      avoidedCare: { percentPerYear: 1, costPerTrajectory: { cents: 100 } },
    });
    const s = way(r, "structural").runs[0]!;
    expect([s.avoidedCare, ...s.byYear.map((y) => y.avoidedCare)]).toEqual([2, 1, 1]);
    const half = simulateRecoveryInitiative({ ...BASE, horizon: { start: "2026-01", months: 6 }, initiative: { name: "Tiny", participantsPerMonth: 1, runningCostPerYear: "0" }, avoidedCare: { percentPerYear: 1, costPerTrajectory: { cents: 100 } } });
    expect(way(half, "structural").runs[0]!.avoidedCare).toBe(1);
  });
  it("regular care of one closure rounds half-up once: 3 × 50 % × 1 cent = 1.5 → 2", () => {
    const r = simulateRecoveryInitiative({
      ...BASE,
      initiative: { name: "Tiny", participantsPerMonth: 3, runningCostPerYear: "0" },
      regularCare: { startPercent: 50, costPerTrajectory: { cents: 1 }, durationMonths: 1 },
    });
    expect(way(r, "project").runs[0]!.regularCareCost).toBe(2);
  });
});

describe("renewal draws", () => {
  const RISKY: RecoveryInitiativeInput = { ...BASE, runs: 400, horizon: { start: "2026-01", months: 60 }, project: { perYear: "120000.00", renewalProbability: 0.5 } };
  const r = simulateRecoveryInitiative(RISKY);
  const p = way(r, "project");
  it("close at the rate the renewal probability implies", () => {
    // P(closed after 2026) = 0.5, after 2027 = 0.25, 2028 = 0.125, 2029 = 0.0625; 400 runs.
    expect(p.closedByYear.map((c) => c.year)).toEqual([2026, 2027, 2028, 2029]);
    const expected = [200, 100, 50, 25];
    p.closedByYear.forEach((c, i) => expect(Math.abs(c.runs - expected[i]!)).toBeLessThan(4 * Math.sqrt(expected[i]!)));
    expect(p.closedRuns).toBe(p.closedByYear.reduce((s, c) => s + c.runs, 0));
  });
  it("run r uses seed + r, so a run does not depend on how many runs there are", () => {
    const alone = way(simulateRecoveryInitiative({ ...RISKY, seed: BASE.seed! + 3, runs: 1 }), "project").runs[0];
    expect(alone).toEqual(p.runs[3]);
  });
  it("summaries are the mean and nearest-rank percentiles of the runs", () => {
    const costs = p.runs.map((x) => x.municipalityCost).sort((a, b) => a - b);
    expect(p.summary.municipalityCost.p5).toBe(costs[19]); // ⌈0.05 × 400⌉ = 20th
    expect(p.summary.municipalityCost.p95).toBe(costs[379]);
    const sum = costs.reduce((a, b) => a + b, 0);
    expect(Math.abs(p.summary.municipalityCost.mean - sum / 400)).toBeLessThanOrEqual(0.5);
    expect(p.byYear[0]!.municipalityCost.mean).toBe(12_000_000); // the first year is always granted
  });
});

describe("the shipped example", () => {
  it("structural and procurement worked by hand; the project subsidy in between", () => {
    const r = simulateRecoveryInitiative(ZHI_EXAMPLE);
    // Structural: 5 × €180,000 = €900,000; avoided 50 × 25 % × €6,000 = €75,000 a year, €375,000 in 5 years.
    expect(way(r, "structural").summary.municipalityCost.mean).toBe(90_000_000);
    expect(way(r, "structural").summary.avoidedCare.mean).toBe(37_500_000);
    // Procurement: 50 × 80 % × €300 = €12,000 a month × 60 = €720,000; gap €900,000 − €720,000 = €180,000.
    expect(way(r, "procurement").summary.funding.mean).toBe(72_000_000);
    expect(way(r, "procurement").summary.fundingBalance.mean).toBe(-18_000_000);
    // Project: the first year is always paid; at worst it closes after it (€180,000 + 20 × €6,000 regular care = €300,000).
    const p = way(r, "project");
    expect(p.summary.municipalityCost.p5).toBeGreaterThanOrEqual(30_000_000);
    expect(p.summary.municipalityCost.p95).toBeLessThanOrEqual(90_000_000);
  });
});

describe("bad input names the field", () => {
  it("refuses bare-number money, impossible probabilities and empty horizons", () => {
    const issues = inputIssues(() =>
      simulateRecoveryInitiative({
        ...BASE,
        horizon: { start: "2026-01", months: 0 },
        structural: { perYear: 120000 as unknown as string },
        project: { perYear: "1.00", renewalProbability: 1.5 },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([["horizon", "months"], ["structural", "perYear"], ["project", "renewalProbability"]]);
  });
  it("refuses a start percentage above 100", () => {
    expect(inputIssues(() => simulateRecoveryInitiative({ ...BASE, regularCare: { ...BASE.regularCare, startPercent: 140 } }))[0]!.path).toEqual([
      "regularCare",
      "startPercent",
    ]);
  });
});
