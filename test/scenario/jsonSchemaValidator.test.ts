/**
 * The shipped JSON Schema checked by an independent validator (ajv, draft 2020-12, strict): every
 * shipped scenario passes it, broken ones are refused by it as by zod, and it never refuses a
 * scenario zod accepts (arbitrary model configs, combined models included). Editors use this file;
 * zod runs the scenarios: the two must not disagree on what is valid.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { safeParseScenario } from "../../src/scenario/scenarioSchema.js";
import { SCHEMA_FILE } from "../../scripts/write-schema.js";
import { combinedConfigArb, modelConfigArb, perPlaceConfigArb, reimbursementConfigArb } from "../support/modelArbitraries.js";

// Strict: compiling throws (and fails this file) on an unknown keyword or format.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
const ajvAccepts = (data: unknown): boolean => validate(data) === true;
const zodAccepts = (data: unknown): boolean => safeParseScenario(data).success;

const DIR = "scenarios";
const shipped = readdirSync(DIR).filter((f) => /\.(json|ya?ml)$/.test(f));
const read = (f: string): Record<string, unknown> => parse(readFileSync(join(DIR, f), "utf8")) as Record<string, unknown>;

describe("the JSON Schema, checked by ajv", () => {
  for (const f of shipped) {
    it(`accepts ${f}`, () => {
      expect(validate(read(f)), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  const quick = read("quick-start.json");
  const pool = read("stimuleringsimpuls-2021-worked.json");
  const zhi = read("zhi-funding.json");
  const models = quick["models"] as Record<string, unknown>[];
  const caseload = quick["caseload"] as Record<string, unknown>;
  const records = caseload["records"] as Record<string, unknown>[];
  const broken: Record<string, unknown> = {
    "an unknown top-level key": { ...quick, optoins: {} },
    "an unknown model kind": { ...quick, models: [{ ...models[0], kind: "hourly" }] },
    "a money amount with a decimal comma": { ...quick, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70,00" }] }] },
    "no models": { ...quick, models: [] },
    "two caseload variants at once": { ...quick, caseload: { ...(quick["caseload"] as object), spec: {} } },
    "a misspelt kind of scenario": { ...pool, kind: "grantpool" },
    "a grant pool without requests": { ...pool, requests: undefined },
    "a grant request of an unknown kind": { ...pool, requests: { records: [{ id: "X", region: "R", kind: "vastgoed", amount: "1.00", receivedDate: "2021-02-01", deliveryDate: "2021-03-01" }] } },
    "a recovery initiative with 0 runs": { ...zhi, options: { ...(zhi["options"] as object), runs: 0 } },
    "a recovery initiative with an unknown key": { ...zhi, procurement: { ...(zhi["procurement"] as object), billablePrecent: "50" } },
    "a name of spaces only": { ...quick, name: "   " },
    "a fraction of a cent": { ...quick, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { cents: 1.5 } }] }] },
  };
  for (const [what, data] of Object.entries(broken)) {
    it(`refuses ${what}, as zod does`, () => {
      const json = JSON.parse(JSON.stringify(data)) as unknown; // as a file holds it: no undefined keys
      expect([ajvAccepts(json), zodAccepts(json)]).toEqual([false, false]);
    });
  }

  // What JSON Schema cannot say is checked by zod alone, and documented (scenarioJsonSchema's TSDoc):
  // a refinement across fields or on a number written as a string. If ajv starts refusing one, move it up.
  const refinementsOnly: Record<string, unknown> = {
    "a share above 100 % (a percent string)": { ...zhi, procurement: { ...(zhi["procurement"] as object), billablePercent: "150" } },
    "an output schedule not summing to 100 %": { ...quick, models: [{ kind: "output", prices: [{ price: "100.00" }], schedule: { atStart: "50", instalments: "60" } }] },
    "a trajectory that ends before it starts": {
      ...quick,
      caseload: { ...caseload, records: [{ ...records[0], end: "2025-12" }, ...records.slice(1)] },
    },
  };
  for (const [what, data] of Object.entries(refinementsOnly)) {
    it(`leaves ${what} to zod (a refinement JSON Schema cannot say)`, () => {
      expect([ajvAccepts(data), zodAccepts(data)]).toEqual([true, false]);
    });
  }

  it("accepts arbitrary valid model configs, as zod does", () => {
    const configArb = fc.oneof(modelConfigArb, perPlaceConfigArb(), reimbursementConfigArb(), combinedConfigArb());
    fc.assert(
      fc.property(fc.array(configArb, { minLength: 1, maxLength: 3 }), (configs) => {
        const scenario = JSON.parse(JSON.stringify({ ...quick, models: configs })) as unknown;
        expect(zodAccepts(scenario)).toBe(true);
        expect(validate(scenario), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
