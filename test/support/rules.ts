/**
 * Small independent reference computations for model tests: written from the documented rules,
 * not from the implementation.
 */
import { parseMonth, type DatedMoneyInput } from "../../src/index.js";

/** Cents of a single-amount money input (`{ cents }` or a euro string). */
export function centsOf(m: unknown): number {
  if (typeof m === "string") {
    const [whole = "0", frac = ""] = m.replace("-", "").split(".");
    const v = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
    return m.startsWith("-") ? -v : v;
  }
  return (m as { cents: number }).cents;
}

/** The version of a dated amount in force in `month` (before the first version, the first applies). */
export function datedAt(input: DatedMoneyInput, month: number): number {
  if (!Array.isArray(input)) return centsOf(input);
  let value = centsOf(input[0]!.value);
  for (const v of input) if (parseMonth(v.from) <= month) value = centsOf(v.value);
  return value;
}

/** A percentage input (number or decimal string with at most 2 decimals) in hundredths of a percent. */
export function basisPoints(p: number | string): number {
  return Math.round(Number(p) * 100);
}

/** round(amount × bp / 10000), half-up (away from zero), exact for safe amounts. */
export function percentHalfUp(amount: number, bp: number): number {
  const n = BigInt(Math.abs(amount)) * BigInt(bp);
  const q = (n * 2n + 10000n) / 20000n;
  const r = Number(q);
  return amount < 0 ? -r : r;
}

/**
 * Largest-remainder allocation: floors of the exact shares, then one cent each to the largest
 * remainders, ties to the earliest part; negative totals mirror positive ones.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const t = BigInt(Math.abs(total));
  const floors = weights.map((w) => (t * BigInt(w)) / sum);
  const rems = weights.map((w) => (t * BigInt(w)) % sum);
  let left = t - floors.reduce((a, b) => a + b, 0n);
  const order = weights.map((_, i) => i).sort((a, b) => (rems[a] === rems[b] ? a - b : rems[a]! > rems[b]! ? -1 : 1));
  for (const i of order) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map((f) => (total < 0 && f !== 0n ? -Number(f) : Number(f)));
}

/**
 * The price an entry list gives a trajectory: among entries whose given keys all match, the most
 * specific wins — a key earlier in `keys` outweighs all later keys together — and of equally
 * specific entries the last one.
 */
export function keyedPrice<E extends Record<string, unknown>>(entries: readonly E[], keys: readonly (keyof E & string)[], values: Record<string, string>, priceKey: keyof E & string): E[keyof E] | undefined {
  let best: E[keyof E] | undefined;
  let bestScore = -1;
  for (const e of entries) {
    let score = 0;
    let matches = true;
    keys.forEach((k) => {
      const v = e[k];
      if (v === undefined) return;
      if (v !== values[k]) matches = false;
      score += 1; // specificity = number of fields set (README, "Rules and their readings"); ties are refused
    });
    if (matches && score > bestScore) {
      bestScore = score;
      best = e[priceKey];
    }
  }
  return best;
}

/**
 * Whether two price entries set as many of `keys` and both match some combination that no entry
 * setting more fields covers — a tie the config validation refuses. Written independently of the
 * model code.
 */
export function hasPriceTie(entries: readonly Record<string, unknown>[], keys: readonly string[]): boolean {
  const set = (e: Record<string, unknown>) => keys.filter((k) => e[k] !== undefined);
  for (const a of entries) {
    for (const b of entries) {
      if (a === b || set(a).length !== set(b).length) continue;
      if (keys.every((k) => a[k] === b[k])) continue;
      if (!keys.every((k) => a[k] === undefined || b[k] === undefined || a[k] === b[k])) continue;
      const overlap: Record<string, unknown> = {};
      for (const k of keys) overlap[k] = a[k] ?? b[k];
      const covered = entries.some((e) => set(e).length > set(a).length && set(e).every((k) => e[k] === overlap[k]));
      if (!covered) return true;
    }
  }
  return false;
}

/** `base` plus those of `extras` (in order) that keep the list free of price ties ({@link hasPriceTie}). */
export function withoutPriceTies<E extends Record<string, unknown>>(base: readonly E[], extras: readonly E[], keys: readonly string[]): E[] {
  const out = [...base];
  for (const e of extras) if (!hasPriceTie([...out, e], keys)) out.push(e);
  return out;
}
