/**
 * The JSON Schema of scenario files: draft 2020-12, the input side (money as euro strings),
 * models as a union discriminated on `kind` with the recursive combined model through $defs, a
 * description on every field, and the shipped file never stale.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ModelConfigSchema } from "../../src/index.js";
import { scenarioJsonSchema } from "../../src/scenario/scenarioJsonSchema.js";
import { SCHEMA_FILE, schemaFileText } from "../../scripts/write-schema.js";

type Json = Record<string, any>;
const root = scenarioJsonSchema() as Json;
/** Every object node of a JSON value, with its JSON-pointer-like place. */
function nodes(node: unknown, at = "#"): [Json, string][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => nodes(x, `${at}[${i}]`));
  if (typeof node !== "object" || node === null) return [];
  return [[node as Json, at], ...Object.entries(node).flatMap(([k, v]) => nodes(v, `${at}/${k}`))];
}
/** The comparison scenario's branch (the default kind). */
const schema = root["anyOf"][0] as Json;

describe("scenarioJsonSchema()", () => {
  it("is JSON Schema draft 2020-12: one of three closed kinds of scenario", () => {
    expect(root["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    const kinds = root["anyOf"] as Json[];
    for (const k of kinds) expect(k).toMatchObject({ type: "object", additionalProperties: false });
    expect(kinds.map((k) => k["properties"]["kind"]["const"])).toEqual(["comparison", "grantPool", "recoveryInitiative"]);
    // A comparison needs no kind (older files and the default); the others must say theirs.
    expect(schema["required"]).toEqual(["caseload", "models"]);
    expect(kinds[1]!["required"]).toEqual(["kind", "pool", "requests"]);
    expect(kinds[2]!["required"]).toContain("kind");
    expect(Object.keys(schema["properties"])).toEqual(["$schema", "name", "description", "kind", "caseload", "models", "streams", "options", "reforms", "sensitivity"]);
  });

  it("describes models as a union discriminated on kind, the combined model's parts by reference", () => {
    const models = schema["properties"]["models"];
    expect(models).toMatchObject({ type: "array", minItems: 1, items: { $ref: "#/$defs/ModelConfig" } });
    const union = root["$defs"]["ModelConfig"]["oneOf"] as Json[];
    const kinds = union.map((m) => m["properties"]["kind"]["const"]);
    expect(kinds).toEqual((ModelConfigSchema as unknown as { options: { shape: { kind: { value: string } } }[] }).options.map((o) => o.shape.kind.value));
    expect(kinds).toEqual(["task", "effort", "output", "trajectory", "perPlace", "reimbursement", "combined"]);
    for (const m of union) expect(m["required"]).toContain("kind");
    const combined = union.find((m) => m["properties"]["kind"]["const"] === "combined")!;
    expect(combined["properties"]["parts"]["items"]).toEqual({ $ref: "#/$defs/ModelConfig" });
  });

  it("is the input side: money as euro strings or cents, defaults optional and shown", () => {
    const effort = (root["$defs"]["ModelConfig"]["oneOf"] as Json[])[1]!;
    const tariff = JSON.stringify(effort["properties"]["tariffs"]["items"]["properties"]["tariff"]);
    expect(tariff).toContain('"pattern":"^-?\\\\d+(\\\\.\\\\d{1,2})?$"');
    expect(tariff).toContain('"cents"');
    const options = schema["properties"]["options"];
    expect(options["default"]).toEqual({});
    // An option that may be uncertain accepts a distribution in place of its number.
    expect(options["properties"]["paymentLagMonths"]).toMatchObject({ anyOf: [{ type: "integer" }, { $ref: "#/$defs/Distribution" }], default: 1 });
    expect(options["properties"]["runs"]).toMatchObject({ default: 1 });
    expect(options["required"] ?? []).toEqual([]);
    // A default of a schema with transforms (money) is not shown on the input side; it is said in words.
    expect(schema["properties"]["streams"]["description"]).toMatch(/default: none/);
  });

  it("has the caseload as one of four closed variants, each picked by its key; a grant pool's requests as one of two", () => {
    const variants = schema["properties"]["caseload"]["anyOf"] as Json[];
    expect(variants.map((v) => v["required"])).toEqual([["spec"], ["records", "window"], ["recordsFile", "window"], ["csv", "window"]]);
    for (const v of variants) expect(v["additionalProperties"]).toBe(false);
    const requests = root["anyOf"][1]["properties"]["requests"]["anyOf"] as Json[];
    expect(requests.map((v) => v["required"])).toEqual([["spec"], ["records"]]);
    for (const v of requests) expect(v["additionalProperties"]).toBe(false);
  });

  it("gives every field a description (an editor tooltip)", () => {
    const missing = nodes(root).flatMap(([n, at]) =>
      Object.entries((n["properties"] ?? {}) as Json).flatMap(([k, p]) => (typeof p["description"] === "string" ? [] : [`${at}.${k}`])),
    );
    expect(missing).toEqual([]);
    expect(root["description"]).toMatch(/^A jeugdhulp-bekostiging scenario/);
    expect(root["$defs"]["ModelConfig"]["description"]).toBeTypeOf("string");
  });

  it("closes every object: an editor flags a misspelt key, as zod refuses it", () => {
    const open = nodes(root).flatMap(([n, at]) => (n["type"] === "object" && n["properties"] && n["additionalProperties"] !== false ? [at] : []));
    expect(open).toEqual([]);
  });

  it("is a fresh object on every call", () => {
    const a = scenarioJsonSchema();
    (a as Json)["title"] = "changed";
    expect(scenarioJsonSchema()["title"]).toBe("jeugdhulp-bekostiging scenario");
  });
});

describe(SCHEMA_FILE, () => {
  it("is what scenarioJsonSchema() gives (rerun `npx tsx scripts/write-schema.ts` after a schema change)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaFileText());
    expect(JSON.parse(readFileSync(SCHEMA_FILE, "utf8"))).toEqual(scenarioJsonSchema());
  });
});
