/**
 * National scale: about 500,000 trajectories over 36 months through the four core models, totals
 * only (no per-line ledger), timed once each and with the process's peak memory. Run:
 * `npm run bench:national`.
 */
import { calibratedScenario, createModel, project } from "../src/index.js";
import { benchCaseload, scaledRegion } from "./region.js";

const horizon = { start: "2026-01", months: 36 };
const { models, costPrices } = calibratedScenario(scaledRegion(500_000));
const core = models.filter((m) => m.label !== "Inspanning + plafond"); // the four core models

let t0 = performance.now();
const { caseload, trajectoryMonths } = benchCaseload(500_000);
console.log(`generated ${caseload.size.toLocaleString("en-US")} trajectories, ${trajectoryMonths.toLocaleString("en-US")} trajectory-months in ${((performance.now() - t0) / 1000).toFixed(2)} s`);

const built = core.map((c) => createModel(c));
for (const m of built) project(caseload, m, { horizon }); // warm-up: let the JIT compile each path once

let payments = 0;
t0 = performance.now();
for (const m of built) payments += project(caseload, m, { horizon }).totalPaid;
const paymentsOnly = (performance.now() - t0) / 1000;
t0 = performance.now();
for (const m of built) project(caseload, m, { horizon, costPrices });
const withCost = (performance.now() - t0) / 1000;

const rss = process.memoryUsage().rss / 2 ** 20;
console.log(`4 models, payments only: ${paymentsOnly.toFixed(2)} s (${((4 * trajectoryMonths) / paymentsOnly / 1e6).toFixed(1)} M trajectory-months/s)`);
console.log(`4 models, with provider cost: ${withCost.toFixed(2)} s`);
console.log(`resident memory after the runs: ${rss.toFixed(0)} MiB`);
console.log(`(sum of totals, to keep the work observable: ${payments})`);
