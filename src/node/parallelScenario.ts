import { driveComparisonsAsync } from "../reforms/reforms.js";
import {
  comparisonScenarioSteps,
  progressOf,
  scenarioSensitivityInputs,
  SUBJECT_PATHS,
  type ComparisonScenarioDefinition,
  type ComparisonScenarioResult,
} from "../scenario/comparisonScenario.js";
import { atScenarioPathAsync, DEFAULT_SOURCE } from "../scenario/scenarioBase.js";
import type { ResolvedScenario } from "../scenario/scenarioSchema.js";
import { compareInWorkers, sensitivityInWorkers, type ParallelCompareOptions } from "./parallelCompare.js";

/**
 * Runs a comparison scenario (as read by `loadScenario`) with its Monte Carlo runs spread over
 * worker threads: every comparison it needs — the baseline and each reform — through
 * {@link compareInWorkers}, and its sensitivity analysis through {@link sensitivityInWorkers}. The
 * result is the one `runScenario` gives, bit for bit; errors are the
 * same `ScenarioInputError`s, with the paths inside the scenario. `onRun(done, total)`
 * counts the runs of every step.
 * @category Node: files, CLI and workers
 */
export async function runScenarioInWorkers(
  scenario: ResolvedScenario<ComparisonScenarioDefinition>,
  parallel: ParallelCompareOptions = {},
): Promise<ComparisonScenarioResult> {
  const name = scenario.definition.name;
  const source = scenario.source ?? (name ? `scenario "${name}"` : DEFAULT_SOURCE);
  const workers = parallel.workers !== undefined ? { workers: parallel.workers } : {};
  return atScenarioPathAsync(
    source,
    async () => {
      const result = await driveComparisonsAsync(comparisonScenarioSteps(scenario, false), (x) => {
        const onRun = progressOf(parallel.onRun, x.step, scenario);
        const options: ParallelCompareOptions = { ...workers, ...(onRun ? { onRun } : {}) };
        return compareInWorkers(x.caseload, x.models as Parameters<typeof compareInWorkers>[1], x.options, options);
      });
      // The tornado's runs over the workers too (after the comparisons, as runScenario makes them).
      const s = scenarioSensitivityInputs(scenario);
      return s ? { ...result, sensitivity: await sensitivityInWorkers(s.caseload, s.models as Parameters<typeof sensitivityInWorkers>[1], s.options, s.sensitivity, workers) } : result;
    },
    scenario.locate,
    SUBJECT_PATHS,
  );
}
