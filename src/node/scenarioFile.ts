import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Caseload } from "../caseload/caseload.js";
import { caseloadFromRecords } from "../caseload/records.js";
import { FundingInputError, type Issue } from "../errors.js";
import { recordsOptions, scenarioWorkLimits, SUBJECT_PATHS, type CsvCaseloadSection } from "../scenario/comparisonScenario.js";
import { locateIssues, scenarioErrorOf, ScenarioInputError, type Locator, type ScenarioIssue, type ScenarioSafeResult } from "../scenario/scenarioBase.js";
import {
  safeParseScenario,
  type ResolvedScenario,
  type ScenarioDefinition,
  type ScenarioDefinitionOf,
  type ScenarioKind,
} from "../scenario/scenarioSchema.js";
import { assertInside, checkMaxFileBytes, realOf, DEFAULT_MAX_FILE_BYTES, FileRefusal, readBoundedFile } from "./fileAccess.js";
import { formatOfPath, parseDataText } from "./scenarioText.js";
import { asNotice, type Notice } from "../locale/notice.js";

/*
 * Scenario files on disk (node only): read JSON or YAML, validate, and read the files a scenario
 * names (a records file, a CSV export) relative to the scenario's folder. Every error is a
 * ScenarioInputError naming the file, the line and column, the path inside it and the reason.
 */

/**
 * Reads a CSV caseload for a scenario (`caseload: { csv: … }`): the CSV importer, passed in by the
 * caller. `section.csv` and `section.useCsv` are absolute paths, already checked to be inside the
 * scenario's folder (unless `allowOutside`); `context.maxFileBytes` is the size limit to read them
 * with. A {@link FundingInputError} it throws is reported against the CSV file.
 * @category Node: files, CLI and workers
 */
export type CsvCaseloadLoader = (
  section: CsvCaseloadSection,
  context: {
    readonly scenarioFile: string;
    readonly maxFileBytes?: number;
    /** The scenario's `options.maxTrajectoryMonths`, for the import's work limit. */
    readonly maxTrajectoryMonths?: number;
  },
) => CsvCaseloadLoaded | Promise<CsvCaseloadLoaded>;

/**
 * What a {@link CsvCaseloadLoader} gives: the caseload, or the caseload and what the import reported without stopping.
 * @category Node: files, CLI and workers
 */
export type CsvCaseloadLoaded = Caseload | { readonly caseload: Caseload; readonly warnings: readonly (string | Notice)[] };

/**
 * Options of {@link loadScenario}.
 * @category Node: files, CLI and workers
 */
export interface LoadScenarioOptions<K extends ScenarioKind = ScenarioKind> {
  /** Reads `caseload.csv`; without it a CSV caseload is an error that says so. */
  readonly loadCsv?: CsvCaseloadLoader;
  /** The kind of scenario expected: a file of another kind is an error, and the result has this kind's type. */
  readonly kind?: K;
  /**
   * Let the scenario name files outside its own folder (`recordsFile`, `csv`, `useCsv`, `rejects`).
   * Default false: a path that leads out of the folder — by `..`, as an absolute path or through a
   * symlink (both resolved with fs.realpath) — is refused, so a scenario from elsewhere cannot read
   * (and echo in its errors) any file on the machine.
   */
  readonly allowOutside?: boolean;
  /** The largest file read, in bytes (the scenario and every file it names); default {@link DEFAULT_MAX_FILE_BYTES} (200 MB). */
  readonly maxFileBytes?: number;
}

/**
 * Reads a scenario file (.json, .yaml or .yml), validates it, fills in its defaults and reads the
 * caseload file it names (`recordsFile`, or `csv` through `options.loadCsv`), relative to the
 * scenario's folder. The result runs with `runScenario`. Throws {@link ScenarioInputError}: e.g.
 * `scenarios/region.json:14:9: models[1].tariffs[0].tariff: must not be negative`,
 * `scenarios/broken.yaml:3:1: YAML syntax error: …`.
 * @example
 * ```ts
 * import { runScenario } from "jeugdhulp-bekostiging";
 * import { loadCsvCaseload, loadScenario } from "jeugdhulp-bekostiging/node";
 *
 * // A file shipped in the package's scenarios/ (run from its folder); loadCsv reads a `csv` caseload.
 * const scenario = await loadScenario("scenarios/quick-start.json", { kind: "comparison", loadCsv: loadCsvCaseload });
 * const { comparison } = runScenario(scenario);
 * console.log(comparison.models.map((m) => m.metrics.totalPaid)); // → [ 5593000, 3375000 ] (cents)
 * ```
 * @category Node: files, CLI and workers
 */
export async function loadScenario<K extends ScenarioKind = ScenarioKind>(
  file: string,
  options: LoadScenarioOptions<K> = {},
): Promise<ResolvedScenario<ScenarioDefinitionOf<NoInfer<K>>>> {
  if (options.maxFileBytes !== undefined) checkMaxFileBytes(options.maxFileBytes);
  const definition = await readScenario<K>(file, options.kind, options);
  const read = await readCaseload(file, definition.value, options, definition.locate);
  const caseload = read === null || "size" in read ? read : read.caseload;
  const importNotices = read === null || "size" in read ? [] : read.warnings.map(asNotice);
  return { source: file, definition: definition.value, caseload, ...(importNotices.length > 0 ? { importNotices } : {}), locate: definition.locate };
}

/**
 * {@link loadScenario} that returns the issues (file, line, column, path, reason) as a value instead of throwing.
 * @category Node: files, CLI and workers
 */
export async function safeLoadScenario<K extends ScenarioKind = ScenarioKind>(
  file: string,
  options: LoadScenarioOptions<K> = {},
): Promise<ScenarioSafeResult<ResolvedScenario<ScenarioDefinitionOf<NoInfer<K>>>>> {
  try {
    return { success: true, output: await loadScenario(file, options) };
  } catch (e) {
    if (e instanceof ScenarioInputError) return { success: false, issues: e.issues, ...(e.omittedIssues > 0 ? { omittedIssues: e.omittedIssues } : {}) };
    throw e;
  }
}

/**
 * Reads and validates a scenario file (of the `kind` expected, if given) without reading the
 * caseload files it names (for `validate`). The file must be a regular file within
 * `limits.maxFileBytes` (default {@link DEFAULT_MAX_FILE_BYTES}).
 * @category Node: files, CLI and workers
 */
export async function readScenario<K extends ScenarioKind = ScenarioKind>(
  file: string,
  kind?: K,
  limits: { readonly maxFileBytes?: number } = {},
): Promise<{ readonly value: ScenarioDefinitionOf<NoInfer<K>>; readonly locate: Locator }> {
  const { data, locate, explain } = await readDataFile(file, file, limits.maxFileBytes);
  const r = safeParseScenario<K>(data, kind === undefined ? { source: file } : { source: file, kind });
  if (!r.success) throw new ScenarioInputError(file, locateIssues(explain(r.issues), locate));
  return { value: r.output, locate };
}

/**
 * Reads a JSON or YAML file (by its extension) named `source` in messages: its data and a locator
 * for paths inside it. Throws {@link ScenarioInputError} when it cannot be read (not a regular
 * file, larger than `maxFileBytes`) or parsed.
 */
export async function readDataFile(
  file: string,
  source: string,
  maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
): Promise<{ readonly data: unknown; readonly locate: Locator; readonly explain: (issues: readonly ScenarioIssue[]) => ScenarioIssue[] }> {
  const format = formatOfPath(file);
  if (!format) {
    const ext = /\.[^./\\]*$/.exec(file)?.[0];
    throw new ScenarioInputError(source, [
      { code: "unknown_format", path: [], message: `${ext ? `unknown file type "${ext}"` : "no file extension"}: expected .json, .yaml or .yml` },
    ]);
  }
  let text: string;
  try {
    text = readBoundedFile(file, maxFileBytes).toString("utf8");
  } catch (e) {
    const code = e instanceof FileRefusal ? e.code : "unreadable_file";
    throw new ScenarioInputError(source, [{ code, path: [], message: `cannot read the file: ${ioReason(e)}` }]);
  }
  const parsed = parseDataText(text, format, source);
  if (!parsed.success) throw new ScenarioInputError(source, parsed.issues);
  return { data: parsed.data, locate: parsed.locate, explain: parsed.explain };
}

/** A file-system error in words. */
function ioReason(e: unknown): string {
  if (e instanceof FileRefusal) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (e as Error).message;
}

/** A path the scenario names, for reading (absolute) and for messages (as the user would type it). */
function relativeTo(scenarioFile: string, path: string): { readonly absolute: string; readonly display: string } {
  return {
    absolute: resolve(dirname(resolve(scenarioFile)), path),
    display: isAbsolute(path) ? path : join(dirname(scenarioFile), path),
  };
}

/**
 * Refuses a path the scenario names at `field` that leads outside the scenario's folder (unless
 * `allowOutside`): an issue of the scenario file, at the field and its line.
 */
function confine(file: string, at: { readonly absolute: string; readonly display: string }, field: string, options: LoadScenarioOptions, locate: Locator): void {
  if (options.allowOutside) return;
  try {
    assertInside(at.absolute, dirname(resolve(file)));
  } catch (e) {
    if (!(e instanceof FileRefusal)) throw e;
    throw new ScenarioInputError(file, locateIssues([{ code: e.code, path: ["caseload", field], message: e.message.replace(at.absolute, at.display) }], locate));
  }
}


/** The caseload a scenario names in a file, read; null when the scenario holds it (a spec or records). */
async function readCaseload(file: string, d: ScenarioDefinition, options: LoadScenarioOptions, locateScenario: Locator): Promise<CsvCaseloadLoaded | null> {
  if (d.kind !== "comparison") return null;
  const c = d.caseload;
  const limit = scenarioWorkLimits(d.options).maxTrajectoryMonths;
  if ("recordsFile" in c) {
    const at = relativeTo(file, c.recordsFile);
    confine(file, at, "recordsFile", options, locateScenario);
    const { data, locate, explain } = await readDataFile(at.absolute, at.display, options.maxFileBytes);
    if (!Array.isArray(data)) {
      throw new ScenarioInputError(at.display, locateIssues([{ code: "invalid_type", path: [], message: "expected an array of trajectories" }], locate));
    }
    try {
      return caseloadFromRecords(data, recordsOptions(c, limit));
    } catch (e) {
      if (!(e instanceof FundingInputError)) throw e;
      // The records' own errors are in the records file; the window's in the scenario.
      if (e.subject === "caseload records" || e.subject === "caseload") {
        throw new ScenarioInputError(at.display, locateIssues(explain(e.issues.map((i) => ({ ...i, source: at.display }))), locate), e.omittedIssues);
      }
      throw scenarioErrorOf(file, e, SUBJECT_PATHS);
    }
  }
  if ("csv" in c) {
    const csv = relativeTo(file, c.csv);
    if (!options.loadCsv) {
      throw new ScenarioInputError(file, [
        { code: "no_csv_loader", path: ["caseload", "csv"], message: `reading the CSV caseload ${csv.display} needs a CSV importer: pass loadCsv to loadScenario` },
      ]);
    }
    const useCsv = c.useCsv === undefined ? undefined : relativeTo(file, c.useCsv);
    const rejectsAt = c.rejects === undefined ? undefined : relativeTo(file, c.rejects);
    confine(file, csv, "csv", options, locateScenario);
    if (useCsv) confine(file, useCsv, "useCsv", options, locateScenario);
    if (rejectsAt) {
      confine(file, rejectsAt, "rejects", options, locateScenario);
      // The rejects file is written: never over the export it comes from or the scenario itself.
      const clash = [[csv.absolute, "the trajectories CSV (csv)"], [useCsv?.absolute, "the use CSV (useCsv)"], [resolve(file), "the scenario file"]].find(([p]) => p !== undefined && realOf(resolve(p)) === realOf(resolve(rejectsAt.absolute)));
      if (clash) {
        throw new ScenarioInputError(file, locateIssues([{ code: "rejects_overwrites_input", path: ["caseload", "rejects"], message: `${rejectsAt.display} is ${clash[1]}: the rejected rows would overwrite it; name another file` }], locateScenario));
      }
    }
    try {
      const rejects = rejectsAt?.absolute;
      const context = {
        scenarioFile: resolve(file),
        ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
        ...(limit === undefined ? {} : { maxTrajectoryMonths: limit }),
      };
      return await options.loadCsv({ ...c, csv: csv.absolute, ...(useCsv ? { useCsv: useCsv.absolute } : {}), ...(rejects ? { rejects } : {}) }, context);
    } catch (e) {
      if (e instanceof ScenarioInputError) throw e;
      if (e instanceof FundingInputError) throw new ScenarioInputError(csv.display, csvIssues(e.issues, [csv, ...(useCsv ? [useCsv] : [])]), e.omittedIssues);
      const code = (e as NodeJS.ErrnoException | null)?.code;
      if (typeof code === "string" && code.startsWith("E")) {
        const which: Issue = { code: "unreadable_file", path: ["caseload", "csv"], message: `cannot read ${csv.display}: ${ioReason(e)}` };
        throw new ScenarioInputError(file, [which]);
      }
      throw e;
    }
  }
  return null;
}

/**
 * The CSV importer's issues against the CSV files: an issue whose path starts with a file's
 * absolute path (as the importer names the files it was given) and a line gets that file as its
 * source and the line; others stay at the trajectories CSV with their path.
 */
function csvIssues(issues: readonly Issue[], files: readonly { readonly absolute: string; readonly display: string }[]): ScenarioIssue[] {
  const main = files[0]!;
  return issues.map((i) => {
    const file = files.find((f) => i.path[0] === f.absolute);
    if (!file) return { ...i, source: main.display };
    const line = i.path[1];
    return typeof line === "number" ? { code: i.code, path: [], message: i.message, source: file.display, line } : { ...i, path: i.path.slice(1), source: file.display };
  });
}
