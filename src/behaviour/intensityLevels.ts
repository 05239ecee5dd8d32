import type { Caseload } from "../caseload/caseload.js";
import { FundingInputError } from "../errors.js";

/**
 * The intensity levels each profile has in a caseload, light to heavy: per profile × intensity the
 * next heavier level the profile has (−1 at its heaviest), and whether a level is its heaviest
 * (only for a profile with two levels or more: with one, no client is heavier than another).
 * The order is `order` (names, light to heavy) or else the caseload's own order of intensity
 * names (a generated caseload lists them as its spec does).
 * @throws FundingInputError when `order` leaves out an intensity the caseload has.
 */
export function intensityLevels(c: Caseload, order: readonly string[] | null): { next: Int32Array; heaviest: Uint8Array } {
  const n = c.intensities.length;
  let rank: Int32Array;
  if (order) {
    rank = new Int32Array(n).fill(-1);
    order.forEach((name, r) => {
      const i = c.intensities.indexOf(name);
      if (i >= 0 && rank[i] === -1) rank[i] = r;
    });
    const unknown = order.filter((name) => !c.intensities.includes(name));
    if (unknown.length > 0) {
      throw new FundingInputError("behaviour", [
        { code: "invalid_value", path: ["intensityOrder"], message: `intensityOrder names ${unknown.map((m) => `"${m}"`).join(", ")}, which the caseload does not have (it has ${c.intensities.join(", ")})` },
      ]);
    }
    const missing = c.intensities.filter((_, i) => rank[i] === -1);
    if (missing.length > 0) {
      throw new FundingInputError("behaviour", [
        { code: "invalid_value", path: ["intensityOrder"], message: `intensity ${missing.map((m) => `"${m}"`).join(", ")} of the caseload is missing from intensityOrder` },
      ]);
    }
  } else {
    rank = Int32Array.from({ length: n }, (_, i) => i);
  }
  const has = new Uint8Array(c.profiles.length * n);
  for (let t = 0; t < c.size; t++) has[c.profile[t]! * n + c.intensity[t]!] = 1;
  const next = new Int32Array(c.profiles.length * n).fill(-1);
  const heaviest = new Uint8Array(c.profiles.length * n);
  for (let p = 0; p < c.profiles.length; p++) {
    const levels = Array.from({ length: n }, (_, i) => i)
      .filter((i) => has[p * n + i] === 1)
      .sort((a, b) => rank[a]! - rank[b]!);
    levels.forEach((i, k) => {
      next[p * n + i] = k + 1 < levels.length ? levels[k + 1]! : -1;
      heaviest[p * n + i] = k + 1 === levels.length && levels.length >= 2 ? 1 : 0;
    });
  }
  return { next, heaviest };
}
