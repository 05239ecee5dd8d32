// Runs against the built CJS bundle (dist/index.cjs): the quick start's caseload, amounts worked out by
// hand in test/examples.test.ts (effort €55,930, trajectory €33,750).
const { readFileSync } = require("node:fs");
const { caseloadFromRecords, compare } = require("../dist/index.cjs");

const records = JSON.parse(readFileSync(require("node:path").join(__dirname, "records.json"), "utf8"));
const caseload = caseloadFromRecords(records, { window: { start: "2025-12", months: 13 } });
const result = compare(caseload, [
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
  { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] },
], { horizon: { start: "2026-01", months: 12 } });
const totals = result.models.map((m) => m.metrics.totalPaid);
if (totals[0] !== 5593000 || totals[1] !== 3375000) {
  console.error("CJS bundle: unexpected totals", totals);
  process.exit(1);
}
console.log("CJS bundle ok:", totals.join(", "));
