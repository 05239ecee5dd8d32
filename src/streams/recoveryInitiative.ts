import { Decimal } from "decimal.js";
import { z } from "zod";
import { NameSchema } from "../caseload/names.js";
import { parseWith } from "../errors.js";
import { summarise, type Summary } from "../metrics/statistics.js";
import { addCents, assertCents, NonNegativeMoneySchema, SharePercentSchema, splitEvenly, type Cents } from "../money/index.js";
import { formatMonth, HorizonSchema, monthOfYear, parseMonth, yearOf, type Month } from "../period.js";
import { Rng } from "../random.js";
import { over, ratioOf, roundToCents, times, toNumber, type Ratio } from "./exactRatio.js";

/*
 * Funding a self-direction and recovery initiative (zelfregie- en herstelinitiatief, ZHI; seed
 * 002, the VNG/MIND guide): run by and for people with a psychiatric vulnerability, between care
 * and welfare, often living on short project subsidies. The guide's point is continuity: an
 * initiative without stable funding can close, and then its participants turn to regular care
 * and the care it avoided is no longer avoided. This module sets three ways of funding the same
 * initiative side by side over a horizon — a structural subsidy, a yearly project subsidy that
 * may not be renewed, and procurement per participant — and draws the renewals by seed.
 */

/**
 * The ways of funding an initiative that {@link simulateRecoveryInitiative} compares.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const RECOVERY_FUNDING_WAYS = ["structural", "project", "procurement"] as const;
/**
 * A way of funding: structural subsidy, yearly project subsidy, or procurement per participant-month.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type RecoveryFundingWay = (typeof RECOVERY_FUNDING_WAYS)[number];

/**
 * Display names of the funding ways, in the guide's Dutch terms.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const RECOVERY_FUNDING_LABELS: Readonly<Record<RecoveryFundingWay, string>> = {
  structural: "Structurele subsidie",
  project: "Projectsubsidie",
  procurement: "Inkoop per deelnemer",
};

const Probability = z.number().min(0, "probability must be at least 0").max(1, "probability must be at most 1");

/**
 * Input of {@link simulateRecoveryInitiative}: the initiative, three ways to fund it, and what closure and running mean for care.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const RecoveryInitiativeSchema = z.strictObject({
  horizon: HorizonSchema.describe("the months compared, e.g. { start: '2026-01', months: 60 }; funding years are calendar years"),
  seed: z.number().int("seed must be a whole number").default(1).describe("seed of the first run; run r uses seed + r"),
  runs: z
    .number()
    .int("runs must be a whole number")
    .min(1, "runs must be at least 1")
    .max(100_000, "runs must be at most 100,000")
    .default(1000)
    .describe("Monte Carlo runs of the renewal draws"),
  initiative: z.strictObject({
    name: NameSchema.describe("name of the initiative"),
    participantsPerMonth: z
      .number()
      .int("participantsPerMonth must be a whole number")
      .min(0, "participantsPerMonth must not be negative")
      .max(1_000_000, "participantsPerMonth must be at most 1,000,000")
      .describe("people taking part in a month (its capacity, taken as filled)"),
    runningCostPerYear: NonNegativeMoneySchema.describe("what running the initiative costs a year (staff, rent, activities)"),
  }).describe("the initiative: its name, participants and running cost"),
  structural: z
    .strictObject({ perYear: NonNegativeMoneySchema.describe("subsidy per calendar year, renewed every year") })
    .describe("structural subsidy (structurele subsidie)"),
  project: z
    .strictObject({
      perYear: NonNegativeMoneySchema.describe("subsidy per calendar year while it is granted"),
      renewalProbability: Probability.describe(
        "chance that the subsidy is renewed for the next year, drawn at each year end; not renewed, the initiative closes at that year end",
      ),
    })
    .describe("yearly project subsidy (projectsubsidie); the horizon's first year is granted"),
  procurement: z
    .strictObject({
      pricePerParticipantMonth: NonNegativeMoneySchema.describe("price per participant per month taking part"),
      billablePercent: SharePercentSchema.default("100").describe(
        "share of the participants the initiative can bill for; walk-in participants who come anonymously or without a referral cannot be",
      ),
    })
    .describe("procurement per participant (inkoop); the initiative stays open"),
  regularCare: z
    .strictObject({
      startPercent: SharePercentSchema.describe("share of the participants at closure who start a regular-care trajectory, in percent"),
      costPerTrajectory: NonNegativeMoneySchema.describe("expected cost of one regular-care trajectory to the municipality"),
      durationMonths: z
        .number()
        .int("durationMonths must be a whole number")
        .min(1, "durationMonths must be at least 1")
        .max(600, "durationMonths must be at most 600")
        .describe("its cost is spread evenly over this many months from the month after closure"),
    })
    .describe("what happens when the initiative closes: its participants flow into regular care"),
  avoidedCare: z
    .strictObject({
      percentPerYear: SharePercentSchema.describe(
        "parameter, not evidence: regular-care trajectories avoided per 100 participants per year of taking part",
      ),
      costPerTrajectory: NonNegativeMoneySchema.describe("expected cost to the municipality of one avoided trajectory"),
    })
    .describe("the benefit while the initiative runs: care its participants do not need"),
});
/**
 * Input of {@link simulateRecoveryInitiative} as users write it (money as `"180000.00"` or `{ cents }`).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type RecoveryInitiativeInput = z.input<typeof RecoveryInitiativeSchema>;
/**
 * A validated recovery-initiative input: money in cents, defaults filled in.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type RecoveryInitiativeConfig = z.output<typeof RecoveryInitiativeSchema>;

/**
 * The amounts of a funding way, per year and in total; all in cents, inside the horizon.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const RECOVERY_AMOUNTS = ["funding", "runningCost", "fundingBalance", "regularCareCost", "municipalityCost", "avoidedCare", "net"] as const;
/**
 * One of {@link RECOVERY_AMOUNTS}.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type RecoveryAmount = (typeof RECOVERY_AMOUNTS)[number];

/**
 * Amounts of one run (a year or the whole horizon), in integer cents.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface RecoveryAmounts {
  /** Paid by the municipality to the initiative (subsidy or procurement) while it is open. */
  readonly funding: Cents;
  /** The initiative's running cost while it is open. */
  readonly runningCost: Cents;
  /** Funding − running cost: a surplus when positive, the initiative's funding gap when negative. */
  readonly fundingBalance: Cents;
  /** Cost of the regular care its participants start after a closure (the part inside the horizon). */
  readonly regularCareCost: Cents;
  /** What the municipality pays: funding + regular-care cost. */
  readonly municipalityCost: Cents;
  /** Expected cost of the care avoided while the initiative is open (the benefit). */
  readonly avoidedCare: Cents;
  /** Avoided care − municipality cost: positive when the initiative pays for itself in avoided care. */
  readonly net: Cents;
}

/**
 * A calendar year of one run.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface RecoveryYear extends RecoveryAmounts {
  readonly year: number;
  /** Months of this year inside the horizon (fewer than 12 in a partial first or last year). */
  readonly monthsInHorizon: number;
  /** Of those, the months the initiative was open. */
  readonly monthsOpen: number;
}

/**
 * One run of one funding way: totals over the horizon, the closure, and the years.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface RecoveryRun extends RecoveryAmounts {
  /** Last month open (YYYY-MM, a December) when the initiative closed inside the horizon; null when it stayed open. */
  readonly closedAfter: string | null;
  readonly monthsOpen: number;
  /** Participants when it closed, who lose the initiative (0 when it stayed open). */
  readonly participantsLeft: number;
  /** Expected regular-care trajectories they start: participants left × start percentage (a count, not money). */
  readonly regularCareStarts: number;
  /** Regular-care cost of those trajectories falling after the horizon (committed, not in the totals). */
  readonly regularCareAfterHorizon: Cents;
  readonly byYear: readonly RecoveryYear[];
}

/**
 * Mean and P5 / P50 / P95 over the runs of each amount; `monthsOpen` and `participantsLeft` are counts, not cents.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type RecoverySummary = Readonly<Record<RecoveryAmount | "regularCareAfterHorizon" | "monthsOpen" | "participantsLeft", Summary>>;

/**
 * One funding way's column of the comparison.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface RecoveryFundingResult {
  readonly way: RecoveryFundingWay;
  /** Dutch display name ({@link RECOVERY_FUNDING_LABELS}). */
  readonly label: string;
  /** Every run, in seed order (run r has seed seed + r). Runs with the same closure share one object. */
  readonly runs: readonly RecoveryRun[];
  /** Runs in which the initiative closed inside the horizon. */
  readonly closedRuns: number;
  /** Closures at the end of each year in which one could happen (a December followed by a month in the horizon). */
  readonly closedByYear: readonly { readonly year: number; readonly runs: number }[];
  /** Totals over the horizon, summarised over the runs. */
  readonly summary: RecoverySummary;
  /** Per calendar year, each amount summarised over the runs. */
  readonly byYear: readonly ({ readonly year: number } & Readonly<Record<RecoveryAmount, Summary>>)[];
}

/**
 * The result of {@link simulateRecoveryInitiative}: one column per funding way.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface RecoveryComparison {
  readonly initiative: string;
  readonly horizon: { readonly start: string; readonly months: number };
  /** Seeds of the runs: seed, seed + 1, …, seed + runs − 1. */
  readonly seeds: { readonly first: number; readonly runs: number };
  readonly ways: readonly RecoveryFundingResult[];
  /**
   * When avoided care pays for the structural subsidy: the rate of avoided trajectories per 100
   * participant-years at which it does — subsidy per year × 100 ÷ (participants × cost of an
   * avoided trajectory), to 2 decimals; null when there are no participants or an avoided
   * trajectory costs nothing — next to the rate this input assumes (`avoidedCare.percentPerYear`).
   */
  readonly breakEven: { readonly avoidedPer100ParticipantYears: number | null; readonly assumed: number };
}

/** What every run of every way shares: the input in cents and per month, computed once. */
interface Prepared {
  readonly start: Month;
  readonly end: Month;
  readonly participants: number;
  /** Per calendar month (January first): the yearly amount split evenly, so 12 months pay exactly a year. */
  readonly running: readonly Cents[];
  readonly structural: readonly Cents[];
  readonly project: readonly Cents[];
  readonly procurementPerMonth: Cents;
  /** Avoided care per open month as an exact fraction of cents. */
  readonly avoidedPerMonth: Ratio;
  /** Regular-care cost of one closure, spread over its months. */
  readonly regularCareParts: readonly Cents[];
  readonly regularCareStarts: number;
}

function prepare(cfg: RecoveryInitiativeConfig): Prepared {
  const start = parseMonth(cfg.horizon.start);
  const participants = cfg.initiative.participantsPerMonth;
  // Rounding point: one closure's regular care is participants × share × cost, rounded half-up
  // once; spreading it over the months then loses no cent (largest remainder).
  const starts = over(times(participants, ratioOf(cfg.regularCare.startPercent)), 100);
  const regularCare = roundToCents(times(starts, cfg.regularCare.costPerTrajectory), "halfUp", "regularCare.costPerTrajectory");
  return {
    start,
    end: start + cfg.horizon.months - 1,
    participants,
    running: splitEvenly(cfg.initiative.runningCostPerYear, 12),
    structural: splitEvenly(cfg.structural.perYear, 12),
    project: splitEvenly(cfg.project.perYear, 12),
    // Rounding point: a month's invoice, participants × billable share × price, rounds half-up once.
    procurementPerMonth: roundToCents(
      over(times(participants, ratioOf(cfg.procurement.billablePercent), cfg.procurement.pricePerParticipantMonth), 100),
      "halfUp",
      "procurement.pricePerParticipantMonth",
    ),
    // participants × (percent ÷ 100) trajectories a year ÷ 12 months × cost per trajectory
    avoidedPerMonth: over(times(participants, ratioOf(cfg.avoidedCare.percentPerYear), cfg.avoidedCare.costPerTrajectory), 1200),
    regularCareParts: splitEvenly(regularCare, cfg.regularCare.durationMonths),
    regularCareStarts: toNumber(starts),
  };
}

/** A year's running sums while simulating. */
interface YearAcc {
  year: number;
  monthsInHorizon: number;
  monthsOpen: number;
  funding: Cents;
  runningCost: Cents;
  regularCareCost: Cents;
  avoidedCare: Cents;
}

/** Fills in the derived amounts: balance, municipality cost and net. */
function amounts(a: { funding: Cents; runningCost: Cents; regularCareCost: Cents; avoidedCare: Cents }): RecoveryAmounts {
  const municipalityCost = addCents(a.funding, a.regularCareCost, "municipalityCost");
  return {
    funding: a.funding,
    runningCost: a.runningCost,
    fundingBalance: assertCents(a.funding - a.runningCost, "fundingBalance"),
    regularCareCost: a.regularCareCost,
    municipalityCost,
    avoidedCare: a.avoidedCare,
    net: assertCents(a.avoidedCare - municipalityCost, "net"),
  };
}

/**
 * One way over the horizon with a known closure (`closeAfter`: the last month open, or null).
 * Rounding point for avoided care: the running total after k open months is the exact fraction
 * k × monthly rounded half-up to the cent, and each month adds the difference — so the years sum
 * exactly to a total that is itself rounded only once.
 */
function simulateWay(p: Prepared, way: RecoveryFundingWay, closeAfter: Month | null): RecoveryRun {
  const years: YearAcc[] = [];
  let openMonths = 0;
  let avoidedSoFar = 0;
  for (let m = p.start; m <= p.end; m++) {
    const y = yearOf(m);
    let acc = years[years.length - 1];
    if (acc === undefined || acc.year !== y) {
      acc = { year: y, monthsInHorizon: 0, monthsOpen: 0, funding: 0, runningCost: 0, regularCareCost: 0, avoidedCare: 0 };
      years.push(acc);
    }
    acc.monthsInHorizon++;
    if (closeAfter !== null && m > closeAfter) continue;
    const k = monthOfYear(m) - 1;
    const paid = way === "structural" ? p.structural[k]! : way === "project" ? p.project[k]! : p.procurementPerMonth;
    acc.monthsOpen++;
    acc.funding = addCents(acc.funding, paid, "funding");
    acc.runningCost = addCents(acc.runningCost, p.running[k]!, "runningCost");
    openMonths++;
    const avoided = roundToCents(times(p.avoidedPerMonth, openMonths), "halfUp", "avoidedCare.costPerTrajectory");
    acc.avoidedCare = addCents(acc.avoidedCare, avoided - avoidedSoFar, "avoidedCare");
    avoidedSoFar = avoided;
  }
  let afterHorizon = 0;
  if (closeAfter !== null) {
    p.regularCareParts.forEach((part, j) => {
      const m = closeAfter + 1 + j;
      const acc = years.find((a) => a.year === yearOf(m));
      if (m <= p.end && acc) acc.regularCareCost = addCents(acc.regularCareCost, part, "regularCareCost");
      else afterHorizon = addCents(afterHorizon, part, "regularCareCost");
    });
  }
  const byYear: RecoveryYear[] = years.map((a) => ({ year: a.year, monthsInHorizon: a.monthsInHorizon, monthsOpen: a.monthsOpen, ...amounts(a) }));
  const sum = (f: "funding" | "runningCost" | "regularCareCost" | "avoidedCare"): Cents => byYear.reduce((s, y) => addCents(s, y[f], f), 0);
  return {
    ...amounts({ funding: sum("funding"), runningCost: sum("runningCost"), regularCareCost: sum("regularCareCost"), avoidedCare: sum("avoidedCare") }),
    closedAfter: closeAfter === null ? null : formatMonth(closeAfter),
    monthsOpen: openMonths,
    participantsLeft: closeAfter === null ? 0 : p.participants,
    regularCareStarts: closeAfter === null ? 0 : p.regularCareStarts,
    regularCareAfterHorizon: afterHorizon,
    byYear,
  };
}

/**
 * Compares funding a recovery initiative (ZHI) by structural subsidy, by yearly project subsidy
 * and by procurement per participant over the horizon, in `runs` seeded runs.
 *
 * - Structural subsidy (structurele subsidie): `perYear` every calendar year; the initiative stays open.
 * - Project subsidy (projectsubsidie): `perYear` for the first year; at every year end inside the
 *   horizon the next year is renewed with `renewalProbability` (drawn from run r's stream
 *   `Rng(seed + r, "zhi/project-renewal")`). Not renewed, the initiative closes at that year end:
 *   no more subsidy nor running cost, no more avoided care, and its participants flow into regular
 *   care — `startPercent` of them start a trajectory whose expected cost is spread over
 *   `durationMonths` from the next month (the part after the horizon is reported, not totalled).
 * - Procurement (inkoop): billable participants × price every month (rounded half-up to the cent
 *   per month); the initiative stays open, and the balance with its running cost is its gap or
 *   surplus.
 *
 * Yearly amounts are paid in twelve even monthly parts by calendar month (largest remainder), so
 * a partial first or last year gets its months' parts. Avoided care is an expected value while
 * open: participants × percentPerYear ÷ 100 ÷ 12 × cost per avoided trajectory per month.
 * Only the renewals are random; structural and procurement runs are all the same. Same input and
 * seed, same result.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function simulateRecoveryInitiative(input: RecoveryInitiativeInput): RecoveryComparison {
  const cfg = parseWith(RecoveryInitiativeSchema, input, "recovery initiative");
  const p = prepare(cfg);
  // Renewal decisions: every December with at least one month of the horizon after it.
  const decisions: Month[] = [];
  for (let m = p.start; m < p.end; m++) if (monthOfYear(m) === 12) decisions.push(m);

  const ways = RECOVERY_FUNDING_WAYS.map((way): RecoveryFundingResult => {
    // A run is decided by its closure month alone, so each distinct closure is simulated once.
    const memo = new Map<Month | null, RecoveryRun>();
    const runOf = (closeAfter: Month | null): RecoveryRun => {
      let run = memo.get(closeAfter);
      if (run === undefined) memo.set(closeAfter, (run = simulateWay(p, way, closeAfter)));
      return run;
    };
    const runs: RecoveryRun[] = [];
    const closures: (Month | null)[] = [];
    for (let r = 0; r < cfg.runs; r++) {
      let closeAfter: Month | null = null;
      if (way === "project") {
        const rng = new Rng(cfg.seed + r, "zhi/project-renewal");
        for (const d of decisions) {
          // next() < 1 always: a probability of 1 always renews; 0 never does.
          if (!(rng.next() < cfg.project.renewalProbability)) {
            closeAfter = d;
            break;
          }
        }
      }
      closures.push(closeAfter);
      runs.push(runOf(closeAfter));
    }
    const of = (f: (r: RecoveryRun) => number): Summary => summarise(runs.map(f));
    const summary = Object.fromEntries([
      ...RECOVERY_AMOUNTS.map((a) => [a, of((r) => r[a])] as const),
      ["regularCareAfterHorizon", of((r) => r.regularCareAfterHorizon)] as const,
      ["monthsOpen", of((r) => r.monthsOpen)] as const,
      ["participantsLeft", of((r) => r.participantsLeft)] as const,
    ]) as RecoverySummary;
    const byYear = runs[0]!.byYear.map((y, i) => ({
      year: y.year,
      ...(Object.fromEntries(RECOVERY_AMOUNTS.map((a) => [a, of((r) => r.byYear[i]![a])])) as Record<RecoveryAmount, Summary>),
    }));
    return {
      way,
      label: RECOVERY_FUNDING_LABELS[way],
      runs,
      closedRuns: closures.filter((c) => c !== null).length,
      closedByYear: decisions.map((d) => ({ year: yearOf(d), runs: closures.filter((c) => c === d).length })),
      summary,
      byYear,
    };
  });
  return {
    initiative: cfg.initiative.name,
    horizon: { start: cfg.horizon.start, months: cfg.horizon.months },
    seeds: { first: cfg.seed, runs: cfg.runs },
    ways,
    breakEven: breakEvenOf(cfg),
  };
}

/** The break-even rate of avoided care against the structural subsidy (see {@link RecoveryComparison}). */
function breakEvenOf(cfg: RecoveryInitiativeConfig): RecoveryComparison["breakEven"] {
  const assumed = new Decimal(cfg.avoidedCare.percentPerYear).toNumber();
  const perYearOfAvoided = new Decimal(cfg.initiative.participantsPerMonth).times(cfg.avoidedCare.costPerTrajectory);
  if (perYearOfAvoided.isZero()) return { avoidedPer100ParticipantYears: null, assumed };
  const rate = new Decimal(cfg.structural.perYear).times(100).dividedBy(perYearOfAvoided);
  return { avoidedPer100ParticipantYears: rate.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(), assumed };
}
