import type { Caseload } from "../caseload/caseload.js";
import type { Month } from "../period.js";

/**
 * The trajectories of a rebuilt caseload, column by column: each copies an input trajectory
 * (`from`: its client, provider, profile, …) with its own id, dates, outcome and slice of use
 * (`useLength` values of the input's `use` from index `useFrom`). Columns, not an object per
 * trajectory: a response rebuilds every run's caseload.
 */
export class Pieces {
  readonly from: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly outcome: Uint8Array;
  readonly useFrom: Int32Array;
  readonly useLength: Int32Array;
  readonly ids: string[] = [];
  size = 0;
  constructor(capacity: number) {
    this.from = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.useFrom = new Int32Array(capacity);
    this.useLength = new Int32Array(capacity);
  }
  /** Adds a trajectory; returns its index. */
  push(from: number, id: string, start: Month, end: Month, outcome: number, useFrom: number, useLength: number): number {
    const k = this.size++;
    this.from[k] = from;
    this.ids.push(id);
    this.start[k] = start;
    this.end[k] = end;
    this.outcome[k] = outcome;
    this.useFrom[k] = useFrom;
    this.useLength[k] = useLength;
    return k;
  }
  /** Adds trajectory `t` of `c` unchanged. */
  pushWhole(c: Caseload, t: number): number {
    return this.push(t, c.ids[t]!, c.start[t]!, c.end[t]!, c.outcome[t]!, c.useOffset[t]!, c.useOffset[t + 1]! - c.useOffset[t]!);
  }
}

/**
 * A caseload of `pieces` (trajectories moved, split or shortened by a behaviour response), laid out
 * as the builders lay one out: sorted by start month, stable in the order of `pieces`, with each
 * client's previous trajectory linked again.
 */
export function rebuildCaseload(c: Caseload, pieces: Pieces): Caseload {
  const n = pieces.size;
  const order = byStartMonth(pieces);
  const client = new Int32Array(n);
  const municipality = new Uint16Array(n);
  const provider = new Uint16Array(n);
  const profile = new Uint8Array(n);
  const intensity = new Uint8Array(n);
  const ageGroup = new Uint8Array(n);
  const targetGroup = new Uint8Array(n);
  const careForm = new Uint8Array(n);
  const unit = new Uint8Array(n);
  const ids = new Array<string>(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const outcome = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const useOffset = new Int32Array(n + 1);
  let total = 0;
  let maxClient = 0;
  for (let k = 0; k < n; k++) total += pieces.useLength[k]!;
  for (const x of c.client) if (x > maxClient) maxClient = x;
  const use = new Int32Array(total);
  // Client numbers are dense small integers (the builders number them): an array beats a Map.
  const lastOfClient = new Int32Array(maxClient + 1).fill(-1);
  let offset = 0;
  // Columns in locals: caseloads made by spreading have many shapes, and a property read per trajectory would be slow.
  const { client: srcClient, municipality: srcMunicipality, provider: srcProvider, profile: srcProfile, intensity: srcIntensity } = c;
  const { ageGroup: srcAge, targetGroup: srcTarget, careForm: srcForm, unit: srcUnit, use: srcUse } = c;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const t = pieces.from[i]!;
    client[k] = srcClient[t]!;
    municipality[k] = srcMunicipality[t]!;
    provider[k] = srcProvider[t]!;
    profile[k] = srcProfile[t]!;
    intensity[k] = srcIntensity[t]!;
    ageGroup[k] = srcAge[t]!;
    targetGroup[k] = srcTarget[t]!;
    careForm[k] = srcForm[t]!;
    unit[k] = srcUnit[t]!;
    ids[k] = pieces.ids[i]!;
    start[k] = pieces.start[i]!;
    end[k] = pieces.end[i]!;
    outcome[k] = pieces.outcome[i]!;
    useOffset[k] = offset;
    const from = pieces.useFrom[i]!;
    const length = pieces.useLength[i]!;
    for (let j = 0; j < length; j++) use[offset + j] = srcUse[from + j]!;
    offset += length;
    const prev = lastOfClient[client[k]!]!;
    if (prev >= 0) previous[k] = prev;
    lastOfClient[client[k]!] = k;
  }
  useOffset[n] = offset;
  return {
    ...c,
    size: n,
    ids,
    client,
    municipality,
    provider,
    profile,
    intensity,
    ageGroup,
    targetGroup,
    careForm,
    unit,
    start,
    end,
    outcome,
    previous,
    useOffset,
    use,
  };
}

/** Indexes of `pieces` sorted by start month, stable: a counting sort (starts span a few hundred months). */
function byStartMonth(pieces: Pieces): Int32Array {
  const n = pieces.size;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = pieces.start[i]!;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const counts = new Int32Array(hi - lo + 2);
  for (let i = 0; i < n; i++) counts[pieces.start[i]! - lo + 1]!++;
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  for (let i = 0; i < n; i++) order[counts[pieces.start[i]! - lo]!++] = i;
  return order;
}
