import type { z } from "zod";

/**
 * Parameters of a refinement (`.refine`, `.superRefine`) that make it run only on a value that
 * passed every earlier check. zod runs a refinement after a non-aborting issue — a regex that did
 * not match, an object whose field failed — on the raw input, so a refinement that parses (a
 * Decimal of a percentage, a month) would crash on it (issue 10). The field's own issue says what
 * is wrong; the cross-field rule is checked once the fields are right.
 */
export const ONLY_IF_VALID = { when: (payload: z.core.ParsePayload): boolean => payload.issues.length === 0 } as const;
