import type { Horizon, Month } from "../period.js";
import type { Caseload } from "./caseload.js";

/** Fields of one trajectory as indexes, before columnar storage. */
export interface TrajectoryRow {
  id: string;
  client: number;
  municipality: number;
  provider: number;
  profile: number;
  intensity: number;
  ageGroup: number;
  targetGroup: number;
  careForm: number;
  unit: number;
  start: Month;
  end: Month;
  outcome: number;
  use: ArrayLike<number>;
}

/**
 * Collects trajectories and freezes them into a columnar {@link Caseload}: sorted by start month
 * (stable), with each client's previous trajectory linked. Shared by the generator and the
 * record import so both produce the same layout.
 */
export function buildCaseload(
  rows: readonly TrajectoryRow[],
  dictionaries: {
    window: Horizon;
    municipalities: readonly string[];
    providers: readonly string[];
    profiles: readonly string[];
    intensities: readonly string[];
    ageGroups: readonly string[];
    targetGroups: readonly string[];
  },
): Caseload {
  const n = rows.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => rows[a]!.start - rows[b]!.start || a - b);
  const ids: string[] = new Array<string>(n);
  const client = new Int32Array(n);
  const municipality = new Uint16Array(n);
  const provider = new Uint16Array(n);
  const profile = new Uint8Array(n);
  const intensity = new Uint8Array(n);
  const ageGroup = new Uint8Array(n);
  const targetGroup = new Uint8Array(n);
  const careForm = new Uint8Array(n);
  const unit = new Uint8Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const outcome = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const useOffset = new Int32Array(n + 1);
  let total = 0;
  for (let k = 0; k < n; k++) total += rows[order[k]!]!.use.length;
  const use = new Int32Array(total);
  const lastOfClient = new Map<number, number>();
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const r = rows[order[k]!]!;
    ids[k] = r.id;
    client[k] = r.client;
    municipality[k] = r.municipality;
    provider[k] = r.provider;
    profile[k] = r.profile;
    intensity[k] = r.intensity;
    ageGroup[k] = r.ageGroup;
    targetGroup[k] = r.targetGroup;
    careForm[k] = r.careForm;
    unit[k] = r.unit;
    start[k] = r.start;
    end[k] = r.end;
    outcome[k] = r.outcome;
    const prev = lastOfClient.get(r.client);
    if (prev !== undefined) previous[k] = prev;
    lastOfClient.set(r.client, k);
    useOffset[k] = offset;
    use.set(r.use, offset);
    offset += r.use.length;
  }
  useOffset[n] = offset;
  return {
    size: n,
    window: dictionaries.window,
    municipalities: dictionaries.municipalities,
    providers: dictionaries.providers,
    profiles: dictionaries.profiles,
    intensities: dictionaries.intensities,
    ageGroups: dictionaries.ageGroups,
    targetGroups: dictionaries.targetGroups,
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

/** Assigns each distinct name an index in order of first appearance. */
export class Dictionary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly limit: number) {}
  /** Index of `name`, adding it if new; `undefined` when the dictionary is full. */
  add(name: string): number | undefined {
    let i = this.index.get(name);
    if (i === undefined) {
      if (this.names.length >= this.limit) return undefined;
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}
