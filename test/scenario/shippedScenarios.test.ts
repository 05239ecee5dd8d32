/**
 * The scenario files shipped in scenarios/: every one loads, validates and runs, quickly; the
 * generated ones are what scripts/write-scenarios.ts makes now; and each gives what its example
 * computes — the quick start's amounts as worked out by hand in test/examples.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lpiYear } from "../../examples/lpi-booo-meerkosten.js";
import { overijssel2011 } from "../../examples/overijssel-2011.js";
import { behaviourUncertaintyScenario } from "../../examples/behaviour-uncertainty-reforms.js";
import { compare, defaultScenario } from "../../src/index.js";
import { loadCsvCaseload } from "../../src/node/csvLoader.js";
import { loadScenario } from "../../src/node/scenarioFile.js";
import type { ComparisonScenarioResult } from "../../src/scenario/comparisonScenario.js";
import { runScenario, type ScenarioResult } from "../../src/scenario/scenarioSchema.js";
import { simulateRecoveryInitiative } from "../../src/streams/recoveryInitiative.js";
import { ZHI_EXAMPLE } from "../../src/streams/zhiExample.js";
import { runExample, SEED } from "../../examples/stimuleringsimpuls-2021.js";
import { generatedScenarios, scenarioFileText } from "../../scripts/write-scenarios.js";

const DIR = "scenarios";
const files = readdirSync(DIR).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();

/** Each shipped scenario loaded and run once (how long it takes is bench/'s business, not a test's). */
const runs = new Map<string, { result: ScenarioResult }>();
for (const f of files) {
  const scenario = await loadScenario(join(DIR, f), { loadCsv: loadCsvCaseload });
  runs.set(f, { result: runScenario(scenario) });
}
const run = (f: string): ComparisonScenarioResult => {
  const r = runs.get(f)!.result;
  if (r.kind !== "comparison") throw new Error(`${f} is a ${r.kind} scenario`);
  return r;
};
const totals = (f: string): number[] => run(f).comparison.models.map((m) => m.metrics.totalPaid);

describe("scenarios/", () => {
  it("has a scenario for every example", () => {
    // compare-models.ts runs the default region; the own caseload is the CSV import's example.
    const examples = readdirSync("examples").filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));
    const scenarios = files.map((f) => f.replace(/\.(json|ya?ml)$/, ""));
    expect(examples.filter((e) => e !== "compare-models" && !scenarios.includes(e))).toEqual([]);
    expect(files).toEqual([
      "behaviour-uncertainty-reforms.json",
      "default-region.json",
      "eigen-export.yaml",
      "four-models.yaml",
      "lpi-booo-meerkosten.json",
      "overijssel-2011.json",
      "own-caseload-csv.yaml",
      "quick-start.json",
      "stimuleringsimpuls-2021-worked.json",
      "stimuleringsimpuls-2021.json",
      "vng-three-models.json",
      "zhi-funding.json",
    ]);
  });
  for (const f of files) {
    it(`${f} points editors at the JSON Schema, validates and runs`, () => {
      const text = readFileSync(join(DIR, f), "utf8");
      if (f.endsWith(".json")) expect(JSON.parse(text).$schema).toBe("../schema/scenario.schema.json");
      else {
        expect(text.startsWith("# yaml-language-server: $schema=../schema/scenario.schema.json\n")).toBe(true);
        expect(text).toContain("\n$schema: ../schema/scenario.schema.json\n");
      }
      const { result } = runs.get(f)!;
      expect(result.source).toBe(join(DIR, f));
      expect(result.name).toBeTypeOf("string");
      if (result.kind === "comparison") {
        expect(result.comparison.models.length).toBeGreaterThan(0);
        // eigen-export sets two bad rows aside on purpose, and says so (test/node/eigenExport.test.ts).
        expect(result.warnings).toEqual(f === "eigen-export.yaml" ? [expect.stringMatching(/^import: 2 of 8 trajectory rows rejected/)] : []);
      } else if (result.kind === "grantPool") expect(result.result.totals.requests).toBeGreaterThan(0);
      else expect(result.result.ways).toHaveLength(3);
    });
  }
  for (const [name, s] of Object.entries(generatedScenarios())) {
    it(`${name} is what scripts/write-scenarios.ts makes (rerun it after changing the example)`, () => {
      expect(readFileSync(join(DIR, name), "utf8")).toBe(scenarioFileText(s));
    });
  }
});

describe("each scenario gives what its example computes", () => {
  it("quick-start.json: the amounts worked out by hand (test/examples.test.ts)", () => {
    // Effort € 1,680 + € 3,850 + € 50,400 = € 55,930; trajectory € 2,500 + € 1,250 + € 30,000 = € 33,750
    expect(totals("quick-start.json")).toEqual([5_593_000, 3_375_000]);
    const [effort, trajectory] = run("quick-start.json").comparison.models;
    expect(effort!.metrics.obligations.at(-1)).toEqual({ date: "2026-12", cents: 14_000 });
    expect(trajectory!.metrics.obligations.at(-1)).toEqual({ date: "2026-12", cents: 125_000 });
    expect([effort!.metrics.paymentLines, trajectory!.metrics.paymentLines]).toEqual([25, 4]);
    expect(effort!.metrics.perClient).toBe(1_864_333); // 55,930 / 3 = 18,643.33
  });
  it("four-models.yaml: as examples/four-models.ts", () => {
    // Task € 12,000 + € 55,000; effort and trajectory as in the quick start; the effort ceiling is reached once.
    expect(totals("four-models.yaml")).toEqual([6_700_000, 5_593_000, expect.any(Number), 3_375_000]);
    expect(run("four-models.yaml").comparison.models.map((m) => m.metrics.ceilingsReached)).toEqual([0, 1, 0, 0]);
    expect(run("four-models.yaml").comparison.models[0]!.metrics.messages).toBe(0);
  });
  it("default-region.json: as defaultScenario() (npm run compare)", () => {
    const s = defaultScenario();
    expect(run("default-region.json").comparison).toEqual(compare(s.caseload, s.models, s.options));
  });
  it("behaviour-uncertainty-reforms.json: as the example, with behaviour on, five uncertain inputs, a tornado and two reforms", () => {
    const r = run("behaviour-uncertainty-reforms.json");
    expect(r).toEqual({ ...runScenario(behaviourUncertaintyScenario()), source: r.source });
    expect(r.comparison.behaviour?.set).toBe("literature-central");
    expect(r.comparison.uncertainty!.parameters.map((p) => p.label)).toEqual([
      "instroomtrend ambulant",
      "duur ambulant middel",
      "uurtarief ambulant",
      "kostprijs ambulant",
      "extra uren p×q",
    ]);
    expect(r.comparison.risk!.runs).toBe(20);
    expect(r.reforms!.steps.map((s) => s.name)).toEqual(["Basis", "garantie 24 maanden", "gedrag hoog"]);
    // The guarantee moves only outputgericht (the third model): every other model's change is exactly 0 in every run.
    const guarantee = r.reforms!.steps[1]!.effects!;
    expect(guarantee.filter((_, i) => i !== 2).map((e) => e.effect.totalPaid)).toEqual(Array(3).fill({ mean: 0, p5: 0, p50: 0, p95: 0 }));
    // The tariff does not move what the lump sum pays: its swing there is exactly 0.
    const task = r.sensitivity!.tornadoes.find((t) => t.model === "Taakgericht" && t.metric === "totalPaid")!;
    expect(task.tornado.rows.find((x) => x.label === "uurtarief ambulant")!.swing).toBe(0);
  });
  it("vng-three-models.json: the default region's task, effort and output models, 10 runs", () => {
    const vng = run("vng-three-models.json").comparison;
    expect(vng.seeds).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    const region = run("default-region.json").comparison.models;
    // The first run has the default region's seed: the same metrics as there.
    expect(vng.models.map((m) => m.metrics)).toEqual([region[0]!.metrics, region[1]!.metrics, region[3]!.metrics]);
    expect(vng.models.every((m) => m.summary.totalPaid!.p95 > m.summary.totalPaid!.p5)).toBe(true);
  });
  it("overijssel-2011.json: as overijssel2011().asBefore", () => {
    const { asBefore } = overijssel2011(5);
    expect(run("overijssel-2011.json").comparison.models.map((m) => m.mean)).toEqual(asBefore.models.map((m) => m.mean));
  });
  it("lpi-booo-meerkosten.json: the streams as lpiYear() attributes them", () => {
    const { projection, who } = lpiYear();
    const r = run("lpi-booo-meerkosten.json");
    expect(totals("lpi-booo-meerkosten.json")).toEqual([projection.totalPaid]);
    expect(r.streams?.[0]?.result).toEqual(who);
    expect(who.streams.map((s) => s.covered)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(who.streams[1]!.covered).toBeGreaterThan(0);
  });
  it("stimuleringsimpuls-2021.json: the year of examples/stimuleringsimpuls-2021.ts", () => {
    const r = runs.get("stimuleringsimpuls-2021.json")!.result;
    if (r.kind !== "grantPool") throw new Error("a grant-pool scenario");
    expect(r.seed).toBe(SEED);
    expect(r.result).toEqual(runExample().synthetic);
  });
  it("stimuleringsimpuls-2021-worked.json: the four requests worked out by hand", () => {
    const r = runs.get("stimuleringsimpuls-2021-worked.json")!.result;
    if (r.kind !== "grantPool") throw new Error("a grant-pool scenario");
    expect(r.seed).toBeNull();
    expect(r.result).toEqual(runExample().worked);
    // As in test/examples/stimuleringsimpuls.test.ts: €12,500 committed, €11,250 invoiced; the guarantee of €30,000 called for €10,000.
    expect(r.result.decisions.map((d) => [d.id, d.committed, d.paid])).toEqual([
      ["W1", 1_250_000, 1_125_000],
      ["W2", 12_000_000, 12_000_000],
      ["W3", 0, 0],
      ["W4", 3_000_000, 1_000_000],
    ]);
  });
  it("zhi-funding.json: the comparison of examples/zhi-funding.ts", () => {
    const r = runs.get("zhi-funding.json")!.result;
    if (r.kind !== "recoveryInitiative") throw new Error("a recovery-initiative scenario");
    expect(r.result).toEqual(simulateRecoveryInitiative(ZHI_EXAMPLE));
    // Structural: 5 × €180,000; break-even €180,000 × 100 ÷ (50 × €6,000) = 60 avoided trajectories per 100 participant-years.
    expect(r.result.ways[0]!.summary.municipalityCost.mean).toBe(90_000_000);
    expect(r.result.breakEven).toEqual({ avoidedPer100ParticipantYears: 60, assumed: 25 });
  });
});
