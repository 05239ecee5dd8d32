/**
 * The rules' readings (README, "Rules and their readings"): each rule where an independent
 * reimplementation of the README had to choose, pinned with a hand-worked case. Every expected
 * amount is worked out by hand in the comment next to it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corridorSettlement, createModel, effortModel, formatMonth, outputModel, parseMonth, project, taskModel, totalsByMonth, trajectoryModel } from "../../src/index.js";
import { denseCaseloadArb } from "../support/arbitraries.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";
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
  /** Months two horizons share. */
  const overlap = (a: { start: string; months: number }, b: { start: string; months: number }): number =>
    Math.max(0, Math.min(parseMonth(a.start) + a.months, parseMonth(b.start) + b.months) - Math.max(parseMonth(a.start), parseMonth(b.start)));
  it("effort with a ceiling of any behaviour (an intake stop among them): months inside both horizons pay the same", () => {
    fc.assert(
      fc.property(twoHorizons, effortConfigArb({ ceiling: "any" }), fc.integer({ min: 0, max: 3 }), ({ caseload: c, a, b }, cfg, lag) => {
        fc.pre(overlap(a, b) > 0);
        const model = createModel(cfg);
        const pa = project(c, model, { horizon: a, paymentLagMonths: lag });
        const pb = project(c, model, { horizon: b, paymentLagMonths: lag });
        expect(pb.delays).toEqual(pa.delays);
        const ma = totalsByMonth(pa.byKind);
        const mb = totalsByMonth(pb.byKind);
        const wa = new Map(Array.from(pa.waiting.byMonth, (v, i) => [formatMonth(parseMonth(a.start) + i), v]));
        let compared = 0;
        for (const [month, cents] of mb) {
          if (!ma.has(month)) continue;
          expect(cents, month).toBe(ma.get(month));
          expect(pb.waiting.byMonth[parseMonth(month) - parseMonth(b.start)], month).toBe(wa.get(month));
          compared++;
        }
        // Every month the two horizons share is compared (the months of each horizon are all in its map).
        expect(compared).toBe(overlap(a, b));
      }),
      { numRuns: DEFAULT_RUNS },
    );
  });
});

describe("reading 2: the output guarantee covers a re-entry after the last achieved result at the same provider", () => {
  // Price €900, validity 3, everything in instalments (30000 a month), guaranteeMonths 12, lag 1, window 2026–2027.
  // A one-month arrangement that closes early is paid its instalment in its month and the two unpaid
  // instalments (60000) at closure: 90000 in all. Every arrangement paid is paid 90000.
  const window = { start: "2026-01", months: 24 };
  const c = caseload(
    [
      // c1: A at P0 Jan–Mar 2026, achieved; a short stay B at P1 in May 2026 (achieved); back at P0 in August (C).
      //     C starts 5 months after A's result at P0: guaranteed, unpaid — the stay at P1 in between does not end it.
      rec("A", { client: "c1", start: "2026-01", end: "2026-03" }),
      rec("B", { client: "c1", provider: "P1", start: "2026-05" }),
      rec("C", { client: "c1", start: "2026-08" }),
      // c2: D at P0 Jan–Mar 2026, achieved; E at P0 from March 2026, the month D closed: 0 months after the result,
      //     guaranteed, unpaid.
      rec("D", { client: "c2", start: "2026-01", end: "2026-03" }),
      rec("E", { client: "c2", start: "2026-03" }),
      // c3: F at P0 Jan–Mar 2026, achieved; G at P0 in February 2026 while F runs: parallel, no re-entry, paid.
      rec("F", { client: "c3", start: "2026-01", end: "2026-03" }),
      rec("G", { client: "c3", start: "2026-02" }),
    ],
    window,
  );
  const model = outputModel({ kind: "output", prices: [{ price: "900.00" }], validityMonths: 3, guaranteeMonths: 12 });

  it("a return to P0 after a short stay at P1, and a re-entry in the month of closure, are at the provider's cost", () => {
    // Paid: A, B, D, F, G = 5 × 90000 = 450000; C and E nothing.
    // (Before this reading only the client's immediately preceding trajectory counted, and only from the month after
    // its closure: C, whose predecessor B was at P1, and E, starting in D's closing month, were paid: 7 × 90000 = 630000.)
    const p = project(c, model, { horizon: window, lines: true });
    const paid = new Set<string>();
    for (let i = 0; i < p.ledger!.length; i++) paid.add(c.ids[p.ledger!.trajectory[i]!]!);
    expect([...paid].sort()).toEqual(["A", "B", "D", "F", "G"]);
    expect(p.totalPaid).toBe(450000);
  });

  it("without a guarantee period all seven are paid", () => {
    // 7 × 90000 = 630000
    expect(project(c, outputModel({ kind: "output", prices: [{ price: "900.00" }], validityMonths: 3 }), { horizon: window }).totalPaid).toBe(630000);
  });
});

describe("reading 3: price precedence — the entry setting the most fields wins; a true tie is refused", () => {
  // Output, all at closure-independent instalments: validity 1, everything in instalments, so a one-month arrangement
  // is paid its price in one line. Window and horizon 2026, lag 0.
  const Y = { start: "2026-01", months: 12 };
  const c = caseload(
    [
      rec("a", { provider: "P0", profile: "licht", intensity: "laag", start: "2026-01" }),
      rec("b", { provider: "P0", profile: "licht", intensity: "hoog", start: "2026-01" }),
      rec("d", { provider: "P1", profile: "licht", intensity: "laag", start: "2026-01" }),
    ],
    Y,
  );
  const output = (prices: { provider?: string; profile?: string; intensity?: string; price: string }[]) =>
    outputModel({ kind: "output", prices, validityMonths: 1 });
  const paidFor = (model: ReturnType<typeof outputModel>) => {
    const p = project(c, model, { horizon: Y, paymentLagMonths: 0, lines: true });
    const out: Record<string, number> = {};
    for (let i = 0; i < p.ledger!.length; i++) {
      const id = c.ids[p.ledger!.trajectory[i]!]!;
      out[id] = (out[id] ?? 0) + p.ledger!.cents[i]!;
    }
    return out;
  };

  it("profile × intensity (2 fields) wins over provider-wide (1 field), in either order", () => {
    // a (P0, licht, laag): matches €100 (general, 0 fields), €200 (provider P0, 1 field), €300 (licht × laag, 2 fields) → 30000.
    //   (Before, the provider-wide entry won: 20000.)
    // b (P0, licht, hoog): matches €100 and €200 (P0) → 20000.
    // d (P1, licht, laag): matches €100 and €300 (licht × laag) → 30000.
    const prices = [
      { price: "100.00" },
      { provider: "P0", price: "200.00" },
      { profile: "licht", intensity: "laag", price: "300.00" },
    ];
    expect(paidFor(output(prices))).toEqual({ a: 30000, b: 20000, d: 30000 });
    expect(paidFor(output([...prices].reverse()))).toEqual({ a: 30000, b: 20000, d: 30000 });
  });

  it("two entries setting as many fields that both match a combination are refused, naming both", () => {
    // provider P0 (1 field) and profile licht (1 field) both match P0 × licht: a tie.
    const issues = inputIssues(() => output([{ price: "100.00" }, { provider: "P0", price: "200.00" }, { profile: "licht", price: "300.00" }]));
    expect(issues).toEqual([
      expect.objectContaining({ path: ["prices", 2], message: expect.stringContaining('entries 1 and 2 both set 1 field(s) and both match provider "P0" × profile "licht"') }),
    ]);
    // Trajectory funding: the same rule over provider × profile.
    const t = inputIssues(() => trajectoryModel({ kind: "trajectory", amounts: [{ provider: "P0", amount: "1.00" }, { profile: "licht", amount: "2.00" }] }));
    expect(t).toEqual([expect.objectContaining({ path: ["amounts", 1], message: expect.stringContaining('entries 0 and 1 both set 1 field(s)') })]);
  });

  it("a tie decided by a more specific entry for the whole overlap is no tie", () => {
    // P0 (1 field), licht (1 field), and P0 × licht (2 fields) covering their overlap:
    // a and b (P0, licht): €400 (2 fields) → 40000 each; d (P1, licht): only licht matches besides the general → 30000.
    const prices = [
      { price: "100.00" },
      { provider: "P0", price: "200.00" },
      { profile: "licht", price: "300.00" },
      { provider: "P0", profile: "licht", price: "400.00" },
    ];
    expect(paidFor(output(prices))).toEqual({ a: 40000, b: 40000, d: 30000 });
  });

  it("entries that never match the same combination are no tie", () => {
    // P0 × licht (2 fields) and P1 × licht (2 fields) never both match. a, b → 20000; d → 30000.
    const prices = [{ price: "100.00" }, { provider: "P0", profile: "licht", price: "200.00" }, { provider: "P1", profile: "licht", price: "300.00" }];
    expect(paidFor(output(prices))).toEqual({ a: 20000, b: 20000, d: 30000 });
  });
});

describe("reading 4: indexation reaches the corridor's reference tariffs and the effort ceilings (unless switched off)", () => {
  it("task corridor: reference tariffs indexed like the budget — no recovery caused by indexation alone", () => {
    // P0 budget €1,200 a year from 2026, indexation 10 % from 2027-01; corridor ±5 %, settled 100 % one month after
    // December; reference tariff ambulant €100/hour. One client at P0, 60 minutes (1 hour) a month Jan 2026 – Dec 2027.
    // Window and horizon Jan 2026 – Jan 2028.
    // Budget: 2026 120000 (10000 a month); 2027 120000 × 1.10 = 132000 (11000 a month); 2028 132000 × 1.10 = 145200
    //   (12100 in January 2028; 2028 is only partly in the window: not settled).
    // 2026 production 12 × 1 h × 10000 = 120000 = budget: inside the corridor, no settlement.
    // 2027, tariffs followed: the tariff is 10000 × 1.10 = 11000, production 12 × 11000 = 132000 = budget: no settlement.
    //   Paid: 120000 + 132000 + 12100 = 264100.
    // 2027, followIndexation false: production 12 × 10000 = 120000 < lower bound 132000 × 0.95 = 125400:
    //   settlement 120000 − 125400 = −5400, paid January 2028 (12100 − 5400 = 6700). Total 264100 − 5400 = 258700.
    const window = { start: "2026-01", months: 25 };
    const c = caseload([rec("a", { start: "2026-01", end: "2027-12", use: 60 })], window);
    const task = (followIndexation?: boolean) =>
      taskModel({
        kind: "task",
        budgets: [{ provider: "P0", perYear: "1200.00" }],
        indexation: [{ from: "2027-01", value: "10" }],
        corridor: {
          referenceTariffs: [{ careForm: "ambulant", tariff: "100.00" }],
          lowerPercent: 5,
          upperPercent: 5,
          settleMonthsAfterYearEnd: 1,
          ...(followIndexation === undefined ? {} : { followIndexation }),
        },
      });
    const followed = project(c, task(), { horizon: window, paymentLagMonths: 0 });
    expect(paidByMonth(followed)["2028-01"]).toBe(12100);
    expect(followed.totalPaid).toBe(264100);
    const fixed = project(c, task(false), { horizon: window, paymentLagMonths: 0 });
    expect(paidByMonth(fixed)["2028-01"]).toBe(6700);
    expect(fixed.totalPaid).toBe(258700);
  });

  it("effort ceiling: indexed like the tariffs each January", () => {
    // Tariff €70/hour, indexation 10 % from 2027-01; P0 ceiling €1,000 a year, providerBears; lag 0.
    // One client, 240 min = 4 h a month, Jan 2026 – Dec 2027.
    // 2026: 4 × 7000 = 28000 a month: Jan–Mar 28000 each (84000), Apr the room left 16000, then nothing: 100000.
    // 2027: tariff 7700, 4 × 7700 = 30800 a month; ceiling followed 100000 × 1.10 = 110000:
    //   Jan–Mar 30800 each (92400), Apr the room 110000 − 92400 = 17600: 2027 pays 110000.
    // followIndexation false: the 2027 ceiling stays 100000: Apr the room 100000 − 92400 = 7600: 2027 pays 100000.
    const window = { start: "2026-01", months: 24 };
    const c = caseload([rec("a", { start: "2026-01", end: "2027-12", use: 240 })], window);
    const effort = (followIndexation?: boolean) =>
      effortModel({
        kind: "effort",
        tariffs: [{ careForm: "ambulant", tariff: "70.00" }],
        indexation: [{ from: "2027-01", value: "10" }],
        ceiling: { amounts: [{ provider: "P0", perYear: "1000.00" }], behaviour: "providerBears", ...(followIndexation === undefined ? {} : { followIndexation }) },
      });
    const followed = project(c, effort(), { horizon: window, paymentLagMonths: 0 });
    expect(paidByMonth(followed)).toEqual({
      "2026-01": 28000, "2026-02": 28000, "2026-03": 28000, "2026-04": 16000,
      "2027-01": 30800, "2027-02": 30800, "2027-03": 30800, "2027-04": 17600,
    });
    expect(followed.ceilingSignals.map((s) => [s.year, s.ceiling])).toEqual([[2026, 100000], [2027, 110000]]);
    const fixed = project(c, effort(false), { horizon: window, paymentLagMonths: 0 });
    expect(paidByMonth(fixed)["2027-04"]).toBe(7600);
    expect(fixed.totalPaid).toBe(200000);
  });
});

describe("reading 5: the corridor bounds are budget × (100 ± %) / 100, rounded half-up once", () => {
  // Budget 100010 cents (€1,000.10), corridor ±5 %, settlement 100 %.
  // Lower bound, this reading: 100010 × 95 / 100 = 95009.5 → half-up 95010.
  //   The other reading, budget − round(budget × 5 %): 100010 × 5 / 100 = 5000.5 → 5001; 100010 − 5001 = 95009.
  // Upper bound: 100010 × 105 / 100 = 105010.5 → 105011 (budget + 5001 = 105011: the readings agree above).
  const corridor = { lowerPercent: "5", upperPercent: "5", settlementPercent: "100" };

  it("production of 95009 cents is 1 cent below the lower bound: a recovery of 1 cent (the other reading: none)", () => {
    expect(corridorSettlement(100010, 95009, corridor)).toBe(-1);
    expect(corridorSettlement(100010, 95010, corridor)).toBe(0);
    expect(corridorSettlement(100010, 105011, corridor)).toBe(0);
    expect(corridorSettlement(100010, 105012, corridor)).toBe(1);
  });

  it("the same through a projection: unit 83 care of 95009 cents in 2026, settled in January 2027", () => {
    // Window and horizon Jan 2026 – Jan 2027, lag 0. Budget instalments per year: 100010 = 10 × 8334 + 2 × 8335
    // (largest remainder: 100010 / 12 = 8334 r 2, the two leftover cents to the first months, January and February);
    // so January 2027 pays 8335. Settlement of 2026, one month after December: 95009 − 95010 = −1, in January 2027:
    // 8335 − 1 = 8334.
    const window = { start: "2026-01", months: 13 };
    const c = caseload([rec("a", { careForm: "pleegzorg", unit: "83", start: "2026-01", use: 95009 })], window);
    const model = taskModel({
      kind: "task",
      budgets: [{ provider: "P0", perYear: { cents: 100010 } }],
      corridor: { referenceTariffs: [{ careForm: "pleegzorg", tariff: "1.00" }], lowerPercent: 5, upperPercent: 5, settleMonthsAfterYearEnd: 1 },
    });
    const p = project(c, model, { horizon: window, paymentLagMonths: 0 });
    expect(paidByMonth(p)["2027-01"]).toBe(8334);
    expect(p.totalPaid).toBe(100010 + 8335 - 1);
  });
});
