import { z } from "zod";
import { FundingInputError } from "../errors.js";
import { UNSAFE_CHARACTERS } from "../excerpt.js";
import { excerpt, quotedList } from "../excerpt.js";
import type { Caseload } from "./caseload.js";

/**
 * A name of a municipality, provider, profile or intensity, in a record or a config. Trimmed, so
 * " Noord " in a spreadsheet export and "Noord" in a config are the same provider.
 * @category Caseload
 */
// `\S` rather than min(1) after trimming: the JSON Schema then refuses "   " too, as zod does.
// Control and text-direction characters are refused: a name reaches the terminal, the report and
// spreadsheets, where an escape sequence or a right-to-left override would change what is shown.
export const NameSchema = z
  .string()
  .trim()
  .regex(/\S/, "must not be empty")
  .regex(new RegExp(`^[^${UNSAFE_CHARACTERS}]*$`), "must not hold control or text-direction characters (U+0000–U+001F, U+007F–U+009F, U+061C, U+200E–U+200F, U+2028–U+202E, U+2066–U+2069)");

/**
 * Age group of a trajectory whose age group was not given.
 * @category Caseload
 */
export const UNKNOWN_AGE_GROUP = "onbekend";
/**
 * Target group of a trajectory whose target group was not given.
 * @category Caseload
 */
export const GENERAL_TARGET_GROUP = "algemeen";

/** The caseload dictionaries a config can refer to by name. */
export type Dimension = "providers" | "municipalities" | "profiles" | "intensities" | "ageGroups" | "targetGroups";

/** The singular of each dimension, for messages and paths. */
export const SINGULAR: Readonly<Record<Dimension, string>> = {
  providers: "provider",
  municipalities: "municipality",
  profiles: "profile",
  intensities: "intensity",
  ageGroups: "age group",
  targetGroups: "target group",
};

/** The caseload column holding each trajectory's index into a dimension's dictionary. */
export function columnOf(c: Caseload, dim: Dimension): Uint16Array | Uint8Array {
  switch (dim) {
    case "providers":
      return c.provider;
    case "municipalities":
      return c.municipality;
    case "profiles":
      return c.profile;
    case "intensities":
      return c.intensity;
    case "ageGroups":
      return c.ageGroup;
    case "targetGroups":
      return c.targetGroup;
  }
}

/** Index of `name` in a caseload dictionary, or throws naming the config field and the known names. */
export function indexOrThrow(names: readonly string[], name: string, path: (string | number)[], what: string, field: string): number {
  const i = names.indexOf(name);
  if (i < 0) {
    throw new FundingInputError(what, [
      { code: `unknown_${field}`, path, message: `unknown ${field} "${excerpt(name)}"; the caseload has ${quotedList(names) || "none"}` },
    ]);
  }
  return i;
}

/** Index of `name` in dimension `dim`, or −1 when absent (`undefined` means "all"). */
export function optionalIndex(c: Caseload, dim: Dimension, name: string | undefined, path: (string | number)[], what: string): number {
  if (name === undefined) return -1;
  return indexOrThrow(c[dim], name, path, what, SINGULAR[dim]);
}
