import type { Caseload } from "../caseload/caseload.js";
import { FundingInputError } from "../errors.js";
import type { FundingModel, ModelMeasure } from "../models/model.js";
import { CareFormPrices } from "../prices/careFormPrices.js";
import type { ParsedProjectionOptions } from "../projection/project.js";
import type { ResolvedBehaviour } from "./behaviourSchema.js";
import { withBudgetWaiting } from "./budgetWaiting.js";
import { withCreamSkimming } from "./creamSkimming.js";
import { trajectoryDraws } from "./draws.js";
import { withEpisodeSplits } from "./episodeSplit.js";
import { withExtraUse } from "./extraUse.js";
import { withShorterDurations } from "./shorterDurations.js";
import { withUpcoding } from "./upcoding.js";

/**
 * The model kinds providers respond to; every other kind (per place, reimbursement, combined) gets no response.
 * @category Behaviour responses
 */
export const RESPONDING_KINDS = ["effort", "output", "trajectory", "task"] as const;

/**
 * A caseload as delivered under a model's incentive, and what the responses changed.
 * @category Behaviour responses
 */
export interface BehaviourOutcome {
  readonly caseload: Caseload;
  /** Counts of what changed, shown next to the model's metrics (each `Behaviour: …`). */
  readonly measures: readonly ModelMeasure[];
  /**
   * Months each trajectory of the input caseload waited (a waiting list under a lump sum), or null
   * when none did; `caseload` already has the waits in it.
   */
  readonly delays: Int32Array | null;
}

const count = (name: string, value: number): ModelMeasure => ({ name: `Behaviour: ${name}`, unit: "count", value });

/**
 * The caseload as providers deliver it under `model` (by its kind), given their responses. Pure: the
 * input caseload is not changed. Draws come from `seed`'s `behaviour:*` streams, one per
 * trajectory of the input caseload, the same for every model (common random numbers). With every
 * response of the kind at 0 it returns the caseload itself and no measures, so results are those
 * of a run without behaviour, to the cent.
 *
 * Order of the responses: the registered level (upcoding), then the length of care, then the
 * split into two episodes — each reads the draws of the trajectory as it was in the input.
 * The responses are steady-state: they apply to every trajectory of the caseload, also those
 * running at its start, as if the model had been in force for a while.
 *
 * A waiting list under a lump sum needs the model's `lumpSums` and the providers' `costPrices`
 * (the comparison's, validated); without them that response is refused with a reason.
 * @category Behaviour responses
 */
export function applyBehaviour(
  caseload: Caseload,
  model: Pick<FundingModel, "kind" | "lumpSums">,
  b: ResolvedBehaviour,
  seed: number,
  costPrices?: ParsedProjectionOptions["costPrices"],
): BehaviourOutcome {
  const draws = (label: string): Float64Array => trajectoryDraws(caseload, seed, label);
  const none = { caseload, measures: [], delays: null };
  switch (model.kind) {
    case "effort": {
      const r = withExtraUse(caseload, b.effort.extraUsePercent);
      return r.caseload === caseload ? none : { caseload: r.caseload, measures: [count("trajectories with extra use", r.trajectories)], delays: null };
    }
    case "output":
    case "trajectory": {
      const responses = model.kind === "output" ? b.output : { ...b.trajectory, upcodingPercent: 0 };
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
      return { caseload: c, measures, delays: null };
    }
    case "task": {
      const measures: ModelMeasure[] = [];
      let c = caseload;
      if (b.task.creamSkimmingPercent > 0) {
        const r = withCreamSkimming(c, b.task.creamSkimmingPercent, draws("creamSkimming"), b.intensityOrder, b.task.referredTo);
        c = r.caseload;
        measures.push(count("trajectories referred elsewhere", r.trajectories));
      }
      let delays: Int32Array | null = null;
      if (b.task.intakeStopAtBudgetPercent > 0) {
        const lumpSums = model.lumpSums;
        if (!lumpSums || !costPrices) {
          const why = !lumpSums ? "this task model does not say what each provider receives" : "it needs the comparison's costPrices: the providers' cost is what runs against a lump sum";
          throw new FundingInputError("behaviour", [{ code: "invalid_value", path: ["task", "intakeStopAtBudgetPercent"], message: `a waiting list under a lump sum cannot be simulated: ${why}` }]);
        }
        const delivered = c;
        const prices = new CareFormPrices(delivered, costPrices.prices, costPrices.indexation, "projection options", ["costPrices", "prices"]);
        const r = withBudgetWaiting(delivered, b.task.intakeStopAtBudgetPercent, (year) => lumpSums.call(model, delivered, year), prices);
        c = r.caseload;
        delays = r.delays;
      }
      return { caseload: c, measures, delays };
    }
    default:
      return none;
  }
}
