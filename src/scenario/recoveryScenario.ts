import { z } from "zod";
import { RecoveryInitiativeSchema, simulateRecoveryInitiative, type RecoveryComparison, type RecoveryInitiativeInput } from "../streams/recoveryInitiative.js";
import {
  atScenarioPath,
  headerOf,
  SCENARIO_HEADER,
  scenarioIssues,
  type ScenarioHeader,
  type ScenarioSafeResult,
} from "./scenarioBase.js";
import type { ResolvedScenario } from "./scenarioSchema.js";

/*
 * Recovery-initiative scenarios (`kind: "recoveryInitiative"`): one zelfregie- en
 * herstelinitiatief (ZHI, seed 002) funded three ways — structural subsidy, yearly project subsidy,
 * procurement per participant — over a horizon, renewals drawn by seed. The fields are those of
 * `simulateRecoveryInitiative`, next to the scenario's header.
 */

/** Schema of a recovery-initiative scenario: the header and the fields of `simulateRecoveryInitiative`. */
export const RecoveryScenarioSchema = z
  .strictObject({
    ...SCENARIO_HEADER,
    kind: z
      .literal("recoveryInitiative")
      .describe("a recovery initiative (ZHI) funded three ways: structural subsidy, yearly project subsidy, procurement per participant"),
    ...RecoveryInitiativeSchema.shape,
  })
  .describe("A recovery-initiative scenario: one initiative, three ways to fund it, and what closing and running mean for care.");

/** A recovery-initiative scenario as written in a file. */
export type RecoveryScenarioInput = ScenarioHeader & { readonly kind: "recoveryInitiative" } & RecoveryInitiativeInput;

/** A validated recovery-initiative scenario, itself a valid input: `seed` and `runs` filled in, money as written. */
export type RecoveryScenarioDefinition = ScenarioHeader & {
  readonly kind: "recoveryInitiative";
  readonly seed: number;
  readonly runs: number;
} & RecoveryInitiativeInput;

/** Result of a recovery-initiative scenario: the three ways side by side (plain data, integer cents, JSON-safe). */
export interface RecoveryScenarioResult {
  readonly kind: "recoveryInitiative";
  /** The scenario's name, or null when it has none. */
  readonly name: string | null;
  /** Where the scenario came from (its file), or null. */
  readonly source: string | null;
  readonly result: RecoveryComparison;
}

/** Validates a recovery-initiative scenario and fills in its defaults (`parseScenario` picks this by kind). */
export function safeParseRecoveryScenario(input: unknown, source: string): ScenarioSafeResult<RecoveryScenarioDefinition> {
  const r = RecoveryScenarioSchema.safeParse(input);
  if (!r.success) return { success: false, issues: scenarioIssues(r.error.issues, input).map((i) => ({ ...i, source })) };
  const raw = input as RecoveryScenarioInput;
  return { success: true, output: { ...raw, ...headerOf(r.data), kind: "recoveryInitiative", seed: r.data.seed, runs: r.data.runs } };
}

/** Runs a recovery-initiative scenario: `simulateRecoveryInitiative` on its fields. */
export function runRecoveryScenario(resolved: ResolvedScenario<RecoveryScenarioDefinition>, source: string): RecoveryScenarioResult {
  const { $schema: _s, name, description: _d, kind: _k, ...input } = resolved.definition;
  return atScenarioPath(
    source,
    () => ({ kind: "recoveryInitiative", name: name ?? null, source: resolved.source, result: simulateRecoveryInitiative(input) }),
    resolved.locate,
    { "recovery initiative": [] },
  );
}
