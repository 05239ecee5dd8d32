/**
 * The command line where vega is not installed: `loadVega`'s default import replaced by one of a
 * package that is not there (the module loader's own error); the rest of the CLI is the real one.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { tempFiles } from "../support/tempFiles.js";
import { cli } from "./cliHarness.js";

const tmp = tempFiles("jb-novega-");

const MISSING = "jeugdhulp-bekostiging: the HTML report needs vega and vega-lite (optional peer dependencies, left out of a plain install to keep it small): npm install vega@6.4.0 vega-lite@6.4.1\n";

vi.mock("../../src/node/vegaModules.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/node/vegaModules.js")>();
  const name: string = "vega-not-installed-here";
  const absent = () => import(/* @vite-ignore */ name) as Promise<never>;
  return { ...original, loadVega: () => original.loadVega({ vega: absent, vegaLite: absent }) };
});

describe("run --out rapport.html without vega", () => {
  it("exits 1 with what to install: no stack trace, no file", async () => {
    const out = join(mkdtempSync(join(tmp.dir, "novega-")), "rapport.html");
    const r = await cli("run", "scenarios/quick-start.json", "--out", out);
    expect(r.stderr).toBe(MISSING);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it("still writes every other format", async () => {
    const out = join(mkdtempSync(join(tmp.dir, "novega-")), "uitkomst.csv");
    expect((await cli("run", "scenarios/quick-start.json", "--out", out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
