/**
 * Locating issues in a JSON file is one pass (a line index), not a scan from the start per issue:
 * 20,000 bad records report with the right line of each kept issue (the first MAX_KEPT_ISSUES;
 * the time is bench/locate.bench.ts's).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineColumn, lineIndex } from "../../src/node/jsonText.js";
import { safeLoadScenario } from "../../src/node/scenarioFile.js";
import { tempFiles } from "../support/tempFiles.js";

const { dir } = tempFiles("locate-linear-");

describe("lineIndex", () => {
  it("gives the line and column of offsets on the first line, after a break and past the end", () => {
    const at = lineIndex("ab\ncd\n\nx");
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(2)).toEqual({ line: 1, column: 3 }); // the "\n" itself ends line 1
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(4)).toEqual({ line: 2, column: 2 });
    expect(at(6)).toEqual({ line: 3, column: 1 }); // the empty line
    expect(at(7)).toEqual({ line: 4, column: 1 });
    expect(at(100)).toEqual({ line: 4, column: 2 }); // clamped to the end of the text
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});

describe("a records file with 20,000 bad records", () => {
  it("reports every kept record's issue with its own line, and counts the others", async () => {
    const record = (i: number) => ({ id: `t${i}`, municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: -1 });
    // Pretty-printed with 2 spaces: "[" on line 1, then 12 lines per record ("{", 10 fields, "},"),
    // so record i starts on line 2 + 12i and its 10th field, use, is on line 12i + 12, column 12
    // (4 spaces, `"use": `, then the value).
    const records = Array.from({ length: 20_000 }, (_, i) => record(i));
    mkdirSync(join(dir, "regio"));
    writeFileSync(join(dir, "regio", "records.json"), JSON.stringify(records, null, 2));
    const scenario = join(dir, "regio", "s.json");
    writeFileSync(scenario, JSON.stringify({ caseload: { recordsFile: "records.json", window: { start: "2026-01", months: 12 } }, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }] }));
    const r = await safeLoadScenario(scenario);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toHaveLength(10_000);
    expect(r.omittedIssues).toBe(10_000);
    expect(r.issues[0]).toMatchObject({ path: [0, "use"], line: 12, column: 12 });
    expect(r.issues[1]).toMatchObject({ path: [1, "use"], line: 24, column: 12 });
    expect(r.issues[9_999]).toMatchObject({ path: [9_999, "use"], line: 120_000, column: 12 });
    expect(r.issues.every((issue, i) => issue.line === 12 * i + 12)).toBe(true);
  });
});
