import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, OUTCOMES, UNIT_CODES } from "../caseload/codes.js";
import { skipOf, validateRecords, type FromRecordsOptions, type OnInvalidRow } from "../caseload/records.js";
import { FundingInputError, fromZodIssues, IssueList, MAX_KEPT_ISSUES, type Issue, type SafeResult } from "../errors.js";
import { Decimal } from "decimal.js";
import { formatMonth, HorizonSchema, parseMonth, type Month } from "../period.js";
import { DATE_FORMATS, notAMonth, readMonth, readUse } from "./cellReaders.js";
import { plausibilityWarnings, type ImportWarning } from "./plausibility.js";
import { CsvSyntaxError, parseCsv } from "./parseCsv.js";
import { excerpt, quotedList } from "../excerpt.js";
import { guardCsvText, stringifyCsv, unguardCsvText } from "./stringifyCsv.js";

/**
 * Columns of a trajectories CSV, one row per trajectory. The default header of each column is the
 * field name itself (`id`, `careForm`, …); `mapping.columns` renames them for a region's own export.
 * @category Import (CSV and records)
 */
export const TRAJECTORY_CSV_FIELDS = [
  "id",
  "client",
  "municipality",
  "provider",
  "profile",
  "intensity",
  "careForm",
  "unit",
  "start",
  "end",
  "outcome",
  "ageGroup",
  "targetGroup",
  "use",
] as const;
/**
 * One of {@link TRAJECTORY_CSV_FIELDS}.
 * @category Import (CSV and records)
 */
export type TrajectoryCsvField = (typeof TRAJECTORY_CSV_FIELDS)[number];

/**
 * Columns a trajectories CSV must have; the others may be left out (defaults as in `TrajectoryInputSchema`).
 * @category Import (CSV and records)
 */
export const REQUIRED_TRAJECTORY_CSV_FIELDS: readonly TrajectoryCsvField[] = [
  "id",
  "municipality",
  "provider",
  "profile",
  "careForm",
  "unit",
  "start",
  "outcome",
];

/**
 * Columns of a use CSV, one row per trajectory-month; all three are required.
 * @category Import (CSV and records)
 */
export const USE_CSV_FIELDS = ["id", "month", "use"] as const;
/**
 * One of {@link USE_CSV_FIELDS}.
 * @category Import (CSV and records)
 */
export type UseCsvField = (typeof USE_CSV_FIELDS)[number];

/**
 * Delimiters the import detects and the export writes.
 * @category Import (CSV and records)
 */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;
/**
 * One of {@link CSV_DELIMITERS}.
 * @category Import (CSV and records)
 */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const Header = z.string().trim().regex(/\S/, "a column name must not be empty").describe("the header of this field's column in the export");
const codeMap = <T extends readonly [string, ...string[]]>(codes: T, what: string) =>
  z.record(z.string(), z.enum(codes)).describe(`the export's ${what} codes → ours (${codes.join(", ")})`);

/**
 * How to read a region's own caseload export: which header holds which field, how its codes for
 * care form, unit and outcome translate to ours, and the delimiter. Every key is optional: the
 * default header of a field is its own name, codes not in a map are taken as they are, and the
 * delimiter is detected from the header line.
 *
 * ```json
 * { "columns": { "id": "Traject-ID", "provider": "Aanbieder", "end": "Einde" },
 *   "values": { "careForm": { "Ambulant": "ambulant" }, "outcome": { "Behaald": "achieved", "Lopend": "open" } } }
 * ```
 * @category Import (CSV and records)
 */
export const CsvMappingSchema = z
  .strictObject({
    columns: z
      .strictObject({
        id: Header.optional(),
        client: Header.optional(),
        municipality: Header.optional(),
        provider: Header.optional(),
        profile: Header.optional(),
        intensity: Header.optional(),
        careForm: Header.optional(),
        unit: Header.optional(),
        start: Header.optional(),
        end: Header.optional(),
        outcome: Header.optional(),
        ageGroup: Header.optional(),
        targetGroup: Header.optional(),
        use: Header.optional(),
      })
      .default({})
      .describe("header of each field in the trajectories CSV (default: the field name)"),
    useColumns: z
      .strictObject({ id: Header.optional(), month: Header.optional(), use: Header.optional() })
      .default({})
      .describe("header of each field in the use CSV (default: id, month, use)"),
    values: z
      .strictObject({
        careForm: codeMap(CARE_FORMS, "care-form").optional(),
        unit: codeMap(UNIT_CODES, "iJw unit").optional(),
        outcome: codeMap(OUTCOMES, "outcome").optional(),
      })
      .default({})
      .describe("the export's codes translated to ours, e.g. { careForm: { Ambulant: 'ambulant' } }; other codes are read as they are"),
    delimiter: z.enum(CSV_DELIMITERS).optional().describe("default: detected from the header line (';', ',' or a tab)"),
    dateFormat: z
      .enum(DATE_FORMATS)
      .default("jjjj-mm")
      .describe("how start, end and the use CSV's month are written: jjjj-mm (2026-06), jjjj-mm-dd, dd-mm-jjjj (15-06-2026), mm-jjjj or excel (serial day numbers); a day date counts as its month"),
    decimalComma: z.boolean().default(false).describe("numbers with a decimal comma (7,5; 1.234,5), as Dutch Excel writes them"),
    useScale: z
      .partialRecord(z.enum(UNIT_CODES), z.union([z.number().positive().finite(), z.string().regex(/^\d+(\.\d+)?$/, "a positive decimal such as 60 or 0.5")]))
      .default({})
      .describe("per unit code (after values.unit), what to multiply the export's use by to get our measure: { \"04\": 60 } when unit 04 (uur) is given in hours instead of minutes; the result must be whole"),
    missingUse: z
      .enum(["zero", "error"])
      .default("zero")
      .describe("a month in care without a row in the use CSV: 'zero' (no use that month) or 'error'"),
  });
/**
 * A CSV mapping as users write it (see {@link CsvMappingSchema}).
 * @category Import (CSV and records)
 */
export type CsvMappingInput = z.input<typeof CsvMappingSchema>;
/**
 * A CSV mapping with its defaults filled in.
 * @category Import (CSV and records)
 */
export type CsvMapping = z.output<typeof CsvMappingSchema>;

/**
 * Options of {@link caseloadFromCsv}: the window and dictionaries of `caseloadFromRecords`, plus how to read the CSV.
 * @category Import (CSV and records)
 */
export interface CaseloadCsvOptions extends FromRecordsOptions {
  /** The use CSV (one row per trajectory-month: id, month, use), when use is not one number per trajectory. */
  readonly useCsv?: string;
  /** Column names, code translations, delimiter, date format, decimal comma, use scale (see {@link CsvMappingSchema}). */
  readonly mapping?: CsvMappingInput;
  /** Names of the two texts in error paths and messages (default `trajectories.csv`, `use.csv`). */
  readonly fileNames?: { readonly trajectories?: string; readonly use?: string };
  /**
   * The most lines a CSV text may have (each file on its own), counted before it is parsed: default
   * {@link DEFAULT_MAX_CSV_ROWS}. The import holds about a kilobyte per row while it reads, so a file
   * with more is refused with its count instead of running out of memory; raise it when the machine
   * (and Node's heap: `node --max-old-space-size`) has the room.
   */
  readonly maxRows?: number;
}

/**
 * The most lines a CSV text may have by default: 2,000,000 — four times a national export's
 * trajectories, about 2 GB while importing (measured: about 1 KB of live memory per row), which
 * fits Node's default heap. A use CSV (a row per trajectory-month) of a large region may need more:
 * raise `maxRows`, and Node's heap with it.
 * @category Import (CSV and records)
 */
export const DEFAULT_MAX_CSV_ROWS = 2_000_000;

/**
 * The lines of a text, counted without parsing it (`\r\n`, `\n` and `\r` once each; a line break
 * at the end starts no line): at least its rows.
 */
function linesIn(text: string): number {
  let breaks = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) breaks++;
  // A file with Mac line ends (lone \r) has no \n at all.
  if (breaks === 0) for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) breaks++;
  const last = text.charCodeAt(text.length - 1);
  return text.length === 0 ? 0 : breaks + (last === 10 || last === 13 ? 0 : 1);
}

/**
 * Options of {@link importCaseloadCsv}: those of {@link caseloadFromCsv} and what to do with a bad row.
 * @category Import (CSV and records)
 */
export interface ImportCaseloadCsvOptions extends CaseloadCsvOptions {
  /**
   * `"stop"` (default): any bad row stops the import with every issue. `"skip"`: the good rows are
   * imported and every bad one is returned in `rejected` (file, line, its id, the cells, why).
   * Problems with the file itself (unreadable, a missing column) always stop.
   */
  readonly onInvalidRow?: OnInvalidRow;
}

/**
 * A CSV row {@link importCaseloadCsv} left out, with everything needed to fix and re-import it.
 * @category Import (CSV and records)
 */
export interface RejectedRow {
  /** The file it is in (as in {@link CaseloadCsvOptions.fileNames}). */
  readonly file: string;
  /** Its line (the header is line 1). */
  readonly line: number;
  /** The row's own trajectory id, when its id cell is not empty. */
  readonly id: string | null;
  /** Its cells as read (trimmed). */
  readonly cells: readonly string[];
  /**
   * Why, each located at `[file, line, column]`; one row can have several. Once the import has found
   * {@link MAX_KEPT_ISSUES} issues, a further rejected row keeps its first reason only.
   */
  readonly issues: readonly Issue[];
}

/**
 * Rows read, imported and rejected per file: read = imported + rejected, always.
 * @category Import (CSV and records)
 */
export interface ImportCounts {
  readonly trajectoryRows: number;
  readonly trajectoriesImported: number;
  readonly trajectoriesRejected: number;
  readonly useRows: number;
  readonly useRowsImported: number;
  readonly useRowsRejected: number;
}

/**
 * The result of {@link importCaseloadCsv}.
 * @category Import (CSV and records)
 */
export interface CaseloadImport {
  readonly caseload: Caseload;
  /** Rows left out (only with `onInvalidRow: "skip"`), trajectories file first, by line. */
  readonly rejected: readonly RejectedRow[];
  /** Plausibility warnings: data that imports but probably means something else (see {@link ImportWarning}). */
  readonly warnings: readonly ImportWarning[];
  readonly counts: ImportCounts;
  /** The header of each file and its delimiter, for {@link rejectedRowsToCsv}. */
  readonly headers: { readonly trajectories: readonly string[]; readonly use: readonly string[] | null; readonly delimiter: CsvDelimiter };
  /** The file names used in paths and messages. */
  readonly files: { readonly trajectories: string; readonly use: string | null };
}

/** A data row of a CSV: the line it starts on (header = line 1) and its trimmed cells. */
interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed CSV text. */
interface CsvTable {
  readonly file: string;
  readonly delimiter: CsvDelimiter;
  readonly headers: readonly string[];
  /** Line of the header: 1 unless blank lines precede it. */
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

const TRAJECTORY_FILE = "trajectories.csv";
const USE_FILE = "use.csv";
const MAPPED_FIELDS = ["careForm", "unit", "outcome"] as const;
type MappedField = (typeof MAPPED_FIELDS)[number];
const CODE_LISTS: Readonly<Record<MappedField, readonly string[]>> = { careForm: CARE_FORMS, unit: UNIT_CODES, outcome: OUTCOMES };

/** An issue located at a line (and column) of a CSV file: path `[file, line, column]`, message `line 14, column "Einde": …`. */
function at(file: string, line: number, column: string | null, message: string, code = "custom"): Issue {
  return column === null
    ? { code, path: [file, line], message: `line ${line}: ${message}` }
    : { code, path: [file, line, column], message: `line ${line}, column "${excerpt(column, 40)}": ${message}` };
}

/**
 * The delimiter of a CSV text: whichever of `;`, `,` and tab occurs most often outside quotes in
 * its first non-empty line (the header); `,` when none does.
 * @category Import (CSV and records)
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seen) break;
    } else if (!quoted && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
      seen = true;
    } else if (ch.trim() !== "") seen = true;
  }
  let best: CsvDelimiter = ",";
  for (const d of [";", "\t"] as const) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Line breaks inside a row's cells (quoted fields may span lines): `\r\n`, `\n` and `\r` count once each. */
function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) {
      const ch = c.charCodeAt(i);
      if (ch === 10 || (ch === 13 && c.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  return n;
}

/**
 * Parses one CSV text into a header (its first non-empty line, normally line 1) and data rows
 * with the line each starts on. A syntax error (an unclosed quote, …) is reported with its line;
 * blank lines and rows whose cells are all empty (Excel's `;;;;`) carry no data and are skipped.
 */
function readTable(text: string, file: string, delimiter: CsvDelimiter | undefined, issues: IssueList, maxRows: number): CsvTable | null {
  // Counted before parsing: the parsed rows are what would run out of memory.
  const lines = linesIn(text);
  if (lines > maxRows) {
    const message = `the file has ${lines.toLocaleString("en")} lines, more than the limit of ${maxRows.toLocaleString("en")} (option maxRows): importing holds about a kilobyte per row, so it is refused before it is read — raise the limit if the machine has the memory (and Node's heap: node --max-old-space-size)`;
    issues.push({ code: "too_many_rows", path: [file], message });
    return null;
  }
  // The byte order mark goes before the delimiter is detected from the header line.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: string[][];
  const used = delimiter ?? detectDelimiter(body);
  try {
    // Blank lines are kept as records (one empty cell) so that lines can be counted from the records alone.
    parsed = parseCsv(body, used);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    issues.push(at(file, e.line, null, `not readable as CSV: ${e.message}`, "csv_syntax"));
    return null;
  }
  let headers: string[] | null = null;
  let headerLine = 1;
  const rows: CsvRow[] = [];
  let line = 1;
  for (const record of parsed) {
    const here = line;
    line += 1 + lineBreaks(record);
    // A text cell an export guarded against spreadsheet formulas (`'=A1`) reads as it was (`=A1`).
    // In place: a second array per row would double the table's memory (millions of rows).
    for (let k = 0; k < record.length; k++) record[k] = unguardCsvText(record[k]!.trim());
    const cells = record;
    if (cells.every((c) => c === "")) continue;
    if (headers === null) {
      headers = cells;
      headerLine = here;
    }
    else rows.push({ line: here, cells });
  }
  if (headers === null) {
    issues.push({ code: "csv_empty", path: [file], message: "the file is empty; expected a header line" });
    return null;
  }
  return { file, delimiter: used, headers, headerLine, rows };
}

/** Column positions of the fields in a table's header; reports missing and ambiguous columns. */
function locate<F extends string>(
  table: CsvTable,
  fields: readonly F[],
  names: Partial<Record<F, string | undefined>>,
  required: readonly F[],
  issues: IssueList,
): Map<F, { index: number; header: string }> {
  const out = new Map<F, { index: number; header: string }>();
  // The header as read, in short: a foreign file's first line is not echoed at length.
  const found = quotedList(table.headers);
  for (const field of fields) {
    const header = names[field] ?? field;
    const index = table.headers.indexOf(header);
    if (index < 0) {
      if (required.includes(field)) {
        const forField = header === field ? "" : ` (for ${field})`;
        issues.push({
          code: "missing_column",
          path: [table.file, table.headerLine, header],
          message: `line ${table.headerLine}: missing column "${excerpt(header, 40)}"${forField}; the header has ${found}`,
        });
      }
      continue;
    }
    if (table.headers.indexOf(header, index + 1) >= 0) {
      issues.push({
        code: "duplicate_column",
        path: [table.file, table.headerLine, header],
        message: `line ${table.headerLine}: column "${excerpt(header, 40)}" appears more than once; which one holds ${field} is unclear`,
      });
      continue;
    }
    out.set(field, { index, header });
  }
  return out;
}

/** Reports a row whose number of cells differs from the header's (extra empty cells are tolerated). */
function checkWidth(table: CsvTable, row: CsvRow, issues: IssueList): boolean {
  const width = table.headers.length;
  if (row.cells.length === width || (row.cells.length > width && row.cells.slice(width).every((c) => c === ""))) return true;
  issues.push(
    at(
      table.file,
      row.line,
      null,
      `has ${row.cells.length} fields, the header has ${width}` +
        (row.cells.length > width ? " (an unquoted delimiter or decimal comma inside a field?)" : ""),
      "field_count",
    ),
  );
  return false;
}

/** What the import knows about one trajectory row that became a record. */
interface Imported {
  readonly row: CsvRow;
  readonly id: string;
  /** Raw (trimmed) cells of the mapped-code fields, for messages. */
  readonly raw: Partial<Record<MappedField, string>>;
  /** Whether start or end could not be read as a month (reported on the row already). */
  readonly badDate: boolean;
  /** First month in the window and number of months in care inside it; null when start or end is unreadable or out of order. */
  readonly months: { readonly first: Month; readonly count: number; readonly start: Month; readonly end: Month | null } | null;
  /** Whether use came from the trajectory row (one number for every month). */
  readonly constant: boolean;
  /** What the export's use is multiplied by for this trajectory's unit (mapping.useScale), or null. */
  readonly scale: Decimal | null;
  /** Use per month from the use CSV (filled in as its rows are read), or null. */
  readonly use: number[] | null;
  /** Line in the use CSV of each month's row (0: none). */
  readonly useLines: Int32Array | null;
}

/**
 * Imports a caseload export as CSV: one row per trajectory and, optionally (`useCsv`), one row per
 * trajectory-month of use. Headers are matched exactly after trimming (see {@link CsvMappingSchema}
 * for a region's own names, codes, date format, decimal comma and use scale); columns the mapping
 * does not name are ignored. Cells are trimmed; a byte order mark is dropped; the delimiter is
 * detected from the header unless given.
 *
 * Use per trajectory is, in this order: the number in its `use` cell (the same every month in
 * care inside the window); else its rows in the use CSV, where a month in care without a row is
 * zero (or an error with `missingUse: "error"`); else, for a trajectory with months in the window,
 * an error. Unit codes of one digit get their leading zero back (Excel drops it: `4` → `04`).
 *
 * Every data row is either imported or reported: each problem is an issue with path
 * `[file, line, column]` (line 1 is the header) and a message such as
 * `line 14, column "Einde": end 2026-01 is before start 2026-04` — missing columns (naming the
 * headers found), rows with the wrong number of fields, values `caseloadFromRecords` refuses, and
 * use rows for an unknown trajectory, a repeated month, a month outside the window or the
 * trajectory's care, or a use that is not a whole number. Rows whose cells are all empty carry
 * nothing and are skipped. Throws {@link FundingInputError} (subject `caseload CSV`) with every
 * issue, sorted by file and line; on success the caseload has exactly one trajectory per data row.
 * {@link importCaseloadCsv} can keep the good rows instead, and gives plausibility warnings.
 * @example
 * ```ts
 * import { caseloadFromCsv } from "jeugdhulp-bekostiging";
 *
 * // An export with Dutch headers, dates and decimal comma, read with settings only.
 * const csv = "Traject;Gemeente;Aanbieder;Product;Zorgvorm;Eenheid;Begin;Einde;Resultaat;Uren\n" +
 *   "T1;Aldervoort;Jeugdhulp Noord;opvoeden;Ambulant;Uur;01-01-2026;30-06-2026;Behaald;4,5\n";
 * const caseload = caseloadFromCsv(csv, {
 *   window: { start: "2025-12", months: 13 },
 *   mapping: {
 *     columns: { id: "Traject", municipality: "Gemeente", provider: "Aanbieder", profile: "Product", careForm: "Zorgvorm", unit: "Eenheid", start: "Begin", end: "Einde", outcome: "Resultaat", use: "Uren" },
 *     values: { careForm: { Ambulant: "ambulant" }, unit: { Uur: "04" }, outcome: { Behaald: "achieved" } },
 *     dateFormat: "dd-mm-jjjj",
 *     decimalComma: true,
 *     useScale: { "04": 60 }, // hours as hours: unit 04 is read in minutes
 *   },
 * });
 * console.log(caseload.size); // → 1
 * ```
 * @category Import (CSV and records)
 */
export function caseloadFromCsv(text: string, options: CaseloadCsvOptions): Caseload {
  return importCsv(text, options, false).caseload;
}

/**
 * {@link caseloadFromCsv} with the choice to keep the good rows (`onInvalidRow: "skip"`), the
 * counts, and plausibility warnings. With `"skip"`:
 * - a bad trajectory row is rejected, and so are its use rows (reason: its trajectory was rejected);
 * - a bad use row is rejected, and so is its trajectory with its other use rows: a trajectory with
 *   a month of unknown use would be paid wrongly, so it is never imported half;
 * - the rows a trajectory's own rules refuse (end before start, a duplicate id, …) likewise.
 * Rows in = imported + rejected, per file, always ({@link ImportCounts}). When no trajectory is
 * left it throws as `"stop"` does. {@link rejectedRowsToCsv} writes the rejected rows back with
 * their reasons, to fix and import again.
 * @example
 * ```ts
 * import { importCaseloadCsv, rejectedRowsToCsv } from "jeugdhulp-bekostiging";
 *
 * const csv = [
 *   "id;municipality;provider;profile;careForm;unit;start;end;outcome;use",
 *   "t1;Aldervoort;Jeugdhulp Noord;opvoeden;ambulant;04;2026-01;2026-06;achieved;240",
 *   "t2;Kaaghorst;Woongroep Zuid;verblijf;verblijf;14;2026-05;2026-03;open;28",
 * ].join("\n");
 * const result = importCaseloadCsv(csv, { window: { start: "2025-12", months: 13 }, onInvalidRow: "skip" });
 * console.log(result.caseload.size, result.counts.trajectoriesRejected); // → 1 1
 * console.log(rejectedRowsToCsv(result));
 * // → id;municipality;provider;profile;careForm;unit;start;end;outcome;use;reden
 * //   t2;Kaaghorst;…;28;"line 3, column ""end"": end 2026-03 is before start 2026-05 | …"
 * ```
 * @category Import (CSV and records)
 */
export function importCaseloadCsv(text: string, options: ImportCaseloadCsvOptions): CaseloadImport {
  return importCsv(text, options, skipOf(options, "caseload CSV options"));
}

function importCsv(text: string, options: ImportCaseloadCsvOptions, skip: boolean): CaseloadImport {
  if (typeof text !== "string") {
    throw new FundingInputError("caseload CSV", [{ code: "invalid_type", path: [], message: "expected the CSV text as a string" }]);
  }
  if (typeof options !== "object" || options === null) {
    throw new FundingInputError("caseload CSV options", [
      { code: "invalid_type", path: ["window"], message: 'needs the window the use covers, e.g. { window: { start: "2026-01", months: 12 } }' },
    ]);
  }
  const { useCsv, mapping: mappingInput, fileNames, onInvalidRow: _policy, maxRows = DEFAULT_MAX_CSV_ROWS, ...recordOptions } = options;
  if (useCsv !== undefined && typeof useCsv !== "string") {
    throw new FundingInputError("caseload CSV options", [{ code: "invalid_type", path: ["useCsv"], message: "expected the use CSV's text as a string, or no useCsv" }]);
  }
  if (!Number.isSafeInteger(maxRows) || maxRows < 1) {
    throw new FundingInputError("caseload CSV options", [{ code: "invalid_type", path: ["maxRows"], message: "expected a whole number of lines, at least 1" }]);
  }
  const m = CsvMappingSchema.safeParse(mappingInput ?? {});
  if (!m.success) throw new FundingInputError("CSV mapping", fromZodIssues(m.error.issues, ["mapping"]));
  const mapping = m.data;
  const w = HorizonSchema.safeParse(options.window);
  if (!w.success) throw new FundingInputError("caseload window", fromZodIssues(w.error.issues, ["window"]));
  const windowStart = parseMonth(w.data.start);
  const windowEnd = windowStart + w.data.months - 1;
  const tFile = fileNames?.trajectories ?? TRAJECTORY_FILE;
  const uFile = fileNames?.use ?? USE_FILE;
  // The first MAX_KEPT_ISSUES issues are kept, the others counted. With skip, a row's first issue
  // is kept past the cap too: it is what rejects the row, and every bad row must be rejected.
  const rowsNoted = new Set<string>();
  const firstOfItsRow = (i: Issue): boolean => {
    const row = `${String(i.path[0])}:${String(i.path[1])}`;
    if (rowsNoted.has(row)) return false;
    rowsNoted.add(row);
    return true;
  };
  const issues = new IssueList<Issue>(MAX_KEPT_ISSUES, skip ? firstOfItsRow : undefined);
  const scales = new Map(Object.entries(mapping.useScale).map(([unit, v]) => [unit, new Decimal(v as number | string)]));

  // Headers first: without its columns no row can be read.
  const tTable = readTable(text, tFile, mapping.delimiter, issues, maxRows);
  const uTable = useCsv === undefined ? null : readTable(useCsv, uFile, mapping.delimiter, issues, maxRows);
  if (tTable === null || (useCsv !== undefined && uTable === null)) {
    throw new FundingInputError("caseload CSV", sortIssues(issues.kept, [tFile, uFile], tTable, uTable), issues.omitted);
  }
  const tCols = locate(tTable, TRAJECTORY_CSV_FIELDS, mapping.columns, REQUIRED_TRAJECTORY_CSV_FIELDS, issues);
  const uCols = uTable ? locate(uTable, USE_CSV_FIELDS, mapping.useColumns, USE_CSV_FIELDS, issues) : null;
  const useHeader = tCols.get("use")?.header ?? null;
  if (useHeader === null && uTable === null && !issues.kept.some((i) => i.code === "duplicate_column")) {
    issues.push(
      at(tFile, tTable.headerLine, null, `no use: the header has no "${mapping.columns.use ?? "use"}" column and no use CSV was given; give one or the other`, "missing_column"),
    );
  }
  if (issues.length > 0) throw new FundingInputError("caseload CSV", sortIssues(issues.kept, [tFile, uFile], tTable, uTable), issues.omitted);

  // Trajectory rows → records.
  const cellOf = (row: CsvRow, field: TrajectoryCsvField): string | undefined => {
    const c = tCols.get(field);
    return c === undefined ? undefined : (row.cells[c.index] ?? "");
  };
  const codeMaps = new Map<MappedField, Map<string, string>>(
    MAPPED_FIELDS.map((f) => [f, new Map(Object.entries(mapping.values[f] ?? {}).map(([k, v]) => [k.trim(), v]))]),
  );
  const records: Record<string, unknown>[] = [];
  const imported: Imported[] = [];
  const byId = new Map<string, number>(); // id → first imported index
  for (const row of tTable.rows) {
    if (!checkWidth(tTable, row, issues)) continue;
    const rec: Record<string, unknown> = {};
    const raw: Partial<Record<MappedField, string>> = {};
    for (const field of ["id", "municipality", "provider", "profile", "outcome", "careForm", "unit"] as const) {
      rec[field] = cellOf(row, field) ?? "";
    }
    for (const field of ["client", "intensity", "ageGroup", "targetGroup"] as const) {
      const v = cellOf(row, field);
      if (v !== undefined && v !== "") rec[field] = v;
    }
    for (const field of MAPPED_FIELDS) {
      const v = rec[field] as string;
      raw[field] = v;
      rec[field] = codeMaps.get(field)!.get(v) ?? (field === "unit" && /^\d$/.test(v) ? `0${v}` : v);
    }
    // Months in the export's format become our YYYY-MM; an unreadable one is reported here, once.
    const startCell = cellOf(row, "start") ?? "";
    const endCell = cellOf(row, "end") ?? "";
    const start = readMonth(startCell, mapping.dateFormat);
    const end = endCell === "" ? null : readMonth(endCell, mapping.dateFormat);
    if (start === null) issues.push(at(tFile, row.line, tCols.get("start")!.header, notAMonth("start", startCell, mapping.dateFormat), "invalid_format"));
    if (end === null && endCell !== "") issues.push(at(tFile, row.line, tCols.get("end")!.header, notAMonth("end", endCell, mapping.dateFormat), "invalid_format"));
    rec.start = start === null ? startCell : formatMonth(start);
    rec.end = endCell === "" ? null : end === null ? endCell : formatMonth(end);
    let months: Imported["months"] = null;
    // Without readable months in order there is no care to place use in; the row says why.
    if (start !== null && (end !== null || endCell === "") && (end === null || end >= start)) {
      const first = Math.max(start, windowStart);
      const last = Math.min(end ?? windowEnd, windowEnd);
      months = { first, count: Math.max(0, last - first + 1), start, end };
    }
    const scale = scales.get(rec.unit as string) ?? null;
    const useCell = cellOf(row, "use") ?? "";
    const constant = useCell !== "";
    if (constant) {
      const v = readUse(useCell, mapping.decimalComma, scale);
      if (typeof v === "number") rec.use = v;
      else {
        issues.push(at(tFile, row.line, useHeader, v, "invalid_type"));
        rec.use = 0;
      }
    } else if (uTable !== null) {
      rec.use = new Array<number>(months?.count ?? 0).fill(0);
    } else {
      if ((months?.count ?? 0) > 0) {
        issues.push(at(tFile, row.line, useHeader, "use is empty and no use CSV was given", "missing_use"));
      }
      rec.use = new Array<number>(months?.count ?? 0).fill(0);
    }
    const id = rec.id as string;
    if (id !== "" && !byId.has(id)) byId.set(id, imported.length);
    imported.push({
      row,
      id,
      raw,
      badDate: start === null || (end === null && endCell !== ""),
      months,
      constant,
      scale,
      use: constant || uTable === null ? null : (rec.use as number[]),
      useLines: constant || uTable === null || months === null ? null : new Int32Array(months.count),
    });
    records.push(rec);
  }

  // Use rows → the use arrays of their trajectories.
  const useRowOf = new Map<number, number>(); // use line → imported index of its trajectory
  if (uTable !== null && uCols !== null) {
    const col = (f: UseCsvField) => uCols.get(f)!;
    const here = (row: CsvRow, f: UseCsvField, message: string, code = "custom"): void => {
      issues.push(at(uFile, row.line, col(f).header, message, code));
    };
    for (const row of uTable.rows) {
      if (!checkWidth(uTable, row, issues)) continue;
      const id = row.cells[col("id").index] ?? "";
      const monthCell = row.cells[col("month").index] ?? "";
      const useCell = row.cells[col("use").index] ?? "";
      if (id === "") {
        here(row, "id", "trajectory id is empty", "too_small");
        continue;
      }
      const t = byId.get(id);
      if (t === undefined) {
        here(row, "id", `no trajectory "${excerpt(id)}" in ${tFile}`, "unknown_trajectory");
        continue;
      }
      useRowOf.set(row.line, t);
      const tr = imported[t]!;
      const value = useCell === "" ? "use is empty" : readUse(useCell, mapping.decimalComma, tr.scale);
      if (typeof value === "string") here(row, "use", value, "invalid_type");
      const month = readMonth(monthCell, mapping.dateFormat);
      if (month === null) {
        here(row, "month", notAMonth("month", monthCell, mapping.dateFormat), "invalid_format");
        continue;
      }
      if (month < windowStart || month > windowEnd) {
        here(row, "month", `month ${formatMonth(month)} is outside the window ${formatMonth(windowStart)} … ${formatMonth(windowEnd)}`, "outside_window");
        continue;
      }
      if (tr.constant) {
        here(row, "use", `trajectory "${excerpt(id)}" already has one use for every month (${tFile} line ${tr.row.line}); give use there or here, not both`, "conflicting_use");
        continue;
      }
      if (tr.months === null || tr.use === null || tr.useLines === null) continue; // its start or end is reported on its own row
      const k = month - tr.months.first;
      if (k < 0 || k >= tr.months.count) {
        const care = `${formatMonth(tr.months.start)} … ${tr.months.end === null ? "(open)" : formatMonth(tr.months.end)}`;
        here(row, "month", `month ${formatMonth(month)} is outside the care of trajectory "${excerpt(id)}" (${care})`, "outside_trajectory");
        continue;
      }
      const firstLine = tr.useLines[k]!;
      if (firstLine !== 0) {
        here(row, "month", `a second use row for trajectory "${excerpt(id)}" in ${formatMonth(month)} (first on line ${firstLine})`, "duplicate_month");
        continue;
      }
      tr.useLines[k] = row.line;
      if (typeof value === "number") tr.use[k] = value;
    }
    if (mapping.missingUse === "error") {
      for (const tr of imported) {
        if (tr.useLines === null || tr.months === null) continue;
        const missing: string[] = [];
        tr.useLines.forEach((line, k) => {
          if (line === 0) missing.push(formatMonth(tr.months!.first + k));
        });
        if (missing.length > 0) {
          const list = missing.length > 6 ? `${missing.slice(0, 6).join(", ")}, … (${missing.length} months)` : missing.join(", ");
          issues.push(at(tFile, tr.row.line, null, `trajectory "${excerpt(tr.id)}" has no row in ${uFile} for ${list}`, "missing_use"));
        }
      }
    }
  }

  // An unreadable start or end is reported in the export's date format above; the records' own
  // "not a month" and "end before start" would say it again. (For records numbered as `imported`.)
  const saidAlready = (issue: Issue): boolean => {
    const i = issue.path[0];
    const tr = typeof i === "number" ? imported[i] : undefined;
    return tr !== undefined && tr.badDate && (issue.path[1] === "start" || issue.path[1] === "end");
  };
  // Issues of the records numbered as `indexes`, at their line and column. (A bad date's own
  // issues never reach here: `saidAlready` drops them, and a row with one is never among the kept.)
  const located = (recordIssues: readonly Issue[], indexes: readonly number[]): Issue[] =>
    recordIssues.map((issue) => {
      const i = issue.path[0];
      const path = typeof i === "number" ? [indexes[i]!, ...issue.path.slice(1)] : issue.path;
      return locateRecordIssue({ ...issue, path }, imported, byId, tFile, uFile, tCols, uCols, useHeader);
    });

  if (!skip) {
    // The records' own rules, each issue mapped back to its line and column.
    const result = validateRecords(records, recordOptions, false, saidAlready);
    for (const issue of located(result.issues, imported.map((_, i) => i))) issues.push(issue);
    issues.omitted += result.omitted;
    if (issues.length > 0 || result.caseload === null) throw new FundingInputError("caseload CSV", sortIssues(issues.kept, [tFile, uFile], tTable, uTable), issues.omitted);
    return finish(result.caseload, []);
  }

  // Skip: the rows with issues, then what they take with them, then the records' own rules.
  const byRow = new Map<string, Issue[]>(); // "file:line" → issues
  const key = (file: string, line: number): string => `${file}:${line}`;
  // Each row's issues: all of them up to MAX_KEPT_ISSUES in all, past it a row's first only (the
  // others counted in `notNoted`), so every bad row is rejected with a reason.
  let noted = 0;
  let notNoted = issues.omitted;
  const note = (issue: Issue): void => {
    const [file, line] = issue.path;
    const k = key(file as string, line as number);
    const list = byRow.get(k);
    if (list === undefined) byRow.set(k, [issue]);
    else if (noted < MAX_KEPT_ISSUES) list.push(issue);
    else {
      notNoted++;
      return;
    }
    noted++;
  };
  issues.kept.forEach(note);
  // Each record's own rules, over every record, so a row rejected for one reason shows all of them.
  const rejectedT = new Set<number>();
  const all = imported.map((_, i) => i);
  for (const r of validateRecords(records, recordOptions, true, saidAlready).rejected) {
    rejectedT.add(r.index);
    located(r.issues, all).forEach(note);
  }
  imported.forEach((tr, t) => {
    if (byRow.has(key(tFile, tr.row.line))) rejectedT.add(t);
  });
  for (const [line, t] of useRowOf) {
    if (byRow.has(key(uFile, line)) && !rejectedT.has(t)) {
      rejectedT.add(t);
      note(at(tFile, imported[t]!.row.line, null, `its use on line ${line} of ${uFile} was rejected`, "rejected_use"));
    }
  }
  const kept = all.filter((i) => !rejectedT.has(i));
  const result = validateRecords(
    kept.map((i) => records[i]!),
    recordOptions,
    true,
  );
  // Every rule was applied above, so nothing new should fail here; if it does, it is still reported.
  for (const r of result.rejected) {
    rejectedT.add(kept[r.index]!);
    located(r.issues, kept).forEach(note);
  }
  for (const [line, t] of useRowOf) {
    if (rejectedT.has(t) && !byRow.has(key(uFile, line))) {
      note(at(uFile, line, null, `its trajectory "${excerpt(imported[t]!.id)}" (line ${imported[t]!.row.line} of ${tFile}) was rejected`, "rejected_trajectory"));
    }
  }
  if (result.caseload === null || rejectedT.size === imported.length) {
    throw new FundingInputError("caseload CSV", sortIssues([...byRow.values()].flat(), [tFile, uFile], tTable, uTable), notNoted);
  }
  const rowsOf = (table: CsvTable): CsvRow[] => table.rows.filter((row) => byRow.has(key(table.file, row.line)));
  const idCell = (table: CsvTable, row: CsvRow): string | null => {
    const c = table === tTable ? tCols.get("id") : uCols?.get("id");
    const v = c === undefined ? "" : (row.cells[c.index] ?? "");
    return v === "" ? null : v;
  };
  const rejected: RejectedRow[] = [];
  for (const table of uTable ? [tTable, uTable] : [tTable]) {
    for (const row of rowsOf(table)) {
      rejected.push({ file: table.file, line: row.line, id: idCell(table, row), cells: row.cells, issues: sortIssues(byRow.get(key(table.file, row.line))!, [tFile, uFile], tTable, uTable) });
    }
  }
  return finish(result.caseload, rejected);

  function finish(caseload: Caseload, rejected: RejectedRow[]): CaseloadImport {
    const tRejected = rejected.filter((r) => r.file === tFile).length;
    const uRejected = rejected.length - tRejected;
    const useRows = uTable?.rows.length ?? 0;
    const counts: ImportCounts = {
      trajectoryRows: tTable!.rows.length,
      trajectoriesImported: caseload.size,
      trajectoriesRejected: tRejected,
      useRows,
      useRowsImported: useRows - uRejected,
      useRowsRejected: uRejected,
    };
    // Never a silently dropped row: a row not imported is a rejected row with its reason.
    if (counts.trajectoriesImported + counts.trajectoriesRejected !== counts.trajectoryRows) {
      throw new RangeError(`caseload CSV: ${counts.trajectoryRows} rows read but ${counts.trajectoriesImported} imported and ${counts.trajectoriesRejected} rejected (a bug in the import)`);
    }
    return {
      caseload,
      rejected,
      warnings: plausibilityWarnings(caseload, mapping),
      counts,
      headers: { trajectories: tTable!.headers, use: uTable?.headers ?? null, delimiter: tTable!.delimiter },
      files: { trajectories: tFile, use: uTable ? uFile : null },
    };
  }
}

/**
 * The rejected rows of one file of an import as CSV, to fix and import again: the file's own
 * header and cells (so the same mapping reads it) and a last column `reden` with every reason of
 * the row (`line 14, column "Einde": …`; several joined by ` | `). Written with the import's
 * delimiter. `file: "use"` gives the use CSV's rejected rows ("" when there was no use CSV).
 * @category Import (CSV and records)
 */
export function rejectedRowsToCsv(result: CaseloadImport, file: "trajectories" | "use" = "trajectories"): string {
  const header = file === "trajectories" ? result.headers.trajectories : result.headers.use;
  const name = file === "trajectories" ? result.files.trajectories : result.files.use;
  if (header === null || name === null) return "";
  const reason = header.includes("reden") ? "reden afwijzing" : "reden";
  const rows = result.rejected.filter((r) => r.file === name).map((r) => [...header.map((_, i) => r.cells[i] ?? ""), r.issues.map((i) => i.message).join(" | ")]);
  // Every cell is text as read (and the reasons): guarded against formulas, stripped again on import.
  return stringifyCsv([[...header, reason], ...rows].map((row) => row.map(guardCsvText)), result.headers.delimiter, false);
}

/** Maps an issue of `caseloadFromRecords` at `[index, field, …]` to the CSV line and column it came from. */
function locateRecordIssue(
  issue: Issue,
  imported: readonly Imported[],
  byId: ReadonlyMap<string, number>,
  tFile: string,
  uFile: string,
  tCols: ReadonlyMap<TrajectoryCsvField, { index: number; header: string }>,
  uCols: ReadonlyMap<UseCsvField, { index: number; header: string }> | null,
  useHeader: string | null,
): Issue {
  const [index, field, k] = issue.path;
  const tr = typeof index === "number" ? imported[index] : undefined;
  if (tr === undefined) return { ...issue, path: [tFile, ...issue.path] };
  const name = typeof field === "string" ? field : null;
  // A month's use from the use CSV is reported on that month's row.
  if (name === "use" && typeof k === "number" && tr.useLines !== null && uCols !== null) {
    const line = tr.useLines[k] ?? 0;
    if (line > 0) return at(uFile, line, uCols.get("use")!.header, issue.message, issue.code);
  }
  const column = name === null ? null : name === "use" ? useHeader ?? "use" : (tCols.get(name as TrajectoryCsvField)?.header ?? name);
  let message = issue.message;
  if (name !== null && (MAPPED_FIELDS as readonly string[]).includes(name) && issue.code === "invalid_value") {
    const f = name as MappedField;
    message = `${f} "${excerpt(tr.raw[f] ?? "")}" is not one of ${CODE_LISTS[f].join(", ")}; translate the export's codes with mapping.values.${f}`;
  } else if (name === "id" && issue.code === "custom") {
    const first = byId.get(tr.id);
    if (first !== undefined && imported[first] !== tr) message += ` (first on line ${imported[first]!.row.line})`;
  }
  return at(tFile, tr.row.line, column, message, issue.code);
}

/** Issues in reading order: trajectories file first, then by line, then by column. */
function sortIssues(issues: readonly Issue[], files: readonly string[], ...tables: (CsvTable | null)[]): Issue[] {
  const columnIndex = (file: unknown, column: unknown): number => {
    const t = tables.find((x) => x?.file === file);
    const i = t && typeof column === "string" ? t.headers.indexOf(column) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const key = (i: Issue): [number, number, number] => {
    const [file, line, column] = i.path;
    const f = files.indexOf(file as string);
    return [f < 0 ? files.length : f, typeof line === "number" ? line : 0, column === undefined ? -1 : columnIndex(file, column)];
  };
  return issues
    .map((issue, n) => ({ issue, n, k: key(issue) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.n - b.n)
    .map((x) => x.issue);
}

/**
 * {@link caseloadFromCsv} returning `{ success, output | issues }` instead of throwing for bad input.
 * @category Import (CSV and records)
 */
export function safeCaseloadFromCsv(text: string, options: CaseloadCsvOptions): SafeResult<Caseload> {
  try {
    return { success: true, output: caseloadFromCsv(text, options) };
  } catch (e) {
    if (e instanceof FundingInputError) return { success: false, issues: e.issues, ...(e.omittedIssues > 0 ? { omittedIssues: e.omittedIssues } : {}) };
    throw e;
  }
}
