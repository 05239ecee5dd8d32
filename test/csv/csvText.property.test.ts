/**
 * The library's own CSV reader and writer (src/csv/parseCsv.ts, stringifyCsv.ts; no Buffer, so
 * the main entry runs in a browser) held to csv-parse and csv-stringify, which they replace and
 * which stay as dev dependencies for this: the same text for the same rows, the same rows for
 * the same text, and an error exactly where csv-parse has one.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "../../src/csv/parseCsv.js";
import { stringifyCsv } from "../../src/csv/stringifyCsv.js";

const delimiterArb = fc.constantFrom(",", ";", "\t");
/** Cells full of what CSV must quote: delimiters, quotes, line breaks of every kind, a BOM, spaces. */
const cellArb = fc.string({ unit: fc.constantFrom("a", "é", " ", ",", ";", "\t", '"', "\n", "\r", "\r\n", "\ufeff", "1"), maxLength: 6 });
const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 6 });

describe("stringifyCsv", () => {
  it("writes what csv-stringify writes, for any rows, delimiter and BOM", () => {
    fc.assert(
      fc.property(rowsArb, delimiterArb, fc.boolean(), (rows, delimiter, bom) => {
        expect(stringifyCsv(rows, delimiter, bom)).toBe(stringify(rows, { delimiter, bom }));
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseCsv", () => {
  it("reads back any rows written, as csv-parse does", () => {
    fc.assert(
      fc.property(rowsArb, delimiterArb, (rows, delimiter) => {
        const text = stringifyCsv(rows, delimiter, false);
        const read = parseCsv(text, delimiter);
        expect(read).toEqual(parse(text, { delimiter, relax_column_count: true }));
        // A row of one empty cell and an empty row both write as a blank line.
        expect(read).toEqual(rows.map((r) => (r.length === 0 ? [""] : r)));
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with csv-parse on any text, a syntax error included (and on its line)", () => {
    const textArb = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", " "), maxLength: 14 });
    fc.assert(
      fc.property(textArb, (text) => {
        // csv-parse reports an unclosed quote on the text's last line; ours on the line the quote
        // opened on, which is where to look: there only the kind of error is compared.
        type Outcome = string[][] | { error: "notClosed" } | { error: "quote"; line: number };
        let theirs: Outcome;
        try {
          theirs = parse(text, { delimiter: ",", relax_column_count: true }) as string[][];
        } catch (e) {
          const { code, lines } = e as { code: string; lines: number };
          theirs = code === "CSV_QUOTE_NOT_CLOSED" ? { error: "notClosed" } : { error: "quote", line: lines };
        }
        let ours: Outcome;
        try {
          ours = parseCsv(text, ",");
        } catch (e) {
          if (!(e instanceof CsvSyntaxError)) throw e;
          ours = e.message.startsWith("Quote Not Closed") ? { error: "notClosed" } : { error: "quote", line: e.line };
        }
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });

  it("ends a row at \\r\\n, \\n or a lone \\r, and counts lines across quoted line breaks", () => {
    expect(parseCsv("a;b\r\nc\rd\ne", ";")).toEqual([["a", "b"], ["c"], ["d"], ["e"]]);
    expect(parseCsv('x,"1\r\n2\n3"\ny\n', ",")).toEqual([["x", "1\r\n2\n3"], ["y"]]);
    expect(() => parseCsv('x,"1\r\n2\n3"\ny"z', ",")).toThrow(expect.objectContaining({ line: 4, message: expect.stringMatching(/^Invalid Opening Quote: a quote is found in field 0 at line 4, value is "y"/) }));
    expect(() => parseCsv('a\n\n"b\nc', ",")).toThrow(expect.objectContaining({ line: 3, message: expect.stringMatching(/^Quote Not Closed: the quote opened on line 3/) }));
    expect(() => parseCsv('"a" ,b', ",")).toThrow(/^Invalid Closing Quote: got " " at line 1/);
  });
});
