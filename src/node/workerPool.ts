import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { FundingInputError } from "../errors.js";
import type { OnRun, RunOutcome } from "../metrics/compare.js";
import type { CompareWorkerData, MainMessage, RunTask, SerialisedError, WorkerMessage } from "./compareWorker.js";

/*
 * Why a pool: a fresh worker thread loads the library (about 0.2 s here) and then runs its first
 * runs in a cold JIT — the behaviour scenario's first three runs took 476, 215 and 249 ms against
 * about 90 ms once warm. A scenario makes several comparisons (the baseline, each reform, the
 * sensitivity analysis); with one pool for all of them each worker pays that once.
 */

/**
 * Worker threads kept for several comparisons — {@link compareInWorkers}, `sensitivityInWorkers`,
 * `runScenarioInWorkers` — so each thread loads the library once and stays warm from one to the
 * next. Open one with {@link openWorkerPool}, pass it as `pool` in {@link ParallelCompareOptions},
 * and {@link WorkerPool.close | close} it when done to free its threads (an idle pool does not keep
 * the process alive; a comparison running on it does). Comparisons on one pool run one after
 * another, not at the same time.
 * @category Node: files, CLI and workers
 */
export interface WorkerPool {
  /** The most worker threads a comparison on this pool uses. */
  readonly size: number;
  /** Threads running now: started by the comparisons so far (at most `size`), stopped by `close` or a failed run. */
  readonly threads: number;
  /** Stops the pool's threads; a comparison running on it rejects. A comparison given the pool afterwards starts new ones. */
  close(): Promise<void>;
}

/**
 * A pool of `workers` threads (default: the cores available to the process), started as the first
 * comparison on it needs them. See {@link WorkerPool}.
 * @category Node: files, CLI and workers
 */
export function openWorkerPool(workers?: number): WorkerPool {
  return new RunPool(workerCount(workers, Infinity));
}

/**
 * How {@link compareInWorkers} (and `sensitivityInWorkers`, `runScenarioInWorkers`) spread their runs.
 * @category Node: files, CLI and workers
 */
export interface ParallelCompareOptions {
  /**
   * Worker threads to use: a positive whole number, at most one per run. Default: the cores
   * available to the process (`os.availableParallelism()`), or the pool's size. With 1 (or a
   * single run) the runs are made on the calling thread, no worker is started.
   */
  readonly workers?: number;
  /** Threads to use, kept from earlier comparisons ({@link openWorkerPool}); without it, threads are started for this call and stopped after it. */
  readonly pool?: WorkerPool;
  /** Progress: called after each run, as results arrive (`done` counts up from 1 to `total`). */
  readonly onRun?: OnRun;
}

/** The number of workers: as asked (default: the cores available), at most one per run. */
export function workerCount(asked: number | undefined, runs: number): number {
  if (asked !== undefined && !(Number.isSafeInteger(asked) && asked >= 1)) {
    throw new FundingInputError("compareInWorkers options", [{ code: "invalid_value", path: ["workers"], message: "must be a whole number of 1 or more" }]);
  }
  return Math.min(asked ?? availableParallelism(), runs);
}

/** A worker, the job it last planned (−1: none) and the task it is making (−1: none); `stopped` once we terminate it. */
interface Slot {
  readonly worker: Worker;
  job: number;
  task: number;
  stopped: boolean;
}

/** The job in progress: what a worker's message or exit is handed to. */
interface Job {
  message(slot: Slot, m: WorkerMessage): void;
  fail(error: unknown): void;
}

/** The pool behind {@link WorkerPool}: one job (a list of tasks) at a time. */
export class RunPool implements WorkerPool {
  private slots: Slot[] = [];
  private jobs = 0;
  private current: Job | null = null;
  constructor(readonly size: number) {}

  get threads(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    this.current?.fail(new Error("the worker pool was closed while a comparison was running on it"));
    await Promise.all(slots.map((s) => this.stop(s)));
  }

  private stop(slot: Slot): Promise<number> {
    slot.stopped = true;
    return slot.worker.terminate();
  }

  /**
   * Makes every task on at most `count` of the pool's workers (started as needed), each having
   * planned the comparison of `data` first; the outcomes in the tasks' order. A failing task
   * rejects with its error — that of the lowest failing task, as a serial loop would stop at it —
   * and stops the pool's threads.
   */
  run(data: CompareWorkerData, tasks: readonly RunTask[], count: number, onRun: OnRun | undefined): Promise<RunOutcome[]> {
    if (this.current) throw new Error("a worker pool runs one comparison at a time");
    const job = this.jobs++;
    const total = tasks.length;
    const results: RunOutcome[] = new Array<RunOutcome>(total);
    return new Promise<RunOutcome[]>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let settled = false;
      // The error of the lowest failing task: tasks below it still in flight must finish first.
      let failure: { readonly task: number; readonly error: Error } | null = null;
      const settle = (outcome: { error: unknown } | { value: RunOutcome[] }) => {
        if (settled) return;
        settled = true;
        this.current = null;
        // An idle pool does not keep the process alive; a job in progress does.
        for (const slot of this.slots) slot.worker.unref();
        if ("value" in outcome) return resolve(outcome.value);
        // After a failure the threads may be mid-task: stop them all (a later job starts new ones).
        const slots = this.slots;
        this.slots = [];
        void Promise.all(slots.map((s) => this.stop(s))).finally(() => reject(outcome.error));
      };
      const check = () => {
        if (failure) {
          const f = failure;
          if (!this.slots.some((s) => s.task >= 0 && s.task < f.task)) settle({ error: f.error });
        } else if (done === total) {
          settle({ value: results });
        }
      };
      const dispatch = (slot: Slot) => {
        if (settled) return; // e.g. `onRun` closed the pool
        if (failure || next >= total) {
          slot.task = -1;
          check();
          return;
        }
        try {
          if (slot.job !== job) {
            slot.worker.postMessage({ type: "plan", data } satisfies MainMessage);
            slot.job = job;
          }
          slot.task = next++;
          slot.worker.postMessage({ type: "run", index: slot.task, task: tasks[slot.task]! } satisfies MainMessage);
        } catch (e) {
          // Inputs that cannot be cloned (a function or class instance in a config) fail here.
          settle({
            error:
              e instanceof Error && e.name === "DataCloneError"
                ? new FundingInputError("compareInWorkers input", [{ code: "invalid_type", path: [], message: `cannot be sent to a worker thread: ${e.message}; give plain data` }])
                : e,
          });
        }
      };
      this.current = {
        fail: (error) => settle({ error }),
        message: (slot, m) => {
          // A message of a stopped worker, or of a task it is not making, belongs to an earlier job
          // (a worker's last message can arrive after it was told to stop): not this one's.
          if (settled || slot.stopped || (m.index >= 0 && m.index !== slot.task)) return;
          if (m.type === "result") {
            results[m.index] = m.outcome;
            slot.task = -1;
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
          if (!failure || m.index < failure.task) failure = { task: m.index, error };
          slot.task = -1;
          // Tasks after the failing one are of no use: stop their workers now.
          for (const s of this.slots) if (s.task > failure.task) void this.stop(s);
          this.slots = this.slots.filter((s) => !s.stopped);
          check();
        },
      };
      try {
        while (this.slots.length < Math.min(count, this.size)) this.slots.push(this.start());
      } catch (e) {
        return settle({ error: e });
      }
      for (const slot of this.slots) slot.worker.ref();
      for (const slot of this.slots.slice(0, count)) {
        if (settled) break;
        dispatch(slot);
      }
    });
  }

  /** A new worker, its messages and exit handed to the job in progress. */
  private start(): Slot {
    const script = workerScript();
    const slot: Slot = { worker: new Worker(script.file, { eval: script.eval }), job: -1, task: -1, stopped: false };
    slot.worker.on("message", (m: WorkerMessage) => this.current?.message(slot, m));
    slot.worker.on("error", (e) => {
      if (!slot.stopped) this.current?.fail(e);
    });
    slot.worker.on("exit", (code) => {
      // Workers stop only when told to; a message posted just before an exit still comes first.
      if (slot.stopped) return;
      this.slots = this.slots.filter((s) => s !== slot);
      // An idle worker's end costs no run (the next job starts another); a busy one's fails its job.
      if (slot.task >= 0) setImmediate(() => this.current?.fail(new Error(`a compareInWorkers worker stopped unexpectedly (exit code ${code})`)));
    });
    return slot;
  }
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
