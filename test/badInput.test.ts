/**
 * Bad input, everywhere: each mistake an analyst can make gets a FundingInputError naming the
 * field and the reason — never NaN, never a crash deep in the core, never a silent choice.
 */
import { describe, expect, it } from "vitest";
import {
  caseloadFromRecords,
  compare,
  defaultRegionSpec,
  effortModel,
  eurosToCents,
  FundingInputError,
  outputModel,
  project,
  taskModel,
  trajectoryModel,
  type ModelConfig,
} from "../src/index.js";
import { caseload, inputIssues, rec } from "./support/examples.js";

const W = { start: "2026-01", months: 12 };
const one = caseload([rec("a", { start: "2026-01", end: "2026-03" })], W);
const EFFORT = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] } satisfies ModelConfig;

describe("ambiguous configs are refused, not resolved by a silent choice", () => {
  it("two tariffs for the same care form (and provider)", () => {
    const issues = inputIssues(() =>
      project(
        one,
        effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "ambulant", tariff: "7.00" }] }),
        { horizon: W },
      ),
    );
    expect(issues).toEqual([{ code: "duplicate_price", path: ["tariffs", 1], message: 'a second price for care form "ambulant"; entry 0 has one already' }]);
  });
  it("two arrangement prices or trajectory amounts for the same key (refused when the config is validated)", () => {
    const out = () => outputModel({ kind: "output", prices: [{ profile: "licht", price: "100.00" }, { profile: "licht", price: "200.00" }] });
    expect(inputIssues(out)[0]).toMatchObject({ path: ["prices", 1], message: expect.stringContaining("a second price for the same") });
    const traj = () => trajectoryModel({ kind: "trajectory", amounts: [{ amount: "100.00" }, { amount: "100.00" }] });
    expect(inputIssues(traj)[0]).toMatchObject({ path: ["amounts", 1], message: expect.stringContaining("a second price for the same") });
  });
  it("two ceilings for one provider, two budgets for the same provider and area", () => {
    const ceiling = { behaviour: "overspend" as const, amounts: [{ provider: "P0", perYear: "10.00" }, { provider: "P0", perYear: "20.00" }] };
    expect(inputIssues(() => project(one, effortModel({ ...EFFORT, ceiling }), { horizon: W }))[0]).toMatchObject({
      code: "duplicate_ceiling",
      path: ["ceiling", "amounts", 1, "provider"],
    });
    expect(inputIssues(() => taskModel({ kind: "task", budgets: [{ provider: "P0", perYear: "1.00" }, { provider: "P0", perYear: "2.00" }] }))[0]).toMatchObject({
      path: ["budgets", 1],
      message: "a second budget for the same provider and area as budgets[0]",
    });
  });
  it("names are trimmed: ' P0 ' in a config is provider P0", () => {
    const padded = effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", provider: " P0 ", tariff: "70.00" }] });
    // Jan–Mar, 60 minutes a month → 1 hour × €70 each, paid Feb–Apr: 3 × 7000
    expect(project(one, padded, { horizon: W }).totalPaid).toBe(21000);
  });
});

describe("names and labels hold no control or text-direction characters (they reach the terminal, the report and spreadsheets)", () => {
  const refused = "must not hold control or text-direction characters (U+0000–U+001F, U+007F–U+009F, U+061C, U+200E–U+200F, U+2028–U+202E, U+2066–U+2069)";
  it("a model label with an escape sequence, a record id with a right-to-left override, a provider with a C1 character", () => {
    expect(inputIssues(() => effortModel({ kind: "effort", label: "lbl\u001b[2J", tariffs: [{ careForm: "ambulant", tariff: "1.00" }] }))).toMatchObject([{ path: ["label"], message: refused }]);
    expect(inputIssues(() => caseload([rec("t\u202e1", { start: "2026-01" })], W))[0]).toMatchObject({ path: [0, "id"], message: expect.stringMatching(new RegExp(`: ${refused.replace(/[()+]/g, "\\$&")}$`)) });
    expect(inputIssues(() => caseload([rec("t1", { start: "2026-01", provider: "P\u0085" })], W))[0]).toMatchObject({ path: [0, "provider"] });
  });
  it("a tab or line break around a name is trimmed; a quote, an accent or an ampersand is a name like any other", () => {
    expect(caseload([rec(" t1\t", { start: "2026-01", municipality: "'s-Hertogenbosch", provider: "Zorg & Co", profile: "opvoeden–licht" })], W).size).toBe(1);
  });
});

describe("unknown keys are refused, never dropped: a misspelt optional field would silently change the result", () => {
  it("in a model config: a misspelt ceiling would run the model without it", () => {
    const withTypo = { ...EFFORT, ceilling: { amounts: [{ provider: "P0", perYear: "1000.00" }] } } as never;
    expect(inputIssues(() => effortModel(withTypo))).toEqual([{ code: "unrecognized_keys", path: [], message: 'Unrecognized key: "ceilling"' }]);
    const nested = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00", provder: "P0" }] } as never;
    expect(inputIssues(() => effortModel(nested))).toMatchObject([{ path: ["tariffs", 0], message: 'Unrecognized key: "provder"' }]);
    const dated = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: [{ from: "2026-01", value: "70.00", unit: "04" }] }] } as never;
    expect(inputIssues(() => effortModel(dated))).toMatchObject([{ path: ["tariffs", 0, "tariff", 0], message: 'Unrecognized key: "unit"' }]);
  });
  it("in a trajectory record, a caseload spec and the comparison options", () => {
    const record = { ...rec("a", { start: "2026-01", end: "2026-03" }), endd: "2026-02" };
    expect(inputIssues(() => caseloadFromRecords([record], { window: W }))).toMatchObject([{ path: [0], message: 'trajectory "a": Unrecognized key: "endd"' }]);
    const spec = { ...defaultRegionSpec(), windows: W };
    expect(inputIssues(() => compare(spec, [EFFORT], { seed: 1 }))).toMatchObject([{ path: [], message: 'Unrecognized key: "windows"' }]);
    expect(inputIssues(() => compare(one, [EFFORT], { horizon: W, paymentLag: 2 } as never))).toMatchObject([{ message: 'Unrecognized key: "paymentLag"' }]);
  });
});

describe("numbers out of range", () => {
  it("indexation of −100 % or less, or above 100 % a year", () => {
    for (const value of ["-100", "150"]) {
      const issues = inputIssues(() => effortModel({ ...EFFORT, indexation: [{ from: "2026-01", value }] }));
      expect(issues[0]).toMatchObject({ path: ["indexation", 0, "value"], message: "indexation must be above −100 % and at most 100 % a year" });
    }
  });
  it("percentages with more than 6 decimals", () => {
    const issues = inputIssues(() => trajectoryModel({ kind: "trajectory", amounts: [{ amount: "1.00" }], advancePercent: "33.3333333" }));
    expect(issues[0]).toMatchObject({ path: ["advancePercent"] });
    expect(issues[0]!.message).toMatch(/at most 6 decimals/);
  });
  it("an amount that passes 2^53 cents in the core is an input error naming model, trajectory and month", () => {
    // A tariff of €9 trillion (9e14 cents, itself exact) per etmaal × 28 etmalen = 2.52e16 cents > 2^53 ≈ 9.007e15.
    const stay = caseload([rec("s", { start: "2026-01", careForm: "verblijf", unit: "14", use: 28 })], W);
    const huge = effortModel({ kind: "effort", tariffs: [{ careForm: "verblijf", tariff: "9000000000000.00" }] });
    const issues = inputIssues(() => project(stay, huge, { horizon: W }));
    expect(issues[0]!.code).toBe("unsafe_amount");
    expect(issues[0]!.message).toMatch(/model "Inspanningsgericht \(p×q\)" computes 25200000000000000 cents for trajectory "s", paid 2026-02/);
  });
  it("more etmalen or minutes than the month holds", () => {
    const issues = inputIssues(() =>
      caseloadFromRecords([{ ...rec("x", { start: "2026-02", careForm: "verblijf", unit: "14", use: 29 }) }], { window: W }),
    );
    expect(issues).toEqual([{ code: "too_big", path: [0, "use", 0], message: 'trajectory "x": 29 etmalen in 2026-02, more than the month holds (28)' }]);
    const minutes = inputIssues(() => caseloadFromRecords([rec("y", { start: "2026-04", use: 43201 })], { window: W }));
    expect(minutes[0]!.message).toBe('trajectory "y": 43201 minutes in 2026-04, more than the month holds (43200)');
  });
});

describe("helpful messages at the boundary", () => {
  it("a euro amount with a decimal comma", () => {
    expect(() => eurosToCents("78,50")).toThrow(FundingInputError);
    expect(() => eurosToCents("78,50")).toThrow(/write euros with a decimal point/);
  });
  it("records without the window they cover", () => {
    const issues = inputIssues(() => caseloadFromRecords([rec("a", { start: "2026-01" })], undefined as never));
    expect(issues[0]).toMatchObject({ path: ["window"] });
  });
  it("compare names the model whose config does not fit the caseload", () => {
    const noStay: ModelConfig = { kind: "effort", label: "Zonder verblijf", tariffs: [{ careForm: "daghulp", tariff: "60.00" }] };
    let error: unknown;
    try {
      compare(one, [EFFORT, noStay]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FundingInputError);
    expect((error as Error).message).toMatch(/models\[1\] "Zonder verblijf"/);
    expect((error as FundingInputError).issues[0]).toMatchObject({ code: "missing_price", path: ["models", 1, "tariffs"] });
  });
  it("several runs of a fixed caseload are refused: there is nothing to draw again", () => {
    expect(inputIssues(() => compare(one, [EFFORT], { runs: 5 }))[0]).toMatchObject({ path: ["runs"] });
  });
  it("a bad caseload spec names the profile field", () => {
    const spec = defaultRegionSpec();
    const broken = { ...spec, profiles: [{ ...spec.profiles[0]!, unit: "05" }] };
    expect(inputIssues(() => compare(broken as never, [EFFORT]))[0]!.path).toEqual(["profiles", 0, "unit"]);
  });
});

describe("models with the same label stay apart in a comparison", () => {
  it("a repeated label gets its position", () => {
    const r = compare(one, [EFFORT, EFFORT]);
    expect(r.models.map((m) => m.label)).toEqual(["Inspanningsgericht (p×q)", "Inspanningsgericht (p×q) #2"]);
  });
});

describe("compare keeps option errors at the options' path", () => {
  it("a care form without a cost price is reported at costPrices, not at a model", () => {
    const issues = inputIssues(() => compare(one, [EFFORT], { costPrices: { prices: [{ careForm: "verblijf", price: "1.00" }] } }));
    expect(issues[0]).toMatchObject({ code: "missing_price", path: ["costPrices", "prices"] });
  });
});
