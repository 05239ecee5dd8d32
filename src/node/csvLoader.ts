import type { CsvCaseloadLoader } from "./scenarioFile.js";
import { readCaseloadCsv } from "./csvFiles.js";

/**
 * The CSV importer as a scenario's `caseload: { csv }` loader: reads the export (and its use file)
 * with the scenario's mapping, window and known names. Errors name the CSV file and line.
 */
export const loadCsvCaseload: CsvCaseloadLoader = (section) =>
  readCaseloadCsv(section.csv, {
    window: section.window,
    ...(section.useCsv ? { usePath: section.useCsv } : {}),
    ...(section.mapping ? { mapping: section.mapping } : {}),
    ...(section.municipalities ? { municipalities: section.municipalities } : {}),
    ...(section.providers ? { providers: section.providers } : {}),
    ...(section.profiles ? { profiles: section.profiles } : {}),
    ...(section.intensities ? { intensities: section.intensities } : {}),
    ...(section.ageGroups ? { ageGroups: section.ageGroups } : {}),
    ...(section.targetGroups ? { targetGroups: section.targetGroups } : {}),
  });
