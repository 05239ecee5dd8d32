import { z } from "zod";
import { FundingInputError, fromZodIssues } from "../errors.js";
import type { CaseloadSpec } from "./spec.js";

/*
 * Bounded work (issue 10): a caseload is held in memory, one entry per trajectory and one per
 * trajectory-month of use. Its size is estimated from the spec (or counted from the records) and
 * refused BEFORE anything is allocated when it is over the limit, instead of V8 aborting at its
 * heap limit (`arrivalsPerMonth: 1000000` over 600 months did, at about 4.5 GB).
 */

/**
 * Default limit on trajectory-months (months of care inside the window, summed over the
 * trajectories) of one caseload: 50 million, ten times the national-scale benchmark (`npm run
 * bench:national`: about 520,000 trajectories and 5.2 million trajectory-months over 36 months).
 * Raise it with the `maxTrajectoryMonths` option when the machine has the memory.
 * @category Caseload
 */
export const DEFAULT_MAX_TRAJECTORY_MONTHS = 50_000_000;

/**
 * Default limit on the trajectories a caseload spec may generate: 10 million (about 20 × the
 * national-scale benchmark). Raise it with the `maxTrajectories` option.
 * @category Caseload
 */
export const DEFAULT_MAX_TRAJECTORIES = 10_000_000;

/**
 * Limits on the size of a caseload, checked before it is built. Defaults:
 * {@link DEFAULT_MAX_TRAJECTORY_MONTHS} and {@link DEFAULT_MAX_TRAJECTORIES}.
 * @category Caseload
 */
export const WorkLimitsSchema = z.strictObject({
  maxTrajectoryMonths: z
    .number()
    .int("maxTrajectoryMonths must be a whole number")
    .positive("maxTrajectoryMonths must be at least 1")
    .optional()
    .describe(`most trajectory-months (months of care inside the window, summed) a caseload may hold; default ${DEFAULT_MAX_TRAJECTORY_MONTHS.toLocaleString("en")}`),
  maxTrajectories: z
    .number()
    .int("maxTrajectories must be a whole number")
    .positive("maxTrajectories must be at least 1")
    .optional()
    .describe(`most trajectories a caseload spec may generate; default ${DEFAULT_MAX_TRAJECTORIES.toLocaleString("en")}`),
});

/**
 * Limits on the size of a caseload (see {@link WorkLimitsSchema}).
 * @category Caseload
 */
export type WorkLimits = z.input<typeof WorkLimitsSchema>;

/** The limits with their defaults, checked (an error names `subject`). */
export function workLimits(limits: unknown, subject: string): { readonly maxTrajectoryMonths: number; readonly maxTrajectories: number } {
  const picked = typeof limits === "object" && limits !== null ? { maxTrajectoryMonths: (limits as WorkLimits).maxTrajectoryMonths, maxTrajectories: (limits as WorkLimits).maxTrajectories } : {};
  const r = WorkLimitsSchema.safeParse(Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)));
  if (!r.success) throw new FundingInputError(subject, fromZodIssues(r.error.issues));
  return { maxTrajectoryMonths: r.data.maxTrajectoryMonths ?? DEFAULT_MAX_TRAJECTORY_MONTHS, maxTrajectories: r.data.maxTrajectories ?? DEFAULT_MAX_TRAJECTORIES };
}

/** The expected size of the caseload a (parsed) spec generates: trajectories and trajectory-months inside the window. */
export function estimateSpecWork(spec: CaseloadSpec): { readonly trajectories: number; readonly trajectoryMonths: number } {
  const months = spec.window.months;
  let trajectories = 0;
  let trajectoryMonths = 0;
  for (const p of spec.profiles) {
    const seasonMean = p.seasonality.reduce((a, b) => a + b, 0) / 12;
    const growth = 1 + p.trendPercentPerYear / 100;
    let arrivals = 0;
    for (let m = 0; m < months; m++) arrivals += (p.arrivalsPerMonth * growth ** (m / 12) * p.seasonality[m % 12]!) / seasonMean;
    // A closed trajectory is followed by a re-entry with the given probability: a geometric chain, at most one per month.
    const chain = p.reentry.probability < 1 ? Math.min(1 / (1 - p.reentry.probability), months) : months;
    const n = (p.initialStock + arrivals) * chain;
    const weight = p.intensities.reduce((s, x) => s + x.weight, 0);
    const duration = p.intensities.reduce((s, x) => s + x.weight * x.durationMonths.mean, 0) / weight;
    trajectories += n;
    trajectoryMonths += n * Math.min(Math.max(1, duration), months);
  }
  return { trajectories: Math.ceil(trajectories), trajectoryMonths: Math.ceil(trajectoryMonths) };
}

const fmt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString("en") : String(n));

/** Throws a FundingInputError (code `too_much_work`, at the caseload as a whole) when an estimate is over a limit. */
export function checkWork(
  estimate: { readonly trajectories?: number; readonly trajectoryMonths: number },
  limits: { readonly maxTrajectoryMonths: number; readonly maxTrajectories: number },
  subject: string,
  what: string,
): void {
  const over: string[] = [];
  if (estimate.trajectories !== undefined && estimate.trajectories > limits.maxTrajectories) {
    over.push(`about ${fmt(estimate.trajectories)} trajectories, more than the limit of ${fmt(limits.maxTrajectories)} (option maxTrajectories)`);
  }
  if (estimate.trajectoryMonths > limits.maxTrajectoryMonths) {
    over.push(`${estimate.trajectories === undefined ? "" : "about "}${fmt(estimate.trajectoryMonths)} trajectory-months, more than the limit of ${fmt(limits.maxTrajectoryMonths)} (option maxTrajectoryMonths)`);
  }
  if (over.length > 0) {
    throw new FundingInputError(subject, [
      { code: "too_much_work", path: [], message: `${what} would hold ${over.join(" and ")}; the caseload is held in memory, so it is refused before it is built — raise the limit if the machine has the memory` },
    ]);
  }
}
