import { describe, expect, it } from "vitest";
import { formatRisk, riskSections } from "../../src/report/riskText.js";
import { sharePercent } from "../../src/report/sharePercent.js";
import { handRisk, noRisk, withRisk } from "./handRisk.js";

// Labels: E = "Inspanningsgericht (p×q)", T = "Taakgericht (lumpsum)".
describe("formatRisk", () => {
  it("says there is nothing without risk (one run)", () => {
    expect(riskSections(noRisk)).toBeNull();
    expect(formatRisk(noRisk)).toBe("No risk measures: they need two runs or more of a synthetic caseload (runs ≥ 2).");
  });

  it("Markdown: shares, SDs and budget at risk per model, the P(A > B) matrix, the providers under zero at P5", () => {
    expect(formatRisk(withRisk, "md")).toBe(`#### Risk over 20 runs

|  | Inspanningsgericht (p×q) | Taakgericht (lumpsum) |
| --- | ---: | ---: |
| Municipality's share of the cost risk | 104,17 % | 0 % |
| Providers' share of the cost risk | -4,17 % | 100 % |
| &nbsp;&nbsp;SD of the cost of care | € 1.000 | € 1.000 |
| &nbsp;&nbsp;SD of payments | € 1.042 | € 0 |
| &nbsp;&nbsp;SD of provider margins | € 42 | € 1.000 |
| Budget at risk 2026 (P95 overshoot) | € 123 | € 0 |
| &nbsp;&nbsp;mean overshoot | -€ 50 | -€ 1.000 |
| &nbsp;&nbsp;runs over budget | 15 % (3/20) | 0 % (0/20) |

> The shares split the run-to-run variance of the cost of care: the municipality's moves its payments, the providers' lands on their margins; they add up to 100 % and may lie outside 0–100 %.
>
> Budget at risk: the overshoot of the budget (paid − budget) in the 95th-percentile run, at least 0.

#### How often a model pays more than another

| P(row pays more than column) | Inspanningsgericht (p×q) | Taakgericht (lumpsum) |
| --- | ---: | ---: |
| Inspanningsgericht (p×q) | — | 75 % |
| Taakgericht (lumpsum) | 20 % | — |

> The share of the 20 runs (each on the same caseload for every model) in which the row's model paid more in total than the column's; a tie counts for neither.

#### Providers with a P5 margin below zero

| Model | Provider | Margin P5 | Mean margin | Runs with a loss |
| --- | --- | ---: | ---: | ---: |
| Inspanningsgericht (p×q) | P0 | -€ 10 | € 50 | 10 % (2/20) |
| Taakgericht (lumpsum) | P0 | -€ 2.500 | € 1.000 | 25 % (5/20) |

> These providers make a loss on the contract in at least one run in twenty under that model.`);
  });

  it("in Dutch: the same numbers under Dutch headings, labels and notes", () => {
    expect(formatRisk(noRisk, "text", { locale: "nl" })).toBe("Geen risicomaten: die vragen twee of meer runs van een synthetisch cliëntenbestand (runs ≥ 2).");
    const md = formatRisk(withRisk, "md", { locale: "nl" });
    expect(md.startsWith("#### Risico over 20 runs\n\n")).toBe(true);
    expect(md).toContain("| Aandeel gemeente in het kostenrisico | 104,17 % | 0 % |");
    expect(md).toContain("| Budgetrisico 2026 (overschrijding P95) | € 123 | € 0 |");
    expect(md).toContain("| &nbsp;&nbsp;runs boven het budget | 15 % (3/20) | 0 % (0/20) |");
    expect(md).toContain("#### Hoe vaak een model meer betaalt dan een ander\n\n| P(rij betaalt meer dan kolom) |");
    expect(md).toContain("| Model | Aanbieder | Marge P5 | Gemiddelde marge | Runs met verlies |");
    expect(md).not.toMatch(/Municipality|Provider|runs over|How often|Note/);
    const text = formatRisk(withRisk, "text", { locale: "nl" });
    expect(text).toContain("\nLet op: Budgetrisico: de overschrijding van het budget (betaald − budget) in de run op het 95e percentiel, minstens 0.");
  });

  it("text: the same as aligned tables under underlined headings", () => {
    const text = formatRisk(withRisk, "text");
    expect(text.startsWith("Risk over 20 runs\n=================\n\n")).toBe(true);
    expect(text).toContain("\nMunicipality's share of the cost risk                  104,17 %                    0 %\n");
    expect(text).toContain("\nProviders' share of the cost risk                       -4,17 %                  100 %\n");
    expect(text).toContain("\n  runs over budget                                  15 % (3/20)             0 % (0/20)\n");
    expect(text).toContain(`P(row pays more than column)  Inspanningsgericht (p×q)  Taakgericht (lumpsum)
────────────────────────────  ────────────────────────  ─────────────────────
Inspanningsgericht (p×q)                             —                   75 %
Taakgericht (lumpsum)                             20 %                      —`);
    expect(text).toContain(`Model                     Provider  Margin P5  Mean margin  Runs with a loss
────────────────────────  ────────  ─────────  ───────────  ────────────────
Inspanningsgericht (p×q)  P0            -€ 10         € 50       10 % (2/20)
Taakgericht (lumpsum)     P0         -€ 2.500      € 1.000       25 % (5/20)`);
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  it("without a budget, cost prices or a provider under zero it says so instead", () => {
    const bare = { ...withRisk, risk: { ...handRisk, models: handRisk.models.map((m) => ({ ...m, budgetAtRisk: null, allocation: null, providerMargins: null })) } };
    const text = formatRisk(bare, "text");
    expect(text).toContain("Note: Who carries the cost risk needs cost prices (costPrices) for the providers' margins.");
    expect(text).toContain("Note: Budget at risk needs a budget (budget.perYear).");
    expect(text).toContain("Note: Provider margins need cost prices (costPrices).");
    const safe = {
      ...withRisk,
      risk: { ...handRisk, models: handRisk.models.map((m) => ({ ...m, providerMargins: m.providerMargins!.map((p) => ({ ...p, margin: { ...p.margin!, p5: 0 } })) })) },
    };
    expect(formatRisk(safe, "md")).toContain("#### Providers with a P5 margin below zero\n\n> None: every provider's margin is at least zero in 95 % of the runs under every model.");
  });

  it("a share without variance is a dash, with the reason in a note", () => {
    const flat = {
      ...withRisk,
      risk: {
        ...handRisk,
        models: handRisk.models.map((m) => ({ ...m, allocation: { ...m.allocation!, horizon: { ...m.allocation!.horizon, municipalityShare: null, providerShare: null, reason: "no variance" } } })),
      },
    };
    const md = formatRisk(flat, "md");
    expect(md).toContain("| Municipality's share of the cost risk | — | — |");
    expect(md).toContain("> Inspanningsgericht (p×q): no shares, no variance.");
  });
});

describe("sharePercent", () => {
  it("writes exact 4-decimal ratios as Dutch percentages without trailing zeros", () => {
    expect(["1.0417", "-0.0417", "0.7300", "0.0000", "1.0000", "0.0005", "-1.2500"].map(sharePercent)).toEqual(["104,17 %", "-4,17 %", "73 %", "0 %", "100 %", "0,05 %", "-125 %"]);
  });
});
