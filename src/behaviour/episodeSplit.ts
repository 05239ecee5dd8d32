import type { Caseload } from "../caseload/caseload.js";
import { OPEN_END, OUTCOMES } from "../caseload/codes.js";
import { basisPoints, picked } from "./draws.js";
import { pieceOf, rebuildCaseload, type Piece } from "./rebuildCaseload.js";

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
  const pieces: Piece[] = [];
  const seconds: Piece[] = [];
  for (let t = 0; t < c.size; t++) {
    const whole = pieceOf(c, t);
    const s = c.start[t]!;
    const e = c.end[t]!;
    const half = s + Math.floor((e - s + 1) / 2); // first month of the second part
    if (e === OPEN_END || e - s + 1 < 2 || half - 1 < c.window.start || !picked(draws[t]!, bp)) {
      pieces.push(whole);
      continue;
    }
    const firstLength = half - Math.max(s, c.window.start); // months of the first part inside the window
    pieces.push({ ...whole, end: half - 1, outcome: NOT_ACHIEVED, useLength: firstLength });
    seconds.push({ ...whole, id: `${whole.id}#vervolg`, start: half, useFrom: whole.useFrom + firstLength, useLength: whole.useLength - firstLength });
  }
  if (seconds.length === 0) return { caseload: c, trajectories: 0 };
  return { caseload: rebuildCaseload(c, [...pieces, ...seconds]), trajectories: seconds.length };
}
