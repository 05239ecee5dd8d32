import { Decimal } from "decimal.js";
import { z } from "zod";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * An amount of money as users write it: euros as a decimal string with at most two decimals
 * (`"78.50"`, `"-120"`), or whole cents as `{ "cents": 7850 }`. A bare number is refused on
 * purpose: `70` could mean euros or cents, and a budget off by a factor 100 is not a typo one
 * wants to find in a council report. Parses to integer cents.
 * @category Money
 */
export const MoneySchema = z
  .union([
    z.string().regex(/^-?\d+(\.\d{1,2})?$/, 'expected euros as a decimal string with at most two decimals, e.g. "78.50"'),
    // int() is also the JSON Schema's "integer" (an editor flags 12.5 cents); an unsafe integer gets the range message.
    z.strictObject({
      cents: z
        .number()
        .int({ error: (i) => (i.code === "invalid_type" ? "cents must be a whole number" : `amount is outside the exact range of ±${Number.MAX_SAFE_INTEGER} cents`) })
        .describe("an amount in whole eurocents, e.g. 7850 for € 78.50"),
    }),
  ], { error: 'expected euros as a string like "78.50" or { "cents": 7850 }' })
  .transform((v, ctx) => {
    const cents = typeof v === "string" ? new Decimal(v).times(100).toNumber() : v.cents;
    if (!Number.isSafeInteger(cents)) {
      ctx.addIssue({ code: "custom", message: `amount is outside the exact range of ±${Number.MAX_SAFE_INTEGER} cents` });
      return z.NEVER;
    }
    return cents;
  });
/**
 * Money as users write it: `"78.50"` (euros) or `{ cents: 7850 }`.
 * @category Money
 */
export type MoneyInput = z.input<typeof MoneySchema>;

/** A non-negative amount of money (a tariff, a price, a budget). */
export const NonNegativeMoneySchema = MoneySchema.refine((c) => c >= 0, { message: "must not be negative", ...ONLY_IF_VALID });

/**
 * A percentage as a number or decimal string (`50`, `"2.35"`), parsed to an exact Decimal string
 * so shares can be summed without binary rounding.
 * @category Money
 */
export const PercentSchema = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "expected a percentage like 2.35")], {
    error: (i) => (i.input === undefined ? "required: a percentage, e.g. 2.35 or \"2.35\"" : "expected a percentage as a number or a decimal string, e.g. 2.35 or \"2.35\""),
  })
  .transform((v, ctx) => {
    if (typeof v === "number" && !Number.isFinite(v)) {
      ctx.addIssue({ code: "custom", message: "percentage must be a finite number" });
      return z.NEVER;
    }
    const d = new Decimal(v);
    // Shares become integer weights (percentWeights); six decimals keep them exact and far below 2^53.
    if (d.decimalPlaces() > 6 || d.abs().gt(1e6)) {
      ctx.addIssue({ code: "custom", message: "percentage must have at most 6 decimals and lie within ±1,000,000" });
      return z.NEVER;
    }
    return d.toFixed(); // plain notation: "0.0000001", never "1e-7"
  });

/** A percentage between 0 and 100 inclusive. */
export const SharePercentSchema = PercentSchema.refine((p) => new Decimal(p).gte(0) && new Decimal(p).lte(100), {
  message: "must be between 0 and 100",
  ...ONLY_IF_VALID,
});

/** Adds an issue at `path` unless the percentages sum to exactly 100 (exact decimal sum). */
export function requireHundred(
  parts: readonly (readonly [string, string])[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  const sum = parts.reduce((s, [, p]) => s.plus(p), new Decimal(0));
  if (!sum.eq(100)) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `shares ${parts.map(([k, p]) => `${k} ${p}%`).join(" + ")} sum to ${sum.toString()}%, not 100%`,
    });
  }
}
