/**
 * Trajectory funding (trajectfinanciering): hand-worked examples of advance and settlement.
 */
import { describe, expect, it } from "vitest";
import { project, totalsByKey, trajectoryModel, type TrajectoryConfig } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const WINDOW = { start: "2026-01", months: 24 };
// €10,000.01 a trajectory; advance 50 % = 500000.5 → half-up 500001; settlement = the exact rest.
const BASE: TrajectoryConfig = { kind: "trajectory", amounts: [{ amount: "10000.01" }], advancePercent: 50, dropOutPercent: 40 };

describe("advance and settlement", () => {
  // T1: Jan–May 2026, achieved. T2: Mar–Jun 2026, dropped out. T3: from Oct 2026, open at the window's end (Dec 2027). Lag 1.
  const c = caseload(
    [
      rec("T1", { start: "2026-01", end: "2026-05" }),
      rec("T2", { start: "2026-03", end: "2026-06", outcome: "droppedOut" }),
      rec("T3", { start: "2026-10", end: null }),
    ],
    WINDOW,
  );

  it("a closed trajectory is paid exactly its amount; a drop-out its share, recovered below the advance", () => {
    // T1: advance 500001 (Feb 2026) + settlement 1000001 − 500001 = 500000 (Jun 2026) = 1000001.
    // T2: drop-out share 40 % × 1000001 = 400000.4 → 400000; the advance 500001 (Apr) was paid before the outcome was
    //     known, so the settlement is 400000 − 500001 = −100001 (Jul): negative.
    // T3: advance 500001 (Nov 2026); the rest 500000 is settled after the window's end (Jan 2028, paid Feb 2028).
    // Paid: 1000001 + 400000 + 500001 = 1900002.
    const p = project(c, trajectoryModel(BASE), { horizon: WINDOW });
    expect(paidByMonth(p)).toEqual({ "2026-02": 500001, "2026-04": 500001, "2026-06": 500000, "2026-07": -100001, "2026-11": 500001 });
    expect(p.totalPaid).toBe(1900002);
    expect(totalsByKey(p.byKind)).toEqual(new Map([["instalment", 0], ["declaration", 0], ["advance", 1500003], ["settlement", 399999]]));
    // open at the window's end: due after the horizon, an obligation at every year end since its start
    expect(p.dueAfterHorizon).toBe(500000);
    expect(p.obligations).toEqual([
      { date: "2026-12", cents: 500000 },
      { date: "2027-12", cents: 500000 },
    ]);
    expect([p.closed, p.achieved]).toEqual([2, 1]);
  });

  it("a drop-out's recovery still to come shows as a negative obligation", () => {
    // Horizon Jan–Jun 2026: T2's settlement of −100001 (committed at its start in March, paid in July) is after it;
    // T3 has not started, so nothing of it is committed yet. Obligation at 2026-06: −100001, and so is the amount due
    // after the horizon (what is owed or committed by its end; T3's payments arise later).
    const p = project(c, trajectoryModel(BASE), { horizon: { start: "2026-01", months: 6 } });
    expect(p.totalPaid).toBe(500001 + 500001 + 500000);
    // The settlement 500000 was committed at T2's start; the reduction −600001 became known at its closure in June.
    expect(p.obligations).toEqual([{ date: "2026-06", cents: -100001 }]);
    expect(p.dueAfterHorizon).toBe(-100001);
  });

  it("a drop-out's reduction is not an obligation before the drop-out is known", () => {
    // Horizon Jan–May 2026: at 2026-05 T2 (started March) is still running, so what is committed is its full
    // remainder 1000001 − 500001 = 500000 — not the −100001 that hindsight knows. T1 closed in May: its settlement
    // 500000 (paid June) is owed too. Obligation at 2026-05: 500000 + 500000 = 1000000.
    const p = project(c, trajectoryModel(BASE), { horizon: { start: "2026-01", months: 5 } });
    expect(p.obligations).toEqual([{ date: "2026-05", cents: 1000000 }]);
  });

  it("advance 0 % pays everything at closure; 100 % everything at the start", () => {
    const none = project(c, trajectoryModel({ ...BASE, advancePercent: 0, dropOutPercent: 100 }), { horizon: WINDOW });
    // T1 1000001 at Jun 2026, T2 1000001 at Jul 2026; T3 everything after the window.
    expect(paidByMonth(none)).toEqual({ "2026-06": 1000001, "2026-07": 1000001 });
    expect(none.dueAfterHorizon).toBe(1000001);
    const all = project(c, trajectoryModel({ ...BASE, advancePercent: 100, dropOutPercent: 100 }), { horizon: WINDOW });
    expect(paidByMonth(all)).toEqual({ "2026-02": 1000001, "2026-04": 1000001, "2026-11": 1000001 });
    expect(all.dueAfterHorizon).toBe(0);
    expect(all.obligations).toEqual([
      { date: "2026-12", cents: 0 },
      { date: "2027-12", cents: 0 },
    ]);
  });

  it("counts iJw messages as an output product: an assignment, start and stop per trajectory, a declaration batch per provider-month", () => {
    // Starts in the horizon: T1, T2, T3 = 3 assignments; start/stop: 3 starts + 2 closures = 5.
    // Lines: T1 advance + settlement, T2 advance + settlement + its drop-out reduction (incurred at closure), T3 advance = 6.
    // Months with lines: Feb, Apr, Jun, Jul, Nov 2026 (one provider) → 5 × (JW323 + JW325) = 10.
    const p = project(c, trajectoryModel(BASE), { horizon: WINDOW });
    expect(p.messages).toEqual({ paymentLines: 6, assignments: 3, startStop: 5, declarationMessages: 10, total: 18 });
  });
});

describe("amounts per profile and provider", () => {
  it("the most specific amount wins (the most fields set); the version in force at the start applies", () => {
    // Amounts: general €10,000; zwaar €20,000; P1 €15,000 from 2026-01 and €16,000 from 2026-07; P1 × zwaar €17,000
    // (zwaar and P1 set one field each and both match P1 × zwaar: without the P1 × zwaar entry they would tie and be
    // refused). Advance 100 %, lag 0.
    //   a P0 licht (Mar) → 1000000; b P0 zwaar (Mar) → 2000000; c P1 zwaar (Mar) → P1 × zwaar (2 fields) → 1700000;
    //   d P1 licht (Aug, settled in 2027) → P1, the version in force at its start: 1600000.
    const c = caseload(
      [
        rec("a", { start: "2026-03" }),
        rec("b", { start: "2026-03", profile: "zwaar" }),
        rec("c", { start: "2026-03", provider: "P1", profile: "zwaar" }),
        rec("d", { start: "2026-08", end: "2027-02", provider: "P1" }),
      ],
      WINDOW,
    );
    const model = trajectoryModel({
      kind: "trajectory",
      amounts: [
        { amount: "10000.00" },
        { profile: "zwaar", amount: "20000.00" },
        {
          provider: "P1",
          amount: [
            { from: "2026-01", value: "15000.00" },
            { from: "2026-07", value: "16000.00" },
          ],
        },
        { provider: "P1", profile: "zwaar", amount: "17000.00" },
      ],
      advancePercent: 100,
    });
    const p = project(c, model, { horizon: WINDOW, paymentLagMonths: 0 });
    expect(paidByMonth(p)).toEqual({ "2026-03": 1000000 + 2000000 + 1700000, "2026-08": 1600000 });
    expect(totalsByKey(p.byProfile).get("zwaar")).toBe(3700000);
  });
});

describe("bad input", () => {
  it("names the field and the reason", () => {
    expect(inputIssues(() => trajectoryModel({ ...BASE, advancePercent: 150 }))[0]).toMatchObject({ path: ["advancePercent"], message: "must be between 0 and 100" });
    expect(inputIssues(() => trajectoryModel({ ...BASE, amounts: [] }))[0]).toMatchObject({ path: ["amounts"], message: "needs at least one trajectory amount" });
    expect(inputIssues(() => trajectoryModel({ ...BASE, amounts: [{ amount: { cents: -5 } }] }))[0]).toMatchObject({ path: ["amounts", 0, "amount"], message: "must not be negative" });
    const c = caseload([rec("a", { start: "2026-01" })], WINDOW);
    const unknown = inputIssues(() => project(c, trajectoryModel({ ...BASE, amounts: [{ provider: "PX", amount: "1.00" }] }), { horizon: WINDOW }));
    expect(unknown[0]).toMatchObject({ path: ["amounts", 0, "provider"], message: expect.stringContaining('unknown provider "PX"') });
  });
});
