/**
 * One error class for bad input, recognised wherever it comes from: this copy of the library or
 * another (the ESM and the CJS build, a second installed version). The built bundles are checked
 * the same way by test-bundle/smoke.mjs and smoke.cjs.
 */
import { describe, expect, it } from "vitest";
import { createModel, FundingInputError, isFundingInputError, ScenarioInputError } from "../src/index.js";
import * as node from "../src/node/index.js";

/** A second, separate instance of the errors module: what a second bundle of the library holds. */
async function copyOfErrorsModule(): Promise<typeof import("../src/errors.js")> {
  const path = "../src/errors.js?copy";
  return (await import(/* @vite-ignore */ path)) as typeof import("../src/errors.js");
}

describe("FundingInputError across copies of the library", () => {
  it("the node entry re-exports the main entry's classes, not copies", async () => {
    expect(node.FundingInputError).toBe(FundingInputError);
    expect(node.ScenarioInputError).toBe(ScenarioInputError);
    expect(node.isFundingInputError).toBe(isFundingInputError);
    const e = await node.loadScenario("scenarios/no-such-scenario.json").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FundingInputError);
    expect(e).toBeInstanceOf(ScenarioInputError);
    // Named as what it is in a stack trace or a log, still a FundingInputError to every check.
    expect((e as Error).name).toBe("ScenarioInputError");
    expect((e as Error).stack).toMatch(/^ScenarioInputError: \[jeugdhulp-bekostiging\] invalid scenario /);
    expect(isFundingInputError(e)).toBe(true);
  });

  it("recognises an error of another copy by its brand, with the guard and with instanceof", async () => {
    const copy = await copyOfErrorsModule();
    expect(copy.FundingInputError).not.toBe(FundingInputError);
    const theirs = new copy.FundingInputError("effort model config", [{ code: "too_small", path: ["tariffs", 0], message: "must not be negative" }]);
    expect(isFundingInputError(theirs)).toBe(true);
    expect(theirs instanceof FundingInputError).toBe(true);
    // and the other way round, a subclass included
    const ours = new ScenarioInputError("s.json", [{ code: "x", path: [], message: "bad" }]);
    expect(copy.isFundingInputError(ours)).toBe(true);
    expect(ours instanceof copy.FundingInputError).toBe(true);
    if (isFundingInputError(theirs)) expect(theirs.issues[0]?.message).toBe("must not be negative");
  });

  it("a subclass keeps the ordinary instanceof: a plain FundingInputError is not a ScenarioInputError", () => {
    let thrown: unknown;
    try {
      createModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "-1.00" }] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FundingInputError);
    expect(thrown).not.toBeInstanceOf(ScenarioInputError);
    expect(new ScenarioInputError("s.json", [])).toBeInstanceOf(ScenarioInputError);
  });

  it("is false for anything else: other errors, look-alikes without the brand, non-objects", () => {
    const lookAlike = Object.assign(new Error("x"), { name: "FundingInputError", subject: "s", issues: [] });
    for (const x of [new Error("x"), new TypeError("x"), lookAlike, { issues: [] }, null, undefined, "FundingInputError", 1]) {
      expect(isFundingInputError(x)).toBe(false);
      expect(x instanceof FundingInputError).toBe(false);
    }
    // The brand is the global symbol's, set to true; another value does not count.
    expect(isFundingInputError({ [Symbol.for("jeugdhulp-bekostiging.FundingInputError")]: "yes" })).toBe(false);
    expect(isFundingInputError({ [Symbol.for("jeugdhulp-bekostiging.FundingInputError")]: true })).toBe(true);
  });

  it("keeps the brand out of the error's own keys, JSON and logs", () => {
    const e = new FundingInputError("compare options", []);
    expect(Object.getOwnPropertySymbols(e)).toEqual([]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: "FundingInputError", subject: "compare options", issues: [], omittedIssues: 0 });
  });
});
