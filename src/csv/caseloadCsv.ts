import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, OUTCOMES, UNIT_CODES } from "../caseload/codes.js";
import { caseloadFromRecords, type FromRecordsOptions } from "../caseload/records.js";
import { FundingInputError, fromZodIssues, type Issue, type SafeResult } from "../errors.js";
import { formatMonth, HorizonSchema, MONTH_RE, parseMonth, type Month } from "../period.js";

/**
 * Columns of a trajectories CSV, one row per trajectory. The default header of each column is the
 * field name itself (`id`, `careForm`, …); `mapping.columns` renames them for a region's own export.
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
/** One of {@link TRAJECTORY_CSV_FIELDS}. */
export type TrajectoryCsvField = (typeof TRAJECTORY_CSV_FIELDS)[number];

/** Columns a trajectories CSV must have; the others may be left out (defaults as in `TrajectoryInputSchema`). */
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

/** Columns of a use CSV, one row per trajectory-month; all three are required. */
export const USE_CSV_FIELDS = ["id", "month", "use"] as const;
/** One of {@link USE_CSV_FIELDS}. */
export type UseCsvField = (typeof USE_CSV_FIELDS)[number];

/** Delimiters the import detects and the export writes. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;
/** One of {@link CSV_DELIMITERS}. */
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
    missingUse: z
      .enum(["zero", "error"])
      .default("zero")
      .describe("a month in care without a row in the use CSV: 'zero' (no use that month) or 'error'"),
  });
/** A CSV mapping as users write it (see {@link CsvMappingSchema}). */
export type CsvMappingInput = z.input<typeof CsvMappingSchema>;
/** A CSV mapping with its defaults filled in. */
export type CsvMapping = z.output<typeof CsvMappingSchema>;

/** Options of {@link caseloadFromCsv}: the window and dictionaries of `caseloadFromRecords`, plus how to read the CSV. */
export interface CaseloadCsvOptions extends FromRecordsOptions {
  /** The use CSV (one row per trajectory-month: id, month, use), when use is not one number per trajectory. */
  readonly useCsv?: string;
  /** Column names, code translations, delimiter (see {@link CsvMappingSchema}). */
  readonly mapping?: CsvMappingInput;
  /** Names of the two texts in error paths and messages (default `trajectories.csv`, `use.csv`). */
  readonly fileNames?: { readonly trajectories?: string; readonly use?: string };
}

/** A data row of a CSV: the line it starts on (header = line 1) and its trimmed cells. */
interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed CSV text. */
interface CsvTable {
  readonly file: string;
  readonly headers: readonly string[];
  /** Line of the header: 1 unless blank lines precede it. */
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

const TRAJECTORY_FILE = "trajectories.csv";
const USE_FILE = "use.csv";
const WHOLE_NUMBER = /^[+-]?\d+$/;
const MAPPED_FIELDS = ["careForm", "unit", "outcome"] as const;
type MappedField = (typeof MAPPED_FIELDS)[number];
const CODE_LISTS: Readonly<Record<MappedField, readonly string[]>> = { careForm: CARE_FORMS, unit: UNIT_CODES, outcome: OUTCOMES };

/** An issue located at a line (and column) of a CSV file: path `[file, line, column]`, message `line 14, column "Einde": …`. */
function at(file: string, line: number, column: string | null, message: string, code = "custom"): Issue {
  return column === null
    ? { code, path: [file, line], message: `line ${line}: ${message}` }
    : { code, path: [file, line, column], message: `line ${line}, column "${column}": ${message}` };
}

/**
 * The delimiter of a CSV text: whichever of `;`, `,` and tab occurs most often outside quotes in
 * its first non-empty line (the header); `,` when none does.
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
function readTable(text: string, file: string, delimiter: CsvDelimiter | undefined, issues: Issue[]): CsvTable | null {
  // The byte order mark goes before the delimiter is detected from the header line.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: string[][];
  try {
    // Blank lines are kept as records (one empty cell) so that lines can be counted from the records
    // alone: csv-parse's per-record `info` costs more than the parse itself on a large use file.
    parsed = parse(body, { delimiter: delimiter ?? detectDelimiter(body), relax_column_count: true });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e.lines === "number" ? e.lines : 1;
    issues.push(at(file, line, null, `not readable as CSV: ${e.message}`, "csv_syntax"));
    return null;
  }
  let headers: string[] | null = null;
  let headerLine = 1;
  const rows: CsvRow[] = [];
  let line = 1;
  for (const record of parsed) {
    const cells = record.map((c) => c.trim());
    const here = line;
    line += 1 + lineBreaks(record);
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
  return { file, headers, headerLine, rows };
}

/** Column positions of the fields in a table's header; reports missing and ambiguous columns. */
function locate<F extends string>(
  table: CsvTable,
  fields: readonly F[],
  names: Partial<Record<F, string | undefined>>,
  required: readonly F[],
  issues: Issue[],
): Map<F, { index: number; header: string }> {
  const out = new Map<F, { index: number; header: string }>();
  const found = table.headers.map((h) => `"${h}"`).join(", ");
  for (const field of fields) {
    const header = names[field] ?? field;
    const index = table.headers.indexOf(header);
    if (index < 0) {
      if (required.includes(field)) {
        const forField = header === field ? "" : ` (for ${field})`;
        issues.push({
          code: "missing_column",
          path: [table.file, table.headerLine, header],
          message: `line ${table.headerLine}: missing column "${header}"${forField}; the header has ${found}`,
        });
      }
      continue;
    }
    if (table.headers.indexOf(header, index + 1) >= 0) {
      issues.push({
        code: "duplicate_column",
        path: [table.file, table.headerLine, header],
        message: `line ${table.headerLine}: column "${header}" appears more than once; which one holds ${field} is unclear`,
      });
      continue;
    }
    out.set(field, { index, header });
  }
  return out;
}

/** Reports a row whose number of cells differs from the header's (extra empty cells are tolerated). */
function checkWidth(table: CsvTable, row: CsvRow, issues: Issue[]): boolean {
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
  /** First month in the window and number of months in care inside it; null when start or end is unreadable. */
  readonly months: { readonly first: Month; readonly count: number; readonly start: Month; readonly end: Month | null } | null;
  /** Whether use came from the trajectory row (one number for every month). */
  readonly constant: boolean;
  /** Use per month from the use CSV (filled in as its rows are read), or null. */
  readonly use: number[] | null;
  /** Line in the use CSV of each month's row (0: none). */
  readonly useLines: Int32Array | null;
}

/**
 * Imports a caseload export as CSV: one row per trajectory and, optionally (`useCsv`), one row per
 * trajectory-month of use. Headers are matched exactly after trimming (see {@link CsvMappingSchema}
 * for a region's own names and codes); columns the mapping does not name are ignored. Cells are
 * trimmed; a byte order mark is dropped; the delimiter is detected from the header unless given.
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
 */
export function caseloadFromCsv(text: string, options: CaseloadCsvOptions): Caseload {
  if (typeof text !== "string") {
    throw new FundingInputError("caseload CSV", [{ code: "invalid_type", path: [], message: "expected the CSV text as a string" }]);
  }
  if (typeof options !== "object" || options === null) {
    throw new FundingInputError("caseload CSV options", [
      { code: "invalid_type", path: ["window"], message: 'needs the window the use covers, e.g. { window: { start: "2026-01", months: 12 } }' },
    ]);
  }
  const { useCsv, mapping: mappingInput, fileNames, ...recordOptions } = options;
  const m = CsvMappingSchema.safeParse(mappingInput ?? {});
  if (!m.success) throw new FundingInputError("CSV mapping", fromZodIssues(m.error.issues, ["mapping"]));
  const mapping = m.data;
  const w = HorizonSchema.safeParse(options.window);
  if (!w.success) throw new FundingInputError("caseload window", fromZodIssues(w.error.issues, ["window"]));
  const windowStart = parseMonth(w.data.start);
  const windowEnd = windowStart + w.data.months - 1;
  const tFile = fileNames?.trajectories ?? TRAJECTORY_FILE;
  const uFile = fileNames?.use ?? USE_FILE;
  const issues: Issue[] = [];

  // Headers first: without its columns no row can be read.
  const tTable = readTable(text, tFile, mapping.delimiter, issues);
  const uTable = useCsv === undefined ? null : readTable(useCsv, uFile, mapping.delimiter, issues);
  if (tTable === null || (useCsv !== undefined && uTable === null)) {
    throw new FundingInputError("caseload CSV", sortIssues(issues, [tFile, uFile], tTable, uTable));
  }
  const tCols = locate(tTable, TRAJECTORY_CSV_FIELDS, mapping.columns, REQUIRED_TRAJECTORY_CSV_FIELDS, issues);
  const uCols = uTable ? locate(uTable, USE_CSV_FIELDS, mapping.useColumns, USE_CSV_FIELDS, issues) : null;
  const useHeader = tCols.get("use")?.header ?? null;
  if (useHeader === null && uTable === null && !issues.some((i) => i.code === "duplicate_column")) {
    issues.push(
      at(tFile, tTable.headerLine, null, `no use: the header has no "${mapping.columns.use ?? "use"}" column and no use CSV was given; give one or the other`, "missing_column"),
    );
  }
  if (issues.length > 0) throw new FundingInputError("caseload CSV", sortIssues(issues, [tFile, uFile], tTable, uTable));

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
    for (const field of ["id", "municipality", "provider", "profile", "start", "outcome", "careForm", "unit"] as const) {
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
    const endCell = cellOf(row, "end") ?? "";
    rec.end = endCell === "" ? null : endCell;
    const start = MONTH_RE.test(rec.start as string) ? parseMonth(rec.start as string) : null;
    const end = endCell === "" ? null : MONTH_RE.test(endCell) ? parseMonth(endCell) : undefined;
    let months: Imported["months"] = null;
    if (start !== null && end !== undefined) {
      const first = Math.max(start, windowStart);
      const last = Math.min(end ?? windowEnd, windowEnd);
      months = { first, count: Math.max(0, last - first + 1), start, end };
    }
    const useCell = cellOf(row, "use") ?? "";
    const constant = useCell !== "";
    if (constant) {
      if (WHOLE_NUMBER.test(useCell)) rec.use = Number(useCell);
      else {
        issues.push(at(tFile, row.line, useHeader, `use "${useCell}" is not a whole number (minutes for hours, etmalen, dagdelen, …)`, "invalid_type"));
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
      months,
      constant,
      use: constant || uTable === null ? null : (rec.use as number[]),
      useLines: constant || uTable === null || months === null ? null : new Int32Array(months.count),
    });
    records.push(rec);
  }

  // Use rows → the use arrays of their trajectories.
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
      let value: number | null = null;
      if (!WHOLE_NUMBER.test(useCell)) {
        here(row, "use", useCell === "" ? "use is empty" : `use "${useCell}" is not a whole number (minutes for hours, etmalen, dagdelen, …)`, "invalid_type");
      } else value = Number(useCell);
      if (id === "") {
        here(row, "id", "trajectory id is empty", "too_small");
        continue;
      }
      const t = byId.get(id);
      if (t === undefined) {
        here(row, "id", `no trajectory "${id}" in ${tFile}`, "unknown_trajectory");
        continue;
      }
      if (!MONTH_RE.test(monthCell)) {
        here(row, "month", `"${monthCell}" is not a month as YYYY-MM, e.g. 2026-01`, "invalid_format");
        continue;
      }
      const month = parseMonth(monthCell);
      if (month < windowStart || month > windowEnd) {
        here(row, "month", `month ${monthCell} is outside the window ${formatMonth(windowStart)} … ${formatMonth(windowEnd)}`, "outside_window");
        continue;
      }
      const tr = imported[t]!;
      if (tr.constant) {
        here(row, "use", `trajectory "${id}" already has one use for every month (${tFile} line ${tr.row.line}); give use there or here, not both`, "conflicting_use");
        continue;
      }
      if (tr.months === null || tr.use === null || tr.useLines === null) continue; // its start or end is reported on its own row
      const k = month - tr.months.first;
      if (k < 0 || k >= tr.months.count) {
        const care = `${formatMonth(tr.months.start)} … ${tr.months.end === null ? "(open)" : formatMonth(tr.months.end)}`;
        here(row, "month", `month ${monthCell} is outside the care of trajectory "${id}" (${care})`, "outside_trajectory");
        continue;
      }
      const firstLine = tr.useLines[k]!;
      if (firstLine !== 0) {
        here(row, "month", `a second use row for trajectory "${id}" in ${monthCell} (first on line ${firstLine})`, "duplicate_month");
        continue;
      }
      tr.useLines[k] = row.line;
      if (value !== null) tr.use[k] = value;
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
          issues.push(at(tFile, tr.row.line, null, `trajectory "${tr.id}" has no row in ${uFile} for ${list}`, "missing_use"));
        }
      }
    }
  }

  // The records' own rules, each issue mapped back to its line and column.
  let caseload: Caseload | null = null;
  try {
    caseload = caseloadFromRecords(records, recordOptions);
  } catch (e) {
    if (!(e instanceof FundingInputError) || e.subject !== "caseload records") throw e;
    for (const issue of e.issues) {
      // "end … is before start …" compares text when a month is unreadable; that month is reported already.
      const tr = typeof issue.path[0] === "number" ? imported[issue.path[0]] : undefined;
      if (tr !== undefined && tr.months === null && issue.path[1] === "end" && issue.code === "custom") continue;
      issues.push(locateRecordIssue(issue, imported, byId, tFile, uFile, tCols, uCols, useHeader));
    }
  }
  if (issues.length > 0 || caseload === null) throw new FundingInputError("caseload CSV", sortIssues(issues, [tFile, uFile], tTable, uTable));
  return caseload;
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
    message = `${f} "${tr.raw[f] ?? ""}" is not one of ${CODE_LISTS[f].join(", ")}; translate the export's codes with mapping.values.${f}`;
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

/** {@link caseloadFromCsv} returning `{ success, output | issues }` instead of throwing for bad input. */
export function safeCaseloadFromCsv(text: string, options: CaseloadCsvOptions): SafeResult<Caseload> {
  try {
    return { success: true, output: caseloadFromCsv(text, options) };
  } catch (e) {
    if (e instanceof FundingInputError) return { success: false, issues: e.issues };
    throw e;
  }
}
