// Runs against the built CJS bundle (dist/index.cjs): the shipped quick-start scenario, whose amounts
// are worked out by hand in test/examples.test.ts (effort €55,930, trajectory €33,750).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { runScenario } = require("../dist/index.cjs");

const scenario = JSON.parse(readFileSync(join(__dirname, "..", "scenarios", "quick-start.json"), "utf8"));
const totals = runScenario(scenario).comparison.models.map((m) => m.metrics.totalPaid);
if (totals[0] !== 5593000 || totals[1] !== 3375000) {
  console.error("CJS bundle: unexpected totals", totals);
  process.exit(1);
}
console.log("CJS bundle ok:", totals.join(", "));
