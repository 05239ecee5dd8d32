import { z } from "zod";
import { applyBehaviour, type BehaviourOutcome } from "../behaviour/applyBehaviour.js";
import { BEHAVIOUR_SET_NAMES, BehaviourSchema, type ResolvedBehaviour } from "../behaviour/behaviourSchema.js";
import { behaviourIsOn, resolveBehaviour } from "../behaviour/behaviourSets.js";
import { describeBehaviour } from "../behaviour/describeBehaviour.js";
import { isCaseload, type Caseload } from "../caseload/caseload.js";
import { generateCaseload } from "../caseload/generate.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, parseWith } from "../errors.js";
import { createModel, type ModelConfig } from "../models/index.js";
import type { ExecutionVariant, FundingModel } from "../models/model.js";
import { formatMonth, HorizonSchema, parseMonth, type Horizon } from "../period.js";
import { waitingOf } from "../projection/waiting.js";
import { ProjectionOptionsSchema, projectParsed, ProviderCosts, type Projection } from "../projection/project.js";
import { DatedMoneySchema, DatedPrice, IndexationSchema } from "../prices/datedPrice.js";
import { meanMetrics } from "./meanMetrics.js";
import { measure, type Metrics } from "./metrics.js";
import { summarise, type Summary } from "./statistics.js";

/** Options of {@link compare}. */
export const CompareOptionsSchema = z.strictObject({
  horizon: HorizonSchema.optional().describe("the months compared, e.g. { start: '2026-01', months: 36 }; default: the caseload's window"),
  // The same fields as a projection's: one definition, one description.
  paymentLagMonths: ProjectionOptionsSchema.shape.paymentLagMonths,
  costPrices: ProjectionOptionsSchema.shape.costPrices,
  budget: z
    .strictObject({ perYear: DatedMoneySchema.describe("the budget per calendar year (the version in force in January)"), indexation: IndexationSchema.optional() })
    .optional()
    .describe("the municipality's youth-care budget per calendar year, for the deviation"),
  seed: z.number().int().default(1).describe("seed of the first run of a synthetic caseload; the same seed gives the same caseload, bit for bit"),
  runs: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(1)
    .describe("Monte Carlo runs of a synthetic caseload, seeds seed … seed + runs − 1; a given caseload (records, CSV) is one run"),
  behaviour: z
    .union([z.enum(BEHAVIOUR_SET_NAMES), BehaviourSchema])
    .optional()
    .describe("providers' responses to each model's incentive: a set name (none, literature-central, literature-high) or a set with overrides; off by default"),
  keepProjections: z
    .union([z.boolean(), z.literal("lines")])
    .default(false)
    .describe('keep each model\'s full projection of the first run in the result (typed arrays: not JSON-safe); "lines": with every payment line too'),
});
/** Options of {@link compare}, as users write them (defaults filled in by the schema). */
export type CompareOptions = z.input<typeof CompareOptionsSchema>;

/** Amount-valued metrics summarised over runs. */
export const SUMMARISED_METRICS = [
  "totalPaid",
  "perClient",
  "perClosedTrajectory",
  "perAchievedResult",
  "providerCost",
  "providerMargin",
  "budgetDeviation",
  "dueAfterHorizon",
] as const;
/** An amount metric that {@link compare} summarises over runs. */
export type SummarisedMetric = (typeof SUMMARISED_METRICS)[number];

/** One model's column of a comparison. */
export interface ModelComparison {
  /** The model's label; made unique by its position (`… #2`) when an earlier model has the same. */
  readonly label: string;
  readonly kind: string;
  readonly variant: ExecutionVariant;
  /** Metrics of the first run (the only run for a given caseload). */
  readonly metrics: Metrics;
  /** The mean of every run's metrics, field by field (the first run's when there is one run). */
  readonly mean: Metrics;
  /** Metrics of every run, in seed order. */
  readonly runs: readonly Metrics[];
  /** Mean and P5 / P50 / P95 over the runs, per amount metric (absent where a run had none). */
  readonly summary: Partial<Record<SummarisedMetric, Summary>>;
  /** The first run's projection, when `keepProjections`. */
  readonly projection: Projection | null;
  /**
   * The caseload as delivered under this model in the first run, when `keepProjections` and a
   * behaviour response changed it (else null: the compared caseload itself) — what
   * `projection` was projected from, e.g. for funding streams.
   */
  readonly delivered: Caseload | null;
}

/** Result of {@link compare}: one entry per model, in the order given. */
export interface Comparison {
  readonly horizon: { readonly start: string; readonly months: number };
  /** Seeds of the runs; empty when a fixed caseload was compared. */
  readonly seeds: readonly number[];
  readonly models: readonly ModelComparison[];
  /** Warnings of the projections (first run), each once. */
  readonly warnings: readonly string[];
  /** The behaviour responses applied, every one resolved; null when all are off (the default). */
  readonly behaviour: ResolvedBehaviour | null;
}

/** Progress callback: called after each run. */
export type OnRun = (done: number, total: number) => void;

/**
 * Runs one caseload through several funding models and measures each side by side. Given a
 * caseload spec instead of a caseload, it generates one caseload per seed and feeds that same
 * caseload to every model (common random numbers: differences are the models', not noise), then
 * summarises each amount over the runs (mean, P5, P50, P95).
 */
export function compare(
  caseload: Caseload | CaseloadSpecInput,
  models: readonly (FundingModel | ModelConfig)[],
  options: CompareOptions = {},
  onRun?: OnRun,
): Comparison {
  const o = parseWith(CompareOptionsSchema, options, "compare options");
  if (models.length === 0) throw new FundingInputError("compare", [{ code: "too_small", path: ["models"], message: "needs at least one model" }]);
  const built = models.map((m, i) => atModel(i, null, () => createModel(m)));
  // Columns must be told apart: a label used before gets its position, e.g. "Inspanningsgericht (p×q) #2".
  const seenLabels = new Set<string>();
  const labels = built.map((m, i) => {
    const label = seenLabels.has(m.label) ? `${m.label} #${i + 1}` : m.label;
    seenLabels.add(label);
    return label;
  });
  const budget = o.budget ? new DatedPrice(o.budget.perYear, o.budget.indexation) : null;
  const resolved = resolveBehaviour(o.behaviour);
  const behaviour = behaviourIsOn(resolved) ? resolved : null;
  const fixed = isCaseload(caseload);
  if (fixed && (options.runs ?? 1) > 1) {
    throw new FundingInputError("compare options", [
      { code: "invalid_value", path: ["runs"], message: "several runs need a caseload spec to generate from; a given caseload is one run" },
    ]);
  }
  const seeds = fixed ? [] : Array.from({ length: o.runs }, (_, i) => o.seed + i);
  const runs = fixed ? 1 : seeds.length;
  const perModel: Metrics[][] = built.map(() => []);
  const kept: (Projection | null)[] = built.map(() => null);
  const keptCaseloads: (Caseload | null)[] = built.map(() => null);
  const warnings = new Set<string>(behaviour ? [describeBehaviour(behaviour)] : []);
  let horizon: { start: string; months: number } | null = null;
  for (let r = 0; r < runs; r++) {
    const c = fixed ? caseload : generateCaseload(caseload, seeds[r]!);
    const h = o.horizon ?? { start: formatMonth(c.window.start), months: c.window.months };
    horizon ??= h;
    // The options are validated once; the providers' cost of a run's care is computed once for
    // all models that see the same care: without behaviour every model, with it every model kind
    // (and every model whose lump sums a waiting list depends on).
    const delivered = new Map<string, BehaviourOutcome & { costs: ProviderCosts | null }>();
    const deliveredUnder = (model: FundingModel, i: number) => {
      const key = !behaviour ? "" : model.kind === "task" && behaviour.task.intakeStopAtBudgetPercent > 0 ? `model ${i}` : model.kind;
      let d = delivered.get(key);
      if (!d) {
        const outcome: BehaviourOutcome = behaviour
          ? behaviourOf(() => applyBehaviour(c, model, behaviour, fixed ? o.seed : seeds[r]!, o.costPrices))
          : { caseload: c, measures: [], delays: null };
        const shared = [...delivered.values()].find((x) => x.caseload === outcome.caseload);
        const costs = shared ? shared.costs : o.costPrices ? new ProviderCosts(outcome.caseload, o.costPrices) : null;
        delivered.set(key, (d = { ...outcome, costs }));
      }
      return d;
    };
    built.forEach((model, i) => {
      const p = atModel(i, model.label, () => {
        const d = deliveredUnder(model, i);
        if (r === 0 && o.keepProjections && d.caseload !== c) keptCaseloads[i] = d.caseload;
        const projection = projectParsed(d.caseload, model, { horizon: h, paymentLagMonths: o.paymentLagMonths, lines: r === 0 && o.keepProjections === "lines" }, d.costs);
        if (d.measures.length === 0 && !d.delays) return projection;
        // A waiting list is the providers' doing, not the model's: counted as the model's own waits are.
        const waiting = d.delays ? waitingOf(c, parsedHorizon(h), d.delays) : projection.waiting;
        return { ...projection, waiting, measures: [...projection.measures, ...d.measures] };
      });
      perModel[i]!.push(measure(p, budget));
      if (r === 0 && o.keepProjections) kept[i] = p;
      if (r === 0) for (const w of p.warnings) warnings.add(w);
    });
    onRun?.(r + 1, runs);
  }
  return {
    horizon: horizon!,
    seeds,
    warnings: [...warnings],
    behaviour,
    models: built.map((m, i) => {
      const ms = perModel[i]!;
      const summary: Partial<Record<SummarisedMetric, Summary>> = {};
      for (const key of SUMMARISED_METRICS) {
        const values = ms.map((x) => x[key]);
        if (values.every((v): v is number => v !== null)) summary[key] = summarise(values);
      }
      return { label: labels[i]!, kind: m.kind, variant: m.variant, metrics: ms[0]!, mean: meanMetrics(ms), runs: ms, summary, projection: kept[i]!, delivered: keptCaseloads[i]! };
    }),
  };
}

function parsedHorizon(h: { start: string; months: number }): Horizon {
  return { start: parseMonth(h.start), months: h.months };
}

/** Runs `fn`, re-throwing a behaviour response's input errors as errors of the options' `behaviour`. */
function behaviourOf<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FundingInputError) || e.subject !== "behaviour") throw e;
    throw new FundingInputError("compare options", e.issues.map((x) => ({ ...x, path: ["behaviour", ...x.path] })));
  }
}

/**
 * Runs `fn`, re-throwing a model's input errors with its place in the list (and label) in front.
 * Errors in the shared options (cost prices, horizon) already have their path in the options.
 */
function atModel<T>(i: number, label: string | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FundingInputError) || e.subject === "projection options" || e.subject === "compare options") throw e;
    const what = label === null ? `models[${i}]` : `models[${i}] "${label}"`;
    throw new FundingInputError(what, e.issues.map((x) => ({ ...x, path: ["models", i, ...x.path] })));
  }
}


