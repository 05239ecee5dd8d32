/**
 * Benchmarks of the cost-projection core: each funding model of the default scenario at 1k, 10k
 * and 100k trajectories over 36 months, in trajectory-months per second, against the
 * straightforward decimal.js reference path (test/reference) at the sizes where it finishes in
 * reasonable time. Run: `npm run bench` (add `-- --quick` for a short run).
 */
import { Bench } from "tinybench";
import { calibratedScenario, createModel, project, type FundingModel } from "../src/index.js";
import { referenceProject } from "../test/reference/reference.js";
import { benchCaseload, scaledRegion } from "./region.js";

const quick = process.argv.includes("--quick");
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const REFERENCE_SIZES = new Set(quick ? [1_000] : [1_000, 10_000]);
const horizon = { start: "2026-01", months: 36 };

const { models: configs, costPrices } = calibratedScenario(scaledRegion(1_000));
const rows: { model: string; size: number; path: string; ms: number; perSecond: number }[] = [];

for (const size of SIZES) {
  const { caseload, trajectoryMonths } = benchCaseload(size);
  const bench = new Bench({ name: `${caseload.size} trajectories`, time: quick ? 200 : 1000, iterations: 3 });
  const models: [string, FundingModel, (typeof configs)[number]][] = configs.map((c) => [c.label ?? c.kind, createModel(c), c]);
  for (const [label, model] of models) {
    bench.add(`${label} | fast`, () => {
      project(caseload, model, { horizon, costPrices });
    });
  }
  if (REFERENCE_SIZES.has(size)) {
    for (const [label, , config] of models) {
      bench.add(`${label} | decimal.js reference`, () => {
        referenceProject(caseload, config, { horizon, costPrices });
      });
    }
  }
  await bench.run();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== "completed") throw new Error(`${task.name}: ${r.state}`);
    const [model, path] = task.name.split(" | ") as [string, string];
    rows.push({ model, size: caseload.size, path, ms: r.latency.mean, perSecond: trajectoryMonths / (r.latency.mean / 1000) });
  }
  console.error(`done: ${caseload.size} trajectories, ${trajectoryMonths} trajectory-months`);
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
console.log(`\n${"model".padEnd(22)}  ${"trajectories".padStart(12)}  ${"path".padEnd(22)}  ${"mean ms".padStart(8)}  ${"trajectory-months/s".padStart(20)}   reference ÷ fast`);
for (const r of rows) {
  const ref = rows.find((x) => x.model === r.model && x.size === r.size && x.path !== "fast");
  const ratio = r.path === "fast" && ref ? `${(ref.ms / r.ms).toFixed(0)}×` : "";
  console.log(
    `${r.model.padEnd(22)}  ${fmt(r.size).padStart(12)}  ${r.path.padEnd(22)}  ${r.ms.toFixed(1).padStart(8)}  ${fmt(r.perSecond).padStart(20)}   ${ratio}`,
  );
}
