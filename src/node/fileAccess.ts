import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { FundingInputError } from "../errors.js";

/*
 * What files a scenario may read (node only): a regular file, not larger than a limit, and — for
 * the files a scenario names — inside the scenario's folder once `..` and symlinks are resolved,
 * unless the caller allows files outside it.
 */

/**
 * The largest file a scenario (or the CSV importer on disk) reads by default: 200 MB. A regional
 * export of a million trajectories is about 100 MB; raise it with `maxFileBytes`
 * (`--max-file-size` on the command line).
 * @category Node: files, CLI and workers
 */
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * The largest `maxFileBytes` allowed: 500 MB. JavaScript holds a text of at most about 512 MB
 * (V8's longest string), and a file is read whole into one; above that Node aborts instead of
 * throwing.
 * @category Node: files, CLI and workers
 */
export const MAX_FILE_BYTES_LIMIT = 500 * 1024 * 1024;

/** Refuses a `maxFileBytes` that is not a whole number of bytes from 1 to {@link MAX_FILE_BYTES_LIMIT}, naming the option. */
export function checkMaxFileBytes(maxFileBytes: unknown): number {
  if (typeof maxFileBytes === "number" && Number.isInteger(maxFileBytes) && maxFileBytes >= 1 && maxFileBytes <= MAX_FILE_BYTES_LIMIT) return maxFileBytes;
  throw new FundingInputError("file options", [
    {
      code: "invalid_max_file_bytes",
      path: ["maxFileBytes"],
      message: `expected a whole number of bytes from 1 to ${MAX_FILE_BYTES_LIMIT.toLocaleString("en-US")} (500 MB, the longest text JavaScript holds), got ${typeof maxFileBytes === "number" ? String(maxFileBytes) : typeof maxFileBytes}`,
    },
  ]);
}

/** Why a file may not be read: a code for scripts and the reason in words (the caller names the file). */
export class FileRefusal extends Error {
  constructor(
    readonly code: "not_regular_file" | "file_too_large" | "outside_folder",
    message: string,
  ) {
    super(message);
    this.name = "FileRefusal";
  }
}

/** Bytes in words: `1,234 bytes` or `250.0 MB (262,144,000 bytes)`. */
export function bytesInWords(n: number): string {
  const exact = `${n.toLocaleString("en-US")} bytes`;
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB (${exact})` : exact;
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return "a named pipe (FIFO)";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "a device";
  if (s.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Reads a file whole, refusing (with a {@link FileRefusal}) anything but a regular file — a FIFO,
 * device, socket or folder, or a file on `/proc`, `/sys` or `/dev` — and a file larger than
 * `maxFileBytes` (default {@link DEFAULT_MAX_FILE_BYTES}). The system file systems are refused by
 * the file's real path before it is opened; the file is then opened without blocking (a FIFO
 * without a writer does not hang) and its kind and size are checked on the open descriptor, so it
 * cannot be swapped between that check and the read; reading stops past the limit even if the file
 * grows.
 * File-system errors (ENOENT, EACCES, …) are thrown as they are.
 */
export function readBoundedFile(path: string, maxFileBytes: number = DEFAULT_MAX_FILE_BYTES): Buffer {
  checkMaxFileBytes(maxFileBytes);
  const real = realpathSync(path);
  if (/^\/(proc|sys|dev)(\/|$)/.test(real)) throw new FileRefusal("not_regular_file", `it is not a regular file: ${real} is on the system's /${real.split("/")[1]} file system`);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new FileRefusal("not_regular_file", "it is a folder, not a file");
    if (!stats.isFile()) throw new FileRefusal("not_regular_file", `it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxFileBytes) throw tooLarge(stats.size, maxFileBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxFileBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxFileBytes) throw tooLarge(total, maxFileBytes, true);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, limit: number, atLeast = false): FileRefusal {
  return new FileRefusal(
    "file_too_large",
    `it is ${atLeast ? "more than " : ""}${bytesInWords(size)}, larger than the limit of ${bytesInWords(limit)} (raise it with maxFileBytes, or --max-file-size on the command line)`,
  );
}

/** The real path of `path` (symlinks and `..` resolved); for a path that does not exist, its nearest existing folder's real path and the rest. */
export function realOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOf(parent), basename(path));
  }
}

/**
 * Refuses (with a {@link FileRefusal}) a `path` outside `folder`, both with `..` and symlinks
 * resolved (fs.realpath): a scenario reads only files in its folder and below. A path that does not
 * exist is judged by its nearest existing folder.
 */
export function assertInside(path: string, folder: string): void {
  const realFolder = realOf(resolve(folder));
  const real = realOf(resolve(path));
  const rel = relative(realFolder, real);
  if (rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return;
  const via = real === resolve(path) ? "" : ` (it resolves to ${real})`;
  throw new FileRefusal(
    "outside_folder",
    `${path} is outside the scenario's folder ${realFolder}${via}: a scenario reads and writes only files in its own folder and below (allow it with allowOutside, or --allow-outside-files on the command line)`,
  );
}
