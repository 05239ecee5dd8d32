/**
 * Locating schema issues in a JSON records file: 20,000 bad records, each reported with its line
 * and column. With a scan from the start of the file per issue this took about 160 s (quadratic);
 * with one line index it is about a second. Run: `npx tsx bench/locate.bench.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bench } from "tinybench";
import { safeLoadScenario } from "../src/node/scenarioFile.js";

const RECORDS = 20_000;
const dir = mkdtempSync(join(tmpdir(), "locate-bench-"));
const records = Array.from({ length: RECORDS }, (_, i) => ({
  id: `t${i}`, municipality: "A", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-03", outcome: "achieved", use: -1,
}));
writeFileSync(join(dir, "records.json"), JSON.stringify(records, null, 2));
const scenario = join(dir, "s.json");
writeFileSync(scenario, JSON.stringify({ caseload: { recordsFile: "records.json", window: { start: "2026-01", months: 12 } }, models: [{ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] }] }));

const bench = new Bench({ name: "locate", time: 1000, iterations: 3 });
bench.add(`${RECORDS} bad records located`, async () => {
  const r = await safeLoadScenario(scenario);
  if (r.success || r.issues.length !== RECORDS) throw new Error("expected every record refused");
});
await bench.run();
for (const task of bench.tasks) {
  if (task.result.state !== "completed") throw new Error(`${task.name}: ${task.result.state}`);
  console.log(`${task.name}: ${(task.result.latency.mean / 1000).toFixed(2)} s per load`);
}
rmSync(dir, { recursive: true, force: true });
