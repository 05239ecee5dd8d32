/**
 * The projection core: what counts inside the horizon, obligations at year ends, waiting, message
 * counts per execution variant, provider cost — hand-worked examples.
 */
import { describe, expect, it } from "vitest";
import {
  effortModel,
  ledgerLine,
  outputModel,
  project,
  safeProject,
  taskModel,
  totalsByKey,
  totalsByMonth,
  trajectoryModel,
  type CostPricesInput,
} from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const Y2026 = { start: "2026-01", months: 12 };
const AMBULANT_70 = effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] });

describe("obligations (verplichtingen) at year ends", () => {
  // 60 min = 1 h × €70 every month Jan 2026 – Dec 2027, window 2026–2027.
  const window = { start: "2026-01", months: 24 };
  const c = caseload([rec("a", { start: "2026-01", end: "2027-12", use: 60 })], window);

  it("care of December paid in January is open at the year end", () => {
    // Lag 1: at 2026-12 December's 7000 is open (paid Jan 2027); at 2027-12 December 2027's 7000 (paid after the horizon).
    const p = project(c, AMBULANT_70, { horizon: window });
    expect(p.obligations).toEqual([
      { date: "2026-12", cents: 7000 },
      { date: "2027-12", cents: 7000 },
    ]);
    expect(p.dueAfterHorizon).toBe(7000);
    // 24 months of care, the first paid in Feb 2026, the last after the horizon: 23 × 7000
    expect(p.totalPaid).toBe(161000);
    // Lag 2: November's and December's care are open at each year end.
    const p2 = project(c, AMBULANT_70, { horizon: window, paymentLagMonths: 2 });
    expect(p2.obligations.map((o) => o.cents)).toEqual([14000, 14000]);
    expect(p2.dueAfterHorizon).toBe(14000);
  });

  it("measures at each December inside the horizon and at its last month", () => {
    // Horizon Mar 2026 – May 2027: dates 2026-12 and 2027-05. At 2027-05: May's care, paid June → 7000.
    const p = project(c, AMBULANT_70, { horizon: { start: "2026-03", months: 15 } });
    expect(p.obligations).toEqual([
      { date: "2026-12", cents: 7000 },
      { date: "2027-05", cents: 7000 },
    ]);
    // Lines paid before the horizon are history: care Jan 2026 (paid Feb) is not in it. Paid Mar 2026 – May 2027: 15 × 7000.
    expect(p.totalPaid).toBe(105000);
    // Lag 0: nothing is ever open.
    expect(project(c, AMBULANT_70, { horizon: window, paymentLagMonths: 0 }).obligations.map((o) => o.cents)).toEqual([0, 0]);
  });
});

describe("waiting clients under an intake stop (cliëntenstop)", () => {
  it("every client due to start inside the window waits, also before the horizon; only waits inside the horizon are counted", () => {
    // P0 ceiling €500, intakeStop; window 2026–2027, horizon Apr 2026 – Dec 2027; lag 1; €70/hour.
    // A: 240 min = 28000 a month Jan–Jun 2026. Spent: Jan 28000, Feb 56000 ≥ 50000 (ceiling reached in Feb).
    // B: 60 min Mar–May 2026: due in March (before the horizon — the horizon does not matter), P0 at its ceiling →
    //    waits until Jan 2027 (10 months); care Jan–Mar 2027, paid Feb–Apr 2027 = 3 × 7000.
    // D: 60 min Jun–Jul 2026: due in June, P0 at its ceiling → waits until Jan 2027 (7 months); care Jan–Feb 2027,
    //    paid Feb–Mar 2027 = 2 × 7000. In January 2027 P0 has spent nothing of its new ceiling: both are admitted.
    // Paid in the horizon: A care Mar–Jun (paid Apr–Jul) 4 × 28000 = 112000; B 21000; D 14000 → 147000.
    const window = { start: "2026-01", months: 24 };
    const c = caseload(
      [rec("A", { start: "2026-01", end: "2026-06", use: 240 }), rec("B", { start: "2026-03", end: "2026-05" }), rec("D", { start: "2026-06", end: "2026-07" })],
      window,
    );
    const model = effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }], ceiling: { amounts: [{ provider: "P0", perYear: "500.00" }], behaviour: "intakeStop" } });
    const p = project(c, model, { horizon: { start: "2026-04", months: 21 }, costPrices: { prices: [{ careForm: "ambulant", price: "60.00" }] } });
    expect(Array.from(p.delays!)).toEqual([0, 10, 7]);
    // Cost (€60/h) follows the care, also when it was deferred: A Apr–Jun 3 × 4 h × 6000 = 72000;
    // B Jan–Mar 2027 3 × 6000; D Jan–Feb 2027 2 × 6000: Jan 12000, Feb 12000, Mar 6000. Total 72000 + 18000 + 12000 = 102000.
    const cost = Object.fromEntries([...totalsByMonth(p.cost!.byProvider)].filter(([, v]) => v !== 0));
    expect(cost).toEqual({ "2026-04": 24000, "2026-05": 24000, "2026-06": 24000, "2027-01": 12000, "2027-02": 12000, "2027-03": 6000 });
    expect(p.cost!.total).toBe(102000);
    expect(p.totalPaid).toBe(147000);
    // B waits Mar–Dec 2026, counted from the horizon's April: 9 months; D waits Jun–Dec 2026: 7 months. 16 in all.
    expect(p.waiting.clients).toBe(2);
    expect(p.waiting.clientMonths).toBe(16);
    expect(Array.from(p.waiting.byMonth.slice(0, 10))).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 0]);
    // Starts inside the horizon: B and D (now in January 2027); A started before it.
    expect(p.messages.assignments).toBe(2);
    // signals for the horizon's years; 2026 declared: A 6 × 28000 = 168000. 2027: Jan 7000 + 7000 = 14000, Feb 28000,
    // Mar 35000 ≥ 70 % × 50000 = 35000: consultation in March 2027, the ceiling not reached.
    expect(p.ceilingSignals.map((s) => [s.year, s.consultationMonth, s.reachedMonth, s.declared])).toEqual([
      [2026, "2026-02", "2026-02", 168000],
      [2027, "2027-03", null, 35000],
    ]);
  });
});

describe("messages per execution variant", () => {
  // a: P0, Jan–Feb 2026, 60 min a month; b: P1, Feb 2026, 60 min. Lag 1.
  const c = caseload([rec("a", { start: "2026-01", end: "2026-02" }), rec("b", { provider: "P1", start: "2026-02" })], Y2026);

  it("inspanningsgericht: assignment, start and stop per client, a JW323 + JW325 per provider per month with lines", () => {
    // Lines: a Jan → Feb, a Feb → Mar, b Feb → Mar = 3. Batches: P0 Feb, P0 Mar, P1 Mar = 3 → 6 declaration messages.
    // Assignments 2; start/stop 2 starts + 2 stops = 4. Total 2 + 4 + 6 = 12.
    const p = project(c, AMBULANT_70, { horizon: Y2026 });
    expect(p.model.variant).toBe("inspanningsgericht");
    expect(p.messages).toEqual({ paymentLines: 3, assignments: 2, startStop: 4, declarationMessages: 6, total: 12 });
  });

  it("outputgericht: the same messages, per arrangement", () => {
    // Price €1,000, validity 2, all in instalments (50000 a month). a: instalments Jan, Feb (paid Feb, Mar).
    // b: instalment Feb (paid Mar) and its unpaid March instalment settled at closure (Mar): 2 lines.
    // Lines 4; batches P0 Feb, P0 Mar, P1 Mar → 6; total 2 + 4 + 6 = 12.
    const p = project(c, outputModel({ kind: "output", prices: [{ price: "1000.00" }], validityMonths: 2 }), { horizon: Y2026 });
    expect(p.model.variant).toBe("outputgericht");
    expect(p.messages).toEqual({ paymentLines: 4, assignments: 2, startStop: 4, declarationMessages: 6, total: 12 });
    expect(p.totalPaid).toBe(200000);
  });

  it("taakgericht: no iJw messages at all", () => {
    const p = project(c, taskModel({ kind: "task", budgets: [{ perYear: "1200.00" }] }), { horizon: Y2026 });
    expect(p.model.variant).toBe("taakgericht");
    expect(p.messages).toEqual({ paymentLines: 12, assignments: 0, startStop: 0, declarationMessages: 0, total: 0 });
  });
});

describe("provider cost", () => {
  // a: P0 ambulant (04) Jan 90 min, Feb 29 min; b: P1 verblijf (14) Jan 10 etmalen; f: P0 pleegzorg (83) Jan 50000 cents.
  // Tariffs: ambulant €70/h, verblijf €150/etmaal. Cost prices: ambulant €60/h, verblijf €120/etmaal (pleegzorg, unit 83,
  // costs its own volume and needs no price).
  const c = caseload(
    [
      rec("a", { start: "2026-01", end: "2026-02", use: [90, 29] }),
      rec("b", { provider: "P1", careForm: "verblijf", unit: "14", start: "2026-01", use: 10 }),
      rec("f", { careForm: "pleegzorg", unit: "83", start: "2026-01", use: 50000 }),
    ],
    Y2026,
  );
  const model = effortModel({
    kind: "effort",
    tariffs: [
      { careForm: "ambulant", tariff: "70.00" },
      { careForm: "verblijf", tariff: "150.00" },
    ],
  });
  const costPrices: CostPricesInput = {
    prices: [
      { careForm: "ambulant", price: "60.00" },
      { careForm: "verblijf", price: "120.00" },
    ],
  };

  it("costs real minutes (no 30-minute rule), half-up per trajectory-month, in the care month", () => {
    // Paid: a 2 h + 1 h = 3 × 7000 = 21000; b 10 × 15000 = 150000; f 50000 → 221000.
    // Cost: a Jan 6000 × 90 / 60 = 9000, Feb 6000 × 29 / 60 = 2900; b 10 × 12000 = 120000; f 50000 → 181900.
    const p = project(c, model, { horizon: Y2026, costPrices });
    expect(p.totalPaid).toBe(221000);
    expect(p.cost!.total).toBe(181900);
    expect(totalsByKey(p.cost!.byProvider)).toEqual(new Map([["P0", 9000 + 2900 + 50000], ["P1", 120000]]));
    // in the care month: January 9000 + 50000 + 120000, February 2900
    expect([...totalsByMonth(p.cost!.byProvider)].filter(([, v]) => v !== 0)).toEqual([
      ["2026-01", 179000],
      ["2026-02", 2900],
    ]);
    // without cost prices there is no cost
    expect(project(c, model, { horizon: Y2026 }).cost).toBeNull();
  });

  it("rounds a minute's cost half-up", () => {
    // wijkteam unit 01, 1 minute at €60.01/h: 6001 / 60 = 100.016… → 100; 3 minutes at €60.10/h: 18030 / 60 = 300.5 → 301.
    const cw = caseload([rec("w", { careForm: "wijkteam", unit: "01", start: "2026-01", end: "2026-02", use: [1, 3] })], Y2026);
    const tariffs = effortModel({ kind: "effort", tariffs: [{ careForm: "wijkteam", tariff: "60.00" }] });
    const first = project(cw, tariffs, { horizon: Y2026, costPrices: { prices: [{ careForm: "wijkteam", price: "60.01" }] } });
    expect([...totalsByMonth(first.cost!.byProvider)].slice(0, 2)).toEqual([
      ["2026-01", 100],
      ["2026-02", 300], // 3 × 6001 / 60 = 300.05 → 300
    ]);
    const second = project(cw, tariffs, { horizon: Y2026, costPrices: { prices: [{ careForm: "wijkteam", price: "60.10" }] } });
    expect(totalsByMonth(second.cost!.byProvider).get("2026-02")).toBe(301);
  });

  it("a care form without a cost price is an error listing it", () => {
    const issues = inputIssues(() => project(c, model, { horizon: Y2026, costPrices: { prices: [{ careForm: "ambulant", price: "60.00" }] } }));
    expect(issues).toEqual([{ code: "missing_price", path: ["costPrices", "prices"], message: expect.stringContaining("P1 / verblijf") }]);
  });

  it("an unknown provider in the cost prices names the field's path", () => {
    const prices = { prices: [...costPrices.prices, { careForm: "ambulant" as const, provider: "PX", price: "1.00" }] };
    expect(inputIssues(() => project(c, model, { horizon: Y2026, costPrices: prices }))[0]!.path).toEqual(["costPrices", "prices", 2, "provider"]);
  });
});

describe("lines, records and clients", () => {
  it("keeps every line only when asked; ledgerLine gives the record view", () => {
    const c = caseload([rec("a", { start: "2026-01", use: 90 })], Y2026);
    expect(project(c, AMBULANT_70, { horizon: Y2026 }).ledger).toBeNull();
    const p = project(c, AMBULANT_70, { horizon: Y2026, lines: true });
    expect(ledgerLine(p.ledger!, c, 0)).toEqual({
      month: "2026-02",
      incurred: "2026-01",
      municipality: "G0",
      provider: "P0",
      trajectory: "a",
      kind: "declaration",
      cents: 14000, // 90 min → 2 h × 7000
    });
    const lump = project(c, taskModel({ kind: "task", budgets: [{ perYear: "12.00" }] }), { horizon: Y2026, lines: true });
    expect(ledgerLine(lump.ledger!, c, 0)).toEqual({
      month: "2026-01",
      incurred: "2026-01",
      municipality: "(whole region)",
      provider: "(all providers)",
      trajectory: null,
      kind: "instalment",
      cents: 100,
    });
  });

  it("counts distinct clients in care, closures and results inside the horizon", () => {
    // c1 has two trajectories (re-entry) → 1 client; c2 one; c3 ends before the horizon (Feb) → not in care in it.
    // Horizon Mar–Dec 2026: closed inside it: c1's first (Apr), c1's second (Sep, not achieved); c2 open.
    const c = caseload(
      [
        rec("a", { client: "c1", start: "2026-01", end: "2026-04" }),
        rec("b", { client: "c1", start: "2026-07", end: "2026-09", outcome: "notAchieved" }),
        rec("d", { client: "c2", start: "2026-05", end: null }),
        rec("e", { client: "c3", start: "2026-01", end: "2026-02" }),
      ],
      Y2026,
    );
    const p = project(c, AMBULANT_70, { horizon: { start: "2026-03", months: 10 } });
    expect([p.clients, p.closed, p.achieved]).toEqual([2, 2, 1]);
  });

  it("a trajectory's advance paid before the horizon is history; its settlement inside it counts", () => {
    // Started Nov 2025 (before the window), amount €1,000: the advance 50000 was paid Dec 2025; closes Mar 2026 → 50000 in Apr.
    const c = caseload([rec("a", { start: "2025-11", end: "2026-03", use: 60 })], Y2026);
    const p = project(c, trajectoryModel({ kind: "trajectory", amounts: [{ amount: "1000.00" }] }), { horizon: Y2026 });
    expect(paidByMonth(p)).toEqual({ "2026-04": 50000 });
  });
});

describe("bad input", () => {
  const c = caseload([rec("a", { start: "2026-01" })], Y2026);

  it("caseload records: every bad field with its record index and the reason", () => {
    const issues = inputIssues(() =>
      caseload(
        [
          rec("ok", { start: "2026-01" }),
          rec("late", { start: "2026-05", end: "2026-03", use: [60, 60, 60] }),
          { ...rec("odd", { start: "2026-01" }), unit: "05" as never },
          rec("short", { start: "2026-01", end: "2026-03", use: [60, 60] }),
        ],
        Y2026,
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: [1, "end"], message: 'trajectory "late": end 2026-03 is before start 2026-05' }),
      expect.objectContaining({ path: [2, "unit"], message: expect.stringContaining('unknown iJw unit code "05"') }),
      expect.objectContaining({ path: [3, "use"], message: expect.stringContaining("has 2 months of use, expected 3") }),
    ]);
  });

  it("a horizon outside the caseload window", () => {
    const issues = inputIssues(() => project(c, AMBULANT_70, { horizon: { start: "2025-12", months: 12 } }));
    expect(issues).toEqual([{ code: "outside_window", path: ["horizon"], message: expect.stringContaining("must lie inside the caseload's window 2026-01–2026-12") }]);
    const r = safeProject(c, AMBULANT_70, { horizon: { start: "2026-01", months: 13 } });
    expect(r).toEqual({ success: false, issues: [expect.objectContaining({ path: ["horizon"], message: expect.stringContaining("2026-01–2027-01") })] });
  });

  it("names every bad field at once", () => {
    const r = safeProject(c, AMBULANT_70, { horizon: { start: "2026-1", months: 0 }, paymentLagMonths: 13 });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues.map((i) => i.path)).toEqual([["horizon", "start"], ["horizon", "months"], ["paymentLagMonths"]]);
      expect(r.issues[0]!.message).toContain("YYYY-MM");
    }
  });

  it("safeProject returns the projection on success", () => {
    const r = safeProject(c, AMBULANT_70, { horizon: Y2026 });
    expect(r.success && r.output.totalPaid).toBe(7000);
  });
});

describe("warnings about the inputs", () => {
  // One trajectory in care since 2025-11; the window opens in 2026-01, so December's care is unknown.
  const running = caseload([rec("a", { start: "2025-11", end: "2026-03" })], { start: "2026-01", months: 6 });
  const effort = effortModel({ kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] });

  it("says when payments for care before the window would fall inside the horizon", () => {
    const p = project(running, effort, { horizon: { start: "2026-01", months: 6 } });
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/1 trajectories were already in care before the caseload window \(2026-01\)/);
    expect(p.warnings[0]).toMatch(/payments in 2026-01 for care before the window are missing/);
    expect(p.notices[0]!.nl).toBe(
      "1 trajecten waren al in zorg vóór het venster van het cliëntenbestand (2026-01); met betaling 1 maand(en) na de zorg ontbreken de betalingen in 2026-01 " +
        "voor zorg vóór het venster. Laat het venster 1 maand(en) vóór de horizon beginnen (een aanloop).",
    );
  });

  it("is quiet when the horizon starts a lag after the window, or nothing ran before it", () => {
    expect(project(running, effort, { horizon: { start: "2026-02", months: 5 } }).warnings).toEqual([]);
    const fresh = caseload([rec("b", { start: "2026-01", end: "2026-03" })], { start: "2026-01", months: 6 });
    expect(project(fresh, effort, { horizon: { start: "2026-01", months: 6 } }).warnings).toEqual([]);
  });
});
