/**
 * Reforms stacked on a baseline: each reform's effect is the change from the step before, run by
 * run, per model. Hand-worked on one trajectory of 10 hours.
 */
import { describe, expect, it } from "vitest";
import { compareReforms, formatReforms, type ModelConfig, type Reform } from "../../src/index.js";
import { caseload, inputIssues, rec, SMALL_SPEC } from "../support/examples.js";

const YEAR = { start: "2026-01", months: 12 };
// T1: 300 minutes in January and February: 5 + 5 = 10 hours.
const c = caseload([rec("T1", { start: "2026-01", end: "2026-02", use: 300 })], YEAR);
const MODELS: ModelConfig[] = [
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] },
  { kind: "trajectory", amounts: [{ amount: "1000.00" }] },
];
const REFORMS: Reform[] = [
  { name: "tarief 77", changes: [{ path: "models[0].tariffs[0].tariff", value: "77.00" }] },
  { name: "trajectbedrag 1200", description: "a higher amount per trajectory", changes: [{ path: "models[1].amounts[0].amount", value: "1200.00" }] },
  { name: "meer uren", changes: [{ path: "options.behaviour", value: { effort: { extraUsePercent: { ambulant: 10 } } } }] },
];

describe("stacked reforms", () => {
  const r = compareReforms(c, MODELS, { horizon: YEAR }, REFORMS);
  const paid = (step: number) => r.steps[step]!.comparison.models.map((m) => m.metrics.totalPaid);
  const effect = (step: number) => r.steps[step]!.effects!.map((e) => e.effect.totalPaid!.mean);

  it("applies each reform on top of the ones before it", () => {
    // Baseline: 10 h × €70 = €700; €1,000 a trajectory.
    expect(paid(0)).toEqual([70_000, 100_000]);
    // Reform 1: 10 h × €77 = €770. Reform 2 keeps it, and pays €1,200 a trajectory.
    expect(paid(1)).toEqual([77_000, 100_000]);
    expect(paid(2)).toEqual([77_000, 120_000]);
    // Reform 3: +10 % use: 330 minutes a month → 5 h 30 min → 6 hours (a remainder of 30 rounds up): 12 h × €77 = €924.
    expect(paid(3)).toEqual([92_400, 120_000]);
    expect(r.steps.map((s) => s.name)).toEqual(["Basis", "tarief 77", "trajectbedrag 1200", "meer uren"]);
    expect(r.steps[2]!.description).toBe("a higher amount per trajectory");
  });

  it("shows each reform's effect as the change from the step before", () => {
    expect(r.steps[0]!.effects).toBeNull();
    expect(effect(1)).toEqual([7_000, 0]);
    expect(effect(2)).toEqual([0, 20_000]);
    expect(effect(3)).toEqual([15_400, 0]);
  });

  it("pairs the runs of a synthetic caseload: a reform that changes nothing has no effect in any run", () => {
    const models: ModelConfig[] = [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }];
    const same = compareReforms(SMALL_SPEC, models, { runs: 4 }, [{ name: "same", changes: [{ path: "models[0].tariffs[0].tariff", value: "70.00" }] }]);
    expect(same.steps[1]!.effects![0]!.effect.totalPaid).toEqual({ mean: 0, p5: 0, p50: 0, p95: 0 });
    const dearer = compareReforms(SMALL_SPEC, models, { runs: 4 }, [{ name: "+10", changes: [{ path: "models[0].tariffs[0].tariff", value: "77.00" }] }]);
    // Every run pays 10 % more for the same hours: each run's change is a tenth of its baseline, so never 0.
    const base = dearer.steps[0]!.comparison.models[0]!.runs.map((m) => m.totalPaid);
    const after = dearer.steps[1]!.comparison.models[0]!.runs.map((m) => m.totalPaid);
    after.forEach((a, i) => expect(a * 10).toBe(base[i]! * 11));
  });
});

describe("the reforms table", () => {
  const r = compareReforms(c, MODELS, { horizon: YEAR }, REFORMS.slice(0, 2));

  it("has a row per step and metric: the baseline's amount, then each reform's change from the step before", () => {
    const lines = formatReforms(r, "md").split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "|  | Inspanningsgericht (p×q) | Trajectfinanciering |",
      "| --- | ---: | ---: |",
      // Hand-worked above: €700 and €1,000; +€70 for the tariff, +€200 for the amount.
      "| Total paid: Basis | € 700 | € 1.000 |",
      "| &nbsp;&nbsp;tarief 77 | +€ 70 | € 0 |",
      "| &nbsp;&nbsp;trajectbedrag 1200 | € 0 | +€ 200 |",
    ]);
  });

  it("names each metric as the comparison table does, in either language", () => {
    // The names the comparison table and CSV use (the README's tables show them); the reforms table
    // had its own list, which said "Verschuldigd na de horizon" where the rest say "Te betalen na de horizon".
    const expected = {
      en: ["Total paid", "Due after the horizon", "Clients waiting (intake stop)"],
      nl: ["Totaal betaald", "Te betalen na de horizon", "Wachtende cliënten (intakestop)"],
    };
    for (const locale of ["en", "nl"] as const) {
      const heads = formatReforms(r, "text", { locale })
        .split("\n")
        .filter((l) => l.includes(": Basis"))
        .map((l) => l.slice(0, l.indexOf(": Basis")));
      expect(heads).toEqual(expected[locale]);
    }
  });
});

describe("reform errors", () => {
  it("names the reform, the change and the reason", () => {
    expect(inputIssues(() => compareReforms(c, MODELS, { horizon: YEAR }, [{ name: "x", changes: [{ path: "models[3].tariffs", value: [] }] }]))).toEqual([
      { code: "invalid_path", path: ["reforms", 0, "changes", 0, "path"], message: "models has no item 3" },
    ]);
    expect(inputIssues(() => compareReforms(c, MODELS, { horizon: YEAR }, [{ name: "x", changes: [{ path: "models", value: [MODELS[0]] }] }]))[0]!.message).toMatch(/must keep the 2 models/);
    expect(inputIssues(() => compareReforms(c, MODELS, { horizon: YEAR }, [{ name: "x", changes: [{ path: "caseload.window", value: YEAR }] }]))[0]!.message).toMatch(/only a caseload spec/);
    const bad = inputIssues(() => compareReforms(c, MODELS, { horizon: YEAR }, [{ name: "neg", changes: [{ path: "models[0].tariffs[0].tariff", value: "-1.00" }] }]));
    expect(bad[0]!.path).toEqual(["models", 0, "tariffs", 0, "tariff"]);
  });
});

describe("what a reform cannot change", () => {
  it("refuses the seed, the runs, the horizon and the options as a whole", () => {
    for (const path of ["options.seed", "options.runs", "options.horizon", "options"]) {
      expect(inputIssues(() => compareReforms(c, MODELS, { horizon: YEAR }, [{ name: "x", changes: [{ path, value: 5 }] }]))[0]!.message).toMatch(/cannot change the seed, runs, horizon/);
    }
  });
});
