/** A temporary folder for a test file's scenarios and data, removed after its tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** Makes the folder (named from `prefix`) and returns it with a writer: `file(name, text)` writes `text` to `name` in it (making subfolders) and returns its path. */
export function tempFiles(prefix: string): { readonly dir: string; file(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, text, "utf8");
      return path;
    },
  };
}
