/**
 * The types a 20-line script sees: what `runScenario` returns for a scenario loaded with or
 * without a kind, written inline, or parsed — checked by the type checker (`npm run typecheck`
 * fails on a wrong type) and, where it matters, at run time.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { loadScenario, readScenario, safeLoadScenario } from "../../src/node/index.js";
import type { ComparisonScenarioResult } from "../../src/scenario/comparisonScenario.js";
import type { GrantPoolScenarioResult } from "../../src/scenario/grantPoolScenario.js";
import type { RecoveryScenarioResult } from "../../src/scenario/recoveryScenario.js";
import { parseScenario, runScenario, type ScenarioDefinition, type ScenarioResult } from "../../src/scenario/scenarioSchema.js";

describe("runScenario's result type follows what the script knows of the kind", () => {
  it("loaded without a kind, inline: the union, to narrow (not a comparison the file may not be)", async () => {
    const r = runScenario(await loadScenario("scenarios/zhi-funding.json"));
    expectTypeOf(r).toEqualTypeOf<ScenarioResult>();
    expect(r.kind).toBe("recoveryInitiative");
    if (r.kind === "recoveryInitiative") expect(r.result.ways).toHaveLength(3);
  });
  it("loaded with a kind: that kind's result", async () => {
    const r = runScenario(await loadScenario("scenarios/quick-start.json", { kind: "comparison" }));
    expectTypeOf(r).toEqualTypeOf<ComparisonScenarioResult>();
    expect(r.comparison.models).toHaveLength(2);
    expectTypeOf(runScenario(await loadScenario("scenarios/stimuleringsimpuls-2021-worked.json", { kind: "grantPool" }))).toEqualTypeOf<GrantPoolScenarioResult>();
  });
  it("readScenario and safeLoadScenario: the union without a kind, the kind's definition with one", async () => {
    expectTypeOf((await readScenario("scenarios/zhi-funding.json")).value).toEqualTypeOf<ScenarioDefinition>();
    const safe = await safeLoadScenario("scenarios/zhi-funding.json", { kind: "recoveryInitiative" });
    if (!safe.success) throw new Error("the shipped scenario loads");
    expectTypeOf(runScenario(safe.output)).toEqualTypeOf<RecoveryScenarioResult>();
  });
  it("parsed: the union, or the kind asked for; written inline: its kind's result", () => {
    const data: unknown = { caseload: { records: [], window: { start: "2026-01", months: 1 } }, models: [{ kind: "task", budgets: [{ perYear: "0.00" }] }] };
    expectTypeOf(parseScenario(data)).toEqualTypeOf<ScenarioDefinition>();
    expectTypeOf(runScenario(parseScenario(data, { kind: "comparison" }))).toEqualTypeOf<ComparisonScenarioResult>();
    const inline = runScenario({ caseload: { records: [], window: { start: "2026-01", months: 1 } }, models: [{ kind: "task", budgets: [{ perYear: "120.00" }] }] });
    expectTypeOf(inline).toEqualTypeOf<ComparisonScenarioResult>();
    // €120 a year, paid in twelve monthly parts of €10; the one month of the window pays one part.
    expect(inline.comparison.models[0]!.metrics.totalPaid).toBe(1_000);
  });
});
