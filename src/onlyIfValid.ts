import type { z } from "zod";

/**
 * Parameters of a refinement (`.refine`, `.superRefine`) that make it run only on a value whose
 * fields passed their own checks. zod runs a refinement after a non-aborting issue — a regex that
 * did not match, a number out of range in a field — on the raw input, so a rule that parses (a
 * Decimal of a percentage, a month) would crash on it (issue 10). The field's own issue says what
 * is wrong; the rule across fields is checked once the fields are right. Two kinds of issue leave
 * the fields parsed, so the rule still runs and everything is reported at once: an unknown key,
 * and another rule's finding (a `custom` issue that zod lets continue; a transform's is final).
 */
export const ONLY_IF_VALID = {
  when: (payload: z.core.ParsePayload): boolean => payload.issues.every((i) => i.code === "unrecognized_keys" || (i.code === "custom" && i.continue === true)),
} as const;
