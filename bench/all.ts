/**
 * `npm run bench`: the projection benchmarks, then the floor comparison at national scale, then
 * the Monte Carlo throughput, then locating 20,000 bad records in a JSON file — each in its own
 * process (so one's heap and JIT state do not colour the next), with the arguments passed on
 * (`npm run bench -- --quick` for a short run of all).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
for (const script of ["projection.bench.ts", "floor.ts", "montecarlo.ts", "locate.bench.ts"]) {
  const file = fileURLToPath(new URL(script, import.meta.url));
  console.log(`\n── bench/${script} ${args.join(" ")}`.trimEnd());
  // process.execArgv carries tsx's loader, so the child runs TypeScript the same way.
  const r = spawnSync(process.execPath, [...process.execArgv, file, ...args], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
