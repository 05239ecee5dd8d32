// All four funding models on the quick start's caseload, with cost prices and a budget.
import { caseloadFromRecords, compare, formatComparison, type ModelConfig } from "../src/index.js";

const caseload = caseloadFromRecords(
  [
    { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
    { id: "t2", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-03", end: null, outcome: "open", use: [600, 540, 480, 480, 300, 300, 240, 240, 120, 120] },
    { id: "t3", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
  ],
  { window: { start: "2025-12", months: 13 } },
);
const models: ModelConfig[] = [
  // taakgericht: a lump sum per provider per year, paid monthly; ±5 % corridor settled after the year
  { kind: "task", budgets: [{ provider: "Jeugdhulp Noord", perYear: "12000.00" }, { provider: "Woongroep Zuid", perYear: "55000.00" }],
    corridor: { referenceTariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] } },
  // inspanningsgericht: tariff × hours / etmalen, within a yearly ceiling for one provider
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }],
    ceiling: { amounts: [{ provider: "Jeugdhulp Noord", perYear: "5000.00" }], behaviour: "intakeStop" } },
  // outputgericht: a price per profile (× intensity), 20 % at the start, 60 % monthly, 10 % at the end, 10 % on result
  { kind: "output", prices: [{ profile: "opvoeden", price: "2400.00" }, { profile: "verblijf", price: "55000.00" }],
    schedule: { atStart: 20, instalments: 60, atEnd: 10, onResult: 10 }, validityMonths: 12 },
  // trajectfinanciering: a fixed amount per trajectory, half at the start, the rest at closure
  { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] },
];
const result = compare(caseload, models, {
  horizon: { start: "2026-01", months: 12 },
  costPrices: { prices: [{ careForm: "ambulant", price: "66.00" }, { careForm: "verblijf", price: "170.00" }] },
  budget: { perYear: "60000.00" },
});
console.log(formatComparison(result));
