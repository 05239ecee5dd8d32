/**
 * Paired timing of two builds of the package, for changes smaller than a shared machine's drift.
 * On the 2-core CI machine the same run can take 1.6 times as long from one minute to the next, so
 * two timings taken one after the other say little about a 5 % change. Here both builds are loaded
 * into one process and timed in alternating rounds (A B, B A, A B, …) of the default scenario, so
 * both see the same phases of the machine; the figure to read is the median of the per-round ratios
 * B ÷ A (below 1: B is faster). The two builds must give the same results: the bench checks the
 * mean total paid of every model, round by round, and fails otherwise.
 *
 * Run: `tsx bench/paired.ts <buildA> <buildB>` where a build is a folder holding a built `index.js`
 * (the `dist/` of a checkout after `npm run build`); options `--mode compare|generate` (default
 * compare: the four core models with generation; generate: caseloads only), `--rounds N` (default
 * 16), `--runs N` per round (default 8). A baseline to compare with, e.g. the last commit:
 * `git worktree add /tmp/base HEAD && ln -s "$PWD/node_modules" /tmp/base/node_modules && (cd /tmp/base && npm run build)`,
 * then `tsx bench/paired.ts /tmp/base/dist dist`.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { median } from "./median.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const folders = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1]!.startsWith("--")));
if (folders.length !== 2) throw new Error("usage: tsx bench/paired.ts <buildA> <buildB> [--mode compare|generate] [--rounds N] [--runs N]");
const mode = option("--mode", "compare");
if (mode !== "compare" && mode !== "generate") throw new Error(`--mode must be compare or generate, got ${mode}`);
const rounds = Number(option("--rounds", "16"));
const runs = Number(option("--runs", "8"));
for (const [name, n] of [["--rounds", rounds], ["--runs", runs]] as const) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${n}`);
}

const builds = await Promise.all(folders.map(async (f) => (await import(pathToFileURL(resolve(f, "index.js")).href)) as typeof Library));
/** One round of a build: `runs` runs from `seed`; returns what the round computed, to be compared. */
const rounders = builds.map((lib) => {
  const s = lib.defaultScenario();
  const models = s.models.filter((m) => m.label !== "Inspanning + plafond");
  return (seed: number): string => {
    if (mode === "generate") {
      let size = 0;
      for (let r = 0; r < runs; r++) size += lib.generateCaseload(s.caseload, seed + r).size;
      return String(size);
    }
    return lib
      .compare(s.caseload, models, { ...s.options, seed, runs })
      .models.map((m) => m.mean.totalPaid)
      .join(",");
  };
});

// Warm-up: the JIT compiles both builds' paths before timing.
for (const round of rounders) round(1_000_000);
const ms: [number[], number[]] = [[], []];
const ratios: number[] = [];
for (let k = 0; k < rounds; k++) {
  const seed = 1 + k * runs;
  const per: number[] = [0, 0];
  const results: string[] = ["", ""];
  for (const i of k % 2 === 0 ? [0, 1] : [1, 0]) {
    const t0 = performance.now();
    results[i] = rounders[i]!(seed);
    per[i] = (performance.now() - t0) / runs;
    ms[i as 0 | 1].push(per[i]!);
  }
  if (results[0] !== results[1]) throw new Error(`the builds differ in round ${k + 1} (seed ${seed}): ${results[0]} against ${results[1]}`);
  ratios.push(per[1]! / per[0]!);
}
console.log(`Paired: ${rounds} rounds × ${runs} runs of the default scenario (${mode === "compare" ? "generation + 4 core models" : "caseloads only"}), alternating`);
console.log(`  A ${folders[0]}: median ${median(ms[0]).toFixed(1)} ms a run`);
console.log(`  B ${folders[1]}: median ${median(ms[1]).toFixed(1)} ms a run`);
console.log(`  B ÷ A, median of the rounds' ratios: ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); the same results in every round`);
