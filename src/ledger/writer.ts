import type { Cents } from "../money/index.js";
import type { Month } from "../period.js";

/**
 * Where a funding model writes its payment lines. Models state every payment they would make —
 * also those falling before or after the horizon — and the projection core decides what counts:
 * lines inside the horizon are paid; lines after it are open obligations (verplichtingen).
 *
 * `month` is when the municipality pays; `incurred` is when the obligation arose (the care month,
 * the start of an arrangement, the budget year). Amounts are integer cents.
 * @category Projection and ledger
 */
export interface LedgerWriter {
  /** A payment for trajectory `t` (provider and municipality are the trajectory's own). */
  trajectory(t: number, month: Month, incurred: Month, kind: number, cents: Cents): void;
  /**
   * A payment not tied to one trajectory (a lump sum, a settlement over a year), to `provider`
   * (or ALL_PROVIDERS) for `municipality` (or WHOLE_REGION).
   */
  lump(provider: number, municipality: number, month: Month, incurred: Month, kind: number, cents: Cents): void;
}
