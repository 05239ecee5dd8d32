/**
 * Monte Carlo throughput: `compare` of the default scenario (the default region, its calibrated
 * models, cost prices and budget) over many seeds, serially on one thread — what issue 8's
 * "1,000 runs in ≤ 10 s on 2 cores" needs (≈ 20 ms per run single-threaded). Prints the total,
 * ms per run, and the split between caseload generation and projection (generation timed on its
 * own over the same seeds; projection = total − generation).
 *
 * Run: `tsx bench/montecarlo.ts` (`--runs N`, default 1000; `--core` for the four core models
 * without the ceiling variant; `--quick` for 50 runs); part of `npm run bench`.
 */
import { compare, defaultScenario, generateCaseload } from "../src/index.js";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes("--quick");
const runs = Number(arg("--runs") ?? (quick ? 50 : 1000));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${arg("--runs")}`);
const core = process.argv.includes("--core");

const s = defaultScenario();
const models = core ? s.models.filter((m) => m.label !== "Inspanning + plafond") : s.models;
const seed = s.options.seed ?? 1;

// Warm-up: a few runs so the JIT has compiled every path before timing.
compare(s.caseload, models, { ...s.options, seed: seed + runs, runs: 3 });

let t0 = performance.now();
const result = compare(s.caseload, models, { ...s.options, seed, runs });
const total = performance.now() - t0;

t0 = performance.now();
let size = 0;
for (let r = 0; r < runs; r++) size += generateCaseload(s.caseload, seed + r).size;
const generation = performance.now() - t0;

const f = (ms: number): string => ms.toFixed(1);
console.log(`Monte Carlo: ${runs} runs × default region (${Math.round(size / runs).toLocaleString("en-US")} trajectories on average) × ${models.length} models, serial`);
console.log(`  total        ${(total / 1000).toFixed(2)} s   ${f(total / runs)} ms/run`);
console.log(`  generation   ${(generation / 1000).toFixed(2)} s   ${f(generation / runs)} ms/run (timed separately, same seeds)`);
console.log(`  projection   ${((total - generation) / 1000).toFixed(2)} s   ${f((total - generation) / runs)} ms/run (total − generation: ${models.length} models, metrics, summaries)`);
console.log(`  (mean total paid of the first model, to keep the work observable: ${result.models[0]!.mean.totalPaid})`);
