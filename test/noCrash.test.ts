/**
 * No crash class (issue 10): each input the probe found crashing — a DecimalError, a RangeError, a
 * TypeError deep in the core — now ends in a FundingInputError naming the field; a missing field
 * says "required"; a failed union says what was expected. And bounded work: a caseload too large
 * for memory is refused with its estimate before anything is allocated.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  caseloadFromCsv,
  caseloadFromRecords,
  combinedModel,
  compare,
  createModel,
  defaultRegionSpec,
  generateCaseload,
  generateGrantRequests,
  MAX_COMBINED_DEPTH,
  parseScenario,
  runScenario,
  project,
  type ModelConfig,
} from "../src/index.js";
import { loadScenario } from "../src/node/index.js";
import { tempFiles } from "./support/tempFiles.js";
import { caseload, inputIssues, issueTexts, rec, SMALL_SPEC } from "./support/examples.js";

const W = { start: "2026-01", months: 12 };
const limitFiles = tempFiles("limit-");
const one = caseload([rec("a", { start: "2026-01", end: "2026-03" })], W);
const EFFORT = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] } satisfies ModelConfig;
const GRANT_SPEC = (JSON.parse(readFileSync(new URL("../scenarios/stimuleringsimpuls-2021.json", import.meta.url), "utf8")) as { requests: { spec: Record<string, unknown> } }).requests.spec;

describe("refinements run only on values that passed their format check", () => {
  it("empty-string shares in an output schedule: the shares' format, not a DecimalError", () => {
    const schedule = { atStart: "", instalments: "", atEnd: "", onResult: "" };
    const texts = issueTexts(() => createModel({ kind: "output", prices: [{ profile: "licht", price: "100.00" }], schedule } as unknown as ModelConfig));
    expect(texts).toEqual(["atStart", "instalments", "atEnd", "onResult"].map((k) => `schedule.${k}: expected a percentage like 2.35`));
  });
  it("a day date where a month is expected in a grant-request spec: the field, not a RangeError", () => {
    expect(issueTexts(() => generateGrantRequests({ ...GRANT_SPEC, start: "2021-01-15" } as never, 1))).toEqual([
      expect.stringMatching(/^start: .*YYYY-MM/),
    ]);
  });
  it("empty-string and day-date percentages in a grant-request spec's percent range: the fields, not a DecimalError", () => {
    const issues = inputIssues(() => generateGrantRequests({ ...GRANT_SPEC, invoicePercent: { min: "", max: "2021-01-15" } } as never, 1));
    expect(issues.map((i) => i.path.join("."))).toEqual(["invoicePercent.min", "invoicePercent.max"]);
    expect(issues.every((i) => i.message === "expected a percentage like 2.35")).toBe(true);
  });
  it("an empty-string indexation percentage: the field, not a DecimalError", () => {
    const texts = issueTexts(() => createModel({ ...EFFORT, indexation: [{ from: "2026-01", value: "" }] } as unknown as ModelConfig));
    expect(texts).toEqual(["indexation.0.value: expected a percentage like 2.35"]);
  });
});

describe("API misuse is a located input error", () => {
  it("compare(c, undefined) and compare(c, {})", () => {
    for (const models of [undefined, {}]) {
      expect(issueTexts(() => compare(one, models as never))).toEqual(["models: expected a list of models (configs or built models)"]);
    }
  });
  it("createModel(null), createModel(42), createModel([])", () => {
    expect(issueTexts(() => createModel(null as never))).toEqual([
      ": a model config is an object with a kind (task, effort, output, trajectory, perPlace, reimbursement, combined), not null",
    ]);
    expect(issueTexts(() => createModel(42 as never))[0]).toMatch(/not number$/);
    expect(issueTexts(() => createModel([] as never))[0]).toMatch(/not an array$/);
  });
  it("project() with a config or nothing in place of a built model or caseload", () => {
    expect(issueTexts(() => project(one, EFFORT as never, { horizon: W }))).toEqual([
      "model: expected a funding model built by createModel(config) (or taskModel, effortModel, …), not a config or another value",
    ]);
    expect(issueTexts(() => project(undefined as never, createModel(EFFORT), { horizon: W }))[0]).toMatch(/^caseload: expected a caseload/);
  });
  it("combinedModel([]) and combinedModel([config])", () => {
    expect(issueTexts(() => combinedModel([]))).toEqual(["parts: needs a list of at least one part (funding models)"]);
    expect(issueTexts(() => combinedModel([EFFORT as never]))[0]).toMatch(/^parts\.0: expected a funding model/);
  });
  it("runScenario with null, text, a number or a resolved scenario holding null; onRun, locate or source of the wrong type", () => {
    for (const [given, what] of [[null, "null"], ["x", "string"], [5, "number"], [{ definition: null }, "null"]] as const) {
      expect(issueTexts(() => runScenario(given as never))).toEqual([`: a scenario is an object (keys caseload, models, …), not ${what}`]);
    }
    const scenario = { caseload: { spec: SMALL_SPEC }, models: [EFFORT] };
    expect(issueTexts(() => runScenario(scenario, "x" as never))).toEqual(["onRun: expected a function called after each run, or nothing"]);
    expect(issueTexts(() => runScenario({ definition: scenario, source: null, caseload: null, locate: 5 } as never))).toEqual([
      "locate: expected a function (path → line and column) or nothing",
    ]);
    expect(issueTexts(() => runScenario({ definition: scenario, source: 3, caseload: null } as never))).toEqual(["source: expected the scenario's file name as text, or null"]);
  });
  it("useCsv: null is the use CSV's type, named", () => {
    const csv = "id,municipality,provider,profile,careForm,unit,start,end,outcome,use\na,G0,P0,x,ambulant,04,2026-01,,open,60\n";
    expect(issueTexts(() => caseloadFromCsv(csv, { window: W, useCsv: null } as never))).toEqual(["useCsv: expected the use CSV's text as a string, or no useCsv"]);
  });
});

describe(`combined models nest at most ${MAX_COMBINED_DEPTH} deep`, () => {
  const nested = (depth: number): ModelConfig => {
    let m: ModelConfig = EFFORT;
    for (let i = 0; i < depth; i++) m = { kind: "combined", parts: [m] };
    return m;
  };
  it(`${MAX_COMBINED_DEPTH} levels build and pay as the one part alone`, () => {
    const alone = project(one, createModel(EFFORT), { horizon: W }).totalPaid;
    expect(project(one, createModel(nested(MAX_COMBINED_DEPTH)), { horizon: W }).totalPaid).toBe(alone);
  });
  it(`${MAX_COMBINED_DEPTH + 1} levels are refused at the outer parts`, () => {
    expect(issueTexts(() => createModel(nested(MAX_COMBINED_DEPTH + 1)))).toEqual([
      `parts: combined models nest at most ${MAX_COMBINED_DEPTH} deep (a combined model among the parts of a combined model, and so on); this one nests deeper`,
    ]);
  });
  it("5,000 levels (a RangeError at about 800 before) are refused as too deep, located, in a config, a comparison and a scenario", () => {
    const deep = "nested more than 200 levels deep (objects and arrays) below this field";
    expect(issueTexts(() => createModel(nested(5000)))).toEqual([`parts.0.parts.0: ${deep}`]);
    expect(issueTexts(() => compare(one, [EFFORT, nested(5000)]))).toEqual([`models.1.parts.0.parts.0: ${deep}`]);
    const scenario = { caseload: { records: [], window: W }, models: [nested(5000)] };
    expect(() => parseScenario(scenario)).toThrow(`models[0].parts[0]: ${deep}`);
  });
  it("any input nested 100,000 deep (a RangeError in the search for distributions before) is refused, located", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => parseScenario({ caseload: { records: [], window: W }, models: [EFFORT], options: { horizon: deep } })).toThrow("options.horizon[0][0]: nested more than 200 levels deep");
    expect(issueTexts(() => compare(one, [{ ...EFFORT, tariffs: deep } as never]))).toEqual(["models.0.tariffs.0.0.0: nested more than 200 levels deep (objects and arrays) below this field"]);
  });
});

describe("a missing field says required; a failed union names what it expected", () => {
  it("a record without careForm or unit", () => {
    const { careForm: _c, unit: _u, ...bare } = rec("a", { start: "2026-01", end: null, outcome: "open" });
    expect(issueTexts(() => caseloadFromRecords([bare], { window: W }))).toEqual([
      '0.careForm: trajectory "a": required: a care form, one of ambulant, daghulp, verblijf, pleegzorg, gezinshuis, gesloten, wijkteam',
      '0.unit: trajectory "a": required: an iJw unit code, one of 01, 04, 14, 16, 82, 83, 84',
    ]);
  });
  it("a tariff without careForm", () => {
    expect(issueTexts(() => createModel({ kind: "effort", tariffs: [{ tariff: "70.00" }] } as unknown as ModelConfig))).toEqual([
      "tariffs.0.careForm: required: a care form, one of ambulant, daghulp, verblijf, pleegzorg, gezinshuis, gesloten, wijkteam",
    ]);
  });
  it("a model config without kind, or with an unknown one, lists the kinds", () => {
    expect(issueTexts(() => createModel({ tariffs: [] } as never))).toEqual(["kind: required: kind, one of task, effort, output, trajectory, perPlace, reimbursement, combined"]);
    expect(issueTexts(() => createModel({ kind: "efort" } as never))).toEqual(['kind: unknown kind "efort"; expected one of task, effort, output, trajectory, perPlace, reimbursement, combined']);
  });
  it("a missing nested object is required, not 'received undefined'", () => {
    expect(issueTexts(() => createModel({ ...EFFORT, ceiling: { behaviour: "overspend" } } as never))).toEqual(["ceiling.amounts: required: expected array"]);
  });
  it("a percentage of the wrong type says what a percentage is, not a bare 'Invalid input'", () => {
    const schedule = { atStart: false, instalments: 100, atEnd: 0, onResult: 0 };
    expect(issueTexts(() => createModel({ kind: "output", prices: [{ profile: "licht", price: "100.00" }], schedule } as unknown as ModelConfig))).toEqual([
      'schedule.atStart: expected a percentage as a number or a decimal string, e.g. 2.35 or "2.35"',
    ]);
  });
});

describe("bounded work: a caseload too large for memory is refused with its estimate, before it is built", () => {
  const withProfile = (change: Record<string, unknown>, window = { start: "2026-01", months: 48 }) => {
    const spec = defaultRegionSpec() as { window: unknown; profiles: Record<string, unknown>[] };
    return { ...spec, window, profiles: [{ ...spec.profiles[0]!, ...change }, ...spec.profiles.slice(1)] };
  };
  it("arrivalsPerMonth 1,000,000 over 600 months (V8 aborted at about 4.5 GB)", () => {
    const issues = inputIssues(() => generateCaseload(withProfile({ arrivalsPerMonth: 1_000_000 }, { start: "2026-01", months: 600 }) as never, 1));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "too_much_work", path: [] });
    expect(issues[0]!.message).toMatch(/would hold about [\d,]{11,} trajectories, more than the limit of 10,000,000 \(option maxTrajectories\) and about [\d,]+ trajectory-months, more than the limit of 50,000,000 \(option maxTrajectoryMonths\)/);
  });
  it("initialStock 10,000,000: over the trajectory-month limit", () => {
    const issues = inputIssues(() => generateCaseload(withProfile({ initialStock: 10_000_000 }) as never, 1));
    expect(issues[0]!.message).toMatch(/about [\d,]+ trajectory-months, more than the limit of 50,000,000 \(option maxTrajectoryMonths\)/);
  });
  it("compare refuses the spec before its first run, and the limit can be raised or lowered", () => {
    const big = withProfile({ initialStock: 10_000_000 });
    expect(() => compare(big as never, [EFFORT])).toThrow(/more than the limit of 50,000,000/);
    // A lower limit refuses the small spec; the default builds it.
    expect(() => generateCaseload(SMALL_SPEC, 1, { maxTrajectoryMonths: 10 })).toThrow(/trajectory-months, more than the limit of 10 \(option maxTrajectoryMonths\)/);
    expect(() => compare(SMALL_SPEC, [EFFORT], { maxTrajectories: 1 })).toThrow(/trajectories, more than the limit of 1 \(option maxTrajectories\)/);
    expect(generateCaseload(SMALL_SPEC, 1).size).toBeGreaterThan(0);
    expect(issueTexts(() => generateCaseload(SMALL_SPEC, 1, { maxTrajectoryMonths: -1 }))).toEqual(["maxTrajectoryMonths: maxTrajectoryMonths must be at least 1"]);
  });
  it("a scenario's options set the limit for its spec and for its records", () => {
    const records = Array.from({ length: 3 }, (_, i) => rec(`t${i}`, { start: "2026-01", end: null, outcome: "open" }));
    const withRecords = { caseload: { records, window: W }, models: [EFFORT], options: { maxTrajectoryMonths: 35 } };
    expect(() => runScenario(withRecords)).toThrow("caseload.records: the 3 records would hold 36 trajectory-months, more than the limit of 35");
    expect(runScenario({ ...withRecords, options: { maxTrajectoryMonths: 36 } }).kind).toBe("comparison");
    expect(() => runScenario({ caseload: { spec: SMALL_SPEC }, models: [EFFORT], options: { maxTrajectories: 1 } })).toThrow(/caseload\.spec: the caseload this spec generates would hold about [\d,]+ trajectories, more than the limit of 1/);
  });

  it("a scenario's options set the limit for the records file it names", async () => {
    const records = Array.from({ length: 3 }, (_, i) => rec(`t${i}`, { start: "2026-01", end: null, outcome: "open" }));
    limitFiles.file("records.json", JSON.stringify(records));
    const scenario = (limit: number) => limitFiles.file(`${limit}.json`, JSON.stringify({ caseload: { recordsFile: "records.json", window: W }, models: [EFFORT], options: { maxTrajectoryMonths: limit } }));
    // 3 open records over 12 months: 36 trajectory-months.
    await expect(loadScenario(scenario(35))).rejects.toThrow("the 3 records would hold 36 trajectory-months, more than the limit of 35");
    expect((await loadScenario(scenario(36))).caseload?.size).toBe(3);
  });
  it("records are counted from their start and end before any use is filled in", () => {
    const records = Array.from({ length: 3 }, (_, i) => rec(`t${i}`, { start: "2026-01", end: null, outcome: "open" }));
    // 3 open records over a 12-month window: 36 trajectory-months.
    expect(caseloadFromRecords(records, { window: W, maxTrajectoryMonths: 36 }).size).toBe(3);
    expect(issueTexts(() => caseloadFromRecords(records, { window: W, maxTrajectoryMonths: 35 }))).toEqual([
      ": the 3 records would hold 36 trajectory-months, more than the limit of 35 (option maxTrajectoryMonths); the caseload is held in memory, so it is refused before it is built — raise the limit if the machine has the memory",
    ]);
  });
});
