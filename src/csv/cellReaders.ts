import { Decimal } from "decimal.js";
import { daysInMonth, MONTH_RE, parseMonth, type Month } from "../period.js";
import { excerpt } from "../excerpt.js";

/**
 * How months are written in a region's export. Start and end of care are months; a day date is
 * read as the month it falls in (`15-06-2026` → 2026-06).
 * - `jjjj-mm` (default): `2026-06`;
 * - `jjjj-mm-dd`: `2026-06-15`;
 * - `dd-mm-jjjj`: `15-06-2026`, as Dutch administrations and Excel write dates;
 * - `mm-jjjj`: `06-2026`;
 * - `excel`: Excel's serial day number (`46188` is 15 June 2026), as a date column often arrives
 *   when a sheet is saved as CSV with a number format.
 * `-`, `/` and `.` all separate the parts, and day and month may have one digit (`1-3-2026`).
 * @category Import (CSV and records)
 */
export const DATE_FORMATS = ["jjjj-mm", "jjjj-mm-dd", "dd-mm-jjjj", "mm-jjjj", "excel"] as const;
/**
 * One of {@link DATE_FORMATS}.
 * @category Import (CSV and records)
 */
export type DateFormat = (typeof DATE_FORMATS)[number];

const SEP = "[-/.]";
const PATTERNS: Readonly<Record<Exclude<DateFormat, "excel">, RegExp>> = {
  "jjjj-mm": new RegExp(`^(\\d{4})${SEP}(\\d{1,2})$`),
  "jjjj-mm-dd": new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`),
  "dd-mm-jjjj": new RegExp(`^(\\d{1,2})${SEP}(\\d{1,2})${SEP}(\\d{4})$`),
  "mm-jjjj": new RegExp(`^(\\d{1,2})${SEP}(\\d{4})$`),
};
/** Excel's serial day 61 is 1 March 1900; below it Excel counts a 29 February 1900 that never was. */
const EXCEL_FIRST = 61;
/** Serial day 2,958,465 is 31 December 9999, Excel's last date. */
const EXCEL_LAST = 2958465;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A month from a day, month and year, or null when the day or month does not exist. */
function monthOf(year: number, month: number, day: number | null): Month | null {
  if (month < 1 || month > 12 || year < 1) return null;
  const m = parseMonth(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`);
  if (day !== null && (day < 1 || day > daysInMonth(m))) return null;
  return m;
}

/** Reads a month written in `format`; null when the cell is not such a date. */
export function readMonth(cell: string, format: DateFormat): Month | null {
  if (format === "excel") {
    if (!/^\d+([.,]\d+)?$/.test(cell)) return null;
    const serial = Math.floor(Number(cell.replace(",", ".")));
    if (serial < EXCEL_FIRST || serial > EXCEL_LAST) return null;
    const d = new Date(EXCEL_EPOCH + serial * 86_400_000);
    return monthOf(d.getUTCFullYear(), d.getUTCMonth() + 1, null);
  }
  if (format === "jjjj-mm" && MONTH_RE.test(cell)) return parseMonth(cell);
  const m = PATTERNS[format].exec(cell);
  if (m === null) return null;
  const n = m.slice(1).map(Number);
  switch (format) {
    case "jjjj-mm":
      return monthOf(n[0]!, n[1]!, null);
    case "jjjj-mm-dd":
      return monthOf(n[0]!, n[1]!, n[2]!);
    case "dd-mm-jjjj":
      return monthOf(n[2]!, n[1]!, n[0]!);
    case "mm-jjjj":
      return monthOf(n[1]!, n[0]!, null);
  }
}

/** The other formats a cell reads as, to suggest the right setting when the chosen one fails. */
export function dateFormatsOf(cell: string): DateFormat[] {
  return DATE_FORMATS.filter((f) => f !== "excel" && readMonth(cell, f) !== null);
}

/** Why a cell is not a month in `format`, with the setting that would read it when there is one. */
export function notAMonth(what: string, cell: string, format: DateFormat): string {
  if (cell === "") return `${what} is empty`;
  const example = format === "excel" ? "46188" : formatExample(format);
  const others = dateFormatsOf(cell).filter((f) => f !== format);
  const hint = others.length > 0 ? `; it reads as ${others[0]}: set mapping.dateFormat to "${others[0]}"` : "";
  return `${what} "${excerpt(cell)}" is not a date as ${format} (e.g. ${example})${hint}`;
}

function formatExample(format: Exclude<DateFormat, "excel">): string {
  return { "jjjj-mm": "2026-06", "jjjj-mm-dd": "2026-06-15", "dd-mm-jjjj": "15-06-2026", "mm-jjjj": "06-2026" }[format];
}

const POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;
/** Thousands grouped by points, as Dutch Excel writes 1.234,5. */
const COMMA_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;

/**
 * Reads a number written with a decimal point (or, with `decimalComma`, a decimal comma and
 * optionally points between thousands: `1.234,5`) as an exact decimal; null when it is not one.
 * With a decimal comma a lone point is refused rather than guessed: `7.5` could be 7½ or 75.
 */
export function readDecimal(cell: string, decimalComma: boolean): Decimal | null {
  if (decimalComma) {
    if (COMMA.test(cell)) return new Decimal(cell.replace(",", "."));
    if (COMMA_GROUPED.test(cell)) return new Decimal(cell.replace(/\./g, "").replace(",", "."));
    return null;
  }
  return POINT.test(cell) ? new Decimal(cell) : null;
}

/**
 * A month's use in our measure: the export's number × the unit's scale (e.g. 60 for hours given
 * as hours), which must come out whole. Returns the number or the reason it cannot be read.
 */
export function readUse(cell: string, decimalComma: boolean, scale: Decimal | null): number | string {
  const d = readDecimal(cell, decimalComma);
  if (d === null) {
    const other = readDecimal(cell, !decimalComma) !== null;
    const hint = other ? (decimalComma ? " (with mapping.decimalComma a decimal point is not read)" : "; a decimal comma? set mapping.decimalComma") : "";
    return `use "${excerpt(cell)}" is not a number${hint}`;
  }
  const v = scale === null ? d : d.times(scale);
  if (!v.isInteger()) {
    return scale === null
      ? `use "${excerpt(cell)}" is not a whole number (minutes for hours, etmalen, dagdelen, …); hours given as hours? set mapping.useScale`
      : `use "${excerpt(cell)}" × ${scale.toString()} = ${v.toString()} is not a whole number`;
  }
  if (v.isNegative()) return `use "${excerpt(cell)}" must not be negative`;
  if (v.greaterThan(2147483647)) return `use "${excerpt(cell)}" is beyond 2^31 − 1`;
  return v.toNumber();
}
