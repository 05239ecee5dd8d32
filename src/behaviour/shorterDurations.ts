import { useLength, type Caseload } from "../caseload/caseload.js";
import { OPEN_END } from "../caseload/codes.js";
import { basisPoints } from "./draws.js";

/**
 * Trajectory / output response: every closed trajectory ends `percent` of its duration earlier,
 * with the same outcome; the care of the months cut is not delivered (nor its cost). The months
 * cut are the duration × percent, rounded to a whole month by the trajectory's draw (randomised
 * rounding: floor(d × p + draw)), so the mean cut is exact and a larger percentage never cuts less.
 * At least one month remains, and a trajectory in care at the window's start stays in care there.
 * Open trajectories keep their length: how long they will run is not known.
 */
export function withShorterDurations(c: Caseload, percent: number, draws: Float64Array): { caseload: Caseload; trajectories: number; monthsCut: number } {
  const bp = basisPoints(percent);
  if (bp === 0) return { caseload: c, trajectories: 0, monthsCut: 0 };
  // Columns in locals: caseloads made by spreading have many shapes, and a property read per trajectory would be slow.
  const { start: starts, end: ends, useOffset: offsets, use: uses, window } = c;
  const end = ends.slice();
  const useOffset = new Int32Array(c.size + 1);
  const use = new Int32Array(c.use.length);
  let offset = 0;
  let trajectories = 0;
  let monthsCut = 0;
  for (let t = 0; t < c.size; t++) {
    const s = starts[t]!;
    const e = ends[t]!;
    if (e !== OPEN_END) {
      const d = e - s + 1;
      const cut = Math.floor((d * bp) / 10_000 + draws[t]!);
      const shortened = Math.max(s + Math.max(1, d - cut) - 1, Math.min(e, window.start));
      if (shortened < e) {
        end[t] = shortened;
        trajectories++;
        monthsCut += e - shortened;
      }
    }
    useOffset[t] = offset;
    const keep = end[t] === e ? offsets[t + 1]! - offsets[t]! : useLength(window, s, end[t]!);
    const from = offsets[t]!;
    for (let j = 0; j < keep; j++) use[offset + j] = uses[from + j]!;
    offset += keep;
  }
  useOffset[c.size] = offset;
  return { caseload: { ...c, end, useOffset, use: use.slice(0, offset) }, trajectories, monthsCut };
}
