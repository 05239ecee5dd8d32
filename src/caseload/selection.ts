import { z } from "zod";
import type { Caseload } from "./caseload.js";
import { CARE_FORMS, CareFormSchema } from "./codes.js";
import { columnOf, NameSchema, optionalIndex, type Dimension } from "./names.js";

const names = (what: string) => z.array(NameSchema).min(1).optional().describe(`only trajectories of these ${what}; omitted: all`);

/**
 * Which trajectories something applies to — the care a reimbursement pays for, the lines a funding
 * stream may cover: by care form, client profile, municipality, provider, age group and target
 * group. An omitted list means all; the lists must all match.
 * @category Caseload
 */
export const SelectionSchema = z.strictObject({
  careForms: z.array(CareFormSchema).min(1).optional().describe("only trajectories of these care forms; omitted: all"),
  profiles: names("client profiles"),
  municipalities: names("municipalities"),
  providers: names("providers"),
  ageGroups: names("age groups"),
  targetGroups: names("target groups"),
});
/**
 * A selection as written in a scenario or passed in code, before validation.
 * @category Caseload
 */
export type SelectionInput = z.input<typeof SelectionSchema>;
/**
 * A validated selection.
 * @category Caseload
 */
export type Selection = z.output<typeof SelectionSchema>;

/**
 * A predicate on trajectory indexes for a selection. Names unknown to the caseload are an error
 * naming `path` (e.g. `["eligible"]`), never a silently empty selection.
 * @category Caseload
 */
export function selectTrajectories(c: Caseload, s: Selection, path: readonly (string | number)[], what: string): (t: number) => boolean {
  const byName = (dim: Dimension, list: readonly string[] | undefined) => {
    if (!list) return null;
    const allowed = new Set(list.map((n, i) => optionalIndex(c, dim, n, [...path, dim, i], what)));
    const column = columnOf(c, dim);
    return (t: number) => allowed.has(column[t]!);
  };
  const forms = s.careForms ? new Set(s.careForms.map((f) => CARE_FORMS.indexOf(f))) : null;
  const checks = [
    forms && ((t: number) => forms.has(c.careForm[t]!)),
    byName("profiles", s.profiles),
    byName("municipalities", s.municipalities),
    byName("providers", s.providers),
    byName("ageGroups", s.ageGroups),
    byName("targetGroups", s.targetGroups),
  ].filter((f): f is (t: number) => boolean => f !== null);
  return (t) => checks.every((f) => f(t));
}
