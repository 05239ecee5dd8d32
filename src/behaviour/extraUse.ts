import { firstUseMonth, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, maxUseInMonth, type CareForm } from "../caseload/codes.js";
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
  let trajectories = 0;
  for (let t = 0; t < c.size; t++) {
    const b = bp[c.careForm[t]!]!;
    const from = c.useOffset[t]!;
    const to = c.useOffset[t + 1]!;
    if (b === 0 || to === from) continue;
    let changed = false;
    let month = firstUseMonth(c, t);
    for (let k = from; k < to; k++, month++) {
      const v = use[k]!;
      if (v === 0) continue;
      // v ≤ 2^31 and b ≤ 10,000: the product stays far below 2^53, so the division is exact before flooring.
      const grown = Math.floor((v * (10_000 + b) + 5_000) / 10_000);
      const cap = maxUseInMonth(c.unit[t]!, daysInMonth(month));
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
