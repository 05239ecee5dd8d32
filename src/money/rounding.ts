import { Decimal } from "decimal.js";
import type { Cents } from "./cents.js";

/**
 * A named rounding mode for integer division `numerator / denominator` (denominator > 0), exact
 * on integers. Every place in the library that rounds says which of these it uses.
 * @category Money
 */
export type RoundingMode = "halfUp" | "halfEven" | "down" | "up";

/**
 * Integer division of two safe integers with a named rounding. `halfUp` is the commercial
 * rounding the iJw prescribes ("afgerond op hele centen"): halves away from zero.
 * @category Money
 */
export function divRound(numerator: number, denominator: number, mode: RoundingMode): number {
  // Both operands are integers; the quotient and remainder below are exact for safe integers.
  const sign = (numerator < 0) !== (denominator < 0) ? -1 : 1;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  const result = sign * (roundsAway(mode, Math.sign(2 * r - d), r > 0, q % 2 === 1) ? q + 1 : q);
  return result === 0 ? 0 : result; // no negative zero in a ledger
}

/**
 * {@link divRound} for BigInt operands (denominator > 0): exact for sums and products beyond
 * 2^53, where the number version would lose digits.
 */
export function divRoundBig(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = n / denominator;
  const r = n - q * denominator;
  const twice = 2n * r;
  const cmp = twice > denominator ? 1 : twice === denominator ? 0 : -1;
  const m = roundsAway(mode, cmp, r > 0n, q % 2n === 1n) ? q + 1n : q;
  return negative ? -m : m;
}

/**
 * Whether a quotient rounds away from zero, from how twice the remainder compares with the
 * divisor (−1, 0, 1): the one statement of each named mode.
 */
function roundsAway(mode: RoundingMode, twiceRemainderVsDivisor: number, hasRemainder: boolean, quotientOdd: boolean): boolean {
  switch (mode) {
    case "down":
      return false;
    case "up":
      return hasRemainder;
    case "halfUp":
      return twiceRemainderVsDivisor >= 0 && hasRemainder;
    case "halfEven":
      return twiceRemainderVsDivisor > 0 || (twiceRemainderVsDivisor === 0 && hasRemainder && quotientOdd);
  }
}

const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/**
 * Rounds a Decimal amount of cents to whole cents with a named mode.
 * @category Money
 */
export function roundDecimalCents(value: Decimal, mode: RoundingMode): Cents {
  const r = value.toDecimalPlaces(0, DECIMAL_MODE[mode]).toNumber();
  return r === 0 ? 0 : r;
}

/**
 * Applies a percentage (a decimal string like "2.35" for 2.35 %) to an amount, rounded by `mode`.
 * Exact for every safe amount: the percentage is an integer fraction, the product an integer
 * (a Decimal product would keep only 20 significant digits).
 * @category Money
 */
export function percentOf(amount: Cents, percent: Decimal.Value, mode: RoundingMode): Cents {
  return percentOfEach(percent, mode)(amount);
}

/**
 * {@link percentOf} for one percentage applied to many amounts (a hot loop): the percentage is
 * read once as an integer fraction, each amount then costs an integer multiplication and
 * {@link divRound} (BigInt when the product passes 2^53).
 */
export function percentOfEach(percent: Decimal.Value, mode: RoundingMode): (amount: Cents) => Cents {
  const p = new Decimal(percent);
  const scale = new Decimal(10).pow(p.decimalPlaces());
  const num = p.times(scale).toNumber();
  const den = scale.times(100).toNumber();
  // More decimals than a schema allows (they take at most six): the decimal product.
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return (amount) => roundDecimalCents(new Decimal(amount).times(p).dividedBy(100), mode);
  const bigNum = BigInt(num);
  const bigDen = BigInt(den);
  return (amount) => {
    const product = amount * num;
    if (Number.isSafeInteger(product)) return divRound(product, den, mode);
    const r = Number(divRoundBig(BigInt(amount) * bigNum, bigDen, mode));
    return r === 0 ? 0 : r;
  };
}
