import { defaultRegionSpec, generateCaseload, type Caseload, type CaseloadSpecInput } from "../src/index.js";

/** The default region over 36 months holds about this many trajectories (measured once; only used to scale). */
const DEFAULT_TRAJECTORIES = 23_500;

/** The default region, scaled so that its caseload holds about `trajectories` trajectories over 36 months. */
export function scaledRegion(trajectories: number): CaseloadSpecInput {
  const base = defaultRegionSpec({ window: { start: "2026-01", months: 36 } });
  const k = trajectories / DEFAULT_TRAJECTORIES;
  return {
    ...base,
    profiles: base.profiles.map((p) => ({
      ...p,
      arrivalsPerMonth: p.arrivalsPerMonth * k,
      initialStock: Math.round((p.initialStock ?? 0) * k),
    })),
  };
}

/** A generated caseload of about `trajectories` trajectories, and its trajectory-months. */
export function benchCaseload(trajectories: number, seed = 1): { caseload: Caseload; trajectoryMonths: number } {
  const caseload = generateCaseload(scaledRegion(trajectories), seed);
  return { caseload, trajectoryMonths: caseload.use.length };
}
