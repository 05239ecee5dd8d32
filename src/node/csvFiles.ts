import type { Caseload } from "../caseload/caseload.js";
import { importCaseloadCsv, type CaseloadImport, type ImportCaseloadCsvOptions } from "../csv/caseloadCsv.js";
import { FundingInputError } from "../errors.js";
import { writeFilesAtomically, WriteFileError } from "./atomicWrite.js";
import { DEFAULT_MAX_FILE_BYTES, FileRefusal, readBoundedFile } from "./fileAccess.js";

/**
 * Options of {@link readCaseloadCsv}: those of `importCaseloadCsv`, with a path for the use CSV instead of its text.
 * @category Node: files, CLI and workers
 */
export interface ReadCaseloadCsvOptions extends Omit<ImportCaseloadCsvOptions, "useCsv" | "fileNames"> {
  /** Path of the use CSV (one row per trajectory-month), if any. */
  readonly usePath?: string;
  /** The largest file read, in bytes; default {@link DEFAULT_MAX_FILE_BYTES} (200 MB). */
  readonly maxFileBytes?: number;
}

/**
 * Reads a CSV file as text. UTF-8 (with or without a byte order mark) is read as such; a file
 * that is not valid UTF-8 is read as Windows-1252, the encoding Dutch Excel's plain "CSV
 * (gescheiden door lijstscheidingsteken)" saves in, so `cliënt` survives either way. Only a
 * regular file is read (a FIFO, device or folder is refused without blocking), of at most
 * `maxFileBytes` (default {@link DEFAULT_MAX_FILE_BYTES}, 200 MB). Throws {@link FundingInputError}
 * naming the file when it cannot be read.
 * @category Node: files, CLI and workers
 */
export function readCsvFile(path: string, maxFileBytes: number = DEFAULT_MAX_FILE_BYTES): string {
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(path, maxFileBytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const code = e instanceof FileRefusal ? e.code : "unreadable_file";
    throw new FundingInputError("caseload CSV file", [{ code, path: [path], message: `cannot read ${path}: ${reason}` }]);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * Node only: reads a caseload export from disk — the trajectories CSV at `path` and, with
 * `usePath`, the use CSV — and imports it with `caseloadFromCsv`. Issues carry the file paths as
 * given: `["data/trajecten.csv", 14, "Einde"]`.
 * @category Node: files, CLI and workers
 */
export function readCaseloadCsv(path: string, options: ReadCaseloadCsvOptions): Caseload {
  return importCaseloadCsvFile(path, { ...options, onInvalidRow: "stop" }).caseload;
}

/**
 * Node only: {@link readCaseloadCsv} as `importCaseloadCsv` does it — with `onInvalidRow: "skip"`
 * the good rows are imported and the bad ones returned, with counts and plausibility warnings.
 * @category Node: files, CLI and workers
 */
export function importCaseloadCsvFile(path: string, options: ReadCaseloadCsvOptions): CaseloadImport {
  const { usePath, maxFileBytes, ...rest } = options;
  const text = readCsvFile(path, maxFileBytes);
  const useCsv = usePath === undefined ? undefined : readCsvFile(usePath, maxFileBytes);
  return importCaseloadCsv(text, {
    ...rest,
    ...(useCsv === undefined ? {} : { useCsv }),
    fileNames: usePath === undefined ? { trajectories: path } : { trajectories: path, use: usePath },
  });
}

/**
 * Node only: writes CSV text (from `ledgerToCsv`, `comparisonToCsv`, …) to `path` as UTF-8, creating
 * its directory. The file is written whole or not at all (to a temporary file beside it, then
 * renamed): a full disk leaves the previous file, never a truncated one. A failure throws the
 * file-system error (its `code`, e.g. `ENOSPC`), with the path in its message.
 * @category Node: files, CLI and workers
 */
export function writeCsv(path: string, text: string): void {
  try {
    writeFilesAtomically([{ path, text }]);
  } catch (e) {
    if (!(e instanceof WriteFileError)) throw e;
    const cause = e.cause as NodeJS.ErrnoException;
    throw Object.assign(new Error(e.message, { cause }), { code: cause?.code, path });
  }
}
