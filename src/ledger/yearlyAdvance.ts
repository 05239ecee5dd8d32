import { percentOf, splitEvenly, type Cents } from "../money/index.js";
import type { Month } from "../period.js";

/** One payment of an advance-and-settlement schedule. */
export interface ScheduledPayment {
  readonly month: Month;
  /** When the obligation arose: January for the advances, December for the settlement. */
  readonly incurred: Month;
  readonly kind: "advance" | "settlement";
  readonly cents: Cents;
}

/**
 * An advance on a yearly cap in twelve monthly parts from January, and — when the year's actual
 * amount is known — a settlement of actual − advance `settleMonthsAfterYearEnd` months after
 * December (paid out, or recovered when negative). Used by the reimbursement model and by funding
 * streams' payments to the municipality. Rounding: the advance is `percent` of the cap rounded
 * half-up to the cent and split over the months by largest remainder; the settlement is exact.
 *
 * @param actual the year's actual amount, or null when the year is only partly known (then no
 *   settlement is scheduled and the caller should say so).
 */
export function yearlyAdvance(year: number, cap: Cents, percent: string, actual: Cents | null, settleMonthsAfterYearEnd: number): ScheduledPayment[] {
  const advance = percentOf(cap, percent, "halfUp");
  const out: ScheduledPayment[] = splitEvenly(advance, 12)
    .map((cents, m) => ({ month: year * 12 + m, incurred: year * 12, kind: "advance" as const, cents }))
    .filter((p) => p.cents !== 0);
  if (actual !== null && actual !== advance) {
    out.push({ month: year * 12 + 11 + settleMonthsAfterYearEnd, incurred: year * 12 + 11, kind: "settlement", cents: actual - advance });
  }
  return out;
}
