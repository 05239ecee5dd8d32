import { Decimal } from "decimal.js";
import { z } from "zod";
import { NameSchema } from "../caseload/names.js";
import { FundingInputError, fromZodIssues } from "../errors.js";
import { MoneySchema, NonNegativeMoneySchema, PercentSchema, percentOf, type Cents } from "../money/index.js";
import { MonthSchema, parseMonth } from "../period.js";
import { cumulative, Rng } from "../random.js";
import { GRANT_KINDS, type GrantRequestInput } from "./grantPoolSchema.js";
import { firstDayOfMonth, formatDate, lastDayOfMonth, MAX_YEAR, weekdayOfDay, type DayNumber } from "./workingDays.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";

/*
 * Synthetic requests to a grant pool: how many arrive each month, how large they are, what they
 * are for, which region sends them, and how they end (delivery, invoice, a guarantee's call). A
 * spec and a seed give the same requests, bit for bit.
 */

const Probability = z.number().min(0, "probability must be at least 0").max(1, "probability must be at most 1");
const Cv = z
  .number()
  .min(0, "coefficient of variation must not be negative")
  .max(10, "coefficient of variation above 10 is not a sensible spread")
  .describe("coefficient of variation (standard deviation ÷ mean) of a log-normal draw; 0 = always the mean");

/** A percentage with at most two decimals (so it is a whole number of basis points), 0 to 200. */
const PercentRange = z
  .strictObject({ min: PercentSchema.describe("lowest percentage, e.g. \"75\""), max: PercentSchema.describe("highest percentage, e.g. \"105\"") })
  .superRefine((r, ctx) => {
    for (const key of ["min", "max"] as const) {
      const d = new Decimal(r[key]);
      if (d.lt(0) || d.gt(200) || !d.times(100).isInteger()) {
        ctx.addIssue({ code: "custom", path: [key], message: "must be a percentage from 0 to 200 with at most two decimals" });
      }
    }
    if (new Decimal(r.min).gt(r.max)) ctx.addIssue({ code: "custom", path: ["min"], message: `min ${r.min}% is above max ${r.max}%` });
  }, ONLY_IF_VALID);

/** Largest mean amount (€1 billion): with draws capped at 1000 × the mean, every amount stays an exact integer. */
const MAX_MEAN = 100_000_000_000;

/** A log-normal amount, rounded to whole euros and kept within [min, max]. */
const AmountDistributionSchema = z
  .strictObject({
    mean: MoneySchema.refine((c) => c > 0, { message: "must be more than € 0", ...ONLY_IF_VALID })
      .refine((c) => c <= MAX_MEAN, { message: "must be at most € 1.000.000.000", ...ONLY_IF_VALID })
      .describe("mean amount asked"),
    cv: Cv.default(1),
    min: NonNegativeMoneySchema.default(100).describe("smallest amount (default € 1)"),
    max: NonNegativeMoneySchema.optional().describe("largest amount; none by default"),
  })
  .superRefine((a, ctx) => {
    if (a.max !== undefined && a.min > a.max) ctx.addIssue({ code: "custom", path: ["min"], message: "min is above max" });
    if (a.min === 0) ctx.addIssue({ code: "custom", path: ["min"], message: "a request asks more than € 0: min must be positive" });
  }, ONLY_IF_VALID);

const KindWeight = z.number().min(0, "weight must not be negative").describe("relative share of requests of this kind");

/**
 * The spec of a synthetic stream of grant requests.
 * @category Grant pools (stimuleringsimpuls)
 */
export const GrantRequestSpecSchema = z
  .strictObject({
    start: MonthSchema.describe("first month with requests, YYYY-MM"),
    months: z.number().int().min(1).max(600).describe("number of months with requests"),
    requestsPerMonth: z
      .union([z.number().min(0).max(10_000), z.array(z.number().min(0).max(10_000))])
      .describe("mean requests per month (Poisson), one number or one per month"),
    amount: AmountDistributionSchema.describe("amount asked, for every kind without its own distribution"),
    amountByKind: z
      .strictObject({
        maatwerk: AmountDistributionSchema.optional().describe("amounts of custom solutions (maatwerk)"),
        realEstate: AmountDistributionSchema.optional().describe("amounts of real-estate adaptations (vastgoedaanpassing)"),
        guarantee: AmountDistributionSchema.optional().describe("amounts of guarantees (garantstelling)"),
        bridging: AmountDistributionSchema.optional().describe("amounts of bridging solutions (overbrugging)"),
      })
      .default({})
      .describe("amount distributions of kinds that differ from `amount` (real estate is usually larger)"),
    kinds: z
      .strictObject({ maatwerk: KindWeight.default(0), realEstate: KindWeight.default(0), guarantee: KindWeight.default(0), bridging: KindWeight.default(0) })
      .prefault({ maatwerk: 1 })
      .describe("relative shares of the kinds (weights; a kind left out has weight 0)"),
    urgentShare: Probability.default(0).describe("share of urgent requests (decided sooner)"),
    incurredShare: Probability.default(0).describe("share of requests for costs already incurred"),
    missingInfoShare: Probability.default(0).describe("share of requests with information missing"),
    regions: z
      .array(z.strictObject({ name: NameSchema.describe("youth-care region (jeugdregio)"), weight: z.number().positive("weight must be greater than 0").describe("relative share of the requests") }))
      .min(1, "needs at least one region")
      .describe("the regions whose expert teams send requests, each with its share"),
    deliveryDelayDays: z
      .strictObject({ mean: z.number().positive().max(3650, "mean delay must be at most 3650 days").describe("mean calendar days"), cv: Cv.default(0.5) })
      .prefault({ mean: 60 })
      .describe("calendar days from receipt to delivery and invoice (log-normal, rounded up, at least 1)"),
    invoicePercent: PercentRange.prefault({ min: 100, max: 100 }).describe("invoice as a percentage of the amount asked, uniform in [min, max] (basis points)"),
    guaranteeCallProbability: Probability.default(0.25).describe("chance that a guarantee is called before its term ends"),
    guaranteeCallPercent: PercentRange.prefault({ min: 50, max: 100 }).describe("amount called as a percentage of the guarantee, uniform"),
  })
  .superRefine((s, ctx) => {
    if (Array.isArray(s.requestsPerMonth) && s.requestsPerMonth.length !== s.months) {
      ctx.addIssue({ code: "custom", path: ["requestsPerMonth"], message: `${s.requestsPerMonth.length} monthly rates for ${s.months} months` });
    }
    if (s.kinds.maatwerk + s.kinds.realEstate + s.kinds.guarantee + s.kinds.bridging <= 0) {
      ctx.addIssue({ code: "custom", path: ["kinds"], message: "at least one kind needs a weight above 0" });
    }
    const names = new Set<string>();
    s.regions.forEach((r, i) => {
      if (names.has(r.name)) ctx.addIssue({ code: "custom", path: ["regions", i, "name"], message: `duplicate region "${r.name}"` });
      names.add(r.name);
    });
    // Deliveries run up to ten years after the last month; keep every date four-digit.
    if (Math.floor((parseMonth(s.start) + s.months - 1) / 12) + 11 > MAX_YEAR) {
      ctx.addIssue({ code: "custom", path: ["start"], message: `requests must end more than 11 years before ${MAX_YEAR}` });
    }
  }, ONLY_IF_VALID);
/**
 * The spec of synthetic grant requests, as users write it.
 * @category Grant pools (stimuleringsimpuls)
 */
export type GrantRequestSpecInput = z.input<typeof GrantRequestSpecSchema>;
type Spec = z.output<typeof GrantRequestSpecSchema>;
type AmountDistribution = z.output<typeof AmountDistributionSchema>;

/**
 * Generates requests from a spec and a seed, in order of receipt, with ids `R0001`, `R0002`, …
 * (same-day requests keep their generation order, which their ids follow). Money is `{ cents }`,
 * ready for `simulateGrantPool`.
 *
 * Per month, a Poisson number of requests, each on a uniformly drawn Monday–Friday of the month
 * (expert teams send in on working days; holidays are not excluded — an e-mail can arrive on
 * one). Per request: the kind and the region by weight; the amount log-normal with the kind's
 * mean and cv, **rounded to whole euros** (half up) and clamped to [min, max]; urgent, costs
 * incurred and information missing by their shares; delivery a log-normal number of calendar
 * days later (rounded up, at least 1); the invoice a uniform whole number of basis points of the
 * amount in [min, max] % (money rounded half up to the cent); a guarantee is called with its
 * probability, for a uniform percentage of its amount (half up), on a uniform day from receipt to
 * the end of its term (the delivery date).
 *
 * Each attribute draws from its own labelled stream a fixed number of times per request, so
 * changing one share (say urgency) leaves every other attribute of every request unchanged.
 *
 * @throws FundingInputError when the spec is invalid (each issue with its path) or the seed is not a safe integer.
 * @category Grant pools (stimuleringsimpuls)
 */
export function generateGrantRequests(spec: GrantRequestSpecInput, seed: number): GrantRequestInput[] {
  const parsed = GrantRequestSpecSchema.safeParse(spec);
  if (!parsed.success) throw new FundingInputError("grant request spec", fromZodIssues(parsed.error.issues));
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new FundingInputError("grant request seed", [{ code: "invalid_type", path: ["seed"], message: `seed must be a safe integer, got ${String(seed)}` }]);
  }
  return generate(parsed.data, seed);
}

function generate(s: Spec, seed: number): GrantRequestInput[] {
  const rng = (label: string): Rng => new Rng(seed, `grants:${label}`);
  const arrivals = rng("arrivals");
  const days = rng("day");
  const kinds = rng("kind");
  const regions = rng("region");
  const amounts = rng("amount");
  const flags = rng("flags");
  const delivery = rng("delivery");
  const invoices = rng("invoice");
  const calls = rng("guarantee");

  const kindCum = cumulative(GRANT_KINDS.map((k) => s.kinds[k]));
  const regionCum = cumulative(s.regions.map((r) => r.weight));
  const invoiceBp = basisPoints(s.invoicePercent);
  const callBp = basisPoints(s.guaranteeCallPercent);
  const start = parseMonth(s.start);

  const out: { day: DayNumber; request: Omit<GrantRequestInput, "id"> }[] = [];
  for (let i = 0; i < s.months; i++) {
    const month = start + i;
    const weekdays: DayNumber[] = [];
    for (let d = firstDayOfMonth(month); d <= lastDayOfMonth(month); d++) if (weekdayOfDay(d) <= 5) weekdays.push(d);
    const rate = Array.isArray(s.requestsPerMonth) ? s.requestsPerMonth[i]! : s.requestsPerMonth;
    const n = arrivals.poisson(rate);
    for (let j = 0; j < n; j++) {
      const received = weekdays[days.int(weekdays.length)]!;
      const kind = GRANT_KINDS[kinds.pick(kindCum)]!;
      const region = s.regions[regions.pick(regionCum)]!.name;
      const amount = drawAmount(s.amountByKind[kind] ?? s.amount, amounts);
      const urgent = flags.next() < s.urgentShare;
      const costsAlreadyIncurred = flags.next() < s.incurredShare;
      const informationMissing = flags.next() < s.missingInfoShare;
      const delay = drawDelay(s.deliveryDelayDays, delivery);
      const invoicePct = uniformBp(invoiceBp, invoices);
      const called = calls.next() < s.guaranteeCallProbability;
      const callPct = uniformBp(callBp, calls);
      const callOffset = calls.int(delay + 1);

      const request: Omit<GrantRequestInput, "id"> = {
        region,
        amount: { cents: amount },
        kind,
        urgent,
        costsAlreadyIncurred,
        informationMissing,
        receivedDate: formatDate(received),
        deliveryDate: formatDate(received + delay),
      };
      if (kind === "guarantee") {
        const calledAmount = called ? percentOf(amount, new Decimal(callPct).dividedBy(100), "halfUp") : 0;
        if (calledAmount > 0) Object.assign(request, { calledAmount: { cents: calledAmount }, calledDate: formatDate(received + callOffset) });
      } else {
        Object.assign(request, { invoicedAmount: { cents: percentOf(amount, new Decimal(invoicePct).dividedBy(100), "halfUp") } });
      }
      out.push({ day: received, request });
    }
  }
  // Order of receipt; Array.prototype.sort is stable, so same-day requests keep their draw order.
  out.sort((a, b) => a.day - b.day);
  const width = Math.max(4, String(out.length).length);
  return out.map((x, i) => ({ id: `R${String(i + 1).padStart(width, "0")}`, ...x.request }));
}

/** [min, max] in whole basis points (hundredths of a percent). */
function basisPoints(r: { min: string; max: string }): [number, number] {
  return [new Decimal(r.min).times(100).toNumber(), new Decimal(r.max).times(100).toNumber()];
}

/** A uniform whole number of basis points in [min, max]: always one draw. */
function uniformBp([min, max]: [number, number], rng: Rng): number {
  return min + rng.int(max - min + 1);
}

/**
 * A log-normal amount in cents, rounded to whole euros (half up), within [min, max]: always one
 * normal draw. The draw is a float factor around 1 (at most 1000, a tail cap far beyond any real
 * request); the amount becomes money once: mean (cents) × factor ÷ 100 is the amount in euros,
 * rounded half up by `percentOf` in decimal arithmetic, then × 100 back to cents.
 */
function drawAmount(a: AmountDistribution, rng: Rng): Cents {
  const factor = Math.min(1000, rng.lognormal(1, a.cv));
  const cents = percentOf(a.mean, new Decimal(factor), "halfUp") * 100;
  return Math.max(a.min, a.max === undefined ? cents : Math.min(a.max, cents));
}

/** Calendar days from receipt to delivery: log-normal, rounded up, 1 … 3650; always one normal draw. */
function drawDelay(d: { mean: number; cv: number }, rng: Rng): number {
  const days = Math.ceil(rng.lognormal(d.mean, d.cv));
  return Math.min(3650, Math.max(1, days));
}
