import type { Caseload } from "../caseload/caseload.js";
import { horizonEnd } from "../period.js";
import { OPEN_END, OUTCOMES } from "../caseload/codes.js";
import { basisPoints, picked } from "./draws.js";
import { Pieces, rebuildCaseload } from "./rebuildCaseload.js";

const NOT_ACHIEVED = OUTCOMES.indexOf("notAchieved");

/**
 * Trajectory / output response: a picked closed trajectory of at least two months is closed by
 * its provider halfway — without the result — and opened again the next month as a new trajectory
 * of the same client (a re-entry, herinstroom) that delivers the rest of the same care and ends as
 * the original did. The care is unchanged; what changes is that there are two payment titles.
 * The first part ends at month start + ⌊d ÷ 2⌋ − 1 and must lie in the window (else it is not split).
 * A guarantee on re-entry does not catch it: the first part closed without its result.
 *
 * The second part's id is the original's + `#vervolg`; trajectories stay sorted by start month
 * (a second part after the trajectories that started in the same month) and each client's
 * previous trajectory is linked again.
 */
export function withEpisodeSplits(c: Caseload, percent: number, draws: Float64Array): { caseload: Caseload; trajectories: number } {
  const bp = basisPoints(percent);
  if (bp === 0) return { caseload: c, trajectories: 0 };
  // Pass 1: which trajectories split (the caseload is returned as it is when none does).
  const { start: starts, end: ends, useOffset: offsets, window } = c;
  const split: number[] = [];
  for (let t = 0; t < c.size; t++) {
    const s = starts[t]!;
    const e = ends[t]!;
    const half = s + Math.floor((e - s + 1) / 2); // first month of the second part
    // Both parts' first months must be seen: the first part ends inside the window (a closed trajectory of given records may end after it).
    if (e !== OPEN_END && e - s + 1 >= 2 && half - 1 >= window.start && half - 1 <= horizonEnd(window) && picked(draws[t]!, bp)) split.push(t);
  }
  if (split.length === 0) return { caseload: c, trajectories: 0 };
  // Pass 2: every trajectory (a split one as its first part), then the second parts.
  const pieces = new Pieces(c.size + split.length);
  const firstLength = (t: number): number => starts[t]! + Math.floor((ends[t]! - starts[t]! + 1) / 2) - Math.max(starts[t]!, window.start);
  let next = 0;
  for (let t = 0; t < c.size; t++) {
    const k = pieces.pushWhole(c, t);
    if (split[next] !== t) continue;
    next++;
    pieces.end[k] = starts[t]! + Math.floor((ends[t]! - starts[t]! + 1) / 2) - 1;
    pieces.outcome[k] = NOT_ACHIEVED;
    pieces.useLength[k] = firstLength(t);
  }
  for (const t of split) {
    const first = firstLength(t);
    // Pass 2 pushed trajectory t as piece t: its first part ends the month before the second starts.
    pieces.push(t, `${c.ids[t]!}#vervolg`, pieces.end[t]! + 1, ends[t]!, c.outcome[t]!, offsets[t]! + first, offsets[t + 1]! - offsets[t]! - first);
  }
  return { caseload: rebuildCaseload(c, pieces), trajectories: split.length };
}
