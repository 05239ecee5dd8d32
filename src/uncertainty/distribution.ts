import { z } from "zod";
import { NameSchema } from "../caseload/names.js";
import { normalMass } from "./normal.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/*
 * A parameter distribution: where a scenario has a number (a trend, a tariff, a probability, a
 * count), it may instead have `{ "distribution": "triangular", "min": …, "mode": …, "max": … }`.
 * Each Monte Carlo run draws the parameter (sampleDistribution), the base case is its mean
 * (centre), and sensitivity analysis evaluates it at percentiles (quantile).
 */

/**
 * How a draw enters the scenario: `number` (as drawn, the default); `integer` (rounded half-up —
 * halves away from zero — to a whole number, for counts); `euros` (a decimal euro string rounded
 * half-up to the cent, e.g. "70.13", for money fields, which refuse bare numbers); `percent` (a
 * decimal string with 4 decimals rounded half-up, e.g. "3.1250", for percentage fields).
 * @category Uncertainty and sensitivity
 */
export const DistributionOutputSchema = z
  .enum(["number", "integer", "euros", "percent"])
  .describe(
    'how the draw enters the scenario: "number" (default) as drawn; "integer" rounded half-up to a whole number; ' +
      '"euros" a euro string rounded half-up to the cent ("70.13"); "percent" a string with 4 decimals ("3.1250")',
  );
/**
 * How a draw enters the scenario; see {@link DistributionOutputSchema}.
 * @category Uncertainty and sensitivity
 */
export type DistributionOutput = z.infer<typeof DistributionOutputSchema>;

const common = {
  name: NameSchema.optional().describe('a short label for tornado charts, e.g. "instroomtrend"; unique within a scenario'),
  as: DistributionOutputSchema.optional(),
};

const Positive = (field: string): z.ZodNumber => z.number().positive(`${field} must be greater than 0`);

const FixedSchema = z
  .strictObject({ distribution: z.literal("fixed").describe("the kind of distribution"), value: z.number().describe("the value, always"), ...common })
  .describe("a fixed value: no uncertainty (useful to switch a parameter off without removing its node)");

const UniformSchema = z
  .strictObject({ distribution: z.literal("uniform").describe("the kind of distribution"), min: z.number().describe("lowest value"), max: z.number().describe("highest value"), ...common })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: "custom", path: ["max"], message: `max (${d.max}) must be greater than min (${d.min})` });
  }, ONLY_IF_VALID)
  .describe("uniform between min and max");

const TriangularSchema = z
  .strictObject({ distribution: z.literal("triangular").describe("the kind of distribution"), min: z.number().describe("lowest value"), mode: z.number().describe("most likely value"), max: z.number().describe("highest value"), ...common })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max)) ctx.addIssue({ code: "custom", path: ["max"], message: `max (${d.max}) must be greater than min (${d.min})` });
    else if (!(d.min <= d.mode && d.mode <= d.max)) {
      ctx.addIssue({ code: "custom", path: ["mode"], message: `mode (${d.mode}) must lie between min (${d.min}) and max (${d.max})` });
    }
  }, ONLY_IF_VALID)
  .describe("triangular with the given minimum, most likely value (mode) and maximum");

/** The smallest probability a truncation window of a normal may hold. */
const MIN_TRUNCATED_MASS = 1e-12;

const NormalSchema = z
  .strictObject({
    distribution: z.literal("normal").describe("the kind of distribution"),
    mean: z.number().describe("mean of the normal before truncation"),
    sd: Positive("sd").describe("standard deviation of the normal before truncation"),
    min: z.number().optional().describe("truncate below this value (draws are redrawn, not clamped)"),
    max: z.number().optional().describe("truncate above this value (draws are redrawn, not clamped)"),
    ...common,
  })
  .superRefine((d, ctx) => {
    if (d.min !== undefined && d.max !== undefined && !(d.min < d.max)) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `max (${d.max}) must be greater than min (${d.min})` });
      return;
    }
    if (d.min === undefined && d.max === undefined) return;
    const mass = normalMass(((d.min ?? -Infinity) - d.mean) / d.sd, ((d.max ?? Infinity) - d.mean) / d.sd);
    if (!(mass >= MIN_TRUNCATED_MASS)) {
      ctx.addIssue({
        code: "custom",
        path: d.min !== undefined ? ["min"] : ["max"],
        message: `truncation [${d.min ?? "-∞"}, ${d.max ?? "∞"}] holds almost none of the normal (mean ${d.mean}, sd ${d.sd}): probability ${mass > 0 ? mass.toPrecision(3) : "below 1e-300"}`,
      });
    }
  }, ONLY_IF_VALID)
  .describe("normal with mean and sd, optionally truncated to [min, max]");

const LognormalSchema = z
  .strictObject({
    distribution: z.literal("lognormal").describe("the kind of distribution"),
    mean: Positive("mean").describe("mean of the variable itself (not of its logarithm)"),
    sd: Positive("sd").describe("standard deviation of the variable itself (not of its logarithm)"),
    ...common,
  })
  .describe("log-normal, given by the mean and standard deviation of the variable itself");

const BetaSchema = z
  .strictObject({
    distribution: z.literal("beta").describe("the kind of distribution"),
    alpha: Positive("alpha").describe("first shape parameter (α)"),
    beta: Positive("beta").describe("second shape parameter (β)"),
    min: z.number().optional().describe("lower end of the scaled range (default 0)"),
    max: z.number().optional().describe("upper end of the scaled range (default 1)"),
    ...common,
  })
  .superRefine((d, ctx) => {
    const min = d.min ?? 0;
    const max = d.max ?? 1;
    if (!(min < max)) {
      ctx.addIssue({
        code: "custom",
        path: d.max !== undefined ? ["max"] : ["min"],
        message: `max (${max}) must be greater than min (${min}); min defaults to 0, max to 1`,
      });
    }
  }, ONLY_IF_VALID)
  .describe("beta(alpha, beta) on [0, 1], scaled to [min, max] when given; see betaFromMeanSd");

const GammaSchema = z
  .strictObject({ distribution: z.literal("gamma").describe("the kind of distribution"), shape: Positive("shape").describe("shape k"), scale: Positive("scale").describe("scale θ"), ...common })
  .describe("gamma with shape k and scale θ (mean kθ); see gammaFromMeanSd");

/**
 * The distribution kinds, for messages.
 * @category Uncertainty and sensitivity
 */
export const DISTRIBUTION_KINDS = ["fixed", "uniform", "triangular", "normal", "lognormal", "beta", "gamma"] as const;

/**
 * A parameter distribution: a strict object discriminated on `distribution` — `fixed {value}`,
 * `uniform {min, max}`, `triangular {min, mode, max}`, `normal {mean, sd, min?, max?}` (truncated
 * to [min, max] when given), `lognormal {mean, sd}` (of the variable itself), `beta {alpha, beta,
 * min? = 0, max? = 1}` (scaled), `gamma {shape, scale}` — each with an optional `name` (its label
 * in a tornado chart) and `as` (how the draw enters the scenario, {@link DistributionOutputSchema}).
 * The parsed value is the input itself (no defaults are filled in), so a node can be written back.
 * @category Uncertainty and sensitivity
 */
export const DistributionSchema = z
  .discriminatedUnion("distribution", [FixedSchema, UniformSchema, TriangularSchema, NormalSchema, LognormalSchema, BetaSchema, GammaSchema], {
    error: (i) =>
      i.code === "invalid_union" ? `distribution must be one of ${DISTRIBUTION_KINDS.map((k) => `"${k}"`).join(", ")}` : undefined,
  })
  .describe("an uncertain parameter: a distribution in place of a number, drawn once per Monte Carlo run");

/**
 * A parameter distribution (parsed by {@link DistributionSchema}).
 * @category Uncertainty and sensitivity
 */
export type Distribution = z.infer<typeof DistributionSchema>;
/**
 * A parameter distribution as users write it.
 * @category Uncertainty and sensitivity
 */
export type DistributionInput = z.input<typeof DistributionSchema>;
