/**
 * Import settings for a region's own export: date formats, decimal comma, use scale per unit, and
 * the plausibility warnings. Expected values are worked out by hand (Excel serials by Python's
 * date arithmetic: 15-06-2026 is day 46188 after 30-12-1899).
 */
import { describe, expect, it } from "vitest";
import { importCaseloadCsv, type CsvMappingInput } from "../../src/csv/caseloadCsv.js";
import { readDecimal, readMonth, readUse } from "../../src/csv/cellReaders.js";
import { formatMonth } from "../../src/period.js";
import { toRecords } from "../../src/index.js";
import { inputIssues } from "../support/examples.js";

const WINDOW = { start: "2026-01", months: 12 };
const month = (cell: string, format: Parameters<typeof readMonth>[1]): string | null => {
  const m = readMonth(cell, format);
  return m === null ? null : formatMonth(m);
};

describe("dates as a region writes them", () => {
  it("reads each format, with -, / or . and one-digit days and months, as the month it falls in", () => {
    expect(month("2026-06", "jjjj-mm")).toBe("2026-06");
    expect(month("2026/6", "jjjj-mm")).toBe("2026-06");
    expect(month("2026-06-15", "jjjj-mm-dd")).toBe("2026-06");
    expect(month("15-06-2026", "dd-mm-jjjj")).toBe("2026-06");
    expect(month("1-3-2026", "dd-mm-jjjj")).toBe("2026-03");
    expect(month("31.12.2026", "dd-mm-jjjj")).toBe("2026-12");
    expect(month("06-2026", "mm-jjjj")).toBe("2026-06");
    expect(month("46188", "excel")).toBe("2026-06");
    expect(month("46082", "excel")).toBe("2026-03"); // 1 March 2026
    expect(month("46081", "excel")).toBe("2026-02"); // 28 February 2026
    expect(month("46188,75", "excel")).toBe("2026-06"); // a time of day does not move the month
  });

  it("refuses days and months that do not exist, and other formats", () => {
    expect(month("31-04-2026", "dd-mm-jjjj")).toBeNull();
    expect(month("29-02-2026", "dd-mm-jjjj")).toBeNull();
    expect(month("29-02-2028", "dd-mm-jjjj")).toBe("2028-02");
    expect(month("2026-13", "jjjj-mm")).toBeNull();
    expect(month("15-06-2026", "jjjj-mm")).toBeNull();
    expect(month("2026-06", "dd-mm-jjjj")).toBeNull();
    expect(month("60", "excel")).toBeNull(); // Excel's 29 February 1900, which never was
    expect(month("jun-2026", "mm-jjjj")).toBeNull();
  });
});

describe("numbers with a decimal comma, and use scaled to our measure", () => {
  it("reads 7,5 and 1.234,5 with a decimal comma, and refuses a lone point there", () => {
    expect(readDecimal("7,5", true)?.toString()).toBe("7.5");
    expect(readDecimal("1.234,5", true)?.toString()).toBe("1234.5");
    expect(readDecimal("1.234.567", true)?.toString()).toBe("1234567");
    expect(readDecimal("7.5", true)).toBeNull();
    expect(readDecimal("7,5", false)).toBeNull();
    expect(readDecimal("7.5", false)?.toString()).toBe("7.5");
  });

  it("multiplies by the scale exactly and wants a whole result", () => {
    const sixty = readDecimal("60", false)!;
    expect(readUse("7,5", true, sixty)).toBe(450);
    expect(readUse("0,1", true, sixty)).toBe(6); // 0.1 × 60 exactly, no binary float
    expect(readUse("7,33", true, sixty)).toBe('use "7,33" × 60 = 439.8 is not a whole number');
    expect(readUse("12.5", false, null)).toContain("is not a whole number");
    expect(readUse("7,5", false, null)).toBe('use "7,5" is not a number; a decimal comma? set mapping.decimalComma');
  });
});

// The export the issue describes: semicolons, dd-mm-jjjj, decimal commas, hours as hours.
const EXPORT = [
  "Traject-ID;Cliënt;Gemeente;Aanbieder;Profiel;Vorm;Eenheid;Begindatum;Einddatum;Resultaat;Volume",
  "T001;C1;Utrecht;Aanbieder A;ambulant;Ambulant;Uur;01-03-2026;30-06-2026;Behaald;7,5",
  "T002;C2;Utrecht;Aanbieder A;ambulant;Ambulant;Uur;15-04-2026;;Lopend;2",
  "T003;C3;Zeist;Aanbieder B;verblijf;Verblijf;Etmaal;01-01-2026;31-03-2026;Behaald;28",
].join("\r\n");
const MAPPING: CsvMappingInput = {
  columns: {
    id: "Traject-ID",
    client: "Cliënt",
    municipality: "Gemeente",
    provider: "Aanbieder",
    profile: "Profiel",
    careForm: "Vorm",
    unit: "Eenheid",
    start: "Begindatum",
    end: "Einddatum",
    outcome: "Resultaat",
    use: "Volume",
  },
  values: { careForm: { Ambulant: "ambulant", Verblijf: "verblijf" }, unit: { Uur: "04", Etmaal: "14" }, outcome: { Behaald: "achieved", Lopend: "open" } },
  dateFormat: "dd-mm-jjjj",
  decimalComma: true,
  useScale: { "04": 60 },
};

describe("a Dutch export read with settings only", () => {
  it("reads dates, decimal commas and hours as hours into months and minutes", () => {
    const result = importCaseloadCsv(EXPORT, { window: WINDOW, mapping: MAPPING });
    const byId = Object.fromEntries(toRecords(result.caseload).map((r) => [r.id, [r.start, r.end, r.outcome, r.use]]));
    expect(byId).toEqual({
      T001: ["2026-03", "2026-06", "achieved", [450, 450, 450, 450]], // 7,5 hours = 450 minutes, March–June
      T002: ["2026-04", null, "open", Array(9).fill(120)], // 2 hours, April–December
      T003: ["2026-01", "2026-03", "achieved", [28, 28, 28]], // etmalen: no scale
    });
    expect(result.warnings).toEqual([]);
    expect(result.counts).toEqual({ trajectoryRows: 3, trajectoriesImported: 3, trajectoriesRejected: 0, useRows: 0, useRowsImported: 0, useRowsRejected: 0 });
  });

  it("without the date setting, says which setting reads the dates", () => {
    const issues = inputIssues(() => importCaseloadCsv(EXPORT, { window: WINDOW, mapping: { ...MAPPING, dateFormat: undefined } }));
    expect(issues[0]!.message).toBe('line 2, column "Begindatum": start "01-03-2026" is not a date as jjjj-mm (e.g. 2026-06); it reads as dd-mm-jjjj: set mapping.dateFormat to "dd-mm-jjjj"');
  });

  it("without the decimal comma, says to set it", () => {
    const issues = inputIssues(() => importCaseloadCsv(EXPORT, { window: WINDOW, mapping: { ...MAPPING, decimalComma: undefined } }));
    expect(issues.map((i) => i.message)).toEqual(['line 2, column "Volume": use "7,5" is not a number; a decimal comma? set mapping.decimalComma']);
  });

  it("reads the use CSV's months and use with the same settings", () => {
    const trajectories = EXPORT.split("\r\n")
      .map((l, i) => (i === 0 ? l : l.replace(/;[^;]*$/, ";")))
      .join("\n");
    const use = ["Traject-ID;Maand;Uren", "T001;01-03-2026;1,5", "T001;01-05-2026;10", "T003;14-2-2026;28"].join("\n");
    const result = importCaseloadCsv(trajectories, {
      window: WINDOW,
      useCsv: use,
      mapping: { ...MAPPING, useColumns: { id: "Traject-ID", month: "Maand", use: "Uren" } },
    });
    const byId = Object.fromEntries(toRecords(result.caseload).map((r) => [r.id, r.use]));
    // 1,5 and 10 hours in March and May; months in care without a row are zero.
    expect(byId.T001).toEqual([90, 0, 600, 0]);
    expect(byId.T003).toEqual([0, 28, 0]);
    expect(result.counts.useRows).toBe(3);
  });

  it("refuses a use CSV month in another format, naming the setting", () => {
    const trajectories = EXPORT.split("\r\n")
      .map((l, i) => (i === 0 ? l : l.replace(/;[^;]*$/, ";")))
      .join("\n");
    const use = ["Traject-ID;Maand;Uren", "T001;2026-03;1,5"].join("\n");
    const issues = inputIssues(() =>
      importCaseloadCsv(trajectories, { window: WINDOW, useCsv: use, mapping: { ...MAPPING, useColumns: { id: "Traject-ID", month: "Maand", use: "Uren" } } }),
    );
    expect(issues.map((i) => i.message)).toEqual(['line 2, column "Maand": month "2026-03" is not a date as dd-mm-jjjj (e.g. 15-06-2026); it reads as jjjj-mm: set mapping.dateFormat to "jjjj-mm"']);
  });
});

describe("plausibility warnings", () => {
  /** `n` hourly trajectories over January–December 2026, each with `use` every month. */
  const hourly = (uses: readonly number[]): string =>
    ["id,municipality,provider,profile,careForm,unit,start,end,outcome,use", ...uses.map((u, i) => `t${i},G,P,p,ambulant,04,2026-01,2026-12,achieved,${u}`)].join("\n");

  it("warns when most months of unit 04 have less than 30 minutes: hours read as minutes", () => {
    // 2 trajectories with 5 and 8 "minutes" and 1 with 300: 24 of 36 months below 30.
    const result = importCaseloadCsv(hourly([5, 8, 300]), { window: WINDOW });
    expect(result.warnings).toEqual([
      {
        code: "use-looks-like-hours",
        count: 24,
        of: 36,
        message:
          '24 of 36 months with use of unit 04 (uur) have less than 30 minutes. Use of units 01 and 04 is read in minutes, so a 5 in the export is 5 minutes, billed as 1 hour. If the export gives hours, set mapping.useScale to { "04": 60 }.',
        nl: '24 van 36 maanden met inzet in eenheid 04 (uur) hebben minder dan 30 minuten. Inzet in de eenheden 01 en 04 wordt in minuten gelezen, dus een 5 in de export is 5 minuten, gedeclareerd als 1 uur. Geeft de export uren, zet dan mapping.useScale op { "04": 60 }.',
      },
    ]);
  });

  it("does not warn below half, nor when the unit has a scale", () => {
    // 12 of 36 months below 30 minutes: a third.
    expect(importCaseloadCsv(hourly([5, 300, 300]), { window: WINDOW }).warnings).toEqual([]);
    expect(importCaseloadCsv(hourly([5, 8, 3]), { window: WINDOW, mapping: { useScale: { "04": 60 } } }).warnings).toEqual([]);
  });

  it("warns about more dagdelen than two a day, and about no use at all", () => {
    const dagdelen = ["id,municipality,provider,profile,careForm,unit,start,end,outcome,use", "d1,G,P,p,daghulp,16,2026-01,2026-12,achieved,80"].join("\n");
    // 80 dagdelen a month: more than 2 × 31 = 62 in every month of 2026.
    expect(importCaseloadCsv(dagdelen, { window: WINDOW }).warnings.map((w) => [w.code, w.count, w.of])).toEqual([["dagdelen-above-month", 12, 12]]);
    const none = ["id,municipality,provider,profile,careForm,unit,start,end,outcome,use", "z1,G,P,p,verblijf,14,2026-01,2026-03,achieved,0"].join("\n");
    expect(importCaseloadCsv(none, { window: WINDOW }).warnings.map((w) => [w.code, w.count, w.of])).toEqual([["no-use", 3, 3]]);
  });
});
