import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateCaseload, toRecords, type CaseloadSpecInput } from "../../src/index.js";
import { EXIT, readCaseloadCsv, readScenario } from "../../src/node/index.js";
import { tempFiles } from "../support/tempFiles.js";
import { cli } from "./cliHarness.js";

/** Every test's folders lie in this one, removed after the file's tests. */
const tmp = tempFiles("jb-cli-");

describe("the command line", () => {
  it("runs a shipped scenario and prints the amounts worked out by hand", async () => {
    const r = await cli("run", "scenarios/quick-start.json");
    expect(r.code).toBe(EXIT.ok);
    // effort €55,930 and trajectory €33,750: see test/examples.test.ts for the hand calculation
    expect(r.stdout).toMatch(/Totaal betaald\s+€ 55\.930\s+€ 33\.750/);
  });

  it("speaks Dutch by default and English with --locale en, and refuses another locale", async () => {
    const en = await cli("run", "scenarios/quick-start.json", "--locale", "en");
    expect(en.code).toBe(EXIT.ok);
    expect(en.stdout).toMatch(/Total paid\s+€ 55\.930\s+€ 33\.750/);
    expect(en.stdout).toContain("What the comparison says");
    expect(en.stdout).toContain("Inspanningsgericht (p×q) costs the most (€ 55.930)");
    const nl = await cli("run", "scenarios/quick-start.json");
    expect(nl.stdout).toContain("Wat de vergelijking zegt");
    expect(nl.stdout).toContain('"Maandelijkse variatie (CV)" is de standaardafwijking');
    expect(nl.stdout).not.toContain("Total paid");
    // --locale en wins over --dutch for the CSV's words, not for its separators.
    const csv = (await cli("compare", "scenarios/quick-start.json", "--format", "csv", "--dutch", "--locale", "en")).stdout;
    expect(csv).toContain("\ntotalPaid;Total paid;euros;55930,00;33750,00\n");
    const bad = await cli("run", "scenarios/quick-start.json", "--locale", "fr");
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain('--locale must be one of nl, en, got "fr"');
  });

  it("says the risk, the sensitivity and the reforms in Dutch too", async () => {
    const nl = (await cli("run", "scenarios/behaviour-uncertainty-reforms.json", "--runs", "3")).stdout;
    expect(nl).toContain("Risico over 3 runs");
    expect(nl).toContain("Aandeel gemeente in het kostenrisico");
    expect(nl).toContain("Taakgericht: wat totaal betaald beweegt (basis ");
    expect(nl).toMatch(/\nParameter +Waarde P5 +Waarde P95 +bij P5 +bij P95 +uitslag\n/);
    expect(nl).toMatch(/\nTotaal betaald: Basis /);
    expect(nl).toContain("Elke hervorming komt boven op de stappen erboven");
    expect(nl).not.toMatch(/Risk over|what moves|Total paid|Each reform/);
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
    expect(md).toContain("| &nbsp;&nbsp;betaald in 2026 | € 55.930 | € 33.750 |");
    // The CSV's headers and labels follow --dutch; keys for scripts do not change.
    expect(csv.split("\n")[0]).toBe("\uFEFFmetriek;omschrijving;eenheid;Inspanningsgericht (p×q);Trajectfinanciering");
    expect(csv).toContain("\ntotalPaid;Totaal betaald;euro;55930,00;33750,00\n");
    const plain = (await cli("compare", "scenarios/quick-start.json", "--format", "csv")).stdout;
    expect(plain).toContain("\ntotalPaid,Total paid,euros,55930.00,33750.00\n");
  });

  it("writes to --out, picking the format from the extension", async () => {
    const dir = mkdtempSync(join(tmp.dir, "cli-"));
    const out = join(dir, "result.json");
    expect((await cli("run", "scenarios/quick-start.json", "--out", out)).code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(out, "utf8")).comparison.models).toHaveLength(2);
  });

  it("generates the scenario's caseload as CSV that reads back to the same trajectories", async () => {
    const dir = mkdtempSync(join(tmp.dir, "gen-"));
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

  it("generate keeps to the scenario's work limits, as run and validate do", async () => {
    const dir = mkdtempSync(join(tmp.dir, "gen-limit-"));
    const scenario = JSON.parse(readFileSync("scenarios/default-region.json", "utf8")) as { options?: Record<string, unknown> };
    const limited = join(dir, "limited.json");
    writeFileSync(limited, JSON.stringify({ ...scenario, options: { ...scenario.options, maxTrajectories: 1 } }));
    const out = join(dir, "caseload.csv");
    const r = await cli("generate", limited, "--out", out);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/trajectories, more than the limit of 1 \(option maxTrajectories\)/);
    expect(existsSync(out)).toBe(false);
    for (const command of ["run", "validate"]) {
      const other = await cli(command, limited);
      expect([command, other.code]).toEqual([command, EXIT.invalidInput]);
      expect(other.stderr).toBe(r.stderr);
    }
  });

  it("validates, and names file, line, column and field of a broken scenario (exit 1)", async () => {
    const dir = mkdtempSync(join(tmp.dir, "bad-"));
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
    const out = join(mkdtempSync(join(tmp.dir, "out-")), "nieuw", "vergelijking.md");
    expect((await cli("compare", "scenarios/quick-start.json", "--out", out)).code).toBe(EXIT.ok);
    expect(readFileSync(out, "utf8")).toContain("| --- | ---: | ---: |");
  });
  it("blames --runs, not the scenario file, for several runs of given data", async () => {
    const r = await cli("compare", "scenarios/four-models.yaml", "--runs", "3");
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--runs above 1 needs a scenario whose caseload is a synthetic spec/);
  });
  it("locates a CSV mapping mistake in the scenario file", async () => {
    const dir = mkdtempSync(join(tmp.dir, "map-"));
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
    expect(r.stdout).toMatch(/Totaal betaald\s+€ 55\.930\s+€ 33\.750/);
  });
  it("names the file, line and column of a bad CSV row", async () => {
    const { cpSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmp.dir, "csvbad-"));
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
    const dir = mkdtempSync(join(tmp.dir, "workers-"));
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

describe("the command line, polished", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  /** No stack trace and no "unexpected failure": a message a person can act on. */
  const plain = (stderr: string) => {
    expect(stderr).not.toMatch(/unexpected failure|\n\s+at /);
  };

  it("prints the package's version", async () => {
    const r = await cli("--version");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("refuses extra arguments instead of ignoring them (exit 2)", async () => {
    const schema = await cli("schema", "scenarios/quick-start.json");
    expect(schema.code).toBe(EXIT.usage);
    expect(schema.stderr).toMatch(/^schema takes no arguments; unexpected: scenarios\/quick-start\.json/);
    expect(schema.stdout).toBe("");
    const run = await cli("run", "scenarios/quick-start.json", "rapport.html");
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/^run takes one scenario; unexpected: rapport\.html/);
    expect((await cli("validate", "a.json", "b.json", "c.json")).stderr).toMatch(/unexpected: b\.json c\.json/);
  });

  it("refuses an --out that names a folder, before running (exit 2)", async () => {
    const dir = mkdtempSync(join(tmp.dir, "outdir-"));
    for (const out of [dir, `${dir}/`, join(dir, "nieuw") + "/"]) {
      const r = await cli("run", "scenarios/quick-start.json", "--out", out);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toContain(`--out ${out} is a folder: give a file name, e.g. ${join(out, "rapport.html")}`);
      plain(r.stderr);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("says which path cannot be written and why when --out runs through a file (exit 1)", async () => {
    const dir = mkdtempSync(join(tmp.dir, "outfile-"));
    const file = join(dir, "bestaand.txt");
    writeFileSync(file, "x");
    for (const out of [join(file, "r.md"), join(file, "sub", "r.md")]) {
      const r = await cli("compare", "scenarios/quick-start.json", "--out", out);
      expect(r.code).toBe(EXIT.invalidInput);
      expect(r.stderr).toBe(`cannot write ${out}: ${file} is a file, not a folder\n`);
    }
    const generate = await cli("generate", "scenarios/default-region.json", "--out", join(file, "caseload.csv"));
    expect(generate.code).toBe(EXIT.invalidInput);
    expect(generate.stderr).toContain(`${file} is a file, not a folder`);
  });

  // Root may write anywhere a mode allows nothing; sysfs refuses new files even to root (Linux).
  const unwritable = process.getuid?.() !== 0 ? "mode" : process.platform === "linux" && existsSync("/sys/kernel") ? "sysfs" : null;
  it.skipIf(unwritable === null)("says so when --out is a place without write permission (exit 1)", async () => {
    let out: string;
    if (unwritable === "mode") {
      const dir = mkdtempSync(join(tmp.dir, "readonly-"));
      chmodSync(dir, 0o500);
      out = join(dir, "rapport.md");
    } else out = "/sys/kernel/jb-rapport.md";
    const r = await cli("compare", "scenarios/quick-start.json", "--out", out);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(new RegExp(`^cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (permission denied|the file system is read-only)\\n$`));
    const generate = await cli("generate", "scenarios/default-region.json", "--out", out.replace(/\.md$/, ".csv"));
    expect(generate.code).toBe(EXIT.invalidInput);
    plain(generate.stderr);
  });

  it("finds a shipped scenario by its bare name, and says which exist when a name is unknown", async () => {
    const byName = await cli("compare", "quick-start");
    expect(byName.code).toBe(EXIT.ok);
    expect(byName.stdout).toMatch(/Totaal betaald\s+€ 55\.930\s+€ 33\.750/);
    expect((await cli("validate", "own-caseload-csv.yaml")).code).toBe(EXIT.ok);
    const unknown = await cli("run", "default-regio");
    expect(unknown.code).toBe(EXIT.invalidInput);
    expect(unknown.stderr).toMatch(/^default-regio: no such file here, nor a scenario of that name shipped with the package \(.*\bdefault-region\b.*\bquick-start\b.*\)\n$/);
    // A path with a folder in it is a path: no looking elsewhere.
    const path = await cli("run", "elders/quick-start.json");
    expect(path.code).toBe(EXIT.invalidInput);
    expect(path.stderr).toMatch(/^elders\/quick-start\.json: cannot read the file: no such file/);
  });

  it("lists the shipped scenarios and the exit codes in its help, with examples that use bare names", async () => {
    const help = (await cli("--help")).stdout;
    for (const name of readdirSync("scenarios").filter((f) => /\.(json|ya?ml)$/.test(f))) expect(help).toContain(name.replace(/\.(json|ya?ml)$/, ""));
    expect(help).toContain("npx jeugdhulp-bekostiging run default-region\n");
    expect(help).not.toMatch(/npx jeugdhulp-bekostiging \w+ scenarios\//);
    expect(help).toMatch(/--version/);
    expect(help).toMatch(/^ {2}3 {2}an unexpected failure/m);
  });
});

describe("the command line as a process", () => {
  const bin = resolve("src/node/bin.ts");
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  /** Starts the command line (from source, through tsx) in `cwd`. */
  const start = (args: string[], cwd: string) => spawn(process.execPath, ["--import", tsx, bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const finished = (child: ReturnType<typeof start>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("close", (code) => done({ code, stdout, stderr }));
    });

  it("stops quietly with 0 when the reader closes its output early (… | head -1)", async () => {
    const child = start(["schema"], process.cwd());
    // The schema is ≈260 kB, more than a pipe holds: after the first chunk, the rest meets a closed pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(EXIT.ok);
  });

  it("runs a shipped scenario by name from any folder, and prefers a file of that name in the folder", async () => {
    const dir = mkdtempSync(join(tmp.dir, "anywhere-"));
    const shipped = await finished(start(["run", "own-caseload-csv"], dir));
    expect(shipped.stderr).toBe("");
    expect(shipped.code).toBe(EXIT.ok);
    expect(shipped.stdout).toMatch(/Totaal betaald\s+€ 55\.930\s+€ 33\.750/);
    const own = JSON.parse(readFileSync("scenarios/quick-start.json", "utf8"));
    writeFileSync(join(dir, "quick-start.json"), JSON.stringify({ ...own, name: "Mijn eigen quick start" }));
    const local = await finished(start(["run", "quick-start", "--format", "md"], dir));
    expect(local.code).toBe(EXIT.ok);
    expect(local.stdout).toMatch(/^## Mijn eigen quick start/);
  });
});
