import { UNIT_EURO, UNIT_HOUR, UNIT_MINUTE } from "./caseload/codes.js";
import { divRound, type Cents } from "./money/index.js";

/**
 * Billable hours in a month from the minutes delivered (iJw rule): whole hours, a remainder under
 * 30 minutes rounds down, 30 or more rounds up, and any care at all counts as at least 1 hour.
 * @category Money
 */
export function billableHours(minutes: number): number {
  if (minutes <= 0) return 0;
  const hours = Math.floor(minutes / 60);
  const rounded = minutes - hours * 60 >= 30 ? hours + 1 : hours;
  return rounded < 1 ? 1 : rounded;
}

/**
 * The declared amount (iJw: volume × product tariff) of one client's use in one month:
 * - unit 04 (uur): billable hours by the 30-minute rule × hourly tariff;
 * - unit 01 (minuut): hourly tariff × minutes / 60, rounded half-up to whole cents (the one
 *   rounding point of a declaration line);
 * - unit 83 (euro's): the volume is itself the amount in cents;
 * - other units (etmaal, dagdeel, stuks): count × tariff.
 * @category Money
 */
export function declaredAmount(unit: number, use: number, tariff: Cents): Cents {
  if (unit === UNIT_HOUR) return billableHours(use) * tariff;
  if (unit === UNIT_MINUTE) return divRound(tariff * use, 60, "halfUp");
  if (unit === UNIT_EURO) return use;
  return use * tariff;
}
