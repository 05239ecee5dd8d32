import { z } from "zod";
import { FundingInputError } from "../errors.js";
import type { HorizonInput } from "../period.js";
import { RecoveryInitiativeSchema, simulateRecoveryInitiative, type RecoveryComparison, type RecoveryInitiativeInput } from "../streams/recoveryInitiative.js";
import { atScenarioPath, headerOf, SCENARIO_HEADER, scenarioIssues, type ScenarioHeader, type ScenarioResultHeader, type ScenarioSafeResult } from "./scenarioBase.js";
import type { ResolvedScenario } from "./scenarioSchema.js";

/*
 * Recovery-initiative scenarios (`kind: "recoveryInitiative"`): one zelfregie- en
 * herstelinitiatief (ZHI, seed 002) funded three ways — structural subsidy, yearly project subsidy,
 * procurement per participant — over a horizon, renewals drawn by seed. The fields are those of
 * `simulateRecoveryInitiative`; horizon, seed and runs sit in `options`, as in the other kinds.
 */

const { horizon, seed, runs, ...initiativeFields } = RecoveryInitiativeSchema.shape;

/**
 * Schema of a recovery-initiative scenario: the initiative, its three ways of funding, and the options.
 * @category Scenarios
 */
export const RecoveryScenarioSchema = z
  .strictObject({
    ...SCENARIO_HEADER,
    kind: z
      .literal("recoveryInitiative")
      .describe("a recovery initiative (ZHI) funded three ways: structural subsidy, yearly project subsidy, procurement per participant"),
    ...initiativeFields,
    options: z
      .strictObject({ horizon, seed, runs })
      .describe("the months compared (funding years are calendar years), the seed of the first run and the number of runs"),
  })
  .describe("A recovery-initiative scenario: one initiative, three ways to fund it, and what closing and running mean for care.");

/**
 * The fields of a recovery initiative besides horizon, seed and runs.
 * @category Scenarios
 */
export type RecoveryInitiativeFields = Omit<RecoveryInitiativeInput, "horizon" | "seed" | "runs">;

/**
 * A recovery-initiative scenario as written in a file.
 * @category Scenarios
 */
export type RecoveryScenarioInput = ScenarioHeader &
  RecoveryInitiativeFields & {
    readonly kind: "recoveryInitiative";
    readonly options: { readonly horizon: HorizonInput; readonly seed?: number; readonly runs?: number };
  };

/**
 * A validated recovery-initiative scenario, itself a valid input: `options.seed` and `options.runs` filled in, money as written.
 * @category Scenarios
 */
export type RecoveryScenarioDefinition = ScenarioHeader &
  RecoveryInitiativeFields & {
    readonly kind: "recoveryInitiative";
    readonly options: { readonly horizon: HorizonInput; readonly seed: number; readonly runs: number };
  };

/**
 * Result of a recovery-initiative scenario: the three ways side by side (plain data, integer cents, JSON-safe).
 * @category Scenarios
 */
export interface RecoveryScenarioResult extends ScenarioResultHeader {
  readonly kind: "recoveryInitiative";
  readonly result: RecoveryComparison;
}

/** Validates a recovery-initiative scenario and fills in its defaults (`parseScenario` picks this by kind). */
export function safeParseRecoveryScenario(input: unknown, source: string): ScenarioSafeResult<RecoveryScenarioDefinition> {
  const r = RecoveryScenarioSchema.safeParse(input);
  if (!r.success) return { success: false, issues: scenarioIssues(r.error.issues, input).map((i) => ({ ...i, source })) };
  const raw = input as RecoveryScenarioInput;
  const options = { horizon: r.data.options.horizon, seed: r.data.options.seed, runs: r.data.options.runs };
  return { success: true, output: { ...raw, ...headerOf(r.data), kind: "recoveryInitiative", options } };
}

/** Where the simulation's own top-level fields sit in the scenario. */
const IN_OPTIONS = new Set<string | number>(["horizon", "seed", "runs"]);

/** Runs a recovery-initiative scenario: `simulateRecoveryInitiative` on its fields and options. */
export function runRecoveryScenario(resolved: ResolvedScenario<RecoveryScenarioDefinition>, source: string): RecoveryScenarioResult {
  const { $schema: _s, name, description: _d, kind: _k, options, ...fields } = resolved.definition;
  const simulate = (): RecoveryComparison => {
    try {
      return simulateRecoveryInitiative({ ...fields, ...options });
    } catch (e) {
      if (!(e instanceof FundingInputError)) throw e;
      throw new FundingInputError(e.subject, e.issues.map((i) => (IN_OPTIONS.has(i.path[0]!) ? { ...i, path: ["options", ...i.path] } : i)), e.omittedIssues);
    }
  };
  return atScenarioPath(source, () => ({ kind: "recoveryInitiative", name: name ?? null, source: resolved.source, result: simulate() }), resolved.locate, {});
}
