import { Decimal } from "decimal.js";
import { z } from "zod";
import { NameSchema } from "../caseload/names.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, parseWith } from "../errors.js";
import { assertCents, divRound, divRoundBig, NonNegativeMoneySchema, SharePercentSchema, type Cents } from "../money/index.js";
import { MonthSchema, parseMonth } from "../period.js";
import { lessThan, over, ratioOf, roundToCents, times, toNumber, type Ratio } from "./exactRatio.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/*
 * The LPI choice aid (keuzehulp laagdrempelige psychosociale interventies, seed 000): pick
 * interventions by age group, goal and form, and see what one participant costs individually or
 * in a group. A preventive intervention can lower the inflow into specialist care by a
 * parameter, so its cost can be set against the care it avoids. The source gives no prices and
 * no effect sizes: every such number is the user's parameter, and the shipped catalogue marks
 * each one as an estimate.
 */

/**
 * Goals of an intervention, as the choice aid names them: strengthening resilience and
 * self-reliance to prevent mental problems (veerkracht en zelfredzaamheid, preventie) or reducing
 * psychological complaints (verminderen van psychische klachten).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const INTERVENTION_GOALS = ["resilience", "reducingComplaints"] as const;
/**
 * Goal of an intervention: `resilience` (prevention) or `reducingComplaints`.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type InterventionGoal = (typeof INTERVENTION_GOALS)[number];

/**
 * Forms of delivery (vorm): individual (privacy, a targeted approach, flexible planning) or in a
 * group (social support, a lower cost per participant, less flexible planning).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const INTERVENTION_FORMS = ["individual", "group"] as const;
/**
 * Form of an intervention: `individual` or `group`.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type InterventionForm = (typeof INTERVENTION_FORMS)[number];

const GoalSchema = z.enum(INTERVENTION_GOALS, {
  error: (i) => `unknown goal ${JSON.stringify(i.input)}; expected one of ${INTERVENTION_GOALS.join(", ")}`,
});
const FormSchema = z.enum(INTERVENTION_FORMS, {
  error: (i) => `unknown form ${JSON.stringify(i.input)}; expected one of ${INTERVENTION_FORMS.join(", ")}`,
});

const GroupSizeSchema = z
  .strictObject({
    min: z.number().int("group size must be a whole number").min(2, "a group has at least 2 participants").max(1000),
    max: z.number().int("group size must be a whole number").min(2, "a group has at least 2 participants").max(1000),
  })
  .refine((g) => g.min <= g.max, { ...ONLY_IF_VALID, path: ["max"], message: "max group size must be at least the min" })
  .describe("participants per group; the cost per participant is shown at both ends");

// Fields every intervention has, whatever its form.
const common = {
  name: NameSchema.describe("name of the intervention, unique in the catalogue"),
  ageGroups: z.array(NameSchema).min(1, "needs at least one age group").describe("the catalogue's age groups it is meant for"),
  goal: GoalSchema,
  sessions: z
    .number()
    .int("sessions must be a whole number")
    .min(1, "needs at least one session")
    .max(1000, "at most 1000 sessions")
    .describe("sessions each participant (or each group) follows"),
  costPerSession: NonNegativeMoneySchema.optional().describe(
    "cost of one session: for a group, the whole group's session (facilitators, room); for an individual form, one client's session",
  ),
  costPerParticipant: NonNegativeMoneySchema.optional().describe(
    "cost per participant on top of the sessions (intake, materials), or the whole price when bought per participant",
  ),
  inflowReductionPercent: SharePercentSchema.default("0").describe(
    "parameter, not evidence: how much the intervention lowers the inflow into specialist care of the participants' group, in percent",
  ),
  evidence: z.string().optional().describe("what is known about its effect (databank, studies), in words"),
  notes: z.string().optional(),
};

/**
 * One intervention of a catalogue. `form` decides the shape: a group intervention has a
 * `groupSize`. At least one of `costPerSession` and `costPerParticipant` is given; with both, a
 * participant costs a share of the sessions plus the per-participant cost. Unknown keys are
 * refused, so a misspelt cost field is not silently dropped.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const InterventionSchema = z
  .discriminatedUnion(
    "form",
    [
      z.strictObject({ ...common, form: z.literal("individual") }),
      z.strictObject({ ...common, form: z.literal("group"), groupSize: GroupSizeSchema }),
    ],
    { error: `form must be one of ${INTERVENTION_FORMS.join(", ")}` },
  )
  .superRefine((iv, ctx) => {
    if (iv.costPerSession === undefined && iv.costPerParticipant === undefined) {
      ctx.addIssue({ code: "custom", path: ["costPerSession"], message: "needs costPerSession, costPerParticipant or both" });
    }
  }, ONLY_IF_VALID);
/**
 * An intervention as users write it (money as `"350.00"` or `{ cents }`).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type InterventionInput = z.input<typeof InterventionSchema>;
/**
 * A validated intervention: money in cents, defaults filled in.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type Intervention = z.output<typeof InterventionSchema>;

/**
 * An intervention catalogue: the age groups it distinguishes (its own labels, e.g. `"0-4"`,
 * `"4-12"`, `"12-18"`, `"18-23"`) and its interventions, each for some of those age groups.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const InterventionCatalogueSchema = z
  .strictObject({
    name: z.string().optional().describe("title of the catalogue"),
    ageGroups: z.array(NameSchema).min(1, "needs at least one age group").describe("age group labels, in display order"),
    interventions: z.array(InterventionSchema).min(1, "needs at least one intervention"),
  })
  .superRefine((cat, ctx) => {
    const groups = new Set<string>();
    cat.ageGroups.forEach((g, i) => {
      if (groups.has(g)) ctx.addIssue({ code: "custom", path: ["ageGroups", i], message: `duplicate age group "${g}"` });
      groups.add(g);
    });
    const names = new Set<string>();
    cat.interventions.forEach((iv, i) => {
      if (names.has(iv.name)) ctx.addIssue({ code: "custom", path: ["interventions", i, "name"], message: `duplicate intervention name "${iv.name}"` });
      names.add(iv.name);
      iv.ageGroups.forEach((g, k) => {
        if (!groups.has(g)) {
          ctx.addIssue({
            code: "custom",
            path: ["interventions", i, "ageGroups", k],
            message: `unknown age group "${g}"; the catalogue has ${cat.ageGroups.map((x) => `"${x}"`).join(", ")}`,
          });
        }
      });
    });
  }, ONLY_IF_VALID);
/**
 * A catalogue as users write it.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type InterventionCatalogueInput = z.input<typeof InterventionCatalogueSchema>;
/**
 * A validated catalogue.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type InterventionCatalogue = z.output<typeof InterventionCatalogueSchema>;

/**
 * What the choice aid asks: for which age group, to what end, and optionally in which form.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const InterventionQuerySchema = z.strictObject({
  ageGroup: NameSchema.describe("one of the catalogue's age groups"),
  goal: GoalSchema,
  form: FormSchema.optional().describe("omitted: both individual and group interventions"),
});
/**
 * A query of {@link chooseInterventions}.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type InterventionQuery = z.input<typeof InterventionQuerySchema>;

/**
 * A matching intervention with what it costs per participant.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface InterventionOption {
  readonly name: string;
  readonly form: InterventionForm;
  readonly goal: InterventionGoal;
  readonly ageGroups: readonly string[];
  readonly sessions: number;
  /** Participants per group; `{ min: 1, max: 1 }` for an individual intervention. */
  readonly groupSize: { readonly min: number; readonly max: number };
  /** Cost of all sessions of one group, or of one client individually: cost per session × sessions (0 without a session cost). */
  readonly sessionsCost: Cents;
  /**
   * Cost per participant: the sessions' cost shared by the group plus the per-participant cost,
   * at the smallest and the largest group (equal for an individual intervention). The largest
   * group is the cheapest per participant.
   */
  readonly costPerParticipant: { readonly atMinGroupSize: Cents; readonly atMaxGroupSize: Cents };
  /** The intervention's inflow reduction parameter, a decimal string ("0" when not given). */
  readonly inflowReductionPercent: string;
  /** The validated catalogue entry, for {@link participantCost} and {@link deliveryCost}. */
  readonly intervention: Intervention;
}

/** Cost per session × sessions, guarded against leaving the exact range. */
function sessionsCostOf(iv: Intervention): Cents {
  return assertCents((iv.costPerSession ?? 0) * iv.sessions, `${iv.name}.costPerSession`);
}

/** The participants a session takes: the group's range, or 1 for an individual intervention. */
function groupSizeOf(iv: Intervention): { readonly min: number; readonly max: number } {
  return iv.form === "group" ? { min: iv.groupSize.min, max: iv.groupSize.max } : { min: 1, max: 1 };
}

/**
 * What one participant of `iv` costs in a group of `groupSize` (1 for an individual
 * intervention): cost per session × sessions ÷ group size, plus the cost per participant.
 * Rounding point: the sessions' share rounds half-up to the cent, once per participant, so a
 * group's participants may together pay up to half a cent each more or less than the sessions
 * cost. Throws when the size is outside the intervention's group size.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function participantCost(iv: Intervention, groupSize: number): Cents {
  const { min, max } = groupSizeOf(iv);
  if (!Number.isInteger(groupSize) || groupSize < min || groupSize > max) {
    throw new FundingInputError("group size", [
      {
        code: "invalid_value",
        path: ["groupSize"],
        message: `"${iv.name}" runs with ${min === max ? `${min} participant${min === 1 ? "" : "s"}` : `${min} to ${max} participants`}, not ${groupSize}`,
      },
    ]);
  }
  const share = divRound(sessionsCostOf(iv), groupSize, "halfUp");
  return assertCents(share + (iv.costPerParticipant ?? 0), `${iv.name}.costPerParticipant`);
}

/**
 * The choice aid (keuzehulp): the catalogue's interventions for `query.ageGroup` with
 * `query.goal` (and `query.form`, when given), in catalogue order, each with its cost per
 * participant at the smallest and the largest group. An age group the catalogue does not know is
 * an error, not an empty answer: a typo should not read as "nothing fits".
 *
 * ```ts
 * for (const o of chooseInterventions(LPI_CATALOGUE, { ageGroup: "18-23", goal: "reducingComplaints" }))
 *   console.log(o.name, o.form, formatEuro(o.costPerParticipant.atMaxGroupSize));
 * ```
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function chooseInterventions(catalogue: InterventionCatalogueInput, query: InterventionQuery): InterventionOption[] {
  const cat = parseWith(InterventionCatalogueSchema, catalogue, "intervention catalogue");
  const q = parseWith(InterventionQuerySchema, query, "intervention query");
  if (!cat.ageGroups.includes(q.ageGroup)) {
    throw new FundingInputError("intervention query", [
      {
        code: "unknown_age_group",
        path: ["ageGroup"],
        message: `unknown age group "${q.ageGroup}"; the catalogue has ${cat.ageGroups.map((g) => `"${g}"`).join(", ")}`,
      },
    ]);
  }
  return cat.interventions
    .filter((iv) => iv.ageGroups.includes(q.ageGroup) && iv.goal === q.goal && (q.form === undefined || iv.form === q.form))
    .map((iv) => {
      const groupSize = groupSizeOf(iv);
      return {
        name: iv.name,
        form: iv.form,
        goal: iv.goal,
        ageGroups: iv.ageGroups,
        sessions: iv.sessions,
        groupSize,
        sessionsCost: sessionsCostOf(iv),
        costPerParticipant: { atMinGroupSize: participantCost(iv, groupSize.min), atMaxGroupSize: participantCost(iv, groupSize.max) },
        inflowReductionPercent: iv.inflowReductionPercent,
        intervention: iv,
      };
    });
}

/**
 * What it costs to deliver an intervention to a number of participants ({@link deliveryCost}).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface DeliveryCost {
  readonly participants: number;
  /** Groups needed (as few as the largest group size allows); for an individual form, one per participant. */
  readonly groups: number;
  /** Size of the smallest and the largest group after spreading the participants as evenly as possible. */
  readonly groupSizes: { readonly smallest: number; readonly largest: number };
  /** True when a group falls below the intervention's minimum size: it could not run as planned. */
  readonly belowMinimumGroupSize: boolean;
  /** Exact total: groups × sessions' cost + participants × cost per participant. */
  readonly total: Cents;
  /** Total ÷ participants, rounded half-up to the cent (for display; the total is exact). 0 without participants. */
  readonly perParticipant: Cents;
}

/**
 * The cost of delivering `iv` to `participants` people: a group intervention forms as few groups
 * as its largest size allows (⌈participants ÷ max⌉) and spreads the participants evenly over
 * them; the total is exact (no rounding), the average per participant rounds half-up. This is the
 * realistic counterpart of the per-participant cost at a full group.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function deliveryCost(iv: Intervention, participants: number): DeliveryCost {
  if (!Number.isSafeInteger(participants) || participants < 0) {
    throw new FundingInputError("delivery", [{ code: "invalid_value", path: ["participants"], message: `participants must be a whole number ≥ 0, not ${participants}` }]);
  }
  const { min, max } = groupSizeOf(iv);
  const groups = participants === 0 ? 0 : Math.ceil(participants / max);
  const smallest = groups === 0 ? 0 : Math.floor(participants / groups);
  const largest = groups === 0 ? 0 : Math.ceil(participants / groups);
  const total = assertCents(
    assertCents(groups * sessionsCostOf(iv), `${iv.name}.costPerSession`) + assertCents(participants * (iv.costPerParticipant ?? 0), `${iv.name}.costPerParticipant`),
    `${iv.name}.total`,
  );
  return {
    participants,
    groups,
    groupSizes: { smallest, largest },
    belowMinimumGroupSize: groups > 0 && smallest < min,
    total,
    perParticipant: participants === 0 ? 0 : divRound(total, participants, "halfUp"),
  };
}

const Count = (what: string) =>
  z.number().int(`${what} must be a whole number`).min(0, `${what} must not be negative`).max(10_000_000, `${what} must be at most 10,000,000`);
const Rate = (what: string) =>
  z.number().min(0, `${what} must not be negative`).max(1_000_000, `${what} must be at most 1,000,000`);

/**
 * Input of {@link preventedInflow}.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const PreventedInflowInputSchema = z.strictObject({
  participantsPerMonth: Count("participantsPerMonth").describe("people taking part in the intervention per month"),
  inflowReductionPercent: SharePercentSchema.describe(
    "parameter, not evidence: how much full participation lowers the group's inflow into specialist care, in percent",
  ),
  baseInflowPerMonth: Rate("baseInflowPerMonth").describe("specialist trajectories per month that start in the group without the intervention"),
  targetGroupPerMonth: Rate("targetGroupPerMonth")
    .optional()
    .describe("people per month in the group the base inflow comes from; omitted: the participants are the whole group"),
});
/**
 * Input of {@link preventedInflow} as users write it.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type PreventedInflowInput = z.input<typeof PreventedInflowInputSchema>;

/**
 * Trajectories a preventive intervention avoids per month ({@link preventedInflow}).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface PreventedInflow {
  /** Share of the group reached, 0 to 1: participants ÷ target group, at most 1. */
  readonly coverage: number;
  /** Expected specialist trajectories avoided per month: base × reduction % × coverage; 0 ≤ avoided ≤ base. */
  readonly avoidedPerMonth: number;
  /** Expected inflow left per month: base − avoided. */
  readonly remainingPerMonth: number;
  /**
   * The reduction of the whole group's inflow in percent (reduction × coverage), rounded down to
   * 6 decimals so it never overstates the effect; pass it to {@link withPreventiveIntervention}.
   */
  readonly effectiveReductionPercent: string;
}

/** Coverage as an exact fraction: participants ÷ group, at most 1; nobody taking part reaches nobody. */
function coverageOf(participants: number, group: number | undefined): Ratio {
  if (participants === 0) return { n: 0n, d: 1n };
  if (group === undefined) return { n: 1n, d: 1n };
  const share = over(ratioOf(participants), ratioOf(group === 0 ? participants : group));
  return lessThan(share, { n: 1n, d: 1n }) ? share : { n: 1n, d: 1n };
}

/** Avoided trajectories per month as an exact fraction: base × percent ÷ 100 × coverage. */
function avoidedRatio(i: z.output<typeof PreventedInflowInputSchema>): Ratio {
  return over(times(ratioOf(i.baseInflowPerMonth), ratioOf(i.inflowReductionPercent), coverageOf(i.participantsPerMonth, i.targetGroupPerMonth)), 100);
}

/**
 * Specialist trajectories a preventive intervention avoids per month. The base inflow is the
 * group's inflow without the intervention; the reduction percentage is what full participation
 * would do; with a target group given, only its reached share (participants ÷ group, at most 1)
 * counts. Every number here is a parameter the user sets — the source describes the aim of
 * prevention, not its size. Counts are expected values (fractions of a trajectory), never money.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function preventedInflow(input: PreventedInflowInput): PreventedInflow {
  const i = parseWith(PreventedInflowInputSchema, input, "prevented inflow input");
  const base = ratioOf(i.baseInflowPerMonth);
  const cover = coverageOf(i.participantsPerMonth, i.targetGroupPerMonth);
  const effective = times(ratioOf(i.inflowReductionPercent), cover);
  const avoided = over(times(base, effective), 100);
  return {
    coverage: toNumber(cover),
    avoidedPerMonth: toNumber(avoided),
    remainingPerMonth: toNumber({ n: base.n * avoided.d - avoided.n * base.d, d: base.d * avoided.d }),
    // Rounded down on the exact fraction: a Decimal quotient would round first and could round up.
    effectiveReductionPercent: new Decimal(divRoundBig(effective.n * 1_000_000n, effective.d, "down").toString()).dividedBy(1_000_000).toFixed(),
  };
}

/**
 * A copy of a caseload spec in which the arrivals (arrivalsPerMonth) of profile `profileName`
 * are lowered by `reductionPercent` — for a preventive intervention that keeps part of a group
 * out of specialist care. The percentage is a parameter, not evidence: the source gives none,
 * and a user should vary it (0 %, a cautious and an optimistic value) rather than trust one.
 * The running stock (initialStock) and re-entries are left alone: prevention lowers new inflow,
 * not care already started.
 *
 * `from` (YYYY-MM) is the month the intervention works from. A spec has one arrival rate for its
 * whole window, so `from` must be at or before the window start; to study a start inside the
 * window, begin the window at that month. The rest of the spec is validated as by
 * `generateCaseload`, and the result keeps the shape the caller wrote.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function withPreventiveIntervention<S extends CaseloadSpecInput>(
  spec: S,
  profileName: string,
  reductionPercent: number | string,
  from?: string,
): S {
  const parsed = parseWith(CaseloadSpecSchema, spec, "caseload spec");
  const args = parseWith(
    z.strictObject({ profileName: NameSchema, reductionPercent: SharePercentSchema, from: MonthSchema.optional() }),
    { profileName, reductionPercent, from },
    "preventive intervention",
  );
  const index = parsed.profiles.findIndex((p) => p.name === args.profileName);
  if (index < 0) {
    throw new FundingInputError("preventive intervention", [
      {
        code: "unknown_profile",
        path: ["profileName"],
        message: `unknown profile "${args.profileName}"; the spec has ${parsed.profiles.map((p) => `"${p.name}"`).join(", ")}`,
      },
    ]);
  }
  if (args.from !== undefined && parseMonth(args.from) > parseMonth(parsed.window.start)) {
    throw new FundingInputError("preventive intervention", [
      {
        code: "invalid_value",
        path: ["from"],
        message: `from ${args.from} is after the window start ${parsed.window.start}; a spec has one arrival rate for its whole window, so start the window at ${args.from}`,
      },
    ]);
  }
  const profile = parsed.profiles[index]!;
  // A Poisson mean, not money: a float is fine; Decimal only keeps 12.5 × 90 % from reading 11.249999….
  const lowered = new Decimal(profile.arrivalsPerMonth).times(new Decimal(100).minus(args.reductionPercent)).dividedBy(100).toNumber();
  return { ...spec, profiles: spec.profiles.map((p, i) => (i === index ? { ...p, arrivalsPerMonth: lowered } : p)) };
}

/**
 * Input of {@link avoidedCare}.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const AvoidedCareInputSchema = PreventedInflowInputSchema.extend({
  months: z.number().int("months must be a whole number").min(1, "months must be at least 1").max(600, "months must be at most 600"),
  costPerParticipant: NonNegativeMoneySchema.describe("what one participant costs, e.g. `{ cents: option.costPerParticipant.atMaxGroupSize }`"),
  costPerTrajectory: NonNegativeMoneySchema.describe("expected cost of one specialist trajectory"),
});
/**
 * Input of {@link avoidedCare} as users write it.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export type AvoidedCareInput = z.input<typeof AvoidedCareInputSchema>;

/**
 * An intervention's cost set against the specialist care it is expected to avoid ({@link avoidedCare}).
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export interface AvoidedCare {
  /** Participants over the period: participants per month × months. */
  readonly participants: number;
  /** Participants × cost per participant, exact. */
  readonly interventionCost: Cents;
  /** Expected specialist trajectories avoided over the period (a count, for display). */
  readonly avoidedTrajectories: number;
  /** Expected cost of the avoided trajectories: avoided × cost per trajectory, rounded half-up once. */
  readonly avoidedCost: Cents;
  /** Avoided cost − intervention cost: positive when the intervention is expected to pay for itself. */
  readonly net: Cents;
  /**
   * The cost per trajectory at which the intervention breaks even, rounded up to the cent; null when
   * nothing is avoided, or too little for any cost within the exact range to pay for it.
   */
  readonly breakEvenCostPerTrajectory: Cents | null;
}

/**
 * Intervention cost ÷ avoided trajectories, rounded up to the cent; null when nothing is avoided,
 * or so little that no cost within the exact range (±€90 trillion) would pay for the intervention.
 */
function breakEven(interventionCost: Cents, avoided: Ratio): Cents | null {
  if (avoided.n === 0n) return null;
  const r = over({ n: BigInt(interventionCost), d: 1n }, avoided);
  const c = divRoundBig(r.n, r.d, "up");
  return c > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(c);
}

/**
 * Sets an intervention's cost against the care it is expected to avoid over `months`: the
 * intervention costs participants × cost per participant; it avoids {@link preventedInflow}'s
 * trajectories each month, each worth the expected cost of a trajectory. Rounding point: the
 * avoided cost is computed as an exact fraction and rounded half-up to the cent once; the
 * break-even cost rounds up, so at that cost the net is never negative. All effect numbers are
 * parameters, not evidence.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export function avoidedCare(input: AvoidedCareInput): AvoidedCare {
  const i = parseWith(AvoidedCareInputSchema, input, "avoided care input");
  const participants = i.participantsPerMonth * i.months;
  const interventionCost = assertCents(participants * i.costPerParticipant, "costPerParticipant");
  const avoided = times(avoidedRatio(i), i.months);
  const avoidedCost = roundToCents(times(avoided, i.costPerTrajectory), "halfUp", "costPerTrajectory");
  return {
    participants,
    interventionCost,
    avoidedTrajectories: toNumber(avoided),
    avoidedCost,
    net: assertCents(avoidedCost - interventionCost, "net"),
    breakEvenCostPerTrajectory: breakEven(interventionCost, avoided),
  };
}
