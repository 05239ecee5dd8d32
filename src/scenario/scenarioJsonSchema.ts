import { z } from "zod";
import { ModelConfigSchema } from "../models/index.js";
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
  const { $schema, ...rest } = schema;
  return { $schema, title: "jeugdhulp-bekostiging scenario", ...rest };
}
