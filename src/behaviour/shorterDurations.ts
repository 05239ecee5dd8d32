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
  const end = c.end.slice();
  const useOffset = new Int32Array(c.size + 1);
  const use = new Int32Array(c.use.length);
  let offset = 0;
  let trajectories = 0;
  let monthsCut = 0;
  for (let t = 0; t < c.size; t++) {
    const s = c.start[t]!;
    const e = c.end[t]!;
    if (e !== OPEN_END) {
      const d = e - s + 1;
      const cut = Math.floor((d * bp) / 10_000 + draws[t]!);
      const shortened = Math.max(s + Math.max(1, d - cut) - 1, Math.min(e, c.window.start));
      if (shortened < e) {
        end[t] = shortened;
        trajectories++;
        monthsCut += e - shortened;
      }
    }
    useOffset[t] = offset;
    const keep = end[t] === e ? c.useOffset[t + 1]! - c.useOffset[t]! : useLength(c.window, s, end[t]!);
    use.set(c.use.subarray(c.useOffset[t]!, c.useOffset[t]! + keep), offset);
    offset += keep;
  }
  useOffset[c.size] = offset;
  return { caseload: { ...c, end, useOffset, use: use.slice(0, offset) }, trajectories, monthsCut };
}
