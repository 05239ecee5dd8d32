import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCaseload, toRecords, type CaseloadSpecInput } from "../../src/index.js";
import { EXIT, readCaseloadCsv, readScenario } from "../../src/node/index.js";
import { cli } from "./cliHarness.js";

describe("the command line", () => {
  it("runs a shipped scenario and prints the amounts worked out by hand", async () => {
    const r = await cli("run", "scenarios/quick-start.json");
    expect(r.code).toBe(EXIT.ok);
    // effort €55,930 and trajectory €33,750: see test/examples.test.ts for the hand calculation
    expect(r.stdout).toMatch(/Total paid\s+€ 55\.930\s+€ 33\.750/);
  });

  it("writes JSON, CSV and Markdown", async () => {
    const json = JSON.parse((await cli("compare", "scenarios/quick-start.json", "--format", "json")).stdout);
    expect(json.models.map((m: { metrics: { totalPaid: number } }) => m.metrics.totalPaid)).toEqual([5593000, 3375000]);
    const csv = (await cli("compare", "scenarios/quick-start.json", "--format", "csv", "--dutch")).stdout;
    expect(csv).toContain("55930,00");
    const md = (await cli("compare", "scenarios/quick-start.json", "--format", "md")).stdout;
    expect(md).toMatch(/^\| {2}\| Inspanningsgericht \(p×q\) \| Trajectfinanciering \|/m);
    expect(md).toContain("| --- | ---: | ---: |");
    // A row indented under the one above keeps its indentation (trimmed, Markdown would lose it).
    expect(md).toContain("| &nbsp;&nbsp;paid in 2026 | € 55.930 | € 33.750 |");
  });

  it("writes to --out, picking the format from the extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jb-cli-"));
    const out = join(dir, "result.json");
    expect((await cli("run", "scenarios/quick-start.json", "--out", out)).code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(out, "utf8")).comparison.models).toHaveLength(2);
  });

  it("generates the scenario's caseload as CSV that reads back to the same trajectories", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jb-gen-"));
    const out = join(dir, "caseload.csv");
    const r = await cli("generate", "scenarios/default-region.json", "--seed", "7", "--out", out);
    expect(r.code).toBe(EXIT.ok);
    const { value } = await readScenario("scenarios/default-region.json", "comparison");
    if (!("spec" in value.caseload)) throw new Error("the default region scenario has a spec");
    const spec = value.caseload.spec as CaseloadSpecInput;
    const expected = generateCaseload(spec, 7);
    const read = readCaseloadCsv(out, { window: spec.window, usePath: join(dir, "caseload-use.csv") });
    expect(read.size).toBe(expected.size);
    expect(toRecords(read).map((t) => [t.id, t.start, t.end, t.use.length])).toEqual(toRecords(expected).map((t) => [t.id, t.start, t.end, t.use.length]));
  });

  it("validates, and names file, line, column and field of a broken scenario (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jb-bad-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ caseload: { spec: {} }, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "-1.00" }] }] }, null, 2));
    const r = await cli("validate", bad);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: models\\[0\\]\\.tariffs\\[0\\]\\.tariff: must not be negative`));
    expect((await cli("validate", "scenarios/lpi-booo-meerkosten.json")).code).toBe(EXIT.ok);
  });

  it("refuses bad usage with exit 2 and prints help", async () => {
    expect((await cli("frobnicate", "x")).code).toBe(EXIT.usage);
    expect((await cli("run")).code).toBe(EXIT.usage);
    expect((await cli("run", "scenarios/quick-start.json", "--runs", "many")).code).toBe(EXIT.usage);
    expect((await cli("run", "scenarios/quick-start.json", "--nonsense")).code).toBe(EXIT.usage);
    const help = await cli("--help");
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it("prints the JSON Schema of scenario files", async () => {
    const schema = JSON.parse((await cli("schema")).stdout);
    expect(schema.$schema).toMatch(/2020-12/);
  });
});

describe("the command line after review", () => {
  it("refuses generate without --out: the use per month would be lost", async () => {
    expect((await cli("generate", "scenarios/default-region.json")).code).toBe(EXIT.usage);
  });
  it("creates the folder of --out", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jb-out-")), "nieuw", "vergelijking.md");
    expect((await cli("compare", "scenarios/quick-start.json", "--out", out)).code).toBe(EXIT.ok);
    expect(readFileSync(out, "utf8")).toContain("| --- | ---: | ---: |");
  });
  it("blames --runs, not the scenario file, for several runs of given data", async () => {
    const r = await cli("compare", "scenarios/four-models.yaml", "--runs", "3");
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--runs above 1 needs a scenario whose caseload is a synthetic spec/);
  });
  it("locates a CSV mapping mistake in the scenario file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jb-map-"));
    writeFileSync(join(dir, "t.csv"), "id,municipality,provider,profile,careForm,unit,start,end,outcome,use\nt1,G,P,x,ambulant,04,2026-01,2026-03,achieved,60\n");
    const scenario = join(dir, "s.json");
    writeFileSync(scenario, JSON.stringify({ caseload: { csv: "t.csv", window: { start: "2026-01", months: 12 }, mapping: { colums: {} } }, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }] }, null, 2));
    const r = await cli("validate", scenario);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain(`${scenario}:`);
    expect(r.stderr).toMatch(/caseload\.mapping: Unrecognized key: "colums"/);
  });
});

describe("an own caseload from a CSV export", () => {
  it("runs the shipped CSV scenario to the quick start's hand-worked totals", async () => {
    const r = await cli("run", "scenarios/own-caseload-csv.yaml");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/Total paid\s+€ 55\.930\s+€ 33\.750/);
  });
  it("names the file, line and column of a bad CSV row", async () => {
    const { cpSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "jb-csvbad-"));
    cpSync("scenarios/data", join(dir, "data"), { recursive: true });
    cpSync("scenarios/own-caseload-csv.yaml", join(dir, "s.yaml"));
    const rows = readFileSync(join(dir, "data", "trajecten.csv"), "utf8").replace("t3;c3;Kaaghorst;Woongroep Zuid;verblijf;Verblijf;14;2025-10;2026-09", "t3;c3;Kaaghorst;Woongroep Zuid;verblijf;Verblijf;14;2026-10;2026-09");
    writeFileSync(join(dir, "data", "trajecten.csv"), rows);
    const r = await cli("validate", join(dir, "s.yaml"));
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/trajecten\.csv:4: line 4, column "Einde": end 2026-09 is before start 2026-10/);
  });
});

describe("runs over worker threads", () => {
  it("gives the same output with one worker and with two, and refuses --workers 0", async () => {
    // The quick start's own caseload with an uncertain tariff: a given caseload run 4 times, each run drawing the tariff.
    const dir = mkdtempSync(join(tmpdir(), "jb-workers-"));
    const scenario = JSON.parse(readFileSync("scenarios/quick-start.json", "utf8"));
    scenario.models[0].tariffs[0].tariff = { distribution: "triangular", min: 60, mode: 70, max: 80, as: "euros" };
    scenario.options = { ...scenario.options, runs: 4 };
    const file = join(dir, "s.json");
    writeFileSync(file, JSON.stringify(scenario));
    const one = await cli("run", file, "--workers", "1", "--format", "json");
    const two = await cli("run", file, "--workers", "2", "--format", "json");
    expect(one.code).toBe(EXIT.ok);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).comparison.seeds).toHaveLength(4);
    const zero = await cli("run", file, "--workers", "0");
    expect(zero.code).toBe(EXIT.usage);
    expect(zero.stderr).toMatch(/--workers needs at least 1/);
    const grantPool = await cli("run", "scenarios/stimuleringsimpuls-2021-worked.json", "--workers", "2");
    expect(grantPool.code).toBe(EXIT.usage);
    expect(grantPool.stderr).toMatch(/--workers spreads a comparison's Monte Carlo runs over threads/);
  });
});
