/**
 * What files a scenario may read: only inside its own folder (after `..` and symlinks), unless the
 * caller allows files outside it; only regular files (a FIFO is refused without blocking); at most
 * a size limit; and errors echo no more than a short, escaped excerpt of a file's contents.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FundingInputError } from "../../src/index.js";
import { DEFAULT_MAX_FILE_BYTES, EXIT, loadCsvCaseload, MAX_FILE_BYTES_LIMIT, readCsvFile, safeLoadScenario } from "../../src/node/index.js";
import { excerpt } from "../../src/excerpt.js";
import { cli } from "./cliHarness.js";
import { tempFiles } from "../support/tempFiles.js";
import { thrownInputError } from "../support/examples.js";

const { dir, file } = tempFiles("scenario-security-");

const RECORD = { id: "t1", municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: 60 };
const EFFORT = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };
const WINDOW = { start: "2026-01", months: 12 };
const CSV = "id,municipality,provider,profile,careForm,unit,start,end,outcome,use\nt1,A,P,x,ambulant,04,2026-01,2026-03,achieved,60\n";

// Files outside the scenario's folder regio/: records and a CSV a scenario should not reach by default.
const outsideRecords = file("elders/records.json", JSON.stringify([RECORD]));
const outsideCsv = file("elders/trajecten.csv", CSV);

/** A scenario in regio/ whose caseload is `caseload`, written as pretty JSON (the caseload's fields on lines 3 on). */
function scenario(name: string, caseload: object): string {
  return file(`regio/${name}`, JSON.stringify({ caseload: { ...caseload, window: WINDOW }, models: [EFFORT] }, null, 2));
}

async function issuesOf(path: string, options: Parameters<typeof safeLoadScenario>[1] = {}) {
  const r = await safeLoadScenario(path, { loadCsv: loadCsvCaseload, ...options });
  if (r.success) throw new Error(`expected ${path} to be refused`);
  return r.issues;
}

describe("a scenario reads only files in its own folder", () => {
  it("refuses a ../ path, located at the field in the scenario file", async () => {
    const path = scenario("up.json", { recordsFile: "../elders/records.json" });
    const issues = await issuesOf(path);
    expect(issues).toHaveLength(1);
    // Line 3 of the pretty JSON: `    "recordsFile": "../elders/records.json",`, the value at column 20.
    expect(issues[0]).toMatchObject({ code: "outside_folder", source: path, path: ["caseload", "recordsFile"], line: 3, column: 20 });
    expect(issues[0]!.message).toMatch(/is outside the scenario's folder .*allowOutside.*--allow-outside-files/);
  });

  it("refuses an absolute path outside the folder (a CSV export, a use CSV)", async () => {
    const csv = await issuesOf(scenario("abs.json", { csv: outsideCsv }));
    expect(csv[0]).toMatchObject({ code: "outside_folder", path: ["caseload", "csv"] });
    const inside = file("regio/trajecten.csv", CSV);
    const use = await issuesOf(scenario("abs-use.json", { csv: inside, useCsv: "/etc/passwd" }));
    expect(use[0]).toMatchObject({ code: "outside_folder", path: ["caseload", "useCsv"] });
  });

  it("refuses a symlink in the folder that points outside it", async () => {
    symlinkSync(outsideRecords, join(dir, "regio", "link.json"));
    const issues = await issuesOf(scenario("link-scenario.json", { recordsFile: "link.json" }));
    expect(issues[0]).toMatchObject({ code: "outside_folder", path: ["caseload", "recordsFile"] });
    expect(issues[0]!.message).toContain(`it resolves to ${outsideRecords}`);
  });

  it("refuses a rejects file (written) outside the folder", async () => {
    const inside = file("regio/t2.csv", CSV);
    const issues = await issuesOf(scenario("rejects.json", { csv: inside, onInvalidRow: "skip", rejects: "../elders/afgewezen.csv" }));
    expect(issues[0]).toMatchObject({ code: "outside_folder", path: ["caseload", "rejects"] });
  });

  it("refuses a rejects file that would overwrite the export, the use CSV or the scenario itself", async () => {
    // A bad row in each file: were the check missing, the rejects file would be written over it.
    const badCsv = `${CSV}t2,A,P,x,ambulant,04,2026-05,2026-03,achieved,60\n`;
    const badUse = "id,month,use\nt1,2026-02,-5\n";
    const csv = file("regio/own.csv", badCsv);
    const use = file("regio/own-use.csv", badUse);
    const cases = [
      ["own.csv", "the trajectories CSV (csv)"],
      ["own-use.csv", "the use CSV (useCsv)"],
      ["self.json", "the scenario file"],
    ] as const;
    for (const [rejects, what] of cases) {
      const issues = await issuesOf(scenario("self.json", { csv: "own.csv", useCsv: "own-use.csv", onInvalidRow: "skip", rejects }));
      expect(issues[0]).toMatchObject({ code: "rejects_overwrites_input", path: ["caseload", "rejects"] });
      expect(issues[0]!.message).toMatch(new RegExp(`is ${what.replace(/[()]/g, "\\$&")}: the rejected rows would overwrite it; name another file$`));
    }
    expect(readFileSync(csv, "utf8")).toBe(badCsv);
    expect(readFileSync(use, "utf8")).toBe(badUse);
  });

  it("reads files in subfolders and through symlinks that stay inside", async () => {
    file("regio/data/records.json", JSON.stringify([RECORD]));
    symlinkSync(join(dir, "regio", "data", "records.json"), join(dir, "regio", "inner-link.json"));
    for (const recordsFile of ["data/records.json", "data/../data/records.json", "inner-link.json"]) {
      const r = await safeLoadScenario(scenario(`ok-${recordsFile.replace(/\W/g, "")}.json`, { recordsFile }));
      expect(r.success).toBe(true);
    }
  });

  it("reads outside files when the caller opts in (allowOutside, --allow-outside-files)", async () => {
    const up = scenario("opt-in.json", { recordsFile: "../elders/records.json" });
    const r = await safeLoadScenario(up, { allowOutside: true });
    expect(r.success && r.output.caseload?.size).toBe(1);
    const csv = scenario("opt-in-csv.json", { csv: outsideCsv });
    expect((await safeLoadScenario(csv, { loadCsv: loadCsvCaseload, allowOutside: true })).success).toBe(true);
    const refused = await cli("validate", csv);
    expect(refused.code).toBe(EXIT.invalidInput);
    expect(refused.stderr).toMatch(/caseload\.csv: .* is outside the scenario's folder/);
    expect((await cli("validate", csv, "--allow-outside-files")).code).toBe(EXIT.ok);
  });
});

describe("only regular files, within a size limit", () => {
  // Probed by making one: BSD's mkfifo has no --version.
  const hasMkfifo = (() => {
    try {
      execFileSync("mkfifo", [join(dir, "probe.fifo")], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasMkfifo)("refuses a FIFO without blocking on it (skipped where mkfifo is missing)", async () => {
    const fifo = join(dir, "regio", "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const issues = await issuesOf(scenario("fifo.json", { recordsFile: "pipe.json" }));
    expect(issues[0]).toMatchObject({ code: "not_regular_file", source: fifo });
    expect(issues[0]!.message).toBe("cannot read the file: it is a named pipe (FIFO), not a regular file");
    const csvFifo = join(dir, "regio", "pipe.csv");
    execFileSync("mkfifo", [csvFifo]);
    expect(() => readCsvFile(csvFifo)).toThrow(/cannot read .*pipe\.csv: it is a named pipe \(FIFO\), not a regular file/);
  });

  it.skipIf(process.platform !== "linux")("refuses /proc files, though they look regular (Linux)", () => {
    expect(() => readCsvFile("/proc/self/status")).toThrow(/is on the system's \/proc file system/);
  });

  it("refuses a file larger than the limit, naming the path, its size and the limit", async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(209_715_200);
    // Five records (about 850 bytes) against a limit of 500; the scenario itself is about 250 bytes.
    const records = JSON.stringify([RECORD, RECORD, RECORD, RECORD, RECORD]);
    const path = file("regio/big/records.json", records);
    const issues = await issuesOf(scenario("big.json", { recordsFile: "big/records.json" }), { maxFileBytes: 500 });
    expect(issues[0]).toMatchObject({ code: "file_too_large", source: path });
    expect(issues[0]!.message).toBe(
      `cannot read the file: it is ${records.length} bytes, larger than the limit of 500 bytes (raise it with maxFileBytes, or --max-file-size on the command line)`,
    );
    // The scenario file itself is held to the limit too; a larger limit reads it.
    const small = scenario("small.json", { recordsFile: "big/records.json" });
    expect((await issuesOf(small, { maxFileBytes: 50 }))[0]).toMatchObject({ code: "file_too_large", source: small });
    // A larger limit reads it: then its five records are judged (the same id t1 five times).
    const read = await safeLoadScenario(small, { maxFileBytes: 10_000 });
    expect(read.success === false && read.issues.map((i) => i.code)).toEqual(["custom", "custom", "custom", "custom"]);
    expect(read.success === false && read.issues[0]!.message).toMatch(/duplicate trajectory id "t1"/);
  });

  it("holds a CSV to the limit on the command line (--max-file-size in MB)", async () => {
    // 1.5 MB of CSV against a limit of 1 MB: 1 MB is 1,048,576 bytes.
    const line = "t1,A,P,x,ambulant,04,2026-01,2026-03,achieved,60\n";
    const body = CSV + line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length));
    const csv = file("regio/groot.csv", body);
    const path = scenario("groot.json", { csv: "groot.csv" });
    const r = await cli("validate", path, "--max-file-size", "1");
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain(`cannot read ${csv}: it is 1.5 MB (${body.length.toLocaleString("en-US")} bytes), larger than the limit of 1.0 MB (1,048,576 bytes)`);
    expect((await cli("validate", path, "--max-file-size", "lots")).code).toBe(EXIT.usage);
  });

  it("takes a limit of at most 500 MB, the longest text JavaScript holds (above it Node aborted on a 600 MB file), and at least a byte", async () => {
    expect(MAX_FILE_BYTES_LIMIT).toBe(524_288_000);
    const path = scenario("limit.json", { recordsFile: "big/records.json" });
    for (const size of ["1000", "500.01", "0", "0.0000001"]) {
      const r = await cli("validate", path, "--max-file-size", size);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toContain(`--max-file-size needs a size in MB above 0 and at most 500 (the longest text JavaScript holds), e.g. 300; got "${size}"`);
    }
    // 500 MB is taken: the records are read and judged (the same id t1 five times).
    const at500 = await cli("validate", path, "--max-file-size", "500");
    expect(at500.code).toBe(EXIT.invalidInput);
    expect(at500.stderr).toMatch(/duplicate trajectory id "t1"/);
    for (const maxFileBytes of [MAX_FILE_BYTES_LIMIT + 1, 0, 1.5, Number.NaN]) {
      const e = await safeLoadScenario(path, { maxFileBytes }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FundingInputError);
      expect((e as FundingInputError).issues[0]).toMatchObject({ code: "invalid_max_file_bytes", path: ["maxFileBytes"] });
      expect(() => readCsvFile(path, maxFileBytes)).toThrow(/maxFileBytes: expected a whole number of bytes from 1 to 524,288,000/);
    }
  });
});

describe("errors echo a short, escaped excerpt of a file's contents", () => {
  it("excerpt: at most 80 characters, control characters escaped, the length when cut", () => {
    expect(excerpt("root:x:0:0")).toBe("root:x:0:0");
    expect(excerpt("a\tb\nc\u001b[2J\u202e")).toBe("a\\tb\\nc\\u001b[2J\\u202e");
    expect(excerpt("x".repeat(100))).toBe(`${"x".repeat(80)}… (100 characters)`);
  });

  it("a foreign file read as CSV: its header line is not echoed at length", () => {
    // A 'header' of one 10,000-character field with a terminal escape in it, and no known column.
    const header = `\u001b[2J${"secret".repeat(1_666)}`;
    const path = file("regio/foreign.csv", `${header}\nvalue\n`);
    const error = thrownInputError(() => loadCsvCaseload({ csv: path, window: WINDOW } as Parameters<typeof loadCsvCaseload>[0], { scenarioFile: join(dir, "regio", "x.json") }));
    const messages = error.issues.map((i) => i.message);
    for (const m of messages) {
      expect(m).not.toContain("\u001b");
      expect(m.length).toBeLessThan(400);
    }
    // 40 characters of the header — ESC and "[2J" (4), "secret" six times (36) — escaped, and the cut's note: 4 + 9,996 characters.
    const missing = messages.find((m) => m.includes("missing column"));
    expect(missing).toContain(`the header has "\\u001b[2J${"secret".repeat(6)}… (10000 characters)"`);
  });
});
