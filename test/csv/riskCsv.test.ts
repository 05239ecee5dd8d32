import { describe, expect, it } from "vitest";
import { riskToCsv } from "../../src/csv/riskCsv.js";
import type { ComparisonRisk } from "../../src/risk/comparisonRisk.js";
import { E, T, handRisk, noRisk, withRisk } from "../report/handRisk.js";

describe("riskToCsv", () => {
  it("is only the header without risk", () => {
    expect(riskToCsv(noRisk)).toBe("model,measure,period,subject,unit,value,note\n");
  });

  it("writes one value per row, money from cents with two decimals, ratios as their exact decimals", () => {
    // One model, one month, one year of budget, the allocation over the horizon only, one provider, one pair.
    const small: ComparisonRisk = {
      runs: 20,
      models: [
        {
          label: E,
          monthlyBands: [{ month: "2026-01", mean: 10000, p5: 8000, p50: 9900, p95: 12050 }],
          budgetAtRisk: [{ year: 2026, overshoot: { mean: -5, p5: -20000, p50: -4000, p95: 12345 }, atRisk: 12345, runsOver: 3, runs: 20, shareOver: "0.1500" }],
          allocation: { horizon: handRisk.models[0]!.allocation!.horizon, byYear: [] },
          providerMargins: [{ provider: "P0", runs: 20, margin: { mean: 5000, p5: -1000, p50: 5000, p95: 9000 }, negativeRuns: 2, negativeShare: "0.1000" }],
        },
      ],
      moreCostly: [{ a: E, b: T, runs: 20, count: 15, probability: "0.7500" }],
    };
    expect(riskToCsv({ ...withRisk, risk: small })).toBe(
      [
        "model,measure,period,subject,unit,value,note",
        "Inspanningsgericht (p×q),paidPerMonth.mean,2026-01,,euros,100.00,",
        "Inspanningsgericht (p×q),paidPerMonth.p5,2026-01,,euros,80.00,",
        "Inspanningsgericht (p×q),paidPerMonth.p50,2026-01,,euros,99.00,",
        "Inspanningsgericht (p×q),paidPerMonth.p95,2026-01,,euros,120.50,",
        "Inspanningsgericht (p×q),budgetAtRisk,2026,,euros,123.45,",
        "Inspanningsgericht (p×q),overshoot.mean,2026,,euros,-0.05,",
        "Inspanningsgericht (p×q),overshoot.p5,2026,,euros,-200.00,",
        "Inspanningsgericht (p×q),overshoot.p50,2026,,euros,-40.00,",
        "Inspanningsgericht (p×q),overshoot.p95,2026,,euros,123.45,",
        "Inspanningsgericht (p×q),runsOverBudget,2026,,count,3,",
        "Inspanningsgericht (p×q),shareOverBudget,2026,,ratio,0.1500,",
        "Inspanningsgericht (p×q),municipalityShare,horizon,,ratio,1.0417,",
        "Inspanningsgericht (p×q),providerShare,horizon,,ratio,-0.0417,",
        "Inspanningsgericht (p×q),sdCost,horizon,,euros,1000.00,",
        "Inspanningsgericht (p×q),sdPayments,horizon,,euros,1041.70,",
        "Inspanningsgericht (p×q),sdMargins,horizon,,euros,41.70,",
        "Inspanningsgericht (p×q),providerMargin.mean,horizon,P0,euros,50.00,",
        "Inspanningsgericht (p×q),providerMargin.p5,horizon,P0,euros,-10.00,",
        "Inspanningsgericht (p×q),providerMargin.p50,horizon,P0,euros,50.00,",
        "Inspanningsgericht (p×q),providerMargin.p95,horizon,P0,euros,90.00,",
        "Inspanningsgericht (p×q),providerRunsWithLoss,horizon,P0,count,2,",
        "Inspanningsgericht (p×q),providerShareWithLoss,horizon,P0,ratio,0.1000,",
        "Inspanningsgericht (p×q),moreCostlyRuns,horizon,Taakgericht (lumpsum),count,15,",
        "Inspanningsgericht (p×q),moreCostlyProbability,horizon,Taakgericht (lumpsum),ratio,0.7500,",
        "",
      ].join("\n"),
    );
  });

  it("Dutch: semicolons, decimal commas, a byte order mark; or integer cents", () => {
    const dutch = riskToCsv(withRisk, { dutch: true });
    expect(dutch.startsWith("\uFEFFmodel;maat;periode;onderwerp;eenheid;waarde;toelichting\n")).toBe(true);
    expect(dutch).toContain("\nInspanningsgericht (p×q);sdPayments;horizon;;euro;1041,70;\n");
    expect(dutch).toContain("\nInspanningsgericht (p×q);providerShare;horizon;;verhouding;-0,0417;\n");
    expect(dutch).toContain("\nTaakgericht (lumpsum);providerMargin.p5;horizon;P0;euro;-2500,00;\n");
    const cents = riskToCsv(withRisk, { amounts: "cents" });
    expect(cents).toContain("\nInspanningsgericht (p×q),budgetAtRisk,2026,,cents,12345,\n");
  });

  it("a share without variance is empty, with the reason as its note", () => {
    const csv = riskToCsv(withRisk);
    expect(csv).toContain("\nInspanningsgericht (p×q),municipalityShare,2027,,ratio,,the cost of care (payments − margins) is the same in every run: no variance to allocate\n");
    expect(csv).toContain("\nTaakgericht (lumpsum),providerShare,2026,,ratio,1.0000,\n");
    // Every row has the seven columns.
    expect(csv.trimEnd().split("\n").every((line) => line.split(",").length === 7)).toBe(true);
  });
});
