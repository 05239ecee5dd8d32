/**
 * Uncertain inputs in a scenario tree: found with their paths, validated where they sit, resolved
 * into a copy (never the input), drawn per parameter from its own stream.
 */
import { describe, expect, it } from "vitest";
import { FundingInputError } from "../../src/errors.js";
import { MoneySchema, PercentSchema } from "../../src/money/index.js";
import { Rng } from "../../src/random.js";
import {
  centreValues,
  convertDraw,
  drawParameters,
  findUncertain,
  quantileValues,
  resolveUncertain,
  sampleDistribution,
  type Distribution,
} from "../../src/index.js";

const SCENARIO = {
  caseload: { spec: { profiles: [{ name: "opvoeden", arrivalsPerMonth: { distribution: "triangular", min: 40, mode: 50, max: 70, name: "instroom" } }] } },
  models: [
    { kind: "task", budgets: [{ provider: "Noord", perYear: "12000.00" }] },
    {
      kind: "effort",
      tariffs: [
        { careForm: "ambulant", tariff: { distribution: "normal", mean: 70, sd: 3, as: "euros" } },
        { careForm: "verblijf", tariff: "180.00" },
      ],
      indexation: [{ from: "2027-01", value: { distribution: "uniform", min: 2, max: 4, as: "percent", name: "indexatie" } }],
    },
  ],
  options: { seed: 7, runs: { distribution: "fixed", value: 3, as: "integer" } },
};

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function issues(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FundingInputError) return e.issues.map((i) => `${i.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("")}: ${i.message}`);
    throw e;
  }
  throw new Error("expected a FundingInputError");
}

describe("findUncertain", () => {
  it("lists every distribution node depth first with its path, key and label", () => {
    const params = findUncertain(SCENARIO);
    expect(params.map((p) => [p.key, p.label])).toEqual([
      ["caseload.spec.profiles[0].arrivalsPerMonth", "instroom"],
      ["models[1].tariffs[0].tariff", "models[1].tariffs[0].tariff"],
      ["models[1].indexation[0].value", "indexatie"],
      ["options.runs", "options.runs"],
    ]);
    expect(params[1]!.path).toEqual(["models", 1, "tariffs", 0, "tariff"]);
    expect(params[1]!.distribution).toEqual({ distribution: "normal", mean: 70, sd: 3, as: "euros" });
  });

  it("finds nothing in a plain tree, and a root node at (root)", () => {
    expect(findUncertain({ a: [1, "x", null, { b: true }] })).toEqual([]);
    expect(findUncertain(42)).toEqual([]);
    expect(findUncertain({ distribution: "fixed", value: 1 }).map((p) => p.key)).toEqual(["(root)"]);
    // an object whose `distribution` is not a string is ordinary data
    expect(findUncertain({ distribution: { kind: "x" } })).toEqual([]);
  });

  it("reports every bad node at its place in the tree, in one error", () => {
    const tree = {
      models: [{ tariffs: [{ tariff: { distribution: "normal", mean: 70, sd: -1 } }] }],
      trend: { distribution: "triangle", min: 0, max: 1 },
      list: [1, { distribution: "uniform", min: 2, max: 1, extra: 0 }],
    };
    expect(issues(() => findUncertain(tree))).toEqual([
      ".models[0].tariffs[0].tariff.sd: sd must be greater than 0",
      '.trend.distribution: distribution must be one of "fixed", "uniform", "triangular", "normal", "lognormal", "beta", "gamma"',
      '.list[1]: Unrecognized key: "extra"',
      ".list[1].max: max (1) must be greater than min (2)",
    ]);
    expect(() => findUncertain(tree)).toThrow(/invalid uncertain parameters:\n {2}- models\[0\]\.tariffs\[0\]\.tariff\.sd: sd must be greater than 0/);
  });

  it("refuses two nodes with the same name", () => {
    const tree = { a: { distribution: "fixed", value: 1, name: "trend" }, b: [{ distribution: "fixed", value: 2, name: "trend" }] };
    expect(issues(() => findUncertain(tree))).toEqual(['.b[0].name: name "trend" is also used by a; each uncertain parameter needs its own name']);
  });
});

describe("resolveUncertain", () => {
  it("with fixed nodes gives exactly the plain tree", () => {
    const uncertain = {
      tariffs: [{ careForm: "ambulant", tariff: { distribution: "fixed", value: 70, as: "euros" } }],
      indexation: [{ from: "2027-01", value: { distribution: "fixed", value: 3.125, as: "percent" } }],
      runs: { distribution: "fixed", value: 20, as: "integer" },
      trend: { distribution: "fixed", value: 0.015 },
      note: "unchanged",
    };
    const plain = {
      tariffs: [{ careForm: "ambulant", tariff: "70.00" }],
      indexation: [{ from: "2027-01", value: "3.1250" }],
      runs: 20,
      trend: 0.015,
      note: "unchanged",
    };
    expect(resolveUncertain(uncertain)).toEqual(plain);
  });

  it("never changes its input, and copies every array and object", () => {
    const before = structuredClone(SCENARIO);
    const frozen = deepFreeze(structuredClone(SCENARIO));
    const out = resolveUncertain(frozen, drawParameters(findUncertain(frozen), 1)) as typeof SCENARIO;
    expect(frozen).toEqual(before);
    expect(out.models).not.toBe(frozen.models);
    expect(out.models[0]).not.toBe(frozen.models[0]);
    expect(out.models[0]).toEqual(frozen.models[0]);
  });

  it("puts a node without a value at its centre and converts by as", () => {
    const values = new Map([["models[1].tariffs[0].tariff", 71.234999]]);
    const out = resolveUncertain(SCENARIO, values) as Record<string, any>;
    expect(out.models[1].tariffs[0].tariff).toBe("71.23");
    expect(out.caseload.spec.profiles[0].arrivalsPerMonth).toBeCloseTo(160 / 3, 12); // triangular mean (40 + 50 + 70)/3
    expect(out.models[1].indexation[0].value).toBe("3.0000"); // uniform(2, 4) mean
    expect(out.options.runs).toBe(3);
  });

  it("resolved money and percentages pass the library's own schemas", () => {
    const params = findUncertain(SCENARIO);
    for (let seed = 0; seed < 20; seed++) {
      const out = resolveUncertain(SCENARIO, drawParameters(params, seed)) as Record<string, any>;
      expect(MoneySchema.safeParse(out.models[1].tariffs[0].tariff).success).toBe(true);
      expect(PercentSchema.safeParse(out.models[1].indexation[0].value).success).toBe(true);
    }
  });

  it("refuses values for keys that name no parameter, and non-finite values", () => {
    expect(issues(() => resolveUncertain(SCENARIO, new Map([["models[1].tariffs[1].tariff", 80]])))).toEqual([": no uncertain parameter at models[1].tariffs[1].tariff"]);
    expect(issues(() => resolveUncertain(SCENARIO, new Map([["options.runs", NaN]])))).toEqual([".options.runs: value NaN is not a finite number"]);
  });

  it("validates like findUncertain", () => {
    expect(() => resolveUncertain({ x: { distribution: "gamma", shape: 0, scale: 1 } })).toThrow(FundingInputError);
  });

  it("keeps a __proto__ key of parsed JSON as data", () => {
    const tree = JSON.parse('{"__proto__": {"a": {"distribution": "fixed", "value": 1}}}') as unknown;
    const out = resolveUncertain(tree) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ a: 1 });
  });
});

describe("convertDraw", () => {
  const as = (a: "number" | "integer" | "euros" | "percent"): Distribution => ({ distribution: "fixed", value: 0, as: a });
  it("integer: half-up, halves away from zero", () => {
    expect(convertDraw(as("integer"), 2.5)).toBe(3);
    expect(convertDraw(as("integer"), 2.4999)).toBe(2);
    expect(convertDraw(as("integer"), -2.5)).toBe(-3);
    expect(Object.is(convertDraw(as("integer"), -0.2), 0)).toBe(true);
  });
  it("euros: half-up to the cent on the shortest decimal representation", () => {
    expect(convertDraw(as("euros"), 70.125)).toBe("70.13"); // the double is 70.12499999999999…, written 70.125
    expect(convertDraw(as("euros"), 0.1 + 0.2)).toBe("0.30");
    expect(convertDraw(as("euros"), 70)).toBe("70.00");
    expect(convertDraw(as("euros"), -1.005)).toBe("-1.01");
    expect(convertDraw(as("euros"), -0.001)).toBe("0.00");
    expect(convertDraw(as("euros"), 1e21)).toBe("1000000000000000000000.00");
  });
  it("percent: 4 decimals, half-up", () => {
    expect(convertDraw(as("percent"), 3.125)).toBe("3.1250");
    expect(convertDraw(as("percent"), 3.12345)).toBe("3.1235");
    expect(convertDraw(as("percent"), 1e-7)).toBe("0.0000");
  });
  it("number: as is; the default", () => {
    expect(convertDraw(as("number"), 0.1 + 0.2)).toBe(0.1 + 0.2);
    expect(convertDraw({ distribution: "fixed", value: 0 }, 1.5)).toBe(1.5);
    expect(() => convertDraw(as("number"), Infinity)).toThrow(FundingInputError);
  });
});

describe("drawing parameters", () => {
  const params = findUncertain(SCENARIO);

  it("draws each parameter from its own stream new Rng(seed, 'parameter:' + key)", () => {
    const draws = drawParameters(params, 11);
    for (const p of params) expect(draws.get(p.key)).toBe(sampleDistribution(p.distribution, new Rng(11, "parameter:" + p.key)));
    expect(drawParameters(params, 11)).toEqual(draws);
    expect(drawParameters(params, 12).get("models[1].tariffs[0].tariff")).not.toBe(draws.get("models[1].tariffs[0].tariff"));
  });

  it("adding or removing a parameter leaves the others' draws unchanged (common random numbers)", () => {
    const more = findUncertain({ ...SCENARIO, extra: { distribution: "gamma", shape: 2, scale: 1 } });
    const fewer = params.slice(1);
    for (const seed of [1, 2, 3]) {
      const base = drawParameters(params, seed);
      const withExtra = drawParameters(more, seed);
      const without = drawParameters(fewer, seed);
      for (const p of params) expect(withExtra.get(p.key)).toBe(base.get(p.key));
      for (const p of fewer) expect(without.get(p.key)).toBe(base.get(p.key));
    }
  });

  it("centres and quantiles per parameter", () => {
    expect([...centreValues(params)]).toEqual([
      ["caseload.spec.profiles[0].arrivalsPerMonth", 160 / 3],
      ["models[1].tariffs[0].tariff", 70],
      ["models[1].indexation[0].value", 3],
      ["options.runs", 3],
    ]);
    const p5 = quantileValues(params, 0.05);
    expect(p5.get("models[1].indexation[0].value")).toBeCloseTo(2.1, 12); // 2 + 0.05·2
    expect(p5.get("models[1].tariffs[0].tariff")).toBeCloseTo(70 - 1.6448536269514722 * 3, 9);
    // triangular(40, 50, 70): F(mode) = 1/3; P5 = 40 + √(0.05·30·10)
    expect(p5.get("caseload.spec.profiles[0].arrivalsPerMonth")).toBeCloseTo(40 + Math.sqrt(15), 12);
    expect(p5.get("options.runs")).toBe(3);
  });
});
