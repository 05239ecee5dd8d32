/**
 * Output files are written whole or not at all: --out goes to a temporary file beside the target
 * and is renamed into place; generate's two files are both written or neither (a failed rename
 * puts back what the files already renamed held); a full disk, a
 * read-only folder or a parent that cannot be made is exit 1 naming the path, never exit 3.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXIT, writeCsv } from "../../src/node/index.js";
import { writeFilesAtomically } from "../../src/node/atomicWrite.js";
import { cli } from "./cliHarness.js";
import { tempFiles } from "../support/tempFiles.js";

// A disk that fills up: writing a file whose name matches `full.on` writes its first 10 characters, then fails with ENOSPC.
const full = vi.hoisted(() => ({ on: null as RegExp | null }));
// A rename onto a target matching `renameFails.on` fails (EIO), as a rename on a failing disk would.
const renameFails = vi.hoisted(() => ({ on: null as RegExp | null }));
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const writeFileSync = (path: unknown, data: unknown, options?: unknown): void => {
    if (full.on !== null && typeof path === "string" && full.on.test(path)) {
      real.writeFileSync(path, String(data).slice(0, 10), options as never);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: "ENOSPC", errno: -28, path });
    }
    return real.writeFileSync(path as never, data as never, options as never);
  };
  const renameSync = (from: unknown, to: unknown): void => {
    if (renameFails.on !== null && typeof to === "string" && renameFails.on.test(to)) {
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${to}'`), { code: "EIO", errno: -5 });
    }
    return real.renameSync(from as never, to as never);
  };
  return { ...real, writeFileSync, renameSync, default: { ...real, writeFileSync, renameSync } };
});

const { dir } = tempFiles("atomic-out-");
afterEach(() => {
  full.on = null;
  renameFails.on = null;
});

/** The files in a folder, temporary ones included (they start with a dot). */
const filesIn = (folder: string): string[] => readdirSync(folder).sort();

describe("--out is written whole or not at all", () => {
  it("a full disk keeps the previous file, leaves no temporary file, and is exit 1 naming the path", async () => {
    const folder = join(dir, "full");
    mkdirSync(folder);
    const out = join(folder, "vergelijking.md");
    writeFileSync(out, "the previous report\n");
    full.on = /vergelijking\.md/;
    const r = await cli("compare", "scenarios/quick-start.json", "--out", out);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toBe(`cannot write ${out}: no space left on the device\n`);
    expect(readFileSync(out, "utf8")).toBe("the previous report\n");
    expect(filesIn(folder)).toEqual(["vergelijking.md"]);
  });

  it("writes the file when the disk has room (no temporary file left)", async () => {
    const folder = join(dir, "room");
    const out = join(folder, "vergelijking.md");
    expect((await cli("compare", "scenarios/quick-start.json", "--out", out)).code).toBe(EXIT.ok);
    expect(readFileSync(out, "utf8")).toContain("| --- | ---: | ---: |");
    expect(filesIn(folder)).toEqual(["vergelijking.md"]);
  });

  it("generate writes both files or neither: a full disk on the use file leaves no trajectories file", async () => {
    const folder = join(dir, "generate");
    mkdirSync(folder);
    const out = join(folder, "caseload.csv");
    full.on = /caseload-use\.csv/;
    const r = await cli("generate", "scenarios/default-region.json", "--out", out);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toBe(`cannot write ${join(folder, "caseload-use.csv")}: no space left on the device\n`);
    expect(filesIn(folder)).toEqual([]);
    full.on = null;
    expect((await cli("generate", "scenarios/default-region.json", "--out", out)).code).toBe(EXIT.ok);
    expect(filesIn(folder)).toEqual(["caseload-use.csv", "caseload.csv"]);
  });

  it.skipIf(process.platform !== "linux" || !existsSync("/dev/full"))("a device that is full (/dev/full, written directly) is exit 1 naming it", async () => {
    const r = await cli("compare", "scenarios/quick-start.json", "--format", "md", "--out", "/dev/full");
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toBe("cannot write /dev/full: no space left on the device\n");
  });

  it("a parent that cannot be made (a file on the way) is exit 1 naming the path", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const out = join(file, "sub", "vergelijking.md");
    const r = await cli("compare", "scenarios/quick-start.json", "--out", out);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toBe(`cannot write ${out}: ${file} is a file, not a folder\n`);
  });

  // Root writes into any folder whatever its mode, so as root the command runs in a child process as
  // the unprivileged user nobody (65534), whom the mode binds; skipped (with the reason) when nobody
  // cannot run the command line from this checkout.
  it.skipIf(process.platform === "win32")("a read-only folder is exit 1 naming the path (as root: run as the user nobody)", async (ctx) => {
    const asRoot = process.getuid?.() === 0;
    const folder = join(dir, "read-only");
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const out = join(folder, "vergelijking.md");
    let r: { code: number | null; stderr: string };
    if (asRoot) {
      chmodSync(dir, 0o755); // mkdtemp's folder is the owner's alone
      const asNobody = (...argv: string[]) => {
        const c = spawnSync(process.execPath, ["--import", "tsx", "src/node/bin.ts", ...argv], { uid: 65534, gid: 65534, encoding: "utf8" });
        return { code: c.status, stderr: c.stderr };
      };
      const probe = asNobody("--version");
      if (probe.code !== 0) ctx.skip(`as root, and the user nobody cannot run the command line from this checkout: ${probe.stderr.split("\n")[0]}`);
      r = asNobody("compare", "scenarios/quick-start.json", "--out", out);
    } else {
      r = await cli("compare", "scenarios/quick-start.json", "--out", out);
    }
    chmodSync(folder, 0o755);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toBe(`cannot write ${out}: permission denied\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe("--out replaces what the target is, not what it points at or may do", () => {
  it.skipIf(process.platform === "win32")("a symlink is written through (the link stays) and an existing file keeps its mode", async () => {
    const folder = join(dir, "link");
    mkdirSync(folder);
    const real = join(folder, "echt.md");
    writeFileSync(real, "old\n");
    chmodSync(real, 0o600);
    const link = join(folder, "link.md");
    symlinkSync(real, link);
    expect((await cli("compare", "scenarios/quick-start.json", "--out", link, "--format", "md")).code).toBe(EXIT.ok);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toContain("Trajectfinanciering");
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(filesIn(folder)).toEqual(["echt.md", "link.md"]);
  });

  it.skipIf(process.platform !== "linux")("a folder that cannot be made under /proc is exit 1 (Node's recursive mkdir looped there for ever)", async () => {
    const r = await cli("compare", "scenarios/quick-start.json", "--out", "/proc/nope/x.md");
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/^cannot write \/proc\/nope\/x\.md: /);
  });
});

describe("writeCsv (node API) is atomic too", () => {
  it("a full disk keeps the previous file and throws the error with its code and the path", () => {
    const folder = join(dir, "api");
    mkdirSync(folder);
    const out = join(folder, "ledger.csv");
    writeFileSync(out, "old\n");
    full.on = /ledger\.csv/;
    expect(() => writeCsv(out, "month,euros\n2026-01,70.00\n")).toThrow(expect.objectContaining({ code: "ENOSPC", path: out }));
    expect(readFileSync(out, "utf8")).toBe("old\n");
    expect(filesIn(folder)).toEqual(["ledger.csv"]);
  });
});

describe("writeFilesAtomically: a rename that fails after others undoes them", () => {
  it("the files already renamed get back what they held (a new one is removed), and nothing temporary is left", () => {
    const folder = join(dir, "undo");
    mkdirSync(folder);
    const kept = join(folder, "a.csv");
    writeFileSync(kept, "last week's file\n");
    chmodSync(kept, 0o640);
    const fresh = join(folder, "b.csv");
    // A folder where the third file should go: renaming a file over a folder fails (EISDIR).
    const blocked = join(folder, "c.csv");
    mkdirSync(blocked);
    expect(() =>
      writeFilesAtomically([
        { path: kept, text: "new a\n" },
        { path: fresh, text: "new b\n" },
        { path: blocked, text: "new c\n" },
      ]),
    ).toThrow(expect.objectContaining({ name: "WriteFileError", path: blocked }));
    expect(readFileSync(kept, "utf8")).toBe("last week's file\n");
    expect(statSync(kept).mode & 0o777).toBe(0o640);
    expect(filesIn(folder)).toEqual(["a.csv", "c.csv"]);
  });

  it("when all renames succeed, every file has its new text and no second name is left", () => {
    const folder = join(dir, "all");
    mkdirSync(folder);
    const a = join(folder, "a.csv");
    writeFileSync(a, "old a\n");
    const b = join(folder, "b.csv");
    writeFilesAtomically([
      { path: a, text: "new a\n" },
      { path: b, text: "new b\n" },
    ]);
    expect([readFileSync(a, "utf8"), readFileSync(b, "utf8")]).toEqual(["new a\n", "new b\n"]);
    expect(filesIn(folder)).toEqual(["a.csv", "b.csv"]);
  });
});

describe("writeFilesAtomically: a rename that fails on the disk", () => {
  it("puts back what the renamed files held, removes a new one, and leaves no second name or temporary file", () => {
    const folder = join(dir, "eio");
    mkdirSync(folder);
    const a = join(folder, "a.csv");
    writeFileSync(a, "old a\n");
    const b = join(folder, "b.csv");
    const c = join(folder, "c.csv");
    writeFileSync(c, "old c\n");
    renameFails.on = /c\.csv$/;
    expect(() =>
      writeFilesAtomically([
        { path: a, text: "new a\n" },
        { path: b, text: "new b\n" },
        { path: c, text: "new c\n" },
      ]),
    ).toThrow(expect.objectContaining({ name: "WriteFileError", path: c, message: expect.stringMatching(/^cannot write .*c\.csv: EIO: i\/o error/) }));
    expect([readFileSync(a, "utf8"), readFileSync(c, "utf8")]).toEqual(["old a\n", "old c\n"]);
    expect(filesIn(folder)).toEqual(["a.csv", "c.csv"]);
  });

  it.skipIf(process.platform === "win32")("a file named twice (itself and a link to it) ends with what it held before both", () => {
    const folder = join(dir, "twice");
    mkdirSync(folder);
    const a = join(folder, "a.csv");
    writeFileSync(a, "ORIGINAL a\n");
    const link = join(folder, "link.csv");
    symlinkSync(a, link);
    const c = join(folder, "c.csv");
    renameFails.on = /c\.csv$/;
    expect(() =>
      writeFilesAtomically([
        { path: a, text: "first new a\n" },
        { path: link, text: "second new a\n" },
        { path: c, text: "new c\n" },
      ]),
    ).toThrow(expect.objectContaining({ name: "WriteFileError", path: c }));
    expect(readFileSync(a, "utf8")).toBe("ORIGINAL a\n");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(filesIn(folder)).toEqual(["a.csv", "link.csv"]);
  });
});
