import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FundingInputError } from "../../src/errors.js";
import { parseMonth } from "../../src/period.js";
import {
  addWorkingDays,
  DateSchema,
  dutchPublicHolidays,
  dutchPublicHolidaysBetween,
  easterSunday,
  formatDate,
  isoWeekday,
  isWorkingDay,
  monthOfDate,
  parseDate,
  WorkingCalendar,
  workingDaysBetween,
} from "../../src/streams/workingDays.js";
import { inputIssues } from "../support/examples.js";

const nl2021 = dutchPublicHolidays(2021);

describe("dates", () => {
  it("DateSchema accepts real dates only", () => {
    for (const ok of ["2021-04-23", "2020-02-29", "2000-02-29", "1583-01-01", "9999-12-31"]) expect(DateSchema.safeParse(ok).success).toBe(true);
    const why = (s: unknown): string => DateSchema.safeParse(s).error?.issues[0]?.message ?? "";
    expect(why("2021-02-29")).toBe("2021-02-29 is not a calendar date: 2021-02 has 28 days");
    expect(why("1900-02-29")).toContain("has 28 days"); // not a leap year: divisible by 100, not by 400
    expect(why("2021-13-01")).toContain("no month 13");
    expect(why("2021-4-1")).toContain("expected a date as YYYY-MM-DD");
    expect(why("2021-04-23T00:00")).toContain("expected a date as YYYY-MM-DD");
    expect(why("1500-06-01")).toContain("not Gregorian");
    expect(DateSchema.safeParse(20210423).success).toBe(false);
  });

  it("day numbers count from 1970-01-01 and agree with Date.UTC", () => {
    expect(parseDate("1970-01-01")).toBe(0);
    expect(parseDate("1969-12-31")).toBe(-1);
    expect(parseDate("2021-04-23")).toBe(Date.UTC(2021, 3, 23) / 86_400_000);
    fc.assert(
      fc.property(fc.integer({ min: parseDate("1583-01-01"), max: parseDate("9999-12-31") }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDate(day)).toBe(iso);
        expect(parseDate(iso)).toBe(day);
      }),
    );
  });

  it("weekdays and months", () => {
    expect(isoWeekday("1970-01-01")).toBe(4); // a Thursday
    expect(isoWeekday("2021-04-23")).toBe(5); // Friday
    expect(isoWeekday("2021-04-25")).toBe(7); // Sunday
    expect(monthOfDate("2021-04-23")).toBe(parseMonth("2021-04"));
    expect(monthOfDate("2021-12-31")).toBe(parseMonth("2021-12"));
  });

  it("parseDate names the path of a bad date", () => {
    expect(inputIssues(() => parseDate("2021-02-30", ["requests", 2, "receivedDate"]))).toEqual([
      { code: "invalid_date", path: ["requests", 2, "receivedDate"], message: "2021-02-30 is not a calendar date: 2021-02 has 28 days" },
    ]);
  });
});

describe("Dutch public holidays", () => {
  it("Easter Sunday by the anonymous Gregorian algorithm", () => {
    const known: Record<number, string> = {
      1818: "1818-03-22", // earliest possible
      1943: "1943-04-25", // latest possible
      2000: "2000-04-23",
      2019: "2019-04-21",
      2020: "2020-04-12",
      2021: "2021-04-04",
      2022: "2022-04-17",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2038: "2038-04-25",
      2285: "2285-03-22",
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it("2021: Koningsdag on Tuesday 27 April; no Bevrijdingsdag (not a lustrum year); no Goede Vrijdag", () => {
    // Easter 4 April → Paasmaandag 5 April, Hemelvaart 4 April + 39 = 13 May, Pinksteren + 49/50 = 23/24 May.
    expect(nl2021).toEqual([
      "2021-01-01",
      "2021-04-04",
      "2021-04-05",
      "2021-04-27",
      "2021-05-13",
      "2021-05-23",
      "2021-05-24",
      "2021-12-25",
      "2021-12-26",
    ]);
  });

  it("2025: a lustrum year has Bevrijdingsdag; Koningsdag moves to Saturday 26 April because the 27th is a Sunday", () => {
    const h = dutchPublicHolidays(2025);
    expect(h).toContain("2025-05-05");
    expect(h).toContain("2025-04-26");
    expect(h).not.toContain("2025-04-27");
    expect(h).toContain("2025-05-29"); // Hemelvaart: 20 April + 39
  });

  it("options: Goede Vrijdag, Bevrijdingsdag every year or never", () => {
    expect(dutchPublicHolidays(2021, { goodFriday: true })).toContain("2021-04-02");
    expect(dutchPublicHolidays(2021, { liberationDay: "always" })).toContain("2021-05-05");
    expect(dutchPublicHolidays(2025, { liberationDay: "never" })).not.toContain("2025-05-05");
    expect(inputIssues(() => dutchPublicHolidays(2021, { liberationDay: "sometimes" as "always" }))[0]!.path).toEqual(["liberationDay"]);
    expect(inputIssues(() => dutchPublicHolidays(2021.5))[0]!.path).toEqual(["year"]);
  });

  it("Koninginnedag before 2014: 30 April, or the 29th when the 30th is a Sunday", () => {
    expect(dutchPublicHolidays(2013)).toContain("2013-04-30");
    expect(dutchPublicHolidays(2006)).toContain("2006-04-29"); // 30 April 2006 was a Sunday
    expect(dutchPublicHolidays(2014)).toContain("2014-04-26"); // 27 April 2014 was a Sunday
  });

  it("several years at once", () => {
    // 2022: Easter 17 April → Paasmaandag 18 April; Koningsdag Wednesday 27 April; Hemelvaart 26 May; Pinksteren 5/6 June.
    expect(dutchPublicHolidaysBetween(2021, 2022).slice(nl2021.length)).toEqual([
      "2022-01-01",
      "2022-04-17",
      "2022-04-18",
      "2022-04-27",
      "2022-05-26",
      "2022-06-05",
      "2022-06-06",
      "2022-12-25",
      "2022-12-26",
    ]);
    expect(dutchPublicHolidaysBetween(2021, 2022).slice(0, nl2021.length)).toEqual(nl2021);
  });
});

describe("working days", () => {
  it("received Friday 2021-04-23 + 5 working days → Monday 2021-05-03, because 27 April is Koningsdag", () => {
    // Mon 26 (1), Tue 27 Koningsdag, Wed 28 (2), Thu 29 (3), Fri 30 (4), Sat/Sun, Mon 3 May (5)
    expect(addWorkingDays("2021-04-23", 5, nl2021)).toBe("2021-05-03");
    expect(addWorkingDays("2021-04-23", 5, [])).toBe("2021-04-30"); // without holidays: a plain week
    expect(workingDaysBetween("2021-04-23", "2021-05-03", nl2021)).toBe(5);
    expect(workingDaysBetween("2021-05-03", "2021-04-23", nl2021)).toBe(-5);
  });

  it("hand-counted cases around weekends and holidays", () => {
    expect(addWorkingDays("2021-04-23", 1, nl2021)).toBe("2021-04-26"); // Friday + 1 → Monday
    expect(addWorkingDays("2021-04-24", 1, nl2021)).toBe("2021-04-26"); // Saturday + 1 → Monday
    expect(addWorkingDays("2021-04-24", 0, nl2021)).toBe("2021-04-24"); // 0: the day itself
    expect(addWorkingDays("2021-05-12", 1, nl2021)).toBe("2021-05-14"); // Hemelvaart Thursday 13 May skipped
    expect(addWorkingDays("2021-05-21", 1, nl2021)).toBe("2021-05-25"); // Pinkstermaandag 24 May skipped
    // Christmas 2021 falls on Saturday/Sunday: no substitute day, so Monday 27 December is a working day.
    expect(addWorkingDays("2021-12-23", 2, nl2021)).toBe("2021-12-27");
    // Good Friday 2 April is a working day by default; Paasmaandag 5 April is not.
    expect(addWorkingDays("2021-04-01", 2, nl2021)).toBe("2021-04-06");
    expect(addWorkingDays("2021-04-01", 2, dutchPublicHolidays(2021, { goodFriday: true }))).toBe("2021-04-07");
    expect(isWorkingDay("2021-04-27", nl2021)).toBe(false);
    expect(isWorkingDay("2021-04-28", nl2021)).toBe(true);
    expect(workingDaysBetween("2021-04-24", "2021-04-25", nl2021)).toBe(0); // a weekend
    expect(workingDaysBetween("2021-04-23", "2021-04-23", nl2021)).toBe(0);
    // A whole year: 261 weekdays in 2021, minus the weekday holidays 1 Jan, 5 Apr, 27 Apr, 13 May, 24 May = 256.
    expect(workingDaysBetween("2020-12-31", "2021-12-31", nl2021)).toBe(256);
  });

  it("bad arguments are input errors naming the argument", () => {
    expect(inputIssues(() => addWorkingDays("2021-02-30", 1, [])).map((i) => i.path)).toEqual([["date"]]);
    expect(inputIssues(() => addWorkingDays("2021-02-01", -1, [])).map((i) => i.path)).toEqual([["n"]]);
    expect(inputIssues(() => addWorkingDays("2021-02-01", 1.5, [])).map((i) => i.path)).toEqual([["n"]]);
    expect(inputIssues(() => addWorkingDays("2021-02-01", 1, ["2021-13-01"])).map((i) => i.path)).toEqual([["holidays", 0]]);
    expect(inputIssues(() => workingDaysBetween("2021-02-01", "x", [])).map((i) => i.path)).toEqual([["b"]]);
    expect(inputIssues(() => addWorkingDays("9999-12-30", 5, []))[0]!.message).toContain("past 9999-12-31");
    expect(() => addWorkingDays("2021-01-01", 1, "2021-01-04" as unknown as string[])).toThrow(FundingInputError);
  });

  it("properties: counting inverts adding; the count agrees with walking day by day", () => {
    const base = parseDate("2019-01-01");
    const holidays = dutchPublicHolidaysBetween(2019, 2024);
    const cal = WorkingCalendar.fromDates(holidays);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: -400, max: 400 }), (offset, n, span) => {
        const a = base + offset;
        const b = cal.addWorkingDays(a, n);
        expect(cal.workingDaysBetween(a, b)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(b)).toBe(true);
        const c = a + span;
        let walk = 0;
        for (let d = Math.min(a, c) + 1; d <= Math.max(a, c); d++) if (cal.isWorkingDay(d)) walk++;
        expect(cal.workingDaysBetween(a, c)).toBe(c >= a ? walk : -walk);
      }),
    );
  });
});
