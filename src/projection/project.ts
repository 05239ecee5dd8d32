import { z } from "zod";
import { isCaseload, type Caseload } from "../caseload/caseload.js";
import { CARE_FORMS, OPEN_END, OUTCOME_ACHIEVED } from "../caseload/codes.js";
import { FundingInputError, fromZodIssues, type Issue, type SafeResult } from "../errors.js";
import type { Ledger } from "../ledger/ledger.js";
import { LINE_KINDS } from "../ledger/lineKind.js";
import type { Cents } from "../money/index.js";
import type { CeilingSignal, ExecutionVariant, FundingModel, ModelMeasure } from "../models/model.js";
import { formatMonth, horizonEnd, HorizonSchema, parseMonth, type Horizon } from "../period.js";
import { AggregatingWriter } from "./aggregatingWriter.js";
import { waitingOf } from "./waiting.js";
import type { Breakdown } from "./breakdown.js";
import { CareFormPrices } from "../prices/careFormPrices.js";
import { CostPricesSchema, costOfUse } from "./cost.js";
import { asNotice, type Notice } from "../locale/notice.js";

/**
 * Options of {@link project}.
 * @category Projection and ledger
 */
export const ProjectionOptionsSchema = z.strictObject({
  horizon: HorizonSchema,
  paymentLagMonths: z
    .number()
    .int()
    .min(0)
    .max(12)
    .default(1)
    .describe("months from care (or a start or closure) to its payment: with 1, January pays December's care"),
  costPrices: CostPricesSchema.optional().describe(
    "the providers' cost prices per care form (optionally per provider, dated, indexed): without them cost and margin are not computed",
  ),
  lines: z.boolean().default(false).describe("keep every payment line (a Ledger); off by default to save memory"),
});
/**
 * Options of {@link project}, as users write them.
 * @category Projection and ledger
 */
export type ProjectionOptions = z.input<typeof ProjectionOptionsSchema>;

/**
 * Counts of iJw messages and payment lines: the administrative burden of a model.
 * @category Projection and ledger
 */
export interface MessageCounts {
  /** Payment lines inside the horizon (declaration lines, instalments, advances, settlements). */
  readonly paymentLines: number;
  /** Assignments (toewijzingen, JW301) for trajectories starting inside the horizon. */
  readonly assignments: number;
  /** Start and stop messages (JW305 + JW307). */
  readonly startStop: number;
  /** Declaration messages (JW323) and their answers (JW325): one each per provider per month with lines. */
  readonly declarationMessages: number;
  /** All iJw messages together. */
  readonly total: number;
}

/**
 * Clients kept waiting by an intake stop (cliëntenstop).
 * @category Projection and ledger
 */
export interface Waiting {
  /** Clients whose start was deferred inside the horizon. */
  readonly clients: number;
  /** Sum over months of clients waiting. */
  readonly clientMonths: number;
  /** Clients waiting per month of the horizon. */
  readonly byMonth: Int32Array;
}

/**
 * Everything a projection of one model over one caseload produces. Amounts are integer cents.
 * @category Projection and ledger
 */
export interface Projection {
  readonly model: { readonly kind: string; readonly label: string; readonly variant: ExecutionVariant };
  /** Which caseload was projected (its size and window), so later steps can check they get the same one. */
  readonly caseload: { readonly size: number; readonly windowStart: number; readonly windowMonths: number };
  readonly horizon: Horizon;
  /** Paid inside the horizon. */
  readonly totalPaid: Cents;
  readonly byKind: Breakdown;
  readonly byProvider: Breakdown;
  readonly byMunicipality: Breakdown;
  readonly byProfile: Breakdown;
  readonly byCareForm: Breakdown;
  /** Open obligations (verplichtingen): committed, not yet paid, at each December and at the horizon's end. */
  readonly obligations: readonly { readonly date: string; readonly cents: Cents }[];
  /**
   * Owed for care or events up to the horizon's end, or committed by then, and paid after it —
   * the obligations open at the horizon's end.
   */
  readonly dueAfterHorizon: Cents;
  /** The providers' cost of the care delivered inside the horizon, when cost prices were given. */
  readonly cost: { readonly total: Cents; readonly byProvider: Breakdown } | null;
  readonly messages: MessageCounts;
  readonly waiting: Waiting;
  readonly ceilingSignals: readonly CeilingSignal[];
  /** Measures only this model has (e.g. the occupancy of funded places). */
  readonly measures: readonly ModelMeasure[];
  /** Trajectories that closed inside the horizon, and those of them with the result achieved. */
  readonly closed: number;
  readonly achieved: number;
  /** Distinct clients in care at some month of the horizon. */
  readonly clients: number;
  /** Months each trajectory was deferred, when the model deferred any. */
  readonly delays: Int32Array | null;
  /** Every line, when `lines: true`. */
  readonly ledger: Ledger | null;
  /** What the analyst should know about the inputs, e.g. care before the window that goes unpaid (in English). */
  readonly warnings: readonly string[];
  /** The same warnings in English and Dutch, for a report in either language. */
  readonly notices: readonly Notice[];
}

/**
 * The cost-projection core: runs one funding model over a caseload, month by month, and totals
 * what the municipality pays, to whom, when, for what, and what the care cost the providers.
 * Throws {@link FundingInputError} for bad options or a config that does not fit the caseload.
 * @example
 * ```ts
 * import { caseloadFromRecords, createModel, formatEuro, project } from "jeugdhulp-bekostiging";
 *
 * const caseload = caseloadFromRecords(
 *   [
 *     { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
 *     { id: "t2", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
 *   ],
 *   { window: { start: "2025-12", months: 13 } }, // from December: January pays December's care
 * );
 * const effort = createModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] });
 * const projection = project(caseload, effort, { horizon: { start: "2026-01", months: 12 } });
 * // t1: 4 hours × €70 × 6 months; t2: 28 etmalen × €180 × 10 months (December 2025 paid in January)
 * console.log(formatEuro(projection.totalPaid)); // → € 52.080,00
 * ```
 * @category Projection and ledger
 */
export function project(caseload: Caseload, model: FundingModel, options: ProjectionOptions): Projection {
  if (!isCaseload(caseload)) {
    throw new FundingInputError("projection", [{ code: "invalid_type", path: ["caseload"], message: "expected a caseload (from caseloadFromRecords, caseloadFromCsv or generateCaseload)" }]);
  }
  if (typeof (model as FundingModel | null)?.project !== "function") {
    throw new FundingInputError("projection", [{ code: "invalid_type", path: ["model"], message: "expected a funding model built by createModel(config) (or taskModel, effortModel, …), not a config or another value" }]);
  }
  const parsed = ProjectionOptionsSchema.safeParse(options);
  if (!parsed.success) throw new FundingInputError("projection options", fromZodIssues(parsed.error.issues));
  const o = parsed.data;
  return projectParsed(caseload, model, o, o.costPrices ? new ProviderCosts(caseload, o.costPrices) : null);
}

/** Options of {@link project} after validation (money in cents, defaults filled). */
export type ParsedProjectionOptions = z.output<typeof ProjectionOptionsSchema>;

/**
 * The providers' cost of a caseload's care at given cost prices, per provider × month of a
 * horizon. The care as delivered without delays is the same whichever model pays for it, so it is
 * computed once and shared by the models of a comparison (a model that defers care gets its own).
 */
export class ProviderCosts {
  private readonly prices: CareFormPrices;
  private readonly undelayed = new Map<string, Float64Array>();
  constructor(
    private readonly caseload: Caseload,
    costPrices: NonNullable<ParsedProjectionOptions["costPrices"]>,
  ) {
    this.prices = new CareFormPrices(caseload, costPrices.prices, costPrices.indexation, "projection options", ["costPrices", "prices"]);
    this.prices.requireCovered();
  }
  /** Cost per provider × month of `h` (a fresh array), with care shifted by `delays` when given. */
  of(h: Horizon, delays: Int32Array | null): Float64Array {
    if (delays) return projectCost(this.caseload, h, this.prices, delays);
    const key = `${h.start}:${h.months}`;
    let cost = this.undelayed.get(key);
    if (!cost) this.undelayed.set(key, (cost = projectCost(this.caseload, h, this.prices, null)));
    return cost.slice();
  }
}

/**
 * Starts, closures, results and distinct clients of a caseload's care as given (no delays), per
 * horizon: the same whichever model pays for it, so counted once and shared by the models of a
 * comparison's run, as {@link ProviderCosts} is.
 */
export class DeliveryCounts {
  private readonly byHorizon = new Map<string, Omit<ReturnType<typeof deliveryStats>, "waiting">>();
  constructor(readonly caseload: Caseload) {}
  /** The counts over `h`, with no one waiting (a fresh `waiting` each time). */
  of(h: Horizon): ReturnType<typeof deliveryStats> {
    const key = `${h.start}:${h.months}`;
    let counts = this.byHorizon.get(key);
    if (!counts) {
      const { waiting: _, ...rest } = deliveryStats(this.caseload, h, null);
      this.byHorizon.set(key, (counts = rest));
    }
    return { ...counts, waiting: { clients: 0, clientMonths: 0, byMonth: new Int32Array(h.months) } };
  }
}

/**
 * {@link project} with options already validated and the providers' cost prices compiled (null:
 * no cost) — what `compare` calls for every model, so it validates and compiles them once per run.
 */
export function projectParsed(
  caseload: Caseload,
  model: FundingModel,
  o: ParsedProjectionOptions,
  costs: ProviderCosts | null,
  counts: DeliveryCounts | null = null,
): Projection {
  const horizon: Horizon = { start: parseMonth(o.horizon.start), months: o.horizon.months };
  checkWindow(caseload, horizon);

  const writer = new AggregatingWriter(caseload, horizon, o.lines, model.label);
  const outcome = model.project({ caseload, horizon, paymentLagMonths: o.paymentLagMonths }, writer);
  writer.assertExact();
  const delays = outcome.delays ?? null;
  const breakdown = (keys: readonly string[], cents: Float64Array): Breakdown => ({ keys, horizon, cents });
  const delivery = !delays && counts?.caseload === caseload ? counts.of(horizon) : deliveryStats(caseload, horizon, delays);
  const notices = [...inputWarnings(caseload, horizon, o.paymentLagMonths), ...(outcome.warnings ?? []).map(asNotice)];

  let total = 0;
  for (let i = 0; i < writer.byKind.length; i++) total += writer.byKind[i]!;
  let paymentLines = 0;
  for (const n of writer.linesByKind) paymentLines += n;
  let batches = 0;
  for (const b of writer.batches) batches += b;
  const perClient = model.variant !== "taakgericht";
  const assignments = perClient ? delivery.starts : 0;
  const startStop = perClient ? delivery.starts + delivery.closed : 0;
  const declarationMessages = perClient ? 2 * batches : 0;

  let cost: Projection["cost"] = null;
  if (costs) {
    const byProvider = costs.of(horizon, delays);
    let sum = 0;
    let abs = 0;
    for (const v of byProvider) {
      sum += v;
      abs += Math.abs(v);
    }
    // Each cell sums integer cents; if their absolute sum stays below 2^53, every sum was exact.
    if (!Number.isSafeInteger(abs)) {
      throw new FundingInputError("projection options", [
        { code: "unsafe_amount", path: ["costPrices"], message: "the providers' cost passes 2^53 cents; amounts would no longer be exact" },
      ]);
    }
    cost = { total: sum, byProvider: breakdown([...caseload.providers], byProvider) };
  }
  return {
    model: { kind: model.kind, label: model.label, variant: model.variant },
    caseload: { size: caseload.size, windowStart: caseload.window.start, windowMonths: caseload.window.months },
    horizon,
    totalPaid: total,
    byKind: breakdown(LINE_KINDS, writer.byKind),
    byProvider: breakdown([...caseload.providers, "(all providers)"], writer.byProvider),
    byMunicipality: breakdown([...caseload.municipalities, "(whole region)"], writer.byMunicipality),
    byProfile: breakdown([...caseload.profiles, "(not per trajectory)"], writer.byProfile),
    byCareForm: breakdown([...CARE_FORMS, "(not per trajectory)"], writer.byCareForm),
    obligations: writer.obligationDates.map((d, k) => ({ date: formatMonth(d), cents: writer.obligations[k]! })),
    dueAfterHorizon: writer.dueAfterHorizon,
    cost,
    messages: { paymentLines, assignments, startStop, declarationMessages, total: assignments + startStop + declarationMessages },
    waiting: delivery.waiting,
    ceilingSignals: outcome.ceilingSignals ?? [],
    measures: outcome.measures ?? [],
    closed: delivery.closed,
    achieved: delivery.achieved,
    clients: delivery.clients,
    delays,
    ledger: writer.ledger ? writer.ledger.build() : null,
    warnings: notices.map((n) => n.en),
    notices,
  };
}

/**
 * Care before the caseload's window is unknown, so payments for it in the horizon's first months
 * are missing: models that pay per month of care look cheaper there. Said, not silently absorbed.
 */
function inputWarnings(c: Caseload, h: Horizon, lag: number): Notice[] {
  const gap = c.window.start + lag - h.start;
  if (gap <= 0) return [];
  let runningAtStart = 0;
  const { start, useOffset, size } = c;
  const W = c.window.start;
  for (let t = 0; t < size; t++) if (start[t]! < W && useOffset[t + 1]! > useOffset[t]!) runningAtStart++;
  if (runningAtStart === 0) return [];
  const window = formatMonth(c.window.start);
  const months = `${formatMonth(h.start)}${gap > 1 ? ` – ${formatMonth(h.start + gap - 1)}` : ""}`;
  return [
    {
      en:
        `${runningAtStart} trajectories were already in care before the caseload window (${window}); ` +
        `with payment ${lag} month(s) after the care, payments in ${months} ` +
        `for care before the window are missing. Start the window ${gap} month(s) before the horizon (a warm-up).`,
      nl:
        `${runningAtStart} trajecten waren al in zorg vóór het venster van het cliëntenbestand (${window}); ` +
        `met betaling ${lag} maand(en) na de zorg ontbreken de betalingen in ${months} ` +
        `voor zorg vóór het venster. Laat het venster ${gap} maand(en) vóór de horizon beginnen (een aanloop).`,
    },
  ];
}

/**
 * {@link project} that returns expected failures as a value instead of throwing.
 * @category Projection and ledger
 */
export function safeProject(caseload: Caseload, model: FundingModel, options: ProjectionOptions): SafeResult<Projection> {
  try {
    return { success: true, output: project(caseload, model, options) };
  } catch (e) {
    if (e instanceof FundingInputError) return { success: false, issues: e.issues, ...(e.omittedIssues > 0 ? { omittedIssues: e.omittedIssues } : {}) };
    throw e;
  }
}

function checkWindow(c: Caseload, h: Horizon): void {
  const issues: Issue[] = [];
  if (h.start < c.window.start || horizonEnd(h) > horizonEnd(c.window)) {
    issues.push({
      code: "outside_window",
      path: ["horizon"],
      message: `horizon ${formatMonth(h.start)}–${formatMonth(horizonEnd(h))} must lie inside the caseload's window ${formatMonth(c.window.start)}–${formatMonth(horizonEnd(c.window))}`,
    });
  }
  if (issues.length) throw new FundingInputError("projection options", issues);
}

/** Starts, closures, results, distinct clients and waiting inside the horizon, after delays. */
function deliveryStats(c: Caseload, h: Horizon, delays: Int32Array | null) {
  const first = h.start;
  const last = horizonEnd(h);
  let starts = 0;
  let closed = 0;
  let achieved = 0;
  // Columns in locals: a caseload made by spreading another (behaviour responses) has its own
  // shape, and a property read per trajectory would then be slow.
  const { client, start, end, outcome, size } = c;
  // Clients are numbered densely (0 … n−1) by the builders; a bitmap beats a Set at national scale.
  let maxClient = 0;
  for (let t = 0; t < size; t++) if (client[t]! > maxClient) maxClient = client[t]!;
  const seen = new Uint8Array(maxClient + 1);
  let clients = 0;
  for (let t = 0; t < size; t++) {
    const d = delays ? delays[t]! : 0;
    const s = start[t]! + d;
    const e = end[t] === OPEN_END ? OPEN_END : end[t]! + d;
    if (s >= first && s <= last) starts++;
    if (e >= first && e <= last) {
      closed++;
      if (outcome[t] === OUTCOME_ACHIEVED) achieved++;
    }
    if (s <= last && e >= first && seen[client[t]!] === 0) {
      seen[client[t]!] = 1;
      clients++;
    }
  }
  const waiting: Waiting = delays ? waitingOf(c, h, delays) : { clients: 0, clientMonths: 0, byMonth: new Int32Array(h.months) };
  return { starts, closed, achieved, clients, waiting };
}

/** Provider cost per month of care delivered inside the horizon (after any delay). */
function projectCost(c: Caseload, h: Horizon, costs: CareFormPrices, delays: Int32Array | null): Float64Array {
  const m = h.months;
  const grid = costs.grid(h);
  const out = new Float64Array(c.providers.length * m);
  const nc = CARE_FORMS.length;
  // Columns in locals (see deliveryStats).
  const { provider, careForm, useOffset, unit, use, start, size } = c;
  const W = c.window.start;
  for (let t = 0; t < size; t++) {
    const d = delays ? delays[t]! : 0;
    const p = provider[t]!;
    const row = (p * nc + careForm[t]!) * m;
    const u = unit[t]!;
    const first = (start[t]! > W ? start[t]! : W) + d - h.start; // the first month of use in the window, delayed
    // Only the months inside the horizon: use index k is horizon month k + shift.
    const shift = first - useOffset[t]!;
    const from = first < 0 ? useOffset[t]! - first : useOffset[t]!;
    const to = useOffset[t + 1]! < m - shift ? useOffset[t + 1]! : m - shift;
    for (let k = from; k < to; k++) out[p * m + k + shift]! += costOfUse(u, use[k]!, grid[row + k + shift]!);
  }
  return out;
}
