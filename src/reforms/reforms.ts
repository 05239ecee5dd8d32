import { z } from "zod";
import type { Caseload } from "../caseload/caseload.js";
import { isCaseload } from "../caseload/caseload.js";
import { NameSchema } from "../caseload/names.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, parseWith, type Issue } from "../errors.js";
import { compare, type Comparison } from "../metrics/compare.js";
import type { CompareOptions } from "../metrics/compareOptions.js";
import type { Metrics } from "../metrics/metrics.js";
import { summarise, type Summary } from "../metrics/statistics.js";
import type { ModelConfig } from "../models/index.js";
import type { FundingModel } from "../models/model.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import { REFORM_METRICS, type ModelEffect, type ReformMetric, type ReformsResult, type ReformStep } from "./reformResult.js";

/** One change of a reform: a value put at a path of the comparison (`models[1].tariffs[0].tariff`, `options.behaviour`). */
const ChangeSchema = z.strictObject({
  path: z
    .string()
    .regex(/^(caseload|models|options)(\.[^.[\]]+|\[\d+\])*$/, "a path like models[1].tariffs[0].tariff, options.behaviour or caseload.profiles[0].arrivalsPerMonth")
    .describe("where the value goes: models[i]…, options.… or caseload.… (a spec), as the fields are written"),
  value: z.unknown().describe("the new value: a number, text, object, or a distribution"),
});

/**
 * A reform (hervorming): a named set of changes to the models, the options (behaviour, budget,
 * cost prices …) or the caseload spec, applied on top of the baseline and every reform before it.
 * @category Reforms
 */
export const ReformSchema = z.strictObject({
  name: NameSchema.describe("the reform's name, e.g. 'tarief +3 %'"),
  description: z.string().optional().describe("what the reform is, in a sentence"),
  changes: z.array(ChangeSchema).min(1, "a reform needs at least one change").describe("values put at paths of the comparison, in order"),
});
/**
 * A reform as users write it.
 * @category Reforms
 */
export type Reform = z.input<typeof ReformSchema>;

/**
 * A comparison a stepwise computation asks for; the driver answers with its {@link Comparison}.
 * @category Reforms
 */
export interface CompareRequest {
  readonly caseload: Caseload | Uncertain<CaseloadSpecInput>;
  readonly models: readonly (FundingModel | Uncertain<ModelConfig>)[];
  readonly options: Uncertain<CompareOptions>;
  /** Which comparison of the computation this is (0-based), for progress. */
  readonly step: number;
}

/**
 * Answers every comparison a stepwise computation asks for, in turn, and returns its result.
 * @category Reforms
 */
export function driveComparisons<R>(steps: Generator<CompareRequest, R, Comparison>, answer: (request: CompareRequest) => Comparison): R {
  let next = steps.next();
  while (!next.done) {
    let comparison: Comparison;
    try {
      comparison = answer(next.value);
    } catch (e) {
      // Back into the computation, which may say where the error arose (e.g. which reform).
      next = steps.throw(e);
      continue;
    }
    next = steps.next(comparison);
  }
  return next.value;
}

/**
 * {@link driveComparisons} for comparisons that finish later (worker threads).
 * @category Reforms
 */
export async function driveComparisonsAsync<R>(steps: Generator<CompareRequest, R, Comparison>, answer: (request: CompareRequest) => Promise<Comparison>): Promise<R> {
  let next = steps.next();
  while (!next.done) {
    let comparison: Comparison;
    try {
      comparison = await answer(next.value);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(comparison);
  }
  return next.value;
}

/**
 * A baseline and reforms stacked in order — step k is the baseline with reforms 1 … k applied —
 * each compared on the same seeds (common random numbers), with each reform's effect as the
 * change from the step before, run by run (as tax-policy microsimulators show a reform), per model
 * and metric: its mean and P5 / P50 / P95 over the runs. A reform may change any model's config
 * but not how many models there are (the columns must pair up). `onRun(step, done, total)` reports
 * progress per step.
 * @category Reforms
 */
export function compareReforms(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly (FundingModel | Uncertain<ModelConfig>)[],
  options: Uncertain<CompareOptions>,
  reforms: readonly Reform[],
  onRun?: (step: number, done: number, total: number) => void,
): ReformsResult {
  return driveComparisons(reformSteps(caseload, models, options, reforms), (x) =>
    compare(x.caseload, x.models, x.options, onRun ? (done, total) => onRun(x.step, done, total) : undefined),
  );
}

/**
 * The comparisons of {@link compareReforms}, asked for one by one, and the result built from them.
 * @category Reforms
 */
export function* reformSteps(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly (FundingModel | Uncertain<ModelConfig>)[],
  options: Uncertain<CompareOptions>,
  reforms: readonly Reform[],
): Generator<CompareRequest, ReformsResult, Comparison> {
  const parsed = parseWith(z.array(ReformSchema), reforms, "reforms");
  const fixed = isCaseload(caseload);
  let current = { caseload: fixed ? null : (caseload as unknown), models: models as readonly unknown[], options: options as unknown };
  const request = (step: number): CompareRequest => ({
    caseload: fixed ? caseload : (current.caseload as Uncertain<CaseloadSpecInput>),
    models: current.models as (FundingModel | Uncertain<ModelConfig>)[],
    options: current.options as Uncertain<CompareOptions>,
    step,
  });
  const steps: ReformStep[] = [{ name: "Basis", description: null, comparison: yield request(0), effects: null }];
  for (const [k, reform] of parsed.entries()) {
    const issues: Issue[] = [];
    reform.changes.forEach((change, j) => {
      const where = ["reforms", k, "changes", j];
      if (change.path === "options" || /^options\.(seed|runs|horizon|keepProjections)(?=[.[]|$)/.test(change.path)) {
        issues.push({ code: "invalid_value", path: [...where, "path"], message: "a reform cannot change the seed, runs, horizon or kept projections: its effect is the change from the step before on the same runs and months" });
        return;
      }
      if (fixed && change.path.startsWith("caseload")) {
        issues.push({ code: "invalid_value", path: [...where, "path"], message: "the caseload is given (records): only a caseload spec can be changed" });
        return;
      }
      try {
        current = setAt(current, parsePath(change.path), change.value) as typeof current;
      } catch (e) {
        issues.push({ code: "invalid_path", path: [...where, "path"], message: (e as Error).message });
      }
    });
    if ((current.models as unknown[]).length !== models.length) {
      issues.push({ code: "invalid_value", path: ["reforms", k, "changes"], message: `a reform must keep the ${models.length} models (it may change them), so its columns pair with the step before` });
    }
    if (issues.length > 0) throw new FundingInputError("reforms", issues);
    let comparison: Comparison;
    try {
      comparison = yield request(k + 1);
    } catch (e) {
      if (!(e instanceof FundingInputError)) throw e;
      throw new FundingInputError(`${e.subject} after reform ${k + 1} "${reform.name}"`, e.issues, e.omittedIssues);
    }
    steps.push({ name: reform.name, description: reform.description ?? null, comparison, effects: effectsOf(steps[steps.length - 1]!.comparison, comparison) });
  }
  return { steps };
}

/** Per model and metric, the run-by-run change from `before` to `after`, summarised. */
function effectsOf(before: Comparison, after: Comparison): ModelEffect[] {
  return after.models.map((m, i) => {
    const prev = before.models[i]!;
    const effect: Partial<Record<ReformMetric, Summary>> = {};
    for (const metric of REFORM_METRICS) {
      const diffs = m.runs.map((r, run) => difference(r, prev.runs[run]!, metric));
      if (diffs.every((d): d is number => d !== null)) effect[metric] = summarise(diffs);
    }
    return { label: m.label, effect };
  });
}

function difference(a: Metrics, b: Metrics, metric: ReformMetric): number | null {
  const x = a[metric];
  const y = b[metric];
  return x === null || y === null ? null : x - y;
}

/**
 * `models[1].tariffs[0].tariff` → `["models", 1, "tariffs", 0, "tariff"]`.
 * @category Reforms
 */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** A copy of `tree` with `value` at `path`; every step but the last must exist (the last may be a new field). */
function setAt(tree: unknown, path: readonly (string | number)[], value: unknown, done: (string | number)[] = []): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const here = [...done, head!];
  if (typeof head === "number") {
    if (!Array.isArray(tree) || head >= tree.length) throw new Error(`${formatSegments(done)} has no item ${head}`);
    const copy = [...tree];
    copy[head] = setAt(tree[head], rest, value, here);
    return copy;
  }
  if (typeof tree !== "object" || tree === null || Array.isArray(tree)) throw new Error(`${formatSegments(done)} is not an object with fields`);
  const obj = tree as Record<string, unknown>;
  if (rest.length > 0 && obj[head!] === undefined) throw new Error(`${formatSegments(here)} does not exist`);
  return { ...obj, [head!]: setAt(obj[head!], rest, value, here) };
}

function formatSegments(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("") || "(the comparison)";
}
