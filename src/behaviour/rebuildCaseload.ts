import type { Caseload } from "../caseload/caseload.js";
import type { Month } from "../period.js";

/** One trajectory of a rebuilt caseload: the input trajectory it copies, with its own dates, outcome and slice of use. */
export interface Piece {
  /** Index of the input trajectory whose other fields (client, provider, profile, …) it keeps. */
  readonly from: number;
  readonly id: string;
  readonly start: Month;
  readonly end: Month;
  readonly outcome: number;
  /** Its use: `length` values of the input's `use`, from index `useFrom`. */
  readonly useFrom: number;
  readonly useLength: number;
}

const COPIED = ["client", "municipality", "provider", "profile", "intensity", "ageGroup", "targetGroup", "careForm", "unit"] as const;

/**
 * A caseload of `pieces` (trajectories moved, split or shortened by a behaviour response), laid out
 * as the builders lay one out: sorted by start month, stable in the order of `pieces`, with each
 * client's previous trajectory linked again.
 */
export function rebuildCaseload(c: Caseload, pieces: readonly Piece[]): Caseload {
  const n = pieces.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => pieces[a]!.start - pieces[b]!.start || a - b);
  const cols = Object.fromEntries(COPIED.map((k) => [k, new (c[k].constructor as new (n: number) => typeof c[typeof k])(n)])) as { [K in (typeof COPIED)[number]]: Caseload[K] };
  const ids = new Array<string>(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const outcome = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const useOffset = new Int32Array(n + 1);
  let total = 0;
  for (const p of pieces) total += p.useLength;
  const use = new Int32Array(total);
  const lastOfClient = new Map<number, number>();
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const p = pieces[order[k]!]!;
    for (const key of COPIED) (cols[key] as Int32Array)[k] = c[key][p.from]!;
    ids[k] = p.id;
    start[k] = p.start;
    end[k] = p.end;
    outcome[k] = p.outcome;
    useOffset[k] = offset;
    use.set(c.use.subarray(p.useFrom, p.useFrom + p.useLength), offset);
    offset += p.useLength;
    const prev = lastOfClient.get(cols.client[k]!);
    if (prev !== undefined) previous[k] = prev;
    lastOfClient.set(cols.client[k]!, k);
  }
  useOffset[n] = offset;
  return { ...c, size: n, ids, ...cols, start, end, outcome, previous, useOffset, use };
}

/** Trajectory `t` of `c` as a piece, unchanged. */
export function pieceOf(c: Caseload, t: number): Piece {
  return { from: t, id: c.ids[t]!, start: c.start[t]!, end: c.end[t]!, outcome: c.outcome[t]!, useFrom: c.useOffset[t]!, useLength: c.useOffset[t + 1]! - c.useOffset[t]! };
}
