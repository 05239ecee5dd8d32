import { z } from "zod";
import { NameSchema } from "../caseload/names.js";
import { MoneySchema, NonNegativeMoneySchema } from "../money/index.js";
import { HorizonSchema } from "../period.js";
import { datedByDateSchema } from "./datedByDate.js";
import { DateSchema, DutchHolidayOptionsSchema } from "./workingDays.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/*
 * The inputs of a capped grant pool (subsidiepot) like the stimuleringsimpuls maatwerk of
 * Utrecht/Flevoland 2021: its dated rules, budget transfers, the requests (aanvragen) and the
 * simulation options. Unknown keys are refused (strict objects): a misspelt `calledAmmount`
 * would otherwise vanish and a guarantee would silently never be called.
 */

/**
 * What a request asks money for.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GRANT_KINDS = ["maatwerk", "realEstate", "guarantee", "bridging"] as const;
/**
 * `maatwerk`: a custom solution (training a team, coaching, a process director, consultation);
 * `realEstate`: adapting a building (vastgoedaanpassing, a "maatwerkhuisje"), with its own review
 * threshold; `guarantee` (garantstelling): committed but paid only when called; `bridging`
 * (overbrugging): a bridging solution, the one case where care costs may be paid.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantKind = (typeof GRANT_KINDS)[number];

const WorkingDays = z
  .number()
  .int("must be a whole number of working days")
  .min(0, "must not be negative")
  .max(250, "must be at most 250 working days (about a year)");
const PositiveMoney = MoneySchema.refine((c) => c > 0, { message: "must be more than € 0", ...ONLY_IF_VALID });

/**
 * One version of a pool's rules (regeling). Every field about judging a request applies from the
 * version in force on the day the request was **received**; see `simulateGrantPool`.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantRulesSchema = z
  .strictObject({
    yearlyCap: NonNegativeMoneySchema.describe("budget per calendar year (€525,000 in 2021); no split per region"),
    release: z
      .enum(["year", "quarter", "month"])
      .default("year")
      .describe(
        "how the yearly cap is released: all on 1 January, or spread evenly over quarters or months (largest remainder, " +
          "no cent lost); only the part released by a decision date can be committed on it",
      ),
    reserve: NonNegativeMoneySchema.default(0).describe(
      "temporary stop: no commitment that would leave less than this of the year's budget for other regions; " +
        "commitments resume as soon as releases or transfers bring the remainder above it again",
    ),
    reviewDays: WorkingDays.default(5).describe("working days from receipt to decision (toetsing en besluit)"),
    largeAmount: NonNegativeMoneySchema.default(7_000_000).describe("a request above this (€70,000) gets the extended review"),
    largeRealEstateAmount: NonNegativeMoneySchema.default(15_000_000).describe(
      "for real-estate adaptation (vastgoedaanpassing) the extended review starts above this (€150,000)",
    ),
    extendedReviewDays: WorkingDays.default(20).describe(
      "working days for an extended review (above the threshold, or information missing); the source gives none: 20 is an estimate",
    ),
    urgentDays: WorkingDays.default(2).describe("working days for an urgent request with a standard review"),
    guaranteeMaximum: NonNegativeMoneySchema.optional().describe(
      "most a guarantee (garantstelling) may commit; absent: guarantees are limited only by the budget",
    ),
    bridgingAllowed: z.boolean().default(true).describe("whether bridging solutions (overbruggingsoplossingen) are funded"),
    paymentTermDays: z
      .number()
      .int("must be a whole number of days")
      .min(0, "must not be negative")
      .max(365, "must be at most 365 days")
      .default(30)
      .describe("calendar days from invoice (or a guarantee's call) to payment: the Dutch statutory 30 days by default"),
  })
  .superRefine((r, ctx) => {
    // "Urgent requests sooner": a track that is slower than the one it shortens is a typo.
    if (r.urgentDays > r.reviewDays) {
      ctx.addIssue({ code: "custom", path: ["urgentDays"], message: `urgent review (${r.urgentDays} working days) must not be slower than the standard review (${r.reviewDays})` });
    }
    if (r.extendedReviewDays < r.reviewDays) {
      ctx.addIssue({ code: "custom", path: ["extendedReviewDays"], message: `extended review (${r.extendedReviewDays} working days) must not be faster than the standard review (${r.reviewDays})` });
    }
  }, ONLY_IF_VALID);
/**
 * One version of a pool's rules, as users write it.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantRulesInput = z.input<typeof GrantRulesSchema>;
/** One version of a pool's rules, parsed: amounts in cents, defaults filled in. */
export type GrantRules = z.output<typeof GrantRulesSchema>;

/**
 * A transfer of budget with a pool outside the simulation (in the source: the budget of the
 * niet-casuïstiekgebonden stimuleringsimpuls). It counts for the budget year of its date. A
 * transfer out moves at most what is uncommitted in this pool on that date; a transfer in is taken
 * as given (the other pool's side is not simulated).
 */
export const ExternalTransferSchema = z.strictObject({
  date: DateSchema.describe("the day the budget moves, YYYY-MM-DD; it counts for that year"),
  amount: PositiveMoney.describe("the amount moved"),
  direction: z.enum(["in", "out"]).describe("in: into this pool; out: to the other pool (at most what is uncommitted)"),
  counterpart: NameSchema.default("other pool").describe("the other pool, for reporting"),
});

/**
 * A capped grant pool: a name, dated versions of its rules, and transfers with outside pools.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantPoolSchema = z.strictObject({
  name: NameSchema.default("pool").describe("the pool's name, in reports and in transfers between pools"),
  rules: datedByDateSchema(GrantRulesSchema).describe("versions of the rules; the one in force on a request's received date judges it"),
  transfers: z.array(ExternalTransferSchema).default([]).describe("budget moved to or from pools outside the simulation (default: none)"),
});
/**
 * A grant pool as users write it.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantPoolInput = z.input<typeof GrantPoolSchema>;
/** A grant pool, parsed. */
export type GrantPool = z.output<typeof GrantPoolSchema>;

/**
 * A request (aanvraag) to the pool, submitted by a region's expert team. `deliveryDate` is when
 * the solution is delivered and invoiced (for a guarantee: when its term ends); a delivery (or a
 * guarantee's call, or the end of its term) before the decision date is refused as costs already
 * incurred (`deliveredBeforeDecision`). The invoice may differ from the amount asked; payment
 * never exceeds the commitment (the opdrachtbrief), and an invoice above it is reported.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantRequestSchema = z
  .strictObject({
    id: NameSchema.describe("the request's id, unique; orders requests received on the same day"),
    region: NameSchema.describe("youth-care region (jeugdregio) whose expert team submitted it; for reporting only"),
    amount: PositiveMoney.describe("amount asked: what the commission letter commits when approved"),
    kind: z
      .enum(GRANT_KINDS, { error: (i) => `unknown kind ${JSON.stringify(i.input)}; expected one of ${GRANT_KINDS.join(", ")}` })
      .describe("what the money is for: maatwerk (a custom solution), realEstate (vastgoedaanpassing), guarantee (garantstelling), bridging (overbrugging)"),
    urgent: z.boolean().default(false).describe("an urgent request: the committee decides sooner"),
    costsAlreadyIncurred: z.boolean().default(false).describe("costs already made: the scheme refuses them"),
    informationMissing: z.boolean().default(false).describe("extra information is needed: extended review"),
    receivedDate: DateSchema.describe("the day the request was received (ontvangstdatum), YYYY-MM-DD: the rules in force that day judge it"),
    deliveryDate: DateSchema.describe("when the solution is delivered and invoiced (for a guarantee: the end of its term), YYYY-MM-DD"),
    invoicedAmount: NonNegativeMoneySchema.optional().describe(
      "the invoice; absent: the amount asked. Not for guarantees. Paid up to the commitment; any excess is reported, not paid",
    ),
    calledAmount: NonNegativeMoneySchema.optional().describe("guarantees only: amount called, 0 or absent when never called"),
    calledDate: DateSchema.optional().describe("guarantees only: when it was called, between receipt and the end of its term"),
  })
  .superRefine((r, ctx) => {
    if (r.deliveryDate < r.receivedDate) {
      ctx.addIssue({ code: "custom", path: ["deliveryDate"], message: `delivery ${r.deliveryDate} is before the request was received (${r.receivedDate})` });
    }
    if (r.kind !== "guarantee") {
      for (const key of ["calledAmount", "calledDate"] as const) {
        if (r[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `only a guarantee can be called; this request is ${r.kind}` });
      }
      return;
    }
    if (r.invoicedAmount !== undefined) {
      ctx.addIssue({ code: "custom", path: ["invoicedAmount"], message: "a guarantee is not invoiced: give calledAmount and calledDate when it is called" });
    }
    const called = r.calledAmount ?? 0;
    if (called > 0 && r.calledDate === undefined) {
      ctx.addIssue({ code: "custom", path: ["calledDate"], message: "a called guarantee needs the date it was called" });
    }
    if (called === 0 && r.calledDate !== undefined) {
      ctx.addIssue({ code: "custom", path: ["calledDate"], message: "calledDate given but calledAmount is 0: was the guarantee called?" });
    }
    if (r.calledDate !== undefined && (r.calledDate < r.receivedDate || r.calledDate > r.deliveryDate)) {
      ctx.addIssue({
        code: "custom",
        path: ["calledDate"],
        message: `called ${r.calledDate}, outside the guarantee's term from receipt ${r.receivedDate} to ${r.deliveryDate}`,
      });
    }
  }, ONLY_IF_VALID);
/**
 * A grant request as users write it.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantRequestInput = z.input<typeof GrantRequestSchema>;
/** A grant request, parsed: amounts in cents. */
export type GrantRequest = z.output<typeof GrantRequestSchema>;

/**
 * A list of requests: ids must be unique (they order same-day requests and name decisions).
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantRequestsSchema = z.array(GrantRequestSchema).superRefine((requests, ctx) => {
  const seen = new Map<string, number>();
  requests.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id "${r.id}" (also at [${first}])` });
    else seen.set(r.id, i);
  });
}, ONLY_IF_VALID);

/**
 * Options of a grant-pool simulation.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantPoolOptionsSchema = z.strictObject({
  dutchHolidays: z
    .union([z.literal(false), DutchHolidayOptionsSchema])
    .prefault({})
    .describe("count the Dutch public holidays of every year needed (options as dutchPublicHolidays), or false for none"),
  extraHolidays: z.array(DateSchema).default([]).describe("more days off (a regional holiday, a closing day)"),
  horizon: HorizonSchema.optional().describe(
    "months reported in byMonth; default: from the month of the first request or transfer to the month of the last event",
  ),
});
/**
 * Options of a grant-pool simulation, as users write them.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantPoolOptions = z.input<typeof GrantPoolOptionsSchema>;

/** A transfer between two simulated pools (by name), at most what is uncommitted in `from` on its date. */
export const PoolTransferSchema = z.strictObject({
  date: DateSchema,
  from: NameSchema,
  to: NameSchema,
  amount: PositiveMoney,
});

/**
 * Several pools simulated together, so budget can move between them.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantPoolsInputSchema = z
  .strictObject({
    pools: z.array(z.strictObject({ pool: GrantPoolSchema, requests: GrantRequestsSchema })).min(1, "needs at least one pool"),
    transfers: z.array(PoolTransferSchema).default([]),
  })
  .superRefine((input, ctx) => {
    const names = new Map<string, number>();
    input.pools.forEach((p, i) => {
      if (names.has(p.pool.name)) ctx.addIssue({ code: "custom", path: ["pools", i, "pool", "name"], message: `duplicate pool name "${p.pool.name}"` });
      else names.set(p.pool.name, i);
    });
    input.transfers.forEach((t, i) => {
      for (const key of ["from", "to"] as const) {
        if (!names.has(t[key])) ctx.addIssue({ code: "custom", path: ["transfers", i, key], message: `no pool named "${t[key]}"` });
      }
      if (t.from === t.to) ctx.addIssue({ code: "custom", path: ["transfers", i, "to"], message: "a transfer needs two different pools" });
    });
  }, ONLY_IF_VALID);
/**
 * Several pools and the transfers between them, as users write them.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantPoolsInput = z.input<typeof GrantPoolsInputSchema>;

/**
 * Why a request was rejected, in the order the checks are made.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GRANT_REJECTION_REASONS = [
  "costsAlreadyIncurred",
  "deliveredBeforeDecision",
  "bridgingNotAllowed",
  "overGuaranteeMaximum",
  "aboveCap",
  "exceedsBudget",
  "poolStopped",
  "notYetReleased",
] as const;
/**
 * - `costsAlreadyIncurred`: the request says the costs were already made; the scheme pays none.
 * - `deliveredBeforeDecision`: the delivery date (for a guarantee: the call, or the end of its
 *   term when never called) is before the decision date. This is the simulator's reading of "geen
 *   reeds gemaakte kosten": what is delivered before the commission letter (opdrachtbrief) was
 *   paid for before the commitment. It applies to bridging solutions too: they bridge the time
 *   until a structural solution, but their costs may not be pre-incurred either. Delivery on the
 *   decision date itself is allowed.
 * - `bridgingNotAllowed`: the rules in force do not fund bridging.
 * - `overGuaranteeMaximum`: a guarantee above the maximum.
 * - `aboveCap`: more than the pool's yearly budget (cap of the rules at receipt + transfers of the
 *   year so far) less the reserve: even an untouched pool could not commit it. Its size, not the
 *   state of the pool, is the reason, so it is no refusal for lack of budget: it starts no
 *   temporary stop and does not make the pool run dry.
 * - `exceedsBudget`: more than is left of the year's budget.
 * - `poolStopped`: it fits, but would leave less than the reserve for other regions (the temporary stop).
 * - `notYetReleased`: it fits the year, but not the part of the budget released by the decision
 *   date (budget spread over quarters or months).
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantRejectionReason = (typeof GRANT_REJECTION_REASONS)[number];

/**
 * The reasons a request is refused, in words.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GRANT_REJECTION_LABELS: Readonly<Record<GrantRejectionReason, string>> = {
  costsAlreadyIncurred: "costs already incurred",
  deliveredBeforeDecision: "delivered before the decision",
  bridgingNotAllowed: "bridging not allowed",
  overGuaranteeMaximum: "above the guarantee maximum",
  aboveCap: "more than the pool's yearly budget",
  exceedsBudget: "more than the budget left",
  poolStopped: "temporary stop (reserve)",
  notYetReleased: "budget not yet released",
};
