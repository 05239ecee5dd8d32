import { formatMonth, horizonEnd, type Horizon, type Month } from "../period.js";
import { CARE_FORMS, OPEN_END, OUTCOMES, UNIT_CODES, type CareForm, type Outcome, type UnitCode } from "./codes.js";

/**
 * A caseload: every youth-care trajectory (traject) of a region, stored column by column — one
 * typed array per field — so hundreds of thousands of trajectories project without allocating an
 * object each. Names (municipalities, providers, profiles, intensities) are stored once in
 * dictionaries; columns hold their index. Use {@link trajectoryRecord} or {@link toRecords} for
 * plain objects.
 *
 * A caseload is immutable by convention: models and projections only read it.
 * @category Caseload
 */
export interface Caseload {
  /** Number of trajectories. */
  readonly size: number;
  /** The months for which `use` is known (the observation or simulation window). */
  readonly window: Horizon;
  /** Municipality names (gemeenten). */
  readonly municipalities: readonly string[];
  /** Provider names (aanbieders). */
  readonly providers: readonly string[];
  /** Client profile names (cliëntprofielen). */
  readonly profiles: readonly string[];
  /** Intensity level names (intensiteiten), e.g. licht / middel / zwaar. */
  readonly intensities: readonly string[];
  /** Age group names (leeftijdsgroepen), e.g. 0-4, 4-12, 12-18, 18-23; `onbekend` when not given. */
  readonly ageGroups: readonly string[];
  /** Target group names (doelgroepen) a funding stream may be restricted to; `algemeen` when not given. */
  readonly targetGroups: readonly string[];
  /** External trajectory ids, as imported or generated. */
  readonly ids: readonly string[];
  /** Client number: trajectories of one client share it (re-entry, herinstroom). */
  readonly client: Int32Array;
  readonly municipality: Uint16Array;
  readonly provider: Uint16Array;
  readonly profile: Uint8Array;
  readonly intensity: Uint8Array;
  readonly ageGroup: Uint8Array;
  readonly targetGroup: Uint8Array;
  /** Index into {@link CARE_FORMS}. */
  readonly careForm: Uint8Array;
  /** Index into {@link UNIT_CODES}. */
  readonly unit: Uint8Array;
  /** First month of care. May lie before the window (a running trajectory at its start). */
  readonly start: Int32Array;
  /** Last month of care, inclusive; {@link OPEN_END} while still running at the window's end. */
  readonly end: Int32Array;
  /** Index into {@link OUTCOMES}; `open` exactly when `end` is {@link OPEN_END}. */
  readonly outcome: Uint8Array;
  /** Index of the same client's previous trajectory, or −1. */
  readonly previous: Int32Array;
  /**
   * Use per month (in the unit's measure, see UNIT_MEASURE) for trajectory t is
   * `use[useOffset[t] + k]` for the months `firstUseMonth(t) + k` inside the window.
   */
  readonly useOffset: Int32Array;
  readonly use: Int32Array;
}

/** Whether `x` is a built caseload (as opposed to, say, a spec to generate one from). */
export function isCaseload(x: unknown): x is Caseload {
  return typeof x === "object" && x !== null && (x as Caseload).useOffset instanceof Int32Array;
}

/**
 * First month of the window in which trajectory `t` is in care.
 * @category Caseload
 */
export function firstUseMonth(c: Caseload, t: number): Month {
  const s = c.start[t]!;
  return s > c.window.start ? s : c.window.start;
}

/**
 * A trajectory as a plain object, as users write it and as {@link trajectoryRecord} returns it.
 * @category Caseload
 */
export interface TrajectoryRecord {
  readonly id: string;
  readonly client: string;
  readonly municipality: string;
  readonly provider: string;
  readonly profile: string;
  readonly intensity: string;
  readonly ageGroup: string;
  readonly targetGroup: string;
  readonly careForm: CareForm;
  readonly unit: UnitCode;
  /** `YYYY-MM`. */
  readonly start: string;
  /** `YYYY-MM`, or `null` while open at the end of the window. */
  readonly end: string | null;
  readonly outcome: Outcome;
  /** Use per month from the later of `start` and the window's start, in the unit's measure. */
  readonly use: readonly number[];
}

/**
 * The record view of trajectory `t`.
 * @category Caseload
 */
export function trajectoryRecord(c: Caseload, t: number): TrajectoryRecord {
  const end = c.end[t]!;
  return {
    id: c.ids[t]!,
    client: String(c.client[t]),
    municipality: c.municipalities[c.municipality[t]!]!,
    provider: c.providers[c.provider[t]!]!,
    profile: c.profiles[c.profile[t]!]!,
    intensity: c.intensities[c.intensity[t]!]!,
    ageGroup: c.ageGroups[c.ageGroup[t]!]!,
    targetGroup: c.targetGroups[c.targetGroup[t]!]!,
    careForm: CARE_FORMS[c.careForm[t]!]!,
    unit: UNIT_CODES[c.unit[t]!]!,
    start: formatMonth(c.start[t]!),
    end: end === OPEN_END ? null : formatMonth(end),
    outcome: OUTCOMES[c.outcome[t]!]!,
    use: Array.from(c.use.subarray(c.useOffset[t]!, c.useOffset[t + 1]!)),
  };
}

/**
 * Every trajectory as a plain object (allocates: for inspection and export, not hot paths).
 * @category Caseload
 */
export function toRecords(c: Caseload): TrajectoryRecord[] {
  const out: TrajectoryRecord[] = [];
  for (let t = 0; t < c.size; t++) out.push(trajectoryRecord(c, t));
  return out;
}

/**
 * Number of months trajectory `t` is in care inside the window.
 * @category Caseload
 */
export function monthsInWindow(c: Caseload, t: number): number {
  return c.useOffset[t + 1]! - c.useOffset[t]!;
}

/** Expected length of the use array of a trajectory with this start and end in `window`. */
export function useLength(window: Horizon, start: Month, end: Month): number {
  const from = start > window.start ? start : window.start;
  const last = horizonEnd(window);
  const to = end < last ? end : last;
  return to >= from ? to - from + 1 : 0;
}
