import type { Caseload } from "../caseload/caseload.js";
import { OPEN_END, OUTCOMES } from "../caseload/codes.js";
import { basisPoints, picked } from "./draws.js";

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
  const splitAt: number[] = []; // trajectory index, for each split
  if (bp > 0) {
    for (let t = 0; t < c.size; t++) {
      const s = c.start[t]!;
      const e = c.end[t]!;
      if (e === OPEN_END || !picked(draws[t]!, bp)) continue;
      if (e - s + 1 >= 2 && secondStart(c, t) - 1 >= c.window.start) splitAt.push(t);
    }
  }
  if (splitAt.length === 0) return { caseload: c, trajectories: 0 };

  const n = c.size + splitAt.length;
  // Rows 0 … size−1 are the originals (their first parts), size + j the second part of splitAt[j].
  const source = (row: number): number => (row < c.size ? row : splitAt[row - c.size]!);
  const startOf = (row: number): number => (row < c.size ? c.start[row]! : secondStart(c, splitAt[row - c.size]!));
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => startOf(a) - startOf(b) || a - b);
  const isSplit = new Uint8Array(c.size);
  for (const t of splitAt) isSplit[t] = 1;

  const ids: string[] = new Array<string>(n);
  const cols = {
    client: new Int32Array(n),
    municipality: new Uint16Array(n),
    provider: new Uint16Array(n),
    profile: new Uint8Array(n),
    intensity: new Uint8Array(n),
    ageGroup: new Uint8Array(n),
    targetGroup: new Uint8Array(n),
    careForm: new Uint8Array(n),
    unit: new Uint8Array(n),
  };
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const outcome = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const useOffset = new Int32Array(n + 1);
  const use = new Int32Array(c.use.length);
  const lastOfClient = new Map<number, number>();
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k]!;
    const t = source(row);
    for (const key of Object.keys(cols) as (keyof typeof cols)[]) cols[key][k] = c[key][t]!;
    const from = c.useOffset[t]!;
    const to = c.useOffset[t + 1]!;
    const inWindowFrom = Math.max(c.start[t]!, c.window.start); // month of use[from]
    if (row >= c.size) {
      const s = secondStart(c, t);
      ids[k] = `${c.ids[t]!}#vervolg`;
      start[k] = s;
      end[k] = c.end[t]!;
      outcome[k] = c.outcome[t]!;
      useOffset[k] = offset;
      use.set(c.use.subarray(from + (s - inWindowFrom), to), offset);
      offset += to - from - (s - inWindowFrom);
    } else {
      ids[k] = c.ids[t]!;
      start[k] = c.start[t]!;
      useOffset[k] = offset;
      if (isSplit[t]) {
        const s = secondStart(c, t);
        end[k] = s - 1;
        outcome[k] = NOT_ACHIEVED;
        use.set(c.use.subarray(from, from + (s - inWindowFrom)), offset);
        offset += s - inWindowFrom;
      } else {
        end[k] = c.end[t]!;
        outcome[k] = c.outcome[t]!;
        use.set(c.use.subarray(from, to), offset);
        offset += to - from;
      }
    }
    const prev = lastOfClient.get(cols.client[k]!);
    if (prev !== undefined) previous[k] = prev;
    lastOfClient.set(cols.client[k]!, k);
  }
  useOffset[n] = offset;
  return {
    caseload: { ...c, size: n, ids, ...cols, start, end, outcome, previous, useOffset, use },
    trajectories: splitAt.length,
  };
}

/** First month of the second part of closed trajectory `t`: halfway, rounded down. */
function secondStart(c: Caseload, t: number): number {
  return c.start[t]! + Math.floor((c.end[t]! - c.start[t]! + 1) / 2);
}
