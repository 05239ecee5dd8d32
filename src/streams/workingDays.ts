import { z } from "zod";
import { FundingInputError, fromZodIssues } from "../errors.js";
import { countAtOrBefore, daysInMonth, type Month } from "../period.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/*
 * Calendar dates and Dutch working days (werkdagen), for deadlines such as "a decision within 5
 * working days". A date is written `YYYY-MM-DD` and computed as a whole number of days since
 * 1970-01-01: no Date objects, no time of day, no time zones, so a deadline never shifts by an
 * hour of daylight saving time or by the machine's locale.
 */

/**
 * A calendar date written `YYYY-MM-DD` (ISO 8601, Gregorian calendar).
 * @category Time
 */
export type IsoDate = string;

/**
 * A calendar date as a whole number of days since 1970-01-01 (Thursday); negative before it.
 * @category Time
 */
export type DayNumber = number;

/** First and last year a date may have: Gregorian (from 1583) and four digits. */
export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `text` is not a date we accept, or null when it is one. */
function dateProblem(text: string): string | null {
  const m = DATE_RE.exec(text);
  if (!m) return `expected a date as YYYY-MM-DD, e.g. 2021-04-23, got ${JSON.stringify(text)}`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR) return `${text}: years before ${MIN_YEAR} are not Gregorian dates`;
  if (mo < 1 || mo > 12) return `${text} is not a calendar date: there is no month ${mo}`;
  const days = daysInMonth(y * 12 + mo - 1);
  if (d < 1 || d > days) return `${text} is not a calendar date: ${y}-${m[2]} has ${days} days`;
  return null;
}

/**
 * A real calendar date written `YYYY-MM-DD` (2021-02-29 and 2021-13-01 are refused).
 * @category Time
 */
export const DateSchema = z.string().superRefine((text, ctx) => {
  const problem = dateProblem(text);
  if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
}, ONLY_IF_VALID);

/** Days since 1970-01-01 of a Gregorian date (Hinnant's days_from_civil: integers only). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // year of the 400-year era, 0…399
  const mp = (month + 9) % 12; // months counted from March, so the leap day ends the year
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number (Hinnant's civil_from_days). */
function civilFromDays(days: DayNumber): [number, number, number] {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/**
 * The day number of a date, or a FundingInputError naming `path` when the text is no date.
 * @category Time
 */
export function parseDate(text: string, path: readonly (string | number)[] = []): DayNumber {
  const problem = typeof text === "string" ? dateProblem(text) : `expected a date as YYYY-MM-DD, got ${typeof text}`;
  if (problem !== null) throw new FundingInputError("date", [{ code: "invalid_date", path, message: problem }]);
  const m = DATE_RE.exec(text)!;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Writes a day number as `YYYY-MM-DD`.
 * @category Time
 */
export function formatDate(day: DayNumber): IsoDate {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Calendar year of a day number. */
export function yearOfDay(day: DayNumber): number {
  return civilFromDays(day)[0];
}

/** The {@link Month} (year × 12 + month − 1, as in period.ts) a day number falls in. */
export function monthOfDay(day: DayNumber): Month {
  const [y, m] = civilFromDays(day);
  return y * 12 + m - 1;
}

/**
 * The {@link Month} a date falls in: `monthOfDate("2021-04-23")` is the month 2021-04.
 * @category Time
 */
export function monthOfDate(date: IsoDate): Month {
  return monthOfDay(parseDate(date, ["date"]));
}

/** First day of a {@link Month}. */
export function firstDayOfMonth(month: Month): DayNumber {
  const y = Math.floor(month / 12);
  return daysFromCivil(y, month - y * 12 + 1, 1);
}

/** Last day of a {@link Month}. */
export function lastDayOfMonth(month: Month): DayNumber {
  return firstDayOfMonth(month + 1) - 1;
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: DayNumber): number {
  return mod(day + 3, 7) + 1;
}

/**
 * ISO weekday of a date: 1 Monday … 7 Sunday.
 * @category Time
 */
export function isoWeekday(date: IsoDate): number {
  return weekdayOfDay(parseDate(date, ["date"]));
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Monday to Friday, before holidays. */
function isWeekday(day: DayNumber): boolean {
  return mod(day + 3, 7) < 5;
}

/** Mondays–Fridays on or before `day`, counted from a fixed Monday: differences count weekdays. */
function weekdaysUpTo(day: DayNumber): number {
  const k = day + 3; // k ≡ 0 (mod 7) on Mondays
  return 5 * Math.floor(k / 7) + Math.min(mod(k, 7) + 1, 5);
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher):
 * integer arithmetic only, valid for every Gregorian year.
 * @category Time
 */
export function easterSunday(year: number): IsoDate {
  return formatDate(easterDay(checkYear(year)));
}

function easterDay(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new FundingInputError("year", [
      { code: "invalid_year", path: ["year"], message: `year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}, got ${String(year)}` },
    ]);
  }
  return year;
}

/**
 * Which of the Dutch public holidays that not every employer gives off are counted.
 *
 * - `goodFriday` (Goede Vrijdag): not a general day off in the Netherlands (only in some CAOs
 *   and for the government in some years), so left out unless asked for.
 * - `liberationDay` (Bevrijdingsdag, 5 May): a national holiday every year, but a paid day off
 *   in many CAOs, the government's included, only in lustrum years (2020, 2025, …). The default
 *   `"lustrum"` counts it in years divisible by 5; `"always"` every year; `"never"` not at all.
 * @category Time
 */
export const DutchHolidayOptionsSchema = z.strictObject({
  goodFriday: z.boolean().default(false).describe("count Goede Vrijdag (Easter − 2 days) as a day off"),
  liberationDay: z
    .enum(["lustrum", "always", "never"])
    .default("lustrum")
    .describe("count Bevrijdingsdag (5 May): in lustrum years only (default), every year, or never"),
});
/**
 * Options of {@link dutchPublicHolidays}, as users write them.
 * @category Time
 */
export type DutchHolidayOptions = z.input<typeof DutchHolidayOptionsSchema>;

/**
 * The Dutch public holidays (feestdagen) of a year that are days off, sorted: Nieuwjaarsdag,
 * Eerste en Tweede Paasdag, Koningsdag, Hemelvaartsdag (Easter + 39), Eerste en Tweede
 * Pinksterdag (Easter + 49, + 50), Eerste en Tweede Kerstdag; Bevrijdingsdag and Goede Vrijdag as
 * {@link DutchHolidayOptionsSchema} says. Sundays are included where a holiday falls on one
 * (Eerste Paasdag always does): harmless for working-day counts, and the list stays the
 * recognisable one. A holiday on a weekend is not moved to a weekday (the Netherlands has no
 * substitute days).
 *
 * Koningsdag is 27 April, or 26 April when the 27th is a Sunday (since 2014). Before 2014 the
 * holiday was Koninginnedag, 30 April, or 29 April when the 30th was a Sunday (the rule from 1980;
 * earlier years get that rule too — the older rules are not modelled).
 * @category Time
 */
export function dutchPublicHolidays(year: number, options: DutchHolidayOptions = {}): IsoDate[] {
  checkYear(year);
  const parsed = DutchHolidayOptionsSchema.safeParse(options);
  if (!parsed.success) throw new FundingInputError("holiday options", fromZodIssues(parsed.error.issues));
  return dutchHolidayDays(year, parsed.data).map(formatDate);
}

/** The days of {@link dutchPublicHolidays}, with parsed options. */
export function dutchHolidayDays(year: number, options: z.output<typeof DutchHolidayOptionsSchema>): DayNumber[] {
  const easter = easterDay(year);
  const days = [daysFromCivil(year, 1, 1), easter, easter + 1, kingsDay(year), easter + 39, easter + 49, easter + 50];
  days.push(daysFromCivil(year, 12, 25), daysFromCivil(year, 12, 26));
  if (options.goodFriday) days.push(easter - 2);
  if (options.liberationDay === "always" || (options.liberationDay === "lustrum" && year % 5 === 0)) {
    days.push(daysFromCivil(year, 5, 5));
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Koningsdag (from 2014) or Koninginnedag (before), moved a day earlier when it falls on a Sunday. */
function kingsDay(year: number): DayNumber {
  const day = daysFromCivil(year, 4, year >= 2014 ? 27 : 30);
  return weekdayOfDay(day) === 7 ? day - 1 : day;
}

/**
 * The Dutch public holidays of every year from `fromYear` to `toYear` inclusive, sorted.
 * @category Time
 */
export function dutchPublicHolidaysBetween(fromYear: number, toYear: number, options: DutchHolidayOptions = {}): IsoDate[] {
  checkYear(fromYear);
  checkYear(toYear);
  const out: IsoDate[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(...dutchPublicHolidays(y, options));
  return out;
}

/**
 * Working days: Monday to Friday except the given holidays. Compiled once (a set of holiday day
 * numbers and a sorted list of those on weekdays), so counting is O(log h) and adding n working
 * days is O(n). Works on day numbers; the string functions below wrap it with validation.
 * @category Time
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<DayNumber>;
  /** Holidays on Monday–Friday, sorted: only these change a count of working days. */
  private readonly weekdayHolidays: readonly DayNumber[];

  /** A calendar skipping weekends and the given holiday day numbers. */
  constructor(holidays: Iterable<DayNumber>) {
    this.holidays = new Set(holidays);
    this.weekdayHolidays = [...this.holidays].filter(isWeekday).sort((a, b) => a - b);
  }

  /** A calendar from holiday dates written `YYYY-MM-DD`; a bad date is an input error at `holidays[i]`. */
  static fromDates(holidays: readonly IsoDate[]): WorkingCalendar {
    return new WorkingCalendar(holidays.map((h, i) => parseDate(h, ["holidays", i])));
  }

  /** True on Monday–Friday when the day is not a holiday. */
  isWorkingDay(day: DayNumber): boolean {
    return isWeekday(day) && !this.holidays.has(day);
  }

  /**
   * The `n`-th working day after `day` (n ≥ 0): counting starts the day after, as in "a decision
   * within 5 working days of receipt". `n = 0` gives `day` itself, working day or not.
   */
  addWorkingDays(day: DayNumber, n: number): DayNumber {
    let d = day;
    for (let left = n; left > 0; ) {
      d++;
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /**
   * Working days `d` with `a < d ≤ b`, negative (the count from `b` to `a`, negated) when `b`
   * is before `a`; so `workingDaysBetween(a, addWorkingDays(a, n)) = n`.
   */
  workingDaysBetween(a: DayNumber, b: DayNumber): number {
    if (b < a) return -this.workingDaysBetween(b, a);
    return weekdaysUpTo(b) - weekdaysUpTo(a) - (this.holidaysUpTo(b) - this.holidaysUpTo(a));
  }

  /** Weekday holidays on or before `day` (binary search). */
  private holidaysUpTo(day: DayNumber): number {
    return countAtOrBefore(this.weekdayHolidays, day);
  }
}

/**
 * Most working days {@link addWorkingDays} adds in one call (about 380 years).
 * @category Time
 */
export const MAX_WORKING_DAYS = 100_000;

const HolidaysSchema = z.array(DateSchema, { error: "holidays must be a list of dates written YYYY-MM-DD" });

/** Validates the common arguments of the string functions, reporting every bad one with its path. */
function parseArgs(args: Record<string, unknown>, shape: Record<string, z.ZodType>): void {
  const r = z.object(shape).safeParse(args);
  if (!r.success) throw new FundingInputError("working-day arguments", fromZodIssues(r.error.issues));
}

/**
 * True when `date` is Monday–Friday and not one of `holidays`.
 * @category Time
 */
export function isWorkingDay(date: IsoDate, holidays: readonly IsoDate[]): boolean {
  parseArgs({ date, holidays }, { date: DateSchema, holidays: HolidaysSchema });
  return WorkingCalendar.fromDates(holidays).isWorkingDay(parseDate(date));
}

/**
 * The `n`-th Dutch working day after `date`, skipping Saturdays, Sundays and `holidays` (give
 * them explicitly, e.g. `dutchPublicHolidays(2021)`; none are assumed). Counting starts the day
 * after: received on Friday 2021-04-23, 5 working days → Monday 2021-05-03, because Tuesday
 * 27 April is Koningsdag. `n = 0` gives `date` itself.
 *
 * @throws FundingInputError when the date or a holiday is not a real `YYYY-MM-DD` date, or `n`
 *   is not a whole number from 0 to {@link MAX_WORKING_DAYS}, or the result passes 9999-12-31.
 * @category Time
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: readonly IsoDate[]): IsoDate {
  parseArgs(
    { date, n, holidays },
    {
      date: DateSchema,
      n: z.number().int("n must be a whole number of working days").min(0, "n must not be negative").max(MAX_WORKING_DAYS),
      holidays: HolidaysSchema,
    },
  );
  const result = WorkingCalendar.fromDates(holidays).addWorkingDays(parseDate(date), n);
  if (yearOfDay(result) > MAX_YEAR) {
    throw new FundingInputError("working-day arguments", [
      { code: "too_big", path: ["n"], message: `${n} working days after ${date} is past ${MAX_YEAR}-12-31` },
    ]);
  }
  return formatDate(result);
}

/**
 * Working days after `a` up to and including `b` (Monday–Friday, not in `holidays`): the number
 * of working days {@link addWorkingDays} adds to get from `a` to `b` when `b` is a working day.
 * Negative when `b` is before `a`; 0 when they are equal.
 * @category Time
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, holidays: readonly IsoDate[]): number {
  parseArgs({ a, b, holidays }, { a: DateSchema, b: DateSchema, holidays: HolidaysSchema });
  return WorkingCalendar.fromDates(holidays).workingDaysBetween(parseDate(a), parseDate(b));
}
