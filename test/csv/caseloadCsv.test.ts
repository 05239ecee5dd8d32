/**
 * Caseload import from CSV: default headers, a Dutch export with column and code mapping, and
 * every row either imported or reported with its file, line and column.
 */
import { describe, expect, it } from "vitest";
import { caseloadFromCsv, CsvMappingSchema, detectDelimiter, safeCaseloadFromCsv, type CsvMappingInput } from "../../src/csv/caseloadCsv.js";
import { DEFAULT_MAX_CSV_ROWS, toRecords, type Issue } from "../../src/index.js";
import { inputIssues } from "../support/examples.js";

const WINDOW = { start: "2026-01", months: 12 };
const HEADER = "id,client,municipality,provider,profile,intensity,careForm,unit,start,end,outcome,use";

/** The issues' paths and messages, for exact comparison. */
const located = (issues: readonly Issue[]) => issues.map((i) => ({ path: i.path, message: i.message }));

describe("caseloadFromCsv: plain CSV with the default headers", () => {
  it("imports one trajectory per row, with optional columns defaulted and use per row", () => {
    const csv = [
      HEADER,
      "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,achieved,240",
      "t2,c1,G0,P0,licht,,ambulant,04,2026-05,,open,60",
      "t3,c2,G1,P1,zwaar,hoog,verblijf,14,2025-11,2026-02,droppedOut,28",
    ].join("\n");
    const c = caseloadFromCsv(csv, { window: WINDOW });
    expect(toRecords(c)).toEqual([
      { id: "t3", client: "1", municipality: "G1", provider: "P1", profile: "zwaar", intensity: "hoog", ageGroup: "onbekend", targetGroup: "algemeen", careForm: "verblijf", unit: "14", start: "2025-11", end: "2026-02", outcome: "droppedOut", use: [28, 28] },
      { id: "t1", client: "0", municipality: "G0", provider: "P0", profile: "licht", intensity: "laag", ageGroup: "onbekend", targetGroup: "algemeen", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: [240, 240, 240] },
      { id: "t2", client: "0", municipality: "G0", provider: "P0", profile: "licht", intensity: "standaard", ageGroup: "onbekend", targetGroup: "algemeen", careForm: "ambulant", unit: "04", start: "2026-05", end: null, outcome: "open", use: [60, 60, 60, 60, 60, 60, 60, 60] },
    ]);
    // t2 re-enters after t1: the same client, linked.
    expect(c.previous[2]).toBe(1);
  });

  it("takes use per month from a use CSV; months in care without a row are zero", () => {
    const trajectories = [HEADER, "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-04,achieved,", "t2,c2,G0,P0,licht,laag,ambulant,04,2026-02,2026-02,achieved,45"].join("\n");
    const use = ["id,month,use", "t1,2026-01,300", "t1,2026-03,120", "t1,2026-04,0"].join("\n");
    const c = caseloadFromCsv(trajectories, { window: WINDOW, useCsv: use });
    expect(toRecords(c).map((r) => [r.id, r.use])).toEqual([["t1", [300, 0, 120, 0]], ["t2", [45]]]);
  });

  it("knows names up front when told (caseloadFromRecords' dictionaries)", () => {
    const c = caseloadFromCsv([HEADER, "t1,c1,G0,P1,licht,laag,ambulant,04,2026-01,2026-01,achieved,60"].join("\n"), { window: WINDOW, providers: ["P0", "P1"] });
    expect(c.providers).toEqual(["P0", "P1"]);
  });

  it("detects ; , and tab from the header line, ignoring quoted delimiters", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("\uFEFFa\tb\n")).toBe("\t");
    expect(detectDelimiter("\n\nid;month;use\n")).toBe(";");
    expect(detectDelimiter("id\n")).toBe(",");
  });
});

describe("caseloadFromCsv: a Dutch export with column mapping and ;", () => {
  const mapping: CsvMappingInput = {
    columns: {
      id: "Traject-ID",
      client: "Cliëntnummer",
      municipality: "Gemeente",
      provider: "Aanbieder",
      profile: "Profiel",
      intensity: "Intensiteit",
      careForm: "Vorm",
      unit: "Eenheid",
      start: "Begin",
      end: "Einde",
      outcome: "Resultaat",
      ageGroup: "Leeftijd",
    },
    useColumns: { id: "Traject-ID", month: "Maand", use: "Inzet" },
    values: {
      careForm: { Ambulant: "ambulant", Verblijf: "verblijf" },
      outcome: { Behaald: "achieved", "Niet behaald": "notAchieved", Lopend: "open" },
      unit: { Etmaal: "14" },
    },
  };
  // Dutch Excel: a byte order mark, ;, CRLF, padded cells, an extra column, Excel's empty row, a leading zero lost.
  const trajectories =
    "\uFEFFTraject-ID;Cliëntnummer;Gemeente;Aanbieder;Profiel;Intensiteit;Vorm;Eenheid;Begin;Einde;Resultaat;Leeftijd;Opmerking\r\n" +
    "T-001; 1001 ;Aldervoort;Jeugdhulp Noord;opvoeden;licht;Ambulant;4;2026-01;2026-03;Behaald;4-12;eerste traject\r\n" +
    ";;;;;;;;;;;;\r\n" +
    "T-002;1002;Kaaghorst;Woongroep Zuid;verblijf;zwaar;Verblijf;Etmaal;2025-12;;Lopend;12-18;\"opmerking; met puntkomma\"\r\n";
  const use = "\uFEFFTraject-ID;Maand;Inzet\r\nT-001;2026-01;600\r\nT-001;2026-02;540\r\nT-001;2026-03;480\r\nT-002;2026-01;31\r\nT-002;2026-02;28\r\n";

  it("reads the region's own headers and codes", () => {
    const c = caseloadFromCsv(trajectories, { window: { start: "2026-01", months: 3 }, useCsv: use, mapping });
    expect(toRecords(c)).toEqual([
      { id: "T-002", client: "1", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", intensity: "zwaar", ageGroup: "12-18", targetGroup: "algemeen", careForm: "verblijf", unit: "14", start: "2025-12", end: null, outcome: "open", use: [31, 28, 0] },
      { id: "T-001", client: "0", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", intensity: "licht", ageGroup: "4-12", targetGroup: "algemeen", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: [600, 540, 480] },
    ]);
  });

  it("reports with the region's column names and codes, and the line in the file", () => {
    const bad = trajectories.replace("Behaald", "Afgerond") + "T-003;1003;Kaaghorst;Woongroep Zuid;verblijf;zwaar;Verblijf;Etmaal;2026-03;2026-02;Behaald;12-18;\r\n";
    const issues = inputIssues(() => caseloadFromCsv(bad, { window: { start: "2026-01", months: 3 }, useCsv: use, mapping }));
    expect(located(issues)).toEqual([
      {
        path: ["trajectories.csv", 2, "Resultaat"],
        message: 'line 2, column "Resultaat": outcome "Afgerond" is not one of open, achieved, notAchieved, droppedOut; translate the export\'s codes with mapping.values.outcome',
      },
      { path: ["trajectories.csv", 5, "Einde"], message: 'line 5, column "Einde": end 2026-02 is before start 2026-03' },
    ]);
  });

  it("is the same with the delimiter given", () => {
    const a = caseloadFromCsv(trajectories, { window: { start: "2026-01", months: 3 }, useCsv: use, mapping });
    const b = caseloadFromCsv(trajectories, { window: { start: "2026-01", months: 3 }, useCsv: use, mapping: { ...mapping, delimiter: ";" } });
    expect(toRecords(b)).toEqual(toRecords(a));
  });

  it("validates the mapping itself", () => {
    const issues = inputIssues(() => caseloadFromCsv(trajectories, { window: WINDOW, mapping: { values: { careForm: { Ambulant: "ambulatory" } } } as never }));
    expect(issues[0]!.path).toEqual(["mapping", "values", "careForm", "Ambulant"]);
    expect(CsvMappingSchema.safeParse({ columns: { ide: "x" } }).success).toBe(false);
    expect(CsvMappingSchema.parse({})).toEqual({ columns: {}, useColumns: {}, values: {}, missingUse: "zero", dateFormat: "jjjj-mm", decimalComma: false, useScale: {} });
  });
});

describe("caseloadFromCsv: every bad row reported with its line and column", () => {
  // Line 1 is the header; the comments give each line's number.
  const rows = [
    HEADER, // 1
    "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,achieved,240", // 2 good
    "t2,c2,G0,P0,licht,laag,ambulant,05,2026-01,2026-03,achieved,240", // 3 unit 05
    "t3,c3,G0,P0,licht,laag,ambulant,04,2026-04,2026-01,achieved,240", // 4 end before start
    "t4,c4,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,finished,240", // 5 outcome
    "t5,c5,G0,P0,licht,laag,ambulant,04,jan-2026,2026-03,achieved,240", // 6 bad month
    "t1,c6,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,achieved,240", // 7 duplicate id
    "t7,c7,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,achieved,12.5", // 8 use not whole
    "t8,c8,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,achieved,240,extra", // 9 a field too many
    "t9,c9,G0,,licht,laag,ambulant,04,2026-01,2026-03,achieved,240", // 10 empty provider
    "t10,c10,G0,P0,licht,laag,verblijf,14,2026-01,2026-03,achieved,32", // 11 32 etmalen in January
    "t11,c11,G0,P0,licht,laag,ambulant,04,2027-02,,open,240", // 12 starts after the window
    "t12,c12,G0,P0,licht,laag,ambulant,04,2026-01,,achieved,240", // 13 no end but an outcome
    "t13,c13,G0,P0,licht,laag,ambulant,04,2026-01,2026-03,achieved,240", // 14 good
  ];
  const csv = rows.join("\n");
  const issues = inputIssues(() => caseloadFromCsv(csv, { window: WINDOW }));

  it("names line, column and reason for each", () => {
    expect(located(issues)).toEqual([
      { path: ["trajectories.csv", 3, "unit"], message: 'line 3, column "unit": unit "05" is not one of 01, 04, 14, 16, 82, 83, 84; translate the export\'s codes with mapping.values.unit' },
      { path: ["trajectories.csv", 4, "end"], message: 'line 4, column "end": end 2026-01 is before start 2026-04' },
      {
        path: ["trajectories.csv", 5, "outcome"],
        message: 'line 5, column "outcome": outcome "finished" is not one of open, achieved, notAchieved, droppedOut; translate the export\'s codes with mapping.values.outcome',
      },
      { path: ["trajectories.csv", 6, "start"], message: 'line 6, column "start": start "jan-2026" is not a date as jjjj-mm (e.g. 2026-06)' },
      { path: ["trajectories.csv", 7, "id"], message: 'line 7, column "id": duplicate trajectory id "t1" (first on line 2)' },
      { path: ["trajectories.csv", 8, "use"], message: 'line 8, column "use": use "12.5" is not a whole number (minutes for hours, etmalen, dagdelen, …); hours given as hours? set mapping.useScale' },
      { path: ["trajectories.csv", 9], message: "line 9: has 13 fields, the header has 12 (an unquoted delimiter or decimal comma inside a field?)" },
      { path: ["trajectories.csv", 10, "provider"], message: 'line 10, column "provider": must not be empty' },
      // One number for every month: each month that cannot hold it is reported.
      { path: ["trajectories.csv", 11, "use"], message: 'line 11, column "use": 32 etmalen in 2026-01, more than the month holds (31)' },
      { path: ["trajectories.csv", 11, "use"], message: 'line 11, column "use": 32 etmalen in 2026-02, more than the month holds (28)' },
      { path: ["trajectories.csv", 11, "use"], message: 'line 11, column "use": 32 etmalen in 2026-03, more than the month holds (31)' },
      { path: ["trajectories.csv", 12, "start"], message: 'line 12, column "start": starts 2027-02, after the window ends' },
      { path: ["trajectories.csv", 13, "outcome"], message: "line 13, column \"outcome\": a trajectory without an end must have outcome 'open'" },
    ]);
  });

  it("drops nothing silently: the reported lines are exactly the bad rows, and the others import", () => {
    const bad = new Set(issues.map((i) => i.path[1]));
    const dataLines = rows.map((_, k) => k + 1).slice(1);
    expect([...bad].sort((a, b) => Number(a) - Number(b))).toEqual(dataLines.filter((l) => l !== 2 && l !== 14));
    // Without the bad rows the rest imports, one trajectory per row (the duplicate's first row stays).
    const good = rows.filter((_, k) => k === 0 || !bad.has(k + 1));
    const c = caseloadFromCsv(good.join("\n"), { window: WINDOW });
    expect(c.size + bad.size).toBe(rows.length - 1);
  });

  it("throws a FundingInputError whose message lists every issue", () => {
    const r = safeCaseloadFromCsv(csv, { window: WINDOW });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues).toEqual(issues);
    expect(() => caseloadFromCsv(csv, { window: WINDOW })).toThrow(/invalid caseload CSV:\n {2}- trajectories\.csv\[3\]\.unit: line 3, column "unit"/);
    const ok = safeCaseloadFromCsv(rows.slice(0, 2).join("\n"), { window: WINDOW });
    expect(ok.success && ok.output.size).toBe(1);
  });

  it("counts lines in the file, including blank lines and fields that span lines", () => {
    const text = [HEADER, "", '"t1",c1,G0,P0,"licht', 'x",laag,ambulant,04,2026-01,2026-01,achieved,60', "", "t2,c2,G0,P0,licht,laag,ambulant,04,2026-01,2026-01,oops,60"].join("\r\n");
    const located2 = inputIssues(() => caseloadFromCsv(text, { window: WINDOW }));
    // The name that spans lines 3–4 is refused (a line break in a name), located at the line its row opens on.
    expect(located2.map((i) => i.path)).toEqual([["trajectories.csv", 3, "profile"], ["trajectories.csv", 6, "outcome"]]);
  });

  it("reports a CSV syntax error with its line", () => {
    const text = [HEADER, "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-01,achieved,60", '"t2,c1,G0'].join("\n");
    const [issue] = inputIssues(() => caseloadFromCsv(text, { window: WINDOW }));
    expect(issue!.path).toEqual(["trajectories.csv", 3]);
    expect(issue!.message).toMatch(/^line 3: not readable as CSV: Quote Not Closed/);
  });
});

describe("caseloadFromCsv: missing columns and missing use", () => {
  it("names a missing required column and lists the headers found", () => {
    const text = ["id;gemeente;provider;profile;careForm;unit;start;outcome;use", "t1;G0;P0;licht;ambulant;04;2026-01;open;60"].join("\n");
    expect(located(inputIssues(() => caseloadFromCsv(text, { window: WINDOW })))).toEqual([
      {
        path: ["trajectories.csv", 1, "municipality"],
        message: 'line 1: missing column "municipality"; the header has "id", "gemeente", "provider", "profile", "careForm", "unit", "start", "outcome", "use"',
      },
    ]);
    const mapped = inputIssues(() => caseloadFromCsv(text, { window: WINDOW, mapping: { columns: { municipality: "Gemeente" } } }));
    expect(mapped[0]!.message).toMatch(/^line 1: missing column "Gemeente" \(for municipality\); the header has "id", "gemeente"/);
  });

  it("names missing columns of the use CSV, and a column that appears twice", () => {
    const t = [HEADER, "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-01,achieved,"].join("\n");
    expect(located(inputIssues(() => caseloadFromCsv(t, { window: WINDOW, useCsv: "id,maand,use\nt1,2026-01,5" })))).toEqual([
      { path: ["use.csv", 1, "month"], message: 'line 1: missing column "month"; the header has "id", "maand", "use"' },
    ]);
    const twice = inputIssues(() => caseloadFromCsv(`${HEADER},unit\nt1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-01,achieved,5,04`, { window: WINDOW }));
    expect(twice[0]!.path).toEqual(["trajectories.csv", 1, "unit"]);
    expect(twice[0]!.message).toMatch(/appears more than once/);
  });

  it("needs use from somewhere", () => {
    const noUse = "id,municipality,provider,profile,careForm,unit,start,end,outcome\nt1,G0,P0,licht,ambulant,04,2026-01,2026-01,achieved";
    expect(located(inputIssues(() => caseloadFromCsv(noUse, { window: WINDOW })))).toEqual([
      { path: ["trajectories.csv", 1], message: 'line 1: no use: the header has no "use" column and no use CSV was given; give one or the other' },
    ]);
    const empty = [HEADER, "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-01,achieved,", "t2,c1,G0,P0,licht,laag,ambulant,04,2025-01,2025-03,achieved,"].join("\n");
    // t2 ended before the window: it has no months to give use for.
    expect(located(inputIssues(() => caseloadFromCsv(empty, { window: WINDOW })))).toEqual([
      { path: ["trajectories.csv", 2, "use"], message: 'line 2, column "use": use is empty and no use CSV was given' },
    ]);
  });

  it("refuses an empty file", () => {
    expect(located(inputIssues(() => caseloadFromCsv("\uFEFF\n\n", { window: WINDOW })))).toEqual([
      { path: ["trajectories.csv"], message: "the file is empty; expected a header line" },
    ]);
  });
});

describe("caseloadFromCsv: the use CSV, row by row", () => {
  const trajectories = [
    HEADER, // 1
    "t1,c1,G0,P0,licht,laag,ambulant,04,2026-02,2026-04,achieved,", // 2
    "t2,c2,G0,P0,licht,laag,verblijf,14,2026-01,,open,", // 3
    "t3,c3,G0,P0,licht,laag,ambulant,04,2026-01,2026-01,achieved,60", // 4 use given here
    "t4,c4,G0,P0,licht,laag,verblijf,14,2026-01,2026-03,achieved,", // 5
  ].join("\n");
  const use = [
    "id,month,use", // 1
    "t1,2026-02,120", // 2 good
    "t9,2026-02,120", // 3 unknown trajectory
    "t1,2026-02,60", // 4 duplicate (id, month)
    "t1,2025-12,60", // 5 outside the window
    "t1,2026-06,60", // 6 outside the trajectory
    "t1,2026-03,1.5", // 7 not a whole number
    "t1,März,60", // 8 not a month
    "t4,2026-02,30", // 9 more etmalen than February holds
    "t2,2026-03,-1", // 10 negative
    "t3,2026-01,60", // 11 use also on the trajectory row
    ",2026-01,60", // 12 no id
    "t2,2026-04,", // 13 empty use
  ].join("\n");
  const issues = inputIssues(() => caseloadFromCsv(trajectories, { window: { start: "2026-01", months: 6 }, useCsv: use }));

  it("reports each bad row with its line in the use CSV", () => {
    expect(located(issues)).toEqual([
      { path: ["use.csv", 3, "id"], message: 'line 3, column "id": no trajectory "t9" in trajectories.csv' },
      { path: ["use.csv", 4, "month"], message: 'line 4, column "month": a second use row for trajectory "t1" in 2026-02 (first on line 2)' },
      { path: ["use.csv", 5, "month"], message: 'line 5, column "month": month 2025-12 is outside the window 2026-01 … 2026-06' },
      { path: ["use.csv", 6, "month"], message: 'line 6, column "month": month 2026-06 is outside the care of trajectory "t1" (2026-02 … 2026-04)' },
      { path: ["use.csv", 7, "use"], message: 'line 7, column "use": use "1.5" is not a whole number (minutes for hours, etmalen, dagdelen, …); hours given as hours? set mapping.useScale' },
      { path: ["use.csv", 8, "month"], message: 'line 8, column "month": month "März" is not a date as jjjj-mm (e.g. 2026-06)' },
      { path: ["use.csv", 9, "use"], message: 'line 9, column "use": 30 etmalen in 2026-02, more than the month holds (28)' },
      { path: ["use.csv", 10, "use"], message: 'line 10, column "use": use "-1" must not be negative' },
      {
        path: ["use.csv", 11, "use"],
        message: 'line 11, column "use": trajectory "t3" already has one use for every month (trajectories.csv line 4); give use there or here, not both',
      },
      { path: ["use.csv", 12, "id"], message: 'line 12, column "id": trajectory id is empty' },
      { path: ["use.csv", 13, "use"], message: 'line 13, column "use": use is empty' },
    ]);
  });

  it("reports every use row but the good one", () => {
    const lines = new Set(issues.map((i) => i.path[1]));
    expect(lines.size).toBe(use.split("\n").length - 2);
    expect(lines.has(2)).toBe(false);
  });

  it("with missingUse: 'error', reports the months without a row on the trajectory's line", () => {
    const t = [HEADER, "t1,c1,G0,P0,licht,laag,ambulant,04,2026-01,2026-04,achieved,"].join("\n");
    const u = "id,month,use\nt1,2026-01,60\nt1,2026-03,60";
    expect(located(inputIssues(() => caseloadFromCsv(t, { window: WINDOW, useCsv: u, mapping: { missingUse: "error" } })))).toEqual([
      { path: ["trajectories.csv", 2], message: 'line 2: trajectory "t1" has no row in use.csv for 2026-02, 2026-04' },
    ]);
  });

  it("names the files as told", () => {
    const named = inputIssues(() =>
      caseloadFromCsv(trajectories, { window: { start: "2026-01", months: 6 }, useCsv: use, fileNames: { trajectories: "trajecten.csv", use: "inzet.csv" } }),
    );
    expect(named[0]).toEqual({ code: "unknown_trajectory", path: ["inzet.csv", 3, "id"], message: 'line 3, column "id": no trajectory "t9" in trajecten.csv' });
  });
});

describe("a CSV with more lines than maxRows is refused before it is parsed", () => {
  const row = (i: number) => `t${i},c${i},G0,P0,licht,laag,ambulant,04,2026-01,2026-01,achieved,60`;
  const text = (rows: number, end = "\n") => [HEADER, ...Array.from({ length: rows }, (_, i) => row(i))].join(end);

  it("the header and 4 rows are 5 lines: a limit of 5 reads them, 4 refuses them with the count", () => {
    expect(caseloadFromCsv(text(4), { window: WINDOW, maxRows: 5 }).size).toBe(4);
    expect(inputIssues(() => caseloadFromCsv(text(4), { window: WINDOW, maxRows: 4 }))).toEqual([
      {
        code: "too_many_rows",
        path: ["trajectories.csv"],
        message:
          "the file has 5 lines, more than the limit of 4 (option maxRows): importing holds about a kilobyte per row, so it is refused before it is read — raise the limit if the machine has the memory (and Node's heap: node --max-old-space-size)",
      },
    ]);
  });

  it("counts \\r\\n once and a Mac file's lone \\r too; holds the use CSV to it as well", () => {
    expect(inputIssues(() => caseloadFromCsv(text(4, "\r\n"), { window: WINDOW, maxRows: 4 }))[0]!.message).toMatch(/^the file has 5 lines/);
    expect(inputIssues(() => caseloadFromCsv(text(4, "\r"), { window: WINDOW, maxRows: 4 }))[0]!.message).toMatch(/^the file has 5 lines/);
    // A line break at the end starts no line: 5 lines still.
    expect(caseloadFromCsv(`${text(4, "\r\n")}\r\n`, { window: WINDOW, maxRows: 5 }).size).toBe(4);
    expect(inputIssues(() => caseloadFromCsv(`${text(4)}\n`, { window: WINDOW, maxRows: 4 }))[0]!.message).toMatch(/^the file has 5 lines/);
    const use = ["id,month,use", "t0,2026-01,60", "t0,2026-02,60", "t0,2026-03,60", "t0,2026-04,60"].join("\n");
    const withUse = [HEADER.replace(",use", ""), "t0,c0,G0,P0,licht,laag,ambulant,04,2026-01,2026-04,achieved"].join("\n");
    expect(inputIssues(() => caseloadFromCsv(withUse, { window: WINDOW, useCsv: use, maxRows: 4 }))).toMatchObject([{ code: "too_many_rows", path: ["use.csv"] }]);
  });

  it("the default is 2,000,000 lines; a limit that is not a whole number of at least 1 is named", () => {
    expect(DEFAULT_MAX_CSV_ROWS).toBe(2_000_000);
    for (const maxRows of [0, 1.5, Number.NaN]) {
      expect(inputIssues(() => caseloadFromCsv(text(1), { window: WINDOW, maxRows }))).toEqual([{ code: "invalid_type", path: ["maxRows"], message: "expected a whole number of lines, at least 1" }]);
    }
  });
});
