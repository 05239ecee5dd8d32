import { z } from "zod";
import { parseWith } from "../errors.js";
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
    return z.array(ModelConfigSchema).min(1, "needs at least one part").describe("the models added up; each part pays as it would alone");
  },
}) as unknown as z.ZodType<CombinedConfig>;

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
  if (typeof (config as FundingModel).project === "function") return config as FundingModel;
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
