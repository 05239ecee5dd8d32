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
import { DEFAULT_SOURCE, ScenarioInputError, type Locator, type ScenarioSafeResult } from "./scenarioBase.js";

/*
 * Scenario files: one format for everything the library simulates, told apart by `kind` —
 * a comparison of funding models over a caseload (the default), a capped grant pool, or a recovery
 * initiative funded three ways — so analysts keep their assumptions in a JSON or YAML file they
 * can share. Pure: no I/O here; the node-only loader (src/node/scenarioFile.ts) reads files and
 * resolves the paths they name.
 */

/** The kinds of scenario, by the value of their `kind` field (absent: comparison). */
export const SCENARIO_KINDS = ["comparison", "grantPool", "recoveryInitiative"] as const;
/** A kind of scenario. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/**
 * Schema of a whole scenario file, one of its kinds: a comparison (caseload, funding models,
 * funding streams, options), a grant pool (pool, requests, options) or a recovery initiative. Its
 * JSON Schema (`scenarioJsonSchema`) lets editors autocomplete and check scenario files.
 */
export const ScenarioSchema = z
  .union([ComparisonScenarioSchema, GrantPoolScenarioSchema, RecoveryScenarioSchema])
  .describe(
    "A jeugdhulp-bekostiging scenario: funding models compared on a caseload (the default kind), a grant pool and its requests (kind grantPool), or a recovery initiative funded three ways (kind recoveryInitiative).",
  );

/** A scenario as written in a file (the input of {@link parseScenario}), one of its kinds. */
export type ScenarioInput = ComparisonScenarioInput | GrantPoolScenarioInput | RecoveryScenarioInput;

/** A validated scenario ({@link parseScenario}), defaults filled in, told apart by `kind`. */
export type ScenarioDefinition = ComparisonScenarioDefinition | GrantPoolScenarioDefinition | RecoveryScenarioDefinition;

/** The result of {@link runScenario}, told apart by `kind`. */
export type ScenarioResult = ComparisonScenarioResult | GrantPoolScenarioResult | RecoveryScenarioResult;

/**
 * A scenario ready to run: its definition, where it came from (named in every error), and — for a
 * comparison — the caseload the loader read from a records file or CSV (null when the definition
 * holds it: a spec or inline records; always null for the other kinds).
 */
export interface ResolvedScenario<D extends ScenarioDefinition = ScenarioDefinition> {
  readonly source: string | null;
  readonly definition: D;
  readonly caseload: Caseload | null;
  /** Line and column of a path inside the source file, for errors found when running (set by the loader). */
  readonly locate?: Locator;
}


/** The definition of a scenario of kind `K`. */
export type ScenarioDefinitionOf<K extends ScenarioKind> = Extract<ScenarioDefinition, { readonly kind: K }>;

/**
 * Validates a scenario (e.g. the parsed content of a JSON or YAML file) and fills in its defaults;
 * `kind` picks the schema (absent: a comparison). Pure: files a comparison names
 * (`caseload.recordsFile`, `caseload.csv`) are checked but not read (the node loader
 * `loadScenario` reads them). Throws {@link ScenarioInputError} naming `source` (e.g. the file
 * name), each issue's path inside the scenario and the reason, e.g.
 * `scenarios/region.json: models[1].tariffs[0].tariff: must not be negative`.
 *
 * With `expected`, a scenario of another kind is an error too, and the result has that kind's
 * type: `parseScenario(data, "region.json", "comparison").models`.
 */
export function parseScenario<K extends ScenarioKind>(input: unknown, source: string | undefined, expected: K): ScenarioDefinitionOf<K>;
export function parseScenario(input: unknown, source?: string): ScenarioDefinition;
export function parseScenario(input: unknown, source: string = DEFAULT_SOURCE, expected?: ScenarioKind): ScenarioDefinition {
  const r = safeParseScenario(input, source, expected);
  if (!r.success) throw new ScenarioInputError(source, r.issues);
  return r.output;
}

/** {@link parseScenario} that returns the issues as a value instead of throwing. */
export function safeParseScenario<K extends ScenarioKind>(input: unknown, source: string | undefined, expected: K): ScenarioSafeResult<ScenarioDefinitionOf<K>>;
export function safeParseScenario(input: unknown, source?: string, expected?: ScenarioKind): ScenarioSafeResult<ScenarioDefinition>;
export function safeParseScenario(input: unknown, source: string = DEFAULT_SOURCE, expected?: ScenarioKind): ScenarioSafeResult<ScenarioDefinition> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const got = input === null ? "null" : Array.isArray(input) ? "an array" : typeof input;
    return { success: false, issues: [{ code: "invalid_type", path: [], message: `a scenario is an object (keys caseload, models, …), not ${got}`, source }] };
  }
  const kind = (input as Record<string, unknown>)["kind"] ?? "comparison";
  if (!SCENARIO_KINDS.includes(kind as ScenarioKind)) {
    const message = `unknown scenario kind ${JSON.stringify(kind)}; expected one of ${SCENARIO_KINDS.join(", ")}`;
    return { success: false, issues: [{ code: "invalid_value", path: ["kind"], message, source }] };
  }
  if (expected !== undefined && kind !== expected) {
    const message = `expected ${describeKind(expected)} (kind ${expected}), but this scenario is ${describeKind(kind as ScenarioKind)}`;
    return { success: false, issues: [{ code: "invalid_value", path: ["kind"], message, source }] };
  }
  if (kind === "grantPool") return safeParseGrantPoolScenario(input, source);
  if (kind === "recoveryInitiative") return safeParseRecoveryScenario(input, source);
  return safeParseComparisonScenario(input, source);
}

/**
 * Runs a scenario of any kind. A comparison: `compare` over its caseload and models and, with
 * funding streams and a single run, `applyStreams` to each model's payment lines; a grant pool:
 * its requests through `simulateGrantPool`; a recovery initiative: `simulateRecoveryInitiative`.
 * Every input error is a {@link ScenarioInputError} naming the source and the path inside the
 * scenario. `onRun` is called after each run of a comparison (a progress bar).
 *
 * The result's `kind` is the scenario's: narrow on it (`if (r.kind === "comparison") r.comparison…`),
 * or pass a definition whose kind is known to get its result type directly.
 */
export function runScenario(scenario: ComparisonScenarioDefinition | ResolvedScenario<ComparisonScenarioDefinition>, onRun?: OnRun): ComparisonScenarioResult;
export function runScenario(scenario: GrantPoolScenarioDefinition | ResolvedScenario<GrantPoolScenarioDefinition>): GrantPoolScenarioResult;
export function runScenario(scenario: RecoveryScenarioDefinition | ResolvedScenario<RecoveryScenarioDefinition>): RecoveryScenarioResult;
export function runScenario(scenario: ScenarioDefinition | ResolvedScenario, onRun?: OnRun): ScenarioResult;
export function runScenario(scenario: ScenarioDefinition | ResolvedScenario, onRun?: OnRun): ScenarioResult {
  const resolved: ResolvedScenario = "definition" in scenario ? scenario : { source: null, definition: scenario, caseload: null };
  const d = resolved.definition;
  const source = resolved.source ?? (d.name !== undefined ? `scenario "${d.name}"` : DEFAULT_SOURCE);
  if (d.kind === "grantPool") return runGrantPoolScenario({ ...resolved, definition: d }, source);
  if (d.kind === "recoveryInitiative") return runRecoveryScenario({ ...resolved, definition: d }, source);
  // A comparison; also a definition built by hand in plain JS without its kind.
  return runComparisonScenario({ ...resolved, definition: d }, source, onRun);
}

/** A scenario's kind as a phrase, for messages ("a grant-pool scenario"). */
export function describeKind(kind: ScenarioKind): string {
  return { comparison: "a comparison of funding models", grantPool: "a grant-pool simulation", recoveryInitiative: "a recovery-initiative simulation" }[kind];
}
