/**
 * Compares the funding models on the built-in default region: about 10,000 young people in care
 * in four municipalities, seven providers, 2026–2028. Run: `npm run compare` (add `-- --runs 20`
 * for a Monte Carlo run with P5–P95 ranges).
 */
import { compare, defaultScenario, formatComparison } from "../src/index.js";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 1;

const { caseload, models, options } = defaultScenario();
const started = performance.now();
const result = compare(caseload, models, { ...options, runs }, (done, total) => {
  if (total > 1 && process.stderr.isTTY) process.stderr.write(`\rrun ${done}/${total}`);
});
if (runs > 1 && process.stderr.isTTY) process.stderr.write("\n");

console.log(`Default region, ${result.horizon.start} + ${result.horizon.months} months, seed ${result.seeds[0]}${runs > 1 ? ` (${runs} runs)` : ""}\n`);
console.log(formatComparison(result));
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
