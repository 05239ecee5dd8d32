import { CARE_FORMS } from "../caseload/codes.js";
import type { ResolvedBehaviour } from "./behaviourSchema.js";

const pct = (v: number): string => `${String(v).replace(".", ",")} %`;

/**
 * One sentence saying which behaviour responses a comparison applied, so no table is read without
 * knowing that providers' responses were assumed (they are off unless chosen).
 * @category Behaviour responses
 */
export function describeBehaviour(b: ResolvedBehaviour): string {
  const parts: string[] = [];
  const use = CARE_FORMS.filter((f) => b.effort.extraUsePercent[f] > 0).map((f) => `+${pct(b.effort.extraUsePercent[f])} ${f}`);
  if (use.length > 0) parts.push(`effort: use ${use.join(", ")}`);
  const lengths = (kind: string, r: { shorterDurationPercent: number; episodeSplitPercent: number; upcodingPercent?: number }): void => {
    const x: string[] = [];
    if (r.shorterDurationPercent > 0) x.push(`durations ${pct(r.shorterDurationPercent)} shorter`);
    if (r.episodeSplitPercent > 0) x.push(`${pct(r.episodeSplitPercent)} of trajectories split in two`);
    if (r.upcodingPercent) x.push(`${pct(r.upcodingPercent)} upcoded a level`);
    if (x.length > 0) parts.push(`${kind}: ${x.join(", ")}`);
  };
  lengths("output", b.output);
  lengths("trajectory", b.trajectory);
  const task: string[] = [];
  if (b.task.creamSkimmingPercent > 0) task.push(`${pct(b.task.creamSkimmingPercent)} of the heaviest level referred to ${b.task.referredTo}`);
  if (b.task.intakeStopAtBudgetPercent > 0) task.push(`new clients wait while a provider's cost runs above ${pct(b.task.intakeStopAtBudgetPercent)} of its budget to date`);
  if (task.length > 0) parts.push(`task: ${task.join(", ")}`);
  return `providers' behaviour responses are on (set ${b.set}${parts.length ? `; ${parts.join("; ")}` : ""}): each model's column is the care as delivered under its incentive, not the caseload as given.`;
}
