import type { Caseload } from "../caseload/caseload.js";
import { horizonEnd, type Horizon } from "../period.js";
import type { Waiting } from "./project.js";

/**
 * Clients kept waiting inside horizon `h`: a trajectory of `c` whose start was deferred by
 * `delays[t]` months waits from its planned start (or the horizon's) to the month before it starts.
 */
export function waitingOf(c: Caseload, h: Horizon, delays: Int32Array): Waiting {
  const first = h.start;
  const last = horizonEnd(h);
  const byMonth = new Int32Array(h.months);
  let clients = 0;
  let clientMonths = 0;
  for (let t = 0; t < c.size; t++) {
    const d = delays[t]!;
    if (d <= 0) continue;
    const from = Math.max(c.start[t]!, first);
    const to = Math.min(c.start[t]! + d - 1, last);
    if (to < from) continue;
    clients++;
    clientMonths += to - from + 1;
    for (let m = from; m <= to; m++) byMonth[m - first]!++;
  }
  return { clients, clientMonths, byMonth };
}
