import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, UNIT_EURO, UNIT_HOUR, UNIT_MINUTE } from "../caseload/codes.js";
import { FundingInputError, type Issue } from "../errors.js";
import { divRound, type Cents } from "../money/index.js";
import type { Horizon } from "../period.js";
import { DatedMoneySchema, DatedPrice, IndexationSchema } from "../tariff.js";

/**
 * The provider's cost price (kostprijs) of one unit of care, per care form and optionally per
 * provider: per hour for time units, per etmaal/dagdeel/stuk otherwise. Unit 83 (euro's) costs
 * its own volume. Margins follow as paid − cost.
 */
export const CostPricesSchema = z.object({
  prices: z
    .array(
      z.object({
        careForm: z.enum(CARE_FORMS),
        provider: z.string().min(1).optional().describe("only for this provider; otherwise for all"),
        price: DatedMoneySchema.describe("cost per hour (time units) or per unit"),
      }),
    )
    .min(1),
  indexation: IndexationSchema.optional(),
});
export type CostPricesInput = z.input<typeof CostPricesSchema>;
export type CostPrices = z.output<typeof CostPricesSchema>;

/**
 * Cost of one trajectory-month. Rounding point: time units cost minutes × hourly price / 60,
 * rounded half-up to the cent per trajectory-month (real minutes, no 30-minute rule: that rule is
 * for declarations, not for what care costs).
 */
export function costOfUse(unit: number, use: number, price: Cents): Cents {
  if (unit === UNIT_HOUR || unit === UNIT_MINUTE) return divRound(price * use, 60, "halfUp");
  if (unit === UNIT_EURO) return use;
  return price * use;
}

/**
 * Looks up prices per provider × care form, with provider-specific lines overriding general ones.
 * Throws, naming the field, when a provider is unknown or a care form in the caseload has no
 * price: a missing tariff must never make care free.
 */
export class PriceLookup {
  private readonly table: (DatedPrice | undefined)[];
  /**
   * @param path where the entries sit in the user's input, e.g. `["costPrices", "prices"]`, so
   *   issues point at the field.
   */
  constructor(
    private readonly caseload: Caseload,
    entries: readonly { careForm: string; provider?: string | undefined; price: z.output<typeof DatedMoneySchema> }[],
    indexation: z.output<typeof IndexationSchema> | undefined,
    private readonly what: string,
    private readonly path: readonly (string | number)[],
  ) {
    const nc = CARE_FORMS.length;
    this.table = new Array<DatedPrice | undefined>(caseload.providers.length * nc).fill(undefined);
    const issues: Issue[] = [];
    const specific = new Set<number>();
    entries.forEach((e, i) => {
      const cf = CARE_FORMS.indexOf(e.careForm as (typeof CARE_FORMS)[number]);
      const price = new DatedPrice(e.price, indexation);
      if (e.provider !== undefined) {
        const p = caseload.providers.indexOf(e.provider);
        if (p < 0) {
          issues.push({ code: "unknown_provider", path: [...path, i, "provider"], message: `unknown provider "${e.provider}"; the caseload has ${caseload.providers.join(", ")}` });
          return;
        }
        this.table[p * nc + cf] = price;
        specific.add(p * nc + cf);
      } else {
        for (let p = 0; p < caseload.providers.length; p++) if (!specific.has(p * nc + cf)) this.table[p * nc + cf] = price;
      }
    });
    if (issues.length) throw new FundingInputError(what, issues);
  }

  /** Throws unless every provider × care form in the caseload has a price. */
  requireCovered(): void {
    const c = this.caseload;
    const nc = CARE_FORMS.length;
    const missing = new Set<string>();
    for (let t = 0; t < c.size; t++) {
      if (c.unit[t] === UNIT_EURO) continue;
      const key = c.provider[t]! * nc + c.careForm[t]!;
      if (!this.table[key]) missing.add(`${c.providers[c.provider[t]!]} / ${CARE_FORMS[c.careForm[t]!]}`);
    }
    if (missing.size) {
      throw new FundingInputError(this.what, [
        { code: "missing_price", path: [...this.path], message: `no price for provider / care form: ${[...missing].join("; ")}` },
      ]);
    }
  }

  /** The dated price for provider `p` and care-form index `cf`, or undefined. */
  get(p: number, cf: number): DatedPrice | undefined {
    return this.table[p * CARE_FORMS.length + cf];
  }

  /**
   * Prices per (provider × care form) × month of `range`, flattened for the hot path:
   * `grid[(p × 7 + cf) × months + m]`; −1 where no price is set.
   */
  grid(range: Horizon): Float64Array {
    const out = new Float64Array(this.table.length * range.months).fill(-1);
    this.table.forEach((price, key) => {
      if (!price) return;
      for (let m = 0; m < range.months; m++) out[key * range.months + m] = price.at(range.start + m);
    });
    return out;
  }
}
