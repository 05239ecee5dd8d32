import { comparabilityWarnings } from "./comparability.js";
import { applyBehaviour, type BehaviourOutcome } from "../behaviour/applyBehaviour.js";
import type { ResolvedBehaviour } from "../behaviour/behaviourSchema.js";
import type { Caseload } from "../caseload/caseload.js";
import { FundingInputError } from "../errors.js";
import type { FundingModel } from "../models/model.js";
import { horizon } from "../period.js";
import type { DatedPrice } from "../prices/datedPrice.js";
import { DeliveryCounts, projectParsed, ProviderCosts, type ParsedProjectionOptions, type Projection } from "../projection/project.js";
import { waitingOf } from "../projection/waiting.js";
import { distinctNotices, type Notice } from "../locale/notice.js";
import { measure, type Metrics } from "./metrics.js";

/** Everything one run of a comparison needs, already validated: the caseload, the built models and the options. */
export interface RunInputs {
  readonly caseload: Caseload;
  readonly models: readonly FundingModel[];
  readonly horizon: { readonly start: string; readonly months: number };
  readonly paymentLagMonths: number;
  readonly costPrices: ParsedProjectionOptions["costPrices"];
  readonly budget: DatedPrice | null;
  readonly behaviour: ResolvedBehaviour | null;
  /** Seed of the behaviour responses' draws (the run's seed). */
  readonly seed: number;
  /** Keep each model's projection (and, with "lines", its payment lines). */
  readonly keep: boolean | "lines";
  /**
   * Collect the run's notices (the projections' warnings and the comparability check's). Only the
   * first run's are reported, so the plan asks for them in run 0 alone; absent counts as true.
   */
  readonly notices?: boolean;
}

/** What one run of a comparison gives: per model its metrics, and when kept its projection and delivered caseload. */
export interface RunResult {
  /** The horizon compared (the caseload's window when the options name none). */
  readonly horizon: { readonly start: string; readonly months: number };
  readonly metrics: readonly Metrics[];
  readonly projections: readonly (Projection | null)[];
  readonly delivered: readonly (Caseload | null)[];
  /** The projections' warnings and the comparability check's, each once (empty when not asked for). */
  readonly notices: readonly Notice[];
}

/**
 * One run: every model projected over the same caseload — as delivered under that model's
 * incentive when behaviour responses are on — and measured. The providers' cost of the care is
 * computed once for all models that see the same care (without behaviour: every model).
 */
export function runComparison(x: RunInputs): RunResult {
  const c = x.caseload;
  const h = x.horizon;
  const delivered = new Map<string, BehaviourOutcome & { costs: ProviderCosts | null; counts: DeliveryCounts }>();
  const b = x.behaviour;
  const deliveredUnder = (model: FundingModel, i: number) => {
    // A waiting list depends on the model's own lump sums; every other response on its kind alone.
    const key = !b ? "" : model.kind === "task" && b.task.intakeStopAtBudgetPercent > 0 ? `model ${i}` : model.kind;
    let d = delivered.get(key);
    if (!d) {
      const outcome: BehaviourOutcome = b ? behaviourOf(() => applyBehaviour(c, model, b, x.seed, x.costPrices)) : { caseload: c, measures: [], delays: null };
      const shared = [...delivered.values()].find((y) => y.caseload === outcome.caseload);
      const costs = shared ? shared.costs : x.costPrices ? new ProviderCosts(outcome.caseload, x.costPrices) : null;
      const counts = shared ? shared.counts : new DeliveryCounts(outcome.caseload);
      delivered.set(key, (d = { ...outcome, costs, counts }));
    }
    return d;
  };
  const notices: Notice[] = [];
  const metrics: Metrics[] = [];
  const projections: (Projection | null)[] = [];
  const kept: (Caseload | null)[] = [];
  x.models.forEach((model, i) => {
    const p = atModel(i, model.label, () => {
      const d = deliveredUnder(model, i);
      kept.push(x.keep && d.caseload !== c ? d.caseload : null);
      const projection = projectParsed(d.caseload, model, { horizon: h, paymentLagMonths: x.paymentLagMonths, lines: x.keep === "lines" }, d.costs, d.counts);
      if (d.measures.length === 0 && !d.delays) return projection;
      // A waiting list is the providers' doing, not the model's: counted as the model's own waits are.
      const waiting = d.delays ? waitingOf(c, horizon(h), d.delays) : projection.waiting;
      return { ...projection, waiting, measures: [...projection.measures, ...d.measures] };
    });
    metrics.push(measure(p, x.budget));
    projections.push(x.keep ? p : null);
    notices.push(...p.notices);
  });
  if (x.notices === false) return { horizon: h, metrics, projections, delivered: kept, notices: [] };
  const compared = x.models.map((m, i) => ({ label: m.label, kind: m.kind, metrics: metrics[i]! }));
  notices.push(...comparabilityWarnings(c, horizon(h), compared));
  return { horizon: h, metrics, projections, delivered: kept, notices: distinctNotices(notices) };
}

/** Runs `fn`, re-throwing a behaviour response's input errors as errors of the options' `behaviour`. */
function behaviourOf<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FundingInputError) || e.subject !== "behaviour") throw e;
    throw new FundingInputError("compare options", e.issues.map((y) => ({ ...y, path: ["behaviour", ...y.path] })), e.omittedIssues);
  }
}

/**
 * Runs `fn`, re-throwing a model's input errors with its place in the list (and label) in front.
 * Errors in the shared options (cost prices, horizon) already have their path in the options.
 */
export function atModel<T>(i: number, label: string | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FundingInputError) || e.subject === "projection options" || e.subject === "compare options") throw e;
    const what = label === null ? `models[${i}]` : `models[${i}] "${label}"`;
    throw new FundingInputError(what, e.issues.map((y) => ({ ...y, path: ["models", i, ...y.path] })), e.omittedIssues);
  }
}
