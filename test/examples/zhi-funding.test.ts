import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatEuro } from "../../src/money/index.js";
import { simulateRecoveryInitiative } from "../../src/streams/recoveryInitiative.js";
import { ZHI_EXAMPLE } from "../../src/streams/zhiExample.js";

/** The cells of the table row labelled exactly `label` (split on runs of 2+ spaces). */
const row = (out: string, label: string): string[] => {
  const line = out.split("\n").find((l) => l.startsWith(label) && /^\s{2,}/.test(l.slice(label.length)));
  if (line === undefined) throw new Error(`no row "${label}" in:\n${out}`);
  return line.slice(label.length).trim().split(/\s{2,}/);
};
const euro = (cents: number): string => formatEuro(cents, { decimals: false });

describe("examples/zhi-funding.ts (seed 002: structural vs project funding of a recovery initiative)", () => {
  const out = execFileSync("node_modules/.bin/tsx", ["examples/zhi-funding.ts"], { encoding: "utf8" });
  const direct = simulateRecoveryInitiative(ZHI_EXAMPLE);

  it("prints one column per funding way, in the guide's Dutch terms", () => {
    expect(row(out, "")).toEqual(["Structurele subsidie", "Projectsubsidie", "Inkoop per deelnemer"]);
  });
  it("prints what the library computes", () => {
    expect(row(out, "Municipality cost")).toEqual(direct.ways.map((w) => euro(w.summary.municipalityCost.mean)));
    expect(row(out, "  P5 – P95 over runs")).toEqual(direct.ways.map((w) => `${euro(w.summary.municipalityCost.p5)} – ${euro(w.summary.municipalityCost.p95)}`));
    for (const [i, y] of direct.ways[0]!.byYear.entries()) {
      expect(row(out, `  in ${y.year}`)).toEqual(direct.ways.map((w) => euro(w.byYear[i]!.municipalityCost.mean)));
    }
    expect(row(out, "Paid to the initiative")).toEqual(direct.ways.map((w) => euro(w.summary.funding.mean)));
    expect(row(out, "Regular care after closure")).toEqual(direct.ways.map((w) => euro(w.summary.regularCareCost.mean)));
    expect(row(out, "Avoided care")).toEqual(direct.ways.map((w) => euro(w.summary.avoidedCare.mean)));
    expect(row(out, "Net (avoided care − cost)")).toEqual(direct.ways.map((w) => euro(w.summary.net.mean)));
    expect(row(out, "Initiative closed")[1]).toBe(`${(direct.ways[1]!.closedRuns / 10).toFixed(1).replace(".", ",")} %`);
  });
  it("matches the amounts worked out by hand", () => {
    // Structural: 5 years × €180,000 = €900,000; avoided 50 × 25 % × €6,000 = €75,000 a year → €375,000.
    // Procurement: 50 × 80 % × €300 = €12,000 a month × 60 = €720,000, €180,000 short of the running cost.
    expect(row(out, "Municipality cost")[0]).toBe("€ 900.000");
    expect(row(out, "Avoided care")[0]).toBe("€ 375.000");
    expect(row(out, "Paid to the initiative")[2]).toBe("€ 720.000");
    expect(row(out, "Funding gap (−) or surplus")).toEqual(["€ 0", "€ 0", "-€ 180.000"]);
    // The first year of the project subsidy is always granted: €180,000 in 2026 in every column but procurement (€144,000).
    expect(row(out, "  in 2026")).toEqual(["€ 180.000", "€ 180.000", "€ 144.000"]);
    // Break-even: €180,000 ÷ (50 × €6,000) = 0.6 → 60 avoided trajectories per 100 participant-years.
    expect(out).toContain("at 60,00 avoided trajectories per 100 participant-years; this scenario assumes 25,00.");
  });
  it("the project subsidy lapses in some runs, never in the others", () => {
    const closed = row(out, "Initiative closed");
    expect(closed[0]).toBe("0,0 %");
    expect(closed[2]).toBe("0,0 %");
    expect(direct.ways[1]!.closedRuns).toBeGreaterThan(0);
  });
});
