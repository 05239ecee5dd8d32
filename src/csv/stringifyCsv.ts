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
  const out: string[] = bom ? ["\ufeff"] : [];
  for (const row of rows) {
    out.push(row.map((cell) => (needsQuotes(cell, delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter), "\n");
  }
  return out.join("");
}

function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r");
}
