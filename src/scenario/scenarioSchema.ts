import { z } from "zod";
import { CsvMappingSchema, type CsvMappingInput } from "../csv/caseloadCsv.js";
import type { Caseload } from "../caseload/caseload.js";
import { generateCaseload } from "../caseload/generate.js";
import { NameSchema } from "../caseload/names.js";
import { caseloadFromRecords, TrajectoryInputSchema, type FromRecordsOptions, type KnownNames, type TrajectoryInput } from "../caseload/records.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, formatPath, fromZodIssues, LIBRARY, type Issue } from "../errors.js";
import { compare, CompareOptionsSchema, type CompareOptions, type Comparison, type OnRun } from "../metrics/compare.js";
import { createModel, ModelConfigSchema, type ModelConfig } from "../models/index.js";
import { HorizonSchema, type HorizonInput } from "../period.js";
import { project } from "../projection/project.js";
import { applyStreams, FundingStreamSchema, type FundingStreamInput, type StreamsResult } from "../streams/fundingStreams.js";

/*
 * Scenario files: one schema for a whole comparison — the caseload (a synthetic spec, trajectory
 * records, or a file of them), the funding models, the funding streams and the comparison options —
 * so analysts keep their assumptions in a JSON or YAML file they can share. Pure: no I/O here; the
 * node-only loader (src/node/scenarioFile.ts) reads files and resolves the paths they name.
 */

// ─── The schema ──────────────────────────────────────────────────────────────────────────────────

const FilePath = z.string().trim().min(1, "must not be empty");

const Window = HorizonSchema.describe(
  "the months the records' use covers, e.g. { start: '2025-12', months: 13 }. Start it a month (the payment lag) before the horizon, so the horizon's first payments for care already running are known",
);

/** Names known up front: the options of `caseloadFromRecords` besides the window. */
const knownNames = {
  municipalities: z
    .array(NameSchema)
    .optional()
    .describe("municipalities known up front, in this order, even when no trajectory names them; names in the records are added after them"),
  providers: z
    .array(NameSchema)
    .optional()
    .describe("providers known up front, e.g. every contracted provider, so a model config naming one without clients is not an error"),
  profiles: z.array(NameSchema).optional().describe("client profiles (cliëntprofielen) known up front, even when no trajectory has them"),
  intensities: z.array(NameSchema).optional().describe("intensity levels (intensiteiten) known up front, even when no trajectory has them"),
  ageGroups: z.array(NameSchema).optional().describe("age groups (leeftijdsgroepen) known up front, even when no trajectory has them"),
  targetGroups: z.array(NameSchema).optional().describe("target groups (doelgroepen) known up front, even when no trajectory has them"),
};

/** A synthetic caseload: generated from a spec, one caseload per run (seed). */
export const SpecCaseloadSchema = z
  .strictObject({
    spec: CaseloadSpecSchema.describe(
      "a synthetic caseload: municipalities, providers and per client profile the arrivals, durations, use and outcomes; one caseload is generated per run (seed)",
    ),
  })
  .describe("a synthetic caseload generated from a spec");

/** The region's own trajectories, written in the scenario. */
export const RecordsCaseloadSchema = z
  .strictObject({
    records: z
      .array(TrajectoryInputSchema)
      .describe("the trajectories, one object each (id, municipality, provider, profile, careForm, unit, start, end, outcome, use)"),
    window: Window,
    ...knownNames,
  })
  .describe("your own trajectories, written in the scenario");

/** The region's own trajectories, in a JSON or YAML file next to the scenario. */
export const RecordsFileCaseloadSchema = z
  .strictObject({
    recordsFile: FilePath.describe(
      "a JSON or YAML file holding an array of trajectories (as in records), relative to the scenario file's folder",
    ),
    window: Window,
    ...knownNames,
  })
  .describe("your own trajectories, in a JSON or YAML file");

/** A caseload export in CSV, read by the loader's CSV hook. */
export const CsvCaseloadSchema = z
  .strictObject({
    csv: FilePath.describe("a CSV caseload export, one row per trajectory, relative to the scenario file's folder"),
    useCsv: FilePath.optional().describe(
      "a CSV file with one row per trajectory-month of use, relative to the scenario file's folder; without it, the trajectory rows carry the use",
    ),
    mapping: CsvMappingSchema.optional().describe(
      "how to read the export: columns (field → header in the trajectories CSV), useColumns (id, month, use → headers in the use CSV), values (the export's codes → ours, per careForm, unit, outcome), delimiter (';', ',' or a tab; default: detected), missingUse ('zero' or 'error')",
    ),
    window: Window,
    ...knownNames,
  })
  .describe("a caseload export in CSV");

/** The caseload section: exactly one of `spec`, `records`, `recordsFile`, `csv`. */
export const ScenarioCaseloadSchema = z
  .union([SpecCaseloadSchema, RecordsCaseloadSchema, RecordsFileCaseloadSchema, CsvCaseloadSchema])
  .describe("the caseload compared: a synthetic spec, trajectory records, a records file or a CSV export (exactly one)");

/** The keys that pick a caseload variant, in the order of the union's options. */
const CASELOAD_KEYS = ["spec", "records", "recordsFile", "csv"] as const;

const o = CompareOptionsSchema.shape;
/** The comparison options (those of `compare`), every field described, no unknown fields. */
export const ScenarioOptionsSchema = CompareOptionsSchema.extend({
  horizon: o.horizon.describe("the months compared, e.g. { start: '2026-01', months: 36 }; default: the caseload's window"),
  paymentLagMonths: o.paymentLagMonths.describe("months from care (or a start or closure) to its payment: with 1, January pays December's care"),
  costPrices: o.costPrices.describe(
    "the providers' cost prices per care form (optionally per provider, dated, indexed): without them cost and margin are not computed",
  ),
  budget: o.budget.describe("the municipality's youth-care budget per calendar year, for the deviation from budget"),
  seed: o.seed.describe("seed of the first run of a synthetic caseload; the same seed gives the same caseload, bit for bit"),
  runs: o.runs.describe("Monte Carlo runs of a synthetic caseload, seeds seed … seed + runs − 1; a given caseload (records, CSV) is one run"),
  keepProjections: o.keepProjections.describe("keep each model's full projection of the first run in the result (typed arrays: not JSON-safe)"),
}).strict();

/**
 * Schema of a whole scenario: caseload, funding models, funding streams and comparison options.
 * Its JSON Schema ({@link scenarioJsonSchema}) lets editors autocomplete and check scenario files.
 */
export const ScenarioSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('the JSON Schema of this file, for editors, e.g. "../schema/scenario.schema.json"; not used when running'),
    name: z.string().trim().min(1, "must not be empty").optional().describe("the scenario's title, shown in reports"),
    description: z.string().optional().describe("what the scenario shows: its question, sources and assumptions"),
    caseload: ScenarioCaseloadSchema,
    models: z
      .array(ModelConfigSchema)
      .min(1, "needs at least one model")
      .describe(
        "the funding models compared, each a config picked by kind: task (taakgericht), effort (inspanningsgericht), output (outputgericht), trajectory (trajectfinanciering), perPlace, reimbursement, combined",
      ),
    streams: z
      .array(FundingStreamSchema)
      .default([])
      .describe(
        "funding streams (regelingen) that cover part of what is paid, in drawing order; what none covers is own means. Applied when the scenario has one run (default: none)",
      ),
    options: ScenarioOptionsSchema.prefault({}).describe("how the models are compared: horizon, payment lag, cost prices, budget, seed, runs"),
  })
  .describe("A jeugdhulp-bekostiging scenario: a caseload, the funding models compared on it, funding streams and the comparison options.");

// ─── Types ───────────────────────────────────────────────────────────────────────────────────────

/** A caseload section: a synthetic spec. */
export interface SpecCaseloadSection {
  readonly spec: CaseloadSpecInput;
}
/** A caseload section: trajectory records in the scenario. */
export interface RecordsCaseloadSection extends KnownNames {
  readonly records: readonly TrajectoryInput[];
  readonly window: HorizonInput;
}
/** A caseload section: a JSON or YAML file of trajectory records (resolved by the loader). */
export interface RecordsFileCaseloadSection extends KnownNames {
  readonly recordsFile: string;
  readonly window: HorizonInput;
}
/** A caseload section: a CSV export (read by the loader's CSV hook). */
export interface CsvCaseloadSection extends KnownNames {
  readonly csv: string;
  readonly useCsv?: string;
  /** The CSV importer's mapping (columns, useColumns, values, delimiter, missingUse), checked with the scenario. */
  readonly mapping?: CsvMappingInput;
  readonly window: HorizonInput;
}
/** The caseload section of a scenario: exactly one of `spec`, `records`, `recordsFile`, `csv`. */
export type ScenarioCaseload = SpecCaseloadSection | RecordsCaseloadSection | RecordsFileCaseloadSection | CsvCaseloadSection;

/** The comparison options of a scenario, defaults filled in. */
export type ScenarioOptions = CompareOptions & {
  readonly paymentLagMonths: number;
  readonly seed: number;
  readonly runs: number;
  readonly keepProjections: boolean;
};

/** A scenario as written in a file (the input of {@link parseScenario}). */
export interface ScenarioInput {
  readonly $schema?: string;
  readonly name?: string;
  readonly description?: string;
  readonly caseload: ScenarioCaseload;
  readonly models: readonly ModelConfig[];
  readonly streams?: readonly FundingStreamInput[];
  readonly options?: CompareOptions;
}

/**
 * A validated scenario ({@link parseScenario}), itself a valid scenario input (parsing it again
 * gives the same). The scenario's own defaults are filled in — `streams: []`, `options` with
 * `paymentLagMonths`, `seed`, `runs`, `keepProjections` — and the caseload section's (record and
 * spec defaults, trimmed names). Models, streams, cost prices and budget stay as written (money as
 * euro strings): the core functions parse them again, fill their defaults there and would refuse
 * amounts already converted to cents.
 */
export interface ScenarioDefinition {
  readonly $schema?: string;
  readonly name?: string;
  readonly description?: string;
  readonly caseload: ScenarioCaseload;
  readonly models: readonly ModelConfig[];
  readonly streams: readonly FundingStreamInput[];
  readonly options: ScenarioOptions;
}

/**
 * A scenario ready to run: its definition, where it came from (named in every error), and the
 * caseload the loader read from a records file or CSV (null when the definition holds it: a spec
 * or inline records).
 */
export interface ResolvedScenario {
  readonly source: string | null;
  readonly definition: ScenarioDefinition;
  readonly caseload: Caseload | null;
  /** Line and column of a path inside the source file, for errors found when running (set by the loader). */
  readonly locate?: Locator;
}

/** Where a path inside a scenario file is: 1-based line and column, or null when unknown. */
export type Locator = (path: readonly (string | number)[]) => { readonly line: number; readonly column: number } | null;

// ─── Errors ──────────────────────────────────────────────────────────────────────────────────────

/** An issue in a scenario: where (file, line and column when known, path inside it) and why. */
export interface ScenarioIssue extends Issue {
  /** The file (or the name given to {@link parseScenario}) the issue is in. */
  readonly source: string;
  /** 1-based line of the issue in the file, when known (syntax errors; schema errors in a file read by the loader). */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
}

/** Renders an issue as `file:line:column: path: reason` (line and column when known, no path for the file as a whole). */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  const at = issue.line === undefined ? issue.source : issue.column === undefined ? `${issue.source}:${issue.line}` : `${issue.source}:${issue.line}:${issue.column}`;
  return issue.path.length === 0 ? `${at}: ${issue.message}` : `${at}: ${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * A {@link FundingInputError} in a scenario: every issue carries the file (`source`), its path
 * inside it and, when known, line and column; the message lists them as `file:line:column: path: reason`.
 */
export class ScenarioInputError extends FundingInputError {
  /** The scenario file (or name) the first issue is in. */
  readonly source: string;
  declare readonly issues: readonly ScenarioIssue[];
  constructor(source: string, issues: readonly (Issue | ScenarioIssue)[]) {
    const located: ScenarioIssue[] = issues.map((i) => ("source" in i ? i : { ...i, source }));
    super(`scenario ${source}`, located);
    this.source = source;
    this.message = `[${LIBRARY}] invalid scenario ${source}:\n` + located.map((i) => `  ${formatScenarioIssue(i)}`).join("\n");
  }
}

/** Result of a `safe*` scenario call: the value, or the issues with their file, path and reason. */
export type ScenarioSafeResult<T> =
  | { readonly success: true; readonly output: T }
  | { readonly success: false; readonly issues: readonly ScenarioIssue[] };

const DEFAULT_SOURCE = "scenario";

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

/**
 * Zod's issues for a scenario, made readable: the caseload union is reported by the variant its
 * key picks (or says which keys it needs), an unknown model kind names the kinds there are, and a
 * missing field says it is required.
 */
function scenarioIssues(issues: readonly z.core.$ZodIssue[], input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = i.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    if (i.code === "invalid_union" && path.length === 1 && path[0] === "caseload") {
      const c = valueAt(input, path);
      const present = isRecord(c) ? CASELOAD_KEYS.filter((k) => k in c) : [];
      if (!isRecord(c)) {
        const what = `an object with one of ${CASELOAD_KEYS.join(", ")}`;
        out.push({ code: "invalid_type", path, message: c === undefined ? `required: ${what}` : `expected ${what}` });
      } else if (present.length === 0) {
        out.push({
          code: "invalid_union",
          path,
          message: `needs one of spec (a synthetic caseload), records (trajectories), recordsFile (a JSON or YAML file of them) or csv (a caseload export)`,
        });
      } else if (present.length > 1) {
        out.push({ code: "invalid_union", path, message: `give one of ${CASELOAD_KEYS.join(", ")}, not several (found ${present.join(", ")})` });
      } else {
        const branch = i.errors[CASELOAD_KEYS.indexOf(present[0]!)] ?? [];
        out.push(...scenarioIssues(branch.map((b) => ({ ...b, path: [...path, ...b.path] })), input));
      }
      continue;
    }
    if (i.code === "invalid_union" && i.errors.length === 0 && "discriminator" in i && "options" in i) {
      const value = valueAt(input, path);
      const options = (i.options as readonly unknown[]).map(String).join(", ");
      // Model configs are the scenario's one discriminated union (models[i], a combined model's parts[j]).
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

// ─── Parsing ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Validates a scenario (e.g. the parsed content of a JSON or YAML file) and fills in its defaults.
 * Pure: `caseload.recordsFile` and `caseload.csv` are checked but not read (the node loader
 * `loadScenario` reads them). Throws {@link ScenarioInputError} naming `source` (e.g. the file
 * name), each issue's path inside the scenario and the reason, e.g.
 * `scenarios/region.json: models[1].tariffs[0].tariff: must not be negative`.
 */
export function parseScenario(input: unknown, source: string = DEFAULT_SOURCE): ScenarioDefinition {
  const r = safeParseScenario(input, source);
  if (!r.success) throw new ScenarioInputError(source, r.issues);
  return r.output;
}

/** {@link parseScenario} that returns the issues as a value instead of throwing. */
export function safeParseScenario(input: unknown, source: string = DEFAULT_SOURCE): ScenarioSafeResult<ScenarioDefinition> {
  const r = ScenarioSchema.safeParse(input);
  if (!r.success) return { success: false, issues: scenarioIssues(r.error.issues, input).map((i) => ({ ...i, source })) };
  const raw = input as Record<string, unknown>;
  const p = r.data;
  const rawOptions = (raw["options"] ?? {}) as CompareOptions;
  // The scenario's plain defaults from the parsed output; money (cost prices, budget) as written.
  const options: ScenarioOptions = {
    ...rawOptions,
    ...(p.options.horizon ? { horizon: p.options.horizon } : {}),
    paymentLagMonths: p.options.paymentLagMonths,
    seed: p.options.seed,
    runs: p.options.runs,
    keepProjections: p.options.keepProjections,
  };
  return {
    success: true,
    output: {
      ...(p.$schema !== undefined ? { $schema: p.$schema } : {}),
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.description !== undefined ? { description: p.description } : {}),
      // The caseload section has no money: its parsed output (defaults filled, names trimmed) is valid input again.
      caseload: withoutUndefined(p.caseload) as ScenarioCaseload,
      models: raw["models"] as ModelConfig[],
      streams: (raw["streams"] ?? []) as FundingStreamInput[],
      options,
    },
  };
}

/** A copy without keys whose value is undefined (exactOptionalPropertyTypes: absent, not undefined). */
function withoutUndefined<T extends object>(x: T): T {
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
}

// ─── Running ─────────────────────────────────────────────────────────────────────────────────────

/** What the funding streams covered of one model's payments. */
export interface ModelStreams {
  /** The model's column label in the comparison. */
  readonly label: string;
  readonly result: StreamsResult;
}

/**
 * Result of {@link runScenario}. Plain data with integer cents, JSON-safe — except, with
 * `options.keepProjections`, `comparison.models[i].projection`, whose breakdowns and waiting counts
 * are typed arrays (Float64Array, Int32Array) that JSON.stringify renders as objects.
 */
export interface ScenarioResult {
  /** The scenario's name, or null when it has none. */
  readonly name: string | null;
  /** Where the scenario came from (its file), or null. */
  readonly source: string | null;
  /** The comparison of the models, as `compare` returns it. */
  readonly comparison: Comparison;
  /**
   * Per model (in the comparison's order), what the funding streams covered and what is left for
   * own means; null when the scenario has no streams or several runs (streams follow one run's lines).
   */
  readonly streams: readonly ModelStreams[] | null;
  /** What the analyst should know about the run itself (e.g. streams skipped for several runs). */
  readonly warnings: readonly string[];
}

/** Where a core error's paths sit inside a scenario, by the error's subject. */
const SUBJECT_PATHS: Readonly<Record<string, readonly (string | number)[]>> = {
  "compare options": ["options"],
  "projection options": ["options"],
  "caseload seed": ["options"],
  "caseload spec": ["caseload", "spec"],
  "caseload records": ["caseload", "records"],
  caseload: ["caseload", "records"],
  "caseload window": ["caseload"],
  "caseload options": ["caseload"],
  "funding streams": ["streams"],
};

/**
 * Runs `fn`, re-throwing the core's input errors as a {@link ScenarioInputError} of `source` with
 * the paths inside the scenario (a model's errors already have them; the options', the caseload's
 * and the streams' get their section in front).
 */
export function atScenarioPath<T>(source: string, fn: () => T, locate?: Locator): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScenarioInputError || !(e instanceof FundingInputError)) throw e;
    const prefix = SUBJECT_PATHS[e.subject] ?? [];
    throw new ScenarioInputError(source, locateIssues(e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })), locate));
  }
}

/** Issues with their line and column added by `locate` (those that have none yet). */
export function locateIssues<I extends Issue>(issues: readonly I[], locate: Locator | undefined): I[] {
  if (!locate) return [...issues];
  return issues.map((i) => {
    if ("line" in i) return i;
    const at = locate(i.path);
    return at ? { ...i, line: at.line, column: at.column } : i;
  });
}

/** The caseload a scenario's definition holds: its spec, or its records built; files need the loader. */
function caseloadOf(c: ScenarioCaseload): Caseload | CaseloadSpecInput {
  if ("spec" in c) return c.spec;
  if ("records" in c) return caseloadFromRecords(c.records, recordsOptions(c));
  const key = "recordsFile" in c ? "recordsFile" : "csv";
  throw new FundingInputError("scenario", [
    {
      code: "unresolved_file",
      path: ["caseload", key],
      message: `the caseload is in a file: read the scenario with loadScenario (jeugdhulp-bekostiging/node), or pass the caseload in a ResolvedScenario`,
    },
  ]);
}

/** The options of `caseloadFromRecords` from a records section: its window and known names. */
export function recordsOptions(c: RecordsCaseloadSection | RecordsFileCaseloadSection | CsvCaseloadSection): FromRecordsOptions {
  const names = (["municipalities", "providers", "profiles", "intensities", "ageGroups", "targetGroups"] as const).filter((k) => c[k] !== undefined);
  return { window: c.window, ...Object.fromEntries(names.map((k) => [k, c[k]])) };
}

/**
 * Runs a scenario: `compare` over its caseload and models with its options, and — when it has
 * funding streams and a single run — `applyStreams` to each model's payment lines (a second
 * projection with `lines: true` on the same caseload). Every input error is a
 * {@link ScenarioInputError} naming the source and the path inside the scenario. `onRun` is called
 * after each run (a progress bar).
 */
export function runScenario(scenario: ScenarioDefinition | ResolvedScenario, onRun?: OnRun): ScenarioResult {
  const resolved: ResolvedScenario = "definition" in scenario ? scenario : { source: null, definition: scenario, caseload: null };
  const d = resolved.definition;
  const source = resolved.source ?? (d.name !== undefined ? `scenario "${d.name}"` : DEFAULT_SOURCE);
  return atScenarioPath(
    source,
    () => {
    const given = resolved.caseload ?? caseloadOf(d.caseload);
    const options: CompareOptions = d.options;
    const warnings: string[] = [];
    if (d.streams.length === 0 || d.options.runs > 1) {
      if (d.streams.length > 0) {
        warnings.push(`funding streams are applied to a single run; this scenario has ${d.options.runs} runs, so they were not applied`);
      }
      const comparison = compare(given, d.models, options, onRun);
      return { name: d.name ?? null, source: resolved.source, comparison, streams: null, warnings };
    }
    // One run with streams: generate the caseload once, compare on it, and project again with lines.
    const spec = isCaseload(given) ? null : given;
    const caseload = spec ? generateCaseload(spec, d.options.seed) : (given as Caseload);
    const { seed: _seed, runs: _runs, ...fixed } = d.options;
    const compared = compare(caseload, d.models, fixed, onRun);
    // As compare reports a generated caseload: its seed.
    const comparison: Comparison = spec ? { ...compared, seeds: [d.options.seed] } : compared;
    const streams = d.models.map((config, i): ModelStreams => {
      const model = createModel(config);
      const p = project(caseload, model, {
        horizon: comparison.horizon,
        paymentLagMonths: d.options.paymentLagMonths,
        ...(d.options.costPrices ? { costPrices: d.options.costPrices } : {}),
        lines: true,
      });
      return { label: comparison.models[i]!.label, result: applyStreams(caseload, p, d.streams) };
    });
    return { name: d.name ?? null, source: resolved.source, comparison, streams, warnings };
    },
    resolved.locate,
  );
}

function isCaseload(x: unknown): x is Caseload {
  return typeof x === "object" && x !== null && (x as Caseload).useOffset instanceof Int32Array;
}
