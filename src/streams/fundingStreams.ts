import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { NameSchema, optionalIndex } from "../caseload/names.js";
import { SelectionSchema, selectTrajectories } from "../caseload/selection.js";
import { FundingInputError, fromZodIssues, type Issue } from "../errors.js";
import { LINE_KINDS, NO_TRAJECTORY } from "../ledger/lineKind.js";
import { divRoundBig, NonNegativeMoneySchema, percentOfEach, SharePercentSchema, type Cents } from "../money/index.js";
import { DatedValue, datedSchema, formatMonth, horizonEnd, horizonYears, yearOf } from "../period.js";
import { yearlyAdvance } from "../ledger/yearlyAdvance.js";
import type { Projection } from "../projection/project.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/**
 * One version of a stream's rules (regeling): what it covers, how much of it, up to what cap.
 * @category Funding streams
 */
export const StreamRulesSchema = z.strictObject({
  active: z.boolean().default(true).describe("false: the scheme covers nothing under this version (ended, suspended)"),
  covers: SelectionSchema.default({}).describe("the trajectories whose lines it may cover; an omitted list means all"),
  kinds: z.array(z.enum(LINE_KINDS)).min(1).optional().describe("the line kinds it may cover; omitted: all"),
  lumpSums: z
    .boolean()
    .default(false)
    .describe("may it cover lines that belong to no trajectory (lump sums, per-place payments)? Such lines are judged by provider and municipality only"),
  coverPercent: SharePercentSchema.default("100").describe("share of each eligible line it covers"),
  capPerYear: NonNegativeMoneySchema.optional().describe(
    "most it covers per calendar year of payment; a line is held to the cap of the version that judges it",
  ),
});

/** Filters that only a trajectory has: they cannot judge a lump sum. */
const TRAJECTORY_ONLY = ["careForms", "profiles", "ageGroups", "targetGroups"] as const;

const CheckedRulesSchema = StreamRulesSchema.superRefine((r, ctx) => {
  if (!r.lumpSums) return;
  for (const key of TRAJECTORY_ONLY) {
    if (r.covers[key]) {
      ctx.addIssue({
        code: "custom",
        path: ["covers", key],
        message: `a stream that covers lump sums can only be limited by providers and municipalities: a lump sum has no ${key.slice(0, -1)}; use a separate stream for trajectories`,
      });
    }
  }
}, ONLY_IF_VALID);

/**
 * A funding stream (regeling) next to the payment model, with dated versions of its rules.
 * @category Funding streams
 */
export const FundingStreamSchema = z.strictObject({
  name: NameSchema.describe("e.g. meerkostenregeling, BooO, eigen middelen is implicit"),
  decidingDate: z
    .enum(["trajectoryStart", "paymentMonth"])
    .default("trajectoryStart")
    .describe(
      "which month picks the version of the rules for a line: the start of its trajectory (the assignment, like a request's receipt; a lump sum uses its payment month) or the month it is paid",
    ),
  rules: datedSchema(CheckedRulesSchema).describe("versions of the rules; before the first version the stream covers nothing"),
  payments: z
    .strictObject({
      advancePercentOfCap: SharePercentSchema.describe("share of the yearly cap the stream pays the municipality in advance, in twelve parts"),
      settleMonthsAfterYearEnd: z.number().int().min(1).max(24).default(6).describe("months after December in which the year is settled"),
    })
    .optional()
    .describe("how the stream pays the municipality: an advance on the cap and a settlement of what it covered"),
});
/**
 * A funding stream (financieringsstroom) as written in a scenario, before validation.
 * @category Funding streams
 */
export type FundingStreamInput = z.input<typeof FundingStreamSchema>;
type FundingStream = z.output<typeof FundingStreamSchema>;

/**
 * What one stream covered. Amounts are integer cents, per month of the horizon.
 * @category Funding streams
 */
export interface StreamCoverage {
  readonly name: string;
  readonly covered: Cents;
  readonly byMonth: readonly Cents[];
  /**
   * Per calendar year of payment: what it covered, and its cap — the largest cap of the versions
   * that judged its lines that year (null when one of them had no cap); in a year without covered
   * lines, the largest cap in force in any of its months.
   */
  readonly byYear: readonly { readonly year: number; readonly covered: Cents; readonly cap: Cents | null }[];
  readonly linesCovered: number;
  /**
   * The stream's payments to the municipality (advances and settlements) per month of the horizon,
   * when it has `payments`. A year only partly inside the horizon gets its advance but no
   * settlement (its coverage is not fully known); a warning says so.
   */
  readonly income: readonly Cents[] | null;
}

/**
 * Who paid for what: each stream in drawing order, and the municipality's own means (eigen middelen).
 * @category Funding streams
 */
export interface StreamsResult {
  readonly horizon: { readonly start: string; readonly months: number };
  readonly totalPaid: Cents;
  readonly streams: readonly StreamCoverage[];
  readonly ownMeans: { readonly total: Cents; readonly byMonth: readonly Cents[] };
  readonly warnings: readonly string[];
}

/**
 * Attributes every payment line of a projection to the funding streams that may cover it, in the
 * order given, and the rest to the municipality's own means (eigen middelen): every cent to
 * exactly one. A line is covered by the version of a stream's rules in force in its deciding month
 * (the trajectory's start, or the payment month — `decidingDate`), up to that version's
 * `coverPercent` of the line and what is left of that version's cap for the payment's calendar year. Lump sums (no trajectory) are judged by their provider and municipality.
 *
 * A negative line (a recovery) is shared back like the payments it corrects: each stream gives back
 * the part of it that matches its share of what was paid for the same trajectory (or to the same
 * lump-sum recipient), so a co-funder of half the care bears half the recovery, and no stream ends
 * up covering more than the care cost.
 *
 * Rounding points: a stream's share of a line, and its share of a recovery, are rounded down to
 * the cent; the remainder is the next payer's, finally the municipality's.
 *
 * Needs the projection's ledger (project with `lines: true`) of this same caseload.
 * @category Funding streams
 */
export function applyStreams(caseload: Caseload, projection: Projection, streams: readonly FundingStreamInput[]): StreamsResult {
  const ledger = projection.ledger;
  if (!ledger) {
    throw new FundingInputError("funding streams", [{ code: "missing_ledger", path: [], message: "the projection has no lines: project with { lines: true }" }]);
  }
  const from = projection.caseload;
  if (from.size !== caseload.size || from.windowStart !== caseload.window.start || from.windowMonths !== caseload.window.months) {
    throw new FundingInputError("funding streams", [
      { code: "other_caseload", path: [], message: "the projection was made from another caseload: pass the caseload it was projected from" },
    ]);
  }
  const parsed: FundingStream[] = [];
  const issues: Issue[] = [];
  streams.forEach((s, i) => {
    const r = FundingStreamSchema.safeParse(s);
    if (r.success) parsed.push(r.data);
    else issues.push(...fromZodIssues(r.error.issues, [i]));
  });
  if (issues.length) throw new FundingInputError("funding streams", issues);

  const h = projection.horizon;
  const m = h.months;
  const ns = parsed.length;
  const compiled = parsed.map((s, i) => compile(caseload, s, i));
  const byMonth = parsed.map(() => new Array<number>(m).fill(0));
  const own = new Array<number>(m).fill(0);
  const lines = new Array<number>(ns).fill(0);
  const usedByYear = parsed.map(() => new Map<number, number>());
  // Per stream and payment year: the largest cap that judged a covered line (null once a line was uncapped).
  const capSeen = parsed.map(() => new Map<number, number | null>());
  // Per trajectory (or lump-sum recipient): what was paid, and what each stream covered of it.
  const accounts = new Map<string, { paid: number; covered: Float64Array }>();
  const keyOf = (i: number): string =>
    ledger.trajectory[i] === NO_TRAJECTORY ? `L${ledger.provider[i]}:${ledger.municipality[i]}` : `T${ledger.trajectory[i]}`;
  // Month order, then ledger order: a cap is used up in the order payments are made.
  const order = Array.from({ length: ledger.length }, (_, i) => i).sort((a, b) => ledger.month[a]! - ledger.month[b]! || a - b);

  for (const i of order) {
    const cents = ledger.cents[i]!;
    const month = ledger.month[i]!;
    const mi = month - h.start;
    const y = yearOf(month);
    const key = keyOf(i);
    let account = accounts.get(key);
    if (!account) accounts.set(key, (account = { paid: 0, covered: new Float64Array(ns) }));
    let left = cents;
    if (cents < 0) {
      // Each stream bears the share of the recovery that it bore of the payments.
      const paid = account.paid;
      for (let s = 0; s < ns && paid > 0; s++) {
        const c = account.covered[s]!;
        if (c === 0) continue;
        const back = Math.min(c, Number(divRoundBig(BigInt(-cents) * BigInt(c), BigInt(paid), "down")));
        if (back === 0) continue;
        account.covered[s] = c - back;
        byMonth[s]![mi]! -= back;
        usedByYear[s]!.set(y, (usedByYear[s]!.get(y) ?? 0) - back);
        left += back;
      }
      account.paid = Math.max(0, account.paid + cents);
    } else {
      account.paid += cents;
      for (let s = 0; s < ns && left > 0; s++) {
        const rules = compiled[s]!.rulesFor(i, ledger);
        if (!rules) continue;
        const used = usedByYear[s]!.get(y) ?? 0;
        const room = rules.cap === null ? Infinity : Math.max(0, rules.cap - used);
        const share = rules.share(cents);
        const take = Math.min(share, left, room);
        if (take <= 0) continue;
        account.covered[s]! += take;
        byMonth[s]![mi]! += take;
        usedByYear[s]!.set(y, used + take);
        const seen = capSeen[s]!.get(y);
        capSeen[s]!.set(y, seen === null || rules.cap === null ? null : Math.max(seen ?? 0, rules.cap));
        lines[s]!++;
        left -= take;
      }
    }
    own[mi]! += left;
  }

  const years = horizonYears(h);
  const warnings: string[] = [];
  const result = parsed.map((s, k) => {
    // What a stream used of a year's cap is what it covered in that year's months.
    const coveredByYear = years.map((year) => usedByYear[k]!.get(year) ?? 0);
    let income: number[] | null = null;
    if (s.payments) {
      const paid = (income = new Array<number>(m).fill(0));
      years.forEach((year, n) => {
        const whole = year * 12 >= h.start && year * 12 + 11 <= horizonEnd(h);
        if (!whole) warnings.push(`${s.name}: ${year} is only partly inside the horizon; its advance is shown, its settlement is not`);
        const base = compiled[k]!.advanceCapOfYear(year);
        for (const p of yearlyAdvance(year, base ?? 0, s.payments!.advancePercentOfCap, whole ? coveredByYear[n]! : null, s.payments!.settleMonthsAfterYearEnd)) {
          if (p.month >= h.start && p.month <= horizonEnd(h)) paid[p.month - h.start]! += p.cents;
        }
      });
    }
    return {
      name: s.name,
      covered: coveredByYear.reduce((a, b) => a + b, 0),
      byMonth: byMonth[k]!,
      byYear: years.map((year, n) => ({
        year,
        covered: coveredByYear[n]!,
        cap: capSeen[k]!.has(year) ? capSeen[k]!.get(year)! : compiled[k]!.largestCapOfYear(year),
      })),
      linesCovered: lines[k]!,
      income,
    };
  });
  return {
    horizon: { start: formatMonth(h.start), months: m },
    totalPaid: projection.totalPaid,
    streams: result,
    ownMeans: { total: own.reduce((a, b) => a + b, 0), byMonth: own },
    warnings,
  };
}

type Rules = z.output<typeof StreamRulesSchema>;

/** A stream's rules compiled against a caseload: the version for a line, the caps of a year. */
function compile(c: Caseload, s: FundingStream, index: number) {
  const what = "funding streams";
  const compiled = s.rules.map((v, k) => {
    const path = [index, "rules", k, "value", "covers"];
    const byName = (dim: "providers" | "municipalities", list: readonly string[] | undefined) =>
      list ? new Set(list.map((n, j) => optionalIndex(c, dim, n, [...path, dim, j], what))) : null;
    return {
      rules: v.value as Rules,
      // Rounding point: a stream's share of a line rounds down (the rest is the next payer's).
      share: percentOfEach(v.value.coverPercent, "down"),
      selected: selectTrajectories(c, v.value.covers, path, what),
      kinds: v.value.kinds ? new Set(v.value.kinds.map((x) => LINE_KINDS.indexOf(x))) : null,
      providers: byName("providers", v.value.covers.providers),
      municipalities: byName("municipalities", v.value.covers.municipalities),
    };
  });
  const versions = new DatedValue(s.rules.map((v, k) => ({ from: v.from, value: compiled[k]! })));
  const capsOfYear = (year: number): (number | null)[] => {
    const caps: (number | null)[] = [];
    for (let mo = year * 12; mo < year * 12 + 12; mo++) {
      const v = versions.inForce(mo);
      if (v && v.rules.active) caps.push(v.rules.capPerYear ?? null);
    }
    return caps;
  };
  return {
    rulesFor(i: number, ledger: NonNullable<Projection["ledger"]>): { share: (cents: Cents) => Cents; cap: number | null } | null {
      const t = ledger.trajectory[i]!;
      const deciding = s.decidingDate === "trajectoryStart" && t !== NO_TRAJECTORY ? c.start[t]! : ledger.month[i]!;
      const v = versions.inForce(deciding);
      if (!v || !v.rules.active) return null;
      if (v.kinds && !v.kinds.has(ledger.kind[i]!)) return null;
      if (t === NO_TRAJECTORY) {
        // A lump sum to all providers (or the whole region) is no single provider's (or municipality's).
        if (!v.rules.lumpSums) return null;
        if (v.providers && !v.providers.has(ledger.provider[i]!)) return null;
        if (v.municipalities && !v.municipalities.has(ledger.municipality[i]!)) return null;
      } else if (!v.selected(t)) return null;
      // The version that judges the line sets its share and its cap, as the rules in force on the
      // deciding date decide everything about a request; what was used counts per payment year.
      return { share: v.share, cap: v.rules.capPerYear ?? null };
    },
    /** The largest cap in force in any month of the year; null when none is capped. */
    largestCapOfYear(year: number): number | null {
      const caps = capsOfYear(year).filter((x): x is number => x !== null);
      return caps.length ? Math.max(...caps) : null;
    },
    /** The cap an advance is based on: that of the first version in force in the year. */
    advanceCapOfYear(year: number): number | null {
      return capsOfYear(year)[0] ?? null;
    },
  };
}
