import { Decimal } from "decimal.js";
import { FundingInputError } from "../errors.js";

/**
 * An amount in whole eurocents, as in the iJw messages. It is a JavaScript number that always
 * holds an integer within ±(2^53 − 1), where binary doubles are exact; every operation here keeps
 * it integral, and {@link assertCents} guards the range at each boundary.
 * @category Money
 */
export type Cents = number;

/**
 * Largest amount we accept: 2^53 − 1 cents (≈ €90 trillion), the exact-integer limit of a double.
 * @category Money
 */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Throws unless `value` is an integer amount of cents within the safe range.
 * @category Money
 */
export function assertCents(value: number, where: string): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new FundingInputError("amount", [
      {
        code: "unsafe_amount",
        path: [where],
        message: Number.isInteger(value)
          ? `amount ${value} cents is outside the exact range ±${MAX_CENTS}`
          : `amount ${value} is not a whole number of cents`,
      },
    ]);
  }
  return value;
}

/**
 * Adds two amounts and checks that the sum stays exact (overflow guard for totals).
 * @category Money
 */
export function addCents(a: Cents, b: Cents, where = "sum"): Cents {
  return assertCents(a + b, where);
}

/**
 * Converts a euro amount given as a decimal string or Decimal ("1234.56", "78,50" is not accepted)
 * to cents. Throws when it has more than two decimals: a tariff in tenths of a cent must be
 * rounded deliberately by the caller, never silently.
 * @category Money
 */
export function eurosToCents(euros: string | Decimal): Cents {
  let d: Decimal;
  try {
    d = new Decimal(euros).times(100);
  } catch {
    throw new FundingInputError("amount", [
      { code: "invalid_format", path: [], message: `"${String(euros)}" is not a euro amount; write euros with a decimal point, e.g. "78.50"` },
    ]);
  }
  if (!d.isInteger()) {
    throw new FundingInputError("amount", [
      { code: "sub_cent", path: [], message: `€${String(euros)} has more than two decimals` },
    ]);
  }
  return assertCents(d.toNumber(), "euros");
}

/**
 * The exact decimal value in euros of an amount of cents (for display and reference paths).
 * @category Money
 */
export function centsToDecimal(cents: Cents): Decimal {
  return new Decimal(cents).dividedBy(100);
}
