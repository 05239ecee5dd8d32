/** The plain-language summary, checked against the quick start's amounts worked out by hand (test/examples.test.ts). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { comparisonSummary, runScenario, type ComparisonScenarioInput } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";

const quickStart = JSON.parse(readFileSync("scenarios/quick-start.json", "utf8")) as ComparisonScenarioInput;
const comparison = runScenario(quickStart).comparison;

describe("comparisonSummary", () => {
  it("says in Dutch which model costs most and least, and for each how much more or less than the first and why", () => {
    // Effort €55,930, trajectory €33,750: €22,180 apart, 22,180 / 33,750 = 65.72 % → 65,7 %.
    expect(comparisonSummary(comparison).slice(0, 3)).toEqual([
      "Inspanningsgericht (p×q) kost het meest (€ 55.930), Trajectfinanciering het minst (€ 33.750): een verschil van € 22.180 (65,7 %).",
      "Inspanningsgericht (p×q) betaalt elke maand de geleverde uren, dagdelen of etmalen tegen het tarief, dus het totaal volgt het volume.",
      "Trajectfinanciering kost € 22.180 minder dan Inspanningsgericht (p×q): het betaalt een vast bedrag per traject, een voorschot bij de start en de rest bij afsluiting, dus de betalingen lopen achter de zorg aan.",
    ]);
  });

  it("in English too, and explains the measures by the table's labels", () => {
    const en = comparisonSummary(comparison, { locale: "en" });
    expect(en[0]).toBe("Inspanningsgericht (p×q) costs the most (€ 55.930), Trajectfinanciering the least (€ 33.750): a difference of € 22.180 (65.7%).");
    expect(en[2]).toBe("Trajectfinanciering costs € 22.180 less than Inspanningsgericht (p×q): it pays a fixed amount per trajectory, an advance at the start and the rest at closure, so its payments lag the care.");
    expect(en.slice(3).map((s) => s.slice(0, s.indexOf('"', 1) + 1))).toEqual(['"Obligations open"', '"Monthly variation (CV)"', '"iJw messages"']);
  });

  it("explains the budget deviation with the budget over the horizon when there is one", () => {
    const withBudget = runScenario({ ...quickStart, options: { ...quickStart.options, budget: { perYear: "40000.00" } } }).comparison;
    expect(comparisonSummary(withBudget, { locale: "en" })).toContain(
      '"Deviation from budget" is total paid minus the municipality\'s budget over the horizon (€ 40.000); positive is an overspend.',
    );
    expect(comparisonSummary(comparison).some((s) => s.includes("Deviation from budget"))).toBe(false);
  });

  it("stands in the HTML report under the table, in the report's language", async () => {
    const nl = await comparisonHtml(comparison);
    expect(nl).toContain('<h2>Wat de vergelijking zegt</h2>\n<section id="summary"><p>Inspanningsgericht (p×q) kost het meest (€ 55.930)');
    const en = await comparisonHtml(comparison, { locale: "en" });
    expect(en).toContain('<h2>What the comparison says</h2>\n<section id="summary"><p>Inspanningsgericht (p×q) costs the most (€ 55.930)');
  });
});
