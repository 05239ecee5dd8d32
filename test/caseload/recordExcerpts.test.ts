/**
 * A record's messages quote its id as a short excerpt (README, "Security": an error quotes a file's
 * contents in at most 80 characters): a 100 kB id made a 200,138-character message.
 */
import { describe, expect, it } from "vitest";
import { caseloadFromRecords, FundingInputError } from "../../src/index.js";
import { thrownInputError } from "../support/examples.js";

const window = { start: "2026-01", months: 12 };
const id = "i".repeat(100_000);
const record = { id, municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: 60 };
const shown = `"${"i".repeat(80)}… (100000 characters)"`;

const issuesOf = (records: unknown[]): FundingInputError => thrownInputError(() => caseloadFromRecords(records, { window }));

describe("record messages quote ids as excerpts", () => {
  it("a duplicate 100 kB id", () => {
    const e = issuesOf([record, record]);
    expect(e.issues).toEqual([{ code: "custom", path: [1, "id"], message: `duplicate trajectory id ${shown}` }]);
    expect(e.message.length).toBeLessThan(400);
  });

  it("a record with a 100 kB id and a bad field", () => {
    const e = issuesOf([{ ...record, use: -1 }]);
    expect(e.issues).toEqual([{ code: "too_small", path: [0, "use"], message: `trajectory ${shown}: use must not be negative` }]);
  });
});
