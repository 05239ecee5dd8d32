import type { Caseload } from "../caseload/caseload.js";
import { UNIT_CODES, UNIT_HOUR, UNIT_MINUTE } from "../caseload/codes.js";
import { daysInMonth } from "../period.js";

/**
 * Data that imports but probably does not mean what the export meant: hours given as hours where
 * we read minutes, more dagdelen than a month has, no use at all. A warning names how many rows or
 * months look wrong, the likely cause and the setting that fixes it; it does not stop the import.
 * @category Import (CSV and records)
 */
export interface ImportWarning {
  /** `use-looks-like-hours`, `dagdelen-above-month`, `no-use`. */
  readonly code: string;
  readonly message: string;
  /** The same message in Dutch, for the command line's and report's default language. */
  readonly nl: string;
  /** Trajectory-months (or rows) that look wrong … */
  readonly count: number;
  /** … out of this many looked at. */
  readonly of: number;
}

/** A month of a time unit with use below this many minutes looks like hours read as minutes. */
const LOW_MINUTES = 30;
/** Warn when at least this share of a unit's months with use looks wrong … */
const SHARE = 0.5;
/** … and at least this many, so that a handful of short contacts does not warn. */
const MIN_COUNT = 10;
const UNIT_DAGDEEL = UNIT_CODES.indexOf("16");

/**
 * The import's plausibility checks on a caseload, given how the export was read (its use scale):
 * - units 01 and 04 (minutes, hours): most months with use below 30 minutes, while no use scale is
 *   set for the unit — the export probably gives hours, which are read as minutes (5 hours → 5
 *   minutes, billed as 1 hour);
 * - unit 16 (dagdelen): most months with use above two dagdelen per day of the month;
 * - no use at all in any month, while trajectories are in care: the use column is probably another.
 */
export function plausibilityWarnings(c: Caseload, mapping: { readonly useScale: Partial<Record<string, unknown>> }): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const low = [0, 0];
  const withUse = [0, 0];
  let dagdelenHigh = 0;
  let dagdelenMonths = 0;
  let months = 0;
  let any = false;
  const W = c.window.start;
  for (let t = 0; t < c.size; t++) {
    const unit = c.unit[t]!;
    const first = Math.max(c.start[t]!, W);
    for (let k = c.useOffset[t]!, month = first; k < c.useOffset[t + 1]!; k++, month++) {
      const v = c.use[k]!;
      months++;
      if (v === 0) continue;
      any = true;
      if (unit === UNIT_MINUTE || unit === UNIT_HOUR) {
        withUse[unit]!++;
        if (v < LOW_MINUTES) low[unit]!++;
      } else if (unit === UNIT_DAGDEEL) {
        dagdelenMonths++;
        if (v > 2 * daysInMonth(month)) dagdelenHigh++;
      }
    }
  }
  for (const unit of [UNIT_MINUTE, UNIT_HOUR]) {
    const code = UNIT_CODES[unit]!;
    const n = low[unit]!;
    const of = withUse[unit]!;
    if (mapping.useScale[code] === undefined && n >= MIN_COUNT && n >= SHARE * of) {
      const name = unit === UNIT_HOUR ? "uur" : "minuut";
      warnings.push({
        code: "use-looks-like-hours",
        count: n,
        of,
        message:
          `${n} of ${of} months with use of unit ${code} (${name}) have less than ${LOW_MINUTES} minutes. Use of units 01 and 04 is read in minutes, ` +
          `so a 5 in the export is 5 minutes${unit === UNIT_HOUR ? ", billed as 1 hour" : ""}. If the export gives hours, set mapping.useScale to { "${code}": 60 }.`,
        nl:
          `${n} van ${of} maanden met inzet in eenheid ${code} (${name}) hebben minder dan ${LOW_MINUTES} minuten. Inzet in de eenheden 01 en 04 wordt in minuten gelezen, ` +
          `dus een 5 in de export is 5 minuten${unit === UNIT_HOUR ? ", gedeclareerd als 1 uur" : ""}. Geeft de export uren, zet dan mapping.useScale op { "${code}": 60 }.`,
      });
    }
  }
  if (dagdelenHigh >= MIN_COUNT && dagdelenHigh >= SHARE * dagdelenMonths) {
    warnings.push({
      code: "dagdelen-above-month",
      count: dagdelenHigh,
      of: dagdelenMonths,
      message: `${dagdelenHigh} of ${dagdelenMonths} months with use of unit 16 (dagdeel) have more than two dagdelen per day of the month: is use given in hours? Then set mapping.useScale to { "16": 0.25 } (a dagdeel is 4 hours).`,
      nl: `${dagdelenHigh} van ${dagdelenMonths} maanden met inzet in eenheid 16 (dagdeel) hebben meer dan twee dagdelen per dag van de maand: is de inzet in uren gegeven? Zet dan mapping.useScale op { "16": 0.25 } (een dagdeel is 4 uur).`,
    });
  }
  if (!any && months > 0) {
    warnings.push({
      code: "no-use",
      count: months,
      of: months,
      message: `all ${months} months in care have use 0, so effort-based funding pays nothing: does the mapping name the right use column (mapping.columns.use or the use CSV)?`,
      nl: `alle ${months} maanden in zorg hebben inzet 0, dus inspanningsgerichte bekostiging betaalt niets: noemt de mapping de juiste kolom voor de inzet (mapping.columns.use of de inzet-CSV)?`,
    });
  }
  return warnings;
}
