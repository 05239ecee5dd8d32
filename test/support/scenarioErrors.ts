import { ScenarioInputError, type ScenarioIssue } from "../../src/scenario/scenarioBase.js";
import { safeParseScenario } from "../../src/scenario/scenarioSchema.js";

/** The issues of a scenario that must fail to parse, named `source`. */
export function scenarioIssuesOf(input: unknown, source: string): readonly ScenarioIssue[] {
  const r = safeParseScenario(input, source);
  if (r.success) throw new Error("expected the scenario to be refused");
  return r.issues;
}

/** The ScenarioInputError `fn` must throw (anything else fails the test). */
export function thrownScenarioError(fn: () => unknown): ScenarioInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioInputError) return e;
    throw e;
  }
  throw new Error("expected a ScenarioInputError");
}
