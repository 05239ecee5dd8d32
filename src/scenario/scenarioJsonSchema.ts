import { z } from "zod";
import { FIXED_OPTIONS } from "../metrics/compareOptions.js";
import { ModelConfigSchema } from "../models/index.js";
import { DistributionSchema } from "../uncertainty/distribution.js";
import { ScenarioSchema } from "./scenarioSchema.js";

/**
 * The schema registry the JSON Schema is made with: zod's global one (where `.describe()` keeps
 * the descriptions), with the model config named, so the recursive combined model refers to
 * `#/$defs/ModelConfig` rather than an anonymous `__schema0`.
 */
function namingRegistry(): typeof z.globalRegistry {
  const global = z.globalRegistry;
  return Object.create(global, {
    get: {
      value: (schema: z.core.$ZodType) => (schema === (ModelConfigSchema as unknown) ? { ...global.get(schema), id: "ModelConfig" } : global.get(schema)),
    },
  }) as typeof z.globalRegistry;
}

/**
 * The JSON Schema (draft 2020-12) of a scenario file as users write it (the input side of
 * {@link ScenarioSchema}: money as euro strings or `{ cents }`, defaults optional and shown as
 * `default`), with every field's description for editor tooltips. The recursive model config
 * (a combined model's parts) is `#/$defs/ModelConfig`. Refinements that JSON Schema cannot say
 * (shares summing to 100 %, unique names, an end after its start) are checked by
 * {@link parseScenario} only. A fresh object on every call.
 * @category Scenarios
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, {
    target: "draft-2020-12",
    io: "input",
    cycles: "ref",
    reused: "inline",
    unrepresentable: "throw",
    metadata: namingRegistry(),
  }) as Record<string, unknown>;
  const defs = schema["$defs"] as Record<string, Record<string, unknown>> | undefined;
  if (defs?.["ModelConfig"] && !defs["ModelConfig"]["description"]) {
    defs["ModelConfig"]["description"] = "a funding model's config, picked by kind";
  }
  acceptDistributions(schema);
  const { $schema, ...rest } = schema;
  return { $schema, title: "jeugdhulp-bekostiging scenario", ...rest };
}


/**
 * Where a scenario may hold a distribution in place of a number (the caseload spec, the models,
 * the options but horizon, seed, runs, keepProjections and the limits), the JSON Schema accepts one too:
 * every number, and every string of digits (money, percentages), becomes "that, or a
 * `#/$defs/Distribution`", so an editor does not flag an uncertain parameter.
 */
function acceptDistributions(schema: Record<string, unknown>): void {
  type Node = Record<string, unknown>;
  const defs = (schema["$defs"] ??= {}) as Record<string, Node>;
  const distribution = z.toJSONSchema(DistributionSchema, { target: "draft-2020-12", io: "input", reused: "inline", unrepresentable: "throw" }) as Node;
  delete distribution["$schema"];
  defs["Distribution"] = { ...distribution, description: "a distribution in place of a number, drawn per Monte Carlo run (e.g. { distribution: 'triangular', min, mode, max, as: 'euros' })" };
  const ref = { $ref: "#/$defs/Distribution" };
  const widen = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    if (Array.isArray(node)) return node.map(widen);
    const n = node as Node;
    if (n["$ref"] !== undefined) return n;
    const numeric = n["type"] === "number" || n["type"] === "integer" || (n["type"] === "string" && typeof n["pattern"] === "string" && n["pattern"].includes("\\d"));
    if (numeric) {
      const { description, default: dflt, ...rest } = n;
      return { anyOf: [rest, ref], ...(description !== undefined ? { description } : {}), ...(dflt !== undefined ? { default: dflt } : {}) };
    }
    return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, widen(v)]));
  };
  const comparison = ((schema["anyOf"] as Node[] | undefined) ?? []).find((k) => (k["properties"] as Node | undefined)?.["models"] !== undefined);
  if (!comparison) return;
  const props = comparison["properties"] as Node;
  const caseloadBranches = (props["caseload"] as Node)["anyOf"] as Node[];
  for (const branch of caseloadBranches) {
    const bp = branch["properties"] as Node;
    if (bp["spec"]) bp["spec"] = widen(bp["spec"]);
  }
  props["models"] = widen(props["models"]);
  if (defs["ModelConfig"]) defs["ModelConfig"] = widen(defs["ModelConfig"]) as Node;
  const options = props["options"] as Node;
  const optionProps = options["properties"] as Node;
  for (const key of Object.keys(optionProps)) if (!FIXED_OPTIONS.has(key)) optionProps[key] = widen(optionProps[key]);
}
