import { Decimal } from "decimal.js";
import { z } from "zod";
import { NonNegativeMoneySchema, PercentSchema, roundDecimalCents, type Cents } from "../money/index.js";
import { datedSchema, DatedValue, parseMonth, yearOf, type Month } from "../period.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * A price with dated versions (a tariff from 2025-01, another from 2026-01): either one amount or
 * a list of `{ from, value }`.
 * @category Time
 */
export const DatedMoneySchema = z.union([NonNegativeMoneySchema, datedSchema(NonNegativeMoneySchema)]);
/**
 * A dated price as users write it.
 * @category Time
 */
export type DatedMoneyInput = z.input<typeof DatedMoneySchema>;

/**
 * Yearly indexation (indexering): each version's percentage applies every January from its
 * `from` month until the next version. Before the first version no indexation applies.
 * @category Time
 */
export const IndexationSchema = datedSchema(
  PercentSchema.refine((p) => new Decimal(p).gt(-100) && new Decimal(p).lte(100), { message: "indexation must be above −100 % and at most 100 % a year", ...ONLY_IF_VALID }),
).describe("yearly indexation: [{ from, value: percent }] raises each price by the percent every January after it takes effect");
/**
 * Yearly indexation as users write it.
 * @category Time
 */
export type IndexationInput = z.input<typeof IndexationSchema>;

/**
 * A price in force per month: the dated version, raised by indexation each January after that
 * version's start. Rounding point: indexation rounds half-up to whole cents once per year per
 * price, as a published tariff list does; later years index the rounded figure.
 * @category Time
 */
export class DatedPrice {
  private readonly versions: DatedValue<{ from: Month; cents: Cents }>;
  private readonly firstIndexYear: number;
  private readonly rates: DatedValue<string> | null;
  private readonly memo = new Map<Month, Cents>();

  constructor(price: z.output<typeof DatedMoneySchema>, indexation?: z.output<typeof IndexationSchema>) {
    const list = typeof price === "number" ? [{ from: "0000-01", value: price }] : price;
    this.versions = new DatedValue(list.map((v) => ({ from: v.from, value: { from: parseMonth(v.from), cents: v.value } })));
    this.rates = indexation ? new DatedValue(indexation) : null;
    // Indexation applies on Januaries; a first version from March 2027 first applies in January 2028.
    const first = indexation ? parseMonth(indexation[0]!.from) : NaN;
    this.firstIndexYear = indexation ? (first % 12 === 0 ? yearOf(first) : yearOf(first) + 1) : Infinity;
  }

  /** The price in force in `month`, in cents. */
  at(month: Month): Cents {
    const hit = this.memo.get(month);
    if (hit !== undefined) return hit;
    const v = this.versions.at(month);
    let cents = v.cents;
    if (this.rates) {
      const from = Math.max(yearOf(v.from) + 1, this.firstIndexYear);
      for (let y = from; y <= yearOf(month); y++) {
        const rate = this.rates.at(y * 12);
        cents = roundDecimalCents(new Decimal(cents).times(new Decimal(rate).dividedBy(100).plus(1)), "halfUp");
      }
    }
    this.memo.set(month, cents);
    return cents;
  }
}
