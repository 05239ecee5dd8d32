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
  /**
   * Optional: `count` payments of `cents` each for trajectory `t`, paid in the consecutive months
   * `month`, `month + 1`, …, all incurred in `incurred` (an arrangement's monthly instalments) —
   * exactly what `count` calls of {@link trajectory} in that order would write, in one call, so a
   * writer can total them without a call per line. Models write runs through {@link writeRun},
   * which falls back to those calls for a writer without this method.
   */
  trajectoryRun?(t: number, month: Month, incurred: Month, kind: number, cents: Cents, count: number): void;
}

/**
 * Writes a run of equal monthly payments (see {@link LedgerWriter.trajectoryRun}) to `out`: in one
 * call when the writer takes runs, else line by line.
 * @category Projection and ledger
 */
export function writeRun(out: LedgerWriter, t: number, month: Month, incurred: Month, kind: number, cents: Cents, count: number): void {
  if (out.trajectoryRun) out.trajectoryRun(t, month, incurred, kind, cents, count);
  else for (let j = 0; j < count; j++) out.trajectory(t, month + j, incurred, kind, cents);
}
