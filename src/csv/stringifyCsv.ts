/**
 * Rows to CSV text (RFC 4180) in plain string operations, so the main entry needs no `Buffer`
 * (csv-stringify, used before, touches it as soon as it is imported). The output is
 * csv-stringify's for the same rows, delimiter and BOM, which a property test holds it to.
 */

/**
 * CSV text of `rows`: a cell is quoted when it holds the delimiter, a quote or a line break (its
 * quotes doubled); every row ends in `\n`; `bom` puts a UTF-8 byte order mark first (Excel then
 * reads the text as UTF-8).
 */
export function stringifyCsv(rows: readonly (readonly string[])[], delimiter: string, bom: boolean): string {
  const out = new CsvLines(delimiter, bom);
  for (const row of rows) out.add(row);
  return out.text();
}

/**
 * {@link stringifyCsv} a row at a time: each row becomes its line as it is added, so an export of
 * millions of rows never holds them all as arrays (their garbage was a third of an export's time).
 */
export class CsvLines {
  /** The lines since the last chunk, and the chunks: a few thousand lines joined into one flat string each. */
  private lines: string[] = [];
  private readonly chunks: string[];
  constructor(
    private readonly delimiter: string,
    bom: boolean,
  ) {
    this.chunks = bom ? ["\ufeff"] : [];
  }
  /** Adds a row: its cells, quoted where needed, joined by the delimiter, and a line break. */
  add(row: readonly string[]): void {
    let line = "";
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      if (i > 0) line += this.delimiter;
      line += needsQuotes(cell, this.delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
    }
    this.lines.push(line, "\n");
    // Millions of line strings kept to the end would each survive into the old generation, and
    // collecting them cost more than writing them: join them a few thousand at a time.
    if (this.lines.length >= 8192) this.flush();
  }
  /** The CSV text of every row added. */
  text(): string {
    this.flush();
    return this.chunks.join("");
  }
  private flush(): void {
    if (this.lines.length === 0) return;
    this.chunks.push(this.lines.join(""));
    this.lines = [];
  }
}

function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r");
}

/**
 * A cell that holds a number as written (`-6000.00`, `-6000,00`, `12`, `0.2500`): exports write it
 * as it is. Every other cell is text and goes through {@link guardCsvText}. Exports mark their
 * numbers where they make them, so the guard never has to guess from a cell's content (which would
 * let text such as `-1+cmd` through as "a number").
 */
export class NumberCell {
  constructor(readonly text: string) {}
}

/** A cell of an export: text (guarded) or a {@link NumberCell} (as it is). */
export type CsvCell = string | NumberCell;

/** A number's text as a {@link NumberCell}. */
export const numberCell = (text: string): NumberCell => new NumberCell(text);

/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);
/** What follows the guard's quote: a formula's first character, or a quote (a guarded text that began with one). */
const GUARDED_START = new Set([...FORMULA_START, "'"]);

/**
 * A text cell made safe to open in a spreadsheet (the OWASP rule against CSV injection): text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single quote in front, so Excel
 * and LibreOffice show it as text instead of running it as a formula (`=HYPERLINK(…)` →
 * `'=HYPERLINK(…)`). Text that starts with a quote is left as it is (`'s-Hertogenbosch`), unless
 * {@link unguardCsvText} would take that quote for a guard — when a formula character or a second
 * quote follows it (`'=x` → `''=x`). Numbers are never passed here ({@link NumberCell}).
 * @category Import (CSV and records)
 */
export function guardCsvText(text: string): string {
  const guard = text.length > 0 && (FORMULA_START.has(text[0]!) || (text[0] === "'" && GUARDED_START.has(text[1] ?? "")));
  return guard ? `'${text}` : text;
}

/**
 * The inverse of {@link guardCsvText}, applied to every cell on import: a quote followed by one of
 * `=`, `+`, `-`, `@`, tab, carriage return or a second quote is the guard and is removed
 * (`'=A1` → `=A1`, `''x` → `'x`); any other text, a lone leading quote included (`'s-Hertogenbosch`),
 * is kept as it is.
 * @category Import (CSV and records)
 */
export function unguardCsvText(text: string): string {
  return text.length > 1 && text[0] === "'" && GUARDED_START.has(text[1]!) ? text.slice(1) : text;
}
