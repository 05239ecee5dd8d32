import { z } from "zod";
import type { OnRun } from "../metrics/compare.js";
import {
  ComparisonScenarioSchema,
  runComparisonScenario,
  safeParseComparisonScenario,
  type ComparisonScenarioDefinition,
  type ComparisonScenarioInput,
  type ComparisonScenarioResult,
} from "./comparisonScenario.js";
import {
  GrantPoolScenarioSchema,
  runGrantPoolScenario,
  safeParseGrantPoolScenario,
  type GrantPoolScenarioDefinition,
  type GrantPoolScenarioInput,
  type GrantPoolScenarioResult,
} from "./grantPoolScenario.js";
import {
  RecoveryScenarioSchema,
  runRecoveryScenario,
  safeParseRecoveryScenario,
  type RecoveryScenarioDefinition,
  type RecoveryScenarioInput,
  type RecoveryScenarioResult,
} from "./recoveryScenario.js";
import type { Caseload } from "../caseload/caseload.js";
import { DEFAULT_SOURCE, locateIssues, ScenarioInputError, type Locator, type ScenarioSafeResult } from "./scenarioBase.js";
import type { Notice } from "../locale/notice.js";
import { depthIssue } from "../inputDepth.js";
import { FundingInputError } from "../errors.js";

/*
 * Scenario files: one format for everything the library simulates, told apart by `kind` —
 * a comparison of funding models over a caseload (the default), a capped grant pool, or a recovery
 * initiative funded three ways — so analysts keep their assumptions in a JSON or YAML file they
 * can share. Pure: no I/O here; the node-only loader (src/node/scenarioFile.ts) reads files and
 * resolves the paths they name.
 */

/**
 * The kinds of scenario, by the value of their `kind` field (absent: comparison).
 * @category Scenarios
 */
export const SCENARIO_KINDS = ["comparison", "grantPool", "recoveryInitiative"] as const;
/**
 * A kind of scenario.
 * @category Scenarios
 */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/**
 * Schema of a whole scenario file, one of its kinds: a comparison (caseload, funding models,
 * funding streams, options), a grant pool (pool, requests, options) or a recovery initiative. Its
 * JSON Schema (`scenarioJsonSchema`) lets editors autocomplete and check scenario files.
 * @category Scenarios
 */
export const ScenarioSchema = z
  .union([ComparisonScenarioSchema, GrantPoolScenarioSchema, RecoveryScenarioSchema])
  .describe(
    "A jeugdhulp-bekostiging scenario: funding models compared on a caseload (the default kind), a grant pool and its requests (kind grantPool), or a recovery initiative funded three ways (kind recoveryInitiative).",
  );

/**
 * A scenario as written in a file (the input of {@link parseScenario}), one of its kinds.
 * @category Scenarios
 */
export type ScenarioInput = ComparisonScenarioInput | GrantPoolScenarioInput | RecoveryScenarioInput;

/**
 * A validated scenario ({@link parseScenario}), defaults filled in, told apart by `kind`.
 * @category Scenarios
 */
export type ScenarioDefinition = ComparisonScenarioDefinition | GrantPoolScenarioDefinition | RecoveryScenarioDefinition;

/**
 * The result of {@link runScenario}, told apart by `kind`.
 * @category Scenarios
 */
export type ScenarioResult = ComparisonScenarioResult | GrantPoolScenarioResult | RecoveryScenarioResult;

/**
 * A scenario ready to run: its definition, where it came from (named in every error), and — for a
 * comparison — the caseload the loader read from a records file or CSV (null when the definition
 * holds it: a spec or inline records; always null for the other kinds).
 * @category Scenarios
 */
export interface ResolvedScenario<D extends ScenarioDefinition | ScenarioInput = ScenarioDefinition> {
  readonly source: string | null;
  readonly definition: D;
  readonly caseload: Caseload | null;
  /**
   * What reading the caseload file reported without stopping (a CSV import's plausibility warnings,
   * rows rejected with `onInvalidRow: "skip"` and where they were written); a comparison's result
   * lists them first among its warnings. In English and Dutch.
   */
  readonly importNotices?: readonly Notice[];
  /** Line and column of a path inside the source file, for errors found when running (set by the loader). */
  readonly locate?: Locator;
}


/**
 * The definition of a scenario of kind `K`.
 * @category Scenarios
 */
export type ScenarioDefinitionOf<K extends ScenarioKind> = Extract<ScenarioDefinition, { readonly kind: K }>;

/**
 * How {@link parseScenario} reads a scenario: the name errors give it, and the kind it must be.
 * @category Scenarios
 */
export interface ParseScenarioOptions<K extends ScenarioKind = ScenarioKind> {
  /** The file (or name) errors name; default `"scenario"`. */
  readonly source?: string;
  /** The kind expected: a scenario of another kind is an error, and the result has this kind's type. */
  readonly kind?: K;
}

/** Keys that only a scenario of another kind has: a file without `kind` that has them gets a hint. */
const KEYS_OF_KIND: readonly (readonly [ScenarioKind, readonly string[]])[] = [
  ["grantPool", ["pool", "requests"]],
  ["recoveryInitiative", ["initiative", "structural", "project", "procurement", "regularCare", "avoidedCare"]],
];

/**
 * Validates a scenario (e.g. the parsed content of a JSON or YAML file) and fills in its defaults;
 * its `kind` picks the schema (absent: a comparison). Pure: files a comparison names
 * (`caseload.recordsFile`, `caseload.csv`) are checked but not read (the node loader
 * `loadScenario` reads them). Throws {@link ScenarioInputError} naming the source (e.g. the file
 * name), each issue's path inside the scenario and the reason, e.g.
 * `scenarios/region.json: models[1].tariffs[0].tariff: must not be negative`.
 *
 * `options` is the source's name, or `{ source, kind }`: with a kind, a scenario of another kind
 * is an error too, and the result has that kind's type —
 * `parseScenario(data, { source: "regio.json", kind: "comparison" }).models`.
 * @example
 * ```ts
 * import { parseScenario } from "jeugdhulp-bekostiging";
 *
 * const scenario = {
 *   caseload: {
 *     window: { start: "2025-12", months: 13 },
 *     records: [{ id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 }],
 *   },
 *   models: [
 *     { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] },
 *     { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }] },
 *   ],
 *   options: { horizon: { start: "2026-01", months: 12 } },
 * };
 * const definition = parseScenario(scenario, { source: "regio.json", kind: "comparison" });
 * console.log(definition.options.runs, definition.models.length); // → 1 2 (runs: a default filled in)
 * ```
 * @category Scenarios
 */
export function parseScenario<K extends ScenarioKind = ScenarioKind>(
  input: unknown,
  options?: string | ParseScenarioOptions<K>,
): ScenarioDefinitionOf<NoInfer<K>> {
  const r = safeParseScenario(input, options);
  if (!r.success) throw new ScenarioInputError(sourceOf(options), r.issues);
  return r.output;
}

/**
 * {@link parseScenario} that returns the issues as a value instead of throwing.
 * @category Scenarios
 */
export function safeParseScenario<K extends ScenarioKind = ScenarioKind>(
  input: unknown,
  options?: string | ParseScenarioOptions<K>,
): ScenarioSafeResult<ScenarioDefinitionOf<NoInfer<K>>> {
  const source = sourceOf(options);
  const expected = typeof options === "object" ? options.kind : undefined;
  const refuse = (path: string[], code: string, message: string) => ({ success: false as const, issues: [{ code, path, message, source }] });
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const got = input === null ? "null" : Array.isArray(input) ? "an array" : typeof input;
    return refuse([], "invalid_type", `a scenario is an object (keys caseload, models, …), not ${got}`);
  }
  // Before any recursive walk (zod's, the search for distributions) could exhaust the stack.
  const deep = depthIssue(input);
  if (deep) return { success: false as const, issues: [{ ...deep, source }] };
  const given = input as Record<string, unknown>;
  const kind = "kind" in given ? given["kind"] : "comparison";
  if (!SCENARIO_KINDS.includes(kind as ScenarioKind)) {
    return refuse(["kind"], "invalid_value", `unknown scenario kind ${JSON.stringify(kind)}; expected one of ${SCENARIO_KINDS.join(", ")}`);
  }
  if (expected !== undefined && kind !== expected) {
    return refuse(["kind"], "invalid_value", `expected ${describeKind(expected)} (kind ${expected}), but this scenario is ${describeKind(kind as ScenarioKind)}`);
  }
  if (!("kind" in given)) {
    // Without a kind the scenario is read as a comparison; one written for another kind would get a dozen unrelated errors.
    for (const [other, keys] of KEYS_OF_KIND) {
      const present = keys.filter((k) => k in given);
      if (present.length > 0) {
        return refuse(["kind"], "missing_kind", `missing kind: this looks like ${describeKind(other)} (it has ${present.join(", ")}); add "kind": "${other}"`);
      }
    }
  }
  const r = kind === "grantPool" ? safeParseGrantPoolScenario(input, source) : kind === "recoveryInitiative" ? safeParseRecoveryScenario(input, source) : safeParseComparisonScenario(input, source);
  if (r.success) PARSED.add(r.output);
  return r as ScenarioSafeResult<ScenarioDefinitionOf<NoInfer<K>>>;
}

/** Definitions this module returned: runScenario need not check them again (a copy or one built by hand it does). */
const PARSED = new WeakSet<object>();

const sourceOf = (options: string | ParseScenarioOptions | undefined): string =>
  (typeof options === "string" ? options : options?.source) ?? DEFAULT_SOURCE;

/**
 * Runs a scenario of any kind — a scenario as written (it is validated first), a definition from
 * {@link parseScenario}, or a scenario the node loader read (with its file and caseload). A
 * comparison: `compare` over its caseload and models and, with funding streams and a single run,
 * `applyStreams` to each model's payment lines; a grant pool: its requests through
 * `simulateGrantPool`; a recovery initiative: `simulateRecoveryInitiative`. Every input error is a
 * {@link ScenarioInputError} naming the source and the path inside the scenario. `onRun` is called
 * after each run of a comparison (a progress bar).
 *
 * The result has the scenario's `kind`: a scenario whose kind is known (written inline, or loaded
 * with `{ kind }`) gives that kind's result type; otherwise narrow on it
 * (`if (r.kind === "comparison") r.comparison…`).
 * @example
 * ```ts
 * import { formatComparison, runScenario } from "jeugdhulp-bekostiging";
 *
 * // A comparison scenario as a file holds it (written inline here, so its kind is known).
 * const result = runScenario({
 *   caseload: {
 *     window: { start: "2025-12", months: 13 },
 *     records: [{ id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 }],
 *   },
 *   models: [
 *     { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] },
 *     { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }] },
 *   ],
 *   options: { horizon: { start: "2026-01", months: 12 } },
 * });
 * console.log(result.comparison.models.map((m) => m.metrics.totalPaid)); // → [ 168000, 250000 ] (cents)
 * console.log(formatComparison(result.comparison));
 * ```
 * @category Scenarios
 */
export function runScenario(scenario: ComparisonScenarioInput | ResolvedScenario<ComparisonScenarioDefinition>, onRun?: OnRun): ComparisonScenarioResult;
export function runScenario(scenario: GrantPoolScenarioInput | ResolvedScenario<GrantPoolScenarioDefinition>): GrantPoolScenarioResult;
export function runScenario(scenario: RecoveryScenarioInput | ResolvedScenario<RecoveryScenarioDefinition>): RecoveryScenarioResult;
export function runScenario(scenario: ScenarioInput | ResolvedScenario, onRun?: OnRun): ScenarioResult;
export function runScenario(scenario: ScenarioInput | ResolvedScenario, onRun?: OnRun): ScenarioResult {
  // Anything that is not a resolved scenario is read as a definition, so null or a string is the schema's located error.
  const given: unknown = scenario;
  const isResolved = typeof given === "object" && given !== null && "definition" in given;
  const resolved: ResolvedScenario<ScenarioDefinition | ScenarioInput> = isResolved ? (scenario as ResolvedScenario) : { source: null, definition: scenario as ScenarioInput, caseload: null };
  misuseIssues(resolved, onRun);
  const def: unknown = resolved.definition;
  const name = typeof def === "object" && def !== null ? (def as { name?: unknown }).name : undefined;
  const source = resolved.source ?? (typeof name === "string" ? `scenario "${name}"` : DEFAULT_SOURCE);
  // A scenario built by hand (or changed after parsing) is checked like a file; a definition just parsed is not checked twice.
  let d: ScenarioDefinition;
  if (PARSED.has(resolved.definition)) d = resolved.definition as ScenarioDefinition;
  else {
    const parsed = safeParseScenario(resolved.definition, source);
    if (!parsed.success) throw new ScenarioInputError(source, locateIssues(parsed.issues, resolved.locate));
    d = parsed.output;
  }
  if (d.kind === "grantPool") return runGrantPoolScenario({ ...resolved, definition: d }, source);
  if (d.kind === "recoveryInitiative") return runRecoveryScenario({ ...resolved, definition: d }, source);
  return runComparisonScenario({ ...resolved, definition: d }, source, onRun);
}

/** A located error for what the caller passed beside the definition: a `locate` or `onRun` that is not a function, a `source` that is not text. */
function misuseIssues(resolved: ResolvedScenario<ScenarioDefinition | ScenarioInput>, onRun: unknown): void {
  const issues = [
    ...(resolved.locate === undefined || typeof resolved.locate === "function" ? [] : [{ code: "invalid_type", path: ["locate"], message: "expected a function (path → line and column) or nothing" }]),
    ...(resolved.source === null || resolved.source === undefined || typeof resolved.source === "string" ? [] : [{ code: "invalid_type", path: ["source"], message: "expected the scenario's file name as text, or null" }]),
    ...(onRun === undefined || typeof onRun === "function" ? [] : [{ code: "invalid_type", path: ["onRun"], message: "expected a function called after each run, or nothing" }]),
  ];
  if (issues.length > 0) throw new FundingInputError("scenario", issues);
}

/**
 * A scenario's kind as a phrase, for messages ("a grant-pool scenario").
 * @category Scenarios
 */
export function describeKind(kind: ScenarioKind): string {
  return { comparison: "a comparison of funding models", grantPool: "a grant-pool simulation", recoveryInitiative: "a recovery-initiative simulation" }[kind];
}
