import { describe, expect, it } from "vitest";
import { toRecords, type Caseload, type TrajectoryRecord } from "../../src/caseload/caseload.js";
import { OPEN_END } from "../../src/caseload/codes.js";
import { DEFAULT_REGION, defaultRegionSpec } from "../../src/caseload/defaultRegion.js";
import { generateCaseload } from "../../src/caseload/generate.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../../src/caseload/spec.js";
import { horizonEnd, parseMonth } from "../../src/period.js";
import { inputIssues } from "../support/examples.js";
import { caseloadFromRecords } from "../../src/caseload/records.js";
import { checkCaseload } from "./checkCaseload.js";

type ProfileInput = CaseloadSpecInput["profiles"][number];

function profile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: "ambulant",
    careForm: "ambulant",
    unit: "04",
    arrivalsPerMonth: 20,
    initialStock: 100,
    intensities: [
      { name: "licht", weight: 2, durationMonths: { mean: 6, cv: 0.5 }, monthlyUse: { mean: 180, cv: 0.3 } },
      { name: "zwaar", weight: 1, durationMonths: { mean: 14, cv: 0.5 }, monthlyUse: { mean: 480, cv: 0.3 } },
    ],
    outcome: { achieved: 0.7, notAchieved: 0.2, droppedOut: 0.1 },
    reentry: { probability: 0.2, withinMonths: 6 },
    ...overrides,
  };
}

function spec(overrides: Partial<CaseloadSpecInput> = {}): CaseloadSpecInput {
  return {
    window: { start: "2026-01", months: 24 },
    municipalities: [
      { name: "Noord", weight: 3 },
      { name: "Zuid", weight: 1 },
    ],
    providers: [
      { name: "A", careForms: ["ambulant", "daghulp"], weight: 1 },
      { name: "B", careForms: ["ambulant"], weight: 1 },
      { name: "C", careForms: ["verblijf"], weight: 1 },
    ],
    profiles: [
      profile(),
      profile({
        name: "verblijf",
        careForm: "verblijf",
        unit: "14",
        arrivalsPerMonth: 3,
        initialStock: 30,
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: 18, cv: 0.6 }, monthlyUse: { mean: 30.4, cv: 0.05 } }],
      }),
    ],
    ...overrides,
  };
}

const COLUMNS = [
  "ids", "client", "municipality", "provider", "profile", "intensity", "careForm", "unit",
  "start", "end", "outcome", "ageGroup", "targetGroup", "previous", "useOffset", "use",
] as const;

function recordsOf(c: Caseload, profileName: string): TrajectoryRecord[] {
  return toRecords(c).filter((r) => r.profile === profileName);
}

describe("generateCaseload: determinism", () => {
  it("gives bit-identical caseloads for the same spec and seed", () => {
    const a = generateCaseload(spec(), 42);
    const b = generateCaseload(spec(), 42);
    expect(a.size).toBeGreaterThan(0);
    for (const col of COLUMNS) expect(b[col], col).toEqual(a[col]);
    expect(b.window).toEqual(a.window);
    expect(b.intensities).toEqual(a.intensities);
  });

  it("gives different caseloads for different seeds", () => {
    const a = generateCaseload(spec(), 1);
    const b = generateCaseload(spec(), 2);
    expect(Array.from(b.start)).not.toEqual(Array.from(a.start));
    expect(Array.from(b.use)).not.toEqual(Array.from(a.use));
  });

  it("accepts negative and large safe-integer seeds", () => {
    const a = generateCaseload(spec(), -7);
    const b = generateCaseload(spec(), Number.MAX_SAFE_INTEGER);
    checkCaseload(spec(), a);
    checkCaseload(spec(), b);
    expect(Array.from(b.start)).not.toEqual(Array.from(a.start));
  });
});

describe("generateCaseload: structure", () => {
  it("keeps every structural invariant (small spec with re-entries)", () => {
    const s = spec();
    const c = generateCaseload(s, 7);
    checkCaseload(s, c);
    expect(Array.from(c.previous).some((p) => p >= 0)).toBe(true);
    expect(Array.from(c.end).some((e) => e === OPEN_END)).toBe(true);
    expect(Array.from(c.end).some((e) => e !== OPEN_END)).toBe(true);
  });

  it("keeps every structural invariant (default region)", () => {
    const c = generateCaseload(DEFAULT_REGION, 11);
    checkCaseload(DEFAULT_REGION, c);
  });

  it("indexes names in spec order and intensities in order of first appearance", () => {
    const s = spec({
      profiles: [
        profile({ name: "p1", intensities: [{ name: "b", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 60, cv: 0 } }] }),
        profile({
          name: "p2",
          intensities: [
            { name: "a", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 60, cv: 0 } },
            { name: "b", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 60, cv: 0 } },
          ],
        }),
      ],
    });
    const c = generateCaseload(s, 3);
    expect(c.intensities).toEqual(["b", "a"]);
    expect(c.profiles).toEqual(["p1", "p2"]);
    expect(c.providers).toEqual(["A", "B", "C"]);
    expect(c.municipalities).toEqual(["Noord", "Zuid"]);
    for (const id of c.ids) expect(id).toMatch(/^p[12]-[1-9][0-9]*$/);
    checkCaseload(s, c);
  });

  it("gives an empty caseload when nothing arrives and nothing runs", () => {
    const c = generateCaseload(spec({ profiles: [profile({ arrivalsPerMonth: 0, initialStock: 0 })] }), 1);
    expect(c.size).toBe(0);
    expect(c.use.length).toBe(0);
  });

  it("places running trajectories before the window, still in care at its start", () => {
    // Fixed duration 10: elapsed months are 1…9, so starts lie in W−9…W−1 and ends in W…W+8.
    const s = spec({
      window: { start: "2026-01", months: 24 },
      profiles: [
        profile({
          arrivalsPerMonth: 0,
          initialStock: 900,
          intensities: [{ name: "vast", weight: 1, durationMonths: { mean: 10, cv: 0 }, monthlyUse: { mean: 100, cv: 0 } }],
          reentry: { probability: 0, withinMonths: 12 },
        }),
      ],
    });
    const c = generateCaseload(s, 5);
    const W = parseMonth("2026-01");
    expect(c.size).toBe(900);
    const starts = new Map<number, number>();
    for (let t = 0; t < c.size; t++) {
      expect(c.end[t]! - c.start[t]! + 1).toBe(10);
      expect(c.start[t]).toBeGreaterThanOrEqual(W - 9);
      expect(c.start[t]).toBeLessThanOrEqual(W - 1);
      starts.set(c.start[t]!, (starts.get(c.start[t]!) ?? 0) + 1);
    }
    expect(starts.size).toBe(9); // uniform over 9 start months: 100 expected each
    for (const n of starts.values()) expect(n).toBeGreaterThan(60);
    expect(Array.from(c.use)).toEqual(new Array<number>(c.use.length).fill(100));
  });

  it("caps etmalen at the days of the month", () => {
    const s = spec({
      window: { start: "2028-01", months: 12 },
      profiles: [
        profile({
          careForm: "verblijf",
          unit: "14",
          intensities: [{ name: "vol", weight: 1, durationMonths: { mean: 24, cv: 0 }, monthlyUse: { mean: 40, cv: 0 } }],
        }),
      ],
    });
    const c = generateCaseload(s, 9);
    // A trajectory running all year (2028 is a leap year).
    const t = Array.from(c.start).findIndex((x, i) => x < parseMonth("2028-01") && c.end[i] === OPEN_END);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(Array.from(c.use.subarray(c.useOffset[t]!, c.useOffset[t + 1]!))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe("generateCaseload: validation", () => {
  it("reports outcome probabilities that do not sum to 1 at the outcome", () => {
    const s = spec({ profiles: [profile({ outcome: { achieved: 0.7, notAchieved: 0.2, droppedOut: 0.2 } })] });
    const issues = inputIssues(() => generateCaseload(s, 1));
    expect(issues.map((i) => i.path)).toEqual([["profiles", 0, "outcome"]]);
    expect(issues[0]!.message).toMatch(/sum to 1/);
  });

  it("accepts outcome probabilities that sum to 1 within rounding", () => {
    const s = spec({ profiles: [profile({ outcome: { achieved: 0.1, notAchieved: 0.2, droppedOut: 0.7 } })] });
    expect(() => generateCaseload(s, 1)).not.toThrow();
  });

  it("refuses more than 255 age groups over the profiles (8-bit indexes), rather than wrapping them", () => {
    const ageGroups = Array.from({ length: 256 }, (_, g) => ({ name: `g${g}`, weight: 1 }));
    const issues = inputIssues(() => generateCaseload(spec({ profiles: [profile({ ageGroups })] }), 1));
    expect(issues).toMatchObject([{ path: ["profiles"], message: "at most 255 distinct age group names over all profiles; found 256" }]);
  });

  it("draws no more minutes than a month holds, so its records import again", () => {
    // 50,000 minutes a month asked; a 31-day month holds 31 × 24 × 60 = 44,640, a 30-day month 43,200.
    const heavy = profile({ intensities: [{ name: "vol", weight: 1, durationMonths: { mean: 12, cv: 0 }, monthlyUse: { mean: 50_000, cv: 0 } }] });
    const c = generateCaseload(spec({ profiles: [heavy] }), 3);
    const january = toRecords(c).find((r) => r.start <= "2026-01")!;
    expect(january.use[0]).toBe(44_640);
    expect(caseloadFromRecords(toRecords(c), { window: spec().window! }).size).toBe(c.size);
  });

  it("reports an unknown unit code, naming it", () => {
    const s = spec({ profiles: [profile({ unit: "05" as "04" })] });
    const issues = inputIssues(() => generateCaseload(s, 1));
    expect(issues.map((i) => i.path)).toEqual([["profiles", 0, "unit"]]);
    expect(issues[0]!.message).toContain('"05"');
  });

  it("reports a care form no provider offers, naming it", () => {
    const s = spec({ profiles: [profile(), profile({ name: "pleeg", careForm: "pleegzorg", unit: "14" })] });
    const issues = inputIssues(() => generateCaseload(s, 1));
    expect(issues.map((i) => i.path)).toEqual([["profiles", 1, "careForm"]]);
    expect(issues[0]!.message).toContain("pleegzorg");
  });

  it("reports duplicate names at the duplicate", () => {
    const base = spec();
    const s = spec({
      municipalities: [...base.municipalities, { name: "Noord", weight: 1 }],
      providers: [...base.providers, { name: " A ", careForms: ["ambulant"], weight: 1 }],
      profiles: [
        profile({
          intensities: [
            { name: "x", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 1, cv: 0 } },
            { name: "x", weight: 1, durationMonths: { mean: 3, cv: 0 }, monthlyUse: { mean: 1, cv: 0 } },
          ],
        }),
        profile(),
      ],
    });
    const paths = inputIssues(() => generateCaseload(s, 1)).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["municipalities", 2, "name"],
        ["providers", 3, "name"],
        ["profiles", 1, "name"],
        ["profiles", 0, "intensities", 1, "name"],
      ]),
    );
    expect(paths).toHaveLength(4);
  });

  it("reports field errors with their paths", () => {
    const s = spec({
      window: { start: "2026-13", months: 0 },
      municipalities: [{ name: "", weight: 0 }],
      profiles: [
        profile({
          seasonality: [1, 1, 1],
          initialStock: 1.5,
          arrivalsPerMonth: -1,
          reentry: { probability: 2, withinMonths: 0 },
          intensities: [{ name: "x", weight: 1, durationMonths: { mean: 0, cv: -1 }, monthlyUse: { mean: -1, cv: 0 } }],
        }),
      ],
    });
    const paths = inputIssues(() => generateCaseload(s, 1)).map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "window.start",
        "window.months",
        "municipalities.0.name",
        "municipalities.0.weight",
        "profiles.0.seasonality",
        "profiles.0.initialStock",
        "profiles.0.arrivalsPerMonth",
        "profiles.0.reentry.probability",
        "profiles.0.reentry.withinMonths",
        "profiles.0.intensities.0.durationMonths.mean",
        "profiles.0.intensities.0.durationMonths.cv",
        "profiles.0.intensities.0.monthlyUse.mean",
      ]),
    );
  });

  it("names the input in the error message", () => {
    expect(() => generateCaseload(spec({ profiles: [] }), 1)).toThrow(/invalid caseload spec:\n {2}- profiles: needs at least one client profile/);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1" as unknown as number])("rejects seed %s at path seed", (seed) => {
    const issues = inputIssues(() => generateCaseload(spec(), seed));
    expect(issues.map((i) => i.path)).toEqual([["seed"]]);
  });

  it("fills in defaults", () => {
    const p = profile();
    delete (p as { reentry?: unknown }).reentry;
    const parsed = CaseloadSpecSchema.parse(spec({ profiles: [p] }));
    expect(parsed.profiles[0]!.trendPercentPerYear).toBe(0);
    expect(parsed.profiles[0]!.seasonality).toEqual(new Array<number>(12).fill(1));
    expect(parsed.profiles[0]!.reentry).toEqual({ probability: 0, withinMonths: 12 });
  });
});

describe("generateCaseload: common random numbers", () => {
  it("leaves a profile's trajectories unchanged when another profile is added or changed", () => {
    const base = spec();
    const a = generateCaseload(base, 99);
    const added = generateCaseload({ ...base, profiles: [...base.profiles, profile({ name: "extra", arrivalsPerMonth: 50 })] }, 99);
    const changed = generateCaseload({ ...base, profiles: [base.profiles[0]!, { ...base.profiles[1]!, arrivalsPerMonth: 9, initialStock: 3 }] }, 99);
    expect(recordsOf(added, "ambulant")).toEqual(recordsOf(a, "ambulant"));
    expect(recordsOf(added, "verblijf")).toEqual(recordsOf(a, "verblijf"));
    expect(recordsOf(changed, "ambulant")).toEqual(recordsOf(a, "ambulant"));
  });

  it("keeps the shorter window's trajectories when the window is extended", () => {
    const short = spec({ window: { start: "2026-01", months: 12 } });
    const long = spec({ window: { start: "2026-01", months: 30 } });
    const a = generateCaseload(short, 123);
    const b = generateCaseload(long, 123);
    const longById = new Map(toRecords(b).map((r) => [r.id, r]));
    // Client numbers count over profiles in spec order, so a longer window renumbers the clients
    // of later profiles; the same trajectories must still share a client.
    const clientMap = new Map<string, string>();
    for (const r of toRecords(a)) {
      const l = longById.get(r.id);
      expect(l, r.id).toBeDefined();
      if (!clientMap.has(r.client)) clientMap.set(r.client, l!.client);
      expect(l!.client).toBe(clientMap.get(r.client));
      expect({ ...l!, client: null, end: null, outcome: null, use: l!.use.slice(0, r.use.length) }).toEqual({
        ...r,
        client: null,
        end: null,
        outcome: null,
      });
      if (r.end !== null) {
        expect(l!.end).toBe(r.end);
        expect(l!.outcome).toBe(r.outcome);
      } else {
        expect(l!.end === null || l!.end > "2026-12").toBe(true);
      }
    }
  });
});

describe("generateCaseload: distributions", () => {
  const W = parseMonth("2026-01");

  it("draws durations with the specified mean (rounded up to whole months)", () => {
    const s = spec({
      window: { start: "2026-01", months: 120 },
      profiles: [
        profile({
          arrivalsPerMonth: 40,
          initialStock: 0,
          intensities: [{ name: "x", weight: 1, durationMonths: { mean: 6, cv: 0.5 }, monthlyUse: { mean: 100, cv: 0.3 } }],
          reentry: { probability: 0, withinMonths: 12 },
        }),
      ],
    });
    const c = generateCaseload(s, 17);
    let n = 0;
    let sum = 0;
    for (let t = 0; t < c.size; t++) {
      if (c.start[t]! >= W + 60) continue; // all of these closed long before the window ends
      expect(c.end[t]).not.toBe(OPEN_END);
      n++;
      sum += c.end[t]! - c.start[t]! + 1;
    }
    // E[ceil(X)] ≈ E[X] + 0.5 for a spread-out X.
    expect(sum / n).toBeGreaterThan(6.3);
    expect(sum / n).toBeLessThan(6.7);
    // Monthly use: the log-normal keeps the mean.
    const use = Array.from(c.use);
    expect(use.reduce((a, b) => a + b, 0) / use.length).toBeCloseTo(100, -0.5);
  });

  it("length-biases the durations of trajectories running at the window start", () => {
    const s = spec({
      window: { start: "2026-01", months: 200 },
      profiles: [
        profile({
          arrivalsPerMonth: 0,
          initialStock: 3000,
          intensities: [{ name: "x", weight: 1, durationMonths: { mean: 10, cv: 0.8 }, monthlyUse: { mean: 1, cv: 0 } }],
        }),
      ],
    });
    const c = generateCaseload(s, 4);
    let n = 0;
    let sum = 0;
    for (let t = 0; t < c.size; t++) {
      if (c.start[t]! >= W) continue;
      n++;
      sum += c.end[t]! - c.start[t]! + 1;
    }
    expect(n).toBe(3000);
    // Weighted by (d − 1): E[D(D−1)] / E[D−1] with D ≈ ceil(logN(10, 0.8)) ≈ mean (1 + cv²) + … ≈ 16.5,
    // a little less because of the cap at ceil(10 × (1 + 6 × 0.8)) = 58.
    expect(sum / n).toBeGreaterThan(14.5);
    expect(sum / n).toBeLessThan(18);
  });

  it("draws outcomes, municipalities and re-entries with the specified probabilities", () => {
    const s = spec({
      window: { start: "2026-01", months: 60 },
      profiles: [
        profile({
          arrivalsPerMonth: 100,
          initialStock: 0,
          intensities: [{ name: "x", weight: 1, durationMonths: { mean: 3, cv: 0.3 }, monthlyUse: { mean: 1, cv: 0 } }],
          outcome: { achieved: 0.5, notAchieved: 0.3, droppedOut: 0.2 },
          reentry: { probability: 0.4, withinMonths: 3 },
        }),
      ],
    });
    const c = generateCaseload(s, 8);
    const E = horizonEnd(c.window);
    const outcomes = [0, 0, 0, 0];
    let closed = 0;
    let noord = 0;
    const hasNext = new Set<number>();
    for (let t = 0; t < c.size; t++) if (c.previous[t]! >= 0) hasNext.add(c.previous[t]!);
    let eligible = 0;
    let reentered = 0;
    for (let t = 0; t < c.size; t++) {
      if (c.municipality[t] === 0) noord++;
      if (c.end[t] === OPEN_END) continue;
      closed++;
      outcomes[c.outcome[t]!]!++;
      if (c.end[t]! <= E - 3) {
        eligible++;
        if (hasNext.has(t)) reentered++;
      }
    }
    expect(outcomes[1]! / closed).toBeCloseTo(0.5, 1);
    expect(outcomes[2]! / closed).toBeCloseTo(0.3, 1);
    expect(outcomes[3]! / closed).toBeCloseTo(0.2, 1);
    expect(noord / c.size).toBeCloseTo(0.75, 1);
    expect(Math.abs(reentered / eligible - 0.4)).toBeLessThan(0.02);
  });

  it("grows arrivals with the trend and shapes them by season", () => {
    const s = spec({
      window: { start: "2026-01", months: 36 },
      profiles: [
        profile({
          arrivalsPerMonth: 200,
          initialStock: 0,
          trendPercentPerYear: 100,
          seasonality: [3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
          reentry: { probability: 0, withinMonths: 12 },
        }),
      ],
    });
    const c = generateCaseload(s, 21);
    const perMonth = new Array<number>(36).fill(0);
    for (let t = 0; t < c.size; t++) perMonth[c.start[t]! - W]!++;
    const expected = (k: number): number => 200 * 2 ** (k / 12) * (k % 12 === 0 ? 36 / 14 : 12 / 14);
    const year = (y: number, f: (k: number) => number): number => {
      let sum = 0;
      for (let k = 12 * y; k < 12 * y + 12; k++) sum += f(k);
      return sum;
    };
    for (const y of [0, 1, 2]) {
      const got = year(y, (k) => perMonth[k]!);
      expect(Math.abs(got / year(y, expected) - 1)).toBeLessThan(0.04);
    }
    const januaries = perMonth[0]! + perMonth[12]! + perMonth[24]!;
    expect(Math.abs(januaries / (expected(0) + expected(12) + expected(24)) - 1)).toBeLessThan(0.06);
  });
});

describe("default region", () => {
  const c = generateCaseload(DEFAULT_REGION, 2026);
  const s = CaseloadSpecSchema.parse(DEFAULT_REGION);
  const W = c.window.start;
  const sum = (f: (p: (typeof s.profiles)[number]) => number): number => s.profiles.reduce((a, p) => a + f(p), 0);

  it("has the default window and a valid, frozen spec", () => {
    expect(s.window).toEqual({ start: "2026-01", months: 36 });
    expect(Object.isFrozen(DEFAULT_REGION.profiles[0])).toBe(true);
    expect(defaultRegionSpec({ window: { start: "2025-07", months: 12 } }).window).toEqual({ start: "2025-07", months: 12 });
    expect(s.providers.length).toBeGreaterThanOrEqual(6);
    expect(s.municipalities).toHaveLength(4);
  });

  it("starts about 2.1% of the national 288,000 trajectories a year", () => {
    const national = 288_000 * (10_000 / 474_000); // a region of ~10,000 youths in care
    const arrivals = 12 * sum((p) => p.arrivalsPerMonth); // new clients only, flat trend and season
    const maxReentry = Math.max(...s.profiles.map((p) => p.reentry.probability));
    let starts = 0;
    for (let t = 0; t < c.size; t++) if (c.start[t]! >= W && c.start[t]! < W + 12) starts++;
    expect(Math.abs(starts / national - 1)).toBeLessThan(0.1);
    expect(starts).toBeGreaterThan(arrivals * 0.97);
    expect(starts).toBeLessThan((arrivals / (1 - maxReentry)) * 1.03);
  });

  it("runs the initial stock at the window start", () => {
    const stock = sum((p) => p.initialStock);
    let before = 0;
    let inCare = 0;
    for (let t = 0; t < c.size; t++) {
      if (c.start[t]! < W) before++;
      if (c.start[t]! <= W && c.end[t]! >= W) inCare++;
    }
    expect(before).toBe(stock);
    const expectedInCare = stock + sum((p) => p.arrivalsPerMonth);
    expect(Math.abs(inCare / expectedInCare - 1)).toBeLessThan(0.02);
    // Steady state: ≈ 6,000–7,000 running, about 1.1 years of ~6,050 starts.
    expect(stock).toBeGreaterThan(5500);
    expect(stock).toBeLessThan(7500);
  });

  it("has about 10,000 young people in care in a year", () => {
    const youths = new Set<number>();
    for (let t = 0; t < c.size; t++) if (c.start[t]! < W + 12 && c.end[t]! >= W) youths.add(c.client[t]!);
    expect(youths.size).toBeGreaterThan(9000);
    expect(youths.size).toBeLessThan(14000);
  });

  it("follows the CBS mix of starts by care form", () => {
    const cbs: Record<string, number> = {
      ambulant: 0.608 + 0.173, // ambulant + own network (light ambulant)
      wijkteam: 0.107,
      daghulp: 0.051,
      pleegzorg: 0.014,
      gezinshuis: 0.008,
      gesloten: 0.005,
      verblijf: 0.035,
    };
    const counts = new Map<string, number>();
    let n = 0;
    for (let t = 0; t < c.size; t++) {
      if (c.start[t]! < W) continue;
      const form = s.profiles[c.profile[t]!]!.careForm;
      counts.set(form, (counts.get(form) ?? 0) + 1);
      n++;
    }
    for (const [form, share] of Object.entries(cbs)) {
      expect(Math.abs((counts.get(form) ?? 0) / n - share), form).toBeLessThan(0.01);
    }
  });

  it("delivers the specified mean monthly minutes per intensity", () => {
    const sums = new Map<string, [number, number]>();
    for (let t = 0; t < c.size; t++) {
      const p = s.profiles[c.profile[t]!]!;
      if (p.unit !== "04") continue;
      const key = `${p.name}/${c.intensities[c.intensity[t]!]}`;
      const acc = sums.get(key) ?? [0, 0];
      for (let k = c.useOffset[t]!; k < c.useOffset[t + 1]!; k++) acc[0] += c.use[k]!;
      acc[1] += c.useOffset[t + 1]! - c.useOffset[t]!;
      sums.set(key, acc);
    }
    for (const p of s.profiles) {
      if (p.unit !== "04") continue;
      for (const x of p.intensities) {
        const [total, months] = sums.get(`${p.name}/${x.name}`)!;
        expect(Math.abs(total / months / x.monthlyUse.mean - 1), `${p.name}/${x.name}`).toBeLessThan(0.02);
      }
    }
  });
});

describe("generated ids", () => {
  /** Per profile, the numbers n of its ids `${profile}-${n}`, sorted. */
  const numbersByProfile = (c: Caseload): Record<string, number[]> => {
    const out: Record<string, number[]> = {};
    for (let t = 0; t < c.size; t++) {
      const name = c.profiles[c.profile[t]!]!;
      const id = c.ids[t]!;
      expect(id.startsWith(`${name}-`)).toBe(true);
      (out[name] ??= []).push(Number(id.slice(name.length + 1)));
    }
    for (const k of Object.keys(out)) out[k]!.sort((a, b) => a - b);
    return out;
  };
  const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

  it("number each profile's trajectories 1 … n, the same before and after a larger caseload of the same profile names", () => {
    const small = { window: { start: "2026-01", months: 12 }, municipalities: [{ name: "G0", weight: 1 }], providers: [{ name: "P0", careForms: ["ambulant" as const], weight: 1 }], profiles: [profile({ name: "ids-a", initialStock: 5, arrivalsPerMonth: 1 })] };
    const large = { ...small, profiles: [profile({ name: "ids-a", initialStock: 400, arrivalsPerMonth: 30 }), profile({ name: "ids-b", initialStock: 3, arrivalsPerMonth: 1 })] };
    const first = generateCaseload(small, 1);
    const big = generateCaseload(large, 1);
    const again = generateCaseload(small, 1);
    expect(numbersByProfile(first)).toEqual({ "ids-a": oneToN(first.size) });
    const counts = { a: big.profile.filter((p) => p === 0).length, b: big.profile.filter((p) => p === 1).length };
    expect(counts.a).toBeGreaterThan(first.size);
    expect(numbersByProfile(big)).toEqual({ "ids-a": oneToN(counts.a), "ids-b": oneToN(counts.b) });
    expect(again.ids).toEqual(first.ids);
  });
});
