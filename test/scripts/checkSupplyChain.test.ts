/**
 * The supply-chain check (scripts/check-supply-chain.mjs): no runtime dependency with an install
 * script in the committed lockfile, the runtime dependency counts, and no source map in what
 * `npm pack` would publish.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs script without type declarations
import { lockReport, packReport } from "../../scripts/check-supply-chain.mjs";
import { tempFiles } from "../support/tempFiles.js";

const SCRIPT = "scripts/check-supply-chain.mjs";
const { dir } = tempFiles("supply-chain-");

type Report = { direct: string[]; optionalPeers: string[]; tree: string[]; runtimeInstallScripts: string[]; devInstallScripts: string[] };
const report = (lock: unknown): Report => lockReport(lock) as Report;

describe("the lockfile check", () => {
  it("the committed lockfile: 4 direct runtime dependencies, 9 in the tree, none with an install script", () => {
    const r = report(JSON.parse(readFileSync("package-lock.json", "utf8")));
    expect(r.direct).toEqual(["cli-progress", "decimal.js", "yaml", "zod"]);
    // cli-progress needs string-width, which needs emoji-regex, is-fullwidth-code-point and strip-ansi (and that ansi-regex).
    expect(r.tree).toEqual([
      "node_modules/ansi-regex",
      "node_modules/cli-progress",
      "node_modules/decimal.js",
      "node_modules/emoji-regex",
      "node_modules/is-fullwidth-code-point",
      "node_modules/string-width",
      "node_modules/strip-ansi",
      "node_modules/yaml",
      "node_modules/zod",
    ]);
    expect(r.optionalPeers).toEqual(["vega", "vega-lite"]);
    expect(r.runtimeInstallScripts).toEqual([]);
    expect(r.devInstallScripts).toContain("node_modules/esbuild"); // a build tool: allowed, never installed for users
  });

  // A runtime dependency a → b (nested under a) with an install script; a dev tool and an optional peer with one too.
  const LOCK = {
    lockfileVersion: 3,
    packages: {
      "": { dependencies: { a: "1" }, devDependencies: { tool: "1" }, peerDependencies: { chart: "1" }, peerDependenciesMeta: { chart: { optional: true } } },
      "node_modules/a": { version: "1", dependencies: { b: "1" } },
      "node_modules/a/node_modules/b": { version: "1", hasInstallScript: true },
      "node_modules/tool": { version: "1", dev: true, hasInstallScript: true },
      "node_modules/chart": { version: "1", dev: true, peer: true, hasInstallScript: true },
    },
  };

  it("finds a runtime dependency's install script deep in the tree, not a dev tool's or an optional peer's", () => {
    const r = report(LOCK);
    expect(r.tree).toEqual(["node_modules/a", "node_modules/a/node_modules/b"]);
    expect(r.runtimeInstallScripts).toEqual(["node_modules/a/node_modules/b"]);
    expect(r.devInstallScripts).toEqual(["node_modules/tool", "node_modules/chart"]);
  });

  it("the script passes on the committed lockfile, printing the counts, and fails on the bad one", () => {
    const ok = execFileSync(process.execPath, [SCRIPT], { encoding: "utf8" });
    expect(ok).toContain("runtime dependencies: 4 direct (cli-progress, decimal.js, yaml, zod), 9 in the tree");
    expect(ok).toContain("supply-chain check passed");
    const bad = join(dir, "package-lock.json");
    writeFileSync(bad, JSON.stringify(LOCK));
    const r = spawnSync(process.execPath, [SCRIPT, "--lock", bad], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("FAIL: runtime dependencies with an install script: node_modules/a/node_modules/b\n");
  });
});

describe("the published files", () => {
  it("package.json's files leave source maps out of the tarball", () => {
    // The package's own package.json and README with a stand-in dist/: what npm pack takes from it.
    const pkg = join(dir, "pkg");
    mkdirSync(join(pkg, "dist", "sub"), { recursive: true });
    copyFileSync("package.json", join(pkg, "package.json"));
    copyFileSync("README.md", join(pkg, "README.md"));
    for (const f of ["index.js", "index.js.map", "index.cjs", "index.cjs.map", "sub/chunk.js", "sub/chunk.js.map"]) writeFileSync(join(pkg, "dist", f), "//\n");
    const r = packReport(pkg) as { files: string[]; maps: string[] };
    expect(r.maps).toEqual([]);
    expect(r.files.filter((f) => f.startsWith("dist/")).sort()).toEqual(["dist/index.cjs", "dist/index.js", "dist/sub/chunk.js"]);
  });

  it("finds a published script that names a source map the tarball leaves out", () => {
    const pkg = join(dir, "pkg-dangling");
    mkdirSync(join(pkg, "dist"), { recursive: true });
    copyFileSync("package.json", join(pkg, "package.json"));
    copyFileSync("README.md", join(pkg, "README.md"));
    writeFileSync(join(pkg, "dist", "index.js"), "export {};\n//# sourceMappingURL=index.js.map\n");
    writeFileSync(join(pkg, "dist", "index.cjs"), "module.exports = {};\n");
    const r = packReport(pkg) as { dangling: string[] };
    expect(r.dangling).toEqual(["dist/index.js"]);
  });
});
