import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { FundingInputError } from "../errors.js";

/** Optional display name shared by every model config. */
export const LabelSchema = z.string().min(1).optional().describe("display name in tables and charts");

/** Index of `name` in a caseload dictionary, or throws naming the config field and the known names. */
export function indexOrThrow(names: readonly string[], name: string, path: (string | number)[], what: string, field: string): number {
  const i = names.indexOf(name);
  if (i < 0) {
    throw new FundingInputError(what, [
      { code: `unknown_${field}`, path, message: `unknown ${field} "${name}"; the caseload has ${names.map((n) => `"${n}"`).join(", ") || "none"}` },
    ]);
  }
  return i;
}

/** Index of `name` or −1 when absent (`undefined` means "all"). */
export function optionalIndex(
  c: Caseload,
  dict: "providers" | "municipalities" | "profiles" | "intensities",
  name: string | undefined,
  path: (string | number)[],
  what: string,
): number {
  if (name === undefined) return -1;
  return indexOrThrow(c[dict], name, path, what, SINGULAR[dict]);
}

const SINGULAR = { providers: "provider", municipalities: "municipality", profiles: "profile", intensities: "intensity" } as const;
