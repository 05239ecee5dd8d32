#!/usr/bin/env node
/**
 * Supply-chain check, run by CI (.ci/run) and by test/scripts/checkSupplyChain.test.ts:
 *
 * - the lockfile (package-lock.json): fails when a runtime dependency — one an installer of this
 *   package gets, i.e. reached from `dependencies` (not dev, not an optional peer) — has an install
 *   script (`hasInstallScript`), and prints how many runtime dependencies there are, direct and in
 *   the whole tree;
 * - with `--pack`: what `npm pack` would publish (`npm pack --dry-run --json`), which must hold no
 *   source map (`*.map`) nor a script naming one (`sourceMappingURL=`), and the tarball's size.
 *
 * Usage: node scripts/check-supply-chain.mjs [--lock <package-lock.json>] [--pack]
 * `npm audit` needs the registry's advisory service, which CI cannot reach; this check needs nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The runtime dependency tree of a lockfile (version 2 or 3): walks from the root's
 * `dependencies` through each package's `dependencies`, `optionalDependencies` and required
 * `peerDependencies`, resolving names as Node does (the nearest node_modules up the path).
 * Optional peers (`peerDependenciesMeta[name].optional`) are not followed: an installer opts in.
 * @returns the direct and all runtime packages (lock paths), the optional peers, and the runtime
 * packages with an install script (these fail the check) and the dev ones (allowed, listed).
 */
export function lockReport(lock) {
  const packages = lock.packages;
  if (!packages || !packages[""]) throw new Error("not a lockfile of version 2 or 3 (no packages[\"\"])");
  const root = packages[""];
  const resolveFrom = (from, name) => {
    for (let dir = from; ; ) {
      const path = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (packages[path]) return path;
      if (!dir) return null;
      const up = dir.lastIndexOf("/node_modules/");
      dir = up === -1 ? "" : dir.slice(0, up);
    }
  };
  const needed = (meta, name) => !meta?.[name]?.optional;
  const tree = new Set();
  const missing = [];
  const visit = (from, names) => {
    for (const name of names) {
      const path = resolveFrom(from, name);
      if (path === null) {
        missing.push(`${name} (from ${from || "the root"})`);
        continue;
      }
      if (tree.has(path)) continue;
      tree.add(path);
      const p = packages[path];
      const peers = Object.keys(p.peerDependencies ?? {}).filter((n) => needed(p.peerDependenciesMeta, n));
      visit(path, [...Object.keys(p.dependencies ?? {}), ...Object.keys(p.optionalDependencies ?? {}), ...peers]);
    }
  };
  const direct = Object.keys(root.dependencies ?? {});
  visit("", direct);
  // A package the lock itself marks as not dev is installed for users too, even if the walk missed it.
  for (const [path, p] of Object.entries(packages)) if (path && !p.dev && !p.devOptional && !p.link) tree.add(path);
  const optionalPeers = Object.keys(root.peerDependencies ?? {}).filter((n) => !needed(root.peerDependenciesMeta, n));
  const withScript = (paths) => paths.filter((path) => packages[path]?.hasInstallScript === true);
  const all = [...tree].sort();
  return {
    direct,
    optionalPeers,
    tree: all,
    missing,
    runtimeInstallScripts: withScript(all),
    devInstallScripts: withScript(Object.keys(packages).filter((path) => path && !tree.has(path))),
  };
}

/** What `npm pack` would publish from `dir`: its files, the tarball's size and unpacked size, the source maps in it and the scripts that name one. */
export function packReport(dir) {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path);
  // A script that names a source map the tarball does not hold sends debuggers looking for it.
  const dangling = files.filter((f) => /\.(c|m)?js$/.test(f) && existsSync(resolve(dir, f)) && readFileSync(resolve(dir, f), "utf8").includes("sourceMappingURL="));
  return { size: info.size, unpackedSize: info.unpackedSize, files, maps: files.filter((f) => f.endsWith(".map")), dangling };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

function main(argv) {
  const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const at = argv.indexOf("--lock");
  const lockPath = at >= 0 ? resolve(argv[at + 1] ?? "") : resolve(here, "package-lock.json");
  const r = lockReport(JSON.parse(readFileSync(lockPath, "utf8")));
  let failed = false;
  console.log(`runtime dependencies: ${r.direct.length} direct (${r.direct.join(", ")}), ${r.tree.length} in the tree`);
  if (r.optionalPeers.length) console.log(`optional peers, not installed unless asked for: ${r.optionalPeers.join(", ")}`);
  if (r.missing.length) console.log(`not in the lockfile (optional, or for another platform): ${r.missing.join(", ")}`);
  if (r.devInstallScripts.length) console.log(`dev dependencies with an install script (not installed for users): ${r.devInstallScripts.map((p) => p.replace(/^node_modules\//, "")).join(", ")}`);
  if (r.runtimeInstallScripts.length) {
    console.error(`FAIL: runtime dependencies with an install script: ${r.runtimeInstallScripts.join(", ")}`);
    failed = true;
  }
  if (argv.includes("--pack")) {
    const p = packReport(here);
    console.log(`npm pack: ${p.files.length} files, tarball ${kb(p.size)}, unpacked ${kb(p.unpackedSize)}`);
    if (p.maps.length) {
      console.error(`FAIL: source maps in the published tarball: ${p.maps.slice(0, 5).join(", ")}${p.maps.length > 5 ? ` and ${p.maps.length - 5} more` : ""}`);
      failed = true;
    }
    if (p.dangling.length) {
      console.error(`FAIL: published scripts that name a source map: ${p.dangling.slice(0, 5).join(", ")}${p.dangling.length > 5 ? ` and ${p.dangling.length - 5} more` : ""}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
  console.log("supply-chain check passed");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
