import type { Caseload } from "../caseload/caseload.js";
import { MAX_PROVIDERS } from "../caseload/spec.js";
import { FundingInputError } from "../errors.js";
import { basisPoints, picked } from "./draws.js";
import { intensityLevels } from "./intensityLevels.js";

/**
 * Task response (cream skimming, selectie aan de poort): a picked trajectory at the heaviest
 * intensity level of its profile (of two or more) is referred by its provider to `referredTo` — a provider the
 * lump sums do not fund, added to the caseload's providers when new. The care is still delivered
 * and costs what it cost; who pays for it outside the contract is what the comparison shows
 * (its margin, and a corridor's settlement, which sees the referring provider's production fall).
 */
export function withCreamSkimming(
  c: Caseload,
  percent: number,
  draws: Float64Array,
  order: readonly string[] | null,
  referredTo: string,
): { caseload: Caseload; trajectories: number } {
  const bp = basisPoints(percent);
  if (bp === 0) return { caseload: c, trajectories: 0 };
  const { heaviest } = intensityLevels(c, order);
  let target = c.providers.indexOf(referredTo);
  const providers = target >= 0 ? c.providers : [...c.providers, referredTo];
  if (target < 0) target = c.providers.length;
  if (target >= MAX_PROVIDERS) {
    throw new FundingInputError("behaviour", [{ code: "too_big", path: ["task", "referredTo"], message: `no room for another provider (at most ${MAX_PROVIDERS})` }]);
  }
  const n = c.intensities.length;
  const provider = c.provider.slice();
  let trajectories = 0;
  for (let t = 0; t < c.size; t++) {
    if (provider[t] !== target && heaviest[c.profile[t]! * n + c.intensity[t]!] === 1 && picked(draws[t]!, bp)) {
      provider[t] = target;
      trajectories++;
    }
  }
  return { caseload: { ...c, providers, provider }, trajectories };
}
