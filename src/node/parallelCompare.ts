import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Caseload } from "../caseload/caseload.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, type Issue } from "../errors.js";
import { assembleComparison, runOutcome, type Comparison, type OnRun, type RunOutcome } from "../metrics/compare.js";
import type { CompareOptions } from "../metrics/compareOptions.js";
import { planComparison, type ComparisonPlan } from "../metrics/comparisonPlan.js";
import type { ModelConfig } from "../models/index.js";
import type { Uncertain } from "../uncertainty/uncertain.js";
import { sensitivityCases, type SensitivityAnalysis, type SensitivityOptions } from "../sensitivity/comparisonSensitivity.js";
import type { CompareWorkerData, RunRequest, RunTask, SerialisedError, WorkerMessage } from "./compareWorker.js";

/**
 * How {@link compareInWorkers} spreads its runs.
 * @category Node: files, CLI and workers
 */
export interface ParallelCompareOptions {
  /**
   * Worker threads to use: a positive whole number, at most one per run. Default: the cores
   * available to the process (`os.availableParallelism()`). With 1 (or a single run) the runs are
   * made on the calling thread, no worker is started.
   */
  readonly workers?: number;
  /** Progress: called after each run, as results arrive (`done` counts up from 1 to `total`). */
  readonly onRun?: OnRun;
}

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
 * does not hold the others up. Each worker loads the library and plans the comparison itself
 * (some tens of milliseconds), so workers pay off from a few dozen runs of a sizeable caseload.
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
  const count = workerCount(parallel.workers, plan.runs);
  const onRun = parallel.onRun;
  const tasks = Array.from({ length: plan.runs }, (_, run): RunTask => ({ run }));
  return assembleComparison(plan, await runTasks(plan, { caseload, models, options }, tasks, count, onRun));
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
  const outcomes = await runTasks(plan, { caseload, models, options }, tasks, workerCount(parallel.workers, tasks.length), parallel.onRun);
  return finish(outcomes.map((o) => o.metrics));
}

/** The tasks' outcomes, in the tasks' order: on this thread when `count` ≤ 1, else on `count` workers. */
async function runTasks(plan: ComparisonPlan, data: CompareWorkerData, tasks: readonly RunTask[], count: number, onRun: OnRun | undefined): Promise<RunOutcome[]> {
  if (count > 1) return runInWorkers(data, tasks, count, onRun);
  return tasks.map((task, i) => {
    const outcome = runOutcome(plan, task);
    onRun?.(i + 1, tasks.length);
    return outcome;
  });
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

/** The number of workers: as asked (default: the cores available), at most one per run. */
function workerCount(asked: number | undefined, runs: number): number {
  if (asked !== undefined && !(Number.isSafeInteger(asked) && asked >= 1)) {
    throw new FundingInputError("compareInWorkers options", [{ code: "invalid_value", path: ["workers"], message: "must be a whole number of 1 or more" }]);
  }
  return Math.min(asked ?? availableParallelism(), runs);
}

/**
 * Where the worker script is and how to start it. Built (`dist/node.js` or `dist/node.cjs`, or
 * `dist/cli.*`): `compareWorker.js` / `.cjs` next to it, in the same module format. From source
 * (this file is `.ts`, under tsx or vitest): `compareWorker.ts`, through a small inline shim that
 * registers tsx's ESM hooks in the worker first — on Node 20, `--import tsx` in a worker's
 * `execArgv` (or inherited from a process started by tsx) does not apply to the worker's entry
 * file (ERR_UNKNOWN_FILE_EXTENSION ".ts"), while `register()` from `tsx/esm/api` does.
 */
function workerScript(): { readonly file: URL | string; readonly eval: boolean } {
  // In the CJS build, tsup's shims turn import.meta.url into the file URL of __filename.
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    const entry = new URL("./compareWorker.ts", here).href;
    const api = tsxEsmApi(here);
    const shim = `import(${JSON.stringify(api)}).then((t) => { (t.register ?? t.default.register)(); return import(${JSON.stringify(entry)}); });`;
    return { file: shim, eval: true };
  }
  return { file: new URL(here.endsWith(".cjs") ? "./compareWorker.cjs" : "./compareWorker.js", here), eval: false };
}

/**
 * The file URL of tsx's ESM API (`tsx/esm/api`, its `import` condition: the `require` one
 * registers hooks at a wrong path), found from tsx's package.json as resolved from here.
 */
function tsxEsmApi(from: string): string {
  const pkg = createRequire(from).resolve("tsx/package.json");
  const exports = (JSON.parse(readFileSync(pkg, "utf8")) as { exports?: Record<string, { import?: { default?: string } } | string> }).exports;
  const entry = exports?.["./esm/api"];
  const file = typeof entry === "object" ? entry.import?.default : undefined;
  if (file === undefined) throw new Error(`compareInWorkers from source needs tsx 4 (tsx/esm/api not found from ${pkg})`);
  return new URL(file, pathToFileURL(pkg)).href;
}

/** The error a worker posted, rebuilt on this thread. */
function rebuildError(e: SerialisedError): Error {
  const error = e.kind === "input" ? new FundingInputError(e.subject, e.issues, e.omittedIssues) : Object.assign(new Error(e.message), { name: e.name });
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}

/** Makes every task on `count` workers, each planning the comparison of `data`; outcomes in the tasks' order. */
function runInWorkers(data: CompareWorkerData, tasks: readonly RunTask[], count: number, onRun: OnRun | undefined): Promise<RunOutcome[]> {
  const script = workerScript();
  const total = tasks.length;
  const results: RunOutcome[] = new Array<RunOutcome>(total);
  return new Promise<RunOutcome[]>((resolve, reject) => {
    /** A worker and the task (its index) it is making (−1: none); `stopped` once we terminate it. */
    type Slot = { readonly worker: Worker; run: number; stopped: boolean };
    const workers: Slot[] = [];
    const stop = (w: Slot) => {
      w.stopped = true;
      return w.worker.terminate();
    };
    let next = 0;
    let done = 0;
    let settled = false;
    // The error of the lowest failing run: runs below it still in flight must finish first.
    let failure: { readonly run: number; readonly error: Error } | null = null;

    const settle = (outcome: { error: unknown } | { value: RunOutcome[] }) => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map(stop)).finally(() =>
        "error" in outcome ? reject(outcome.error) : resolve(outcome.value),
      );
    };
    const check = () => {
      if (failure) {
        const f = failure;
        if (!workers.some((w) => w.run >= 0 && w.run < f.run)) settle({ error: f.error });
      } else if (done === total) {
        settle({ value: results });
      }
    };
    const dispatch = (slot: Slot) => {
      if (failure || next >= total) {
        slot.run = -1;
        check();
        return;
      }
      slot.run = next++;
      slot.worker.postMessage({ index: slot.run, task: tasks[slot.run]! } satisfies RunRequest);
    };

    for (let i = 0; i < count && !settled; i++) {
      let worker: Worker;
      try {
        worker = new Worker(script.file, { workerData: data, eval: script.eval });
      } catch (e) {
        // workerData that cannot be cloned (a function or class instance in a config) fails here.
        settle({
          error:
            e instanceof Error && e.name === "DataCloneError"
              ? new FundingInputError("compareInWorkers input", [{ code: "invalid_type", path: [], message: `cannot be sent to a worker thread: ${e.message}; give plain data` }])
              : e,
        });
        return;
      }
      const slot: Slot = { worker, run: -1, stopped: false };
      workers.push(slot);
      worker.on("message", (m: WorkerMessage) => {
        if (settled) return;
        if (m.type === "ready") return dispatch(slot);
        if (m.type === "result") {
          results[m.index] = m.outcome;
          done++;
          try {
            onRun?.(done, total);
          } catch (e) {
            return settle({ error: e });
          }
          return dispatch(slot);
        }
        const error = rebuildError(m.error);
        if (m.index < 0) return settle({ error }); // planning failed in the worker: nothing can run
        if (!failure || m.index < failure.run) failure = { run: m.index, error };
        slot.run = -1;
        // Runs after the failing one are of no use: stop their workers now.
        for (const w of workers) {
          if (w.run > failure.run) {
            w.run = -1;
            void stop(w);
          }
        }
        check();
      });
      worker.on("error", (e) => settle({ error: e }));
      worker.on("exit", (code) => {
        // Workers stop only when told to; a message posted just before an exit still comes first.
        if (slot.stopped) return;
        setImmediate(() => settle({ error: new Error(`a compareInWorkers worker stopped unexpectedly (exit code ${code})`) }));
      });
    }
  });
}
