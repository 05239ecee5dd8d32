import type { HorizonInput } from "../period.js";
import type { CaseloadSpecInput } from "./spec.js";

/*
 * A realistic default youth-care region (jeugdhulpregio) of about 10,000 young people in care:
 * national CBS figures (shared/domain.md, "Figures for realistic defaults") scaled by the region's
 * share. Every number cites its figure or is marked `estimate` with the reasoning; all of them are
 * spec parameters a user can override.
 */

/** estimate: a region with ~10,000 youths in care; 10,000 / "474,000 (10.6% of the age group)" ≈ 2.1%. */
const REGION_SHARE = 0.021;
/** "trajectories 2021 | … 288,000 started" × region share ≈ 6,048 starts a year. */
const STARTS_PER_YEAR = 288_000 * REGION_SHARE;
/** ≈ 504 starts a month (12 months a year). */
const STARTS_PER_MONTH = STARTS_PER_YEAR / 12;

/**
 * Share of starts per care form: "mix of starts 2021 | ambulant 60.8%, own network 17.3%, wijkteam
 * 10.7%, daghulp 5.1%, with stay 6.1% (pleegzorg 1.4%, family-style 0.8%, secure 0.5%, other 3.5%)".
 */
const MIX = {
  ambulant: 0.608, // "ambulant 60.8%"
  ownNetwork: 0.173, // "own network 17.3%"
  wijkteam: 0.107, // "wijkteam 10.7%"
  daghulp: 0.051, // "daghulp 5.1%"
  pleegzorg: 0.014, // "pleegzorg 1.4%"
  gezinshuis: 0.008, // "family-style 0.8%"
  gesloten: 0.005, // "secure 0.5%"
  verblijf: 0.035, // "other 3.5%"
} as const;

/** "estimates | … re-entry within 12 months ≈ 15%". */
const REENTRY_WITHOUT_STAY = 0.15;
/**
 * estimate: "repeat starts | 30% of new trajectories without stay, 21% with stay" — stays repeat
 * 21/30 as often, so 15% × 21/30 = 10.5% within 12 months.
 */
const REENTRY_WITH_STAY = REENTRY_WITHOUT_STAY * (21 / 30);
/** "re-entry within 12 months ≈ 15%": the window of that estimate, in months. */
const REENTRY_WITHIN_MONTHS = 12;

/**
 * Output arrangements "light/medium/heavy ≈ 25/60/120 provider hours" (estimate in domain.md): the
 * total hours of one trajectory; monthly minutes = hours × 60 ÷ mean duration in months.
 */
const ARRANGEMENT_HOURS = { licht: 25, middel: 60, zwaar: 120 } as const;
/** estimate: right-skewed durations; a cv of 0.6 puts most trajectories within about twice the mean. */
const DURATION_CV = 0.6;
/** estimate: delivered hours vary from month to month (holidays, crises) by about 30%. */
const MINUTES_CV = 0.3;
/** estimate: dagdelen attended vary from month to month by about 25% (absence, holidays). */
const DAGDEEL_CV = 0.25;
/** estimate: a full month in residential care, 365.25 / 12 ≈ 30.4 etmalen (capped at the month's days). */
const ETMALEN_PER_MONTH = 365.25 / 12;
/** estimate: stays are mostly whole months; small spread, the generator caps at the month's days. */
const ETMALEN_CV = 0.02;
/** estimate: 52 weeks ÷ 12 months ≈ 4.33 weeks a month, to turn dagdelen per week into a month. */
const WEEKS_PER_MONTH = 52 / 12;

type Intensity = NonNullable<CaseloadSpecInput["profiles"][number]["intensities"]>[number];

/** An intensity level whose total provider hours over its mean duration match an arrangement. */
function hourIntensity(name: keyof typeof ARRANGEMENT_HOURS, weight: number, months: number): Intensity {
  return {
    name,
    weight,
    durationMonths: { mean: months, cv: DURATION_CV },
    monthlyUse: { mean: Math.round((ARRANGEMENT_HOURS[name] * 60) / months), cv: MINUTES_CV },
  };
}

/** A residential intensity level: about a full month of etmalen every month in care. */
function stayIntensity(name: string, weight: number, months: number): Intensity {
  return {
    name,
    weight,
    durationMonths: { mean: months, cv: DURATION_CV },
    monthlyUse: { mean: ETMALEN_PER_MONTH, cv: ETMALEN_CV },
  };
}

/**
 * Trajectories started before the window and still running at its start, in a steady state:
 * starts per month × (E[duration] − 1), where durations are rounded up to whole months, so
 * E[duration] ≈ mean + 0.5 (Little's law; the "+1" is the start month itself, counted as an
 * arrival). Mean is the weighted mean over the intensities.
 */
function steadyStock(startsPerMonth: number, intensities: readonly Intensity[]): number {
  const totalWeight = intensities.reduce((s, x) => s + x.weight, 0);
  const mean = intensities.reduce((s, x) => s + x.weight * x.durationMonths.mean, 0) / totalWeight;
  return Math.round(startsPerMonth * (mean - 0.5));
}

/**
 * One profile: `share` of all starts; new clients are starts minus re-entries (in a steady state
 * re-entries are `reentry` × closures ≈ `reentry` × starts), so total starts match the CBS mix.
 */
function profile(
  name: string,
  careForm: CaseloadSpecInput["profiles"][number]["careForm"],
  unit: CaseloadSpecInput["profiles"][number]["unit"],
  share: number,
  reentry: number,
  intensities: Intensity[],
  outcome: { achieved: number; notAchieved: number; droppedOut: number },
): CaseloadSpecInput["profiles"][number] {
  const starts = STARTS_PER_MONTH * share;
  return {
    name,
    careForm,
    unit,
    arrivalsPerMonth: starts * (1 - reentry),
    trendPercentPerYear: 0, // estimate: domain.md gives no trend in starts; flat
    seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], // estimate: domain.md gives no seasonal pattern; flat
    initialStock: steadyStock(starts, intensities),
    intensities,
    outcome,
    reentry: { probability: reentry, withinMonths: REENTRY_WITHIN_MONTHS },
  };
}

/**
 * The default region's spec for a given window (default `{ start: "2026-01", months: 36 }`).
 * About 504 starts a month, 6,300 trajectories running at the window start, and 11,000–12,000
 * young people in care in the first year.
 * @category Caseload
 */
export function defaultRegionSpec(overrides: { window?: HorizonInput } = {}): CaseloadSpecInput {
  return {
    window: overrides.window ?? { start: "2026-01", months: 36 }, // three years of monthly declarations
    municipalities: [
      // estimate: invented municipalities; one central town and three smaller ones (shares of the youth)
      { name: "Aldervoort", weight: 0.46 },
      { name: "Kaaghorst", weight: 0.24 },
      { name: "Lindewaarde", weight: 0.18 },
      { name: "Zuiderhoeve", weight: 0.12 },
    ],
    providers: [
      // estimate: invented providers; weights are shares among the providers offering a care form
      { name: "Ambulante Jeugdhulp Aldervoort", careForms: ["ambulant"], weight: 0.55 }, // large ambulant provider: 55% of ambulant
      { name: "Jeugd-GGZ Kaaghorst", careForms: ["ambulant", "daghulp"], weight: 0.45 }, // GGZ: 45% of ambulant, 0.45/1.35 = 33% of daghulp
      { name: "Dagcentrum De Linde", careForms: ["daghulp"], weight: 0.9 }, // 0.9/1.35 = 67% of daghulp
      { name: "Woongroepen Zuiderhoeve", careForms: ["verblijf", "gezinshuis"], weight: 1 }, // all verblijf, half of gezinshuis
      { name: "Pleegzorg en Gezinshuizen Regio", careForms: ["pleegzorg", "gezinshuis"], weight: 1 }, // all pleegzorg, half of gezinshuis
      { name: "Gesloten Jeugdzorg De Dijk", careForms: ["gesloten"], weight: 1 }, // the only secure provider
      { name: "Wijkteams Regio", careForms: ["wijkteam"], weight: 1 }, // the wijkteam organisation
    ],
    profiles: [
      // Without stay: durations chosen so the start-weighted mean is ≈ 12.3 months (+0.5 from
      // rounding up ≈ 12.8 months ≈ 1.07 years), inside "≈ 1.0–1.15 years without stay".
      profile(
        "ambulant",
        "ambulant",
        "04",
        MIX.ambulant,
        REENTRY_WITHOUT_STAY,
        [
          hourIntensity("licht", 0.35, 8), // estimate: 35% light, 8 months (25 h → 188 min/month)
          hourIntensity("middel", 0.45, 14), // estimate: 45% medium, 14 months (60 h → 257 min/month)
          hourIntensity("zwaar", 0.2, 20), // estimate: 20% heavy, 20 months (120 h → 360 min/month); mean 13.1 months
        ],
        { achieved: 0.7, notAchieved: 0.15, droppedOut: 0.15 }, // estimate: most ambulant care reaches its goal
      ),
      profile(
        "eigen netwerk",
        "ambulant", // estimate: "own network" support is modelled as light ambulant care
        "04",
        MIX.ownNetwork,
        REENTRY_WITHOUT_STAY,
        [
          hourIntensity("licht", 0.7, 10), // estimate: mostly light, 10 months (25 h → 150 min/month)
          hourIntensity("middel", 0.3, 14), // estimate: 30% medium, 14 months (60 h → 257 min/month); mean 11.2 months
        ],
        { achieved: 0.75, notAchieved: 0.15, droppedOut: 0.1 }, // estimate: light support, fewer drop-outs
      ),
      profile(
        "wijkteam",
        "wijkteam",
        "04",
        MIX.wijkteam,
        REENTRY_WITHOUT_STAY,
        [
          hourIntensity("licht", 0.7, 9), // estimate: mostly light, 9 months (25 h → 167 min/month)
          hourIntensity("middel", 0.3, 13), // estimate: 30% medium, 13 months (60 h → 277 min/month); mean 10.2 months
        ],
        { achieved: 0.75, notAchieved: 0.15, droppedOut: 0.1 }, // estimate: light support, fewer drop-outs
      ),
      profile(
        "daghulp",
        "daghulp",
        "16",
        MIX.daghulp,
        REENTRY_WITHOUT_STAY,
        [
          // estimate: 2 / 4 / 8 dagdelen a week (one day, two days, four days of day treatment)
          { name: "licht", weight: 0.3, durationMonths: { mean: 9, cv: DURATION_CV }, monthlyUse: { mean: 2 * WEEKS_PER_MONTH, cv: DAGDEEL_CV } }, // estimate: 30%, 9 months
          { name: "middel", weight: 0.5, durationMonths: { mean: 12, cv: DURATION_CV }, monthlyUse: { mean: 4 * WEEKS_PER_MONTH, cv: DAGDEEL_CV } }, // estimate: 50%, 12 months
          { name: "zwaar", weight: 0.2, durationMonths: { mean: 15, cv: DURATION_CV }, monthlyUse: { mean: 8 * WEEKS_PER_MONTH, cv: DAGDEEL_CV } }, // estimate: 20%, 15 months; mean 11.7 months
        ],
        { achieved: 0.65, notAchieved: 0.2, droppedOut: 0.15 }, // estimate: between ambulant care and stays
      ),
      // With stay: start-weighted mean ≈ 22.9 months ≈ 1.9 years, as "≈ 1.9 years with stay".
      profile(
        "verblijf",
        "verblijf",
        "14",
        MIX.verblijf,
        REENTRY_WITH_STAY,
        [
          stayIntensity("middel", 0.6, 15), // estimate: 60% group living, 15 months
          stayIntensity("zwaar", 0.4, 22), // estimate: 40% treatment groups, 22 months; mean 17.8 months
        ],
        { achieved: 0.55, notAchieved: 0.25, droppedOut: 0.2 }, // estimate: stays more often end without result
      ),
      profile(
        "pleegzorg",
        "pleegzorg",
        "14",
        MIX.pleegzorg,
        REENTRY_WITH_STAY,
        [stayIntensity("standaard", 1, 36)], // estimate: foster care is long, 3 years on average
        { achieved: 0.6, notAchieved: 0.25, droppedOut: 0.15 }, // estimate: breakdowns of placements count as drop-out
      ),
      profile(
        "gezinshuis",
        "gezinshuis",
        "14",
        MIX.gezinshuis,
        REENTRY_WITH_STAY,
        [stayIntensity("standaard", 1, 30)], // estimate: family-style homes are long stays, 2.5 years
        { achieved: 0.6, notAchieved: 0.25, droppedOut: 0.15 }, // estimate: as pleegzorg
      ),
      profile(
        "gesloten",
        "gesloten",
        "14",
        MIX.gesloten,
        REENTRY_WITH_STAY,
        [stayIntensity("standaard", 1, 6)], // estimate: secure care is short and followed by other care, 6 months
        { achieved: 0.5, notAchieved: 0.35, droppedOut: 0.15 }, // estimate: crisis placements, half reach the goal
      ),
    ],
  };
}

/**
 * The default region (window 2026-01, 36 months). A fresh copy: {@link defaultRegionSpec}.
 * @category Caseload
 */
export const DEFAULT_REGION: CaseloadSpecInput = deepFreeze(defaultRegionSpec());

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
