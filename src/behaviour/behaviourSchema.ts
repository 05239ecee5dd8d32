import { z } from "zod";
import { CARE_FORMS, type CareForm } from "../caseload/codes.js";
import { NameSchema } from "../caseload/names.js";

/*
 * Behaviour responses (gedragseffecten): how providers respond to a funding model's incentive.
 * Every response is a parameter that defaults to 0 — off — and carries its source in its
 * description, so a comparison never contains a response nobody chose. A named set switches them
 * as a whole; fields given next to the set override it.
 */

/** A response in percent, 0–100; applied to 0.01 percentage point (basis points), so any draw of a distribution fits. */
const percent = (what: string) =>
  z
    .number()
    .min(0, `${what} must be at least 0`)
    .max(100, `${what} must be at most 100`);

const ExtraUseSchema = z
  .strictObject(Object.fromEntries(CARE_FORMS.map((f) => [f, percent(`extra use for ${f}`).optional().describe(`extra monthly use of ${f} care, in percent`)])) as Record<CareForm, z.ZodOptional<ReturnType<typeof percent>>>)
  .describe(
    "extra monthly use, in percent, when providers are paid per unit (p×q), per care form. Sources: fee-for-service " +
      "vs salary +22–30 % visits (Hickson et al. 1987, Pediatrics 80:344); +2 % price → +3 % care (Clemens & Gottlieb 2014, " +
      "Am Econ Rev 104:1320); ≈0 for residential care, whose etmalen are bounded by the days in care.",
  );

const DurationSchema = percent("shorterDurationPercent").describe(
  "closed trajectories end this percent of their duration earlier (randomised rounding to whole months, at least 1 month), " +
    "with the same outcome; the care in the months cut is not delivered. Estimate: per-trajectory funding rewards faster " +
    "throughput (seed 003, Overijssel 2011, whose example assumes 15 % faster care).",
);
const SplitSchema = percent("episodeSplitPercent").describe(
  "share of closed trajectories (of at least 2 months) that the provider closes halfway, without the result, and opens " +
    "again as a new trajectory (a re-entry, herinstroom) for the rest of the same care. Source: after per-episode pay, " +
    "episodes per user rose from 1.6 to 2.0, +25 % (MedPAC 2013, home health).",
);

/**
 * The responses per model kind; see {@link BehaviourSchema}.
 * @category Behaviour responses
 */
export const BehaviourResponsesSchema = z.strictObject({
  effort: z
    .strictObject({ extraUsePercent: ExtraUseSchema.optional() })
    .optional()
    .describe("inspanningsgericht (p×q): more units when every unit is paid (supplier-induced volume)"),
  output: z
    .strictObject({
      shorterDurationPercent: DurationSchema.optional(),
      episodeSplitPercent: SplitSchema.optional(),
      upcodingPercent: percent("upcodingPercent")
        .optional()
        .describe(
          "percentage points of trajectories registered one intensity level higher than their care (upcoding); the care " +
            "itself is unchanged. Source: +0.3–0.4 percentage points per 10 % price gap between levels (Norwegian DRG " +
            "reform, Anthun, Bjørngaard & Magnussen 2017, Int J Health Econ Manag 17:83); the sets assume the ≈100 % gap of the default region's levels.",
        ),
    })
    .optional()
    .describe("outputgericht: a fixed price per arrangement rewards shorter care, more arrangements and a higher intensity level"),
  trajectory: z
    .strictObject({ shorterDurationPercent: DurationSchema.optional(), episodeSplitPercent: SplitSchema.optional() })
    .optional()
    .describe("trajectfinanciering: a fixed amount per trajectory rewards shorter trajectories and more of them"),
  task: z
    .strictObject({
      creamSkimmingPercent: percent("creamSkimmingPercent")
        .optional()
        .describe(
          "share of trajectories at the heaviest intensity level of their profile that a provider with a lump sum refers " +
            "elsewhere (to the provider named by referredTo, paid by no budget of the model): the care still has to be " +
            "delivered, outside the contract. Estimate: no Dutch measurement; the risk of selection under lump sums is " +
            "named by VNG (seed 004).",
        ),
      intakeStopAtBudgetPercent: z
        .number()
        .min(0, "intakeStopAtBudgetPercent must be at least 0")
        .max(200, "intakeStopAtBudgetPercent must be at most 200")
        .optional()
        .describe(
          "a provider with its own lump sum lets new clients wait (a waiting list) in a month when its cost of care so far " +
            "this year is above this percent of its budget to date; 0 = never. Needs the comparison's cost prices. " +
            "Estimate: waiting lists under lump sums are named by VNG (seed 004); no measured threshold.",
        ),
      referredTo: NameSchema.optional().describe('the provider that receives referred trajectories; default "Elders (doorverwezen)"'),
    })
    .optional()
    .describe("taakgericht (lumpsum): a fixed budget rewards doing less: referring heavy clients elsewhere, letting new ones wait"),
});

/**
 * The named behaviour sets (see {@link BEHAVIOUR_SETS}).
 * @category Behaviour responses
 */
export const BEHAVIOUR_SET_NAMES = ["none", "literature-central", "literature-high"] as const;
/**
 * A named behaviour set.
 * @category Behaviour responses
 */
export type BehaviourSetName = (typeof BEHAVIOUR_SET_NAMES)[number];

/**
 * Providers' responses to the incentives of each funding model: a named `set` (default `none`:
 * every response off), with fields given next to it overriding the set's. Applied when the
 * caseload is projected under a model of that kind; the same random draws for every model.
 * @category Behaviour responses
 */
export const BehaviourSchema = BehaviourResponsesSchema.extend({
  set: z
    .enum(BEHAVIOUR_SET_NAMES)
    .default("none")
    .describe("a behaviour set switched as a whole: none (every response 0, the default), literature-central or literature-high; fields given here override it"),
  intensityOrder: z
    .array(NameSchema)
    .min(1)
    .optional()
    .describe("intensity levels from light to heavy, for upcoding and cream skimming; default: the caseload's order of intensity names"),
}).describe("behaviour responses of providers to each model's incentive (gedragseffecten); off unless chosen");

/**
 * Behaviour responses as users write them: a set name, or a set with overrides.
 * @category Behaviour responses
 */
export type BehaviourInput = z.input<typeof BehaviourSchema> | BehaviourSetName;

/**
 * Behaviour after resolving the set: every response a number (percent), 0 when off.
 * @category Behaviour responses
 */
export interface ResolvedBehaviour {
  readonly set: BehaviourSetName;
  readonly effort: { readonly extraUsePercent: Readonly<Record<CareForm, number>> };
  readonly output: { readonly shorterDurationPercent: number; readonly episodeSplitPercent: number; readonly upcodingPercent: number };
  readonly trajectory: { readonly shorterDurationPercent: number; readonly episodeSplitPercent: number };
  readonly task: { readonly creamSkimmingPercent: number; readonly intakeStopAtBudgetPercent: number; readonly referredTo: string };
  readonly intensityOrder: readonly string[] | null;
}
