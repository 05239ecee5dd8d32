import { z } from "zod";
import { FundingInputError, formatPath, fromZodIssues, issueLines, LIBRARY, type Issue } from "../errors.js";

/*
 * What every kind of scenario file shares: its header fields ($schema, name, description), its
 * errors (file, line, column, path inside it, reason) and the translation of zod's issues into
 * words an analyst can act on. Pure: no I/O.
 */

/** The name a scenario is given in errors when it has no file and no name. */
export const DEFAULT_SOURCE = "scenario";

/** The header fields every scenario kind has. */
export const SCENARIO_HEADER = {
  $schema: z
    .string()
    .optional()
    .describe('the JSON Schema of this file, for editors, e.g. "../schema/scenario.schema.json"; not used when running'),
  name: z.string().trim().regex(/\S/, "must not be empty").optional().describe("the scenario's title, shown in reports"),
  description: z.string().optional().describe("what the scenario shows: its question, sources and assumptions"),
};

/**
 * The header of a scenario as written (and as validated: the same fields).
 * @category Scenarios
 */
export interface ScenarioHeader {
  readonly $schema?: string;
  readonly name?: string;
  readonly description?: string;
}

/**
 * What every scenario result starts with: its kind's fields follow.
 * @category Scenarios
 */
export interface ScenarioResultHeader {
  /** The scenario's name, or null when it has none. */
  readonly name: string | null;
  /** Where the scenario came from (its file), or null. */
  readonly source: string | null;
}

/** The header fields of a parsed scenario, absent ones left out. */
export function headerOf(p: { readonly $schema?: string | undefined; readonly name?: string | undefined; readonly description?: string | undefined }): ScenarioHeader {
  return withoutUndefined({ $schema: p.$schema, name: p.name, description: p.description }) as ScenarioHeader;
}

/**
 * Where a path inside a scenario file is: 1-based line and column, or null when unknown.
 * @category Scenarios
 */
export type Locator = (path: readonly (string | number)[]) => { readonly line: number; readonly column: number } | null;

// ─── Errors ──────────────────────────────────────────────────────────────────────────────────────

/**
 * An issue in a scenario: where (file, line and column when known, path inside it) and why.
 * @category Scenarios
 */
export interface ScenarioIssue extends Issue {
  /** The file (or the name given to `parseScenario`) the issue is in. */
  readonly source: string;
  /** 1-based line of the issue in the file, when known (syntax errors; schema errors in a file read by the loader). */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
}

/**
 * Renders an issue as `file:line:column: path: reason` (line and column when known, no path for the file as a whole).
 * @category Errors
 */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  const at = issue.line === undefined ? issue.source : issue.column === undefined ? `${issue.source}:${issue.line}` : `${issue.source}:${issue.line}:${issue.column}`;
  return issue.path.length === 0 ? `${at}: ${issue.message}` : `${at}: ${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * A {@link FundingInputError} in a scenario: every issue carries the file (`source`), its path
 * inside it and, when known, line and column; the message lists them as `file:line:column: path: reason`.
 * @category Errors
 */
export class ScenarioInputError extends FundingInputError {
  /** Its own name in stack traces and logs; `instanceof FundingInputError` and `isFundingInputError` still hold. */
  override readonly name: string = "ScenarioInputError";
  /** The scenario file (or name) the first issue is in. */
  readonly source: string;
  declare readonly issues: readonly ScenarioIssue[];
  /** @param omitted - issues found but not kept (see {@link FundingInputError.omittedIssues}). */
  constructor(source: string, issues: readonly (Issue | ScenarioIssue)[], omitted = 0) {
    const located: ScenarioIssue[] = issues.map((i) => ("source" in i ? i : { ...i, source }));
    super(`scenario ${source}`, located, omitted);
    this.source = source;
    this.message = `[${LIBRARY}] invalid scenario ${source}:\n` + issueLines(this.issues, (i) => `  ${formatScenarioIssue(i)}`, this.omittedIssues);
  }
}

/**
 * Result of a `safe*` scenario call: the value, or the issues with their file, path and reason.
 * @category Scenarios
 */
export type ScenarioSafeResult<T> =
  | { readonly success: true; readonly output: T }
  | {
      readonly success: false;
      readonly issues: readonly ScenarioIssue[];
      /** Issues found past `MAX_KEPT_ISSUES`: counted, not kept (see {@link FundingInputError.omittedIssues}); present only when some were. */
      readonly omittedIssues?: number;
    };

/** Issues with their line and column added by `locate` (those that have none yet). */
export function locateIssues<I extends Issue>(issues: readonly I[], locate: Locator | undefined): I[] {
  if (!locate) return [...issues];
  return issues.map((i) => {
    if ("line" in i) return i;
    const at = locate(i.path);
    return at ? { ...i, line: at.line, column: at.column } : i;
  });
}

/**
 * Runs `fn`, re-throwing the core's input errors as a {@link ScenarioInputError} of `source` with
 * the paths inside the scenario ({@link scenarioErrorOf}).
 */
export function atScenarioPath<T>(
  source: string,
  fn: () => T,
  locate: Locator | undefined,
  subjects: Readonly<Record<string, readonly (string | number)[]>>,
): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScenarioInputError || !(e instanceof FundingInputError)) throw e;
    throw scenarioErrorOf(source, e, subjects, locate);
  }
}

/** {@link atScenarioPath} for work that finishes later (runs spread over worker threads). */
export async function atScenarioPathAsync<T>(
  source: string,
  fn: () => Promise<T>,
  locate: Locator | undefined,
  subjects: Readonly<Record<string, readonly (string | number)[]>>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ScenarioInputError || !(e instanceof FundingInputError)) throw e;
    throw scenarioErrorOf(source, e, subjects, locate);
  }
}

/**
 * A core input error as a {@link ScenarioInputError} of `source`: `subjects` gives, by the error's
 * subject, the section to put in front of its paths (a model's errors already have theirs).
 */
export function scenarioErrorOf(
  source: string,
  e: FundingInputError,
  subjects: Readonly<Record<string, readonly (string | number)[]>>,
  locate?: Locator,
): ScenarioInputError {
  // A subject may name where in the runs it arose ("compare options in run 3 (seed 2028)"): the longest known subject it starts with.
  const known = Object.keys(subjects).filter((k) => e.subject === k || e.subject.startsWith(`${k} `));
  const prefix = known.length > 0 ? subjects[known.reduce((a, b) => (b.length > a.length ? b : a))]! : [];
  return new ScenarioInputError(source, locateIssues(e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })), locate), e.omittedIssues);
}

// ─── zod's issues in words ───────────────────────────────────────────────────────────────────────

/**
 * A union of objects told apart by which key they have (e.g. a caseload's `spec`, `records`, …):
 * where it sits in the scenario, its keys in the order of the union's options, and what each means.
 */
export interface KeyedUnion {
  readonly path: readonly string[];
  readonly keys: readonly { readonly key: string; readonly means: string }[];
}

/** The value at `path` inside `input`, or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Zod's issues for a scenario, made readable: a keyed union is reported by the option its key
 * picks (or says which keys it needs), an unknown discriminator (a model's `kind`) names the values
 * there are, and a missing field says it is required.
 */
export function scenarioIssues(issues: readonly z.core.$ZodIssue[], input: unknown, unions: readonly KeyedUnion[] = []): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = i.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    const union = i.code === "invalid_union" || i.code === "unrecognized_keys" ? unions.find((u) => samePath(u.path, path)) : undefined;
    if (union) {
      const keys = union.keys.map((k) => k.key);
      const c = valueAt(input, path);
      const present = isRecord(c) ? keys.filter((k) => k in c) : [];
      if (present.length > 1) {
        // Zod may report this as the other option's key unrecognised.
        out.push({ code: "invalid_union", path, message: `give one of ${keys.join(", ")}, not several (found ${present.join(", ")})` });
      } else if (i.code !== "invalid_union") {
        out.push(...fromZodIssues([i]));
      } else if (!isRecord(c)) {
        const what = `an object with one of ${keys.join(", ")}`;
        out.push({ code: "invalid_type", path, message: c === undefined ? `required: ${what}` : `expected ${what}` });
      } else if (present.length === 0) {
        const listed = union.keys.map((k) => `${k.key} (${k.means})`);
        out.push({ code: "invalid_union", path, message: `needs one of ${listed.slice(0, -1).join(", ")} or ${listed.at(-1)!}` });
      } else {
        const branch = i.errors[keys.indexOf(present[0]!)] ?? [];
        out.push(...scenarioIssues(branch.map((b) => ({ ...b, path: [...path, ...b.path] })), input, unions));
      }
      continue;
    }
    if (i.code === "invalid_union" && i.errors.length === 0 && "discriminator" in i && "options" in i) {
      const value = valueAt(input, path);
      const options = (i.options as readonly unknown[]).map(String).join(", ");
      // Model configs are the scenarios' one discriminated union (models[i], a combined model's parts[j]).
      const what = path.includes("models") ? `model ${String(i.discriminator)}` : String(i.discriminator);
      out.push({
        code: "invalid_union",
        path,
        message: value === undefined ? `missing ${String(i.discriminator)}; expected one of ${options}` : `unknown ${what} ${JSON.stringify(value)}; expected one of ${options}`,
      });
      continue;
    }
    if (i.code === "invalid_type" && valueAt(input, path) === undefined && !(path.length > 0 && valueAt(input, path.slice(0, -1)) === undefined)) {
      out.push({ code: i.code, path, message: `required: expected ${i.expected}` });
      continue;
    }
    out.push(...fromZodIssues([i]));
  }
  return out;
}

/** A copy without keys whose value is undefined (exactOptionalPropertyTypes: absent, not undefined). */
export function withoutUndefined<T extends object>(x: T): T {
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
}
