import type { Comparison, ModelComparison } from "../metrics/compare.js";

/**
 * What a model's colour follows: its config kind, with effort funding under a budget ceiling
 * (bestedingsruimte) as a kind of its own, and `other` for a kind the palette does not know
 * (a model added by a user).
 * @category Reports and charts
 */
export type PaletteKind = "task" | "effort" | "effortCeiling" | "output" | "trajectory" | "combined" | "perPlace" | "reimbursement" | "other";

/**
 * One fixed colour per model kind, the same in every chart of every report, so a reader who
 * learnt "orange is p×q" in one chart need not look at the legend of the next. Okabe–Ito colours
 * (told apart with the common colour-vision deficiencies) for the five kinds a region compares
 * most, distinct darker tones for the rest. Each kind has three shades: the second and third
 * model of one kind in a comparison get the next shade, so they stay told apart.
 * @category Reports and charts
 */
export const MODEL_KIND_COLOURS: Readonly<Record<PaletteKind, readonly [string, string, string]>> = {
  task: ["#0072B2", "#00446B", "#66AAD1"],
  effort: ["#E69F00", "#8A5F00", "#F0C566"],
  effortCeiling: ["#D55E00", "#803800", "#E69E66"],
  output: ["#009E73", "#005F45", "#66C5AB"],
  trajectory: ["#CC79A7", "#7A4964", "#E0AFCA"],
  combined: ["#56B4E9", "#336C8C", "#9AD2F2"],
  perPlace: ["#8C6D31", "#54411D", "#BAA783"],
  reimbursement: ["#5D5D5D", "#2E2E2E", "#9E9E9E"],
  other: ["#999999", "#666666", "#C2C2C2"],
};

/**
 * The palette kind of a comparison's model: its kind, or `effortCeiling` for effort funding with a ceiling.
 * @category Reports and charts
 */
export function paletteKind(model: Pick<ModelComparison, "kind" | "ceiling">): PaletteKind {
  if (model.kind === "effort") return model.ceiling === true ? "effortCeiling" : "effort";
  return model.kind in MODEL_KIND_COLOURS && model.kind !== "effortCeiling" ? (model.kind as PaletteKind) : "other";
}

/**
 * The colour of each model of a comparison, in its order: the kind's colour, and for a second or
 * third model of the same kind the kind's next shade (a fourth starts over).
 * @category Reports and charts
 */
export function modelColours(comparison: Pick<Comparison, "models">): string[] {
  const seen = new Map<PaletteKind, number>();
  return comparison.models.map((m) => {
    const kind = paletteKind(m);
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return MODEL_KIND_COLOURS[kind][n % 3]!;
  });
}
