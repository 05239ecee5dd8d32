import type { z } from "zod";
import { countAtOrBefore, versionsSchema } from "../period.js";
import { DateSchema, parseDate, type DayNumber, type IsoDate } from "./workingDays.js";

/**
 * Versions of a rule set dated by day (`{ from: "2021-07-01", value }`), for schemes whose rules
 * change on a date rather than in a month — "the date the request was received decides which
 * version applies" (stimuleringsimpuls maatwerk). The month-dated counterpart is `Dated` in
 * period.ts.
 */
export type DatedByDate<T> = readonly { readonly from: IsoDate; readonly value: T }[];

/** Schema for day-dated versions: at least one, `from` strictly increasing. */
export function datedByDateSchema<T extends z.ZodType>(value: T) {
  return versionsSchema(DateSchema.describe("first day this version is in force, YYYY-MM-DD"), value);
}

/** The version found for a day: its first day and its value. */
export interface VersionInForce<T> {
  readonly from: IsoDate;
  readonly value: T;
}

/**
 * Compiled day-dated versions: the version in force on a day in O(log n). Unlike `DatedValue`
 * (where the first version also covers earlier months), a day before the first version has **no**
 * version: a grant request received before a scheme existed has no rules to be judged by, and
 * callers must say so rather than silently apply the first ones.
 */
export class DateVersions<T> {
  private readonly froms: DayNumber[];
  private readonly versions: DatedByDate<T>;

  /** Compiles versions already validated by {@link datedByDateSchema}. */
  constructor(versions: DatedByDate<T>) {
    this.versions = versions;
    this.froms = versions.map((v) => parseDate(v.from));
  }

  /** First day of the first version. */
  get firstDay(): DayNumber {
    return this.froms[0]!;
  }

  /** The version in force on `day` (the last one whose `from` is on or before it), or null before the first. */
  at(day: DayNumber): VersionInForce<T> | null {
    const i = countAtOrBefore(this.froms, day) - 1;
    return i < 0 ? null : this.versions[i]!;
  }
}
