import { z } from "zod";
import { CsvMappingSchema, type CsvMappingInput } from "../csv/caseloadCsv.js";
import { isCaseload, type Caseload } from "../caseload/caseload.js";
import { generateCaseload } from "../caseload/generate.js";
import { NameSchema } from "../caseload/names.js";
import { caseloadFromRecords, TrajectoryInputSchema, type FromRecordsOptions, type KnownNames, type TrajectoryInput } from "../caseload/records.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, type Issue } from "../errors.js";
import { compare, CompareOptionsSchema, type CompareOptions, type Comparison, type OnRun } from "../metrics/compare.js";
import { FIXED_OPTIONS } from "../metrics/compareOptions.js";
import { ModelConfigSchema, type ModelConfig } from "../models/index.js";
import { HorizonSchema, type HorizonInput } from "../period.js";
import { driveComparisons, reformSteps, ReformSchema, type CompareRequest, type Reform } from "../reforms/reforms.js";
import type { ReformsResult } from "../reforms/reformResult.js";
import { sensitivity, SensitivityOptionsSchema, type SensitivityAnalysis, type SensitivityOptions } from "../sensitivity/comparisonSensitivity.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import { distributionPaths, findUncertain, isDistributionNode, resolveUncertain } from "../uncertainty/uncertainInput.js";
import { applyStreams, FundingStreamSchema, type FundingStreamInput, type StreamsResult } from "../streams/fundingStreams.js";
import {
  atScenarioPath,
  headerOf,
  SCENARIO_HEADER,
  scenarioIssues,
  withoutUndefined,
  type KeyedUnion,
  type ScenarioHeader,
  type ScenarioResultHeader,
  type ScenarioSafeResult,
} from "./scenarioBase.js";
import type { ResolvedScenario } from "./scenarioSchema.js";
import type { Notice } from "../locale/notice.js";

/*
 * Comparison scenarios (the default kind of scenario file): one schema for a whole comparison — the caseload (a synthetic spec, trajectory
 * records, or a file of them), the funding models, the funding streams and the comparison options —
 * so analysts keep their assumptions in a JSON or YAML file they can share. Pure: no I/O here; the
 * node-only loader (src/node/scenarioFile.ts) reads files and resolves the paths they name.
 */

// ─── The schema ──────────────────────────────────────────────────────────────────────────────────

const FilePath = z.string().trim().regex(/\S/, "must not be empty");

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

/**
 * A synthetic caseload: generated from a spec, one caseload per run (seed).
 * @category Scenarios
 */
export const SpecCaseloadSchema = z
  .strictObject({
    spec: CaseloadSpecSchema.describe(
      "a synthetic caseload: municipalities, providers and per client profile the arrivals, durations, use and outcomes; one caseload is generated per run (seed)",
    ),
  })
  .describe("a synthetic caseload generated from a spec");

/**
 * The region's own trajectories, written in the scenario.
 * @category Scenarios
 */
export const RecordsCaseloadSchema = z
  .strictObject({
    records: z
      .array(TrajectoryInputSchema)
      .describe("the trajectories, one object each (id, municipality, provider, profile, careForm, unit, start, end, outcome, use)"),
    window: Window,
    ...knownNames,
  })
  .describe("your own trajectories, written in the scenario");

/**
 * The region's own trajectories, in a JSON or YAML file next to the scenario.
 * @category Scenarios
 */
export const RecordsFileCaseloadSchema = z
  .strictObject({
    recordsFile: FilePath.describe(
      "a JSON or YAML file holding an array of trajectories (as in records), relative to the scenario file's folder",
    ),
    window: Window,
    ...knownNames,
  })
  .describe("your own trajectories, in a JSON or YAML file");

/**
 * A caseload export in CSV, read by the loader's CSV hook.
 * @category Scenarios
 */
export const CsvCaseloadSchema = z
  .strictObject({
    csv: FilePath.describe("a CSV caseload export, one row per trajectory, relative to the scenario file's folder"),
    useCsv: FilePath.optional().describe(
      "a CSV file with one row per trajectory-month of use, relative to the scenario file's folder; without it, the trajectory rows carry the use",
    ),
    mapping: CsvMappingSchema.optional().describe(
      "how to read the export: columns (field → header in the trajectories CSV), useColumns (id, month, use → headers in the use CSV), values (the export's codes → ours, per careForm, unit, outcome), delimiter (';', ',' or a tab; default: detected), dateFormat (jjjj-mm, jjjj-mm-dd, dd-mm-jjjj, mm-jjjj, excel), decimalComma, useScale (per unit code, e.g. { \"04\": 60 } for hours given as hours), missingUse ('zero' or 'error')",
    ),
    onInvalidRow: z
      .enum(["stop", "skip"])
      .optional()
      .describe("'stop' (default): a bad row stops with every issue; 'skip': the good rows are compared and the bad ones written to the rejects files with their reason"),
    rejects: FilePath.optional().describe(
      "with onInvalidRow 'skip': where the rejected trajectory rows go, relative to the scenario file's folder (default: next to the CSV, as <name>-afgewezen.csv; rejected use rows as <use name>-afgewezen.csv)",
    ),
    maxRows: z
      .int()
      .min(1)
      .optional()
      .describe("the most lines each CSV file may have (default 2,000,000; the import holds about a kilobyte per row): raise it for a larger export when the machine has the memory"),
    window: Window,
    ...knownNames,
  })
  .describe("a caseload export in CSV");

/**
 * The caseload section: exactly one of `spec`, `records`, `recordsFile`, `csv`.
 * @category Scenarios
 */
export const ScenarioCaseloadSchema = z
  .union([SpecCaseloadSchema, RecordsCaseloadSchema, RecordsFileCaseloadSchema, CsvCaseloadSchema])
  .describe("the caseload compared: a synthetic spec, trajectory records, a records file or a CSV export (exactly one)");

/** The caseload section's options, by the key that picks each (in the union's order), for errors. */
export const CASELOAD_UNION: KeyedUnion = {
  path: ["caseload"],
  keys: [
    { key: "spec", means: "a synthetic caseload" },
    { key: "records", means: "trajectories" },
    { key: "recordsFile", means: "a JSON or YAML file of them" },
    { key: "csv", means: "a caseload export" },
  ],
};

/**
 * The comparison options: those of `compare`, every field described there, no unknown fields.
 * @category Scenarios
 */
export const ScenarioOptionsSchema = CompareOptionsSchema;

/**
 * Schema of a comparison scenario (`kind: "comparison"`, the default): caseload, funding models,
 * funding streams and comparison options.
 * @category Scenarios
 */
export const ComparisonScenarioSchema = z
  .strictObject({
    ...SCENARIO_HEADER,
    kind: z
      .literal("comparison")
      .optional()
      .describe('"comparison" (the default): funding models compared on a caseload; the other kinds are grantPool and recoveryInitiative'),
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
    reforms: z
      .array(ReformSchema)
      .optional()
      .describe(
        "reforms stacked on this scenario (the baseline), each a set of changes at paths of the scenario (models[1].tariffs[0].tariff, options.behaviour, caseload.spec.profiles[0].arrivalsPerMonth); each reform is compared on the same seeds and shown as the change from the step before",
      ),
    sensitivity: SensitivityOptionsSchema.optional().describe(
      "a one-way sensitivity (tornado) of the uncertain parameters — each at its P5 and P95, the others at their mean, on the first run's caseload — and optionally a two-way grid",
    ),
  })
  .describe("A jeugdhulp-bekostiging scenario: a caseload, the funding models compared on it, funding streams and the comparison options.");

// ─── Types ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A caseload section: a synthetic spec.
 * @category Scenarios
 */
export interface SpecCaseloadSection {
  /** The spec; any number in it may be a distribution (drawn per run). */
  readonly spec: Uncertain<CaseloadSpecInput>;
}
/**
 * A caseload section: trajectory records in the scenario.
 * @category Scenarios
 */
export interface RecordsCaseloadSection extends KnownNames {
  readonly records: readonly TrajectoryInput[];
  readonly window: HorizonInput;
}
/**
 * A caseload section: a JSON or YAML file of trajectory records (resolved by the loader).
 * @category Scenarios
 */
export interface RecordsFileCaseloadSection extends KnownNames {
  readonly recordsFile: string;
  readonly window: HorizonInput;
}
/**
 * A caseload section: a CSV export (read by the loader's CSV hook).
 * @category Scenarios
 */
export interface CsvCaseloadSection extends KnownNames {
  readonly csv: string;
  readonly useCsv?: string;
  /** The CSV importer's mapping (columns, useColumns, values, delimiter, dateFormat, decimalComma, useScale, missingUse), checked with the scenario. */
  readonly mapping?: CsvMappingInput;
  /** `"stop"` (default) or `"skip"`: keep the good rows and write the bad ones to {@link rejects}. */
  readonly onInvalidRow?: "stop" | "skip";
  /** Where rejected trajectory rows are written (default: next to the CSV as `<name>-afgewezen.csv`). */
  readonly rejects?: string;
  /** The most lines each CSV file may have (default `DEFAULT_MAX_CSV_ROWS`, 2,000,000). */
  readonly maxRows?: number;
  readonly window: HorizonInput;
}
/**
 * The caseload section of a scenario: exactly one of `spec`, `records`, `recordsFile`, `csv`.
 * @category Scenarios
 */
export type ScenarioCaseload = SpecCaseloadSection | RecordsCaseloadSection | RecordsFileCaseloadSection | CsvCaseloadSection;

/**
 * The comparison options of a scenario, defaults filled in; numbers other than horizon, seed and runs may be distributions.
 * @category Scenarios
 */
export type ScenarioOptions = Uncertain<CompareOptions> & {
  readonly paymentLagMonths: number;
  readonly seed: number;
  readonly runs: number;
  readonly keepProjections: boolean | "lines";
};

/**
 * A comparison scenario as written in a file (the input of `parseScenario`).
 * @category Scenarios
 */
export interface ComparisonScenarioInput extends ScenarioHeader {
  readonly kind?: "comparison";
  readonly caseload: ScenarioCaseload;
  readonly models: readonly Uncertain<ModelConfig>[];
  readonly streams?: readonly FundingStreamInput[];
  readonly options?: Uncertain<CompareOptions>;
  readonly reforms?: readonly Reform[];
  readonly sensitivity?: SensitivityOptions;
}

/**
 * A validated comparison scenario (`parseScenario`), itself a valid scenario input (parsing it
 * again gives the same). The scenario's own defaults are filled in — `kind`, `streams: []`, `options` with
 * `paymentLagMonths`, `seed`, `runs`, `keepProjections` — and the caseload section's (record and
 * spec defaults, trimmed names). Models, streams, cost prices and budget stay as written (money as
 * euro strings): the core functions parse them again, fill their defaults there and would refuse
 * amounts already converted to cents.
 * @category Scenarios
 */
export interface ComparisonScenarioDefinition extends ScenarioHeader {
  readonly kind: "comparison";
  readonly caseload: ScenarioCaseload;
  readonly models: readonly Uncertain<ModelConfig>[];
  readonly streams: readonly FundingStreamInput[];
  readonly options: ScenarioOptions;
  /** Reforms stacked on the scenario, each compared on the same seeds. */
  readonly reforms?: readonly Reform[];
  /** A one-way (tornado) and optional two-way sensitivity of the uncertain parameters. */
  readonly sensitivity?: SensitivityOptions;
}

// ─── Parsing ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Validates a comparison scenario and fills in its defaults (`parseScenario` picks this by kind).
 * Pure: `caseload.recordsFile` and `caseload.csv` are checked but not read (the node loader
 * `loadScenario` reads them).
 */
export function safeParseComparisonScenario(input: unknown, source: string): ScenarioSafeResult<ComparisonScenarioDefinition> {
  const fail = (issues: readonly Issue[]) => ({ success: false as const, issues: issues.map((i) => ({ ...i, source })) });
  const uncertain = uncertainNodes(input);
  if (uncertain.issues.length > 0) return fail(uncertain.issues);
  // Distribution nodes stand for numbers: the scenario is checked with each at its centre.
  const checked = uncertain.centre;
  const r = ComparisonScenarioSchema.safeParse(checked);
  if (!r.success) return fail(scenarioIssues(r.error.issues, checked, [CASELOAD_UNION]));
  const raw = input as Record<string, unknown>;
  const p = r.data;
  const rawOptions = (raw["options"] ?? {}) as ScenarioOptions;
  // The scenario's plain defaults from the parsed output; money (cost prices, budget) and distributions as written.
  const options: ScenarioOptions = {
    ...rawOptions,
    ...(p.options.horizon ? { horizon: p.options.horizon } : {}),
    paymentLagMonths: isDistributionNode(rawOptions.paymentLagMonths) ? rawOptions.paymentLagMonths : p.options.paymentLagMonths,
    seed: p.options.seed,
    runs: p.options.runs,
    keepProjections: p.options.keepProjections,
  };
  const rawCaseload = raw["caseload"] as Record<string, unknown>;
  return {
    success: true,
    output: {
      ...headerOf(p),
      kind: "comparison",
      // The caseload section has no money: its parsed output (defaults filled, names trimmed) is valid
      // input again — unless its spec holds distributions, which must stay as written.
      caseload: (uncertain.inSpec ? { spec: rawCaseload["spec"] } : withoutUndefined(p.caseload)) as ScenarioCaseload,
      models: raw["models"] as ComparisonScenarioDefinition["models"],
      streams: (raw["streams"] ?? []) as FundingStreamInput[],
      options,
      ...(raw["reforms"] !== undefined ? { reforms: raw["reforms"] as Reform[] } : {}),
      ...(raw["sensitivity"] !== undefined ? { sensitivity: raw["sensitivity"] as SensitivityOptions } : {}),
    },
  };
}


/**
 * The distribution nodes of a scenario input: refused where a value must be fixed (a horizon, a
 * stream, a record — only the caseload spec, the models, the options other than horizon, seed,
 * runs and keepProjections, and a reform's values may be uncertain), each validated, and the input
 * with every node outside the reforms at its centre. Reforms' values are checked when they run.
 */
function uncertainNodes(input: unknown): { issues: Issue[]; centre: unknown; inSpec: boolean } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { issues: [], centre: input, inSpec: false };
  const raw = input as Record<string, unknown>;
  const issues: Issue[] = [];
  const allowed = (path: readonly (string | number)[]): boolean =>
    (path[0] === "caseload" && path[1] === "spec") ||
    path[0] === "models" ||
    (path[0] === "options" && typeof path[1] === "string" && !FIXED_OPTIONS.has(path[1])) ||
    (path[0] === "reforms" && path[2] === "changes" && path[4] === "value");
  const all = distributionPaths(raw);
  for (const path of all.filter((x) => !allowed(x))) {
    issues.push({ code: "invalid_type", path, message: "a distribution cannot stand here: only numbers of the caseload spec, the models, the options (not horizon, seed, runs, keepProjections) and reform values may be uncertain" });
  }
  if (all.length === 0 || issues.length > 0) return { issues, centre: input, inSpec: false };
  const caseload = raw["caseload"] as Record<string, unknown> | undefined;
  const tree = { caseload: { spec: caseload?.["spec"] }, models: raw["models"], options: raw["options"] };
  try {
    findUncertain(tree);
  } catch (e) {
    if (e instanceof FundingInputError) return { issues: [...e.issues], centre: input, inSpec: false };
    throw e;
  }
  const centre = resolveUncertain(tree) as typeof tree;
  const inSpec = distributionPaths(tree.caseload).length > 0;
  return {
    issues: [],
    centre: {
      ...raw,
      ...(caseload && inSpec ? { caseload: { ...caseload, spec: centre.caseload.spec } } : {}),
      ...(raw["models"] !== undefined ? { models: centre.models } : {}),
      ...(raw["options"] !== undefined ? { options: centre.options } : {}),
    },
    inSpec,
  };
}

/** How many distribution nodes a definition's caseload spec, models and options hold. */
function nodeCount(d: ComparisonScenarioDefinition): number {
  return distributionPaths({ caseload: d.caseload, models: d.models, options: d.options }).length;
}


// ─── Running ─────────────────────────────────────────────────────────────────────────────────────

/**
 * What the funding streams covered of one model's payments.
 * @category Scenarios
 */
export interface ModelStreams {
  /** The model's column label in the comparison. */
  readonly label: string;
  readonly result: StreamsResult;
}

/**
 * Result of a comparison scenario (`runScenario`). Plain data with integer cents, JSON-safe —
 * except, with `options.keepProjections`, `comparison.models[i].projection`, whose breakdowns and
 * waiting counts are typed arrays (Float64Array, Int32Array) that JSON.stringify renders as objects.
 * @category Scenarios
 */
export interface ComparisonScenarioResult extends ScenarioResultHeader {
  readonly kind: "comparison";
  /** The comparison of the models, as `compare` returns it. */
  readonly comparison: Comparison;
  /**
   * Per model (in the comparison's order), what the funding streams covered and what is left for
   * own means; null when the scenario has no streams or several runs (streams follow one run's lines).
   */
  readonly streams: readonly ModelStreams[] | null;
  /** What the analyst should know about the run itself (e.g. streams skipped for several runs), in English. */
  readonly warnings: readonly string[];
  /** The same warnings in English and Dutch. */
  readonly notices: readonly Notice[];
  /** The scenario and its reforms, step by step (the first step's comparison is `comparison`); null without reforms. */
  readonly reforms: ReformsResult | null;
  /** The tornado (and two-way grid) of the uncertain parameters; null unless the scenario asks for it. */
  readonly sensitivity: SensitivityAnalysis | null;
}

/** Where a core error's paths sit inside a scenario, by the error's subject. */
export const SUBJECT_PATHS: Readonly<Record<string, readonly (string | number)[]>> = {
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

/** The caseload a scenario's definition holds: its spec, or its records built; files need the loader. */
function caseloadOf(c: ScenarioCaseload, maxTrajectoryMonths: number | undefined): Caseload | Uncertain<CaseloadSpecInput> {
  if ("spec" in c) return c.spec;
  if ("records" in c) return caseloadFromRecords(c.records, recordsOptions(c, maxTrajectoryMonths));
  const key = "recordsFile" in c ? "recordsFile" : "csv";
  throw new FundingInputError("scenario", [
    {
      code: "unresolved_file",
      path: ["caseload", key],
      message: `the caseload is in a file: read the scenario with loadScenario (jeugdhulp-bekostiging/node), or pass the caseload in a ResolvedScenario`,
    },
  ]);
}

/** The work limits a scenario's options set (`maxTrajectoryMonths`, `maxTrajectories`), for every caseload it builds or reads. */
export function scenarioWorkLimits(options: ScenarioOptions): { maxTrajectoryMonths?: number; maxTrajectories?: number } {
  const { maxTrajectoryMonths: months, maxTrajectories: trajectories } = options as { maxTrajectoryMonths?: unknown; maxTrajectories?: unknown };
  return { ...(typeof months === "number" ? { maxTrajectoryMonths: months } : {}), ...(typeof trajectories === "number" ? { maxTrajectories: trajectories } : {}) };
}

/**
 * The options of `caseloadFromRecords` from a records section: its window and known names, and
 * the scenario's `options.maxTrajectoryMonths` when given (the default limit otherwise).
 * @category Scenarios
 */
export function recordsOptions(c: RecordsCaseloadSection | RecordsFileCaseloadSection | CsvCaseloadSection, maxTrajectoryMonths?: number): FromRecordsOptions {
  const names = (["municipalities", "providers", "profiles", "intensities", "ageGroups", "targetGroups"] as const).filter((k) => c[k] !== undefined);
  return { window: c.window, ...Object.fromEntries(names.map((k) => [k, c[k]])), ...(maxTrajectoryMonths === undefined ? {} : { maxTrajectoryMonths }) };
}

/**
 * Runs a comparison scenario: `compare` over its caseload and models with its options; with
 * reforms, each reform stacked on it; with `sensitivity`, the tornado of its uncertain parameters;
 * and — when it has funding streams, a single run and no distributions — `applyStreams` to each
 * model's payment lines. Every input error is a {@link ScenarioInputError} naming the source and
 * the path inside the scenario. `onRun` is called after each run (a progress bar).
 */
export function runComparisonScenario(resolved: ResolvedScenario<ComparisonScenarioDefinition>, source: string, onRun?: OnRun): ComparisonScenarioResult {
  return atScenarioPath(
    source,
    () => driveComparisons(comparisonScenarioSteps(resolved), (x) => compare(x.caseload, x.models, x.options, progressOf(onRun, x.step, resolved))),
    resolved.locate,
    SUBJECT_PATHS,
  );
}

/** The caseload a comparison scenario compares on: the one resolved with it, or its spec or records. */
function scenarioCaseload(resolved: ResolvedScenario<ComparisonScenarioDefinition>): Caseload | Uncertain<CaseloadSpecInput> {
  return resolved.caseload ?? caseloadOf(resolved.definition.caseload, scenarioWorkLimits(resolved.definition.options).maxTrajectoryMonths);
}

/**
 * The scenario with its caseload built when it is given as records in the scenario itself, so
 * drivers that read it more than once (the comparisons, then the sensitivity analysis) build it once.
 */
export function withCaseloadBuilt(resolved: ResolvedScenario<ComparisonScenarioDefinition>): ResolvedScenario<ComparisonScenarioDefinition> {
  if (resolved.caseload !== null) return resolved;
  const given = scenarioCaseload(resolved);
  return isCaseload(given) ? { ...resolved, caseload: given } : resolved;
}

/** The inputs of a comparison scenario's sensitivity analysis (those of `sensitivity`), or null when it asks for none. */
export function scenarioSensitivityInputs(resolved: ResolvedScenario<ComparisonScenarioDefinition>): {
  readonly caseload: Caseload | Uncertain<CaseloadSpecInput>;
  readonly models: ComparisonScenarioDefinition["models"];
  readonly options: Uncertain<CompareOptions>;
  readonly sensitivity: SensitivityOptions;
} | null {
  const d = resolved.definition;
  return d.sensitivity ? { caseload: scenarioCaseload(resolved), models: d.models, options: d.options as Uncertain<CompareOptions>, sensitivity: d.sensitivity } : null;
}

/** Progress over every comparison of a scenario: the baseline's runs, then each reform's. */
export function progressOf(onRun: OnRun | undefined, step: number, resolved: ResolvedScenario<ComparisonScenarioDefinition>): OnRun | undefined {
  const steps = stepsOf(resolved);
  return onRun ? (done, total) => onRun(step * total + done, steps * total) : undefined;
}

/** Progress of a scenario's sensitivity runs, counted on after every comparison's runs. */
export function sensitivityProgressOf(onRun: OnRun | undefined, resolved: ResolvedScenario<ComparisonScenarioDefinition>): OnRun | undefined {
  const before = stepsOf(resolved) * resolved.definition.options.runs;
  return onRun ? (done, total) => onRun(before + done, before + total) : undefined;
}

/** The comparisons of a scenario: the baseline and each reform. */
const stepsOf = (resolved: ResolvedScenario<ComparisonScenarioDefinition>): number => 1 + (resolved.definition.reforms?.length ?? 0);

/**
 * The comparisons a comparison scenario needs, asked for one by one (so a driver may run them in
 * this thread or over worker threads), and the scenario's result built from them. With
 * `analyse: false` its sensitivity analysis is left out (`sensitivity: null`), for a driver that
 * makes it itself from {@link scenarioSensitivityInputs}.
 */
export function* comparisonScenarioSteps(resolved: ResolvedScenario<ComparisonScenarioDefinition>, analyse = true): Generator<CompareRequest, ComparisonScenarioResult, Comparison> {
  const d = resolved.definition;
  const given = scenarioCaseload(resolved);
  const options = d.options as Uncertain<CompareOptions>;
  const notices: Notice[] = [...(resolved.importNotices ?? [])];
  const said = (): { warnings: string[]; notices: Notice[] } => ({ warnings: notices.map((n) => n.en), notices });
  const uncertain = nodeCount(d) > 0;
  const head = { kind: "comparison" as const, name: d.name ?? null, source: resolved.source };
  const analysis = (): SensitivityAnalysis | null => (analyse && d.sensitivity ? sensitivity(given, d.models, options, d.sensitivity) : null);
  if (d.reforms && d.reforms.length > 0) {
    if (d.streams.length > 0) {
      notices.push({
        en: "funding streams are not applied to a scenario with reforms: compare the streams in the baseline scenario alone",
        nl: "regelingen worden niet toegepast in een scenario met hervormingen: vergelijk de regelingen in het basisscenario alleen",
      });
    }
    // Paths in a scenario name the spec under caseload.spec; the comparison's caseload is the spec itself.
    const reforms = d.reforms.map((r) => ({ ...r, changes: r.changes.map((c) => ({ ...c, path: c.path.replace(/^caseload\.spec(?=[.[]|$)/, "caseload") })) }));
    const result: ReformsResult = yield* reformSteps(given, d.models, options, reforms);
    return { ...head, comparison: result.steps[0]!.comparison, streams: null, ...said(), reforms: result, sensitivity: analysis() };
  }
  if (d.streams.length === 0 || d.options.runs > 1 || uncertain) {
    if (d.streams.length > 0) {
      const why = uncertain ? "it has uncertain parameters (distributions)" : `it has ${d.options.runs} runs`;
      const waarom = uncertain ? "onzekere parameters (verdelingen)" : `${d.options.runs} runs`;
      notices.push({
        en: `funding streams are applied to a single run without uncertain parameters; this scenario ${why}, so they were not applied`,
        nl: `regelingen worden toegepast op één run zonder onzekere parameters; dit scenario heeft ${waarom}, dus ze zijn niet toegepast`,
      });
    }
    const comparison: Comparison = yield { caseload: given, models: d.models, options, step: 0 };
    return { ...head, comparison, streams: null, ...said(), reforms: null, sensitivity: analysis() };
  }
  // One run with streams: the caseload is generated here (applyStreams needs it), and compare keeps
  // each model's projection with its payment lines, which the streams are applied to.
  const spec = isCaseload(given) ? null : (given as CaseloadSpecInput);
  const caseload: Caseload = spec ? generateCaseload(spec, d.options.seed) : (given as Caseload);
  // The seed stays: behaviour responses draw from it.
  const { runs: _runs, ...fixed } = d.options;
  const compared: Comparison = yield { caseload, models: d.models, options: { ...fixed, keepProjections: "lines" } as Uncertain<CompareOptions>, step: 0 };
  const streams = compared.models.map((m): ModelStreams => ({ label: m.label, result: applyStreams(m.delivered ?? caseload, m.projection!, d.streams) }));
  const comparison: Comparison = {
    ...compared,
    // As compare reports a generated caseload: its seed.
    seeds: spec ? [d.options.seed] : compared.seeds,
    // The lines were for the streams; the projections stay only when the scenario asks for them.
    models: compared.models.map((m) => ({
      ...m,
      projection: d.options.keepProjections ? { ...m.projection!, ledger: null } : null,
      delivered: d.options.keepProjections ? m.delivered : null,
    })),
  };
  return { ...head, comparison, streams, ...said(), reforms: null, sensitivity: analysis() };
}


