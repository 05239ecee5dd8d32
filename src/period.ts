import { z } from "zod";
import { ONLY_IF_VALID } from "./onlyIfValid.js";

/**
 * A calendar month — the iJw declaration period — as a whole number: `year × 12 + (month − 1)`.
 * Integers make month arithmetic and typed-array storage trivial; {@link formatMonth} gives back
 * `YYYY-MM`.
 * @category Time
 */
export type Month = number;

/** A month written YYYY-MM. */
export const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A month written as `YYYY-MM`, e.g. `2026-01`.
 * @category Time
 */
export const MonthSchema = z.string().regex(MONTH_RE, "expected a month as YYYY-MM, e.g. 2026-01");

/**
 * Parses `YYYY-MM` into a {@link Month}. Throws a RangeError naming the bad text.
 * @category Time
 */
export function parseMonth(text: string): Month {
  const m = MONTH_RE.exec(text);
  if (!m) throw new RangeError(`parseMonth: "${text}" should be a month as YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/**
 * Formats a {@link Month} as `YYYY-MM`.
 * @category Time
 */
export function formatMonth(month: Month): string {
  const year = Math.floor(month / 12);
  return `${year}-${String(month - year * 12 + 1).padStart(2, "0")}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a calendar month (Gregorian): the most etmalen a month can hold.
 * @category Time
 */
export function daysInMonth(month: Month): number {
  const year = yearOf(month);
  const m = month - year * 12;
  if (m !== 1) return DAYS[m]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * Calendar year of a month.
 * @category Time
 */
export function yearOf(month: Month): number {
  return Math.floor(month / 12);
}

/**
 * Month within the year, 1 (January) to 12 (December).
 * @category Time
 */
export function monthOfYear(month: Month): number {
  return month - yearOf(month) * 12 + 1;
}

/**
 * The projection horizon: `months` calendar months from `start` (inclusive).
 * @category Time
 */
export interface Horizon {
  readonly start: Month;
  readonly months: number;
}

/**
 * A horizon as users write it. At most 50 years: the core keeps per-month arrays.
 * @category Time
 */
export const HorizonSchema = z.strictObject({
  start: MonthSchema.describe("first month of the projection, YYYY-MM"),
  months: z.number().int().min(1).max(600).describe("number of calendar months"),
});
/**
 * A horizon as users write it: `{ start: "2026-01", months: 36 }`.
 * @category Time
 */
export type HorizonInput = z.input<typeof HorizonSchema>;

/**
 * Builds a {@link Horizon} from `{ start: "2026-01", months: 36 }`.
 * @category Time
 */
export function horizon(input: HorizonInput): Horizon {
  const h = HorizonSchema.parse(input);
  return { start: parseMonth(h.start), months: h.months };
}

/**
 * Last month inside the horizon.
 * @category Time
 */
export function horizonEnd(h: Horizon): Month {
  return h.start + h.months - 1;
}

/**
 * The calendar years the horizon touches, in order.
 * @category Time
 */
export function horizonYears(h: Horizon): number[] {
  const years: number[] = [];
  for (let y = yearOf(h.start); y <= yearOf(horizonEnd(h)); y++) years.push(y);
  return years;
}

/**
 * A parameter with dated versions: each value applies from its `from` month until the next
 * version. Used for tariffs, prices, budgets and rules that change during a horizon.
 * @category Time
 */
export type Dated<T> = readonly { readonly from: string; readonly value: T }[];

/**
 * Schema for versions `{ from, value }` strictly ordered by `from`, where `from` is a month
 * (`YYYY-MM`) or a day (`YYYY-MM-DD`) schema: both order correctly as strings.
 */
export function versionsSchema<F extends z.ZodType<string>, T extends z.ZodType>(from: F, value: T) {
  return z
    .array(
      z.strictObject({
        // A description the caller gave (a day, a norm) is kept; the generic one otherwise.
        from: from.description ? from : from.describe("when this version takes effect; it applies until the next version's"),
        value: value.description ? value : value.describe("the value in force from `from`"),
      }),
    )
    .min(1, "needs at least one dated version")
    .superRefine((parsed, ctx) => {
      // `from` is a string whatever F is; the generic type cannot show it.
      const versions = parsed as unknown as readonly { from: string }[];
      for (let i = 1; i < versions.length; i++) {
        if (versions[i]!.from <= versions[i - 1]!.from) {
          ctx.addIssue({
            code: "custom",
            path: [i, "from"],
            message: `versions must be in increasing order of 'from'; ${versions[i]!.from} does not follow ${versions[i - 1]!.from}`,
          });
        }
      }
    }, ONLY_IF_VALID);
}

/** Schema for a dated parameter with versions by month, strictly ordered by `from`. */
export function datedSchema<T extends z.ZodType>(value: T) {
  return versionsSchema(MonthSchema, value);
}

/**
 * How many of the ascending `sorted` are at or before `x` (binary search): the index of the
 * version in force at `x` is this minus one, −1 before the first.
 */
export function countAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Compiled dated parameter: look up the value in force in a month in O(log n). Before the first
 * version, the first version applies (a tariff list with one version is valid for all months).
 * @category Time
 */
export class DatedValue<T> {
  private readonly froms: Month[];
  private readonly values: T[];
  constructor(versions: Dated<T>) {
    this.froms = versions.map((v) => parseMonth(v.from));
    this.values = versions.map((v) => v.value);
  }
  /** The version in force in `month`; before the first version, the first. */
  at(month: Month): T {
    return this.values[Math.max(0, countAtOrBefore(this.froms, month) - 1)]!;
  }
  /**
   * The version in force in `month`, or null before the first version — for rules that did not
   * exist yet (a scheme, a number of places), where "the first version" would be wrong.
   */
  inForce(month: Month): T | null {
    return month < this.froms[0]! ? null : this.at(month);
  }
}
