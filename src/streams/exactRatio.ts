import { Decimal } from "decimal.js";
import { FundingInputError } from "../errors.js";
import { divRoundBig, MAX_CENTS, type Cents, type RoundingMode } from "../money/index.js";

/*
 * Exact fractions for the stream calculators. An expected count of avoided trajectories is a
 * product of a percentage, a share of a target group and an inflow that may be a binary float
 * (a caseload spec's arrivals); multiplied by a cost it must still round to the right cent. Doing
 * the arithmetic on BigInt fractions and rounding once at the end makes that exact, where a
 * Decimal with finite precision would round at every step.
 */

const MAX = BigInt(MAX_CENTS);

/** An exact fraction `n / d` with `d > 0`. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

/**
 * The exact value of a finite number or decimal string as a fraction over a power of ten. A
 * binary float is read by its shortest decimal form (`0.1` is one tenth), as a user wrote it.
 */
export function ratioOf(value: Decimal.Value): Ratio {
  const x = new Decimal(value);
  if (!x.isFinite()) throw new RangeError(`ratioOf: ${String(value)} is not a finite number`);
  const places = x.decimalPlaces();
  // toFixed never uses exponent notation, so dropping the point leaves the exact digits.
  return { n: BigInt(x.toFixed(places).replace(".", "")), d: 10n ** BigInt(places) };
}

/** The exact product of fractions and integers. */
export function times(...factors: readonly (Ratio | bigint | number)[]): Ratio {
  let n = 1n;
  let d = 1n;
  for (const f of factors) {
    if (typeof f === "object") {
      n *= f.n;
      d *= f.d;
    } else {
      n *= BigInt(f);
    }
  }
  return { n, d };
}

/** The exact quotient `a / b`; `b` must not be zero. */
export function over(a: Ratio, b: Ratio | bigint | number): Ratio {
  const r = typeof b === "object" ? b : { n: BigInt(b), d: 1n };
  if (r.n === 0n) throw new RangeError("over: division by zero");
  const sign = r.n < 0n ? -1n : 1n;
  return { n: a.n * r.d * sign, d: a.d * r.n * sign };
}

/** Whether `a < b`, exactly. */
export function lessThan(a: Ratio, b: Ratio): boolean {
  return a.n * b.d < b.n * a.d;
}

/**
 * A fraction of cents rounded to whole cents with a named mode; throws the library's input
 * error naming `where` when the result is beyond the exact range.
 */
export function roundToCents(r: Ratio, mode: RoundingMode, where: string): Cents {
  const c = divRoundBig(r.n, r.d, mode);
  if (c > MAX || c < -MAX) {
    throw new FundingInputError("amount", [
      { code: "unsafe_amount", path: [where], message: `amount ${c} cents is outside the exact range ±${MAX_CENTS}` },
    ]);
  }
  return Number(c); // a BigInt has no −0
}

/**
 * A fraction as a binary float, for counts shown to people (expected trajectories), never for
 * money. Rounded to 20 significant digits first, then to the nearest float: both steps are
 * monotone, so a fraction at most a float `b` never becomes more than `b`.
 */
export function toNumber(r: Ratio): number {
  return new Decimal(r.n.toString()).dividedBy(r.d.toString()).toNumber();
}
