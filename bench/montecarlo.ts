/**
 * Monte Carlo throughput: `compare` of the default scenario (the default region, its calibrated
 * models, cost prices and budget) over many seeds, serially on one thread — what issue 8's
 * "1,000 runs in ≤ 10 s on 2 cores" needs (≈ 20 ms per run single-threaded) — and the same runs
 * spread over worker threads with `compareInWorkers` (checked to give the identical result).
 * Prints the total, ms per run (wall and the process's CPU time, which other jobs on a shared machine
 * disturb less), the split between caseload generation and projection (generation timed on its own
 * over the same seeds; projection = total − generation), and serial against workers.
 *
 * Run: `tsx bench/montecarlo.ts` (`--runs N`, default 1000; `--core` for the four core models
 * without the ceiling variant; `--quick` for 50 runs; `--workers N`, default the cores available;
 * `--dist` to time the built package in dist/ — run `npm run build` first — whose workers start
 * without tsx's TypeScript transforms); part of `npm run bench`.
 */
import { availableParallelism, loadavg } from "node:os";
import { isDeepStrictEqual } from "node:util";
import * as source from "../src/index.js";
import * as sourceNode from "../src/node/index.js";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes("--quick");
const runs = Number(arg("--runs") ?? (quick ? 50 : 1000));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${arg("--runs")}`);
const core = process.argv.includes("--core");
const workers = Number(arg("--workers") ?? availableParallelism());
if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got ${arg("--workers")}`);
const dist = process.argv.includes("--dist");
// The built package has the same API; its declarations are checked by the bundle smoke tests.
const lib = (dist ? await import("../dist/index.js" as string) : source) as typeof source;
const { compareInWorkers } = (dist ? await import("../dist/node.js" as string) : sourceNode) as typeof sourceNode;
const { compare, defaultScenario, generateCaseload } = lib;

const s = defaultScenario();
const models = core ? s.models.filter((m) => m.label !== "Inspanning + plafond") : s.models;
const seed = s.options.seed ?? 1;

// Warm-up: a few runs so the JIT has compiled every path before timing.
compare(s.caseload, models, { ...s.options, seed: seed + runs, runs: 3 });

// CPU time beside wall time: on a shared machine the wall time also counts other jobs' slices.
const cpu = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
let t0 = performance.now();
let c0 = process.cpuUsage();
const result = compare(s.caseload, models, { ...s.options, seed, runs });
const total = performance.now() - t0;
const totalCpu = cpu(c0);

t0 = performance.now();
c0 = process.cpuUsage();
let size = 0;
for (let r = 0; r < runs; r++) size += generateCaseload(s.caseload, seed + r).size;
const generation = performance.now() - t0;
const generationCpu = cpu(c0);

// The same runs on worker threads: the time includes starting the workers (each loads the library
// and plans the comparison; from source, tsx transforms the TypeScript first).
t0 = performance.now();
const parallel = await compareInWorkers(s.caseload, models, { ...s.options, seed, runs }, { workers });
const inWorkers = performance.now() - t0;
const identical = isDeepStrictEqual(parallel, result);

const f = (ms: number): string => ms.toFixed(1);
const load = loadavg().map((x) => x.toFixed(2)).join(", ");
console.log(`Monte Carlo: ${runs} runs × default region (${Math.round(size / runs).toLocaleString("en-US")} trajectories on average) × ${models.length} models, serial`);
console.log(`  total        ${(total / 1000).toFixed(2)} s   ${f(total / runs)} ms/run   (CPU ${f(totalCpu / runs)} ms/run)`);
console.log(`  generation   ${(generation / 1000).toFixed(2)} s   ${f(generation / runs)} ms/run   (CPU ${f(generationCpu / runs)} ms/run; timed separately, same seeds)`);
console.log(
  `  projection   ${((total - generation) / 1000).toFixed(2)} s   ${f((total - generation) / runs)} ms/run   (CPU ${f((totalCpu - generationCpu) / runs)} ms/run; total − generation: ${models.length} models, metrics, summaries)`,
);
console.log(`  (mean total paid of the first model, to keep the work observable: ${result.models[0]!.mean.totalPaid})`);
const used = Math.min(workers, runs);
console.log(
  `${runs.toLocaleString("en-US")} runs × default region × ${models.length} models: serial ${(total / 1000).toFixed(2)} s, ` +
    `${used} worker${used === 1 ? "" : "s"} ${(inWorkers / 1000).toFixed(2)} s (×${(total / inWorkers).toFixed(2)}; ${dist ? "built package" : "from source"}; ` +
    `result ${identical ? "identical" : "DIFFERENT"}; ${availableParallelism()} cores, load average ${load})`,
);
if (!identical) process.exitCode = 1;
