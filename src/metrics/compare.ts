import type { ResolvedBehaviour } from "../behaviour/behaviourSchema.js";
import { behaviourNotice } from "../behaviour/describeBehaviour.js";
import type { Caseload } from "../caseload/caseload.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import type { ModelConfig } from "../models/index.js";
import type { ExecutionVariant, FundingModel } from "../models/model.js";
import type { Projection } from "../projection/project.js";
import { comparisonRisk, type ComparisonRisk } from "../risk/comparisonRisk.js";
import type { Distribution } from "../uncertainty/distribution.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import { planComparison, type ComparisonPlan } from "./comparisonPlan.js";
import { runComparison, type RunResult } from "./comparisonRun.js";
import type { CompareOptions } from "./compareOptions.js";
import { meanMetrics } from "./meanMetrics.js";
import type { Metrics } from "./metrics.js";
import { distinctNotices, type Notice } from "../locale/notice.js";
import { summarise, type Summary } from "./statistics.js";

export { CompareOptionsSchema, type CompareOptions } from "./compareOptions.js";

/**
 * Amount-valued metrics summarised over runs.
 * @category Comparison and metrics
 */
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
/**
 * An amount metric that {@link compare} summarises over runs.
 * @category Comparison and metrics
 */
export type SummarisedMetric = (typeof SUMMARISED_METRICS)[number];

/**
 * One model's column of a comparison.
 * @category Comparison and metrics
 */
export interface ModelComparison {
  /** The model's label; made unique by its position (`… #2`) when an earlier model has the same. */
  readonly label: string;
  readonly kind: string;
  readonly variant: ExecutionVariant;
  /**
   * True when the model has a yearly budget ceiling (bestedingsruimte); reports give it a colour of
   * its own. Absent counts as false.
   */
  readonly ceiling?: boolean;
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

/**
 * Result of {@link compare}: one entry per model, in the order given.
 * @category Comparison and metrics
 */
export interface Comparison {
  readonly horizon: { readonly start: string; readonly months: number };
  /** Seeds of the runs; empty when a fixed caseload was compared. */
  readonly seeds: readonly number[];
  readonly models: readonly ModelComparison[];
  /**
   * Warnings of the first run — behaviour responses on, the projections' input checks, what makes
   * the totals incomparable — each once, in English (the same as `notices`' `en`).
   */
  readonly warnings: readonly string[];
  /** The same warnings in English and Dutch, for a report in either language. */
  readonly notices: readonly Notice[];
  /** The behaviour responses applied, every one resolved; null when all are off (the default). */
  readonly behaviour: ResolvedBehaviour | null;
  /**
   * Risk over the runs (with two runs or more, else null): monthly bands, budget at risk, who
   * carries the variation of cost (municipality or providers), providers' margin P5, and how
   * often one model cost more than another.
   */
  readonly risk: ComparisonRisk | null;
  /**
   * The uncertain parameters (distribution nodes) and the value each took in every run
   * (`draws[run][parameter]`, before rounding to money or whole numbers); null without any.
   */
  readonly uncertainty: {
    readonly parameters: readonly { readonly key: string; readonly label: string; readonly distribution: Distribution }[];
    readonly draws: readonly (readonly number[])[];
  } | null;
}

/**
 * Progress callback: called after each run.
 * @category Comparison and metrics
 */
export type OnRun = (done: number, total: number) => void;

/**
 * Runs one caseload through several funding models and measures each side by side. Given a
 * caseload spec instead of a caseload, it generates one caseload per seed and feeds that same
 * caseload to every model (common random numbers: differences are the models', not noise), then
 * summarises each amount over the runs (mean, P5, P50, P95) and, with two runs or more, the risk
 * measures (`risk`).
 *
 * Parameter uncertainty: any number of the spec, the model configs or the options (other than
 * horizon, seed, runs, keepProjections) may be a distribution node — `{ "distribution":
 * "triangular", "min": 65, "mode": 70, "max": 78, "as": "euros" }` — and each run then draws it
 * from its own seed before generating its caseload; every model of a run sees the same draws.
 * A given caseload (records) may then run several times too: each run draws the parameters anew.
 * @example
 * ```ts
 * import { caseloadFromRecords, compare, formatEuro } from "jeugdhulp-bekostiging";
 *
 * const caseload = caseloadFromRecords(
 *   [
 *     { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
 *     { id: "t2", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
 *   ],
 *   { window: { start: "2025-12", months: 13 } }, // from December: January pays December's care
 * );
 * const models = [
 *   { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
 *   { kind: "task", budgets: [{ perYear: "60000.00" }] },
 * ] as const;
 * const comparison = compare(caseload, models, { horizon: { start: "2026-01", months: 12 } });
 * for (const m of comparison.models) console.log(m.label, formatEuro(m.metrics.totalPaid));
 * // → Inspanningsgericht (p×q) € 52.080,00
 * // → Taakgericht (lumpsum) € 60.000,00
 * ```
 * @category Comparison and metrics
 */
export function compare(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly (FundingModel | Uncertain<ModelConfig>)[],
  options: Uncertain<CompareOptions> = {},
  onRun?: OnRun,
): Comparison {
  const plan = planComparison(caseload, models, options);
  const results: RunOutcome[] = [];
  for (let r = 0; r < plan.runs; r++) {
    results.push(runOutcome(plan, { run: r }));
    onRun?.(r + 1, plan.runs);
  }
  return assembleComparison(plan, results);
}

/** One run's result with the values its uncertain parameters took (in the plan's order). */
export type RunOutcome = RunResult & { readonly values: readonly number[] };

/**
 * Run `task.run` of the plan — with the parameters at `task.values` instead of their draws, when
 * given (a sensitivity analysis) — and the values its parameters took: the one way every caller
 * makes a run, on this thread or a worker.
 */
export function runOutcome(plan: ComparisonPlan, task: { readonly run: number; readonly values?: readonly (readonly [string, number])[] }): RunOutcome {
  const inputs = plan.inputs(task.run, task.values ? new Map(task.values) : undefined);
  return { ...runComparison(inputs), values: plan.parameters.map((p) => inputs.values.get(p.key)!) };
}

/**
 * The comparison from its runs' results, in seed order — the same whether the runs were made in
 * one loop or spread over worker threads.
 */
export function assembleComparison(plan: ComparisonPlan, results: readonly RunOutcome[]): Comparison {
  const first = results[0]!;
  const notices = distinctNotices([...(plan.behaviour ? [behaviourNotice(plan.behaviour)] : []), ...first.notices]);
  const compared = plan.columns.map((col, i): ModelComparison => {
    const ms = results.map((x) => x.metrics[i]!);
    const summary: Partial<Record<SummarisedMetric, Summary>> = {};
    for (const key of SUMMARISED_METRICS) {
      const values = ms.map((x) => x[key]);
      if (values.every((v): v is number => v !== null)) summary[key] = summarise(values);
    }
    return { ...col, metrics: ms[0]!, mean: meanMetrics(ms), runs: ms, summary, projection: first.projections[i] ?? null, delivered: first.delivered[i] ?? null };
  });
  return {
    horizon: first.horizon,
    seeds: plan.seeds,
    warnings: notices.map((n) => n.en),
    notices,
    behaviour: plan.behaviour,
    uncertainty:
      plan.parameters.length === 0
        ? null
        : { parameters: plan.parameters.map(({ key, label, distribution }) => ({ key, label, distribution })), draws: results.map((x) => x.values) },
    models: compared,
    risk: comparisonRisk(first.horizon.start, compared),
  };
}

