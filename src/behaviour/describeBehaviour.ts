import { CARE_FORMS } from "../caseload/codes.js";
import type { ResolvedBehaviour } from "./behaviourSchema.js";
import type { Notice } from "../locale/notice.js";

const pct = (v: number): string => `${String(v).replace(".", ",")} %`;

/** The words of the sentence, per language. */
const WORDS = {
  en: {
    use: "use",
    shorter: (p: string) => `durations ${p} shorter`,
    split: (p: string) => `${p} of trajectories split in two`,
    upcoded: (p: string) => `${p} upcoded a level`,
    skimmed: (p: string, to: string) => `${p} of the heaviest level referred to ${to}`,
    waits: (p: string) => `new clients wait while a provider's cost runs above ${p} of its budget to date`,
    kinds: { effort: "effort", output: "output", trajectory: "trajectory", task: "task" },
    sentence: (set: string, parts: string) =>
      `providers' behaviour responses are on (set ${set}${parts}): each model's column is the care as delivered under its incentive, not the caseload as given.`,
  },
  nl: {
    use: "inzet",
    shorter: (p: string) => `duur ${p} korter`,
    split: (p: string) => `${p} van de trajecten in tweeën gesplitst`,
    upcoded: (p: string) => `${p} een niveau hoger ingedeeld`,
    skimmed: (p: string, to: string) => `${p} van het zwaarste niveau doorverwezen naar ${to}`,
    waits: (p: string) => `nieuwe cliënten wachten zolang de kosten van een aanbieder boven ${p} van het budget tot dan liggen`,
    kinds: { effort: "inspanningsgericht", output: "outputgericht", trajectory: "trajectfinanciering", task: "taakgericht" },
    sentence: (set: string, parts: string) =>
      `gedragsreacties van aanbieders staan aan (set ${set}${parts}): de kolom van elk model is de zorg zoals geleverd onder zijn prikkel, niet de caseload zoals gegeven.`,
  },
} as const;

function describeIn(b: ResolvedBehaviour, w: (typeof WORDS)[keyof typeof WORDS]): string {
  const parts: string[] = [];
  const use = CARE_FORMS.filter((f) => b.effort.extraUsePercent[f] > 0).map((f) => `+${pct(b.effort.extraUsePercent[f])} ${f}`);
  if (use.length > 0) parts.push(`${w.kinds.effort}: ${w.use} ${use.join(", ")}`);
  const lengths = (kind: string, r: { shorterDurationPercent: number; episodeSplitPercent: number; upcodingPercent?: number }): void => {
    const x: string[] = [];
    if (r.shorterDurationPercent > 0) x.push(w.shorter(pct(r.shorterDurationPercent)));
    if (r.episodeSplitPercent > 0) x.push(w.split(pct(r.episodeSplitPercent)));
    if (r.upcodingPercent) x.push(w.upcoded(pct(r.upcodingPercent)));
    if (x.length > 0) parts.push(`${kind}: ${x.join(", ")}`);
  };
  lengths(w.kinds.output, b.output);
  lengths(w.kinds.trajectory, b.trajectory);
  const task: string[] = [];
  if (b.task.creamSkimmingPercent > 0) task.push(w.skimmed(pct(b.task.creamSkimmingPercent), b.task.referredTo));
  if (b.task.intakeStopAtBudgetPercent > 0) task.push(w.waits(pct(b.task.intakeStopAtBudgetPercent)));
  if (task.length > 0) parts.push(`${w.kinds.task}: ${task.join(", ")}`);
  return w.sentence(b.set, parts.length ? `; ${parts.join("; ")}` : "");
}

/**
 * One sentence saying which behaviour responses a comparison applied, so no table is read without
 * knowing that providers' responses were assumed (they are off unless chosen).
 * @category Behaviour responses
 */
export function describeBehaviour(b: ResolvedBehaviour): string {
  return describeIn(b, WORDS.en);
}

/**
 * {@link describeBehaviour}'s sentence in English and Dutch, as a comparison's notice.
 * @category Behaviour responses
 */
export function behaviourNotice(b: ResolvedBehaviour): Notice {
  return { en: describeIn(b, WORDS.en), nl: describeIn(b, WORDS.nl) };
}
