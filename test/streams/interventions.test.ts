import { describe, expect, it } from "vitest";
import { generateCaseload, type CaseloadSpecInput } from "../../src/index.js";
import {
  avoidedCare,
  chooseInterventions,
  deliveryCost,
  InterventionCatalogueSchema,
  participantCost,
  preventedInflow,
  withPreventiveIntervention,
  type InterventionCatalogueInput,
  type InterventionInput,
} from "../../src/streams/interventions.js";
import { LPI_CATALOGUE } from "../../src/streams/lpiCatalogue.js";
import { inputIssues } from "../support/examples.js";

/** A one-intervention catalogue with age group "a". */
const one = (iv: Partial<InterventionInput> & Record<string, unknown>): InterventionCatalogueInput =>
  ({ ageGroups: ["a"], interventions: [{ name: "x", ageGroups: ["a"], goal: "resilience", form: "individual", sessions: 1, ...iv }] }) as InterventionCatalogueInput;

describe("chooseInterventions (keuzehulp)", () => {
  it("young adults, reducing complaints: individual vs group cost per participant", () => {
    const options = chooseInterventions(LPI_CATALOGUE, { ageGroup: "18-23", goal: "reducingComplaints" });
    // Individual (PM+ style): 5 sessions × €105 = €525, the same at any "group size" (1).
    // Group (Group PM+ style): 5 sessions × €450 = €2,250 per group; ÷ 6 = €375.00, ÷ 8 = €281.25.
    expect(options.map((o) => [o.name, o.form, o.groupSize, o.sessionsCost, o.costPerParticipant])).toEqual([
      ["Individual problem-solving support for young adults", "individual", { min: 1, max: 1 }, 52500, { atMinGroupSize: 52500, atMaxGroupSize: 52500 }],
      ["Group problem-solving support for young adults", "group", { min: 6, max: 8 }, 225000, { atMinGroupSize: 37500, atMaxGroupSize: 28125 }],
    ]);
    expect(options[1]!.inflowReductionPercent).toBe("5");
  });
  it("filters by form", () => {
    const group = chooseInterventions(LPI_CATALOGUE, { ageGroup: "18-23", goal: "reducingComplaints", form: "group" });
    expect(group.map((o) => o.form)).toEqual(["group"]);
    const individual = chooseInterventions(LPI_CATALOGUE, { ageGroup: "12-18", goal: "reducingComplaints", form: "individual" });
    // 8 sessions × €112 = €896
    expect(individual.map((o) => [o.name, o.costPerParticipant.atMaxGroupSize])).toEqual([["Individual trauma-focused help for adolescents", 89600]]);
  });
  it("adds the per-participant cost to the sessions' share", () => {
    const options = chooseInterventions(LPI_CATALOGUE, { ageGroup: "0-4", goal: "resilience" });
    // Parent–toddler group: 8 × €400 = €3,200; ÷ 4 = €800 + €60 intake = €860; ÷ 8 = €400 + €60 = €460.
    // Parenting support group: 6 × €320 = €1,920; ÷ 6 = €320; ÷ 12 = €160 (no per-participant cost).
    expect(options.map((o) => [o.name, o.costPerParticipant])).toEqual([
      ["Parent–toddler group", { atMinGroupSize: 86000, atMaxGroupSize: 46000 }],
      ["Parenting support group for displaced parents", { atMinGroupSize: 32000, atMaxGroupSize: 16000 }],
    ]);
  });
  it("rounds each participant's share of the sessions half-up to the cent", () => {
    // Skills group: 10 × €350 = €3,500 ÷ 6 = €583.333… → €583.33, + €75 = €658.33; ÷ 10 = €350 + €75 = €425.
    const skills = chooseInterventions(LPI_CATALOGUE, { ageGroup: "4-12", goal: "reducingComplaints" });
    expect(skills.map((o) => o.costPerParticipant)).toEqual([{ atMinGroupSize: 65833, atMaxGroupSize: 42500 }]);
    // 3 cents ÷ 2 = 1.5 → 2 (half-up); 3 ÷ 4 = 0.75 → 1; 5 cents ÷ 4 = 1.25 → 1.
    const cat = one({ form: "group", groupSize: { min: 2, max: 4 }, costPerSession: { cents: 3 } });
    expect(chooseInterventions(cat, { ageGroup: "a", goal: "resilience" })[0]!.costPerParticipant).toEqual({ atMinGroupSize: 2, atMaxGroupSize: 1 });
    const five = InterventionCatalogueSchema.parse(one({ form: "group", groupSize: { min: 2, max: 4 }, costPerSession: { cents: 5 } })).interventions[0]!;
    expect(participantCost(five, 4)).toBe(1);
    expect(participantCost(five, 3)).toBe(2); // 1.67 → 2
  });
  it("a price per participant alone is the cost per participant at every size", () => {
    const cat = one({ form: "group", groupSize: { min: 5, max: 10 }, costPerParticipant: "125.00" });
    expect(chooseInterventions(cat, { ageGroup: "a", goal: "resilience" })[0]!.costPerParticipant).toEqual({ atMinGroupSize: 12500, atMaxGroupSize: 12500 });
  });
  it("returns nothing when nothing fits, but refuses an unknown age group", () => {
    expect(chooseInterventions(one({ costPerSession: "1.00" }), { ageGroup: "a", goal: "reducingComplaints" })).toEqual([]);
    expect(inputIssues(() => chooseInterventions(LPI_CATALOGUE, { ageGroup: "5-9", goal: "resilience" }))).toEqual([
      { code: "unknown_age_group", path: ["ageGroup"], message: 'unknown age group "5-9"; the catalogue has "0-4", "4-12", "12-18", "18-23"' },
    ]);
    expect(inputIssues(() => chooseInterventions(LPI_CATALOGUE, { ageGroup: "0-4", goal: "prevention" as "resilience" }))[0]!.path).toEqual(["goal"]);
  });
  it("the shipped catalogue is valid and covers every age group and goal", () => {
    const cat = InterventionCatalogueSchema.parse(LPI_CATALOGUE);
    for (const ageGroup of cat.ageGroups) {
      for (const goal of ["resilience", "reducingComplaints"] as const) {
        expect(chooseInterventions(LPI_CATALOGUE, { ageGroup, goal }).length, `${ageGroup} ${goal}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("catalogue validation names the field", () => {
  it("refuses a catalogue entry without a cost, with an unknown age group, or a misspelt key", () => {
    const issues = inputIssues(() =>
      chooseInterventions(one({ ageGroups: ["b"], costPerSesion: "1.00" }), { ageGroup: "a", goal: "resilience" }),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [["interventions", 0], "unrecognized_keys"],
      [["interventions", 0, "costPerSession"], "custom"],
      [["interventions", 0, "ageGroups", 0], "custom"],
    ]);
  });
  it("refuses group sizes out of order, bare-number money, duplicates and an unknown form", () => {
    const group = inputIssues(() => chooseInterventions(one({ form: "group", groupSize: { min: 8, max: 6 }, costPerSession: "1.00" }), { ageGroup: "a", goal: "resilience" }));
    expect(group).toEqual([{ code: "custom", path: ["interventions", 0, "groupSize", "max"], message: "max group size must be at least the min" }]);
    const bare = inputIssues(() => chooseInterventions(one({ costPerSession: 70 as unknown as string }), { ageGroup: "a", goal: "resilience" }));
    expect(bare[0]!.path).toEqual(["interventions", 0, "costPerSession"]);
    const dup: InterventionCatalogueInput = { ageGroups: ["a", "a"], interventions: [...one({ costPerSession: "1.00" }).interventions, ...one({ costPerSession: "2.00" }).interventions] };
    expect(inputIssues(() => chooseInterventions(dup, { ageGroup: "a", goal: "resilience" })).map((i) => i.path)).toEqual([
      ["ageGroups", 1],
      ["interventions", 1, "name"],
    ]);
    expect(inputIssues(() => chooseInterventions(one({ form: "duo" as "group", costPerSession: "1.00" }), { ageGroup: "a", goal: "resilience" }))).toEqual([
      { code: "invalid_union", path: ["interventions", 0, "form"], message: "form must be one of individual, group" },
    ]);
  });
  it("participantCost refuses a size the intervention does not run with", () => {
    const iv = InterventionCatalogueSchema.parse(LPI_CATALOGUE).interventions.find((i) => i.name === "Group problem-solving support for young adults")!;
    expect(participantCost(iv, 7)).toBe(32143); // €2,250 ÷ 7 = €321.428… → €321.43
    expect(inputIssues(() => participantCost(iv, 9))).toEqual([
      { code: "invalid_value", path: ["groupSize"], message: '"Group problem-solving support for young adults" runs with 6 to 8 participants, not 9' },
    ]);
  });
});

describe("deliveryCost", () => {
  const cat = InterventionCatalogueSchema.parse(LPI_CATALOGUE).interventions;
  const byName = (name: string) => cat.find((i) => i.name === name)!;
  it("forms as few groups as the largest size allows and spreads the participants", () => {
    const group = byName("Group problem-solving support for young adults");
    // 16 participants: 2 groups of 8, 2 × €2,250 = €4,500; €281.25 each.
    expect(deliveryCost(group, 16)).toEqual({ participants: 16, groups: 2, groupSizes: { smallest: 8, largest: 8 }, belowMinimumGroupSize: false, total: 450000, perParticipant: 28125 });
    // 17 participants: ⌈17 ÷ 8⌉ = 3 groups of 5, 6, 6 — below the minimum of 6; 3 × €2,250 = €6,750; ÷ 17 = €397.058… → €397.06.
    expect(deliveryCost(group, 17)).toEqual({ participants: 17, groups: 3, groupSizes: { smallest: 5, largest: 6 }, belowMinimumGroupSize: true, total: 675000, perParticipant: 39706 });
  });
  it("adds the per-participant cost for every participant; individual forms have one 'group' each", () => {
    // Parent–toddler group, 10 pairs: 2 groups of 5; 2 × €3,200 + 10 × €60 = €7,000; €700 each.
    expect(deliveryCost(byName("Parent–toddler group"), 10)).toMatchObject({ groups: 2, total: 700000, perParticipant: 70000 });
    // Individual PM+ style, 3 clients: 3 × €525 = €1,575.
    expect(deliveryCost(byName("Individual problem-solving support for young adults"), 3)).toMatchObject({ groups: 3, total: 157500 });
    expect(deliveryCost(byName("Parent–toddler group"), 0)).toMatchObject({ groups: 0, total: 0, perParticipant: 0, belowMinimumGroupSize: false });
  });
});

describe("preventedInflow", () => {
  it("the participants are the whole group unless a target group is given", () => {
    // 2 trajectories a month × 5 % = 0.1 avoided; 1.9 left.
    expect(preventedInflow({ participantsPerMonth: 10, inflowReductionPercent: "5", baseInflowPerMonth: 2 })).toEqual({
      coverage: 1,
      avoidedPerMonth: 0.1,
      remainingPerMonth: 1.9,
      effectiveReductionPercent: "5",
    });
    // 10 of a group of 30 take part: coverage 1/3; 2 × 5 % × 1/3 = 0.0333…; effective 5 % ÷ 3 = 1.666666… → "1.666666" (down).
    const third = preventedInflow({ participantsPerMonth: 10, inflowReductionPercent: "5", baseInflowPerMonth: 2, targetGroupPerMonth: 30 });
    expect(third.coverage).toBeCloseTo(1 / 3, 15);
    expect(third.avoidedPerMonth).toBeCloseTo(1 / 30, 15);
    expect(third.effectiveReductionPercent).toBe("1.666666");
  });
  it("nobody taking part avoids nothing; more participants than the group reach all of it", () => {
    expect(preventedInflow({ participantsPerMonth: 0, inflowReductionPercent: 50, baseInflowPerMonth: 4 }).avoidedPerMonth).toBe(0);
    expect(preventedInflow({ participantsPerMonth: 40, inflowReductionPercent: 50, baseInflowPerMonth: 4, targetGroupPerMonth: 30 }).avoidedPerMonth).toBe(2);
  });
  it("refuses percentages above 100 and negative inflows, naming the field", () => {
    const issues = inputIssues(() => preventedInflow({ participantsPerMonth: 1.5, inflowReductionPercent: 120, baseInflowPerMonth: -1 }));
    expect(issues.map((i) => i.path)).toEqual([["participantsPerMonth"], ["inflowReductionPercent"], ["baseInflowPerMonth"]]);
  });
});

describe("avoidedCare", () => {
  it("sets the intervention's cost against the expected avoided care, exactly", () => {
    // 10 young adults a month for 12 months in the group form at €281.25 each: 120 × €281.25 = €33,750.
    // Avoided: 2 a month × 5 % × 10/30 reached = 1/30 a month; × 12 = 0.4 trajectories × €8,000 = €3,200.
    // Net €3,200 − €33,750 = −€30,550; break-even €33,750 ÷ 0.4 = €84,375.
    const r = avoidedCare({
      participantsPerMonth: 10,
      months: 12,
      costPerParticipant: "281.25",
      inflowReductionPercent: "5",
      baseInflowPerMonth: 2,
      targetGroupPerMonth: 30,
      costPerTrajectory: "8000.00",
    });
    expect(r).toEqual({ participants: 120, interventionCost: 3375000, avoidedTrajectories: 0.4, avoidedCost: 320000, net: -3055000, breakEvenCostPerTrajectory: 8437500 });
  });
  it("rounds the avoided cost once, half-up, from the exact fraction — not from a binary float", () => {
    const base = { participantsPerMonth: 1, months: 1, costPerParticipant: { cents: 100 } } as const;
    // 1.005 × 100 % × €1.00 = 100.5 cents → 101 (a float product 1.005 × 100 = 100.4999… would give 100).
    expect(avoidedCare({ ...base, inflowReductionPercent: 100, baseInflowPerMonth: 1.005, costPerTrajectory: { cents: 100 } }).avoidedCost).toBe(101);
    // 1 × 10 % × 1/3 reached × 100 cents = 3.33 → 3
    expect(avoidedCare({ ...base, inflowReductionPercent: 10, baseInflowPerMonth: 1, targetGroupPerMonth: 3, costPerTrajectory: { cents: 100 } }).avoidedCost).toBe(3);
  });
  it("breaks even at a cost rounded up, so the net there is not negative; nothing avoided, no break-even", () => {
    // 100 cents ÷ 0.3 trajectories = 333.33… → 334 cents; at 334: 0.3 × 334 = 100.2 → 100, net 0.
    const base = { participantsPerMonth: 1, months: 1, costPerParticipant: { cents: 100 }, inflowReductionPercent: 30, baseInflowPerMonth: 1 } as const;
    expect(avoidedCare({ ...base, costPerTrajectory: { cents: 1 } }).breakEvenCostPerTrajectory).toBe(334);
    expect(avoidedCare({ ...base, costPerTrajectory: { cents: 334 } }).net).toBe(0);
    expect(avoidedCare({ ...base, inflowReductionPercent: 0, costPerTrajectory: { cents: 334 } }).breakEvenCostPerTrajectory).toBeNull();
  });
});

describe("withPreventiveIntervention", () => {
  const spec: CaseloadSpecInput = {
    window: { start: "2026-01", months: 12 },
    municipalities: [{ name: "G0", weight: 1 }],
    providers: [{ name: "P0", careForms: ["ambulant"], weight: 1 }],
    profiles: ["kind", "jongere"].map((name) => ({
      name,
      careForm: "ambulant" as const,
      unit: "04" as const,
      arrivalsPerMonth: 12.5,
      initialStock: 30,
      intensities: [{ name: "licht", weight: 1, durationMonths: { mean: 6, cv: 0.5 }, monthlyUse: { mean: 240, cv: 0.3 } }],
      outcome: { achieved: 0.7, notAchieved: 0.2, droppedOut: 0.1 },
    })),
  };
  it("lowers one profile's arrivals and leaves the rest, and the original, alone", () => {
    const lowered = withPreventiveIntervention(spec, "kind", "10", "2025-06");
    // 12.5 × (100 − 10) % = 11.25
    expect(lowered.profiles.map((p) => [p.name, p.arrivalsPerMonth, p.initialStock])).toEqual([["kind", 11.25, 30], ["jongere", 12.5, 30]]);
    expect(spec.profiles[0]!.arrivalsPerMonth).toBe(12.5);
    expect(generateCaseload(lowered, 1).size).toBeGreaterThan(0);
  });
  it("refuses an unknown profile and a start inside the window", () => {
    expect(inputIssues(() => withPreventiveIntervention(spec, "baby", 10))).toEqual([
      { code: "unknown_profile", path: ["profileName"], message: 'unknown profile "baby"; the spec has "kind", "jongere"' },
    ]);
    expect(inputIssues(() => withPreventiveIntervention(spec, "kind", 10, "2026-03"))[0]!.path).toEqual(["from"]);
    expect(inputIssues(() => withPreventiveIntervention(spec, "kind", 101))[0]!.path).toEqual(["reductionPercent"]);
  });
});
