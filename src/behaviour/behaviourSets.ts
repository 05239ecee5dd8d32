import { CARE_FORMS, type CareForm } from "../caseload/codes.js";
import { parseWith } from "../errors.js";
import { BehaviourSchema, type BehaviourInput, type BehaviourSetName, type ResolvedBehaviour } from "./behaviourSchema.js";

/**
 * The provider referred trajectories go to when the behaviour does not name one.
 * @category Behaviour responses
 */
export const DEFAULT_REFERRED_TO = "Elders (doorverwezen)";

const useBy = (values: Partial<Record<CareForm, number>>): Record<CareForm, number> =>
  Object.fromEntries(CARE_FORMS.map((f) => [f, values[f] ?? 0])) as Record<CareForm, number>;

/**
 * The named behaviour sets. `none` is the default: no response. The literature sets translate the
 * sources named in each field's description into this library's parameters; where a number is a
 * translation rather than a measurement, the comment says how it was made (an *estimate*).
 * @category Behaviour responses
 */
export const BEHAVIOUR_SETS: Readonly<Record<BehaviourSetName, Omit<ResolvedBehaviour, "intensityOrder">>> = {
  none: {
    set: "none",
    effort: { extraUsePercent: useBy({}) },
    output: { shorterDurationPercent: 0, episodeSplitPercent: 0, upcodingPercent: 0 },
    trajectory: { shorterDurationPercent: 0, episodeSplitPercent: 0 },
    task: { creamSkimmingPercent: 0, intakeStopAtBudgetPercent: 0, referredTo: DEFAULT_REFERRED_TO },
  },
  "literature-central": {
    set: "literature-central",
    // Half of Hickson's +22 % (estimate: a municipal assignment, toewijzing, caps the volume per
    // client, which damps the response); half again for daghulp, whose dagdelen follow a
    // schedule; 0 for care with a stay (etmalen are bounded by the days in care).
    effort: { extraUsePercent: useBy({ ambulant: 11, wijkteam: 11, daghulp: 5.5 }) },
    // Upcoding: 0.35 pp per 10 % price gap × a 100 % gap = 3.5 pp. Durations: half the
    // Overijssel example's 15 % (estimate). Splits: half of MedPAC's +25 % episodes (estimate:
    // the guarantee on re-entry and the assignment check damp it).
    output: { shorterDurationPercent: 7.5, episodeSplitPercent: 12.5, upcodingPercent: 3.5 },
    trajectory: { shorterDurationPercent: 7.5, episodeSplitPercent: 12.5 },
    // estimate: no measurement of selection under Dutch lump sums; intake waits once the cost runs
    // past the budget to date.
    task: { creamSkimmingPercent: 2, intakeStopAtBudgetPercent: 100, referredTo: DEFAULT_REFERRED_TO },
  },
  "literature-high": {
    set: "literature-high",
    // The top of the fee-for-service range (+22–30 %, rounded to 25); daghulp half of it.
    effort: { extraUsePercent: useBy({ ambulant: 25, wijkteam: 25, daghulp: 12.5 }) },
    // Upcoding: 0.4 pp per 10 % gap × a 140 % gap (the default region's light → medium level) = 5.6 pp.
    // Durations: the Overijssel example's 15 %. Splits: MedPAC's +25 % episodes.
    output: { shorterDurationPercent: 15, episodeSplitPercent: 25, upcodingPercent: 5.6 },
    trajectory: { shorterDurationPercent: 15, episodeSplitPercent: 25 },
    // estimate: an upper bound for sensitivity, not a measurement; intake waits already at the
    // 96 % that the default region's cost prices are of its tariffs, keeping the margin.
    task: { creamSkimmingPercent: 5, intakeStopAtBudgetPercent: 96, referredTo: DEFAULT_REFERRED_TO },
  },
};

/**
 * Validates behaviour responses and fills every response from the set (default `none`), fields
 * given next to the set overriding it.
 * @throws FundingInputError naming the field and the reason.
 * @category Behaviour responses
 */
export function resolveBehaviour(input: BehaviourInput | undefined): ResolvedBehaviour {
  const b = parseWith(BehaviourSchema, typeof input === "string" ? { set: input } : (input ?? {}), "behaviour");
  const base = BEHAVIOUR_SETS[b.set];
  return {
    set: b.set,
    effort: { extraUsePercent: { ...base.effort.extraUsePercent, ...definedOnly(b.effort?.extraUsePercent ?? {}) } },
    output: { ...base.output, ...definedOnly(b.output ?? {}) },
    trajectory: { ...base.trajectory, ...definedOnly(b.trajectory ?? {}) },
    task: { ...base.task, ...definedOnly(b.task ?? {}) },
    intensityOrder: b.intensityOrder ?? null,
  };
}

/**
 * Whether any response of the resolved behaviour is switched on.
 * @category Behaviour responses
 */
export function behaviourIsOn(b: ResolvedBehaviour): boolean {
  const { effort, output, trajectory, task } = b;
  return (
    Object.values(effort.extraUsePercent).some((v) => v !== 0) ||
    [output.shorterDurationPercent, output.episodeSplitPercent, output.upcodingPercent].some((v) => v !== 0) ||
    [trajectory.shorterDurationPercent, trajectory.episodeSplitPercent].some((v) => v !== 0) ||
    task.creamSkimmingPercent !== 0 ||
    task.intakeStopAtBudgetPercent !== 0
  );
}

/** The fields of `o` that were given (an optional field may hold `undefined`), typed as set. */
function definedOnly<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
