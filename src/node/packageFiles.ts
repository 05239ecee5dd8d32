import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * The files that ship with the package (package.json, scenarios/), found from this module's own
 * location, so the command line works from any folder. Found by walking up to our package.json
 * rather than by a fixed `../..`: this code runs from src/node/ (tsx, tests) and from a chunk in
 * dist/ (the built package), at different depths.
 */

const PACKAGE_NAME = "jeugdhulp-bekostiging";

/** The extensions a scenario file may have. */
const SCENARIO_EXTENSIONS = [".json", ".yaml", ".yml"];

let root: { readonly dir: string; readonly version: string } | null | undefined;

/** The package's folder and version, or `null` when its package.json is not above this module (bundled into something else). */
export function packageInfo(): { readonly dir: string; readonly version: string } | null {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return (root = { dir, version: pkg.version });
      } catch {
        // Not ours or not readable: keep looking further up.
      }
    }
    const up = dirname(dir);
    if (up === dir) return (root = null);
    dir = up;
  }
}

/** The scenarios shipped in the package's `scenarios/` folder: their bare names, sorted. */
export function shippedScenarios(): string[] {
  const info = packageInfo();
  if (!info) return [];
  const dir = join(info.dir, "scenarios");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => SCENARIO_EXTENSIONS.includes(extname(f)))
    .map((f) => f.slice(0, -extname(f).length))
    .sort();
}

/**
 * The scenario file a command-line argument names: the path itself when it exists or has a folder
 * in it. A bare name (`default-region`, `quick-start.json`) that is no file here is looked for with
 * each scenario extension (`mijn-regio` → `mijn-regio.yaml`) in the current folder, then among the
 * shipped scenarios. `null` for a bare name found in neither.
 */
export function scenarioFileOf(arg: string): string | null {
  if (existsSync(arg) || /[/\\]/.test(arg)) return arg;
  const names = SCENARIO_EXTENSIONS.includes(extname(arg)) ? [arg] : SCENARIO_EXTENSIONS.map((ext) => `${arg}${ext}`);
  const here = names.find((name) => existsSync(name));
  if (here !== undefined) return here;
  const info = packageInfo();
  if (!info) return null;
  for (const name of names) {
    const file = resolve(info.dir, "scenarios", name);
    if (existsSync(file)) return file;
  }
  return null;
}
