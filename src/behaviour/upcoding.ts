import type { Caseload } from "../caseload/caseload.js";
import { basisPoints, picked } from "./draws.js";
import { intensityLevels } from "./intensityLevels.js";

/**
 * Output response (upcoding): a picked trajectory is registered one intensity level higher than
 * its care — the next heavier level its profile has; at the heaviest level it stays. Its use, and
 * so its cost, is unchanged: only the price of its arrangement follows the level.
 */
export function withUpcoding(c: Caseload, percent: number, draws: Float64Array, order: readonly string[] | null): { caseload: Caseload; trajectories: number } {
  const bp = basisPoints(percent);
  if (bp === 0) return { caseload: c, trajectories: 0 };
  const { next } = intensityLevels(c, order);
  const n = c.intensities.length;
  const intensity = c.intensity.slice();
  let trajectories = 0;
  for (let t = 0; t < c.size; t++) {
    const up = next[c.profile[t]! * n + c.intensity[t]!]!;
    if (up >= 0 && picked(draws[t]!, bp)) {
      intensity[t] = up;
      trajectories++;
    }
  }
  return { caseload: { ...c, intensity }, trajectories };
}
