import { describe, expect, it } from "vitest";
import { caseloadFromRecords, defaultRegionSpec, generateCaseload, toRecords } from "../../src/index.js";

describe("age and target groups", () => {
  const base = defaultRegionSpec({ window: { start: "2026-01", months: 24 } });
  const ambulant = base.profiles[0]!;
  const spec = {
    ...base,
    profiles: [
      {
        ...ambulant,
        ageGroups: [
          { name: "4-12", weight: 3 },
          { name: "12-18", weight: 1 },
        ],
        targetGroups: [{ name: "ontheemd uit Oekraïne", weight: 1 }],
      },
      base.profiles[1]!,
    ],
  };

  it("draws groups by weight for new clients; a re-entry keeps its client's groups", () => {
    const c = generateCaseload(spec, 3);
    expect(c.ageGroups).toEqual(["4-12", "12-18", "onbekend"]);
    expect(c.targetGroups).toEqual(["ontheemd uit Oekraïne", "algemeen"]);
    let young = 0;
    let ambulantCount = 0;
    for (let t = 0; t < c.size; t++) {
      if (c.profile[t] === 0) {
        ambulantCount++;
        if (c.ageGroup[t] === 0) young++;
        expect(c.targetGroup[t]).toBe(0);
        const prev = c.previous[t]!;
        if (prev >= 0) expect(c.ageGroup[t]).toBe(c.ageGroup[prev]);
      } else {
        expect([c.ageGroups[c.ageGroup[t]!], c.targetGroups[c.targetGroup[t]!]]).toEqual(["onbekend", "algemeen"]);
      }
    }
    // weight 3 : 1 → three quarters, within a few percent on thousands of trajectories
    expect(young / ambulantCount).toBeGreaterThan(0.72);
    expect(young / ambulantCount).toBeLessThan(0.78);
  });

  it("groups do not change any other draw: the caseload without them is the same but for the groups", () => {
    const withGroups = toRecords(generateCaseload(spec, 3));
    const without = toRecords(generateCaseload({ ...spec, profiles: [ambulant, base.profiles[1]!] }, 3));
    expect(withGroups.map(({ ageGroup: _a, targetGroup: _t, ...rest }) => rest)).toEqual(without.map(({ ageGroup: _a, targetGroup: _t, ...rest }) => rest));
  });

  it("records default to 'onbekend' and 'algemeen' and keep given groups", () => {
    const c = caseloadFromRecords(
      [
        { id: "a", municipality: "G", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: null, outcome: "open", use: 60 },
        { id: "b", municipality: "G", provider: "P", profile: "x", careForm: "ambulant", unit: "04", start: "2026-01", end: null, outcome: "open", use: 60, ageGroup: "12-18", targetGroup: "LPI" },
      ],
      { window: { start: "2026-01", months: 2 } },
    );
    expect(toRecords(c).map((r) => [r.ageGroup, r.targetGroup])).toEqual([
      ["onbekend", "algemeen"],
      ["12-18", "LPI"],
    ]);
  });
});
