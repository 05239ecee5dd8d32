import { expect } from "vitest";
import { caseloadFromRecords, FundingInputError, totalsByMonth, type Caseload, type CaseloadSpecInput, type Issue, type ModelConfig, type Projection, type TrajectoryInput } from "../../src/index.js";

/** A trajectory record for hand-worked examples: one month of 60 minutes ambulant care at P0 for G0, unless told otherwise. */
export function rec(id: string, o: Partial<TrajectoryInput> & { start: string }): TrajectoryInput {
  const end = o.end === undefined ? o.start : o.end;
  return {
    id,
    municipality: "G0",
    provider: "P0",
    profile: "licht",
    intensity: "laag",
    careForm: "ambulant",
    unit: "04",
    outcome: end === null ? "open" : "achieved",
    use: 60,
    ...o,
    end,
  };
}

/** A caseload from hand-written records (names known in this order: P0, P1; G0, G1). */
export function caseload(records: readonly TrajectoryInput[], window: { start: string; months: number }): Caseload {
  return caseloadFromRecords(records, { window, providers: ["P0", "P1"], municipalities: ["G0", "G1"] });
}

/** Paid per month, only the months with payments: `{ "2026-02": 14000, … }`. */
export function paidByMonth(p: Projection): Record<string, number> {
  return Object.fromEntries([...totalsByMonth(p.byKind)].filter(([, v]) => v !== 0));
}

/** Runs `fn`, expects a FundingInputError and returns it. */
export function thrownInputError(fn: () => unknown): FundingInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FundingInputError);
    return e as FundingInputError;
  }
  throw new Error("expected a FundingInputError, but nothing was thrown");
}

/** Runs `fn`, expects a FundingInputError and returns its issues. */
export function inputIssues(fn: () => unknown): readonly Issue[] {
  return thrownInputError(fn).issues;
}

/** Runs `fn`, expects a FundingInputError and returns its issues as `path.to.field: message`. */
export function issueTexts(fn: () => unknown): string[] {
  return inputIssues(fn).map((i) => `${i.path.join(".")}: ${i.message}`);
}

/** A small synthetic spec for Monte Carlo tests: one ambulant profile at P0 in G0, over 2026. */
export const SMALL_SPEC: CaseloadSpecInput = {
    window: { start: "2026-01", months: 12 },
    municipalities: [{ name: "G0", weight: 1 }],
    providers: [{ name: "P0", careForms: ["ambulant"], weight: 1 }],
    profiles: [
      {
        name: "licht",
        careForm: "ambulant",
        unit: "04",
        arrivalsPerMonth: 4,
        initialStock: 10,
        intensities: [{ name: "laag", weight: 1, durationMonths: { mean: 5, cv: 0.5 }, monthlyUse: { mean: 240, cv: 0.4 } }],
        outcome: { achieved: 0.6, notAchieved: 0.3, droppedOut: 0.1 },
      },
    ],
  };

/**
 * The hand-worked comparison case shared by the compare and CSV tests. t1 (c1): P0 Jan–Mar 2026,
 * achieved; t2 (c2): P0 Jan–Jun 2026, not achieved; t3 (c3): P1 from Mar 2027, open at the end;
 * 60 minutes a month each. The expected amounts are worked out in test/metrics/compare.test.ts.
 */
export const HAND_WORKED = {
  window: { start: "2026-01", months: 24 },
  caseload: caseload(
    [
      rec("t1", { client: "c1", start: "2026-01", end: "2026-03" }),
      rec("t2", { client: "c2", start: "2026-01", end: "2026-06", outcome: "notAchieved" }),
      rec("t3", { client: "c3", provider: "P1", start: "2027-03", end: null }),
    ],
    { start: "2026-01", months: 24 },
  ),
  effort: { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] } as ModelConfig,
  trajectory: { kind: "trajectory", amounts: [{ amount: "1000.01" }] } as ModelConfig,
};
