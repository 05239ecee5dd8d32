import { z } from "zod";
import { HorizonSchema } from "../period.js";
import { CareFormSchema, UnitCodeSchema } from "./codes.js";
import { GENERAL_TARGET_GROUP, NameSchema, UNKNOWN_AGE_GROUP } from "./names.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/*
 * The spec of a synthetic caseload: who lives in the region (municipalities), who delivers care
 * (providers), and per client profile (cliëntprofiel) how many trajectories start, how long they
 * run, how much care they use per month and how they end. `generateCaseload` (generate.ts) turns a
 * spec and a seed into a `Caseload`; `DEFAULT_REGION` (defaultRegion.ts) is a realistic example.
 */

/** Most municipalities and providers a caseload can hold (stored as 16-bit indexes). */
export const MAX_MUNICIPALITIES = 65535;
export const MAX_PROVIDERS = 65535;
/** Most profiles, and distinct intensity, age-group and target-group names, a caseload can hold (stored as 8-bit indexes). */
export const MAX_PROFILES = 255;
export const MAX_GROUPS = 255;

const Weight = z.number().positive("weight must be greater than 0");
const Probability = z.number().min(0, "probability must be at least 0").max(1, "probability must be at most 1");
const Cv = z
  .number()
  .min(0, "coefficient of variation must not be negative")
  .max(10, "coefficient of variation above 10 is not a sensible spread")
  .describe("coefficient of variation (standard deviation ÷ mean) of the log-normal draw; 0 = always the mean");

const MunicipalitySpecSchema = z.strictObject({
  name: NameSchema.describe("municipality (gemeente)"),
  weight: Weight.describe("relative share of the region's youth; new clients are assigned by weight"),
});

const ProviderSpecSchema = z.strictObject({
  name: NameSchema.describe("provider (aanbieder)"),
  careForms: z
    .array(CareFormSchema)
    .min(1, "a provider must offer at least one care form")
    .describe("care forms (vormen van jeugdhulp) this provider offers"),
  weight: Weight.describe("relative share among the providers offering the same care form"),
});

const IntensitySpecSchema = z.strictObject({
  name: NameSchema.describe("intensity level (intensiteit), e.g. licht / middel / zwaar"),
  weight: Weight.describe("relative share of this profile's trajectories at this intensity"),
  durationMonths: z
    .strictObject({
      mean: z
        .number()
        .positive("mean duration must be greater than 0 months")
        .max(600, "mean duration must be at most 600 months (50 years)")
        .describe("mean duration in months"),
      cv: Cv,
    })
    .describe("duration of a trajectory: log-normal, rounded up to whole months, at least 1 month"),
  monthlyUse: z
    .strictObject({
      mean: z
        .number()
        .min(0, "mean monthly use must not be negative")
        .max(1_000_000_000, "mean monthly use must be at most 1,000,000,000 (use is stored as a 32-bit integer)")
        .describe("mean use per month in care, in the unit's measure"),
      cv: Cv,
    })
    .describe(
      "use per month in care, in the unit's measure: minutes for units 01 and 04, etmalen for 14 (at most the days " +
        "of the month), dagdelen for 16, stuks for 82 and 84, eurocents for 83. Log-normal, one draw per month, " +
        "rounded to a whole number; at least 1 unless the mean is 0",
    ),
});

const OutcomeSpecSchema = z
  .strictObject({
    achieved: Probability.describe("probability the trajectory ends with its intended result"),
    notAchieved: Probability.describe("probability it ends (as planned) without the intended result"),
    droppedOut: Probability.describe("probability it ends early (uitval)"),
  })
  .superRefine((o, ctx) => {
    const sum = o.achieved + o.notAchieved + o.droppedOut;
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `outcome probabilities must sum to 1; achieved + notAchieved + droppedOut = ${sum}`,
      });
    }
  }, ONLY_IF_VALID)
  .describe("how a trajectory ends (resultaat), drawn once per trajectory");

const ReentrySpecSchema = z
  .strictObject({
    probability: Probability.default(0).describe("probability that a client starts again after a closed trajectory"),
    withinMonths: z
      .number()
      .int("withinMonths must be a whole number of months")
      .min(1, "withinMonths must be at least 1")
      .max(600, "withinMonths must be at most 600")
      .default(12)
      .describe("the new trajectory starts 1 to withinMonths months (uniform) after the previous one ended"),
  })
  .describe("re-entry (herinstroom): the same client, same municipality, a new trajectory of the same profile");

/** An age or target group of new clients and its share. */
const GroupShareSchema = z.strictObject({
  name: NameSchema.describe("name of the group"),
  weight: Weight.describe("relative share of new clients in this group"),
});

const ProfileSpecSchema = z.strictObject({
  name: NameSchema.describe("client profile (cliëntprofiel)"),
  careForm: CareFormSchema.describe("care form (vorm van jeugdhulp) of every trajectory of this profile"),
  unit: UnitCodeSchema.describe("iJw unit code (WJ756) in which use is measured"),
  arrivalsPerMonth: z
    .number()
    .min(0, "arrivalsPerMonth must not be negative")
    .max(1_000_000, "arrivalsPerMonth must be at most 1,000,000 (the caseload is held in memory)")
    .describe("expected new clients (first trajectories) per month at the window start; Poisson"),
  trendPercentPerYear: z
    .number()
    .min(-100, "trendPercentPerYear must be at least -100")
    .max(100, "trendPercentPerYear must be at most 100")
    .default(0)
    .describe("growth of arrivals in percent per year, compounding monthly"),
  seasonality: z
    .array(z.number().positive("seasonality factors must be greater than 0"))
    .length(12, "seasonality needs exactly 12 factors, January to December")
    .default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    .describe("relative arrivals per calendar month (January first); normalised to average 1 when generating"),
  initialStock: z
    .number()
    .int("initialStock must be a whole number of trajectories")
    .min(0, "initialStock must not be negative")
    .max(10_000_000, "initialStock must be at most 10,000,000")
    .describe("trajectories already running at the window start (started before it)"),
  intensities: z
    .array(IntensitySpecSchema)
    .min(1, "a profile needs at least one intensity level")
    .describe("intensity levels (intensiteiten) of the profile, each with its share, duration and use"),
  outcome: OutcomeSpecSchema,
  reentry: ReentrySpecSchema.default({ probability: 0, withinMonths: 12 }),
  ageGroups: z
    .array(GroupShareSchema)
    .min(1)
    .optional()
    .describe("age groups (leeftijdsgroepen) of new clients, by weight; a re-entry keeps its client's. Default: one group 'onbekend'"),
  targetGroups: z
    .array(GroupShareSchema)
    .min(1)
    .optional()
    .describe("target groups (doelgroepen) of new clients, by weight, e.g. for a funding stream; a re-entry keeps its client's. Default: 'algemeen'"),
});

/**
 * Schema of a synthetic caseload spec (see {@link CaseloadSpec}).
 * @category Caseload
 */
export const CaseloadSpecSchema = z
  .strictObject({
    window: HorizonSchema.describe("the months to simulate, e.g. { start: '2026-01', months: 36 }"),
    municipalities: z
      .array(MunicipalitySpecSchema)
      .min(1, "needs at least one municipality")
      .max(MAX_MUNICIPALITIES, `at most ${MAX_MUNICIPALITIES} municipalities`)
      .describe("the region's municipalities (gemeenten), each with its share of new clients"),
    providers: z
      .array(ProviderSpecSchema)
      .min(1, "needs at least one provider")
      .max(MAX_PROVIDERS, `at most ${MAX_PROVIDERS} providers`)
      .describe("the providers (aanbieders): the care forms each offers and its share"),
    profiles: z
      .array(ProfileSpecSchema)
      .min(1, "needs at least one client profile")
      .max(MAX_PROFILES, `at most ${MAX_PROFILES} client profiles`)
      .describe("client profiles (cliëntprofielen): arrivals, durations, use and outcomes of each"),
  })
  .superRefine((spec, ctx) => {
    const unique = (names: readonly string[], path: (i: number) => (string | number)[], what: string): void => {
      const seen = new Set<string>();
      names.forEach((name, i) => {
        if (seen.has(name)) ctx.addIssue({ code: "custom", path: path(i), message: `duplicate ${what} name "${name}"` });
        seen.add(name);
      });
    };
    unique(spec.municipalities.map((m) => m.name), (i) => ["municipalities", i, "name"], "municipality");
    unique(spec.providers.map((p) => p.name), (i) => ["providers", i, "name"], "provider");
    unique(spec.profiles.map((p) => p.name), (i) => ["profiles", i, "name"], "profile");
    const offered = new Set(spec.providers.flatMap((p) => p.careForms));
    spec.profiles.forEach((p, i) => {
      unique(p.intensities.map((x) => x.name), (k) => ["profiles", i, "intensities", k, "name"], "intensity");
      if (p.ageGroups) unique(p.ageGroups.map((x) => x.name), (k) => ["profiles", i, "ageGroups", k, "name"], "age group");
      if (p.targetGroups) unique(p.targetGroups.map((x) => x.name), (k) => ["profiles", i, "targetGroups", k, "name"], "target group");
      if (!offered.has(p.careForm)) {
        ctx.addIssue({
          code: "custom",
          path: ["profiles", i, "careForm"],
          message: `no provider offers care form "${p.careForm}"; add it to a provider's careForms`,
        });
      }
    });
    // Each group name over all profiles is an 8-bit index; a profile without age or target groups adds the default one.
    const groups = [
      ["intensity", (p: (typeof spec.profiles)[number]) => p.intensities],
      ["age group", (p: (typeof spec.profiles)[number]) => p.ageGroups ?? [{ name: UNKNOWN_AGE_GROUP }]],
      ["target group", (p: (typeof spec.profiles)[number]) => p.targetGroups ?? [{ name: GENERAL_TARGET_GROUP }]],
    ] as const;
    for (const [what, of] of groups) {
      const names = new Set(spec.profiles.flatMap((p) => of(p).map((g) => g.name)));
      if (names.size > MAX_GROUPS) {
        ctx.addIssue({ code: "custom", path: ["profiles"], message: `at most ${MAX_GROUPS} distinct ${what} names over all profiles; found ${names.size}` });
      }
    }
  }, ONLY_IF_VALID);

/**
 * A validated caseload spec, defaults filled in.
 * @category Caseload
 */
export type CaseloadSpec = z.output<typeof CaseloadSpecSchema>;
/**
 * A caseload spec as users write it.
 * @category Caseload
 */
export type CaseloadSpecInput = z.input<typeof CaseloadSpecSchema>;
