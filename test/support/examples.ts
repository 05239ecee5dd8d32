import { expect } from "vitest";
import { caseloadFromRecords, FundingInputError, totalsByMonth, type Caseload, type CaseloadSpecInput, type Issue, type Projection, type TrajectoryInput } from "../../src/index.js";

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

/** Runs `fn`, expects a FundingInputError and returns its issues. */
export function inputIssues(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FundingInputError);
    return (e as FundingInputError).issues;
  }
  throw new Error("expected a FundingInputError, but nothing was thrown");
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
