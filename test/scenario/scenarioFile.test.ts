/**
 * Scenario files on disk: JSON and YAML, syntax errors with line and column, schema errors with
 * the file, line, column and path, and the caseload files a scenario names resolved against its
 * folder.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseloadFromRecords, FundingInputError } from "../../src/index.js";
import { loadScenario, readScenario, safeLoadScenario, type CsvCaseloadLoader } from "../../src/node/scenarioFile.js";
import { jsonSyntaxError, lineColumn } from "../../src/node/jsonText.js";
import { recordsOptions } from "../../src/scenario/comparisonScenario.js";
import { formatScenarioIssue, ScenarioInputError, type ScenarioIssue } from "../../src/scenario/scenarioBase.js";
import { runScenario } from "../../src/scenario/scenarioSchema.js";
import { tempFiles } from "../support/tempFiles.js";

const { dir, file } = tempFiles("scenario-files-");

/** The issues of a file that must fail to load. */
async function issuesOf(path: string, loadCsv?: CsvCaseloadLoader): Promise<readonly ScenarioIssue[]> {
  const r = await safeLoadScenario(path, loadCsv ? { loadCsv } : {});
  if (r.success) throw new Error(`expected ${path} to be refused`);
  return r.issues;
}

const RECORD = { id: "t1", municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: 60 };
const EFFORT = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };

const VALID_JSON = `{
  "name": "Klein",
  "caseload": {
    "records": [${JSON.stringify(RECORD)}],
    "window": { "start": "2025-12", "months": 13 }
  },
  "models": [
    ${JSON.stringify(EFFORT)}
  ],
  "options": { "horizon": { "start": "2026-01", "months": 12 } }
}
`;

describe("loadScenario reads JSON and YAML", () => {
  it("a JSON file: validated, defaults filled in, runnable", async () => {
    const path = file("valid.json", VALID_JSON);
    const s = await loadScenario(path, { kind: "comparison" });
    expect(s.source).toBe(path);
    expect(s.caseload).toBeNull(); // inline records: the definition holds them
    expect(s.definition.options).toMatchObject({ paymentLagMonths: 1, runs: 1 });
    expect(runScenario(s).comparison.models[0]!.metrics.totalPaid).toBe(3 * 7_000);
  });
  it("the same scenario in YAML (.yaml and .yml), with a byte-order mark", async () => {
    const yaml = `\uFEFFname: Klein
caseload:
  records:
    - { id: t1, municipality: A, provider: P, profile: x, careForm: ambulant, unit: "04", start: "2026-01", end: "2026-03", outcome: achieved, use: 60 }
  window: { start: "2025-12", months: 13 }
models:
  - kind: effort
    tariffs: [{ careForm: ambulant, tariff: "70.00" }]
options:
  horizon: { start: "2026-01", months: 12 }
`;
    const json = await loadScenario(file("same.json", VALID_JSON));
    for (const name of ["same.yaml", "same.YML"]) expect((await loadScenario(file(name, yaml))).definition).toEqual(json.definition);
  });
});

describe("syntax errors name the file, line and column", () => {
  it("JSON: a missing comma", async () => {
    const path = file("comma.json", '{\n  "name": "x"\n  "models": []\n}\n');
    const [issue] = await issuesOf(path);
    expect(issue).toEqual({ code: "json_syntax", path: [], source: path, line: 3, column: 3, message: `JSON syntax error: expected ',' or '}' after the value of "name", found '"'` });
    expect(formatScenarioIssue(issue!)).toBe(`${path}:3:3: JSON syntax error: expected ',' or '}' after the value of "name", found '"'`);
  });
  it("JSON: a trailing comma, a missing value, single quotes, an unterminated string, the end of the file", async () => {
    const at = async (text: string) => {
      const [i] = await issuesOf(file("bad.json", text));
      return `${i!.line}:${i!.column} ${i!.message}`;
    };
    expect(await at('{\n  "models": [1, 2,]\n}')).toBe("2:19 JSON syntax error: trailing comma before ']'");
    expect(await at('{ "a": 1,\n  "b": }')).toBe("2:8 JSON syntax error: expected a value, found '}'");
    expect(await at("{ 'a': 1 }")).toBe("1:3 JSON syntax error: expected a property name in double quotes, found '''");
    expect(await at('{ "a": tru }')).toBe("1:8 JSON syntax error: expected a value, found 'tru'");
    expect(await at('{ "a": "x\ny" }')).toBe("1:10 JSON syntax error: line break inside a string (unterminated string, or write \\n)");
    expect(await at('{ "a": [1, 2')).toBe("1:13 JSON syntax error: expected ',' or ']' after an array item, found the end of the file");
    expect(await at("")).toBe("1:1 JSON syntax error: expected a value, found the end of the file");
    expect(await at('{ "a": 1 } x')).toBe("1:12 JSON syntax error: unexpected 'x' after the end of the JSON value");
  });
  it("thousands of unclosed brackets are a syntax error, not a stack overflow (JSON and YAML)", async () => {
    const [json] = await issuesOf(file("deep.json", "[".repeat(100_000)));
    expect(json).toMatchObject({ code: "json_syntax", message: "JSON syntax error: Unexpected end of JSON input" });
    const [yaml] = await issuesOf(file("deep.yaml", `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}`));
    expect(yaml).toMatchObject({ code: "yaml_syntax", message: "YAML syntax error: nested too deeply to read (thousands of brackets or levels)" });
  });
  it("the JSON scanner agrees with JSON.parse on what is valid", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"],"b":{}}', "[]", " 0 ", '"x"', '{"a":{"b":[[],{}]}}']) {
      expect(jsonSyntaxError(text)).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
    for (const text of ["[01]", "[1.]", '{"a" 1}', "[NaN]", '"\\x"', "{,}", "[,]", "-"]) {
      expect(jsonSyntaxError(text)).not.toBeNull();
      expect(() => JSON.parse(text)).toThrow();
    }
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
  it("YAML: a bad indentation, an unclosed flow, a duplicate key", async () => {
    const bad = file("bad.yaml", "name: x\nmodels:\n  - kind: effort\n   tariffs: []\n");
    const [issue] = await issuesOf(bad);
    expect(issue).toMatchObject({ code: "yaml_syntax", path: [], source: bad, line: 4, column: 1 });
    expect(formatScenarioIssue(issue!)).toMatch(new RegExp(`^${bad.replace(/[.\\]/g, "\\$&")}:4:1: YAML syntax error: `));
    const unclosed = await issuesOf(file("unclosed.yaml", "name: x\nmodels: [{ kind: effort\n"));
    expect(unclosed[0]).toMatchObject({ code: "yaml_syntax", line: expect.any(Number), column: expect.any(Number) });
    const twice = await issuesOf(file("twice.yaml", "name: x\nmodels: []\nname: y\n"));
    expect(twice[0]).toMatchObject({ code: "yaml_syntax", line: 3, column: 1, message: expect.stringContaining("unique") });
  });
  it("a file that cannot be read or has another extension", async () => {
    const missing = join(dir, "nowhere.json");
    expect(await issuesOf(missing)).toEqual([{ code: "unreadable_file", path: [], message: "cannot read the file: no such file", source: missing }]);
    expect((await issuesOf(dir + "/"))[0]!.message).toContain("no file extension");
    expect((await issuesOf(file("scenario.toml", "")))[0]!.message).toBe('unknown file type ".toml": expected .json, .yaml or .yml');
    mkdirSync(join(dir, "folder.json"), { recursive: true });
    expect((await issuesOf(join(dir, "folder.json")))[0]!.message).toBe("cannot read the file: it is a folder, not a file");
  });
});

describe("schema errors name the file, line, column, path and reason", () => {
  it("JSON: an output schedule deep inside models[1]", async () => {
    const text = `{
  "caseload": { "records": [], "window": { "start": "2026-01", "months": 12 } },
  "models": [
    { "kind": "effort", "tariffs": [{ "careForm": "ambulant", "tariff": "70.00" }] },
    {
      "kind": "output",
      "prices": [{ "profile": "x", "price": "2400.00" }],
      "schedule": { "atStart": 20, "instalments": 60, "atEnd": 10, "onResult": 5 }
    }
  ]
}`;
    const path = file("schedule.json", text);
    const e = await loadScenario(path).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScenarioInputError);
    expect(e).toBeInstanceOf(FundingInputError);
    expect((e as Error).message).toBe(
      `[jeugdhulp-bekostiging] invalid scenario ${path}:\n` +
        `  ${path}:8:19: models[1].schedule: shares atStart 20% + instalments 60% + atEnd 10% + onResult 5% sum to 95%, not 100%`,
    );
  });
  it("JSON: an unknown model kind, a missing field (located at its object)", async () => {
    const path = file("kind.json", '{\n  "caseload": { "records": [], "window": { "start": "2026-01", "months": 12 } },\n  "models": [\n    { "kind": "lumpsum" }\n  ],\n  "options": {\n    "horizon": { "start": "2026-01" }\n  }\n}');
    const issues = await issuesOf(path);
    expect(issues.map((i) => formatScenarioIssue(i))).toEqual([
      `${path}:4:15: models[0].kind: unknown model kind "lumpsum"; expected one of task, effort, output, trajectory, perPlace, reimbursement, combined`,
      `${path}:7:16: options.horizon.months: required: expected number`,
    ]);
  });
  it("YAML: a negative tariff and a bare number for money", async () => {
    const path = file(
      "money.yaml",
      `caseload:
  records: []
  window: { start: "2026-01", months: 12 }
models:
  - kind: trajectory
    amounts: [{ amount: "2500.00" }]
  - kind: effort
    tariffs:
      - careForm: ambulant
        tariff: "-70.00"
options:
  budget: { perYear: 60000 }
`,
    );
    const issues = await issuesOf(path);
    expect(issues.map((i) => formatScenarioIssue(i))).toEqual([
      `${path}:10:17: models[1].tariffs[0].tariff: must not be negative`,
      `${path}:12:22: options.budget.perYear: expected euros as a string like "78.50" or { "cents": 7850 } (YAML reads 60000 as a number: write "60000" in quotes)`,
    ]);
  });
  it("YAML: text written without quotes that YAML reads as a number gets a hint", async () => {
    const path = file(
      "unquoted.yaml",
      `caseload:
  records:
    - { id: t1, municipality: A, provider: P, profile: x, careForm: ambulant, unit: 04, start: 2026-01, end: 2026-03, outcome: achieved, use: 60 }
  window: { start: 2025-12, months: 13 }
models:
  - kind: effort
    tariffs: [{ careForm: ambulant, tariff: 70.00 }]
`,
    );
    expect((await issuesOf(path)).map((i) => formatScenarioIssue(i))).toEqual([
      `${path}:3:85: caseload.records[0].unit: unknown iJw unit code 4; expected one of 01, 04, 14, 16, 82, 83, 84 (YAML reads 04 as a number: write "04" in quotes)`,
      `${path}:7:45: models[0].tariffs[0].tariff: expected euros as a string like "78.50" or { "cents": 7850 } (YAML reads 70.00 as a number: write "70.00" in quotes)`,
    ]);
  });
  it("errors found when running a loaded scenario are located too", async () => {
    const path = file("fit.json", VALID_JSON.replace('"careForm":"ambulant","tariff"', '"careForm":"verblijf","tariff"'));
    const s = await loadScenario(path);
    const e = (() => {
      try {
        runScenario(s);
      } catch (x) {
        return x as ScenarioInputError;
      }
      throw new Error("expected an error");
    })();
    expect(e.issues[0]).toMatchObject({ source: path, path: ["models", 0, "tariffs"], line: 8, column: 32 });
  });
  it("readScenario validates without reading the caseload files", async () => {
    const path = file("csv-only.json", JSON.stringify({ caseload: { csv: "nowhere.csv", window: { start: "2026-01", months: 12 } }, models: [EFFORT] }));
    expect((await readScenario(path, "comparison")).value.caseload).toEqual({ csv: "nowhere.csv", window: { start: "2026-01", months: 12 } });
  });
});

describe("caseload files are read relative to the scenario's folder", () => {
  it("recordsFile (JSON or YAML)", async () => {
    file("regio/data/records.json", JSON.stringify([RECORD, { ...RECORD, id: "t2", start: "2026-02", end: null, outcome: "open" }], null, 2));
    file("regio/data/records.yaml", `- { id: t1, municipality: A, provider: P, profile: x, careForm: ambulant, unit: "04", start: "2026-01", end: "2026-03", outcome: achieved, use: 60 }\n`);
    const path = file("regio/scenario.yaml", 'caseload:\n  recordsFile: data/records.json\n  window: { start: "2025-12", months: 13 }\n  providers: [P, Q]\nmodels:\n  - { kind: effort, tariffs: [{ careForm: ambulant, tariff: "70.00" }] }\n');
    const s = await loadScenario(path, { kind: "comparison" });
    expect(s.caseload?.size).toBe(2);
    expect(s.caseload?.providers).toEqual(["P", "Q"]); // known names from the scenario
    expect(runScenario(s).comparison.models[0]!.metrics.totalPaid).toBe(3 * 7_000 + 10 * 7_000); // t2: February – November's care paid in 2026
    const yaml = await loadScenario(file("regio/yaml.json", JSON.stringify({ caseload: { recordsFile: "data/records.yaml", window: { start: "2025-12", months: 13 } }, models: [EFFORT] })));
    expect(yaml.caseload?.size).toBe(1);
  });
  it("errors in a records file name that file, line and record", async () => {
    const records = file("regio/data/bad.json", JSON.stringify([RECORD, { ...RECORD, id: "t2", end: "2025-06" }, RECORD], null, 2));
    const path = file("regio/bad-records.json", JSON.stringify({ caseload: { recordsFile: "data/bad.json", window: { start: "2025-12", months: 13 } }, models: [EFFORT] }));
    const issues = await issuesOf(path);
    const shown = records;
    expect(issues).toEqual([
      { code: "custom", path: [1, "end"], message: 'trajectory "t2": end 2025-06 is before start 2026-01', source: shown, line: 22, column: 12 },
      { code: "custom", path: [2, "id"], message: 'duplicate trajectory id "t1"', source: shown, line: 27, column: 11 },
    ]);
    const missing = await issuesOf(file("regio/no-records.json", JSON.stringify({ caseload: { recordsFile: "data/none.json", window: { start: "2026-01", months: 12 } }, models: [EFFORT] })));
    expect(missing).toEqual([{ code: "unreadable_file", path: [], message: "cannot read the file: no such file", source: join(dir, "regio", "data", "none.json") }]);
    const notList = await issuesOf(file("regio/not-a-list.json", JSON.stringify({ caseload: { recordsFile: "scenario.yaml", window: { start: "2026-01", months: 12 } }, models: [EFFORT] })));
    expect(notList[0]).toMatchObject({ message: "expected an array of trajectories", source: join(dir, "regio", "scenario.yaml"), line: 1 });
  });
  it("csv: through the loader's hook, with absolute paths; its errors located in the CSV", async () => {
    const path = file("regio/csv.json", JSON.stringify({ caseload: { csv: "data/trajecten.csv", useCsv: "data/gebruik.csv", mapping: { delimiter: ";" }, window: { start: "2025-12", months: 13 } }, models: [EFFORT] }));
    expect(await issuesOf(path)).toEqual([
      { code: "no_csv_loader", path: ["caseload", "csv"], message: `reading the CSV caseload ${join(dir, "regio", "data", "trajecten.csv")} needs a CSV importer: pass loadCsv to loadScenario`, source: path },
    ]);
    const seen: unknown[] = [];
    const s = await loadScenario(path, {
      loadCsv: (section, context) => {
        seen.push(section, context);
        return caseloadFromRecords([RECORD], recordsOptions(section));
      },
    });
    expect(seen).toEqual([
      {
        csv: join(dir, "regio", "data", "trajecten.csv"),
        useCsv: join(dir, "regio", "data", "gebruik.csv"),
        // the mapping is checked with the scenario, its defaults filled in
        mapping: expect.objectContaining({ delimiter: ";" }),
        window: { start: "2025-12", months: 13 },
      },
      { scenarioFile: path },
    ]);
    expect(s.caseload?.size).toBe(1);
    const failing: CsvCaseloadLoader = (section) => {
      throw new FundingInputError("caseload CSV", [
        { code: "custom", path: [section.csv, 14, "Einde"], message: 'line 14, column "Einde": end 2025-06 is before start 2026-01' },
        { code: "custom", path: ["mapping", "delimiter"], message: "no such delimiter" },
      ]);
    };
    // The scenario's folder is absolute here, so the CSV is shown by its absolute path.
    const shown = join(dir, "regio", "data", "trajecten.csv");
    expect(await issuesOf(path, failing)).toEqual([
      { code: "custom", path: [], message: 'line 14, column "Einde": end 2025-06 is before start 2026-01', source: shown, line: 14 },
      { code: "custom", path: ["mapping", "delimiter"], message: "no such delimiter", source: shown },
    ]);
    expect(formatScenarioIssue((await issuesOf(path, failing))[0]!)).toBe(`${shown}:14: line 14, column "Einde": end 2025-06 is before start 2026-01`);
    const unreadable: CsvCaseloadLoader = () => {
      throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    };
    expect((await issuesOf(path, unreadable))[0]).toMatchObject({ source: path, path: ["caseload", "csv"], message: `cannot read ${shown}: no such file` });
  });
});
