/**
 * The examples per source document run, and what they claim holds.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { overijssel2011, overijsselProvider, perDay, perTrajectory } from "../../examples/overijssel-2011.js";
import { vngThreeModels } from "../../examples/vng-three-models.js";

const run = (file: string, ...args: string[]): string => execFileSync("node_modules/.bin/tsx", [file, ...args], { encoding: "utf8" });

describe("examples/overijssel-2011.ts (seed 003)", () => {
  it("runs and prints the four rows and the conclusion", () => {
    const out = run("examples/overijssel-2011.ts");
    for (const label of ["per hour/etmaal, care as before", "per hour/etmaal, 15 % faster", "per trajectory, care as before", "per trajectory, 15 % faster"]) {
      expect(out).toContain(label);
    }
    expect(out).toMatch(/with the same budget more children are helped/);
  });

  it("prices a trajectory at its cost per day before 2011 and shows the incentive", () => {
    // The example's amounts are the spec's mean duration × mean use × the per-day tariff:
    // 10 months × 300 minutes (5 hours) × €70 = €3,500; 18 months × 28 etmalen × €180 = €90,720.
    const [ambulant, verblijf] = overijsselProvider(1).profiles.map((p) => p.intensities[0]!);
    expect([ambulant!.durationMonths.mean, ambulant!.monthlyUse.mean, verblijf!.durationMonths.mean, verblijf!.monthlyUse.mean]).toEqual([10, 300, 18, 28]);
    expect(perDay).toMatchObject({ tariffs: [{ tariff: "70.00" }, { tariff: "180.00" }] });
    expect(perTrajectory).toMatchObject({ amounts: [{ amount: "3500.00" }, { amount: "90720.00" }] });
    const { asBefore, faster } = overijssel2011(2);
    const [dayBefore, trajBefore] = asBefore.models;
    const [dayFaster, trajFaster] = faster.models;
    // The same caseload costs the provider the same whoever pays how.
    expect(trajBefore!.mean.providerCost).toBe(dayBefore!.mean.providerCost);
    // Faster care: per day the municipality pays less; per trajectory the provider's margin grows.
    expect(dayFaster!.mean.totalPaid).toBeLessThan(dayBefore!.mean.totalPaid);
    expect(trajFaster!.mean.providerMargin!).toBeGreaterThan(2 * trajBefore!.mean.providerMargin!);
    // Trajectory funding commits whole amounts: far larger obligations at year end.
    expect(trajBefore!.mean.obligations.at(-1)!.cents).toBeGreaterThan(5 * dayBefore!.mean.obligations.at(-1)!.cents);
  });
});

describe("examples/vng-three-models.ts (seed 004)", () => {
  it("runs", () => {
    const out = run("examples/vng-three-models.ts", "--runs", "3");
    expect(out).toMatch(/Taakgericht \(taakgericht\)/);
    expect(out).toMatch(/Inspanningsgericht \(inspanningsgericht\)/);
    expect(out).toMatch(/Outputgericht \(outputgericht\)/);
  });

  it("who carries the volume risk shows in the spreads, as the script says", () => {
    const r = vngThreeModels(6);
    const [task, effort, output] = r.models;
    const spread = (s: { p5: number; p95: number }) => s.p95 - s.p5;
    expect([task!.kind, effort!.kind, output!.kind]).toEqual(["task", "effort", "output"]);
    expect(spread(task!.summary.providerMargin!)).toBeGreaterThan(spread(effort!.summary.providerMargin!));
    expect(spread(effort!.summary.totalPaid!)).toBeGreaterThan(spread(task!.summary.totalPaid!));
    expect(task!.mean.messages).toBe(0);
    expect(output!.mean.obligations.at(-1)!.cents).toBeGreaterThan(effort!.mean.obligations.at(-1)!.cents);
  });
});

describe("examples/lpi-booo-meerkosten.ts (seed 000)", () => {
  it("runs and shows the choice aid and who pays", () => {
    const out = run("examples/lpi-booo-meerkosten.ts");
    expect(out).toMatch(/Individual trauma-focused help for adolescents\s+€ 896,00/); // 8 sessions × €112
    expect(out).toMatch(/BooO \(normbedrag per plek\)\s+€ 3\.552\.840/);
  });

  it("the BooO pays the norm for every place and day, the meerkostenregeling the displaced youth's LPIs", async () => {
    const { lpiYear } = await import("../../examples/lpi-booo-meerkosten.js");
    const { projection, who } = lpiYear(7);
    // 120 places, paid a month after: July 2022 – May 2023 fall inside the horizon.
    // Jul, Aug 31 × €100; Sep 30 × €100; Oct 14 × €100 + 17 × €83 = €2,811; then €83 a day:
    // Nov 30, Dec 31, Jan 31, Feb 28, Mar 31, Apr 30, May 31 days.
    const perPlace = [3100, 3100, 3000, 2811, 30 * 83, 31 * 83, 31 * 83, 28 * 83, 31 * 83, 30 * 83, 31 * 83];
    const booo = perPlace.reduce((a, b) => a + b, 0) * 120 * 100;
    expect(booo).toBe(355284000);
    expect(who.streams[1]!.covered).toBe(booo);
    expect(who.streams[0]!.covered + who.streams[1]!.covered + who.ownMeans.total).toBe(projection.totalPaid);
    expect(who.streams[0]!.covered).toBeGreaterThan(0);
    expect(who.ownMeans.total).toBeGreaterThan(0); // the local children in the groups
  });
});
