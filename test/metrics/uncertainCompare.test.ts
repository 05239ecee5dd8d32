/**
 * Parameter uncertainty in compare: distributions in place of numbers, drawn per run; point
 * masses give the plain comparison; each run's amounts follow from its own draws (checked with
 * decimal.js from the reported draws, independently of the projection).
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { compare, type CaseloadSpecInput, type ModelConfig } from "../../src/index.js";
import { caseload, inputIssues, rec, SMALL_SPEC } from "../support/examples.js";

const YEAR = { start: "2026-01", months: 12 };

describe("parameter uncertainty", () => {
  it("point-mass distributions give exactly the plain comparison", () => {
    const spec = SMALL_SPEC as CaseloadSpecInput & { profiles: CaseloadSpecInput["profiles"] };
    const profile = spec.profiles[0]!;
    const uncertainSpec = {
      ...spec,
      profiles: [{ ...profile, arrivalsPerMonth: { distribution: "fixed" as const, value: 4 }, initialStock: { distribution: "fixed" as const, value: 10, as: "integer" as const } }],
    };
    const models: ModelConfig[] = [
      { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] },
      { kind: "trajectory", amounts: [{ amount: "1000.00" }] },
    ];
    const uncertainModels = [
      { kind: "effort" as const, tariffs: [{ careForm: "ambulant" as const, tariff: { distribution: "fixed" as const, value: 70, as: "euros" as const } }] },
      models[1]!,
    ];
    const options = { runs: 3, seed: 5, costPrices: { prices: [{ careForm: "ambulant" as const, price: "60.00" }] } };
    const plain = compare(spec, models, options);
    const uncertain = compare(uncertainSpec, uncertainModels, options);
    expect(uncertain.models).toEqual(plain.models);
    expect(uncertain.risk).toEqual(plain.risk);
    expect(uncertain.uncertainty!.parameters.map((p) => p.key)).toEqual([
      "caseload.profiles[0].arrivalsPerMonth",
      "caseload.profiles[0].initialStock",
      "models[0].tariffs[0].tariff",
    ]);
    expect(uncertain.uncertainty!.draws).toEqual([
      [4, 10, 70],
      [4, 10, 70],
      [4, 10, 70],
    ]);
    expect(plain.uncertainty).toBeNull();
  });

  it("each run pays what its own draw of the tariff says, on a given caseload run several times", () => {
    // Two months of 300 minutes = 5 hours each: 10 hours at the drawn tariff, rounded half-up to the cent.
    const c = caseload([rec("T1", { start: "2026-01", end: "2026-02", use: 300 })], YEAR);
    const tariff = { distribution: "uniform" as const, min: 60, max: 80, as: "euros" as const, name: "uurtarief" };
    const r = compare(c, [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff }] }], { horizon: YEAR, runs: 8, seed: 100 });
    expect(r.seeds).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(r.uncertainty!.parameters[0]!.label).toBe("uurtarief");
    const draws = r.uncertainty!.draws.map((d) => d[0]!);
    expect(new Set(draws).size).toBe(8);
    draws.forEach((draw, run) => {
      expect(draw).toBeGreaterThanOrEqual(60);
      expect(draw).toBeLessThan(80);
      const cents = new Decimal(draw).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
      expect(r.models[0]!.runs[run]!.totalPaid).toBe(10 * cents);
    });
    // The same seed draws the same values.
    expect(compare(c, [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff }] }], { horizon: YEAR, runs: 8, seed: 100 }).uncertainty).toEqual(r.uncertainty);
  });

  it("a lump sum carries none of the cost's variation, the providers all of it", () => {
    // Task pays its budget whatever happens; the cost varies with the drawn use: municipality 0, providers 1, exactly.
    const c = caseload([rec("T1", { start: "2026-01", end: "2026-12", use: 600 })], YEAR);
    const r = compare(c, [{ kind: "task", budgets: [{ perYear: "10000.00" }] }], {
      horizon: YEAR,
      runs: 10,
      costPrices: { prices: [{ careForm: "ambulant", price: { distribution: "triangular", min: 50, mode: 60, max: 75, as: "euros" } }] },
    });
    const allocation = r.risk!.models[0]!.allocation!;
    expect([allocation.horizon.municipalityShare, allocation.horizon.providerShare]).toEqual(["0.0000", "1.0000"]);
    // €10,000 over 12 months by largest remainder: 83333 each and the 4 cents left to January – April (ties: earliest).
    expect(r.risk!.models[0]!.monthlyBands[0]).toMatchObject({ month: "2026-01", p5: 83334, p95: 83334 });
  });
});

describe("uncertain input errors", () => {
  const c = caseload([rec("T1", { start: "2026-01", end: "2026-02", use: 300 })], YEAR);
  it("names a bad distribution by its path", () => {
    const bad = { kind: "effort" as const, tariffs: [{ careForm: "ambulant" as const, tariff: { distribution: "normal" as const, mean: 70, sd: 0, as: "euros" as const } }] };
    expect(inputIssues(() => compare(c, [bad], { horizon: YEAR }))[0]!.path).toEqual(["models", 0, "tariffs", 0, "tariff", "sd"]);
  });
  it("refuses a distribution where a value must be fixed", () => {
    expect(inputIssues(() => compare(c, [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }], { runs: { distribution: "uniform", min: 1, max: 3 } }))[0]).toMatchObject({
      path: ["runs"],
      message: expect.stringMatching(/cannot be uncertain/),
    });
  });
  it("says which run drew a value that is not allowed, and how to prevent it", () => {
    // A normal tariff of mean €1 and sd €5 draws a negative tariff in some run of 20.
    const wide = { kind: "effort" as const, tariffs: [{ careForm: "ambulant" as const, tariff: { distribution: "normal" as const, mean: 1, sd: 5, as: "euros" as const } }] };
    const issues = inputIssues(() => compare(c, [wide], { horizon: YEAR, runs: 20 }));
    expect(issues[0]!.path).toEqual(["models", 0, "tariffs", 0, "tariff"]);
    expect(issues[0]!.message).toMatch(/truncate it with min \/ max/);
  });
});

describe("models that are not a list", () => {
  it("is an input error, not a crash", () => {
    const c = caseload([rec("T1", { start: "2026-01" })], YEAR);
    for (const models of [null, {}]) expect(inputIssues(() => compare(c, models as never))[0]!.path).toEqual(["models"]);
  });
});
