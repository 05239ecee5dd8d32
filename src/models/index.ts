import { z } from "zod";
import { parseWith } from "../errors.js";
import { effortModel, EffortConfigSchema } from "./effort.js";
import type { FundingModel } from "./model.js";
import { outputModel, OutputConfigSchema } from "./output.js";
import { taskModel, TaskConfigSchema } from "./task.js";
import { trajectoryModel, TrajectoryConfigSchema } from "./trajectory.js";

/**
 * Any built-in model's config, discriminated on `kind`: `task` (taakgericht), `effort`
 * (inspanningsgericht), `output` (outputgericht), `trajectory` (trajectfinanciering).
 */
export const ModelConfigSchema = z.discriminatedUnion("kind", [
  TaskConfigSchema,
  EffortConfigSchema,
  OutputConfigSchema,
  TrajectoryConfigSchema,
]);
export type ModelConfig = z.input<typeof ModelConfigSchema>;

const FACTORIES = {
  task: taskModel,
  effort: effortModel,
  output: outputModel,
  trajectory: trajectoryModel,
} as const;

/**
 * A funding model from its config, or the model itself when one is passed (so `compare` accepts
 * both). Throws FundingInputError naming the field when the config is invalid.
 */
export function createModel(config: ModelConfig | FundingModel): FundingModel {
  if (typeof (config as FundingModel).project === "function") return config as FundingModel;
  const c = parseWith(ModelConfigSchema, config, "model config");
  return (FACTORIES[c.kind] as (cfg: unknown) => FundingModel)(config);
}
