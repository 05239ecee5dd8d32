import type { Caseload } from "../caseload/caseload.js";
import { Rng } from "../random.js";

/**
 * One uniform draw in [0, 1) per trajectory of `c`, from the labelled stream `behaviour:<label>`
 * of `seed`. Every model's projection of a run reads the same draws (common random numbers), and a
 * larger percentage picks a superset of the trajectories a smaller one picks (draw < share), so a
 * response moves its metrics monotonically and differences between models stay attributable.
 */
export function trajectoryDraws(c: Caseload, seed: number, label: string): Float64Array {
  const rng = new Rng(seed, `behaviour:${label}`);
  const out = new Float64Array(c.size);
  for (let t = 0; t < c.size; t++) out[t] = rng.next();
  return out;
}

/** A percentage as basis points (hundredths of a percent), the precision every response is applied at. */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** Whether a trajectory with this draw is among the `bp` basis points picked. */
export function picked(draw: number, bp: number): boolean {
  return draw * 10_000 < bp;
}
