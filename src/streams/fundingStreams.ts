import { Decimal } from "decimal.js";
import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { NameSchema } from "../caseload/names.js";
import { SelectionSchema, selectTrajectories } from "../caseload/selection.js";
import { FundingInputError, fromZodIssues, type Issue } from "../errors.js";
import { LINE_KINDS, NO_TRAJECTORY } from "../ledger/lineKind.js";
import { NonNegativeMoneySchema, roundDecimalCents, SharePercentSchema, splitEvenly, type Cents } from "../money/index.js";
import { datedSchema, formatMonth, horizonEnd, parseMonth, yearOf, type Month } from "../period.js";
import type { Projection } from "../projection/project.js";

/** One version of a stream's rules (regeling): what it covers, how much of it, up to what cap. */
export const StreamRulesSchema = z.object({
  active: z.boolean().default(true).describe("false: the scheme covers nothing under this version (ended, suspended)"),
  covers: SelectionSchema.default({}).describe("the trajectories whose lines it may cover; an omitted list means all"),
  kinds: z.array(z.enum(LINE_KINDS)).min(1).optional().describe("the line kinds it may cover; omitted: all"),
  lumpSums: z.boolean().default(false).describe("may it cover lines that belong to no trajectory (lump sums, per-place payments)?"),
  coverPercent: SharePercentSchema.default("100").describe("share of each eligible line it covers"),
  capPerYear: NonNegativeMoneySchema.optional().describe("most it covers per calendar year of payment"),
});

/** A funding stream (regeling) next to the payment model, with dated versions of its rules. */
export const FundingStreamSchema = z.object({
  name: NameSchema.describe("e.g. meerkostenregeling, BooO, eigen middelen is implicit"),
  decidingDate: z
    .enum(["trajectoryStart", "paymentMonth"])
    .default("trajectoryStart")
    .describe(
      "which month picks the version of the rules for a line: the start of its trajectory (the assignment, like a request's receipt; a lump sum uses its payment month) or the month it is paid",
    ),
  rules: datedSchema(StreamRulesSchema).describe("versions of the rules; before the first version the stream covers nothing"),
  payments: z
    .object({
      advancePercentOfCap: SharePercentSchema.describe("share of the yearly cap the stream pays the municipality in advance, in twelve parts"),
      settleMonthsAfterYearEnd: z.number().int().min(1).max(24).default(6),
    })
    .optional()
    .describe("how the stream pays the municipality: an advance on the cap and a settlement of what it covered"),
});
export type FundingStreamInput = z.input<typeof FundingStreamSchema>;
type FundingStream = z.output<typeof FundingStreamSchema>;

/** What one stream covered. Amounts are integer cents, per month of the horizon. */
export interface StreamCoverage {
  readonly name: string;
  readonly covered: Cents;
  readonly byMonth: readonly Cents[];
  readonly byYear: readonly { readonly year: number; readonly covered: Cents; readonly cap: Cents | null }[];
  readonly linesCovered: number;
  /** The stream's payments to the municipality (advances and settlements) per month of the horizon, when it has `payments`. */
  readonly income: readonly Cents[] | null;
}

/** Who paid for what: each stream in drawing order, and the municipality's own means (eigen middelen). */
export interface StreamsResult {
  readonly horizon: { readonly start: string; readonly months: number };
  readonly totalPaid: Cents;
  readonly streams: readonly StreamCoverage[];
  readonly ownMeans: { readonly total: Cents; readonly byMonth: readonly Cents[] };
}

/**
 * Attributes every payment line of a projection to the funding streams that may cover it, in the
 * order given, and the rest to the municipality's own means (eigen middelen): every cent to
 * exactly one. A line is covered by the version of a stream's rules in force in its deciding month
 * (the trajectory's start, or the payment month — `decidingDate`), up to `coverPercent` of the line
 * and what is left of the stream's cap for the payment's calendar year. A negative line (a
 * recovery) first gives back, in reverse order, what streams covered of the same trajectory (or
 * lump-sum recipient), so no stream keeps more than the care cost.
 *
 * Rounding point: a stream's share of a line is rounded down to the cent (a scheme never pays a
 * fraction more than its share); the remainder is the next stream's or the municipality's.
 *
 * Needs the projection's ledger: project with `lines: true`.
 */
export function applyStreams(caseload: Caseload, projection: Projection, streams: readonly FundingStreamInput[]): StreamsResult {
  const ledger = projection.ledger;
  if (!ledger) {
    throw new FundingInputError("funding streams", [{ code: "missing_ledger", path: [], message: "the projection has no lines: project with { lines: true }" }]);
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
  // What each stream has covered per trajectory (or lump-sum recipient), for give-backs.
  const coveredOf = new Map<string, Float64Array>();
  const keyOf = (i: number): string =>
    ledger.trajectory[i] === NO_TRAJECTORY ? `L${ledger.provider[i]}:${ledger.municipality[i]}` : `T${ledger.trajectory[i]}`;
  // Month order, then ledger order: a cap is used up in the order payments are made.
  const order = Array.from({ length: ledger.length }, (_, i) => i).sort((a, b) => ledger.month[a]! - ledger.month[b]! || a - b);

  for (const i of order) {
    const cents = ledger.cents[i]!;
    const mi = ledger.month[i]! - h.start;
    const key = keyOf(i);
    let per = coveredOf.get(key);
    if (!per) coveredOf.set(key, (per = new Float64Array(ns)));
    let left = cents;
    if (cents < 0) {
      for (let s = ns - 1; s >= 0 && left < 0; s--) {
        const back = Math.min(per[s]!, -left);
        if (back === 0) continue;
        per[s]! -= back;
        byMonth[s]![mi]! -= back;
        const y = yearOf(ledger.month[i]!);
        usedByYear[s]!.set(y, (usedByYear[s]!.get(y) ?? 0) - back);
        left += back;
      }
    } else {
      for (let s = 0; s < ns && left > 0; s++) {
        const rules = compiled[s]!.rulesFor(i, ledger, caseload);
        if (!rules) continue;
        const y = yearOf(ledger.month[i]!);
        const used = usedByYear[s]!.get(y) ?? 0;
        const room = rules.cap === null ? Infinity : rules.cap - used;
        const share = rules.percent === "100" ? cents : roundDecimalCents(new Decimal(cents).times(rules.percent).dividedBy(100), "down");
        const take = Math.max(0, Math.min(share, left, room));
        if (take === 0) continue;
        per[s]! += take;
        byMonth[s]![mi]! += take;
        usedByYear[s]!.set(y, used + take);
        lines[s]!++;
        left -= take;
      }
    }
    own[mi]! += left;
  }

  const years: number[] = [];
  for (let y = yearOf(h.start); y <= yearOf(horizonEnd(h)); y++) years.push(y);
  return {
    horizon: { start: formatMonth(h.start), months: m },
    totalPaid: projection.totalPaid,
    streams: parsed.map((s, k) => {
      const covered = byMonth[k]!.reduce((a, b) => a + b, 0);
      return {
        name: s.name,
        covered,
        byMonth: byMonth[k]!,
        byYear: years.map((year) => ({
          year,
          covered: byMonth[k]!.reduce((sum, v, mi) => (yearOf(h.start + mi) === year ? sum + v : sum), 0),
          cap: compiled[k]!.capOfYear(year),
        })),
        linesCovered: lines[k]!,
        income: s.payments ? streamIncome(s, compiled[k]!, byMonth[k]!, h.start, m) : null,
      };
    }),
    ownMeans: { total: own.reduce((a, b) => a + b, 0), byMonth: own },
  };
}

/** A stream's rules compiled against a caseload: the version for a line, the cap of a year. */
function compile(c: Caseload, s: FundingStream, index: number) {
  const versions = s.rules.map((v, k) => ({
    from: parseMonth(v.from),
    rules: v.value,
    selected: selectTrajectories(c, v.value.covers, [index, "rules", k, "value", "covers"], "funding streams"),
    kinds: v.value.kinds ? new Set(v.value.kinds.map((x) => LINE_KINDS.indexOf(x))) : null,
  }));
  const versionAt = (month: Month) => {
    let found: (typeof versions)[number] | null = null;
    for (const v of versions) if (v.from <= month) found = v;
    return found; // before the first version the scheme did not exist
  };
  return {
    rulesFor(i: number, ledger: NonNullable<Projection["ledger"]>, caseload: Caseload): { percent: string; cap: number | null } | null {
      const t = ledger.trajectory[i]!;
      const deciding = s.decidingDate === "trajectoryStart" && t !== NO_TRAJECTORY ? caseload.start[t]! : ledger.month[i]!;
      const v = versionAt(deciding);
      if (!v || !v.rules.active) return null;
      if (v.kinds && !v.kinds.has(ledger.kind[i]!)) return null;
      if (t === NO_TRAJECTORY ? !v.rules.lumpSums : !v.selected(t)) return null;
      // The cap that binds a payment is the one of the version in force in its payment year.
      const capVersion = versionAt(yearOf(ledger.month[i]!) * 12) ?? v;
      return { percent: v.rules.coverPercent, cap: capVersion.rules.capPerYear ?? null };
    },
    capOfYear(year: number): number | null {
      return versionAt(year * 12)?.rules.capPerYear ?? null;
    },
  };
}

/**
 * A stream's payments to the municipality: an advance on each year's cap in twelve parts, and a
 * settlement of what it covered in the year minus the advance, `settleMonthsAfterYearEnd` after
 * December. Per month of the horizon; payments after it are left out. Rounding: the advance is
 * rounded half-up to the cent and split by largest remainder.
 */
function streamIncome(s: FundingStream, compiled: ReturnType<typeof compile>, covered: readonly number[], start: Month, months: number): number[] {
  const income = new Array<number>(months).fill(0);
  const add = (month: Month, cents: number): void => {
    if (month >= start && month < start + months) income[month - start]! += cents;
  };
  const p = s.payments!;
  for (let y = yearOf(start); y <= yearOf(start + months - 1); y++) {
    const cap = compiled.capOfYear(y) ?? 0;
    const advance = roundDecimalCents(new Decimal(cap).times(p.advancePercentOfCap).dividedBy(100), "halfUp");
    splitEvenly(advance, 12).forEach((cents, k) => add(y * 12 + k, cents));
    const coveredInYear = covered.reduce((sum, v, mi) => (yearOf(start + mi) === y ? sum + v : sum), 0);
    add(y * 12 + 11 + p.settleMonthsAfterYearEnd, coveredInYear - advance);
  }
  return income;
}
