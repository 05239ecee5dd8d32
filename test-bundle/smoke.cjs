// Runs against the built CJS bundle (dist/index.cjs): the shipped quick-start scenario, whose amounts
// are worked out by hand in test/examples.test.ts (effort €55,930, trajectory €33,750).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { isDeepStrictEqual } = require("node:util");
const { compare, runScenario } = require("../dist/index.cjs");
const { compareInWorkers } = require("../dist/node.cjs");

const scenario = JSON.parse(readFileSync(join(__dirname, "..", "scenarios", "quick-start.json"), "utf8"));
const totals = runScenario(scenario).comparison.models.map((m) => m.metrics.totalPaid);
if (totals[0] !== 5593000 || totals[1] !== 3375000) {
  console.error("CJS bundle: unexpected totals", totals);
  process.exit(1);
}
console.log("CJS bundle ok:", totals.join(", "));

// compareInWorkers from the built node entry: its worker script (dist/compareWorker.cjs) is found
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
compareInWorkers(spec, models, options, { workers: 2 }).then((parallel) => {
  if (!isDeepStrictEqual(parallel, compare(spec, models, options))) {
    console.error("CJS bundle: compareInWorkers differs from compare");
    process.exit(1);
  }
  console.log("CJS bundle ok: compareInWorkers with 2 workers equals compare");
}, (e) => {
  console.error("CJS bundle: compareInWorkers failed", e);
  process.exit(1);
});
