// Runs against the built ESM bundle (dist/index.js): the shipped quick-start scenario, whose amounts
// are worked out by hand in test/examples.test.ts (effort €55,930, trajectory €33,750).
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { compare, runScenario } from "../dist/index.js";
import { compareInWorkers } from "../dist/node.js";

const scenario = JSON.parse(readFileSync(new URL("../scenarios/quick-start.json", import.meta.url), "utf8"));
const totals = runScenario(scenario).comparison.models.map((m) => m.metrics.totalPaid);
if (totals[0] !== 5593000 || totals[1] !== 3375000) {
  console.error("ESM bundle: unexpected totals", totals);
  process.exit(1);
}
console.log("ESM bundle ok:", totals.join(", "));

// compareInWorkers from the built node entry: its worker script (dist/compareWorker.js) is found
// next to it, and 2 workers give exactly what compare gives.
const spec = {
  window: { start: "2026-01", months: 12 },
  municipalities: [{ name: "G0", weight: 1 }],
  providers: [{ name: "P0", careForms: ["ambulant"], weight: 1 }],
  profiles: [{ name: "licht", careForm: "ambulant", unit: "04", arrivalsPerMonth: 4, initialStock: 10,
    intensities: [{ name: "laag", weight: 1, durationMonths: { mean: 5, cv: 0.5 }, monthlyUse: { mean: 240, cv: 0.4 } }],
    outcome: { achieved: 0.6, notAchieved: 0.3, droppedOut: 0.1 } }],
};
const models = [
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { distribution: "triangular", min: 60, mode: 70, max: 80, as: "euros" } }] },
  { kind: "trajectory", amounts: [{ amount: "1000.00" }] },
];
const options = { seed: 3, runs: 5, keepProjections: true };
const parallel = await compareInWorkers(spec, models, options, { workers: 2 });
if (!isDeepStrictEqual(parallel, compare(spec, models, options))) {
  console.error("ESM bundle: compareInWorkers differs from compare");
  process.exit(1);
}
console.log("ESM bundle ok: compareInWorkers with 2 workers equals compare");
