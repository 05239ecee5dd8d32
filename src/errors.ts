import type { z } from "zod";
import { excerpt } from "./excerpt.js";

/**
 * One problem with an input: where it is (a path of keys and indexes) and why it is wrong.
 * @category Errors
 */
export interface Issue {
  /** Machine-readable code, e.g. `too_small`, `invalid_value`, `unsafe_amount`. */
  readonly code: string;
  /** Path inside the input, e.g. `["tariffs", 2, "cents"]`. Empty for the input as a whole. */
  readonly path: readonly (string | number)[];
  /** Human-readable reason, in English. */
  readonly message: string;
}

/** Prefix of every message this library throws, so a log line says where it came from. */
export const LIBRARY = "jeugdhulp-bekostiging";

/**
 * Renders a path the way a user types it: `tariffs[2].cents`.
 * @category Errors
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}

/** How many issues an error's message (and the command line, unless `--all-errors`) lists; `issues` holds them all. */
export const ISSUES_IN_MESSAGE = 20;

/** The longest issue line in a message or printed, in characters: a longer one (a 50 MB header echoed) is cut, with its length. */
export const ISSUE_LINE_LENGTH = 1000;

/**
 * The most issues a {@link FundingInputError} keeps: 10,000. Input with more (a records file of ten
 * million bad entries, a CSV of millions of bad cells, thousands of tied prices) gives the first
 * 10,000, each with its path and reason, and the number of the others in
 * {@link FundingInputError.omittedIssues} — counted, not kept, so the error itself takes a few
 * megabytes whatever the input. A CSV import with `onInvalidRow: "skip"` still returns every
 * rejected row; past this many issues a row carries only its first reason.
 * @category Errors
 */
export const MAX_KEPT_ISSUES = 10_000;

/**
 * Issues collected up to a cap ({@link MAX_KEPT_ISSUES} by default): the first `max` are kept,
 * the others only counted.
 */
export class IssueList<I = Issue> {
  readonly kept: I[] = [];
  /** Issues found past the cap: counted, not kept. */
  omitted = 0;
  /**
   * @param max - how many to keep.
   * @param mustKeep - an issue kept even past the cap (e.g. a row's first reason, so a rejected row always has one).
   */
  constructor(
    readonly max: number = MAX_KEPT_ISSUES,
    private readonly mustKeep?: (issue: I) => boolean,
  ) {}
  /** Keeps `issue` while there is room (or `mustKeep` says so), else counts it; named as an array's, so code written for one reads the same. */
  push(issue: I): void {
    if (this.kept.length < this.max || this.mustKeep?.(issue) === true) this.kept.push(issue);
    else this.omitted++;
  }
  /** Issues found (kept and counted), so `length > 0` says whether anything failed. */
  get length(): number {
    return this.kept.length + this.omitted;
  }
  /** Whether a further issue would only be counted. */
  get full(): boolean {
    return this.kept.length >= this.max;
  }
}

/**
 * The lines of an error message for `issues`: the first {@link ISSUES_IN_MESSAGE}, each cut to
 * {@link ISSUE_LINE_LENGTH} characters with control characters escaped, then how many more there are (`omitted`: those
 * counted but not kept, see {@link MAX_KEPT_ISSUES}) — so an error with 20,000 issues, or one
 * echoing a 50 MB header, has a message of a few kilobytes.
 */
export function issueLines<I>(issues: readonly I[], line: (issue: I) => string, omitted = 0): string {
  const lines = issues.slice(0, ISSUES_IN_MESSAGE).map((i) => excerpt(line(i), ISSUE_LINE_LENGTH));
  const more = issues.length - Math.min(issues.length, ISSUES_IN_MESSAGE) + omitted;
  if (more > 0) {
    const where = omitted === 0 ? "every issue is in the error's issues" : `the first ${issues.length.toLocaleString("en")} are in the error's issues, the other ${omitted.toLocaleString("en")} were counted but not kept`;
    lines.push(`  … and ${more.toLocaleString("en")} more (${where})`);
  }
  return lines.join("\n");
}

/**
 * The brand every {@link FundingInputError} carries (on its prototype). `Symbol.for` gives the same
 * symbol in every copy of the library — the ESM and the CJS build, two installed versions, another
 * realm — so {@link isFundingInputError} recognises an error from any of them.
 */
const FUNDING_INPUT_ERROR = Symbol.for("jeugdhulp-bekostiging.FundingInputError");

/**
 * The one error class the library throws for bad input. It carries every issue found, each with a
 * field path, so a script or CLI can point at the exact field.
 *
 * Every entry point (`jeugdhulp-bekostiging`, `jeugdhulp-bekostiging/node`, the command line) throws
 * this one class. `instanceof FundingInputError` also holds for an error thrown by another copy of
 * the library (e.g. the CJS build when you imported the ESM one): the check is by the brand that
 * {@link isFundingInputError} tests. Subclasses such as `ScenarioInputError` keep the ordinary
 * `instanceof` of their own class.
 *
 * @example
 * ```ts
 * import { FundingInputError, createModel, formatPath } from "jeugdhulp-bekostiging";
 *
 * try {
 *   createModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "-70.00" }] });
 * } catch (e) {
 *   if (!(e instanceof FundingInputError)) throw e;
 *   for (const issue of e.issues) console.log(`${formatPath(issue.path)}: ${issue.message}`);
 *   // → tariffs[0].tariff: must not be negative
 * }
 * ```
 * @category Errors
 */
export class FundingInputError extends Error {
  static {
    // On the prototype, not enumerable: subclasses inherit it, and it stays out of logs and JSON.
    Object.defineProperty(this.prototype, FUNDING_INPUT_ERROR, { value: true });
  }

  /**
   * `x instanceof FundingInputError` is {@link isFundingInputError}`(x)`, so it holds across copies of
   * the library; `x instanceof` a subclass is the ordinary prototype check.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return this === FundingInputError ? isFundingInputError(x) : Function.prototype[Symbol.hasInstance].call(this, x);
  }

  override readonly name: string = "FundingInputError";
  /** What was invalid, e.g. `effort model config`, `projection options`, `caseload records`. */
  readonly subject: string;
  /** The first {@link MAX_KEPT_ISSUES} issues found, in the order found (or sorted by file and line). */
  readonly issues: readonly Issue[];
  /**
   * How many further issues were found but not kept (0 unless more than {@link MAX_KEPT_ISSUES}
   * were found): `issues.length + omittedIssues` is the number found.
   */
  readonly omittedIssues: number;
  /**
   * @param issues - every issue kept; past {@link MAX_KEPT_ISSUES} they are counted in `omittedIssues` instead.
   * @param omitted - issues found but already left out (counted, not kept), added to `omittedIssues`.
   */
  constructor(what: string, issues: readonly Issue[], omitted = 0) {
    const kept = issues.length > MAX_KEPT_ISSUES ? issues.slice(0, MAX_KEPT_ISSUES) : issues;
    const omittedIssues = omitted + issues.length - kept.length;
    super(`[${LIBRARY}] invalid ${what}:\n` + issueLines(kept, (i) => `  - ${formatPath(i.path)}: ${i.message}`, omittedIssues));
    this.subject = what;
    this.issues = kept;
    this.omittedIssues = omittedIssues;
  }
}

/**
 * Whether `x` is a {@link FundingInputError} — thrown by this copy of the library or by any other
 * (the ESM and the CJS build, another installed version, another realm), including its subclasses
 * such as `ScenarioInputError`. Use it where errors from several bundles meet; it is what
 * `instanceof FundingInputError` checks.
 *
 * @example
 * ```ts
 * import { isFundingInputError } from "jeugdhulp-bekostiging";
 * import { loadScenario } from "jeugdhulp-bekostiging/node";
 *
 * try {
 *   await loadScenario("scenarios/mijn-regio.json");
 * } catch (e) {
 *   if (!isFundingInputError(e)) throw e;
 *   console.log(e.message); // every issue with its file and field path
 *   // → [jeugdhulp-bekostiging] invalid scenario scenarios/mijn-regio.json:
 *   //     scenarios/mijn-regio.json: cannot read the file: no such file
 * }
 * ```
 * @category Errors
 */
export function isFundingInputError(x: unknown): x is FundingInputError {
  return typeof x === "object" && x !== null && (x as { [FUNDING_INPUT_ERROR]?: unknown })[FUNDING_INPUT_ERROR] === true;
}

/**
 * Converts zod's issues into ours (prefixed with a base path). A failed union (one amount or a
 * list of dated versions; euros or cents) is reported by the reasons of the branches whose shape
 * the input had, so "€70.001 has too many decimals" is not lost in a bare "Invalid input"; when no
 * branch had its shape, by the types the branches expect. A missing field says it is required, and
 * an unknown discriminator (a model's `kind`) lists the values there are.
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly (string | number)[] = [],
  input?: unknown,
): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = [...base, ...i.path.map((k) => (typeof k === "symbol" ? String(k) : k))];
    if (i.code === "invalid_union") {
      // zod's own words for an unmatched discriminator; a schema's own message is kept.
      const generic = i.message === "Invalid input" || i.message.startsWith("Invalid discriminator value");
      if (generic && i.errors.length === 0 && "discriminator" in i && "options" in i) {
        const options = (i.options as readonly unknown[]).map(String).join(", ");
        const name = String(i.discriminator);
        const given = input === undefined ? null : valueAt(input, i.path);
        const missing = given === undefined;
        out.push({ code: i.code, path, message: missing ? `required: ${name}, one of ${options}` : `unknown ${name} ${JSON.stringify(given)?.slice(0, 60) ?? String(given)}; expected one of ${options}` });
        continue;
      }
      // Branches that failed only because the input had another type say nothing useful.
      const relevant = i.errors.filter((branch) => !branch.every((b) => b.code === "invalid_type" && b.path.length === 0));
      if (relevant.length > 0) {
        out.push(...fromZodIssues(relevant.flat(), path));
        continue;
      }
      if (i.message === "Invalid input" && i.errors.length > 0) {
        const expected = [...new Set(i.errors.flat().map((b) => (b.code === "invalid_type" ? String(b.expected) : "")).filter((e) => e !== ""))];
        const received = / received (\w+)/.exec(i.errors[0]?.[0]?.message ?? "")?.[1];
        if (expected.length > 0) {
          out.push({ code: i.code, path, message: received === "undefined" ? `required: expected ${expected.join(" or ")}` : `expected ${expected.join(" or ")}${received ? `, received ${received}` : ""}` });
          continue;
        }
      }
    }
    if (i.code === "invalid_type" && / received undefined$/.test(i.message)) {
      out.push({ code: i.code, path, message: `required: expected ${String(i.expected)}` });
      continue;
    }
    // zod says "Invalid input: expected object, received null"; the path already says where, the rest says what.
    out.push({ code: i.code, path, message: i.code === "invalid_type" ? i.message.replace(/^Invalid input: /, "") : i.message });
  }
  return out;
}

/**
 * Result of a `safe*` call: expected failures are values, not exceptions.
 * @category Errors
 */
export type SafeResult<T> =
  | { readonly success: true; readonly output: T }
  | {
      readonly success: false;
      readonly issues: readonly Issue[];
      /** Issues found past {@link MAX_KEPT_ISSUES}: counted, not kept (see {@link FundingInputError.omittedIssues}); present only when some were. */
      readonly omittedIssues?: number;
    };

/** Parses `input` with `schema`, throwing {@link FundingInputError} naming `what` on failure. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new FundingInputError(what, fromZodIssues(r.error.issues, [], input));
  return r.data;
}

/** The value at `path` inside `input` (own properties only), or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let x = input;
  for (const k of path) {
    if (typeof x !== "object" || x === null || !Object.hasOwn(x, k)) return undefined;
    x = (x as Record<PropertyKey, unknown>)[k];
  }
  return x;
}
