import { firstUseMonth, useLength, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, OPEN_END, OUTCOME_OPEN } from "../caseload/codes.js";
import { horizonEnd, yearOf } from "../period.js";
import type { CareFormPrices } from "../prices/careFormPrices.js";
import { costOfUse } from "../projection/cost.js";
import { basisPoints } from "./draws.js";
import { Pieces, rebuildCaseload } from "./rebuildCaseload.js";

/**
 * Task response (wachtlijst onder lumpsum): a provider with its own lump sum stops intake for a
 * month when its cost of care so far this year runs above `percent` of its budget to date (the
 * yearly lump sum × the months of the year before this one ÷ 12; in a year the window starts in,
 * the months from its start). A new client who would start in
 * such a month waits — first come, first served — and is tested again the next month; care, cost
 * and closure move with the wait. A client still waiting at the window's end starts in the month
 * after it (open, no care seen in the window). January always admits (a new year, a new budget). Trajectories
 * running at the window's start, and providers without a lump sum of their own, never wait.
 *
 * The provider's cost is valued at the comparison's cost prices, in the month the care is
 * delivered after any wait. Deterministic: no draws.
 * Returns the months each trajectory of `c` waited, and the caseload as delivered.
 */
export function withBudgetWaiting(
  c: Caseload,
  percent: number,
  lumpSums: (year: number) => Float64Array,
  costs: CareFormPrices,
): { caseload: Caseload; delays: Int32Array | null } {
  const bp = basisPoints(percent);
  if (bp === 0) return { caseload: c, delays: null };
  const W = c.window.start;
  const E = horizonEnd(c.window);
  const months = c.window.months;
  const nc = CARE_FORMS.length;
  const grid = costs.grid(c.window);
  const spent = new Float64Array(c.providers.length * months); // cost per provider × window month
  const delays = new Int32Array(c.size);
  const budgets = new Map<number, Float64Array>();
  const budgetOf = (year: number): Float64Array => {
    let b = budgets.get(year);
    if (!b) budgets.set(year, (b = lumpSums(year)));
    return b;
  };
  const book = (t: number, d: number): void => {
    const p = c.provider[t]!;
    const row = (p * nc + c.careForm[t]!) * months;
    let mi = firstUseMonth(c, t) + d - W;
    for (let k = c.useOffset[t]!; k < c.useOffset[t + 1]! && mi < months; k++, mi++) spent[p * months + mi]! += costOfUse(c.unit[t]!, c.use[k]!, grid[row + mi]!);
  };
  // Trajectories by start month; those running at the window's start are booked at once.
  const byStart: number[][] = Array.from({ length: months }, () => []);
  for (let t = 0; t < c.size; t++) {
    if (c.start[t]! < W || budgetOf(yearOf(c.start[t]!))[c.provider[t]!]! <= 0) book(t, 0);
    else byStart[c.start[t]! - W]!.push(t);
  }
  let queue: number[] = [];
  let any = false;
  for (let m = W; m <= E; m++) {
    const y = yearOf(m);
    const elapsed = m - Math.max(y * 12, W); // months of the year before m (that the window sees)
    const budget = budgetOf(y);
    // Intake stops this month at the providers whose cost so far this year (the months before m) runs
    // above bp/10,000 of budget × elapsed/12: compared in exact integers (BigInt), once a provider-month.
    const stopped = new Uint8Array(c.providers.length);
    if (elapsed > 0) {
      for (let p = 0; p < c.providers.length; p++) {
        let soFar = 0;
        for (let k = Math.max(y * 12, W); k < m; k++) soFar += spent[p * months + k - W]!;
        if (budget[p]! > 0 && BigInt(soFar) * 120_000n > BigInt(bp) * BigInt(budget[p]!) * BigInt(elapsed)) stopped[p] = 1;
      }
    }
    const waiting: number[] = [];
    for (const t of [...queue, ...byStart[m - W]!]) {
      const over = stopped[c.provider[t]!] === 1;
      if (over) {
        delays[t]!++;
        waiting.push(t);
        any = true;
      } else book(t, delays[t]!);
    }
    queue = waiting;
  }
  // Still waiting at the window's end: their care starts after it.
  for (const t of queue) delays[t] = Math.max(delays[t]!, E + 1 - c.start[t]!);
  if (!any) return { caseload: c, delays: null };
  const pieces = new Pieces(c.size);
  for (let t = 0; t < c.size; t++) {
    const k = pieces.pushWhole(c, t);
    const d = delays[t]!;
    if (d === 0) continue;
    const start = c.start[t]! + d;
    const closedInWindow = c.end[t] !== OPEN_END && c.end[t]! + d <= E;
    const end = closedInWindow ? c.end[t]! + d : OPEN_END;
    pieces.start[k] = start;
    pieces.end[k] = end;
    pieces.outcome[k] = closedInWindow ? c.outcome[t]! : OUTCOME_OPEN;
    pieces.useLength[k] = useLength(c.window, start, end);
  }
  return { caseload: rebuildCaseload(c, pieces), delays };
}
