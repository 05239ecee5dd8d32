/**
 * Overijssel 2011 — trajectfinanciering (seed 003).
 *
 * From 1 January 2011 the province of Overijssel funded youth care by trajectory: each client
 * trajectory (cliënttraject) was subsidised with a fixed amount, the provider was free in the form
 * and duration of the care, and the subsidy was settled when the trajectory closed. The province
 * expected faster throughput (doorstroming): "with the same budget more children are helped". The
 * programme was almost €120 million, of which over €8 million provincial money.
 *
 * This script takes one provider of about 1,500 clients (the scale in shared/domain.md) and asks:
 * paying per day of care (inspanningsgericht) or per trajectory, what does a year cost, and how
 * many more children does the same budget help if trajectory funding shortens care by 15 % (an
 * estimate: the province expected faster throughput, not a number)? Run: `npx tsx examples/overijssel-2011.ts`.
 */
import { compare, formatEuro, type CaseloadSpecInput, type ModelConfig } from "../src/index.js";

/** One provider in Overijssel; durations scaled by `durationFactor` (1 = as before 2011). */
export function overijsselProvider(durationFactor: number): CaseloadSpecInput {
  const ambulantMonths = 10 * durationFactor; // estimate: ambulant jeugd- en opvoedhulp, ≈ 10 months
  const stayMonths = 18 * durationFactor; // estimate: residential care, ≈ 1.5 years (domain.md: ≈ 1.9 years with stay)
  return {
    window: { start: "2010-01", months: 24 }, // 2010 as warm-up, 2011 the year of interest
    municipalities: [{ name: "Overijssel", weight: 1 }],
    providers: [{ name: "Jeugdzorgaanbieder", careForms: ["ambulant", "verblijf"], weight: 1 }],
    profiles: [
      {
        name: "ambulant",
        careForm: "ambulant",
        unit: "04",
        arrivalsPerMonth: 80, // estimate: with the stock below, ≈ 1,500 clients in care (domain.md: "~1,500 clients")
        initialStock: Math.round(80 * (ambulantMonths - 0.5)),
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: ambulantMonths, cv: 0.6 }, monthlyUse: { mean: 300, cv: 0.3 } }],
        outcome: { achieved: 0.6, notAchieved: 0.25, droppedOut: 0.15 }, // estimate
      },
      {
        name: "verblijf",
        careForm: "verblijf",
        unit: "14",
        arrivalsPerMonth: 12, // estimate
        initialStock: Math.round(12 * (stayMonths - 0.5)),
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: stayMonths, cv: 0.6 }, monthlyUse: { mean: 28, cv: 0 } }],
        outcome: { achieved: 0.5, notAchieved: 0.3, droppedOut: 0.2 }, // estimate
      },
    ],
  };
}

/** Per day of care: €70 an hour ambulant, €180 an etmaal residential (domain.md tariff ranges). */
export const perDay: ModelConfig = {
  kind: "effort",
  label: "Per uur/etmaal",
  tariffs: [
    { careForm: "ambulant", tariff: "70.00" },
    { careForm: "verblijf", tariff: "180.00" },
  ],
};

/**
 * Per trajectory, priced at what a trajectory cost per day before 2011 (10 months × 5 h × €70 =
 * €3,500; 18 months × 28 × €180 = €90,720), half at the start, the rest at closure.
 */
export const perTrajectory: ModelConfig = {
  kind: "trajectory",
  label: "Trajectfinanciering",
  amounts: [
    { profile: "ambulant", amount: "3500.00" },
    { profile: "verblijf", amount: "90720.00" },
  ],
  advancePercent: 50,
};

/** Providers' cost price: 95 % of the tariff (estimate: a small margin). */
const costPrices = {
  prices: [
    { careForm: "ambulant" as const, price: "66.50" },
    { careForm: "verblijf" as const, price: "171.00" },
  ],
};

/** 2011 under both models, with care as before and with 15 % faster throughput; mean of `runs` seeds. */
export function overijssel2011(runs = 5) {
  const options = { horizon: { start: "2011-01", months: 12 }, runs, seed: 2011, costPrices };
  const asBefore = compare(overijsselProvider(1), [perDay, perTrajectory], options);
  const faster = compare(overijsselProvider(0.85), [perDay, perTrajectory], options);
  return { asBefore, faster };
}

if (process.argv[1]?.endsWith("overijssel-2011.ts")) {
  const { asBefore, faster } = overijssel2011();
  const euro = (c: number | null) => formatEuro(c ?? 0, { decimals: false }).padStart(13);
  console.log("Overijssel 2011: one provider, about 1,500 clients; 2011, mean of 5 runs\n");
  console.log(`${"".padEnd(40)} ${"paid".padStart(13)} ${"provider cost".padStart(13)} ${"margin".padStart(13)} ${"closed".padStart(7)} ${"per closed".padStart(13)}`);
  const rows: [string, (typeof asBefore.models)[number]][] = [
    ["per hour/etmaal, care as before", asBefore.models[0]!],
    ["per hour/etmaal, 15 % faster", faster.models[0]!],
    ["per trajectory, care as before", asBefore.models[1]!],
    ["per trajectory, 15 % faster", faster.models[1]!],
  ];
  for (const [label, m] of rows) {
    console.log(`${label.padEnd(40)} ${euro(m.mean.totalPaid)} ${euro(m.mean.providerCost)} ${euro(m.mean.providerMargin)} ${String(m.mean.closedTrajectories).padStart(7)} ${euro(m.mean.perClosedTrajectory)}`);
  }
  const budget = asBefore.models[0]!.mean.totalPaid;
  const costPerClosed = faster.models[0]!.mean.totalPaid / faster.models[0]!.mean.closedTrajectories;
  console.log(
    `\nPer hour or etmaal, faster care lowers the provider's income with its cost: no reason to speed up. Per trajectory the ` +
      `margin rises from ${formatEuro(asBefore.models[1]!.mean.providerMargin ?? 0, { decimals: false })} to ${formatEuro(faster.models[1]!.mean.providerMargin ?? 0, { decimals: false })}: ` +
      `the incentive the province counted on. Once prices follow the faster care, the budget of ${formatEuro(budget, { decimals: false })} ` +
      `pays for about ${Math.floor(budget / costPerClosed)} closed trajectories a year instead of ${asBefore.models[0]!.mean.closedTrajectories}: ` +
      `"with the same budget more children are helped" — if the inflow is there.`,
  );
  console.log(
    `Trajectory funding commits the whole amount at the start: open obligations (verplichtingen) at the end of 2011 are ` +
      `${formatEuro(asBefore.models[1]!.mean.obligations.at(-1)!.cents, { decimals: false })} against ${formatEuro(asBefore.models[0]!.mean.obligations.at(-1)!.cents, { decimals: false })} per hour/etmaal.`,
  );
  console.log(
    `(Clients in care during 2011: ${asBefore.models[0]!.mean.clients}; results achieved: ${asBefore.models[0]!.mean.achievedResults} — domain.md: one provider, ~1,500 clients, 600 successful outflows a year.)`,
  );
}
