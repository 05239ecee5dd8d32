import { recordsOptions } from "../scenario/comparisonScenario.js";
import type { CsvCaseloadLoader } from "./scenarioFile.js";
import { readCaseloadCsv } from "./csvFiles.js";

/**
 * The CSV importer as a scenario's `caseload: { csv }` loader: reads the export (and its use file)
 * with the scenario's mapping, window and known names. Errors name the CSV file and line.
 */
export const loadCsvCaseload: CsvCaseloadLoader = (section) =>
  readCaseloadCsv(section.csv, {
    ...recordsOptions(section),
    ...(section.useCsv ? { usePath: section.useCsv } : {}),
    ...(section.mapping ? { mapping: section.mapping } : {}),
  });
