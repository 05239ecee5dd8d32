/**
 * Per-place (capacity) funding, BooO-style: hand-worked amounts.
 */
import { describe, expect, it } from "vitest";
import { perPlaceModel, project, totalsByKey } from "../../src/index.js";
import { caseload, inputIssues, paidByMonth, rec } from "../support/examples.js";

const W = { start: "2022-09", months: 3 }; // September, October, November 2022

describe("a norm per place per day, paid whatever the occupancy", () => {
  // Two trajectories at P0: a in care Sep–Oct, b in Oct only → occupied place-months: Sep 1, Oct 2, Nov 0 = 3.
  const c = caseload([rec("a", { start: "2022-09", end: "2022-10" }), rec("b", { start: "2022-10", end: "2022-10" })], W);

  it("€100 a day until 14 October, €83 from the 15th (BooO 2022); 10 places", () => {
    // Sep: 30 days × €100 × 10 = €30,000. Oct: 14 × €100 + 17 × €83 = €1,400 + €1,411 = €2,811 per place → €28,110.
    // Nov: 30 × €83 × 10 = €24,900. Paid a month later (lag 1): Oct, Nov, Dec — Dec is after the horizon.
    const model = perPlaceModel({
      kind: "perPlace",
      places: [{ provider: "P0", count: 10 }],
      norm: [
        { from: "2022-01", value: "100.00" },
        { from: "2022-10-15", value: "83.00" },
      ],
    });
    const p = project(c, model, { horizon: W });
    expect(paidByMonth(p)).toEqual({ "2022-10": 3000000, "2022-11": 2811000 });
    expect(p.dueAfterHorizon).toBe(2490000);
    expect(totalsByKey(p.byProvider).get("P0")).toBe(5811000);
    // Occupancy over the horizon: 3 occupied of 30 place-months = 10 %; paid in the horizon for its months:
    // 3000000 + 2811000 + 2490000 = 8301000 over 3 occupied place-months = 2767000 each.
    expect(p.measures).toEqual([
      { name: "place-months funded", unit: "count", value: 30 },
      { name: "place-months occupied", unit: "count", value: 3 },
      { name: "occupancy", unit: "percent", value: 10 },
      { name: "cost per occupied place-month", unit: "cents", value: 2767000 },
    ]);
    expect(p.messages.total).toBe(0); // per place: no assignments, no declarations
  });

  it("places that change by month, a norm per month, and lag 0", () => {
    // 4 places in Sep, 6 from Oct; €2,500 per place per month: Sep 10000.00, Oct and Nov 15000.00 each.
    const model = perPlaceModel({
      kind: "perPlace",
      places: [{ count: [{ from: "2022-09", value: 4 }, { from: "2022-10", value: 6 }] }],
      norm: "2500.00",
      per: "month",
    });
    const p = project(c, model, { horizon: W, paymentLagMonths: 0 });
    expect(paidByMonth(p)).toEqual({ "2022-09": 1000000, "2022-10": 1500000, "2022-11": 1500000 });
    expect(totalsByKey(p.byProvider).get("(all providers)")).toBe(4000000);
    // 3 occupied of 16 funded place-months = 18.75 %
    expect(p.measures.find((m) => m.name === "occupancy")!.value).toBe(18.75);
  });

  it("refuses two groups of places for the same provider and area, and norms out of order", () => {
    expect(inputIssues(() => perPlaceModel({ kind: "perPlace", places: [{ count: 1 }, { count: 2 }], norm: "1.00" }))[0]).toMatchObject({ path: ["places", 1] });
    const issues = inputIssues(() =>
      perPlaceModel({ kind: "perPlace", places: [{ count: 1 }], norm: [{ from: "2022-10-15", value: "83.00" }, { from: "2022-10", value: "100.00" }] }),
    );
    expect(issues[0]).toMatchObject({ path: ["norm", 1, "from"] });
  });
});

describe("dates and occupancy", () => {
  it("refuses a day that does not exist", () => {
    const issues = inputIssues(() => perPlaceModel({ kind: "perPlace", places: [{ count: 1 }], norm: [{ from: "2022-02-30", value: "83.00" }] }));
    expect(issues.some((i) => /2022-02 has 28 days/.test(i.message))).toBe(true);
  });
  it("counts only the care forms that occupy the places", () => {
    // At P0: a (ambulant) Sep–Oct and s (verblijf) Sep: with careForms ["verblijf"] only s occupies a place: 1 place-month.
    const mixed = caseload([rec("a", { start: "2022-09", end: "2022-10" }), rec("s", { start: "2022-09", careForm: "verblijf", unit: "14", use: 30 })], W);
    const model = perPlaceModel({ kind: "perPlace", places: [{ provider: "P0", careForms: ["verblijf"], count: 2 }], norm: "10.00", per: "month" });
    const p = project(mixed, model, { horizon: W });
    expect(p.measures.find((m) => m.name === "place-months occupied")!.value).toBe(1);
  });
});
