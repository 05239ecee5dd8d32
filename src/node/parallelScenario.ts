import { driveComparisonsAsync } from "../reforms/reforms.js";
import {
  comparisonScenarioSteps,
  progressOf,
  scenarioSensitivityInputs,
  sensitivityProgressOf,
  SUBJECT_PATHS,
  withCaseloadBuilt,
  type ComparisonScenarioDefinition,
  type ComparisonScenarioResult,
} from "../scenario/comparisonScenario.js";
import { atScenarioPathAsync, DEFAULT_SOURCE } from "../scenario/scenarioBase.js";
import type { ResolvedScenario } from "../scenario/scenarioSchema.js";
import { compareInWorkers, sensitivityInWorkers } from "./parallelCompare.js";
import { openWorkerPool, type ParallelCompareOptions } from "./workerPool.js";

/**
 * Runs a comparison scenario (as read by `loadScenario`) with its Monte Carlo runs spread over
 * worker threads: every comparison it needs — the baseline and each reform — through
 * {@link compareInWorkers}, and its sensitivity analysis through {@link sensitivityInWorkers}, all on
 * one pool of threads (`parallel.pool`, or one opened for the scenario and closed after it). The
 * result is the one `runScenario` gives, bit for bit; errors are the
 * same `ScenarioInputError`s, with the paths inside the scenario. `onRun(done, total)`
 * counts the runs of every step, then those of the sensitivity analysis.
 * @category Node: files, CLI and workers
 */
export async function runScenarioInWorkers(
  scenario: ResolvedScenario<ComparisonScenarioDefinition>,
  parallel: ParallelCompareOptions = {},
): Promise<ComparisonScenarioResult> {
  const name = scenario.definition.name;
  const source = scenario.source ?? (name ? `scenario "${name}"` : DEFAULT_SOURCE);
  return atScenarioPathAsync(
    source,
    async () => {
      const resolved = withCaseloadBuilt(scenario);
      // One pool for every comparison of the scenario, so each thread starts and warms up once.
      const pool = parallel.pool ?? openWorkerPool(parallel.workers);
      const threads: ParallelCompareOptions = { ...(parallel.workers !== undefined ? { workers: parallel.workers } : {}), pool };
      try {
        const result = await driveComparisonsAsync(comparisonScenarioSteps(resolved, false), (x) => {
          const onRun = progressOf(parallel.onRun, x.step, resolved);
          return compareInWorkers(x.caseload, x.models as Parameters<typeof compareInWorkers>[1], x.options, { ...threads, ...(onRun ? { onRun } : {}) });
        });
        // The tornado's runs over the workers too (after the comparisons, as runScenario makes them).
        const s = scenarioSensitivityInputs(resolved);
        if (!s) return result;
        const onRun = sensitivityProgressOf(parallel.onRun, resolved);
        const analysis = await sensitivityInWorkers(s.caseload, s.models as Parameters<typeof sensitivityInWorkers>[1], s.options, s.sensitivity, { ...threads, ...(onRun ? { onRun } : {}) });
        return { ...result, sensitivity: analysis };
      } finally {
        // A pool of the caller's stays open for its next comparisons.
        if (pool !== parallel.pool) await pool.close();
      }
    },
    scenario.locate,
    SUBJECT_PATHS,
  );
}
