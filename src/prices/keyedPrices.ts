import type { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { columnOf, optionalIndex, SINGULAR, type Dimension } from "../caseload/names.js";
import { FundingInputError } from "../errors.js";
import { DatedPrice, type DatedMoneySchema, type IndexationSchema } from "./datedPrice.js";

/**
 * Price precedence (README, "Rules and their readings"): an entry's specificity is the number of
 * fields it sets; among the entries matching a combination the one with the most fields wins,
 * whatever their order. Two entries that set as many fields and both match some combination are a
 * true tie — unless an entry with more fields covers that whole combination — and are refused when
 * the config is validated: which price is meant cannot be guessed.
 *
 * Returns an issue per unresolved tie, at the later entry, naming both. `fields` names the keys in
 * order (e.g. `["provider", "profile", "intensity"]`); identical entries are left to the duplicate
 * check. Quadratic in the number of entries (a region has a few dozen prices).
 */
export function priceTieIssues(
  entries: readonly (readonly (string | undefined)[])[],
  fields: readonly string[],
  listPath: readonly (string | number)[],
): { path: (string | number)[]; message: string }[] {
  const count = (keys: readonly (string | undefined)[]): number => keys.reduce((n, k) => n + (k === undefined ? 0 : 1), 0);
  const counts = entries.map(count);
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (let j = 1; j < entries.length; j++) {
    for (let i = 0; i < j; i++) {
      if (counts[i] !== counts[j]) continue;
      const a = entries[i]!;
      const b = entries[j]!;
      if (!a.every((k, d) => k === undefined || b[d] === undefined || k === b[d])) continue; // never match the same combination
      if (a.every((k, d) => k === b[d])) continue; // identical: the duplicate check names it
      const overlap = a.map((k, d) => k ?? b[d]);
      // A more specific entry that covers every combination both match decides there.
      const covered = entries.some((e, n) => counts[n]! > counts[i]! && e.every((k, d) => k === undefined || k === overlap[d]));
      if (covered) continue;
      const where = overlap.flatMap((k, d) => (k === undefined ? [] : [`${fields[d]} "${k}"`])).join(" × ");
      issues.push({
        path: [...listPath, j],
        message: `entries ${i} and ${j} both set ${counts[i]} field(s) and both match ${where}: which price is meant cannot be guessed; add an entry for ${where} or remove one of them`,
      });
    }
  }
  return issues;
}

/**
 * Prices keyed by up to three caseload dimensions (e.g. provider × profile × intensity for output
 * arrangements). An entry that leaves a dimension out applies to all its values; the entry that
 * sets the most fields wins whatever their order (ties are refused by {@link priceTieIssues} when
 * the config is validated).
 */
export class KeyedPrices {
  private readonly sizes: number[];
  private readonly table: (DatedPrice | undefined)[];

  constructor(
    private readonly caseload: Caseload,
    private readonly dims: readonly Dimension[],
    entries: readonly { readonly keys: readonly (string | undefined)[]; readonly price: z.output<typeof DatedMoneySchema>; readonly path: (string | number)[] }[],
    indexation: z.output<typeof IndexationSchema> | undefined,
    private readonly what: string,
    /** Where the entries sit in the config, e.g. `["prices"]`, for the missing-price issue. */
    private readonly path: readonly (string | number)[],
  ) {
    this.sizes = dims.map((d) => caseload[d].length);
    this.table = new Array<DatedPrice | undefined>(this.sizes.reduce((a, b) => a * b, 1)).fill(undefined);
    const specificity = new Int8Array(this.table.length).fill(-1);
    const seen = new Map<string, number>();
    entries.forEach((e, n) => {
      const key = e.keys.map((k) => k ?? "").join("\u0000");
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new FundingInputError(what, [{ code: "duplicate_price", path: [...e.path], message: `a second price for the same ${dims.map((d) => SINGULAR[d]).join(" × ")}; entry ${earlier} has one already` }]);
      }
      seen.set(key, n);
    });
    for (const e of entries) {
      const idx = dims.map((d, j) => optionalIndex(caseload, d, e.keys[j], [...e.path, SINGULAR[d]], what));
      // Specificity: the number of fields set (not which ones: a provider-wide entry does not beat profile × intensity).
      const score = e.keys.reduce((s, k) => s + (k === undefined ? 0 : 1), 0);
      const price = new DatedPrice(e.price, indexation);
      this.forEachCell(idx, (cell) => {
        if (score > specificity[cell]!) {
          specificity[cell] = score;
          this.table[cell] = price;
        }
      });
    }
  }

  private forEachCell(idx: readonly number[], fn: (cell: number) => void, j = 0, cell = 0): void {
    if (j === idx.length) return fn(cell);
    const size = this.sizes[j]!;
    if (idx[j]! >= 0) this.forEachCell(idx, fn, j + 1, cell * size + idx[j]!);
    else for (let v = 0; v < size; v++) this.forEachCell(idx, fn, j + 1, cell * size + v);
  }

  /** The price for trajectory `t`, or throws naming the combination that has none. */
  forTrajectory(t: number): DatedPrice {
    const c = this.caseload;
    let cell = 0;
    for (let j = 0; j < this.dims.length; j++) cell = cell * this.sizes[j]! + this.column(this.dims[j]!)[t]!;
    const price = this.table[cell];
    if (!price) {
      const combo = this.dims.map((d) => `${SINGULAR[d]} "${c[d][this.column(d)[t]!]}"`).join(", ");
      throw new FundingInputError(this.what, [{ code: "missing_price", path: [...this.path], message: `no price for ${combo} (trajectory ${c.ids[t]})` }]);
    }
    return price;
  }

  private column(d: Dimension): Uint16Array | Uint8Array {
    return columnOf(this.caseload, d);
  }
}

