// Quick start: compare two funding models on your own caseload (three trajectories here).
import { caseloadFromRecords, compare, formatComparison } from "../src/index.js";

const caseload = caseloadFromRecords(
  [
    { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
    { id: "t2", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-03", end: null, outcome: "open", use: [600, 540, 480, 480, 300, 300, 240, 240, 120, 120] },
    { id: "t3", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
  ],
  { window: { start: "2025-12", months: 13 } }, // use known from December: January pays December's care
);
const result = compare(caseload, [
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
  { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] },
], { horizon: { start: "2026-01", months: 12 } });
console.log(formatComparison(result));
