import fc from "fast-check";
import { caseloadFromRecords, formatMonth, parseMonth, type Caseload, type TrajectoryInput } from "../../src/index.js";

/** Care forms with the unit they use in generated caseloads, and a realistic range of monthly use. */
export const FORM_UNITS = [
  { careForm: "ambulant", unit: "04", maxUse: 3000 }, // minutes
  { careForm: "wijkteam", unit: "01", maxUse: 600 }, // minutes, billed per minute
  { careForm: "daghulp", unit: "16", maxUse: 40 }, // dagdelen
  { careForm: "verblijf", unit: "14", maxUse: 28 }, // etmalen: every month holds 28
  { careForm: "pleegzorg", unit: "83", maxUse: 500_000 }, // cents (unit 83: volume is the amount)
] as const;

export const PROVIDERS = ["P0", "P1", "P2"] as const;
export const MUNICIPALITIES = ["G0", "G1"] as const;
export const PROFILES = ["licht", "zwaar"] as const;
export const INTENSITIES = ["laag", "hoog"] as const;

/** A caseload window: 1–36 months starting between 2024-01 and 2027-12. */
export const windowArb = fc.record({
  start: fc.integer({ min: parseMonth("2024-01"), max: parseMonth("2027-12") }).map(formatMonth),
  months: fc.integer({ min: 1, max: 36 }),
});

/** The draws behind one generated trajectory. */
const rowArb = (W: number, E: number) =>
  fc.record({
    form: fc.constantFrom(...FORM_UNITS),
    provider: fc.constantFrom<string>(...PROVIDERS),
    municipality: fc.constantFrom(...MUNICIPALITIES),
    profile: fc.constantFrom(...PROFILES),
    intensity: fc.constantFrom(...INTENSITIES),
    start: fc.integer({ min: W - 12, max: E }),
    duration: fc.integer({ min: 1, max: 30 }),
    outcome: fc.constantFrom<"achieved" | "notAchieved" | "droppedOut">("achieved", "notAchieved", "droppedOut"),
    client: fc.integer({ min: 0, max: 15 }),
    // Integers, not biased doubles: fast-check's doubles cluster near 0 and made most months empty.
    seedUse: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 48, maxLength: 48 }),
    reentry: fc.option(fc.record({ gap: fc.integer({ min: 1, max: 8 }), achieved: fc.boolean() }), { nil: undefined }),
  });
type Row = ReturnType<typeof rowArb> extends fc.Arbitrary<infer R> ? R : never;

/** The record of a drawn row in `window`: open exactly when the care runs past the window. */
function toRecord(r: Row, i: number, W: number, E: number): TrajectoryInput {
  const end = r.start + r.duration - 1;
  const open = end > E;
  const from = Math.max(r.start, W);
  const to = Math.min(end, E);
  return {
    id: `t${i}`,
    client: `c${r.client}`,
    municipality: r.municipality,
    provider: r.provider,
    profile: r.profile,
    intensity: r.intensity,
    careForm: r.form.careForm,
    unit: r.form.unit,
    start: formatMonth(r.start),
    end: open ? null : formatMonth(end),
    outcome: open ? "open" : r.outcome,
    use: Array.from({ length: to - from + 1 }, (_, k) => Math.floor((r.seedUse[k % 48]! * r.form.maxUse) / 1000)),
  };
}

/**
 * Trajectory records valid for `window`: starts up to a year before the window, durations of
 * 1–30 months, open exactly when the care runs past the window, use per month in each unit's
 * measure (zero months included), clients shared at random. With `reentries`, a drawn row may
 * instead be a re-entry: the previous trajectory's client at its provider, 1–8 months after it
 * closed (optionally with that one's result achieved) — what the output guarantee needs.
 */
export function recordsArb(window: { start: string; months: number }, maxTrajectories = 25, reentries = false): fc.Arbitrary<TrajectoryInput[]> {
  const W = parseMonth(window.start);
  const E = W + window.months - 1;
  return fc.array(rowArb(W, E), { minLength: 0, maxLength: maxTrajectories }).map((rows) => {
    const kept: Row[] = [];
    for (const r0 of rows) {
      let r = r0;
      const prev = kept[kept.length - 1];
      if (reentries && r.reentry && prev && prev.start + prev.duration - 1 <= E) {
        const next = prev.start + prev.duration - 1 + r.reentry.gap;
        if (next <= E) {
          if (r.reentry.achieved) kept[kept.length - 1] = { ...prev, outcome: "achieved" };
          r = { ...r, client: prev.client, provider: prev.provider, start: next };
        }
      }
      // Trajectories that ended before the window are not generated here.
      if (r.start + r.duration - 1 >= W) kept.push(r);
    }
    return kept.map((r, i) => toRecord(r, i, W, E));
  });
}

/** Builds a caseload from records with every name of PROVIDERS etc. known, whether or not a record uses it. */
export function caseloadOf(records: readonly TrajectoryInput[], window: { start: string; months: number }): Caseload {
  return caseloadFromRecords(records, { window, providers: PROVIDERS, municipalities: MUNICIPALITIES, profiles: PROFILES, intensities: INTENSITIES });
}

/** A caseload with its window and the records it was built from (readable counterexamples, edits). */
export const caseloadWithRecordsArb: fc.Arbitrary<{ window: { start: string; months: number }; records: TrajectoryInput[]; caseload: Caseload }> =
  windowArb.chain((window) => recordsArb(window).map((records) => ({ window, records, caseload: caseloadOf(records, window) })));

/** A caseload with its window. */
export const caseloadArb: fc.Arbitrary<{ window: { start: string; months: number }; caseload: Caseload }> = caseloadWithRecordsArb.map(
  ({ window, caseload }) => ({ window, caseload }),
);

/** A caseload with re-entries at the same provider 1–8 months after a closure (see {@link recordsArb}). */
export const reentryCaseloadArb: fc.Arbitrary<{ window: { start: string; months: number }; caseload: Caseload }> = windowArb.chain((window) =>
  recordsArb(window, 20, true).map((records) => ({ window, caseload: caseloadOf(records, window) })),
);

/** A busier caseload: several record sets on one window joined (ids renumbered), for properties that need volume (ceilings). */
export function denseCaseloadArb(parts = 3): fc.Arbitrary<{ window: { start: string; months: number }; records: TrajectoryInput[]; caseload: Caseload }> {
  return windowArb.chain((window) =>
    fc.tuple(...Array.from({ length: parts }, () => recordsArb(window))).map((sets) => {
      const records = sets.flat().map((r, i) => ({ ...r, id: `t${i}` }));
      return { window, records, caseload: caseloadOf(records, window) };
    }),
  );
}
