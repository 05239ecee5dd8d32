import { resolveBehaviour, behaviourIsOn } from "../behaviour/behaviourSets.js";
import type { ResolvedBehaviour } from "../behaviour/behaviourSchema.js";
import { isCaseload, type Caseload } from "../caseload/caseload.js";
import { generateCaseload } from "../caseload/generate.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../caseload/spec.js";
import { checkWork, estimateSpecWork, workLimits } from "../caseload/workLimits.js";
import { checkDepth } from "../inputDepth.js";
import { FundingInputError, parseWith, type Issue } from "../errors.js";
import { createModel, type ModelConfig } from "../models/index.js";
import type { FundingModel } from "../models/model.js";
import { formatMonth } from "../period.js";
import { DatedPrice } from "../prices/datedPrice.js";
import type { DistributionInput } from "../uncertainty/distribution.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import { distributionPaths, drawParameters, findUncertain, resolveUncertain, type ParameterValues, type UncertainParameter } from "../uncertainty/uncertainInput.js";
import { atModel, type RunInputs } from "./comparisonRun.js";
import { CompareOptionsSchema, FIXED_OPTIONS, type CompareOptions } from "./compareOptions.js";


/** A comparison, validated and ready to run run by run (in any order, on any thread). */
export interface ComparisonPlan {
  readonly fixed: Caseload | null;
  /** Seeds of the runs; empty for a given caseload compared once. */
  readonly seeds: readonly number[];
  readonly runs: number;
  readonly keep: boolean | "lines";
  /** The uncertain parameters (distribution nodes), in the order found; empty for a plain comparison. */
  readonly parameters: readonly UncertainParameter[];
  /** The models' labels (unique), kinds and variants, as built at the parameters' centres. */
  readonly columns: readonly { readonly label: string; readonly kind: string; readonly variant: FundingModel["variant"]; readonly ceiling: boolean }[];
  /** The behaviour responses of the first run, resolved; null when all are off. */
  readonly behaviour: ResolvedBehaviour | null;
  /** Inputs of run r (0-based). `values` overrides the parameters' draws (sensitivity analysis). */
  inputs(r: number, values?: ParameterValues): RunInputs & { readonly values: ParameterValues };
}

/** The parts of a comparison's input that may hold distribution nodes, as one tree (paths as the user writes them). */
interface UncertainTree {
  readonly caseload: unknown;
  readonly models: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * Validates a comparison's input once and prepares its runs. Distribution nodes may stand for any
 * number of the caseload spec, the model configs and the options other than horizon, seed, runs
 * and keepProjections; each run draws them from its own seed (`parameter:<key>` streams), then
 * generates its caseload from the same seed, and every model of the run sees the same draws.
 * The input is checked at the parameters' centres (every error named with its path); a draw
 * that makes an input invalid (a negative tariff from an untruncated normal) is reported with
 * its run and seed.
 */
export function planComparison(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly (FundingModel | Uncertain<ModelConfig>)[],
  options: Uncertain<CompareOptions>,
): ComparisonPlan {
  if (typeof options !== "object" || options === null) {
    throw new FundingInputError("compare options", [{ code: "invalid_type", path: [], message: "expected an object of options" }]);
  }
  if (!Array.isArray(models)) throw new FundingInputError("compare", [{ code: "invalid_type", path: ["models"], message: "expected a list of models (configs or built models)" }]);
  if (models.length === 0) throw new FundingInputError("compare", [{ code: "too_small", path: ["models"], message: "needs at least one model" }]);
  // Before the search for distributions walks them (recursively): input nested hundreds deep is refused, located.
  checkDepth(options, "compare options");
  if (!isCaseload(caseload)) checkDepth(caseload, "caseload spec");
  models.forEach((m, i) => {
    if (!isFundingModel(m)) checkDepth(m, "compare", ["models", i]);
  });
  const opts = options as Record<string, unknown>;
  const fixedPart = Object.fromEntries(Object.entries(opts).filter(([k, v]) => FIXED_OPTIONS.has(k) && v !== undefined));
  const uncertainPart = Object.fromEntries(Object.entries(opts).filter(([k]) => !FIXED_OPTIONS.has(k)));
  const misplaced = distributionPaths(fixedPart);
  if (misplaced.length > 0) {
    throw new FundingInputError("compare options", misplaced.map((path) => ({ code: "invalid_type", path, message: "horizon, seed, runs, keepProjections and the limits cannot be uncertain: give a value" })));
  }
  const fixed = isCaseload(caseload) ? caseload : null;
  const given = models.map((m) => (isFundingModel(m) ? m : null));
  const tree: UncertainTree = { caseload: fixed ? null : caseload, models: models.map((m, i) => (given[i] ? null : m)), options: uncertainPart };
  const parameters = located(() => findUncertain(tree));
  const centre = resolveAt(tree, parameters, new Map(), null);
  const o = parseWith(CompareOptionsSchema, { ...fixedPart, ...centre.options }, "compare options");
  if (fixed && parameters.length === 0 && o.runs > 1) {
    throw new FundingInputError("compare options", [
      { code: "invalid_value", path: ["runs"], message: "several runs need a caseload spec to generate from, or uncertain parameters to draw; a given caseload without them is one run" },
    ]);
  }
  const build = (resolved: UncertainTree, run: string | null) => {
    const built = resolved.models.map((m, i) => given[i] ?? atRun(run, () => atModel(i, null, () => createModel(m as ModelConfig))));
    const parsed = atRun(run, () => parseWith(CompareOptionsSchema, { ...fixedPart, ...resolved.options }, "compare options"));
    const resolvedBehaviour = atRun(run, () => resolveBehaviour(parsed.behaviour));
    return { built, parsed, behaviour: behaviourIsOn(resolvedBehaviour) ? resolvedBehaviour : null };
  };
  const atCentre = build(centre, null);
  // The spec is checked once here, with its errors named, rather than by generating a caseload run 0 generates again.
  if (!fixed) {
    const spec = parseWith(CaseloadSpecSchema, centre.caseload, "caseload spec");
    // Bounded work: refused here, before the first run allocates anything.
    checkWork(estimateSpecWork(spec), workLimits(o, "compare options"), "caseload spec", "the caseload this spec generates");
  }
  const columns = uniqueLabels(atCentre.built);
  const seeds = fixed && parameters.length === 0 ? [] : Array.from({ length: o.runs }, (_, i) => o.seed + i);
  const runs = seeds.length === 0 ? 1 : seeds.length;
  return {
    fixed,
    seeds,
    runs,
    keep: o.keepProjections,
    parameters,
    columns,
    behaviour: atCentre.behaviour,
    inputs(r, override) {
      const seed = seeds[r] ?? o.seed;
      const run = seeds.length > 0 ? `run ${r + 1} (seed ${seed})` : null;
      const values = override ?? (parameters.length > 0 ? drawParameters(parameters, seed) : new Map<string, number>());
      const plain = parameters.length === 0;
      const resolved = plain ? centre : resolveAt(tree, parameters, values, run);
      const { built, parsed, behaviour } = plain ? atCentre : build(resolved, run);
      const c = fixed ?? atRun(run, () => generateCaseload(resolved.caseload as CaseloadSpecInput, seed, o));
      return {
        values,
        caseload: c,
        models: built,
        horizon: parsed.horizon ?? { start: formatMonth(c.window.start), months: c.window.months },
        paymentLagMonths: parsed.paymentLagMonths,
        costPrices: parsed.costPrices,
        budget: parsed.budget ? new DatedPrice(parsed.budget.perYear, parsed.budget.indexation) : null,
        behaviour,
        seed,
        keep: r === 0 ? o.keepProjections : false,
        notices: r === 0,
      };
    },
  };
}

/** Whether `m` is a built model rather than a config. */
function isFundingModel(m: unknown): m is FundingModel {
  return typeof (m as FundingModel | null)?.project === "function";
}

/** The tree with each parameter at `values` (its centre when absent). */
function resolveAt(tree: UncertainTree, parameters: readonly UncertainParameter[], values: ParameterValues, run: string | null): UncertainTree {
  if (parameters.length === 0) return tree;
  return atRun(run, () => located(() => resolveUncertain(tree, values) as UncertainTree));
}


/** Re-throws an error located in the uncertain tree as the error of the part it lies in, as the other checks name them. */
function located<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FundingInputError)) throw e;
    const parts = new Map<string, Issue[]>();
    for (const i of e.issues) {
      const [head, ...rest] = i.path;
      const subject = head === "caseload" ? "caseload spec" : head === "models" ? `models[${String(rest[0])}]` : "compare options";
      const path = head === "models" ? i.path : rest;
      parts.set(subject, [...(parts.get(subject) ?? []), { ...i, path }]);
    }
    if (parts.size === 1) {
      const [subject, issues] = [...parts][0]!;
      throw new FundingInputError(subject, issues);
    }
    throw new FundingInputError("uncertain parameters", e.issues);
  }
}

/** Names the run in an input error caused by a draw (an untruncated distribution can draw an invalid value). */
function atRun<T>(run: string | null, fn: () => T): T {
  if (run === null) return fn();
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FundingInputError)) throw e;
    throw new FundingInputError(
      `${e.subject} in ${run}`,
      e.issues.map((i) => ({ ...i, message: `${i.message} (a value drawn from a distribution: truncate it with min / max)` })),
    );
  }
}

/** Columns must be told apart: a label used before gets its position, e.g. "Inspanningsgericht (p×q) #2". */
function uniqueLabels(built: readonly FundingModel[]): ComparisonPlan["columns"] {
  const seen = new Set<string>();
  return built.map((m, i) => {
    const label = seen.has(m.label) ? `${m.label} #${i + 1}` : m.label;
    seen.add(label);
    return { label, kind: m.kind, variant: m.variant, ceiling: m.ceiling === true };
  });
}

/** A distribution node as users write it (re-exported for the types of uncertain inputs). */
export type { DistributionInput };
