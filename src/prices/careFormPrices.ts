import type { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, UNIT_EURO } from "../caseload/codes.js";
import { FundingInputError, type Issue } from "../errors.js";
import { excerpt, quotedList } from "../excerpt.js";
import type { Horizon } from "../period.js";
import { DatedPrice, type DatedMoneySchema, type IndexationSchema } from "./datedPrice.js";

/**
 * Looks up prices per provider × care form, with provider-specific lines overriding general ones.
 * Throws, naming the field, when a provider is unknown or a care form in the caseload has no
 * price: a missing tariff must never make care free.
 */
export class CareFormPrices {
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
    const seen = new Map<string, number>();
    entries.forEach((e, i) => {
      const cf = CARE_FORMS.indexOf(e.careForm as (typeof CARE_FORMS)[number]);
      // Two prices for the same care form and provider: which one is meant cannot be guessed.
      const key = `${e.careForm}\u0000${e.provider ?? ""}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        issues.push({ code: "duplicate_price", path: [...path, i], message: `a second price for care form "${e.careForm}"${e.provider === undefined ? "" : ` and provider "${e.provider}"`}; entry ${earlier} has one already` });
        return;
      }
      seen.set(key, i);
      const price = new DatedPrice(e.price, indexation);
      if (e.provider !== undefined) {
        const p = caseload.providers.indexOf(e.provider);
        if (p < 0) {
          issues.push({ code: "unknown_provider", path: [...path, i, "provider"], message: `unknown provider "${excerpt(e.provider)}"; the caseload has ${quotedList(caseload.providers) || "none"}` });
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

  /**
 * Throws unless every provider × care form in the caseload — of the trajectories `only` keeps,
 * default all — has a price. Unit 83 (euros: the use is the amount) needs none.
 */
  requireCovered(only?: (t: number) => boolean): void {
    const c = this.caseload;
    const nc = CARE_FORMS.length;
    // First which provider × care forms occur (a tight loop: every model checks every run's
    // caseload), then their prices, in order of first occurrence as before.
    const { unit, provider, careForm, size } = c;
    const used = new Uint8Array(this.table.length);
    const order: number[] = [];
    for (let t = 0; t < size; t++) {
      if (unit[t] === UNIT_EURO) continue;
      const key = provider[t]! * nc + careForm[t]!;
      if (used[key] === 0 && (only === undefined || only(t))) {
        used[key] = 1;
        order.push(key);
      }
    }
    const missing: string[] = [];
    for (const key of order) {
      if (!this.table[key]) missing.push(`${c.providers[Math.floor(key / nc)]} / ${CARE_FORMS[key % nc]}`);
    }
    if (missing.length) {
      throw new FundingInputError(this.what, [
        { code: "missing_price", path: [...this.path], message: `no price for provider / care form: ${missing.join("; ")}` },
      ]);
    }
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
