import type { CaseloadSpecInput } from "../caseload/spec.js";
import type { Uncertain } from "./uncertain.js";
import { drawParameters, findUncertain, resolveUncertain } from "./uncertainInput.js";

/**
 * A caseload spec with its distributions drawn as a comparison's run with `seed` draws them (the
 * same `parameter:caseload.…` streams), so `generateCaseload(drawnSpec(spec, seed), seed)` is
 * that run's caseload. A spec without distributions comes back as it is.
 * @category Uncertainty and sensitivity
 */
export function drawnSpec(spec: Uncertain<CaseloadSpecInput>, seed: number): CaseloadSpecInput {
  const tree = { caseload: spec };
  const params = findUncertain(tree);
  if (params.length === 0) return spec as CaseloadSpecInput;
  return (resolveUncertain(tree, drawParameters(params, seed)) as { caseload: CaseloadSpecInput }).caseload;
}
