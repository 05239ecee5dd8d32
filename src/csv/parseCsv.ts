/**
 * CSV text to rows (RFC 4180), in plain string operations: no `Buffer`, so the main entry loads
 * and imports CSV in a browser as in Node. csv-parse, used before, works on Node Buffers and
 * touches `Buffer` as soon as it is imported. The behaviour is csv-parse's with
 * `relax_column_count`, which a property test holds it to, except that `\r\n`, `\n` and a lone `\r`
 * all end a row (csv-parse fixes one of them per file from the first it meets).
 */

import { excerpt } from "../excerpt.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A CSV syntax error: an unclosed quote, a quote inside an unquoted field, text after a closing quote. */
export class CsvSyntaxError extends Error {
  /** The line (from 1) the error is on; for an unclosed quote, the line the quote opened on. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvSyntaxError";
    this.line = line;
  }
}

/** Line breaks in `text`: `\r\n`, `\n` and `\r` count once each. */
function breaksIn(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * The rows of a CSV text, every cell as written (not trimmed). Rows may differ in length; a blank
 * line is a row with one empty cell; a line break at the end of the text adds no row.
 *
 * @param delimiter - one character between cells (`,`, `;` or a tab).
 * @throws {@link CsvSyntaxError} on a quote out of place.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  if (n === 0) return rows;
  let row: string[] = [];
  let line = 1;
  let i = 0;
  for (;;) {
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      const opened = line;
      let start = i + 1;
      cell = "";
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) throw new CsvSyntaxError(`Quote Not Closed: the quote opened on line ${opened} is not closed by the end of the text`, opened);
        cell += text.slice(start, q);
        // `""` inside quotes is one quote.
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          start = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      line += breaksIn(cell);
      const next = text.charCodeAt(i);
      if (i < n && next !== d && next !== LF && next !== CR) {
        throw new CsvSyntaxError(`Invalid Closing Quote: got "${excerpt(text[i]!)}" at line ${line} instead of a delimiter or the end of the line`, line);
      }
    } else {
      const start = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === d || ch === LF || ch === CR) break;
        if (ch === QUOTE) {
          throw new CsvSyntaxError(`Invalid Opening Quote: a quote is found in field ${row.length} at line ${line}, value is "${excerpt(text.slice(start, Math.min(i, start + 200)))}" (quote the whole field and double the quotes inside it)`, line);
        }
        i++;
      }
      cell = text.slice(start, i);
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const ch = text.charCodeAt(i);
    if (ch === d) {
      i++;
      continue;
    }
    // A line break ends the row.
    rows.push(row);
    row = [];
    line++;
    i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (i >= n) return rows;
  }
}
