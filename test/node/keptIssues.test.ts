/**
 * Hostile input with millions of issues must not take memory in proportion (issue 10): an error
 * keeps the first MAX_KEPT_ISSUES issues and counts the others (`omittedIssues`), its message and
 * the command line say "… and K more" with the true count, and a CSV import that skips bad rows
 * still rejects every one of them (rows in = imported + rejected), past the cap with its first
 * reason only. The inputs are a few times the cap, built in memory; the tests assert the cap.
 */
import { describe, expect, it } from "vitest";
import { caseloadFromCsv, caseloadFromRecords, FundingInputError, importCaseloadCsv, importCaseloadRecords, MAX_KEPT_ISSUES, rejectedRowsToCsv } from "../../src/index.js";
import { EXIT, loadScenario } from "../../src/node/index.js";
import { tempFiles } from "../support/tempFiles.js";
import { cli } from "./cliHarness.js";
import { thrownInputError } from "../support/examples.js";

const window = { start: "2026-01", months: 12 };
const HEADER = "id,municipality,provider,profile,careForm,unit,start,end,outcome,use";
const good = (id: string): string => `${id},A,P,x,ambulant,04,2026-01,2026-03,achieved,60`;
const { file } = tempFiles("kept-issues-");


describe("at most MAX_KEPT_ISSUES issues are kept, the others counted", () => {
  it("the cap is 10,000", () => {
    expect(MAX_KEPT_ISSUES).toBe(10_000);
  });

  it("records: 30,000 entries that are not objects give 10,000 issues and a count of 20,000 more", () => {
    const e = thrownInputError(() => caseloadFromRecords(new Array<number>(30_000).fill(0), { window }));
    expect(e.issues).toHaveLength(10_000);
    expect(e.omittedIssues).toBe(20_000);
    // The first ones found, in order.
    expect(e.issues[0]!.path).toEqual([0]);
    expect(e.issues[9_999]!.path).toEqual([9_999]);
    const lines = e.message.split("\n");
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[21]).toBe("  … and 29,980 more (the first 10,000 are in the error's issues, the other 20,000 were counted but not kept)");
  });

  it("records with skip: every bad record is rejected; past the cap with its first reason only", () => {
    // Each bad record has two issues (no municipality, a negative use): 2 × 6,000 = 12,000 > the cap.
    const bad = Array.from({ length: 6_000 }, (_, i) => ({ id: `b${i}`, provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: -1 }));
    const ok = { id: "ok", municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: 60 };
    const r = importCaseloadRecords([...bad, ok], { window, onInvalidRow: "skip" });
    expect(r.caseload.size).toBe(1);
    expect(r.rejected).toHaveLength(6_000);
    // The first 5,000 records fill the cap with both reasons; the other 1,000 keep their first.
    expect(r.rejected[4_999]!.issues).toHaveLength(2);
    expect(r.rejected[5_000]!.issues).toHaveLength(1);
    expect(r.rejected[5_999]!.issues).toHaveLength(1);
  });

  it("records: a use list of 100,000 months is one issue, not one per month", () => {
    const rec = { id: "t1", municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: new Array<number>(100_000).fill(-1) };
    const e = thrownInputError(() => caseloadFromRecords([rec], { window }));
    expect(e.issues).toEqual([{ code: "too_big", path: [0, "use"], message: 'trajectory "t1": has 100000 months of use, more than the window\'s 12' }]);
    expect(e.omittedIssues).toBe(0);
  });

  it("CSV: 15,000 bad rows give 10,000 located issues and a count of 5,000 more", () => {
    const csv = [HEADER, ...Array.from({ length: 15_000 }, (_, i) => `t${i},A,P,x,ambulant,04,2026-01,2026-03,achieved,-1`)].join("\n");
    const e = thrownInputError(() => caseloadFromCsv(csv, { window }));
    expect(e.issues).toHaveLength(10_000);
    expect(e.omittedIssues).toBe(5_000);
    expect(e.issues[0]!.path).toEqual(["trajectories.csv", 2, "use"]);
    expect(e.message.split("\n").at(-1)).toBe("  … and 14,980 more (the first 10,000 are in the error's issues, the other 5,000 were counted but not kept)");
  });

  it("CSV with skip: every bad row is rejected with a reason, rows in = imported + rejected, and the rejects CSV has them all", () => {
    // 12,000 rows with two issues each (an unknown care form, a negative use), and one good row.
    const rows = Array.from({ length: 12_000 }, (_, i) => `t${i},A,P,x,nope,04,2026-01,2026-03,achieved,-1`);
    const r = importCaseloadCsv([HEADER, ...rows, good("ok")].join("\n"), { window, onInvalidRow: "skip" });
    expect(r.counts).toEqual({ trajectoryRows: 12_001, trajectoriesImported: 1, trajectoriesRejected: 12_000, useRows: 0, useRowsImported: 0, useRowsRejected: 0 });
    expect(r.rejected).toHaveLength(12_000);
    // The import reads every row's cells first (12,000 negative uses: the first 10,000 fill the cap,
    // the other 2,000 are kept as their row's first reason), then the records' rules (12,000 unknown
    // care forms, all found past the cap: counted, not kept). So every row has one reason, its use.
    expect(r.rejected.every((row) => row.issues.length === 1 && row.issues[0]!.path[2] === "use")).toBe(true);
    expect(r.rejected.reduce((n, row) => n + row.issues.length, 0)).toBe(MAX_KEPT_ISSUES + 2_000);
    const out = rejectedRowsToCsv(r).trimEnd().split("\n");
    expect(out).toHaveLength(1 + 12_000);
    // Past the cap, the row's first reason only (its unknown care form is counted, not kept); `-1` guarded against formulas.
    expect(out[12_000]).toBe(`t11999,A,P,x,nope,04,2026-01,2026-03,achieved,'-1,"line 12001, column ""use"": use ""-1"" must not be negative"`);
  });
});

describe("the command line counts the issues not kept", () => {
  // A records file of 12,000 zeros: 12,000 issues, 10,000 kept.
  file("records.json", `[${new Array(12_000).fill("0").join(",")}]`);
  const scenario = file("zeros.json", JSON.stringify({ caseload: { recordsFile: "records.json", window }, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }] }));

  it("the error of loadScenario keeps 10,000 issues, located in the records file, and counts 2,000 more", async () => {
    const e = (await loadScenario(scenario).catch((x: unknown) => x)) as FundingInputError & { issues: readonly { line?: number }[] };
    expect(e).toBeInstanceOf(FundingInputError);
    expect(e.issues).toHaveLength(10_000);
    expect(e.omittedIssues).toBe(2_000);
    // Entry k is at column 2 + 2k of the one line.
    expect(e.issues[9_999]).toMatchObject({ line: 1, column: 2 + 2 * 9_999 });
  });

  it("prints the first 20 and the true count", async () => {
    const r = await cli("validate", scenario);
    expect(r.code).toBe(EXIT.invalidInput);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe("… and 11,980 more issues (run with --all-errors to see the first 10,000; the other 2,000 are counted, not kept)");
  });

  it("--all-errors prints every kept issue and says how many were not kept", async () => {
    const r = await cli("validate", scenario, "--all-errors");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(10_001);
    expect(lines[10_000]).toBe("… and 2,000 more issues, counted but not kept (only the first 10,000 are kept)");
  });
});
