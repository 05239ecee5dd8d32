/**
 * Scenarios, pure: one schema for a whole comparison, defaults filled in, and every error naming
 * the source, the path inside the scenario and the reason.
 */
import { describe, expect, it } from "vitest";
import { scenarioIssuesOf, thrownScenarioError } from "../support/scenarioErrors.js";
import { caseloadFromRecords, compare, FundingInputError, type ModelConfig } from "../../src/index.js";
import { formatScenarioIssue } from "../../src/scenario/scenarioBase.js";
import { parseScenario, runScenario, type ScenarioInput } from "../../src/scenario/scenarioSchema.js";

const SOURCE = "scenarios/region.json";
const issuesOf = (input: unknown, source = SOURCE) => scenarioIssuesOf(input, source);
const thrown = thrownScenarioError;
/** A comparison scenario parsed (the kind these tests write; another kind would be an error). */
const parseComparison = (input: unknown, source?: string) => parseScenario(input, { ...(source ? { source } : {}), kind: "comparison" });

const RECORDS = [
  { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
  { id: "t3", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
] as const;
const EFFORT = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] } satisfies ModelConfig;
const TRAJECTORY = { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] } satisfies ModelConfig;

/** A small valid scenario; `patch` replaces top-level fields. */
function scenario(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseload: { records: RECORDS, window: { start: "2025-12", months: 13 } },
    models: [EFFORT, TRAJECTORY],
    options: { horizon: { start: "2026-01", months: 12 } },
    ...patch,
  };
}

describe("parseScenario fills in the defaults", () => {
  const s = parseComparison(scenario());
  it("the scenario's own: no streams, the comparison options", () => {
    expect(s.streams).toEqual([]);
    expect(s.options).toEqual({ horizon: { start: "2026-01", months: 12 }, paymentLagMonths: 1, seed: 1, runs: 1, keepProjections: false });
    expect(parseComparison({ caseload: scenario()["caseload"], models: [EFFORT] }).options).toEqual({ paymentLagMonths: 1, seed: 1, runs: 1, keepProjections: false });
  });
  it("the caseload's: record defaults (intensity, age group, target group)", () => {
    const c = s.caseload;
    if (!("records" in c)) throw new Error("records expected");
    expect(c.records[0]).toMatchObject({ intensity: "standaard", ageGroup: "onbekend", targetGroup: "algemeen" });
    expect(Object.keys(c.records[0]!)).not.toContain("client");
  });
  it("keeps models and money as written: the core parses them again", () => {
    expect(s.models).toEqual([EFFORT, TRAJECTORY]);
    const withMoney = parseComparison(scenario({ options: { budget: { perYear: "60000.00" }, costPrices: { prices: [{ careForm: "ambulant", price: "66.00" }, { careForm: "verblijf", price: "170.00" }] } } }));
    expect(withMoney.options.budget).toEqual({ perYear: "60000.00" });
    expect(withMoney.options.costPrices?.prices[0]?.price).toBe("66.00");
  });
  it("a parsed scenario is a valid scenario, and parses to itself", () => {
    expect(parseComparison(s)).toEqual(s);
    const spec = parseComparison({ caseload: { spec: { window: { start: "2026-01", months: 12 }, municipalities: [{ name: "A", weight: 1 }], providers: [{ name: "P", careForms: ["ambulant"], weight: 1 }], profiles: [{ name: "x", careForm: "ambulant", unit: "04", arrivalsPerMonth: 2, initialStock: 0, intensities: [{ name: "i", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 60, cv: 0 } }], outcome: { achieved: 1, notAchieved: 0, droppedOut: 0 } }] } }, models: [EFFORT] });
    if (!("spec" in spec.caseload)) throw new Error("spec expected");
    expect(spec.caseload.spec.profiles[0]).toMatchObject({ trendPercentPerYear: 0, reentry: { probability: 0, withinMonths: 12 } });
    expect(parseComparison(spec)).toEqual(spec);
  });
  it("runs as compare does", () => {
    const direct = compare(caseloadFromRecords(RECORDS, { window: { start: "2025-12", months: 13 } }), [EFFORT, TRAJECTORY], { horizon: { start: "2026-01", months: 12 } });
    expect(runScenario(s).comparison).toEqual(direct);
  });
});

describe("errors name the source, the path inside the scenario and the reason", () => {
  it("a negative tariff deep in a model", () => {
    const input = scenario({ models: [TRAJECTORY, { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "-70.00" }] }] });
    const e = thrown(() => parseComparison(input, SOURCE));
    expect(e).toBeInstanceOf(FundingInputError);
    expect(e.source).toBe(SOURCE);
    expect(e.message).toContain("scenarios/region.json: models[1].tariffs[0].tariff: must not be negative");
    expect(e.issues).toEqual([{ code: "custom", path: ["models", 1, "tariffs", 0, "tariff"], message: "must not be negative", source: SOURCE }]);
  });
  it("an output schedule that does not sum to 100 %", () => {
    const output = { kind: "output", prices: [{ profile: "opvoeden", price: "2400.00" }], schedule: { atStart: 20, instalments: 60, atEnd: 10, onResult: 5 } };
    const [issue] = issuesOf(scenario({ models: [EFFORT, output] }));
    expect(formatScenarioIssue(issue!)).toBe(
      "scenarios/region.json: models[1].schedule: shares atStart 20% + instalments 60% + atEnd 10% + onResult 5% sum to 95%, not 100%",
    );
  });
  it("an unknown model kind names the kinds there are; a missing kind says so", () => {
    expect(issuesOf(scenario({ models: [{ kind: "lumpsum" }] }))).toEqual([
      {
        code: "invalid_union",
        path: ["models", 0, "kind"],
        message: 'unknown model kind "lumpsum"; expected one of task, effort, output, trajectory, perPlace, reimbursement, combined',
        source: SOURCE,
      },
    ]);
    expect(issuesOf(scenario({ models: [EFFORT, { tariffs: [] }] }))[0]).toMatchObject({ path: ["models", 1, "kind"], message: expect.stringMatching(/^missing kind; expected one of task, /) });
    // inside a combined model too
    expect(issuesOf(scenario({ models: [{ kind: "combined", parts: [EFFORT, { kind: "budget" }] }] }))[0]).toMatchObject({
      path: ["models", 0, "parts", 1, "kind"],
      message: expect.stringContaining('unknown model kind "budget"'),
    });
  });
  it("the caseload is reported by the variant its key picks", () => {
    const bad = { records: [{ ...RECORDS[0], end: "2025-06" }], window: { start: "2025-12", months: 13 } };
    expect(issuesOf(scenario({ caseload: bad }))).toEqual([{ code: "custom", path: ["caseload", "records", 0, "end"], message: "end 2025-06 is before start 2026-01", source: SOURCE }]);
    expect(issuesOf(scenario({ caseload: { records: RECORDS } }))).toEqual([{ code: "invalid_type", path: ["caseload", "window"], message: "required: expected object", source: SOURCE }]);
    expect(issuesOf(scenario({ caseload: { spec: { window: { start: "2026-13", months: 1 } } } })).map((i) => formatScenarioIssue(i))).toContain(
      "scenarios/region.json: caseload.spec.window.start: expected a month as YYYY-MM, e.g. 2026-01",
    );
    expect(issuesOf(scenario({ caseload: { csv: "export.csv", window: { start: "2026-01", months: 12 }, delimiter: ";" } }))).toEqual([
      { code: "unrecognized_keys", path: ["caseload"], message: 'Unrecognized key: "delimiter"', source: SOURCE },
    ]);
  });
  it("a caseload without or with several variants says which keys it needs", () => {
    expect(issuesOf(scenario({ caseload: { window: { start: "2026-01", months: 12 } } }))[0]!.message).toBe(
      "needs one of spec (a synthetic caseload), records (trajectories), recordsFile (a JSON or YAML file of them) or csv (a caseload export)",
    );
    expect(issuesOf(scenario({ caseload: { records: [], recordsFile: "x.json", window: { start: "2026-01", months: 12 } } }))[0]!.message).toBe(
      "give one of spec, records, recordsFile, csv, not several (found records, recordsFile)",
    );
    expect(issuesOf(scenario({ caseload: "records.csv" }))[0]).toMatchObject({ path: ["caseload"], message: "expected an object with one of spec, records, recordsFile, csv" });
  });
  it("unknown fields, no models, bare numbers for money, a missing caseload", () => {
    expect(issuesOf(scenario({ model: [EFFORT] }))).toContainEqual({ code: "unrecognized_keys", path: [], message: 'Unrecognized key: "model"', source: SOURCE });
    expect(formatScenarioIssue(issuesOf(scenario({ models: [] }))[0]!)).toBe("scenarios/region.json: models: needs at least one model");
    expect(issuesOf(scenario({ options: { budget: { perYear: 60000 } } }))[0]).toMatchObject({ path: ["options", "budget", "perYear"] });
    expect(issuesOf(scenario({ options: { runs: 0, horizn: {} } })).map((i) => formatScenarioIssue(i))).toEqual([
      "scenarios/region.json: options.runs: Too small: expected number to be >=1",
      'scenarios/region.json: options: Unrecognized key: "horizn"',
    ]);
    const { caseload: _, ...noCaseload } = scenario();
    expect(issuesOf(noCaseload)).toEqual([
      { code: "invalid_type", path: ["caseload"], message: "required: an object with one of spec, records, recordsFile, csv", source: SOURCE },
    ]);
    expect(issuesOf(null)[0]).toMatchObject({ path: [], code: "invalid_type" });
  });
  it("without a source, the message says 'scenario'", () => {
    expect(thrown(() => parseComparison(scenario({ models: [] }))).message).toContain("  scenario: models: needs at least one model");
  });
});

describe("runScenario: errors found when running name the path inside the scenario", () => {
  const run = (input: Record<string, unknown>) => thrown(() => runScenario({ source: SOURCE, definition: parseComparison(input, SOURCE), caseload: null }));
  it("the caseload records (a duplicate id)", () => {
    const e = run(scenario({ caseload: { records: [RECORDS[0], RECORDS[0]], window: { start: "2025-12", months: 13 } } }));
    expect(e.issues).toEqual([{ code: "custom", path: ["caseload", "records", 1, "id"], message: 'duplicate trajectory id "t1"', source: SOURCE }]);
  });
  it("a model that does not fit the caseload", () => {
    const e = run(scenario({ models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }] }));
    expect(e.message).toMatch(/scenarios\/region.json: models\[0\]\.tariffs: no price for provider \/ care form: .*verblijf/);
  });
  it("the options (cost prices missing a care form; several runs of given records)", () => {
    const e = run(scenario({ options: { horizon: { start: "2026-01", months: 12 }, costPrices: { prices: [{ careForm: "ambulant", price: "66.00" }] } } }));
    expect(e.issues[0]!.path.slice(0, 2)).toEqual(["options", "costPrices"]);
    expect(run(scenario({ options: { runs: 3 } })).issues[0]).toMatchObject({ path: ["options", "runs"], source: SOURCE });
  });
  it("a funding stream naming an unknown provider", () => {
    const e = run(scenario({ streams: [{ name: "regeling", rules: [{ from: "2026-01", value: { lumpSums: true, covers: { providers: ["Nergens"] } } }] }] }));
    expect(e.issues[0]!.path.slice(0, 2)).toEqual(["streams", 0]);
    expect(e.issues[0]!.path).toContain("providers");
  });
  it("a caseload in a file needs the loader", () => {
    const e = run(scenario({ caseload: { recordsFile: "records.json", window: { start: "2025-12", months: 13 } } }));
    expect(e.issues[0]).toMatchObject({ code: "unresolved_file", path: ["caseload", "recordsFile"] });
    // a bare definition is named by its name
    const named = parseComparison(scenario({ name: "Regio", caseload: { csv: "x.csv", window: { start: "2025-12", months: 13 } } }));
    expect(thrown(() => runScenario(named)).message).toContain('scenario "Regio": caseload.csv: ');
  });
});

describe("runScenario", () => {
  const s = parseComparison(scenario({ name: "Quick start" }));
  it("gives compare's comparison, with the name and no streams", () => {
    const r = runScenario(s);
    expect(r.name).toBe("Quick start");
    expect(r.source).toBeNull();
    expect(r.streams).toBeNull();
    // The quick start without t2 (test/examples.test.ts): effort € 1,680 + € 50,400; trajectory € 2,500 + € 30,000
    expect(r.comparison.models.map((m) => m.metrics.totalPaid)).toEqual([5_208_000, 3_250_000]);
  });
  it("with streams and one run: what each stream covered per model, every cent to one payer", () => {
    const streams = [{ name: "verblijf", rules: [{ from: "2025-01", value: { covers: { careForms: ["verblijf"] }, coverPercent: 50 } }] }];
    const r = runScenario(parseComparison(scenario({ streams })));
    expect(r.streams?.map((x) => x.label)).toEqual(r.comparison.models.map((m) => m.label));
    for (const [i, m] of r.comparison.models.entries()) {
      const who = r.streams![i]!.result;
      expect(who.totalPaid).toBe(m.metrics.totalPaid);
      expect(who.streams[0]!.covered + who.ownMeans.total).toBe(m.metrics.totalPaid);
    }
    // effort: half of t3's 10 × € 5,040 = € 25,200
    expect(r.streams![0]!.result.streams[0]!.covered).toBe(2_520_000);
  });
  it("with streams and several runs of a spec: the comparison, the streams skipped with a warning", () => {
    const spec = { window: { start: "2026-01", months: 12 }, municipalities: [{ name: "A", weight: 1 }], providers: [{ name: "P", careForms: ["ambulant"], weight: 1 }], profiles: [{ name: "x", careForm: "ambulant", unit: "04", arrivalsPerMonth: 2, initialStock: 0, intensities: [{ name: "i", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 60, cv: 0 } }], outcome: { achieved: 1, notAchieved: 0, droppedOut: 0 } }] };
    const streams = [{ name: "alles", rules: [{ from: "2026-01", value: {} }] }];
    const several = runScenario(parseComparison({ caseload: { spec }, models: [EFFORT], streams, options: { runs: 3, seed: 7 } }));
    expect(several.streams).toBeNull();
    expect(several.warnings[0]).toMatch(/single run/);
    expect(several.notices[0]!.nl).toBe("regelingen worden toegepast op één run zonder onzekere parameters; dit scenario heeft 3 runs, dus ze zijn niet toegepast");
    expect(several.comparison.seeds).toEqual([7, 8, 9]);
    // one run: the same comparison as without streams (seeds included), and the streams
    const one = runScenario(parseComparison({ caseload: { spec }, models: [EFFORT], streams, options: { seed: 7 } }));
    const plain = runScenario(parseComparison({ caseload: { spec }, models: [EFFORT], options: { seed: 7 } }));
    expect(one.comparison).toEqual(plain.comparison);
    expect(one.streams![0]!.result.streams[0]!.covered).toBe(plain.comparison.models[0]!.metrics.totalPaid);
  });
  it("the result is plain JSON-safe data (without keepProjections)", () => {
    const streams = [{ name: "verblijf", rules: [{ from: "2025-01", value: { covers: { careForms: ["verblijf"] } } }] }];
    const r = runScenario(parseComparison(scenario({ streams })));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it("accepts the input type", () => {
    const input: ScenarioInput = { caseload: { records: RECORDS, window: { start: "2025-12", months: 13 } }, models: [EFFORT] };
    expect(parseComparison(input).models).toEqual([EFFORT]);
  });
});
