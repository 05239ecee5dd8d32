/**
 * `npm run fuzz [numRuns] [seed]`: runs the fuzz suite (test/fuzz/harness.ts) — mutated shipped
 * scenarios, records, CSVs and model configs through the public API — for numRuns cases (default
 * 100,000). Prints the number of cases, crashes and time; on a crash, each crash class with its
 * count and first counterexample, and exits 1.
 */
import { runFuzz } from "../test/fuzz/harness.js";

const numRuns = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 20261205);
if (!Number.isSafeInteger(numRuns) || numRuns < 1 || !Number.isSafeInteger(seed)) {
  console.error("usage: npm run fuzz [numRuns] [seed]   (whole numbers; numRuns at least 1)");
  process.exit(2);
}
const progress = process.stderr.isTTY ? (n: number) => process.stderr.write(`\r${n.toLocaleString("en")} cases…`) : undefined;
const r = runFuzz(numRuns, seed, progress);
if (progress) process.stderr.write("\n");
console.log(`fuzz: ${r.cases.toLocaleString("en")} cases (seed ${seed}) in ${(r.ms / 1000).toFixed(1)} s: ${r.results.toLocaleString("en")} results, ${r.inputErrors.toLocaleString("en")} located input errors, ${r.crashes} crashes`);
console.log(`slowest case: ${r.slowest.ms.toFixed(0)} ms (${r.slowest.name.slice(0, 200)})`);
for (const [kind, c] of r.classes) {
  console.log(`\n${c.count} × ${kind}\n  counterexample: ${c.example}\n  ${c.detail.replaceAll("\n", "\n  ")}`);
}
process.exit(r.crashes === 0 ? 0 : 1);
