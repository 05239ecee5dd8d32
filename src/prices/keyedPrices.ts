import type { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { columnOf, optionalIndex, SINGULAR, type Dimension } from "../caseload/names.js";
import { FundingInputError, MAX_KEPT_ISSUES } from "../errors.js";
import { excerpt } from "../excerpt.js";
import { DatedPrice, type DatedMoneySchema, type IndexationSchema } from "./datedPrice.js";

/**
 * Price precedence (README, "Rules and their readings"): an entry's specificity is the number of
 * fields it sets; among the entries matching a combination the one with the most fields wins,
 * whatever their order. Two entries that set as many fields and both match some combination are a
 * true tie — unless an entry with more fields covers that whole combination — and are refused when
 * the config is validated: which price is meant cannot be guessed. So are two entries for the same
 * key (the same fields set to the same values, e.g. two general entries): a second price for it.
 *
 * Returns an issue per duplicate and per unresolved tie, at the later entry, naming both; past
 * {@link MAX_KEPT_ISSUES} − 1 of them, one more issue at the list counts the others (so the error
 * keeps every issue returned). `fields` names the
 * keys in order (e.g. `["provider", "profile", "intensity"]`, at most three).
 *
 * Work: entries are grouped by the set of fields they set (a mask); a tie is only possible between
 * two different masks with as many fields, and only between entries that agree on the fields both
 * set, so each pair of masks is matched through a map on those shared fields. With at most three
 * fields the entry that could decide a tie sets exactly the fields of both (e.g. provider ×
 * profile for a provider-wide and a profile-wide entry), so whether a tie is covered is one lookup
 * and the number of ties is counted without listing them: the work is linear in the entries plus
 * the ties listed (at most the cap), never quadratic — 2,000 provider-wide and 2,000 profile-wide
 * prices are 4 million ties, counted, of which 10,000 are listed.
 */
export function priceTieIssues(
  entries: readonly (readonly (string | undefined)[])[],
  fields: readonly string[],
  listPath: readonly (string | number)[],
): { path: (string | number)[]; message: string }[] {
  if (fields.length > 3) throw new RangeError(`priceTieIssues: at most three fields, got ${fields.length}`);
  const bitsOf = (m: number): number => (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1);
  const maskOf = (keys: readonly (string | undefined)[]): number => keys.reduce<number>((m, k, d) => (k === undefined ? m : m | (1 << d)), 0);
  // The values of `keys` on the fields of `mask` (null elsewhere), as one unambiguous text.
  const keyOn = (keys: readonly (string | undefined)[], mask: number): string => JSON.stringify(fields.map((_, d) => (mask & (1 << d) ? (keys[d] ?? null) : null)));
  const named = (keys: readonly (string | undefined)[], mask: number): string =>
    mask === 0 ? "every combination (no field set)" : fields.flatMap((f, d) => (mask & (1 << d) ? [`${f} "${excerpt(keys[d] ?? "", 40)}"`] : [])).join(" × ");

  const max = MAX_KEPT_ISSUES - 1; // and the one counting the others
  const listed: { path: (string | number)[]; message: string; later: number; earlier: number }[] = [];
  let omitted = 0;
  const emit = (earlier: number, later: number, message: string): boolean => {
    if (listed.length >= max) {
      omitted++;
      return false;
    }
    listed.push({ path: [...listPath, later], message, earlier, later });
    return true;
  };

  // Exact duplicates; the first entry of each key stands for it below.
  const byMask = new Map<number, Map<string, number>>(); // mask → key on the mask → first entry
  entries.forEach((keys, j) => {
    const mask = maskOf(keys);
    const key = keyOn(keys, mask);
    let group = byMask.get(mask);
    if (group === undefined) byMask.set(mask, (group = new Map()));
    const first = group.get(key);
    if (first === undefined) group.set(key, j);
    else emit(first, j, `entries ${first} and ${j} are both for ${named(keys, mask)}: a second price for the same ${fields.join(" × ")}; remove one of them`);
  });

  // Ties: pairs of entries with different masks of as many fields that agree where both set one.
  const masks = [...byMask.keys()].sort((a, b) => a - b);
  for (const m1 of masks) {
    for (const m2 of masks) {
      if (m2 <= m1 || bitsOf(m1) !== bitsOf(m2)) continue;
      const shared = m1 & m2;
      const both = m1 | m2;
      const a1 = byMask.get(m1)!;
      const a2 = byMask.get(m2)!;
      // The only entries that can decide such a tie set exactly the fields of both (see above).
      const deciders = byMask.get(both);
      const decided = (overlap: readonly (string | undefined)[]): boolean => deciders?.has(keyOn(overlap, both)) === true;
      const onShared = new Map<string, number[]>();
      for (const j of a2.values()) {
        const k = keyOn(entries[j]!, shared);
        (onShared.get(k) ?? onShared.set(k, []).get(k)!).push(j);
      }
      // How many ties: pairs agreeing on the shared fields, less those a decider covers (one each).
      let pairs = 0;
      for (const i of a1.values()) pairs += onShared.get(keyOn(entries[i]!, shared))?.length ?? 0;
      let covered = 0;
      for (const e of deciders?.values() ?? []) {
        if (a1.has(keyOn(entries[e]!, m1)) && a2.has(keyOn(entries[e]!, m2))) covered++;
      }
      const ties = pairs - covered;
      let seen = 0;
      search: for (const i of a1.values()) {
        for (const j of onShared.get(keyOn(entries[i]!, shared)) ?? []) {
          const a = entries[i]!;
          const overlap = a.map((k, d) => k ?? entries[j]![d]);
          if (decided(overlap)) continue;
          if (listed.length >= max) break search;
          seen++;
          const [earlier, later] = i < j ? [i, j] : [j, i];
          const where = named(overlap, both);
          emit(earlier, later, `entries ${earlier} and ${later} both set ${bitsOf(m1)} field(s) and both match ${where}: which price is meant cannot be guessed; add an entry for ${where} or remove one of them`);
        }
      }
      omitted += ties - seen;
    }
  }
  listed.sort((x, y) => x.later - y.later || x.earlier - y.earlier);
  const issues = listed.map(({ path, message }) => ({ path, message }));
  if (omitted > 0) {
    issues.push({
      path: [...listPath],
      message: `… and ${omitted.toLocaleString("en")} more ties or duplicate prices like these, counted but not listed (the first ${max.toLocaleString("en")} are)`,
    });
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
      const combo = this.dims.map((d) => `${SINGULAR[d]} "${excerpt(c[d][this.column(d)[t]!]!)}"`).join(", ");
      throw new FundingInputError(this.what, [{ code: "missing_price", path: [...this.path], message: `no price for ${combo} (trajectory ${excerpt(c.ids[t]!)})` }]);
    }
    return price;
  }

  private column(d: Dimension): Uint16Array | Uint8Array {
    return columnOf(this.caseload, d);
  }
}

