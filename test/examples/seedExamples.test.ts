/**
 * The examples per source document run, and what they claim holds.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { overijssel2011, perTrajectory } from "../../examples/overijssel-2011.js";
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
    // 10 months × 300 minutes (5 hours) × €70 = €3,500; 18 months × 28 etmalen × €180 = €90,720.
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
