import { basename, dirname, extname, join, relative } from "node:path";
import { rejectedRowsToCsv, type CaseloadImport } from "../csv/caseloadCsv.js";
import { recordsOptions } from "../scenario/comparisonScenario.js";
import type { CsvCaseloadLoader } from "./scenarioFile.js";
import { importCaseloadCsvFile, writeCsv } from "./csvFiles.js";
import type { Notice } from "../locale/notice.js";

/**
 * The CSV importer as a scenario's `caseload: { csv }` loader: reads the export (and its use file)
 * with the scenario's mapping, window and known names. Errors name the CSV file and line. With
 * `onInvalidRow: "skip"` the rejected rows are written, with their reason, to `rejects` (default
 * `<csv name>-afgewezen.csv` next to the CSV; use rows to `<use name>-afgewezen.csv`), and the
 * warnings say how many and where.
 * @category Node: files, CLI and workers
 */
export const loadCsvCaseload: CsvCaseloadLoader = (section, context) => {
  const result = importCaseloadCsvFile(section.csv, {
    ...(context.maxFileBytes === undefined ? {} : { maxFileBytes: context.maxFileBytes }),
    ...recordsOptions(section, context.maxTrajectoryMonths),
    ...(section.useCsv ? { usePath: section.useCsv } : {}),
    ...(section.mapping ? { mapping: section.mapping } : {}),
    ...(section.maxRows === undefined ? {} : { maxRows: section.maxRows }),
    onInvalidRow: section.onInvalidRow ?? "stop",
  });
  const warnings: Notice[] = result.warnings.map((w) => ({ en: `import: ${w.message}`, nl: `import: ${w.nl}` }));
  if (result.rejected.length > 0) {
    const written = writeRejects(result, section.rejects ?? besideAs(section.csv), section.useCsv === undefined ? null : besideAs(section.useCsv));
    warnings.unshift(rejectedSummary(result, written));
  }
  return { caseload: result.caseload, warnings };
};

/** `data/trajecten.csv` → `data/trajecten-afgewezen.csv`. */
function besideAs(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}-afgewezen${ext || ".csv"}`);
}

/** Writes the rejected rows of each file that has any; returns the paths written, for messages. */
function writeRejects(result: CaseloadImport, trajectories: string, use: string | null): string[] {
  const written: string[] = [];
  if (result.counts.trajectoriesRejected > 0) {
    writeCsv(trajectories, rejectedRowsToCsv(result, "trajectories"));
    written.push(trajectories);
  }
  if (use !== null && result.counts.useRowsRejected > 0) {
    writeCsv(use, rejectedRowsToCsv(result, "use"));
    written.push(use);
  }
  return written;
}

function rejectedSummary(result: CaseloadImport, written: readonly string[]): Notice {
  const c = result.counts;
  const paths = written.map((p) => relative(process.cwd(), p) || p);
  return {
    en:
      `import: ${c.trajectoriesRejected} of ${c.trajectoryRows} trajectory rows${c.useRows > 0 ? ` and ${c.useRowsRejected} of ${c.useRows} use rows` : ""} ` +
      `rejected and left out of the comparison; they are in ${paths.join(" and ")} with the reason, to fix and import again`,
    nl:
      `import: ${c.trajectoriesRejected} van ${c.trajectoryRows} trajectregels${c.useRows > 0 ? ` en ${c.useRowsRejected} van ${c.useRows} inzetregels` : ""} ` +
      `afgewezen en buiten de vergelijking gelaten; ze staan met de reden in ${paths.join(" en ")}, om te verbeteren en opnieuw in te lezen`,
  };
}
