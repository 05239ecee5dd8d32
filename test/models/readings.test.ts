/**
 * The rules' readings (README, "Rules and their readings"): each rule where an independent
 * reimplementation of the README had to choose, pinned with a hand-worked case. Every expected
 * amount is worked out by hand in the comment next to it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createModel, effortModel, formatMonth, parseMonth, project, totalsByMonth } from "../../src/index.js";
import { denseCaseloadArb } from "../support/arbitraries.js";
import { caseload, paidByMonth, rec } from "../support/examples.js";
import { effortConfigArb } from "../support/modelArbitraries.js";
import { DEFAULT_RUNS, subHorizonArb } from "./conformance.js";

describe("reading 1: an intake stop depends on the caseload and the rules, never on the reporting horizon", () => {
  // Window 2026–2027; P0 ceiling €1,000 a year, intakeStop; lag 1; pleegzorg unit 83 (the volume is the amount in cents).
  // A: €2,000 of care in January 2026 (use 200000): spent 200000 ≥ 100000 — the ceiling is reached in January.
  // B: a new client from April 2026, €100 a month (use 10000) for 8 months, Apr–Nov 2026.
  // B is due in April while P0 is over its ceiling → B waits until January 2027 (9 months), whatever the horizon:
  // B's care moves to Jan–Aug 2027, paid Feb–Sep 2027: 8 × 10000 = 80000.
  // Paid May–Dec 2026: nothing (A's January care was paid in February, before both horizons).
  // The defect: with the horizon from May, B (due in April, "before the horizon") was admitted and paid
  // May–Dec 2026 8 × 10000 = €800, while with the horizon from April the same months paid €0.
  const window = { start: "2026-01", months: 24 };
  const c = caseload(
    [
      rec("A", { careForm: "pleegzorg", unit: "83", start: "2026-01", end: "2026-01", use: 200000 }),
      rec("B", { careForm: "pleegzorg", unit: "83", start: "2026-04", end: "2026-11", use: 10000 }),
    ],
    window,
  );
  const model = effortModel({
    kind: "effort",
    tariffs: [{ careForm: "pleegzorg", tariff: "1.00" }],
    ceiling: { amounts: [{ provider: "P0", perYear: "1000.00" }], behaviour: "intakeStop" },
  });
  const expected2027 = { "2027-02": 10000, "2027-03": 10000, "2027-04": 10000, "2027-05": 10000, "2027-06": 10000, "2027-07": 10000, "2027-08": 10000, "2027-09": 10000 };

  it("horizon from April 2026: B waits 9 months; nothing paid May–Dec 2026", () => {
    const p = project(c, model, { horizon: { start: "2026-04", months: 21 } });
    expect(Array.from(p.delays!)).toEqual([0, 9]);
    expect(paidByMonth(p)).toEqual(expected2027);
    expect(p.totalPaid).toBe(80000);
  });

  it("horizon from May 2026: the same wait and the same payments (it paid €800 in May–Dec 2026 before the fix)", () => {
    const p = project(c, model, { horizon: { start: "2026-05", months: 20 } });
    expect(Array.from(p.delays!)).toEqual([0, 9]);
    expect(paidByMonth(p)).toEqual(expected2027);
    expect(p.totalPaid).toBe(80000);
  });

  it("horizon from January 2026: A's January care (paid February) is the only extra payment", () => {
    // 200000 paid Feb 2026 + B's 80000 in 2027 = 280000.
    const p = project(c, model, { horizon: window });
    expect(Array.from(p.delays!)).toEqual([0, 9]);
    expect(paidByMonth(p)).toEqual({ "2026-02": 200000, ...expected2027 });
    expect(p.totalPaid).toBe(280000);
  });
});

describe("reading 1, as a property: the horizon's start never changes a payment", () => {
  // Two horizons in the window that share at least one month (same end with another start, or any overlap):
  // every month inside both pays the same, the same clients wait as long, and the waits counted in those
  // months agree. Dense caseloads and ceilings down to €0 make the intake stop bind often. (The
  // conformance suite checks the same for every model on sub-horizons.)
  const twoHorizons = denseCaseloadArb().chain((d) =>
    fc.tuple(subHorizonArb(d.window), subHorizonArb(d.window), fc.boolean()).map(([a, b, sameEnd]) => {
      if (!sameEnd) return { ...d, a, b };
      // keep a's end, move the start to b's start (or leave it when b starts after a ends)
      const aEnd = parseMonth(a.start) + a.months - 1;
      const bStart = Math.min(parseMonth(b.start), aEnd);
      return { ...d, a, b: { start: formatMonth(bStart), months: aEnd - bStart + 1 } };
    }),
  );
  it("effort with an intake stop (and any ceiling behaviour): months inside both horizons pay the same", () => {
    fc.assert(
      fc.property(twoHorizons, effortConfigArb({ ceiling: "any" }), fc.integer({ min: 0, max: 3 }), ({ caseload: c, a, b }, cfg, lag) => {
        const model = createModel(cfg);
        const pa = project(c, model, { horizon: a, paymentLagMonths: lag });
        const pb = project(c, model, { horizon: b, paymentLagMonths: lag });
        expect(pb.delays).toEqual(pa.delays);
        const ma = totalsByMonth(pa.byKind);
        const mb = totalsByMonth(pb.byKind);
        const wa = new Map(Array.from(pa.waiting.byMonth, (v, i) => [formatMonth(parseMonth(a.start) + i), v]));
        for (const [month, cents] of mb) {
          if (!ma.has(month)) continue;
          expect(cents, month).toBe(ma.get(month));
          expect(pb.waiting.byMonth[parseMonth(month) - parseMonth(b.start)], month).toBe(wa.get(month));
        }
      }),
      { numRuns: DEFAULT_RUNS },
    );
  });
});
