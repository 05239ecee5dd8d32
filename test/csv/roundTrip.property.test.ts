/**
 * Properties of CSV in and out: any caseload written with recordsToCsv reads back with
 * caseloadFromCsv to the same records; amounts in euros are the integer cents, digit for digit;
 * the ledger's CSV loses no line and no cent.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { caseloadFromCsv } from "../../src/csv/caseloadCsv.js";
import { formatCsvAmount, ledgerToCsv, recordsToCsv } from "../../src/csv/exportCsv.js";
import { createModel, generateCaseload, project, toRecords, type Caseload, type CaseloadSpecInput, type TrajectoryRecord } from "../../src/index.js";
import { caseloadArb } from "../support/arbitraries.js";

/**
 * Records with client numbers replaced by their order of first appearance. A caseload's client
 * numbers are internal (dictionary indexes); the import numbers clients as it meets them, so what
 * must survive is which trajectories share a client.
 */
function canonical(records: readonly TrajectoryRecord[]): TrajectoryRecord[] {
  const seen = new Map<string, string>();
  return records.map((r) => {
    if (!seen.has(r.client)) seen.set(r.client, String(seen.size));
    return { ...r, client: seen.get(r.client)! };
  });
}

function roundTrip(c: Caseload, options: { dutch?: boolean; delimiter?: "," | ";" | "\t" } = {}): Caseload {
  const csv = recordsToCsv(c, options);
  return caseloadFromCsv(csv.trajectories, { window: csv.window, useCsv: csv.use });
}

describe("recordsToCsv then caseloadFromCsv", () => {
  it("gives back the same records for any caseload, in any style", () => {
    fc.assert(
      fc.property(caseloadArb, fc.constantFrom({}, { dutch: true }, { delimiter: "\t" as const }, { delimiter: ";" as const, bom: true }), ({ caseload }, options) => {
        const back = roundTrip(caseload, options);
        expect(canonical(toRecords(back))).toEqual(canonical(toRecords(caseload)));
        expect(back.window).toEqual(caseload.window);
        expect(back.previous).toEqual(caseload.previous);
        // Once the clients are numbered as the import numbers them, the text itself is a fixed point.
        expect(recordsToCsv(roundTrip(back, options), options)).toEqual(recordsToCsv(back, options));
      }),
      { numRuns: 150 },
    );
  });

  it("gives back a generated caseload", () => {
    const spec: CaseloadSpecInput = {
      window: { start: "2025-07", months: 18 },
      municipalities: [{ name: "Aldervoort", weight: 2 }, { name: "Kaaghorst", weight: 1 }],
      providers: [
        { name: "Jeugdhulp Noord", careForms: ["ambulant"], weight: 1 },
        { name: "Woongroep \"Zuid\"; locatie 2", careForms: ["verblijf"], weight: 1 },
      ],
      profiles: [
        {
          name: "opvoeden",
          careForm: "ambulant",
          unit: "04",
          arrivalsPerMonth: 6,
          initialStock: 20,
          intensities: [{ name: "licht", weight: 1, durationMonths: { mean: 6, cv: 0.5 }, monthlyUse: { mean: 300, cv: 0.5 } }],
          outcome: { achieved: 0.6, notAchieved: 0.3, droppedOut: 0.1 },
          reentry: { probability: 0.2, withinMonths: 6 },
        },
        {
          name: "verblijf",
          careForm: "verblijf",
          unit: "14",
          arrivalsPerMonth: 1,
          initialStock: 5,
          intensities: [{ name: "zwaar", weight: 1, durationMonths: { mean: 9, cv: 0.4 }, monthlyUse: { mean: 25, cv: 0.1 } }],
          outcome: { achieved: 0.5, notAchieved: 0.4, droppedOut: 0.1 },
        },
      ],
    };
    const c = generateCaseload(spec, 11);
    expect(c.size).toBeGreaterThan(50);
    const back = roundTrip(c, { dutch: true });
    expect(canonical(toRecords(back))).toEqual(canonical(toRecords(c)));
    expect(back.previous).toEqual(c.previous);
  });
});

describe("amounts and ledger lines", () => {
  it("writes any safe amount of cents as euros whose digits are the cents", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom<"." | ",">(".", ","), (cents, decimal) => {
        const text = formatCsvAmount(cents, { decimal });
        expect(text).toMatch(decimal === "." ? /^-?\d+\.\d\d$/ : /^-?\d+,\d\d$/);
        expect(BigInt(text.replace(decimal, ""))).toBe(BigInt(cents));
        expect(formatCsvAmount(cents, { amounts: "cents" })).toBe(String(cents === 0 ? 0 : cents));
      }),
    );
  });

  it("loses no line and no cent in the ledger's CSV", () => {
    const effort = createModel({
      kind: "effort",
      tariffs: (["ambulant", "wijkteam", "daghulp", "verblijf"] as const).map((careForm, i) => ({ careForm, tariff: `${71 + i * 40}.37` })),
    });
    fc.assert(
      fc.property(caseloadArb, fc.boolean(), ({ caseload, window }, dutch) => {
        const p = project(caseload, effort, { horizon: window, lines: true });
        const rows = parse(ledgerToCsv(p.ledger!, caseload, { dutch }), { delimiter: dutch ? ";" : ",", bom: true, columns: true }) as Record<string, string>[];
        expect(rows).toHaveLength(p.ledger!.length);
        const sum = rows.reduce((s, r) => s + BigInt(r[dutch ? "euro" : "euros"]!.replace(dutch ? "," : ".", "")), 0n);
        expect(sum).toBe(BigInt(p.totalPaid));
      }),
      { numRuns: 50 },
    );
  });
});
