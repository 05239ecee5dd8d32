/**
 * Invalid input with many issues, or one that echoes a huge value, prints a bounded amount: the
 * first 20 issues and how many more (every one with --all-errors), each line cut to 1,000
 * characters; the error object keeps every issue and its message lists the first 20.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FundingInputError } from "../../src/index.js";
import { EXIT, loadCsvCaseload, loadScenario } from "../../src/node/index.js";
import { cli } from "./cliHarness.js";
import { tempFiles } from "../support/tempFiles.js";

const { dir } = tempFiles("capped-errors-");

const HEADER = "id,municipality,provider,profile,careForm,unit,start,end,outcome,use";
/** A scenario reading `csv` (written next to it) with an effort model. */
function scenarioWith(name: string, csv: string): string {
  writeFileSync(join(dir, `${name}.csv`), csv);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ caseload: { csv: `${name}.csv`, window: { start: "2026-01", months: 12 } }, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }] }));
  return path;
}

// 100 rows, each with a negative use: one issue per row, lines 2 to 101.
const bad = scenarioWith("bad", [HEADER, ...Array.from({ length: 100 }, (_, i) => `t${i},A,P,x,ambulant,04,2026-01,2026-03,achieved,-1`)].join("\n"));

describe("capped error output", () => {
  it("the command line prints the first 20 issues and how many more", async () => {
    const r = await cli("validate", bad);
    expect(r.code).toBe(EXIT.invalidInput);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toContain(`bad.csv:2: line 2, column "use": use "-1" must not be negative`);
    expect(lines[19]).toContain(`bad.csv:21: line 21, column "use": use "-1" must not be negative`);
    expect(lines[20]).toBe("… and 80 more issues (run with --all-errors to see them all)");
  });

  it("--all-errors prints every issue", async () => {
    const r = await cli("validate", bad, "--all-errors");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(100);
    expect(lines[99]).toContain(`bad.csv:101: line 101, column "use": use "-1" must not be negative`);
  });

  it("the error object keeps every issue; its message lists the first 20", async () => {
    const e = await loadScenario(bad, { loadCsv: loadCsvCaseload }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FundingInputError);
    const error = e as FundingInputError;
    expect(error.issues).toHaveLength(100);
    const messageLines = error.message.split("\n");
    expect(messageLines).toHaveLength(1 + 20 + 1); // the heading, 20 issues, "… and 80 more"
    expect(messageLines[21]).toBe("  … and 80 more (every issue is in the error's issues)");
  });

  it("a huge header is not printed at length", async () => {
    // One 100,000-character column name where the id column should be: the missing-column issues
    // name it in a short excerpt, and every printed line is at most 1,000 characters.
    const huge = scenarioWith("huge", `${"x".repeat(100_000)},municipality\nt1,A\n`);
    const r = await cli("validate", huge);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).not.toContain("x".repeat(81));
    expect(r.stderr).toContain(`"${"x".repeat(40)}… (100000 characters)"`);
    for (const line of r.stderr.split("\n")) expect(line.length).toBeLessThanOrEqual(1_000 + 30);
  });
});
