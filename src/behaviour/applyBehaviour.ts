import type { Caseload } from "../caseload/caseload.js";
import type { ModelMeasure } from "../models/model.js";
import type { ResolvedBehaviour } from "./behaviourSchema.js";
import { withCreamSkimming } from "./creamSkimming.js";
import { trajectoryDraws } from "./draws.js";
import { withEpisodeSplits } from "./episodeSplit.js";
import { withExtraUse } from "./extraUse.js";
import { withShorterDurations } from "./shorterDurations.js";
import { withUpcoding } from "./upcoding.js";

/** The model kinds providers respond to; every other kind (per place, reimbursement, combined) gets no response. */
export const RESPONDING_KINDS = ["effort", "output", "trajectory", "task"] as const;

/** A caseload as delivered under a model's incentive, and what the responses changed. */
export interface BehaviourOutcome {
  readonly caseload: Caseload;
  /** Counts of what changed, shown next to the model's metrics (each `Behaviour: …`). */
  readonly measures: readonly ModelMeasure[];
}

const count = (name: string, value: number): ModelMeasure => ({ name: `Behaviour: ${name}`, unit: "count", value });

/**
 * The caseload as providers deliver it under a model of `kind`, given their responses. Pure: the
 * input caseload is not changed. Draws come from `seed`'s `behaviour:*` streams, one per
 * trajectory of the input caseload, the same for every model (common random numbers). With every
 * response of the kind at 0 it returns the caseload itself and no measures, so results are those
 * of a run without behaviour, to the cent.
 *
 * Order of the responses: the registered level (upcoding), then the length of care, then the
 * split into two episodes — each reads the draws of the trajectory as it was in the input.
 * The responses are steady-state: they apply to every trajectory of the caseload, also those
 * running at its start, as if the model had been in force for a while.
 */
export function applyBehaviour(caseload: Caseload, kind: string, b: ResolvedBehaviour, seed: number): BehaviourOutcome {
  const draws = (label: string): Float64Array => trajectoryDraws(caseload, seed, label);
  switch (kind) {
    case "effort": {
      const r = withExtraUse(caseload, b.effort.extraUsePercent);
      return r.caseload === caseload ? { caseload, measures: [] } : { caseload: r.caseload, measures: [count("trajectories with extra use", r.trajectories)] };
    }
    case "output":
    case "trajectory": {
      const responses = kind === "output" ? b.output : { ...b.trajectory, upcodingPercent: 0 };
      const measures: ModelMeasure[] = [];
      let c = caseload;
      if (responses.upcodingPercent > 0) {
        const r = withUpcoding(c, responses.upcodingPercent, draws("upcoding"), b.intensityOrder);
        c = r.caseload;
        measures.push(count("trajectories upcoded", r.trajectories));
      }
      if (responses.shorterDurationPercent > 0) {
        const r = withShorterDurations(c, responses.shorterDurationPercent, draws("duration"));
        c = r.caseload;
        measures.push(count("trajectories shortened", r.trajectories), count("care months cut", r.monthsCut));
      }
      if (responses.episodeSplitPercent > 0) {
        const r = withEpisodeSplits(c, responses.episodeSplitPercent, draws("split"));
        c = r.caseload;
        measures.push(count("trajectories split in two", r.trajectories));
      }
      return { caseload: c, measures };
    }
    case "task": {
      const r = withCreamSkimming(caseload, b.task.creamSkimmingPercent, draws("creamSkimming"), b.intensityOrder, b.task.referredTo);
      return r.caseload === caseload ? { caseload, measures: [] } : { caseload: r.caseload, measures: [count("trajectories referred elsewhere", r.trajectories)] };
    }
    default:
      return { caseload, measures: [] };
  }
}
