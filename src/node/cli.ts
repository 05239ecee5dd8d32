import { accessSync, constants, existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { generateCaseload } from "../caseload/generate.js";
import { drawnSpec } from "../uncertainty/drawnSpec.js";
import { comparisonToCsv, recordsToCsv } from "../csv/exportCsv.js";
import { FundingInputError, formatPath, ISSUE_LINE_LENGTH, ISSUES_IN_MESSAGE } from "../errors.js";
// For the TSDoc link.
import type { MAX_KEPT_ISSUES } from "../errors.js";
import { excerpt } from "../excerpt.js";
import { CompareOptionsSchema, type OnRun } from "../metrics/compare.js";
import { comparisonToMarkdown, formatComparison } from "../report/table.js";
import { scenarioJsonSchema } from "../scenario/scenarioJsonSchema.js";
import { grantDecisionsToCsv, recoveryComparisonToCsv } from "../csv/simulationCsv.js";
import { formatEuro } from "../money/format.js";
import { formatGrantDecisions, formatGrantPool } from "../report/grantPoolText.js";
import { formatRecoveryComparison } from "../report/recoveryText.js";
import { formatReforms } from "../report/reformText.js";
import { formatRisk } from "../report/riskText.js";
import { formatSensitivity } from "../report/sensitivityText.js";
import { comparisonSummary } from "../report/summary.js";
import { REPORT_LOCALES, type ReportLocale } from "../locale/locale.js";
import { reportLabels } from "../locale/labels.js";
import type { TableFormat } from "../report/textTable.js";
import type { ComparisonScenarioDefinition, ComparisonScenarioResult } from "../scenario/comparisonScenario.js";
import { scenarioWorkLimits, SUBJECT_PATHS } from "../scenario/comparisonScenario.js";
import { MAX_FILE_BYTES_LIMIT } from "./fileAccess.js";
import type { RecoveryScenarioResult } from "../scenario/recoveryScenario.js";
import { RecoveryInitiativeSchema } from "../streams/recoveryInitiative.js";
import { atScenarioPath, formatScenarioIssue, ScenarioInputError } from "../scenario/scenarioBase.js";
import { describeKind, runScenario, type ResolvedScenario, type ScenarioDefinition, type ScenarioResult } from "../scenario/scenarioSchema.js";
import { writeFilesAtomically, WriteFileError, type OutputFile } from "./atomicWrite.js";
import { comparisonHtml } from "./htmlReport.js";
import { MissingDependencyError } from "./vegaModules.js";
import { loadCsvCaseload } from "./csvLoader.js";
import { initFolder } from "./init.js";
import { loadScenario, readScenario } from "./scenarioFile.js";
import { runScenarioInWorkers } from "./parallelScenario.js";
import { packageInfo, scenarioFileOf, shippedScenarios } from "./packageFiles.js";

/**
 * Exit codes scripts can rely on: `ok` 0 — done, also when the reader of the output stops early
 * (`… | head`); `invalidInput` 1 — invalid input, a file that cannot be read or written (the
 * message names it and why), or vega missing for an HTML report (the message says what to
 * install); `usage` 2 — a wrong command line (an unknown command or option, a missing or extra
 * argument, `--out` naming a folder); `failure` 3 — an unexpected failure (a bug).
 * @category Node: files, CLI and workers
 */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, failure: 3 } as const;

/** The help text, with the names of the scenarios that ship with the package. */
function help(): string {
  const shipped = shippedScenarios();
  return `jeugdhulp-bekostiging — compare youth-care funding models on a caseload

Usage:
  jeugdhulp-bekostiging run <scenario>        run a scenario: the comparison, funding streams, notes
                                              (or a grant pool's year, or a recovery initiative's
                                              three ways of funding, by the scenario's kind)
  jeugdhulp-bekostiging compare <scenario>    only the comparison table of the scenario's models
  jeugdhulp-bekostiging generate <scenario>   write the scenario's synthetic caseload as CSV
  jeugdhulp-bekostiging validate <scenario>   check a scenario file (and the caseload file it names) and
                                              run it once
  jeugdhulp-bekostiging schema                print the JSON Schema of scenario files
  jeugdhulp-bekostiging init [folder]         write a template export (trajecten.csv, Dutch headers) and
                                              the scenario that reads it (vergelijking.yaml) into a
                                              folder (default: this one); overwrites nothing

<scenario> is a scenario file (.json, .yaml or .yml) or a bare name: mijn-regio finds mijn-regio.yaml
in the current folder, else a scenario shipped with the package (from any folder)${shipped.length ? `:\n${wrap(shipped.join(", "), "  ")}` : ""}

Options:
  --format table|json|csv|md|html
                               output format (default: table; or from --out's extension); html is a
                               self-contained report with the table and charts (comparisons only)
  --out <file>                 write to a file instead of standard output (whole or not at all: a
                               temporary file beside it, renamed into place)
  --seed <n>                   seed of the first run (overrides the scenario; synthetic data only)
  --runs <n>                   Monte Carlo runs (overrides the scenario; not for a grant pool)
  --workers <n>                worker threads for a comparison's Monte Carlo runs (default: the
                               machine's cores; 1 runs them in this thread; same result either way)
  --allow-outside-files        let the scenario name files outside its own folder (by default a
                               caseload, use or rejects file must be in the scenario's folder or
                               below, after resolving .. and symlinks)
  --max-file-size <MB>         the largest file read (default: 200)
  --all-errors                 print every issue of invalid input (default: the first 20 and how
                               many more)
  --dutch                      CSV for Dutch Excel: semicolons, decimal comma, Dutch headers
  --locale nl|en               language of the table, notes, summary and report (default: nl) and
                               of CSV headers (default: nl with --dutch, else en)
  --version                    the package's version
  -h, --help                   this help

Examples:
  npx jeugdhulp-bekostiging run default-region
  npx jeugdhulp-bekostiging compare default-region --runs 20 --format md --out vergelijking.md
  npx jeugdhulp-bekostiging run default-region --out rapport.html
  npx jeugdhulp-bekostiging generate default-region --seed 7 --out caseload.csv --dutch
  npx jeugdhulp-bekostiging run stimuleringsimpuls-2021 --format csv --out besluiten.csv
  npx jeugdhulp-bekostiging validate mijn-regio.yaml
  npx jeugdhulp-bekostiging schema --out scenario.schema.json

Exit codes:
  0  done (also when the reader of the output stops early, as \`… | head\` does)
  1  invalid input, or a file that cannot be read or written (the message names the file, line
     and field, or the path and why: also a file outside the scenario's folder, not a regular file
     or above the size limit, a full disk), or vega missing for an HTML report (it says what to
     install)
  2  bad usage: an unknown command or option, a missing or extra argument, --out naming a folder
  3  an unexpected failure (a bug: the message has its stack trace)
`;
}

/** `text` broken into lines of at most 96 characters after `indent`, at spaces. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + line.length + 1 + word.length > 96) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, indent + line].join("\n");
}

type Format = "table" | "json" | "csv" | "md" | "html";

/**
 * Where the command line writes: standard output and standard error (replaceable in tests).
 * @category Node: files, CLI and workers
 */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal (only then a progress bar is drawn). */
  readonly stderrIsTty: boolean;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

/** Thrown for a wrong command line: exit code 2 with the message. */
class UsageError extends Error {}

/** Thrown when an output file cannot be written: exit code 1 with the message (the path and why). */
class OutputError extends Error {}

/** How many scenario arguments each command takes: more are refused rather than ignored. */
const ARGUMENTS: Readonly<Record<string, number>> = { run: 1, compare: 1, generate: 1, validate: 1, schema: 0, init: 1 };

/**
 * Runs the command line with `argv` (without node and the script) and returns the exit code.
 * Errors are printed, never thrown: invalid input or an output file that cannot be written → 1,
 * bad usage → 2, anything else → 3 (see {@link EXIT}). A closed standard output (`… | head`) is
 * the caller's to handle: the `jeugdhulp-bekostiging` command exits 0 on it.
 * @example
 * ```ts
 * import { runCli } from "jeugdhulp-bekostiging/node";
 *
 * // The same as `npx jeugdhulp-bekostiging validate quick-start` (a scenario shipped with the package).
 * const code = await runCli(["validate", "quick-start"]); // prints …/quick-start.json: valid — 2 model(s); it runs
 * console.log(code); // → 0
 * ```
 * @category Node: files, CLI and workers
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // Read before parsing, so the issues of invalid input are capped or not whatever else fails.
  const allErrors = argv.includes("--all-errors");
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string" },
        out: { type: "string" },
        seed: { type: "string" },
        runs: { type: "string" },
        workers: { type: "string" },
        dutch: { type: "boolean", default: false },
        locale: { type: "string" },
        "allow-outside-files": { type: "boolean", default: false },
        "max-file-size": { type: "string" },
        "all-errors": { type: "boolean", default: false },
        version: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const [command, file] = positionals;
    if (values.help || (command === undefined && !values.version) || command === "help") {
      io.stdout(help());
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    if (values.version) {
      const info = packageInfo();
      if (!info) {
        io.stderr("the version is unknown: the package's package.json is not in a folder above this script\n");
        return EXIT.failure;
      }
      io.stdout(`${info.version}\n`);
      return EXIT.ok;
    }
    const allowed = ARGUMENTS[command ?? ""];
    if (allowed !== undefined && positionals.length - 1 > allowed) {
      const extra = positionals.slice(1 + allowed);
      throw new UsageError(`${command} takes ${allowed === 0 ? "no arguments" : "one scenario"}; unexpected: ${extra.join(" ")}`);
    }
    const format = outputFormat(values.format, values.out);
    const language = languageOf(values.locale, values.dutch);
    const files = fileOptions(values["allow-outside-files"], values["max-file-size"]);
    // A folder or an unwritable place for --out is said now, not after a long run.
    if (values.out !== undefined) checkOut(values.out);
    const emit = (text: string): void => {
      const body = text.endsWith("\n") ? text : `${text}\n`;
      if (!values.out) return io.stdout(body);
      writeOut({ path: values.out, text: body });
    };
    switch (command) {
      case "init": {
        const folder = file ?? ".";
        const written = initFolder(folder);
        const scenario = written.find((f) => f.endsWith(".yaml"))!;
        io.stdout(
          `wrote ${written.join(" and ")}\n` +
            `Replace trajecten.csv by your administration's export (or set the column names in the scenario to your export's), then:\n` +
            `  npx jeugdhulp-bekostiging run ${scenario}\n`,
        );
        return EXIT.ok;
      }
      case "schema":
        emit(JSON.stringify(scenarioJsonSchema(), null, 2));
        return EXIT.ok;
      case "validate": {
        const path = requireFile(file, command);
        const scenario = await loadScenario(path, { loadCsv: loadCsvCaseload, ...files });
        noteImport(scenario, io, language.text);
        // Some mistakes show only when the scenario runs (a model naming a provider the caseload lacks,
        // a request received before the pool's first rules): one run finds them, in about a second at most.
        runScenario(onceOf(scenario));
        io.stdout(`${path}: valid — ${contents(scenario.definition)}; it runs\n`);
        return EXIT.ok;
      }
      case "generate": {
        const path = requireFile(file, command);
        if (values.format !== undefined && values.format !== "csv") throw new UsageError("generate writes CSV; --format must be csv or left out");
        // Use that varies by month goes to a second file: without --out it would be lost.
        if (!values.out) throw new UsageError("generate writes two CSV files (trajectories and use per month): give --out <file.csv>");
        const { value, locate } = await readScenario(path, undefined, files);
        if (value.kind !== "comparison") {
          io.stderr(`${path}: kind: generate writes a synthetic caseload; this scenario is ${describeKind(value.kind)}\n`);
          return EXIT.invalidInput;
        }
        if (!("spec" in value.caseload)) {
          io.stderr(`${path}: caseload: generate needs a synthetic caseload spec; this scenario's caseload is given as data\n`);
          return EXIT.invalidInput;
        }
        const seed = integer(values.seed, "--seed") ?? value.options.seed;
        // An error in the spec (a drawn value out of range, the work limits) at its place in the file, as run says it.
        const spec = value.caseload.spec;
        const caseload = atScenarioPath(path, () => generateCaseload(drawnSpec(spec, seed), seed, scenarioWorkLimits(value.options)), locate, SUBJECT_PATHS);
        const csv = recordsToCsv(caseload, { dutch: values.dutch });
        const usePath = join(dirname(values.out), `${basename(values.out, extname(values.out))}-use${extname(values.out) || ".csv"}`);
        checkOut(usePath);
        // Both files or neither: a failure on the second leaves no trajectories without their use.
        writeOut({ path: values.out, text: csv.trajectories }, { path: usePath, text: csv.use });
        io.stderr(`wrote ${values.out} and ${usePath}\n`);
        return EXIT.ok;
      }
      case "run":
      case "compare": {
        const path = requireFile(file, command);
        const read = await loadScenario(path, { loadCsv: loadCsvCaseload, ...files });
        // `run` as a table or Markdown lists them among its notes; elsewhere they go to stderr.
        if (command === "compare" || (format !== "table" && format !== "md")) noteImport(read, io, language.text);
        const given = read.definition;
        if (given.kind !== "comparison") {
          // What the command or format cannot do for this kind is said before the overrides are judged.
          if (command === "compare") throw new UsageError(`compare needs a comparison of funding models; ${path} is ${describeKind(given.kind)}: use run`);
          if (format === "html") throw new UsageError(`the HTML report shows a comparison of funding models; ${path} is ${describeKind(given.kind)}: use --format md (or --out with .md)`);
          if (values.workers !== undefined) throw new UsageError(`--workers spreads a comparison's Monte Carlo runs over threads; ${path} is ${describeKind(given.kind)}, which runs in one`);
          emit(render(runScenario(withOverrides({ ...read, definition: given }, values.seed, values.runs)), format, true, language));
          return EXIT.ok;
        }
        const loaded = withOverrides({ ...read, definition: given }, values.seed, values.runs);
        const d = loaded.definition;
        // The report draws from the metrics (its differences chart per year): no projections kept.
        const result = await runWithProgress(loaded, io, integer(values.workers, "--workers"));
        if (format === "html") {
          emit(
            await comparisonHtml(result.comparison, {
              ...(d.name ? { title: d.name } : {}),
              ...(d.description ? { description: d.description } : {}),
              ...(result.sensitivity ? { sensitivity: result.sensitivity } : {}),
              ...(result.reforms ? { reforms: result.reforms } : {}),
              locale: language.text,
            }),
          );
        } else emit(render(result, format, command === "run", language));
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command "${command}"; see --help`);
    }
  } catch (e) {
    if (e instanceof ScenarioInputError) {
      printIssues(e.issues, formatScenarioIssue, io, allErrors, e.omittedIssues);
      return EXIT.invalidInput;
    }
    if (e instanceof FundingInputError) {
      printIssues(e.issues, (issue) => `${e.subject}: ${formatPath(issue.path)}: ${issue.message}`, io, allErrors, e.omittedIssues);
      return EXIT.invalidInput;
    }
    if (e instanceof MissingDependencyError) {
      io.stderr(`${e.message}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof OutputError) {
      io.stderr(`${e.message}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof UsageError || (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))) {
      io.stderr(`${e.message}\nRun with --help for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.failure;
  }
}

/**
 * Prints issues to stderr, one a line: each cut to {@link ISSUE_LINE_LENGTH} characters with its
 * control characters escaped, and — unless `all` — the first {@link ISSUES_IN_MESSAGE} (as the
 * error's message does: a file with 20,000 bad rows prints 20, not megabytes) and a line
 * saying how many more there are. `omitted` issues were counted but not kept (past
 * {@link MAX_KEPT_ISSUES}): they are in the count, and `all` prints every kept issue and says how
 * many were not kept.
 */
function printIssues<I>(issues: readonly I[], line: (issue: I) => string, io: Io, all: boolean, omitted: number): void {
  const shown = all ? issues : issues.slice(0, ISSUES_IN_MESSAGE);
  for (const issue of shown) io.stderr(`${excerpt(line(issue), ISSUE_LINE_LENGTH)}\n`);
  const more = issues.length - shown.length + omitted;
  const s = (n: number): string => `${n.toLocaleString("en")} more issue${n === 1 ? "" : "s"}`;
  if (all) {
    if (omitted > 0) io.stderr(`… and ${s(omitted)}, counted but not kept (only the first ${issues.length.toLocaleString("en")} are kept)\n`);
  } else if (more > 0) {
    const see = omitted === 0 ? "them all" : `the first ${issues.length.toLocaleString("en")}; the other ${omitted.toLocaleString("en")} are counted, not kept`;
    io.stderr(`… and ${s(more)} (run with --all-errors to see ${see})\n`);
  }
}

/** The scenario file of a command: a path, or a bare name found here or among the shipped scenarios. */
function requireFile(file: string | undefined, command: string): string {
  if (!file) throw new UsageError(`${command} needs a scenario file (or a shipped scenario's name: see --help)`);
  const found = scenarioFileOf(file);
  if (found === null) {
    const shipped = shippedScenarios();
    const message = `no such file here, nor a scenario of that name shipped with the package${shipped.length ? ` (${shipped.join(", ")})` : ""}`;
    throw new ScenarioInputError(file, [{ code: "unreadable_file", path: [], message }]);
  }
  return found;
}

/**
 * Refuses an `--out` that cannot be written, before any work: a folder is a usage error (exit 2);
 * a path through a file, or a place without write permission, an {@link OutputError} (exit 1).
 */
function checkOut(out: string): void {
  // The nearest folder above it that exists must be a folder (the missing ones are created).
  let dir = dirname(resolve(out));
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw new OutputError(`cannot write ${out}: ${dir} is a file, not a folder`);
  if (/[/\\]$/.test(out) || (existsSync(out) && statSync(out).isDirectory())) {
    throw new UsageError(`--out ${out} is a folder: give a file name, e.g. ${join(out, "rapport.html")}`);
  }
  try {
    accessSync(existsSync(out) ? out : dir, constants.W_OK);
  } catch (e) {
    throw new OutputError(`cannot write ${out}: ${writeReason(e)}`);
  }
}

/**
 * Writes output files, creating their folder, all or none: each to a temporary file beside it,
 * renamed into place when all are written, so a failure never leaves a truncated file. A failure is
 * an {@link OutputError} naming the path and why (exit 1).
 */
function writeOut(...files: OutputFile[]): void {
  try {
    writeFilesAtomically(files);
  } catch (e) {
    if (!(e instanceof WriteFileError)) throw e;
    throw new OutputError(`cannot write ${e.path}: ${writeReason(e.cause)}`);
  }
}

/** Why a file could not be written, in words. */
function writeReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is a file, not a folder",
    ENOSPC: "no space left on the device",
    ENOENT: "its folder does not exist and cannot be created",
  };
  return (code && reasons[code]) ?? (e instanceof Error ? e.message : String(e));
}

/** What files a scenario may read: `--allow-outside-files`, `--max-file-size <MB>`. */
function fileOptions(allowOutside: boolean, maxMb: string | undefined): { allowOutside: boolean; maxFileBytes?: number } {
  if (maxMb === undefined) return { allowOutside };
  const bytes = /^\d+(\.\d+)?$/.test(maxMb) ? Math.floor(Number(maxMb) * 1024 * 1024) : 0;
  if (bytes < 1 || bytes > MAX_FILE_BYTES_LIMIT) throw new UsageError(`--max-file-size needs a size in MB above 0 and at most 500 (the longest text JavaScript holds), e.g. 300; got "${maxMb}"`);
  return { allowOutside, maxFileBytes: bytes };
}

function integer(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${flag} needs a whole number, got "${text}"`);
  return Number(text);
}

function outputFormat(format: string | undefined, out: string | undefined): Format {
  const f = format ?? ({ ".json": "json", ".csv": "csv", ".md": "md", ".html": "html" } as Record<string, Format>)[extname(out ?? "")] ?? "table";
  if (!["table", "json", "csv", "md", "html"].includes(f)) throw new UsageError(`--format must be table, json, csv, md or html, not "${f}"`);
  return f as Format;
}

/** What reading the caseload reported without stopping (rows rejected, implausible use), on stderr. */
function noteImport(scenario: ResolvedScenario, io: { stderr(text: string): void }, locale: ReportLocale): void {
  for (const n of scenario.importNotices ?? []) io.stderr(`${reportLabels(locale).note}: ${n[locale]}\n`);
}

/** The scenario with one run, as `validate` tries it. */
function onceOf(s: ResolvedScenario): ResolvedScenario {
  const d = s.definition;
  return d.kind === "grantPool" ? s : { ...s, definition: { ...d, options: { ...d.options, runs: 1 } } as ScenarioDefinition };
}

/** What a valid scenario holds, in a few words (for `validate`). */
function contents(d: ScenarioDefinition): string {
  if (d.kind === "grantPool") {
    const requests = "spec" in d.requests ? "synthetic requests" : `${d.requests.records.length} request(s)`;
    return `a grant pool with ${d.pool.rules.length} version(s) of its rules and ${requests}`;
  }
  if (d.kind === "recoveryInitiative") return `a recovery initiative funded three ways, ${d.options.runs} run(s)`;
  return `${d.models.length} model(s)${d.streams.length ? `, ${d.streams.length} funding stream(s)` : ""}`;
}

/** The scenario with `--seed` / `--runs` from the command line, where its kind keeps them. */
function withOverrides<D extends ScenarioDefinition>(s: ResolvedScenario<D>, seed: string | undefined, runs: string | undefined): ResolvedScenario<D> {
  const seedValue = integer(seed, "--seed");
  const runsValue = integer(runs, "--runs");
  if (seedValue === undefined && runsValue === undefined) return s;
  // The command line's own mistakes are usage errors, not the scenario file's.
  const d: ScenarioDefinition = s.definition;
  const maxRuns = (d.kind === "recoveryInitiative" ? RecoveryInitiativeSchema.shape.runs : CompareOptionsSchema.shape.runs).unwrap().maxValue ?? Infinity;
  if (runsValue !== undefined && (runsValue < 1 || runsValue > maxRuns)) throw new UsageError(`--runs must be between 1 and ${maxRuns}`);
  const seedOf = seedValue === undefined ? {} : { seed: seedValue };
  const runsOf = runsValue === undefined ? {} : { runs: runsValue };
  switch (d.kind) {
    case "grantPool":
      if (runsValue !== undefined) throw new UsageError("--runs does not apply to a grant pool: its requests are simulated once (change --seed for another year)");
      if (seedValue !== undefined && !("spec" in d.requests)) throw new UsageError("--seed applies to synthetic requests; this grant pool's requests are given");
      return { ...s, definition: { ...d, options: { ...d.options, ...seedOf } } as D };
    case "recoveryInitiative":
      return { ...s, definition: { ...d, options: { ...d.options, ...seedOf, ...runsOf } } as D };
    case "comparison":
      if (!("spec" in d.caseload) && (seedValue !== undefined || (runsValue !== undefined && runsValue > 1))) {
        throw new UsageError(`${seedValue !== undefined ? "--seed" : "--runs above 1"} needs a scenario whose caseload is a synthetic spec: given data is one run`);
      }
      return { ...s, definition: { ...d, options: { ...d.options, ...seedOf, ...runsOf } } as D };
  }
}

/**
 * Runs a comparison — several runs over worker threads (`workers`, default the machine's cores) —
 * and on a terminal shows a progress bar on standard error.
 */
async function runWithProgress(scenario: ResolvedScenario<ComparisonScenarioDefinition>, io: Io, workers: number | undefined): Promise<ComparisonScenarioResult> {
  const runs = scenario.definition.options.runs;
  if (workers !== undefined && workers < 1) throw new UsageError(`--workers needs at least 1, got ${workers}`);
  const parallel = workers !== undefined ? { workers } : {};
  if (runs < 2) return runScenario(scenario);
  if (!io.stderrIsTty) return runScenarioInWorkers(scenario, parallel);
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: "runs {bar} {value}/{total}", hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(runs, 0);
  // With reforms every step runs them all: the total grows to steps × runs.
  const onRun: OnRun = (done, total) => {
    if (total !== bar.getTotal()) bar.setTotal(total);
    bar.update(done);
  };
  try {
    return await runScenarioInWorkers(scenario, { ...parallel, onRun });
  } finally {
    bar.stop();
  }
}

/**
 * The language of the output: the table, notes and headings (`--locale`, Dutch by default) and the
 * CSV's headers and labels (`--locale` when given, else Dutch with `--dutch` and English without,
 * so scripts reading the plain CSV keep their headers).
 */
interface Language {
  readonly text: ReportLocale;
  readonly csv: ReportLocale;
  readonly dutch: boolean;
}

function languageOf(locale: string | undefined, dutch: boolean): Language {
  if (locale !== undefined && !(REPORT_LOCALES as readonly string[]).includes(locale)) {
    throw new UsageError(`--locale must be one of ${REPORT_LOCALES.join(", ")}, got ${JSON.stringify(locale)}`);
  }
  const chosen = locale as ReportLocale | undefined;
  return { text: chosen ?? "nl", csv: chosen ?? (dutch ? "nl" : "en"), dutch };
}

/** The command line's own headings, per locale. */
const CLI_WORDS = {
  nl: {
    risk: "Onzekerheid en risico",
    sensitivity: "Gevoeligheid",
    reforms: "Hervormingen",
    summary: "Wat de vergelijking zegt",
    whoPays: "Wie betaalt (financieringsstromen, dan eigen middelen):",
    ownMeans: "eigen middelen",
  },
  en: {
    risk: "Uncertainty and risk",
    sensitivity: "Sensitivity",
    reforms: "Reforms",
    summary: "What the comparison says",
    whoPays: "Who pays (funding streams, then own means):",
    ownMeans: "own means",
  },
} as const satisfies Record<ReportLocale, Record<string, string>>;

/**
 * The result in the chosen text format. A comparison: `run` adds who paid (funding streams) to the
 * table and Markdown; a grant pool: its summary and decisions, or its decisions as CSV; a recovery
 * initiative: the three ways side by side.
 */
function render(result: ScenarioResult, format: Exclude<Format, "html">, withStreams: boolean, language: Language): string {
  const dutch = language.dutch;
  const locale = language.text;
  const words = CLI_WORDS[locale];
  if (result.kind !== "comparison") {
    if (format === "json") return JSON.stringify(result.kind === "recoveryInitiative" ? withoutRuns(result) : result, null, 2);
    const table: TableFormat = format === "md" ? "md" : "text";
    const title = titleOf(result, format);
    if (result.kind === "recoveryInitiative") {
      return format === "csv" ? recoveryComparisonToCsv(result.result, { dutch }) : `${title}${formatRecoveryComparison(result.result, table)}`;
    }
    if (format === "csv") return grantDecisionsToCsv(result.result, { dutch });
    const seed = result.seed === null ? "" : `Synthetic requests, seed ${result.seed}\n\n`;
    const decisions = format === "md" ? "### Decisions" : "Decisions";
    return `${title}${seed}${formatGrantPool(result.result, table)}\n\n${decisions}\n${format === "md" ? "\n" : ""}${formatGrantDecisions(result.result, table)}`;
  }
  switch (format) {
    case "json":
      return JSON.stringify(withStreams ? result : result.comparison, null, 2);
    case "csv":
      return comparisonToCsv(result.comparison, { dutch, locale: language.csv });
    case "md":
    case "table": {
      const table = format === "md" ? comparisonToMarkdown(result.comparison, { locale }) : formatComparison(result.comparison, { locale });
      const title = titleOf(result, format);
      const streams = withStreams && result.streams ? `\n\n${streamsText(result, locale)}` : "";
      const notes = withStreams && result.notices.length ? `\n\n${result.notices.map((n) => `${reportLabels(locale).note}: ${n[locale]}`).join("\n")}` : "";
      const tf: TableFormat = format === "md" ? "md" : "text";
      const section = (heading: string, body: string): string => `\n\n${format === "md" ? `### ${heading}` : `${heading}\n${"─".repeat(heading.length)}`}\n\n${body}`;
      const risk = result.comparison.risk ? section(words.risk, formatRisk(result.comparison, tf, { locale })) : "";
      const sensitivity = result.sensitivity ? section(words.sensitivity, formatSensitivity(result.sensitivity, tf, { locale })) : "";
      const reforms = result.reforms ? section(words.reforms, formatReforms(result.reforms, tf, { locale })) : "";
      const summary = section(words.summary, comparisonSummary(result.comparison, { locale }).join(format === "md" ? "\n\n" : "\n"));
      return `${title}${table}${risk}${sensitivity}${reforms}${streams}${notes}${summary}`;
    }
  }
}

/** The scenario's name above its output: a heading in Markdown, a line in text; nothing without a name. */
function titleOf(result: ScenarioResult, format: "md" | "table" | "csv"): string {
  if (!result.name) return "";
  return format === "md" ? `## ${result.name}\n\n` : `${result.name}\n\n`;
}

/**
 * A recovery initiative's result without each way's individual runs: a summary per way and year
 * is what a file wants; 100,000 runs would be hundreds of megabytes of JSON (the API keeps them).
 */
function withoutRuns(result: RecoveryScenarioResult): unknown {
  return { ...result, result: { ...result.result, ways: result.result.ways.map(({ runs: _runs, ...way }) => way) } };
}

/** Who paid for what, per model: each funding stream and the municipality's own means. */
function streamsText(result: ComparisonScenarioResult, locale: ReportLocale): string {
  const words = CLI_WORDS[locale];
  const lines: string[] = [words.whoPays];
  for (const m of result.streams ?? []) {
    const parts = m.result.streams.map((s) => `${s.name} ${formatEuro(s.covered, { decimals: false })}`);
    lines.push(`  ${m.label}: ${[...parts, `${words.ownMeans} ${formatEuro(m.result.ownMeans.total, { decimals: false })}`].join(", ")}`);
  }
  return lines.join("\n");
}
