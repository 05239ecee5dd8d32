import { z } from "zod";

/**
 * Care forms (vormen van jeugdhulp), in a fixed order: the caseload stores their index.
 * `wijkteam` is light support by the neighbourhood team; `gezinshuis` is family-style residential
 * care; `gesloten` is secure residential care.
 * @category Caseload
 */
export const CARE_FORMS = [
  "ambulant",
  "daghulp",
  "verblijf",
  "pleegzorg",
  "gezinshuis",
  "gesloten",
  "wijkteam",
] as const;
/**
 * One of {@link CARE_FORMS}.
 * @category Caseload
 */
export type CareForm = (typeof CARE_FORMS)[number];

/** A care form as users write it, with the care forms there are in the error. */
export const CareFormSchema = z
  .enum(CARE_FORMS, {
    error: (i) => (i.input === undefined ? `required: a care form, one of ${CARE_FORMS.join(", ")}` : `unknown care form ${JSON.stringify(i.input)}; expected one of ${CARE_FORMS.join(", ")}`),
  })
  .describe(`care form (vorm van jeugdhulp): ${CARE_FORMS.join(", ")}`);

/**
 * iJw unit codes (codelist WJ756) in a fixed order: the caseload stores their index. `use` per
 * month is stored in each unit's {@link UNIT_MEASURE}: minutes for time units, so the 30-minute
 * rule can be applied when hours are declared.
 * @category Caseload
 */
export const UNIT_CODES = ["01", "04", "14", "16", "82", "83", "84"] as const;
/**
 * One of {@link UNIT_CODES}.
 * @category Caseload
 */
export type UnitCode = (typeof UNIT_CODES)[number];

/** An iJw unit code as users write it, with the codes there are in the error. */
export const UnitCodeSchema = z
  .enum(UNIT_CODES, {
    error: (i) => (i.input === undefined ? `required: an iJw unit code, one of ${UNIT_CODES.join(", ")}` : `unknown iJw unit code ${JSON.stringify(i.input)}; expected one of ${UNIT_CODES.join(", ")}`),
  })
  .describe("iJw unit code (WJ756) of the use: 01 minutes, 04 hours (use in minutes), 14 etmalen, 16 dagdelen, 82 and 84 stuks, 83 eurocents");

/**
 * What one unit of `use` is, per unit code.
 * @category Caseload
 */
export const UNIT_MEASURE: Readonly<Record<UnitCode, string>> = {
  "01": "minutes (minuut; tariff per hour, billed per minute)",
  "04": "minutes (uur; hours declared by the 30-minute rule)",
  "14": "etmalen (24-hour days)",
  "16": "dagdelen (half-days of 4 hours)",
  "82": "stuks (output)",
  "83": "eurocents (euro's: the volume is the amount)",
  "84": "stuks (inspanning)",
};

/** Unit index constants for the hot path. */
export const UNIT_MINUTE = 0;
export const UNIT_HOUR = 1;
export const UNIT_ETMAAL = 2;
export const UNIT_EURO = 5;

/** Largest use a caseload stores in a month (a 32-bit integer). */
export const MAX_USE = 2147483647;

/**
 * Most use a month of `days` days can hold in unit index `unit`: its days in etmalen, its
 * days × 24 × 60 in minutes (units 01 and 04), else {@link MAX_USE}. The import refuses more;
 * the generator draws no more.
 */
export function maxUseInMonth(unit: number, days: number): number {
  if (unit === UNIT_ETMAAL) return days;
  if (unit === UNIT_MINUTE || unit === UNIT_HOUR) return days * 1440;
  return MAX_USE;
}

/**
 * Outcome of a trajectory (resultaat). `open`: still running at the end of the caseload window.
 * @category Caseload
 */
export const OUTCOMES = ["open", "achieved", "notAchieved", "droppedOut"] as const;
/**
 * One of {@link OUTCOMES}.
 * @category Caseload
 */
export type Outcome = (typeof OUTCOMES)[number];
/** Outcome index constants for the hot path. */
export const OUTCOME_OPEN = 0;
export const OUTCOME_ACHIEVED = 1;

/**
 * Sentinel end month of a trajectory still running at the end of the caseload window.
 * @category Caseload
 */
export const OPEN_END = 2147483647;
