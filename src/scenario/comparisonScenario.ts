import { z } from "zod";
import { CsvMappingSchema, type CsvMappingInput } from "../csv/caseloadCsv.js";
import { isCaseload, type Caseload } from "../caseload/caseload.js";
import { generateCaseload } from "../caseload/generate.js";
import { NameSchema } from "../caseload/names.js";
import { caseloadFromRecords, TrajectoryInputSchema, type FromRecordsOptions, type KnownNames, type TrajectoryInput } from "../caseload/records.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError } from "../errors.js";
import { compare, CompareOptionsSchema, type CompareOptions, type Comparison, type OnRun } from "../metrics/compare.js";
import { ModelConfigSchema, type ModelConfig } from "../models/index.js";
import { HorizonSchema, type HorizonInput } from "../period.js";
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

/** The comparison options: those of `compare`, every field described there, no unknown fields. */
export const ScenarioOptionsSchema = CompareOptionsSchema;

/**
 * Schema of a comparison scenario (`kind: "comparison"`, the default): caseload, funding models,
 * funding streams and comparison options.
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
  readonly keepProjections: boolean | "lines";
};

/** A comparison scenario as written in a file (the input of `parseScenario`). */
export interface ComparisonScenarioInput extends ScenarioHeader {
  readonly kind?: "comparison";
  readonly caseload: ScenarioCaseload;
  readonly models: readonly ModelConfig[];
  readonly streams?: readonly FundingStreamInput[];
  readonly options?: CompareOptions;
}

/**
 * A validated comparison scenario (`parseScenario`), itself a valid scenario input (parsing it
 * again gives the same). The scenario's own defaults are filled in — `kind`, `streams: []`, `options` with
 * `paymentLagMonths`, `seed`, `runs`, `keepProjections` — and the caseload section's (record and
 * spec defaults, trimmed names). Models, streams, cost prices and budget stay as written (money as
 * euro strings): the core functions parse them again, fill their defaults there and would refuse
 * amounts already converted to cents.
 */
export interface ComparisonScenarioDefinition extends ScenarioHeader {
  readonly kind: "comparison";
  readonly caseload: ScenarioCaseload;
  readonly models: readonly ModelConfig[];
  readonly streams: readonly FundingStreamInput[];
  readonly options: ScenarioOptions;
}

// ─── Parsing ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Validates a comparison scenario and fills in its defaults (`parseScenario` picks this by kind).
 * Pure: `caseload.recordsFile` and `caseload.csv` are checked but not read (the node loader
 * `loadScenario` reads them).
 */
export function safeParseComparisonScenario(input: unknown, source: string): ScenarioSafeResult<ComparisonScenarioDefinition> {
  const r = ComparisonScenarioSchema.safeParse(input);
  if (!r.success) return { success: false, issues: scenarioIssues(r.error.issues, input, [CASELOAD_UNION]).map((i) => ({ ...i, source })) };
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
      ...headerOf(p),
      kind: "comparison",
      // The caseload section has no money: its parsed output (defaults filled, names trimmed) is valid input again.
      caseload: withoutUndefined(p.caseload) as ScenarioCaseload,
      models: raw["models"] as ModelConfig[],
      streams: (raw["streams"] ?? []) as FundingStreamInput[],
      options,
    },
  };
}

// ─── Running ─────────────────────────────────────────────────────────────────────────────────────

/** What the funding streams covered of one model's payments. */
export interface ModelStreams {
  /** The model's column label in the comparison. */
  readonly label: string;
  readonly result: StreamsResult;
}

/**
 * Result of a comparison scenario (`runScenario`). Plain data with integer cents, JSON-safe —
 * except, with `options.keepProjections`, `comparison.models[i].projection`, whose breakdowns and
 * waiting counts are typed arrays (Float64Array, Int32Array) that JSON.stringify renders as objects.
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
  /** What the analyst should know about the run itself (e.g. streams skipped for several runs). */
  readonly warnings: readonly string[];
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
 * Runs a comparison scenario: `compare` over its caseload and models with its options, and — when
 * it has funding streams and a single run — `applyStreams` to each model's payment lines (a second
 * projection with `lines: true` on the same caseload). Every input error is a
 * {@link ScenarioInputError} naming the source and the path inside the scenario. `onRun` is called
 * after each run (a progress bar).
 */
export function runComparisonScenario(resolved: ResolvedScenario<ComparisonScenarioDefinition>, source: string, onRun?: OnRun): ComparisonScenarioResult {
  const d = resolved.definition;
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
      return { kind: "comparison", name: d.name ?? null, source: resolved.source, comparison, streams: null, warnings };
    }
    // One run with streams: the caseload is generated here (applyStreams needs it), and compare keeps
    // each model's projection with its payment lines, which the streams are applied to.
    const spec = isCaseload(given) ? null : given;
    const caseload: Caseload = spec ? generateCaseload(spec, d.options.seed) : (given as Caseload);
    // The seed stays: behaviour responses draw from it.
    const { runs: _runs, ...fixed } = d.options;
    const compared = compare(caseload, d.models, { ...fixed, keepProjections: "lines" }, onRun);
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
    return { kind: "comparison", name: d.name ?? null, source: resolved.source, comparison, streams, warnings };
    },
    resolved.locate,
    SUBJECT_PATHS,
  );
}

