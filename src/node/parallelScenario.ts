import { driveComparisonsAsync } from "../reforms/reforms.js";
import { comparisonScenarioSteps, progressOf, SUBJECT_PATHS, type ComparisonScenarioDefinition, type ComparisonScenarioResult } from "../scenario/comparisonScenario.js";
import { atScenarioPathAsync, DEFAULT_SOURCE } from "../scenario/scenarioBase.js";
import type { ResolvedScenario } from "../scenario/scenarioSchema.js";
import { compareInWorkers, type ParallelCompareOptions } from "./parallelCompare.js";

/**
 * Runs a comparison scenario (as read by `loadScenario`) with its Monte Carlo runs spread over
 * worker threads: every comparison it needs — the baseline and each reform — through
 * {@link compareInWorkers}. The result is the one `runScenario` gives, bit for bit; errors are the
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
  return atScenarioPathAsync(
    source,
    () =>
      driveComparisonsAsync(comparisonScenarioSteps(scenario), (x) => {
        const onRun = progressOf(parallel.onRun, x.step, scenario);
        const options: ParallelCompareOptions = { ...(parallel.workers !== undefined ? { workers: parallel.workers } : {}), ...(onRun ? { onRun } : {}) };
        return compareInWorkers(x.caseload, x.models as Parameters<typeof compareInWorkers>[1], x.options, options);
      }),
    scenario.locate,
    SUBJECT_PATHS,
  );
}
