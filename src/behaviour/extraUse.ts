import { firstUseMonth, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, maxUseInMonth, UNIT_CODES, type CareForm } from "../caseload/codes.js";
import { daysInMonth } from "../period.js";
import { basisPoints } from "./draws.js";

/**
 * Effort (p×q) response: every month of use of a care form grows by its percentage, rounded
 * half-up to a whole unit (a minute, an etmaal, a cent for unit 83) and never above what the month
 * holds. Integer arithmetic in basis points, so the same caseload always gives the same use.
 * Returns the caseload itself when no percentage is above 0.
 */
export function withExtraUse(c: Caseload, percentByCareForm: Readonly<Record<CareForm, number>>): { caseload: Caseload; trajectories: number } {
  const bp = Int32Array.from(CARE_FORMS, (f) => basisPoints(percentByCareForm[f]));
  if (bp.every((v) => v === 0)) return { caseload: c, trajectories: 0 };
  const use = c.use.slice();
  // What a month can hold, per unit × month of the window; columns in locals (a caseload made by spreading has many shapes).
  const { careForm, useOffset, unit, window } = c;
  const caps = new Float64Array(UNIT_CODES.length * window.months);
  for (let u = 0; u < UNIT_CODES.length; u++) for (let m = 0; m < window.months; m++) caps[u * window.months + m] = maxUseInMonth(u, daysInMonth(window.start + m));
  let trajectories = 0;
  for (let t = 0; t < c.size; t++) {
    const b = bp[careForm[t]!]!;
    const from = useOffset[t]!;
    const to = useOffset[t + 1]!;
    if (b === 0 || to === from) continue;
    let changed = false;
    let row = unit[t]! * window.months + firstUseMonth(c, t) - window.start;
    for (let k = from; k < to; k++, row++) {
      const v = use[k]!;
      if (v === 0) continue;
      // v ≤ 2^31 and b ≤ 10,000: the product stays far below 2^53, so the division is exact before flooring.
      const grown = Math.floor((v * (10_000 + b) + 5_000) / 10_000);
      const cap = caps[row]!;
      const next = grown < cap ? grown : cap;
      if (next !== v) {
        use[k] = next;
        changed = true;
      }
    }
    if (changed) trajectories++;
  }
  return { caseload: { ...c, use }, trajectories };
}
