// Runs against the built ESM bundle (dist/index.js): the shipped quick-start scenario, whose amounts
// are worked out by hand in test/examples.test.ts (effort €55,930, trajectory €33,750).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import * as main from "../dist/index.js";
import * as node from "../dist/node.js";

const { compare, runScenario } = main;
const { compareInWorkers } = node;

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

// One error class across the entries: a bad scenario file loaded by the node entry is caught with
// the main entry's classes, a bad model config from the main entry with the node entry's; the CJS
// build's errors are recognised by the ESM build's class and guard (their brand), though a copy.
const fail = (what) => {
  console.error(`ESM bundle: ${what}`);
  process.exit(1);
};
const thrown = async (fn) => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  return fail(`expected an error from ${fn}`);
};
const badFile = await thrown(() => node.loadScenario("scenarios/no-such-scenario.json"));
if (!(badFile instanceof main.FundingInputError) || !(badFile instanceof main.ScenarioInputError) || !main.isFundingInputError(badFile)) {
  fail(`an error of the node entry is not the main entry's FundingInputError: ${badFile}`);
}
if (!/no-such-scenario\.json: cannot read the file: no such file/.test(badFile.message)) fail(`unexpected message: ${badFile.message}`);
const badModel = await thrown(() => main.createModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "-1.00" }] }));
if (!(badModel instanceof node.FundingInputError) || !node.isFundingInputError(badModel) || badModel instanceof node.ScenarioInputError) {
  fail(`an error of the main entry is not the node entry's FundingInputError: ${badModel}`);
}
if (node.FundingInputError !== main.FundingInputError || node.ScenarioInputError !== main.ScenarioInputError) fail("the node entry has its own copy of the error classes");
const cjs = createRequire(import.meta.url)("../dist/node.cjs");
const fromCjs = await thrown(() => cjs.loadScenario("scenarios/no-such-scenario.json"));
if (!(fromCjs instanceof main.FundingInputError) || !main.isFundingInputError(fromCjs) || main.isFundingInputError(new Error("x"))) {
  fail("the CJS build's error is not recognised by the ESM build's FundingInputError");
}
if (fromCjs instanceof main.ScenarioInputError) fail("a subclass's instanceof is the ordinary check, but it held across copies");
console.log("ESM bundle ok: one FundingInputError across the entries, recognised across the ESM and CJS builds");
