/**
 * CSV safe for spreadsheets (OWASP CSV injection): every export guards text cells that start with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (and a quote, to tell the guard from text) with a
 * leading `'`, and leaves numbers — negative amounts included — as they are; the caseload import
 * strips the guard again.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { importCaseloadCsv, rejectedRowsToCsv } from "../../src/csv/caseloadCsv.js";
import { breakdownToCsv, comparisonToCsv, ledgerToCsv, recordsToCsv } from "../../src/csv/exportCsv.js";
import { riskToCsv } from "../../src/csv/riskCsv.js";
import { grantDecisionsToCsv, recoveryComparisonToCsv } from "../../src/csv/simulationCsv.js";
import { guardCsvText, unguardCsvText } from "../../src/csv/stringifyCsv.js";
import {
  caseloadFromCsv,
  caseloadFromRecords,
  compare,
  createModel,
  parseMonth,
  parseScenario,
  project,
  runScenario,
  toRecords,
  type Breakdown,
  type ModelConfig,
} from "../../src/index.js";
import type { ComparisonRisk } from "../../src/risk/comparisonRisk.js";
import { handRisk, withRisk } from "../report/handRisk.js";
import { rec } from "../support/examples.js";

const rows = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ""), { delimiter: csv.includes(";") ? ";" : "," }) as string[][];

describe("the guard", () => {
  it("quotes text that a spreadsheet would run as a formula, and a leading quote the import would take for a guard; nothing else", () => {
    expect(guardCsvText("=1+1")).toBe("'=1+1");
    expect(guardCsvText("+31 6 1234")).toBe("'+31 6 1234");
    expect(guardCsvText("-1+cmd|' /C calc'!A0")).toBe("'-1+cmd|' /C calc'!A0");
    expect(guardCsvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardCsvText("\tx")).toBe("'\tx");
    expect(guardCsvText("\rx")).toBe("'\rx");
    // Real municipality names start with a quote: left alone (Excel would show a second quote).
    expect(guardCsvText("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(guardCsvText("'s-Gravenhage")).toBe("'s-Gravenhage");
    // A quote before a formula character or a quote would be read back as a guard: guarded.
    expect(guardCsvText("'=A1")).toBe("''=A1");
    expect(guardCsvText("''")).toBe("'''");
    expect(guardCsvText("'")).toBe("'");
    expect(guardCsvText("P=1")).toBe("P=1");
    expect(guardCsvText("")).toBe("");
  });
  it("unguard removes exactly the guard: a quote before a formula character or a quote", () => {
    for (const text of ["=1+1", "-x", "@a", "\tx", "'s-Hertogenbosch", "''", "'", "'=A1", "''x", "'\t", "a'b", ""]) expect(unguardCsvText(guardCsvText(text))).toBe(text);
    // A lone leading quote in a file from elsewhere is text, kept.
    expect(unguardCsvText("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(unguardCsvText("'=A1")).toBe("=A1");
  });
});

// A caseload whose names would be formulas: id, municipality, provider and profile.
const HOSTILE = rec('=HYPERLINK("http://x","klik")', { start: "2026-01", municipality: "+G", provider: "@P", profile: "-x" });
const WINDOW = { start: "2026-01", months: 3 };
const hostile = caseloadFromRecords([HOSTILE], { window: WINDOW, providers: ["@P"], municipalities: ["+G"] });
const EFFORT: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };

describe("every export guards its text cells and leaves numbers alone", () => {
  it("ledgerToCsv", () => {
    const p = project(hostile, createModel(EFFORT), { horizon: WINDOW, lines: true });
    const [header, line] = rows(ledgerToCsv(p.ledger!, hostile));
    expect(header).toEqual(["month", "incurred", "municipality", "provider", "trajectory", "profile", "careForm", "kind", "euros"]);
    // 60 minutes at €70.00 an hour in January, paid in February.
    expect(line!.slice(0, 7)).toEqual(["2026-02", "2026-01", "'+G", "'@P", `'=HYPERLINK("http://x","klik")`, "'-x", "ambulant"]);
    expect(line![8]).toBe("70.00");
  });

  it("breakdownToCsv: keys guarded, negative amounts as numbers (point and comma)", () => {
    const b: Breakdown = { keys: ["=cmd", "-P"], horizon: { start: parseMonth("2026-01"), months: 1 }, cents: new Float64Array([-600000, 5]) };
    expect(breakdownToCsv(b)).toBe(["key,2026-01,total", "'=cmd,-6000.00,-6000.00", "'-P,0.05,0.05", "(total),-5999.95,-5999.95", ""].join("\n"));
    expect(breakdownToCsv(b, { dutch: true, bom: false })).toBe(["sleutel;2026-01;totaal", "'=cmd;-6000,00;-6000,00", "'-P;0,05;0,05", "(totaal);-5999,95;-5999,95", ""].join("\n"));
  });

  it("comparisonToCsv: a model's label guarded in the header, its amounts not", () => {
    const c = compare(hostile, [{ ...EFFORT, label: "=evil()" }], { horizon: WINDOW });
    const [header, totalPaid] = rows(comparisonToCsv(c));
    expect(header).toEqual(["metric", "label", "unit", "'=evil()"]);
    expect(totalPaid).toEqual(["totalPaid", "Total paid", "euros", "70.00"]);
  });

  it("recordsToCsv, and caseloadFromCsv reads the guarded names back as they were", () => {
    const names = ["=A1", "'quoted", "'+x", "-5", "@x", "plain"];
    const records = names.map((id, i) => rec(id, { start: "2026-01", client: `-c${i}` }));
    const cl = caseloadFromRecords(records, { window: WINDOW });
    const csv = recordsToCsv(cl);
    const ids = rows(csv.trajectories).slice(1).map((r) => [r[0], r[1], r[13]]);
    // id (text: guarded), client (numbered 0–5 by toRecords), use (a number: 60 as it is).
    expect(ids).toEqual([
      ["'=A1", "0", "60"],
      ["'quoted", "1", "60"],
      ["''+x", "2", "60"],
      ["'-5", "3", "60"],
      ["'@x", "4", "60"],
      ["plain", "5", "60"],
    ]);
    const back = toRecords(caseloadFromCsv(csv.trajectories, { window: csv.window }));
    expect(back.map((r) => r.id)).toEqual(names);
  });

  it("riskToCsv: the model and provider guarded, negative amounts and ratios not", () => {
    const small: ComparisonRisk = {
      runs: 20,
      models: [
        {
          label: "@model",
          monthlyBands: [],
          budgetAtRisk: null,
          allocation: { horizon: handRisk.models[0]!.allocation!.horizon, byYear: [] },
          providerMargins: [{ provider: "-P0", runs: 20, margin: { mean: -5, p5: -1000, p50: 5000, p95: 9000 }, negativeRuns: 2, negativeShare: "0.1000" }],
        },
      ],
      moreCostly: [],
    };
    const csv = rows(riskToCsv({ ...withRisk, risk: small }));
    expect(csv).toContainEqual(["'@model", "providerShare", "horizon", "", "ratio", "-0.0417", ""]);
    expect(csv).toContainEqual(["'@model", "providerMargin.mean", "horizon", "'-P0", "euros", "-0.05", ""]);
    expect(csv).toContainEqual(["'@model", "providerMargin.p5", "horizon", "'-P0", "euros", "-10.00", ""]);
  });

  it("grantDecisionsToCsv: a request's id and region guarded, amounts and counts not", () => {
    const scenario = parseScenario(JSON.parse(readFileSync("scenarios/stimuleringsimpuls-2021-worked.json", "utf8")), { source: "worked", kind: "grantPool" });
    const result = runScenario(scenario).result;
    const first = result.decisions[0]!;
    const csv = rows(grantDecisionsToCsv({ ...result, decisions: [{ ...first, id: "=1+2", region: "+Noord" }] }));
    expect(csv[1]!.slice(0, 2)).toEqual(["=1+2", "+Noord"].map((t) => `'${t}`));
    expect(csv[1]![5]).toBe(String(first.budgetYear));
    expect(csv[1]![12]).toMatch(/^\d+\.\d\d$/); // requested, in euros: a number as it is
  });

  it("recoveryComparisonToCsv: a way's label guarded, negative amounts not", () => {
    const scenario = parseScenario(JSON.parse(readFileSync("scenarios/zhi-funding.json", "utf8")), { source: "zhi", kind: "recoveryInitiative" });
    const result = runScenario(scenario).result;
    const csv = rows(recoveryComparisonToCsv({ ...result, ways: result.ways.map((w) => ({ ...w, label: `-${w.label}` })) }));
    const labels = new Set(csv.slice(1).map((r) => r[1]));
    expect([...labels].every((l) => l!.startsWith("'-"))).toBe(true);
    const negative = csv.slice(1).flatMap((r) => r.slice(5)).filter((v) => v.startsWith("-"));
    expect(negative.length).toBeGreaterThan(0); // the funding balance is negative somewhere, and unguarded
    expect(negative.every((v) => /^-\d+\.\d\d$/.test(v))).toBe(true);
  });

  it("rejectedRowsToCsv: the rejected rows' cells guarded, and read back as they were", () => {
    const header = "id,municipality,provider,profile,careForm,unit,start,end,outcome,use";
    const text = `${header}\n=cmd|' /C calc'!A0,G,P,x,ambulant,04,2026-01,2026-03,achieved,-1\nok,G,P,x,ambulant,04,2026-01,2026-03,achieved,60\n`;
    const result = importCaseloadCsv(text, { window: WINDOW, onInvalidRow: "skip" });
    const rejects = rejectedRowsToCsv(result);
    const [, row] = rows(rejects);
    expect(row!.slice(0, 2)).toEqual(["'=cmd|' /C calc'!A0", "G"]);
    expect(row![9]).toBe("'-1"); // a cell as read is text here: guarded, stripped on import
    const again = importCaseloadCsv(rejects.replace(",'-1,", ",60,"), { window: WINDOW, onInvalidRow: "stop" });
    expect(toRecords(again.caseload).map((r) => r.id)).toEqual(["=cmd|' /C calc'!A0"]);
  });
});
