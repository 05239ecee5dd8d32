import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/*
 * Output files written whole or not at all: each to a temporary file in its own folder, then
 * renamed over the target (a rename within a folder is atomic), so a failure — a full disk, a
 * killed process — never leaves a truncated file where the output should be.
 */

/** A file that could not be written: its path and the file-system error. */
export class WriteFileError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
    note = "",
  ) {
    super(`cannot write ${path}: ${cause instanceof Error ? cause.message : String(cause)}${note}`);
    this.name = "WriteFileError";
  }
}

/** A file to write: where, and its text (UTF-8). */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/** Whether `path` exists as something other than a regular file (a device such as /dev/stdout, a FIFO). */
function isSpecial(path: string): boolean {
  try {
    const s = statSync(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Creates `folder` and the folders above it that are missing, one at a time: Node 20's recursive
 * mkdirSync loops for ever where mkdir fails with ENOENT on a path that exists (under /proc).
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let f = folder; !existsSync(f); f = dirname(f)) {
    missing.push(f);
    if (dirname(f) === f) break;
  }
  for (const f of missing.reverse()) mkdirSync(f);
}

/**
 * Where a target's bytes go: a symlink's real file (so writing through a link keeps the link, as a
 * plain write does), and the mode the file has now, kept for its replacement.
 */
function destinationOf(path: string): { readonly path: string; readonly mode: number | null } {
  try {
    const real = lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
    return { path: real, mode: statSync(real).mode & 0o7777 };
  } catch {
    return { path, mode: null };
  }
}

/** A name beside `path` for a temporary file: hidden, random, never an existing file's. */
const besideName = (path: string, suffix: string): string => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.${suffix}`);

/**
 * A second name for the file at `path` (a hard link: no copy, the bytes stay where they are), or a
 * copy where the file system has no hard links; null when there is no file there, or neither can
 * be made (a folder, a file not ours to link, a full disk): then the write goes on as it would
 * without the second name, and only a failure later removes the file instead of putting it back.
 */
function keepPrevious(path: string): string | null {
  if (!existsSync(path)) return null;
  const bak = besideName(path, "bak");
  try {
    linkSync(path, bak);
    return bak;
  } catch {
    try {
      copyFileSync(path, bak);
      return bak;
    } catch {
      rmSync(bak, { force: true });
      return null;
    }
  }
}

/**
 * Writes `files` all or none: their folders are created, each is written to a temporary file
 * beside it (`.name.<random>.tmp`), and only when every one is written are they renamed into
 * place. A failure while writing removes the temporary files and throws a {@link WriteFileError}
 * naming the file; the targets keep what they held. Should a rename fail after others succeeded
 * (rare: a rename in a folder does not need space), the files already renamed get back what they
 * held (kept under a second name, `.name.<random>.bak`, until every rename is done) or, when new,
 * are removed: never one file of this write without the others, and no previous file lost that
 * could be given a second name (a file system without hard links gets a copy).
 * A target that is a symlink is written through it (the link stays); an existing file keeps its
 * mode. A target that is a device or FIFO (`/dev/stdout`) is written directly.
 */
export function writeFilesAtomically(files: readonly OutputFile[]): void {
  const temporary: { readonly path: string; readonly tmp: string }[] = [];
  const cleanUp = (): void => {
    for (const t of temporary) rmSync(t.tmp, { force: true });
  };
  for (const f of files) {
    try {
      makeFolders(dirname(f.path));
      if (isSpecial(f.path)) {
        writeFileSync(f.path, f.text, "utf8");
        continue;
      }
      const target = destinationOf(f.path);
      const tmp = besideName(target.path, "tmp");
      temporary.push({ path: target.path, tmp });
      writeFileSync(tmp, f.text, { encoding: "utf8", flag: "wx" });
      if (target.mode !== null) chmodSync(tmp, target.mode);
    } catch (e) {
      cleanUp();
      throw new WriteFileError(f.path, e);
    }
  }
  const renamed: { readonly path: string; readonly previous: string | null }[] = [];
  for (const [i, t] of temporary.entries()) {
    let previous: string | null = null;
    try {
      // The last rename needs no second name: no rename after it can fail and undo it (so a
      // single file is just renamed).
      if (i < temporary.length - 1) previous = keepPrevious(t.path);
      renameSync(t.tmp, t.path);
      renamed.push({ path: t.path, previous });
    } catch (e) {
      cleanUp();
      if (previous !== null) rmSync(previous, { force: true });
      // Last renamed first: a target named twice (a link and its file) ends with what it held before both.
      const notBack: string[] = [];
      for (const done of [...renamed].reverse()) {
        try {
          if (done.previous === null) rmSync(done.path, { force: true });
          else renameSync(done.previous, done.path);
        } catch {
          // Could not be put back: the previous file stays under its second name, which the error says.
          if (done.previous !== null) notBack.push(`${done.path} as ${done.previous}`);
        }
      }
      throw new WriteFileError(t.path, e, notBack.length > 0 ? `; could not put back the previous ${notBack.join(", ")}` : "");
    }
  }
  for (const done of renamed) if (done.previous !== null) rmSync(done.previous, { force: true });
}
