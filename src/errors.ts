import type { z } from "zod";

/** One problem with an input: where it is (a path of keys and indexes) and why it is wrong. */
export interface Issue {
  /** Machine-readable code, e.g. `too_small`, `invalid_value`, `unsafe_amount`. */
  readonly code: string;
  /** Path inside the input, e.g. `["tariffs", 2, "cents"]`. Empty for the input as a whole. */
  readonly path: readonly (string | number)[];
  /** Human-readable reason, in English. */
  readonly message: string;
}

/** Prefix of every message this library throws, so a log line says where it came from. */
export const LIBRARY = "jeugdhulp-bekostiging";

/** Renders a path the way a user types it: `tariffs[2].cents`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}

/**
 * The one error class the library throws for bad input. It carries every issue found, each with a
 * field path, so a script or CLI can point at the exact field.
 */
export class FundingInputError extends Error {
  override readonly name = "FundingInputError";
  /** What was invalid, e.g. `effort model config`, `projection options`, `caseload records`. */
  readonly subject: string;
  readonly issues: readonly Issue[];
  constructor(what: string, issues: readonly Issue[]) {
    super(
      `[${LIBRARY}] invalid ${what}:\n` +
        issues.map((i) => `  - ${formatPath(i.path)}: ${i.message}`).join("\n"),
    );
    this.subject = what;
    this.issues = issues;
  }
}

/**
 * Converts zod's issues into ours (prefixed with a base path). A failed union (one amount or a
 * list of dated versions; euros or cents) is reported by the reasons of the branches whose shape
 * the input had, so "€70.001 has too many decimals" is not lost in a bare "Invalid input".
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly (string | number)[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = [...base, ...i.path.map((k) => (typeof k === "symbol" ? String(k) : k))];
    if (i.code === "invalid_union") {
      // Branches that failed only because the input had another type say nothing useful.
      const relevant = i.errors.filter((branch) => !branch.every((b) => b.code === "invalid_type" && b.path.length === 0));
      if (relevant.length > 0) {
        out.push(...fromZodIssues(relevant.flat(), path));
        continue;
      }
    }
    out.push({ code: i.code, path, message: i.message });
  }
  return out;
}

/** Result of a `safe*` call: expected failures are values, not exceptions. */
export type SafeResult<T> =
  | { readonly success: true; readonly output: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

/** Parses `input` with `schema`, throwing {@link FundingInputError} naming `what` on failure. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new FundingInputError(what, fromZodIssues(r.error.issues));
  return r.data;
}
