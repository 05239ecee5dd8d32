/**
 * Combined (hybrid) models: the parts add up.
 */
import { describe, expect, it } from "vitest";
import { createModel, project, type EffortConfig, type TrajectoryConfig } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const Y = { start: "2026-01", months: 12 };
const c = caseload([rec("a", { start: "2026-01", end: "2026-03" })], Y);

describe("a lump-sum base plus an output top-up per client", () => {
  it("pays both parts: €1,200 a year in instalments plus €300 per arrangement at the start", () => {
    // Base: 120000 / 12 = 10000 a month, Jan–Dec (paid in the month). Top-up: 100 % at the start, paid Feb (lag 1).
    const model = createModel({
      kind: "combined",
      label: "Basis + resultaat",
      parts: [
        { kind: "task", budgets: [{ perYear: "1200.00" }] },
        { kind: "output", prices: [{ price: "300.00" }], schedule: { atStart: 100, instalments: 0, atEnd: 0, onResult: 0 } },
      ],
    });
    const p = project(c, model, { horizon: Y });
    expect(p.totalPaid).toBe(150000);
    expect(paidByMonth(p)["2026-02"]).toBe(40000);
    expect(p.model).toEqual({ kind: "combined", label: "Basis + resultaat", variant: "outputgericht" });
  });

  it("says a part's notes with the part's label, in both languages", () => {
    // Window from March: 2026 is only partly seen, so the task part's corridor for 2026 is not settled.
    const march = { start: "2026-03", months: 10 };
    const model = createModel({
      kind: "combined",
      parts: [
        { kind: "task", label: "Basis", budgets: [{ perYear: "1200.00" }], corridor: { referenceTariffs: [{ careForm: "ambulant", tariff: "100.00" }], settlementPercent: 50 } },
        { kind: "output", prices: [{ price: "300.00" }] },
      ],
    });
    const p = project(caseload([rec("a", { start: "2026-03", end: "2026-05" })], march), model, { horizon: march });
    expect(p.notices).toEqual([
      {
        en: "Basis: the corridor for 2026 is not settled: the year is only partly inside the caseload window",
        nl: "Basis: de bandbreedte over 2026 is niet verrekend: het jaar ligt maar deels in het venster van het cliëntenbestand",
      },
    ]);
  });

  it("names a bad part by its place", () => {
    const issues = inputIssues(() => createModel({ kind: "combined", parts: [{ kind: "task", budgets: [] }] }));
    expect(issues[0]!.path).toEqual(["parts", 0, "budgets"]);
  });
});

describe("a part that makes clients wait", () => {
  it("cannot be combined, whether or not this caseload reaches the stop: the other parts would pay for deferred care", () => {
    const stop: EffortConfig = {
      kind: "effort",
      tariffs: [{ careForm: "ambulant", tariff: "70.00" }],
      ceiling: { amounts: [{ provider: "P0", perYear: "1.00" }], behaviour: "intakeStop" },
    };
    const trajectory: TrajectoryConfig = { kind: "trajectory", amounts: [{ amount: "500.00" }] };
    const parts = [stop, trajectory];
    // Refused when built, before any caseload: a run that never reached the €1 ceiling would otherwise pass.
    expect(inputIssues(() => createModel({ kind: "combined", parts }))).toMatchObject([{ code: "delays_in_combination", path: ["parts", 0] }]);
    // The same intake stop on its own, or a ceiling that only reports, combines fine.
    expect(createModel({ kind: "combined", parts: [stop] }).defersCare).toBe(true);
    const reporting: EffortConfig = { ...stop, ceiling: { ...stop.ceiling!, behaviour: "overspend" } };
    expect(createModel({ kind: "combined", parts: [reporting, trajectory] }).defersCare).toBe(false);
  });
});

