/**
 * The fuzz suite's fixed-seed slice (issue 10): mutated shipped scenarios, records, CSVs and model
 * configs through parseScenario / runScenario / caseloadFromRecords / caseloadFromCsv / compare /
 * project. Every case ends in a result or a located FundingInputError: never another exception,
 * never NaN, Infinity or non-integer cents in the result, every record counted. `npm run fuzz`
 * runs 100,000 cases (scripts/fuzz.ts).
 */
import { describe, expect, it } from "vitest";
import { FundingInputError } from "../../src/index.js";
import { checkCase, checkResult, FuzzFailure, mutate, mutateCsv, runFuzz, seedCsvs, seedScenarios } from "./harness.js";

describe("fuzz: every input ends in a result or a located FundingInputError", () => {
  it("3,000 fixed-seed cases: 0 crashes, and both results and input errors occur", () => {
    const r = runFuzz(3000, 20261205);
    const crashes = [...r.classes].map(([kind, c]) => `${c.count} × ${kind}\n  ${c.example}\n  ${c.detail}`);
    expect(crashes).toEqual([]);
    expect(r.cases).toBe(3000);
    // The mutations must leave many inputs valid, or the slice only tests the schemas' first check.
    expect(r.results).toBeGreaterThan(300);
    expect(r.inputErrors).toBeGreaterThan(300);
  });
});

describe("fuzz harness: it would see a crash", () => {
  it("a foreign exception, an unlocated input error and a bare 'Invalid input' are failures; a located input error is not", () => {
    expect(() => checkCase(() => JSON.parse("{"))).toThrow(FuzzFailure);
    expect(() => checkCase(() => { throw new FundingInputError("x", []); })).toThrow(/unlocated/);
    expect(() => checkCase(() => { throw new FundingInputError("x", [{ code: "invalid_union", path: ["a"], message: "Invalid input" }]); })).toThrow(/bare Invalid input/);
    expect(checkCase(() => { throw new FundingInputError("x", [{ code: "too_small", path: ["a"], message: "must be positive" }]); })).toBe("inputError");
  });
  it("NaN or Infinity anywhere, or a fraction of a cent in an amount, fails the result walk", () => {
    expect(() => checkResult({ models: [{ metrics: { share: NaN } }] })).toThrow(/non-finite number: result\.models\[0\]\.metrics\.share = NaN/);
    expect(() => checkResult({ byMonth: new Float64Array([1, Infinity]) })).toThrow(/non-finite/);
    expect(() => checkResult({ totalPaid: 100.5 })).toThrow(/non-integer cents: result\.totalPaid = 100\.5/);
    expect(() => checkResult({ totalPaid: 100, meanPerClient: 33.3 })).not.toThrow();
  });
  it("the mutations change the seeds: delete, replace, duplicate, __proto__ keys, CSV lines and delimiters", () => {
    const seed = { a: 1, b: [1, 2] };
    expect(mutate(seed, [{ op: "delete", at: 0 }])).toEqual({ b: [1, 2] });
    expect(mutate(seed, [{ op: "replace", at: 1, value: "" }])).toEqual({ a: 1, b: "" });
    expect(mutate(seed, [{ op: "duplicate", at: 2 }])).toEqual({ a: 1, b: [1, 1, 2] });
    expect(Object.hasOwn(mutate(seed, [{ op: "proto", at: 0, value: { x: 1 } }]) as object, "__proto__")).toBe(true);
    expect(seed).toEqual({ a: 1, b: [1, 2] });
    expect(mutateCsv("a;b\n1;2", [{ op: "delimiter", to: "," }, { op: "truncate", line: 1, at: 1 }])).toBe("a,b\n1");
    // Work-scaling figures in range are brought down (a case runs in milliseconds); out of range they stay, to be refused.
    expect(mutate({ arrivalsPerMonth: 260, initialStock: 1e308 }, [])).toEqual({ arrivalsPerMonth: 2, initialStock: 1e308 });
  });
  it("the seeds are the shipped scenarios and CSV exports", () => {
    expect(seedScenarios().map((s) => s.name)).toContain("default-region.json");
    expect(seedScenarios().length).toBeGreaterThanOrEqual(10);
    expect(seedCsvs()).toHaveLength(2);
  });
});
