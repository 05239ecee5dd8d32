/**
 * The node-only entry (`jeugdhulp-bekostiging/node`): reading and writing files — scenario files
 * (JSON or YAML), CSV caseload exports — and the command line. The main entry stays free of I/O.
 *
 * @module jeugdhulp-bekostiging/node
 */
export { loadScenario, safeLoadScenario, readScenario, type LoadScenarioOptions, type CsvCaseloadLoader, type CsvCaseloadLoaded } from "./scenarioFile.js";
export { readCaseloadCsv, importCaseloadCsvFile, readCsvFile, writeCsv, type ReadCaseloadCsvOptions } from "./csvFiles.js";
export { DEFAULT_MAX_FILE_BYTES, MAX_FILE_BYTES_LIMIT } from "./fileAccess.js";
export { loadCsvCaseload } from "./csvLoader.js";
export { main as runCli, EXIT, type Io as CliIo } from "./cli.js";
export { comparisonHtml, type HtmlReportOptions } from "./htmlReport.js";
export { MissingDependencyError, VEGA_INSTALL } from "./vegaModules.js";
/**
 * `compare` with its Monte Carlo runs spread over worker threads (`compareInWorkers`): the same
 * result, bit for bit, sooner on a machine with several cores. Models must be configs.
 */
export { compareInWorkers, sensitivityInWorkers } from "./parallelCompare.js";
export { openWorkerPool, type ParallelCompareOptions, type WorkerPool } from "./workerPool.js";
export { runScenarioInWorkers } from "./parallelScenario.js";
// The main entry's error classes and guard — the same ones, not copies (the build shares them in a
// chunk): an error from either entry is `instanceof` the class imported from the other.
export { FundingInputError, isFundingInputError } from "../errors.js";
export { ScenarioInputError } from "../scenario/scenarioBase.js";
