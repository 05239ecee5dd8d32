import { z } from "zod";
import { BEHAVIOUR_SET_NAMES, BehaviourSchema } from "../behaviour/behaviourSchema.js";
import { HorizonSchema } from "../period.js";
import { DatedMoneySchema, IndexationSchema } from "../prices/datedPrice.js";
import { ProjectionOptionsSchema } from "../projection/project.js";
import { WorkLimitsSchema } from "../caseload/workLimits.js";

/**
 * Options of {@link compare}.
 * @category Comparison and metrics
 */
export const CompareOptionsSchema = z.strictObject({
  horizon: HorizonSchema.optional().describe("the months compared, e.g. { start: '2026-01', months: 36 }; default: the caseload's window"),
  // The same fields as a projection's: one definition, one description.
  paymentLagMonths: ProjectionOptionsSchema.shape.paymentLagMonths,
  costPrices: ProjectionOptionsSchema.shape.costPrices,
  budget: z
    .strictObject({ perYear: DatedMoneySchema.describe("the budget per calendar year (the version in force in January)"), indexation: IndexationSchema.optional() })
    .optional()
    .describe("the municipality's youth-care budget per calendar year, for the deviation"),
  seed: z.number().int().default(1).describe("seed of the first run of a synthetic caseload; the same seed gives the same caseload, bit for bit"),
  runs: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(1)
    .describe("Monte Carlo runs of a synthetic caseload, seeds seed … seed + runs − 1; a given caseload (records, CSV) is one run"),
  behaviour: z
    .union([z.enum(BEHAVIOUR_SET_NAMES), BehaviourSchema])
    .optional()
    .describe("providers' responses to each model's incentive: a set name (none, literature-central, literature-high) or a set with overrides; off by default"),
  keepProjections: z
    .union([z.boolean(), z.literal("lines")])
    .default(false)
    .describe('keep each model\'s full projection of the first run in the result (typed arrays: not JSON-safe); "lines": with every payment line too'),
  // Bounded work: a caseload spec expected to generate more is refused before it is built.
  maxTrajectoryMonths: WorkLimitsSchema.shape.maxTrajectoryMonths,
  maxTrajectories: WorkLimitsSchema.shape.maxTrajectories,
});
/**
 * Options of {@link compare}, as users write them (defaults filled in by the schema).
 * @category Comparison and metrics
 */
export type CompareOptions = z.input<typeof CompareOptionsSchema>;

/** Options that hold for every run of a comparison: never a distribution (the others may be uncertain). */
export const FIXED_OPTIONS: ReadonlySet<string> = new Set(["horizon", "seed", "runs", "keepProjections", "maxTrajectoryMonths", "maxTrajectories"]);
