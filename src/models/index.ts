import { z } from "zod";
import { FundingInputError, parseWith } from "../errors.js";
import { checkDepth } from "../inputDepth.js";
import { combinedModel } from "./combined.js";
import { LabelSchema } from "./common.js";
import { effortModel, EffortConfigSchema, type EffortConfig } from "./effort.js";
import type { FundingModel } from "./model.js";
import { outputModel, OutputConfigSchema, type OutputConfig } from "./output.js";
import { perPlaceModel, PerPlaceConfigSchema, type PerPlaceConfig } from "./perPlace.js";
import { reimbursementModel, ReimbursementConfigSchema, type ReimbursementConfig } from "./reimbursement.js";
import { taskModel, TaskConfigSchema, type TaskConfig } from "./task.js";
import { trajectoryModel, TrajectoryConfigSchema, type TrajectoryConfig } from "./trajectory.js";

/**
 * A combined (hybrid) model's config: a label and its parts, each any model config.
 * @category Funding models
 */
export interface CombinedConfig {
  readonly kind: "combined";
  readonly label?: string | undefined;
  readonly parts: readonly ModelConfig[];
}

/**
 * Any built-in model's config, discriminated on `kind`: `task` (taakgericht), `effort`
 * (inspanningsgericht), `output` (outputgericht), `trajectory` (trajectfinanciering), `perPlace`
 * (per place, e.g. BooO), `reimbursement` (realised costs, meerkosten) and `combined` (parts).
 * @category Funding models
 */
export type ModelConfig = CoreModelConfig | PerPlaceConfig | ReimbursementConfig | CombinedConfig;

/**
 * The four core models' configs: task, effort, output, trajectory.
 * @category Funding models
 */
export type CoreModelConfig = TaskConfig | EffortConfig | OutputConfig | TrajectoryConfig;

/**
 * Config of a combined model: its parts are any model configs (also combined ones).
 * @category Funding models
 */
export const CombinedConfigSchema: z.ZodType<CombinedConfig> = z.strictObject({
  kind: z.literal("combined").describe("hybride: parts of the other models added up"),
  label: LabelSchema,
  get parts() {
    // The depth is measured before zod descends (one chain of stack frames per level): a config
    // nested hundreds deep would otherwise end in a RangeError instead of an error naming the field.
    return z
      .preprocess((parts, ctx) => {
        if (combinedDepth(parts) > MAX_COMBINED_DEPTH) {
          ctx.addIssue({
            code: "custom",
            input: parts,
            message: `combined models nest at most ${MAX_COMBINED_DEPTH} deep (a combined model among the parts of a combined model, and so on); this one nests deeper`,
          });
        }
        return parts;
      }, z.array(ModelConfigSchema).min(1, "needs at least one part"))
      .describe("the models added up; each part pays as it would alone");
  },
}) as unknown as z.ZodType<CombinedConfig>;

/**
 * How deep combined models may nest: a combined model is depth 1, a combined model among its parts
 * depth 2, and so on. Real hybrid contracts nest one or two deep; a deeper config is refused with
 * an error at its `parts`, rather than exhausting the stack.
 * @category Funding models
 */
export const MAX_COMBINED_DEPTH = 16;

/** How deep a combined model with these parts nests (1: no combined model among them), counted iteratively up to one past the maximum. */
function combinedDepth(parts: unknown): number {
  let level: unknown = parts;
  let depth = 1;
  while (depth <= MAX_COMBINED_DEPTH && Array.isArray(level)) {
    const next: unknown[] = [];
    for (const x of level as unknown[]) {
      const inner = typeof x === "object" && x !== null ? (x as { parts?: unknown }).parts : undefined;
      if (Array.isArray(inner)) for (const p of inner) next.push(p);
    }
    if (next.length === 0) break;
    depth++;
    level = next;
  }
  return depth;
}

/**
 * Schema of {@link ModelConfig}.
 * @category Funding models
 */
export const ModelConfigSchema: z.ZodType<ModelConfig> = z.discriminatedUnion("kind", [
  TaskConfigSchema,
  EffortConfigSchema,
  OutputConfigSchema,
  TrajectoryConfigSchema,
  PerPlaceConfigSchema,
  ReimbursementConfigSchema,
  CombinedConfigSchema as unknown as typeof TaskConfigSchema,
]) as unknown as z.ZodType<ModelConfig>;

/** The model kinds, in the order of {@link ModelConfigSchema}'s options. */
const MODEL_KINDS = ["task", "effort", "output", "trajectory", "perPlace", "reimbursement", "combined"] as const;

/**
 * A funding model from its config, or the model itself when one is passed (so `compare` accepts
 * both). Throws FundingInputError naming the field when the config is invalid.
 * @example
 * ```ts
 * import { createModel } from "jeugdhulp-bekostiging";
 *
 * // Money is a decimal string in euros: a bare 70 could be euros or cents.
 * const effort = createModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] });
 * console.log(effort.kind, effort.label); // → effort Inspanningsgericht (p×q)
 * ```
 * @category Funding models
 */
export function createModel(config: ModelConfig | FundingModel): FundingModel {
  if (typeof (config as FundingModel | null)?.project === "function") return config as FundingModel;
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    const got = config === null ? "null" : Array.isArray(config) ? "an array" : typeof config;
    throw new FundingInputError("model config", [{ code: "invalid_type", path: [], message: `a model config is an object with a kind (${MODEL_KINDS.join(", ")}), not ${got}` }]);
  }
  checkDepth(config, "model config");
  parseWith(ModelConfigSchema, config, "model config");
  const c = config as ModelConfig;
  switch (c.kind) {
    case "task":
      return taskModel(c);
    case "effort":
      return effortModel(c);
    case "output":
      return outputModel(c);
    case "trajectory":
      return trajectoryModel(c);
    case "perPlace":
      return perPlaceModel(c);
    case "reimbursement":
      return reimbursementModel(c);
    case "combined":
      return combinedModel(
        c.parts.map((p) => createModel(p)),
        c.label,
      );
  }
}
