import type { Caseload } from "../caseload/caseload.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, type Issue } from "../errors.js";
import { assembleComparison, runOutcome, type Comparison, type RunOutcome } from "../metrics/compare.js";
import type { CompareOptions } from "../metrics/compareOptions.js";
import { planComparison, type ComparisonPlan } from "../metrics/comparisonPlan.js";
import type { ModelConfig } from "../models/index.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import { sensitivityCases, type SensitivityAnalysis, type SensitivityOptions } from "../sensitivity/comparisonSensitivity.js";
import type { CompareWorkerData, RunTask } from "./compareWorker.js";
import { openWorkerPool, RunPool, workerCount, type ParallelCompareOptions } from "./workerPool.js";

export type { ParallelCompareOptions } from "./workerPool.js";


/**
 * `compare`, with its Monte Carlo runs spread over worker threads. The result is
 * bit-identical to `compare(caseload, models, options)` — every run, summary, risk measure, draw
 * and warning, in seed order — whatever the number of workers: each run depends only on its seed
 * and the inputs, and the runs are put back in seed order.
 *
 * Inputs as for `compare`, except that every model must be a **config** (plain data, such as
 * `{ kind: "effort", tariffs: [...] }`, distribution nodes allowed): a built `FundingModel` holds
 * functions, which cannot cross to a worker thread, and is refused with a
 * {@link FundingInputError} naming `models[i]` (pass its config instead, or use `compare`). It is
 * refused whatever the number of workers, so a call does not start failing on a bigger machine.
 * The caseload may be a spec or a built `Caseload`.
 *
 * The input is checked once on the calling thread before any worker starts, so input errors are
 * the same as `compare`'s, with their paths. An error in a run (a draw that makes an input
 * invalid) stops the other workers and rejects with the same error `compare` throws — for a
 * {@link FundingInputError} the same class, subject and issues — and, as `compare` stops at the
 * first failing run, the one of the lowest failing run.
 *
 * Runs are handed out one at a time to whichever worker is free, so a slow run or a busy core
 * does not hold the others up. Each worker loads the library (about 0.2 s) and plans the
 * comparison itself, and its first runs are slower than later ones (a cold JIT; with the loading,
 * about 1 s lost per worker on the behaviour scenario), so fresh workers pay off from a few dozen
 * runs; warm, 40 runs of that scenario took 3.4 s on 2 workers against 5.9 s in one thread. For
 * several comparisons in a row, keep the threads warm in one pool: `parallel.pool`
 * ({@link openWorkerPool}).
 * The worker script is `compareWorker.js` (`.cjs` for `require`) next to the node entry in
 * `dist/`: a bundler that moves the node entry must copy it along.
 * @category Node: files, CLI and workers
 */
export async function compareInWorkers(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly Uncertain<ModelConfig>[],
  options: Uncertain<CompareOptions> = {},
  parallel: ParallelCompareOptions = {},
): Promise<Comparison> {
  refuseBuiltModels(models);
  const plan = planComparison(caseload, models, options);
  const tasks = Array.from({ length: plan.runs }, (_, run): RunTask => ({ run }));
  return assembleComparison(plan, await runTasks(plan, { caseload, models, options }, tasks, parallel));
}

/**
 * `sensitivity`, with its runs (1 + 2 × parameters, plus steps² for a two-way grid) spread
 * over worker threads: the same analysis, bit for bit, whatever the number of workers. Inputs and
 * errors as for `sensitivity`, except that every model must be a config, as for
 * {@link compareInWorkers}. `parallel.onRun` counts the runs.
 * @category Node: files, CLI and workers
 */
export async function sensitivityInWorkers(
  caseload: Caseload | Uncertain<CaseloadSpecInput>,
  models: readonly Uncertain<ModelConfig>[],
  options: Uncertain<CompareOptions> = {},
  sensitivityOptions: SensitivityOptions = {},
  parallel: ParallelCompareOptions = {},
): Promise<SensitivityAnalysis> {
  refuseBuiltModels(models);
  const { plan, cases, finish } = sensitivityCases(caseload, models, options, sensitivityOptions);
  // Every case on the first run's caseload, as `sensitivity` makes them.
  const tasks = cases.map((values): RunTask => ({ run: 0, values: [...values] }));
  const outcomes = await runTasks(plan, { caseload, models, options }, tasks, parallel);
  return finish(outcomes.map((o) => o.metrics));
}

/**
 * The tasks' outcomes, in the tasks' order: on this thread when one worker would do, else on the
 * given pool's workers or, without one, on threads started for these tasks and stopped after them.
 */
async function runTasks(plan: ComparisonPlan, data: CompareWorkerData, tasks: readonly RunTask[], parallel: ParallelCompareOptions): Promise<RunOutcome[]> {
  const pool = parallel.pool;
  if (pool !== undefined && !(pool instanceof RunPool)) {
    throw new FundingInputError("compareInWorkers options", [{ code: "invalid_type", path: ["pool"], message: "expected a pool from openWorkerPool()" }]);
  }
  const count = workerCount(parallel.workers ?? pool?.size, tasks.length);
  if (count <= 1) {
    return tasks.map((task, i) => {
      const outcome = runOutcome(plan, task);
      parallel.onRun?.(i + 1, tasks.length);
      return outcome;
    });
  }
  if (pool) return pool.run(data, tasks, count, parallel.onRun);
  const own = new RunPool(count);
  try {
    return await own.run(data, tasks, count, parallel.onRun);
  } finally {
    await own.close();
  }
}

/** A built model cannot cross a thread: its functions do not survive a structured clone. */
function refuseBuiltModels(models: readonly unknown[]): void {
  if (!Array.isArray(models)) return; // planComparison reports it
  const issues: Issue[] = [];
  models.forEach((m, i) => {
    if (typeof (m as { project?: unknown } | null)?.project !== "function") return;
    const label = (m as { label?: unknown }).label;
    issues.push({
      code: "invalid_type",
      path: ["models", i],
      message:
        `a built FundingModel${typeof label === "string" ? ` ("${label}")` : ""} cannot be sent to a worker thread: ` +
        "pass its config (plain data, e.g. { kind: \"effort\", tariffs: [...] }) instead, or use compare()",
    });
  });
  if (issues.length === 1) throw new FundingInputError(`models[${String(issues[0]!.path[1])}]`, issues);
  if (issues.length > 1) throw new FundingInputError("compareInWorkers models", issues);
}

