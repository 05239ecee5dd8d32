/**
 * Partial import (`onInvalidRow: "skip"`): the good rows are imported, every bad one comes back
 * with its line, column, own id and reason, and rows in = imported + rejected, per file.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importCaseloadCsv, rejectedRowsToCsv } from "../../src/csv/caseloadCsv.js";
import { caseloadFromRecords, importCaseloadRecords, toRecords } from "../../src/index.js";
import { inputIssues } from "../support/examples.js";

const WINDOW = { start: "2026-01", months: 12 };
const HEADER = "id;municipality;provider;profile;careForm;unit;start;end;outcome;use";
const TRAJECTORIES = [
  HEADER,
  "T001;G;P;p;ambulant;04;2026-01;2026-03;achieved;", // 2: good, use from the use CSV
  "T002;G;P;p;ambulant;04;2026-02;2026-01;achieved;", // 3: end before start
  "T003;G;P;p;ambulant;04;2026-02;2026-04;behaald;", // 4: unknown outcome
  "T004;G;P;p;ambulant;04;2026-05;;open;", // 5: good, but one of its use rows is bad
  "T005;G;P;p;ambulant;04;2026-06;2026-06;achieved;", // 6: good
  "T001;G;P;p;ambulant;04;2026-07;2026-07;achieved;", // 7: duplicate id
].join("\n");
const USE = [
  "id;month;use",
  "T001;2026-01;120", // 2
  "T001;2026-02;60", // 3
  "T002;2026-02;60", // 4: its trajectory is rejected
  "T004;2026-05;90", // 5
  "T004;2026-06;9x", // 6: not a number → T004 and its other rows go
  "T005;2026-06;45", // 7
  "T009;2026-06;45", // 8: no such trajectory
].join("\n");

describe("importCaseloadCsv with onInvalidRow: skip", () => {
  const result = importCaseloadCsv(TRAJECTORIES, { window: WINDOW, useCsv: USE, onInvalidRow: "skip" });

  it("imports the good trajectories with their use", () => {
    expect(toRecords(result.caseload).map((r) => [r.id, r.use])).toEqual([
      ["T001", [120, 60, 0]],
      ["T005", [45]],
    ]);
  });

  it("returns every bad row with file, line, its own id and the reasons", () => {
    const rows = result.rejected.map((r) => [r.file, r.line, r.id, r.issues.map((i) => i.message)]);
    expect(rows).toEqual([
      ["trajectories.csv", 3, "T002", ['line 3, column "end": end 2026-01 is before start 2026-02']],
      ["trajectories.csv", 4, "T003", [expect.stringMatching(/^line 4, column "outcome": outcome "behaald" is not one of open, achieved, notAchieved, droppedOut/)]],
      ["trajectories.csv", 5, "T004", ["line 5: its use on line 6 of use.csv was rejected"]],
      ["trajectories.csv", 7, "T001", ['line 7, column "id": duplicate trajectory id "T001" (first on line 2)']],
      ["use.csv", 4, "T002", ['line 4: its trajectory "T002" (line 3 of trajectories.csv) was rejected']],
      ["use.csv", 5, "T004", ['line 5: its trajectory "T004" (line 5 of trajectories.csv) was rejected']],
      ["use.csv", 6, "T004", ['line 6, column "use": use "9x" is not a number']],
      ["use.csv", 8, "T009", ['line 8, column "id": no trajectory "T009" in trajectories.csv']],
    ]);
    expect(result.rejected[0]!.cells).toEqual(["T002", "G", "P", "p", "ambulant", "04", "2026-02", "2026-01", "achieved", ""]);
  });

  it("counts: rows in = imported + rejected, per file", () => {
    expect(result.counts).toEqual({ trajectoryRows: 6, trajectoriesImported: 2, trajectoriesRejected: 4, useRows: 7, useRowsImported: 3, useRowsRejected: 4 });
  });

  it("writes the rejected rows back with the export's header and delimiter and a reason column", () => {
    const lines = rejectedRowsToCsv(result, "trajectories").trimEnd().split("\n");
    expect(lines[0]).toBe(`${HEADER};reden`);
    expect(lines[1]).toBe('T002;G;P;p;ambulant;04;2026-02;2026-01;achieved;;"line 3, column ""end"": end 2026-01 is before start 2026-02"');
    expect(lines).toHaveLength(5);
    expect(rejectedRowsToCsv(result, "use").trimEnd().split("\n")[0]).toBe("id;month;use;reden");
  });

  it("re-imports the rejects once fixed: the reason column is ignored", () => {
    const fixed = rejectedRowsToCsv(result, "trajectories")
      .replace("2026-02;2026-01;achieved", "2026-01;2026-02;achieved")
      .replace(";behaald;", ";achieved;")
      .replace("T001;G;P;p;ambulant;04;2026-07", "T006;G;P;p;ambulant;04;2026-07");
    const again = importCaseloadCsv(fixed, { window: WINDOW, useCsv: "id;month;use\nT002;2026-01;30\nT003;2026-02;30\nT004;2026-05;15\nT006;2026-07;30", onInvalidRow: "skip" });
    expect(again.rejected).toEqual([]);
    expect(toRecords(again.caseload).map((r) => r.id)).toEqual(["T002", "T003", "T004", "T006"]);
  });

  it("stops with every issue by default, as caseloadFromCsv does", () => {
    const issues = inputIssues(() => importCaseloadCsv(TRAJECTORIES, { window: WINDOW, useCsv: USE }));
    expect(issues.map((i) => i.path.slice(0, 2))).toEqual([
      ["trajectories.csv", 3],
      ["trajectories.csv", 4],
      ["trajectories.csv", 7],
      ["use.csv", 6],
      ["use.csv", 8],
    ]);
  });

  it("refuses an onInvalidRow other than stop or skip, for CSV and records", () => {
    const csv = [HEADER, "T1;G;P;p;ambulant;04;2026-01;;open;5"].join("\n");
    const policy = "maybe" as unknown as "skip";
    expect(inputIssues(() => importCaseloadCsv(csv, { window: WINDOW, onInvalidRow: policy }))).toEqual([
      { code: "invalid_value", path: ["onInvalidRow"], message: 'onInvalidRow must be "stop" or "skip", got "maybe"' },
    ]);
    expect(inputIssues(() => importCaseloadRecords([], { window: WINDOW, onInvalidRow: policy }))[0]!.path).toEqual(["onInvalidRow"]);
  });

  it("throws when no row is left, and for a file it cannot read at all", () => {
    expect(inputIssues(() => importCaseloadCsv([HEADER, "T9;G;P;p;ambulant;04;2026-02;2026-01;achieved;5"].join("\n"), { window: WINDOW, onInvalidRow: "skip" }))).toHaveLength(1);
    expect(inputIssues(() => importCaseloadCsv("id;start\nT1;2026-01", { window: WINDOW, onInvalidRow: "skip" }))[0]!.code).toBe("missing_column");
  });

  it("never drops a row silently, whatever rows are broken (property)", () => {
    const good = (i: number) => `G${i};G;P;p;ambulant;04;2026-0${1 + (i % 9)};;open;${30 + i}`;
    const breakers = [
      (r: string) => r.replace(";ambulant;", ";zwemles;"),
      (r: string) => r.replace(";open;", ";achieved;"),
      (r: string) => r.replace(/;\d+$/, ";1,5"),
      (r: string) => r.replace(/^G\d+/, "G0"),
      (r: string) => `${r};extra`,
      (r: string) => r.replace("2026-0", "2026/1"),
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(breakers.length - 1)), { minLength: 1, maxLength: 30 }), (plan) => {
        const rows = plan.map(([broken, b], i) => (broken ? breakers[b]!(good(i)) : good(i)));
        const csv = [HEADER, ...rows].join("\n");
        let imported = 0;
        let rejected = 0;
        try {
          const r = importCaseloadCsv(csv, { window: WINDOW, onInvalidRow: "skip" });
          imported = r.caseload.size;
          rejected = r.rejected.length;
          expect(r.counts.trajectoriesImported + r.counts.trajectoriesRejected).toBe(rows.length);
          expect(new Set(r.rejected.map((x) => x.line)).size).toBe(rejected);
        } catch {
          // Only when nothing is left to import.
          rejected = rows.length;
        }
        expect(imported + rejected).toBe(rows.length);
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });
});

describe("an unreadable date with onInvalidRow: skip", () => {
  it("is one reason, in the export's date format, not repeated by the records' own check", () => {
    const csv = [HEADER, "T1;G;P;p;ambulant;04;jan-2026;2026-03;achieved;60", "T2;G;P;p;ambulant;04;2026-01;maart;achieved;60", "T3;G;P;p;ambulant;04;2026-01;2026-01;achieved;60"].join("\n");
    const r = importCaseloadCsv(csv, { window: WINDOW, onInvalidRow: "skip" });
    expect(r.rejected.map((x) => [x.line, x.issues.map((i) => i.message)])).toEqual([
      [2, ['line 2, column "start": start "jan-2026" is not a date as jjjj-mm (e.g. 2026-06)']],
      [3, ['line 3, column "end": end "maart" is not a date as jjjj-mm (e.g. 2026-06)']],
    ]);
    expect(toRecords(r.caseload).map((x) => x.id)).toEqual(["T3"]);
  });
});

describe("importCaseloadRecords", () => {
  const records = [
    { id: "T001", municipality: "G", provider: "P", profile: "p", careForm: "ambulant", unit: "04", start: "2026-01", end: null, outcome: "open", use: 60 },
    { id: "T012", municipality: "G", provider: "P", profile: "p", careForm: "ambulant", unit: "14", start: "2026-01", end: "2026-02", outcome: "achieved", use: [31, 30] },
    { id: 7, municipality: "G" },
  ];

  it("names the record's own id in errors, next to its index", () => {
    const issues = inputIssues(() => caseloadFromRecords(records, { window: WINDOW }));
    expect(issues[0]).toMatchObject({ path: [1, "use", 1], message: 'trajectory "T012": 30 etmalen in 2026-02, more than the month holds (28)' });
    expect(issues.slice(1).every((i) => i.path[0] === 2 && !i.message.startsWith("trajectory"))).toBe(true);
  });

  it("keeps the good records with skip and returns the others with index, id and issues", () => {
    const r = importCaseloadRecords(records, { window: WINDOW, onInvalidRow: "skip" });
    expect(r.caseload.size).toBe(1);
    expect(r.rejected.map((x) => [x.index, x.id, x.issues.length > 0])).toEqual([
      [1, "T012", true],
      [2, null, true],
    ]);
  });
});
