import { z } from "zod";
import { NameSchema } from "../caseload/names.js";
import { CareFormSchema, UNIT_EURO, UNIT_HOUR, UNIT_MINUTE } from "../caseload/codes.js";
import { divRound, type Cents } from "../money/index.js";
import { DatedMoneySchema, IndexationSchema } from "../prices/datedPrice.js";

/** The cost of one unit of a care form (optionally at one provider): per hour for time units, else per unit. */
export const CareFormPriceSchema = z.strictObject({
  careForm: CareFormSchema,
  provider: NameSchema.optional().describe("only for this provider; otherwise for all"),
  price: DatedMoneySchema.describe("cost per hour (time units) or per unit"),
});

/**
 * The provider's cost price (kostprijs) of one unit of care, per care form and optionally per
 * provider: per hour for time units, per etmaal/dagdeel/stuk otherwise. Unit 83 (euro's) costs
 * its own volume. Margins follow as paid − cost.
 * @category Projection and ledger
 */
export const CostPricesSchema = z.strictObject({
  prices: z
    .array(CareFormPriceSchema)
    .min(1)
    .describe("cost prices per care form (optionally per provider)"),
  indexation: IndexationSchema.optional(),
});
/**
 * Cost prices as users write them.
 * @category Projection and ledger
 */
export type CostPricesInput = z.input<typeof CostPricesSchema>;
/** Cost prices after validation (amounts in cents). */
export type CostPrices = z.output<typeof CostPricesSchema>;

/**
 * Cost of one trajectory-month. Rounding point: time units cost minutes × hourly price / 60,
 * rounded half-up to the cent per trajectory-month (real minutes, no 30-minute rule: that rule is
 * for declarations, not for what care costs).
 * @category Projection and ledger
 */
export function costOfUse(unit: number, use: number, price: Cents): Cents {
  if (unit === UNIT_HOUR || unit === UNIT_MINUTE) {
    const n = price * use;
    // Hot path (every trajectory-month of a run): divRound(n, 60, "halfUp") for 0 < n ≤ 2^52 as
    // floor((n + 30) / 60), without a branch on the remainder (random, so mispredicted about every
    // other month). Exact: n + 30 is an exact integer; a quotient of integers by 60 that is not
    // whole lies at least 1/60 from every whole number, and below 2^47 the division's rounding
    // error is at most 2^−7, so the floor is that of the exact quotient.
    if (n > 0 && n <= 4503599627370496) return Math.floor((n + 30) / 60);
    return divRound(n, 60, "halfUp");
  }
  if (unit === UNIT_EURO) return use;
  return price * use;
}

