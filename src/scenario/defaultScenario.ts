import { Decimal } from "decimal.js";
import type { CareForm } from "../caseload/codes.js";
import { defaultRegionSpec } from "../caseload/defaultRegion.js";
import { CaseloadSpecSchema, type CaseloadSpec, type CaseloadSpecInput } from "../caseload/spec.js";
import type { CompareOptions } from "../metrics/compare.js";
import type { CoreModelConfig } from "../models/index.js";
import type { CostPricesInput } from "../projection/cost.js";

/*
 * The built-in default scenario: the default region (caseload/defaultRegion.ts) paid under each
 * funding model, with every model calibrated to the same expected cost, so that differences in
 * the comparison come from how each model pays, not from a different price level.
 */

/**
 * Tariffs per care form in euros per hour (time units) or per etmaal / dagdeel. Sources:
 * shared/domain.md "tariffs (regional examples 2020–2024)" and its estimates.
 * @category Scenarios
 */
export const DEFAULT_TARIFFS: Readonly<Record<CareForm, string>> = {
  ambulant: "70.00", // "ambulant €51–78/hour": upper middle of the range
  wijkteam: "65.00", // estimate: light ambulant support, a little below specialist ambulant care
  daghulp: "66.00", // "dagbehandeling €46–86 per dagdeel": middle of the range
  verblijf: "180.00", // "residential €96–249 per etmaal": upper middle
  gezinshuis: "153.00", // "gezinshuis €142–164 per etmaal": middle
  pleegzorg: "60.00", // estimate in domain.md: "pleegzorg ≈ €60/etmaal"
  gesloten: "700.00", // estimate in domain.md: "secure ≈ €700/etmaal"
};

/** estimate: providers' cost price is 96 % of the tariff, a margin of a few percent. */
const COST_SHARE = "0.96";
/** estimate: validity of an output arrangement, one year, as in most regional contracts. */
const VALIDITY_MONTHS = 12;
/** estimate: output payment schedule, in percent: start / spread over the year / end / on result. */
const SCHEDULE = { atStart: "20", instalments: "60", atEnd: "10", onResult: "10" } as const;
const RESULT_SHARE = Number(SCHEDULE.onResult) / 100;
/** estimate: a re-entry within a year after a result is at the provider's cost. */
const GUARANTEE_MONTHS = 12;
/**
 * The municipality's budget as a share of expected spending: "national spending €5.4–5.6 billion
 * in 2019 against a €3.8 billion budget" → 3.8 / 5.5 ≈ 69 %.
 */
const BUDGET_SHARE = "0.69";
/** estimate: effort ceilings at 95 % of the expected yearly value per provider. */
const CEILING_SHARE = "0.95";
/** "lump-sum corridor ±5%" (estimate in domain.md). */
const CORRIDOR_PERCENT = "5";
/** "trajectory advance 50%" (estimate in domain.md). */
const TRAJECTORY_ADVANCE_PERCENT = "50";

/** Expected tariff value (cents) of one month of care for an intensity. */
function monthlyValue(profile: CaseloadSpec["profiles"][number], use: number): Decimal {
  const tariff = new Decimal(DEFAULT_TARIFFS[profile.careForm]).times(100);
  // Time units hold minutes; the tariff is per hour.
  return profile.unit === "04" || profile.unit === "01" ? tariff.times(use).dividedBy(60) : tariff.times(use);
}

/**
 * Distribution of a duration as the generator draws it: log-normal with this mean and cv, rounded
 * up to whole months, at least 1. Returns P(D = d) for d = 1 … until the tail is negligible.
 */
function durationDistribution(mean: number, cv: number): number[] {
  if (cv === 0) return [...new Array<number>(Math.max(1, Math.ceil(mean)) - 1).fill(0), 1];
  const s2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  const cdf = (x: number): number => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / Math.sqrt(s2)));
  const out: number[] = [];
  for (let d = 1; d <= 1200; d++) {
    out.push(cdf(d) - (d === 1 ? 0 : cdf(d - 1)));
    if (1 - cdf(d) < 1e-9) break;
  }
  return out;
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error < 1.5e-7: ample for a calibration). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** E[f(D)] over the duration distribution. */
function expected(mean: number, cv: number, f: (d: number) => number): number {
  return durationDistribution(mean, cv).reduce((s, p, i) => s + p * f(i + 1), 0);
}

/** Rounds cents to whole tens of euros, as a published price list would. */
const toPrice = (cents: Decimal): string => cents.dividedBy(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(10).toFixed(2);

/**
 * Derives the four models' calibrated configs, cost prices and budget from a region spec.
 * @category Scenarios
 */
export function calibratedScenario(regionInput: CaseloadSpecInput): {
  models: CoreModelConfig[];
  costPrices: CostPricesInput;
  budgetPerYear: string;
} {
  const region = CaseloadSpecSchema.parse(regionInput);
  const careForms = [...new Set(region.profiles.map((p) => p.careForm))];
  const tariffs = careForms.map((careForm) => ({ careForm, tariff: DEFAULT_TARIFFS[careForm] }));

  // Expected yearly value per provider in a steady state: stock × monthly value × 12, with the
  // stock per intensity = starts per month × E[duration] (Little's law).
  const yearlyByProvider = new Map<string, Decimal>(region.providers.map((p) => [p.name, new Decimal(0)]));
  const outputPrices: { profile: string; intensity: string; price: string }[] = [];
  const trajectoryAmounts: { profile: string; amount: string }[] = [];
  for (const p of region.profiles) {
    const totalWeight = p.intensities.reduce((s, i) => s + i.weight, 0);
    const starts = new Decimal(p.arrivalsPerMonth).dividedBy(1 - p.reentry.probability);
    const offering = region.providers.filter((pr) => pr.careForms.includes(p.careForm));
    const offeringWeight = offering.reduce((s, pr) => s + pr.weight, 0);
    // A re-entry's provider is drawn afresh: the same one again with chance Σ share².
    const sameProviderChance = offering.reduce((s, pr) => s + (pr.weight / offeringWeight) ** 2, 0);
    let trajectoryValue = new Decimal(0);
    for (const i of p.intensities) {
      const share = new Decimal(i.weight).dividedBy(totalWeight);
      const perMonth = monthlyValue(p, i.monthlyUse.mean);
      const { mean, cv } = i.durationMonths;
      const months = new Decimal(expected(mean, cv, (d) => d));
      // Output: a trajectory of d months needs ceil(d / validity) arrangements, each paid without
      // its result share; the last also pays the result share when the result is achieved; and a
      // re-entry at the same provider after a result is unpaid (guarantee). The price makes the
      // expected payment equal the expected value of the care.
      const arrangements = expected(mean, cv, (d) => Math.ceil(d / VALIDITY_MONTHS));
      const paidShares = (1 - RESULT_SHARE) * arrangements + RESULT_SHARE * p.outcome.achieved;
      const unpaidReentries = p.reentry.probability * p.outcome.achieved * sameProviderChance;
      const price = perMonth.times(months).dividedBy(paidShares * (1 - unpaidReentries));
      outputPrices.push({ profile: p.name, intensity: i.name, price: toPrice(price) });
      trajectoryValue = trajectoryValue.plus(share.times(perMonth).times(months));
      const yearly = starts.times(share).times(months).times(perMonth).times(12);
      for (const pr of offering) {
        yearlyByProvider.set(pr.name, yearlyByProvider.get(pr.name)!.plus(yearly.times(pr.weight).dividedBy(offeringWeight)));
      }
    }
    // Trajectory funding has no intensity detail: the expected value of a whole trajectory.
    trajectoryAmounts.push({ profile: p.name, amount: toPrice(trajectoryValue) });
  }
  const budgets = [...yearlyByProvider].map(([provider, cents]) => ({ provider, perYear: toPrice(cents) }));
  const totalYearly = [...yearlyByProvider.values()].reduce((a, b) => a.plus(b), new Decimal(0));
  // estimate: regions that cap effort funding set the ceiling a little below expected demand.
  const ceilings = [...yearlyByProvider].map(([provider, cents]) => ({ provider, perYear: toPrice(cents.times(CEILING_SHARE)) }));
  const costPrices: CostPricesInput = {
    prices: careForms.map((careForm) => ({
      careForm,
      price: new Decimal(DEFAULT_TARIFFS[careForm]).times(COST_SHARE).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    })),
  };
  return {
    models: [
      {
        kind: "task",
        label: "Taakgericht",
        budgets,
        corridor: { referenceTariffs: tariffs, lowerPercent: CORRIDOR_PERCENT, upperPercent: CORRIDOR_PERCENT },
      },
      { kind: "effort", label: "Inspanningsgericht", tariffs },
      {
        kind: "effort",
        label: "Inspanning + plafond",
        tariffs,
        // At 100 % of the ceiling intake stops (cliëntenstop) until January.
        ceiling: { amounts: ceilings, behaviour: "intakeStop" },
      },
      {
        kind: "output",
        label: "Outputgericht",
        prices: outputPrices,
        validityMonths: VALIDITY_MONTHS,
        schedule: SCHEDULE,
        onExpiry: "followUp",
        guaranteeMonths: GUARANTEE_MONTHS,
      },
      { kind: "trajectory", label: "Trajectfinanciering", amounts: trajectoryAmounts, advancePercent: TRAJECTORY_ADVANCE_PERCENT },
    ],
    costPrices,
    budgetPerYear: toPrice(totalYearly.times(BUDGET_SHARE)),
  };
}

/**
 * A whole comparison scenario: a caseload spec, the models, and the comparison options.
 * @category Scenarios
 */
export interface Scenario {
  readonly caseload: CaseloadSpecInput;
  readonly models: readonly CoreModelConfig[];
  readonly options: CompareOptions;
}

/**
 * The built-in default scenario: the default region (≈ 10,000 youths in care) under task, effort
 * (with and without a budget ceiling), output and trajectory funding, calibrated to the same
 * expected cost, with cost prices and the municipality's budget, over 2026–2028.
 * `compare(s.caseload, s.models, s.options)` runs it. The caseload is simulated from a year before
 * the horizon, so that January 2026 pays December's care and re-entries are in full flow.
 * A fresh object on every call (nothing is computed at import).
 * @category Scenarios
 */
export function defaultScenario(): Scenario {
  const region = defaultRegionSpec({ window: { start: "2025-01", months: 48 } });
  const calibrated = calibratedScenario(region);
  return {
    caseload: region,
    models: calibrated.models,
    options: {
      horizon: { start: "2026-01", months: 36 },
      costPrices: calibrated.costPrices,
      budget: { perYear: calibrated.budgetPerYear },
      seed: 2026,
      runs: 1,
    },
  };
}
