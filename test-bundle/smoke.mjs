// Runs against the built ESM bundle (dist/index.js): the shipped quick-start scenario, whose amounts
// are worked out by hand in test/examples.test.ts (effort €55,930, trajectory €33,750).
import { readFileSync } from "node:fs";
import { runScenario } from "../dist/index.js";

const scenario = JSON.parse(readFileSync(new URL("../scenarios/quick-start.json", import.meta.url), "utf8"));
const totals = runScenario(scenario).comparison.models.map((m) => m.metrics.totalPaid);
if (totals[0] !== 5593000 || totals[1] !== 3375000) {
  console.error("ESM bundle: unexpected totals", totals);
  process.exit(1);
}
console.log("ESM bundle ok:", totals.join(", "));
