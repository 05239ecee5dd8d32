import { FundingInputError, type Issue } from "./errors.js";

/**
 * Most levels of nesting (objects and arrays) an input may have: 200. A scenario nests about ten
 * deep, a combined model two more per level ({@link MAX_COMBINED_DEPTH} of them); deeper input is
 * refused before it is walked, so no recursive walk (zod's, the uncertain-parameter search) can
 * exhaust the stack.
 */
export const MAX_INPUT_DEPTH = 200;

// For the TSDoc link.
import type { MAX_COMBINED_DEPTH } from "./models/index.js";

/** The issue for the first place `input` nests deeper than {@link MAX_INPUT_DEPTH}, or null. Iterative. */
export function depthIssue(input: unknown, base: readonly (string | number)[] = []): Issue | null {
  const stack: { value: unknown; path: readonly (string | number)[]; depth: number }[] = [{ value: input, path: base, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      // Located at the outer fields: the full path would be hundreds of keys long.
      return { code: "too_deep", path: path.slice(0, base.length + 4), message: `nested more than ${MAX_INPUT_DEPTH} levels deep (objects and arrays) below this field` };
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    // Only the outer path is kept, so deep stacks stay small.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      if (typeof v === "object" && v !== null) stack.push({ value: v, path: path.length < base.length + 4 ? [...path, k] : path, depth: depth + 1 });
    }
  }
  return null;
}

/** Throws a FundingInputError naming `subject` when `input` nests deeper than {@link MAX_INPUT_DEPTH}. */
export function checkDepth(input: unknown, subject: string, base: readonly (string | number)[] = []): void {
  const issue = depthIssue(input, base);
  if (issue) throw new FundingInputError(subject, [issue]);
}
