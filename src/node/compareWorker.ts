/**
 * The worker thread of `compareInWorkers` (`./workerPool.ts`). Told to plan a comparison, it plans
 * the same comparison as the main thread (from the same, structured-cloned inputs: planning is
 * deterministic); then it makes the runs the main thread hands it one at a time (a run index, and
 * for a sensitivity analysis the parameters' values) and posts back each run's {@link RunOutcome}.
 * A pool's worker is told to plan again for each comparison it serves. An error in a run is posted
 * back serialised — a {@link FundingInputError} as its subject and issues, so the caller rebuilds
 * the same error.
 *
 * Not part of the public API: built as its own file (`dist/compareWorker.js` / `.cjs`) so a
 * worker can load it; from source it runs under tsx. Only types are exported: importing this
 * module runs it (it starts listening when it has a parent port).
 */
import { parentPort } from "node:worker_threads";
import type { Caseload } from "../caseload/caseload.js";
import type { CaseloadSpecInput } from "../caseload/spec.js";
import { FundingInputError, type Issue } from "../errors.js";
import { runOutcome, type RunOutcome } from "../metrics/compare.js";
import type { CompareOptions } from "../metrics/compareOptions.js";
import { planComparison, type ComparisonPlan } from "../metrics/comparisonPlan.js";
import type { ModelConfig } from "../models/index.js";
import type { Uncertain } from "../uncertainty/uncertain.js";

/** The comparison a worker plans: the inputs of `compare`, configs only. */
export interface CompareWorkerData {
  readonly caseload: Caseload | Uncertain<CaseloadSpecInput>;
  readonly models: readonly Uncertain<ModelConfig>[];
  readonly options: Uncertain<CompareOptions>;
}

/** A run to make: its index (0-based; its seed and draws), and the parameters' values when they are set instead of drawn. */
export interface RunTask {
  readonly run: number;
  readonly values?: readonly (readonly [string, number])[];
}

/** Main thread → worker: plan this comparison (the runs that follow are of it); make `task`, the `index`-th of the caller's list. */
export type MainMessage = { readonly type: "plan"; readonly data: CompareWorkerData } | { readonly type: "run"; readonly index: number; readonly task: RunTask };

/** An error as it crosses the thread boundary. */
export type SerialisedError =
  | { readonly kind: "input"; readonly subject: string; readonly issues: readonly Issue[]; readonly omittedIssues: number; readonly stack: string | undefined }
  | { readonly kind: "other"; readonly name: string; readonly message: string; readonly stack: string | undefined };

/** Worker → main thread, for the task of list index `index`; −1 for an error while planning (before any run). */
export type WorkerMessage =
  | { readonly type: "result"; readonly index: number; readonly outcome: RunOutcome }
  | { readonly type: "error"; readonly index: number; readonly error: SerialisedError };

/** An error as plain, structured-clonable data. */
function serialiseError(e: unknown): SerialisedError {
  if (e instanceof FundingInputError) return { kind: "input", subject: e.subject, issues: e.issues, omittedIssues: e.omittedIssues, stack: e.stack };
  if (e instanceof Error) return { kind: "other", name: e.name, message: e.message, stack: e.stack };
  return { kind: "other", name: "Error", message: String(e), stack: undefined };
}


const port = parentPort;
if (port) {
  const post = (m: WorkerMessage) => port.postMessage(m);
  let plan: ComparisonPlan | null = null;
  port.on("message", (m: MainMessage) => {
    if (m.type === "plan") {
      try {
        plan = planComparison(m.data.caseload, m.data.models, m.data.options);
      } catch (e) {
        plan = null;
        post({ type: "error", index: -1, error: serialiseError(e) });
      }
      return;
    }
    if (plan === null) return; // its planning failed, which the main thread was told
    try {
      post({ type: "result", index: m.index, outcome: runOutcome(plan, m.task) });
    } catch (e) {
      post({ type: "error", index: m.index, error: serialiseError(e) });
    }
  });
}
