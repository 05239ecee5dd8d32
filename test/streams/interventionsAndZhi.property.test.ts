import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { avoidedCare, chooseInterventions, deliveryCost, InterventionCatalogueSchema, preventedInflow } from "../../src/streams/interventions.js";
import {
  RECOVERY_AMOUNTS,
  simulateRecoveryInitiative,
  type RecoveryComparison,
  type RecoveryInitiativeInput,
} from "../../src/streams/recoveryInitiative.js";

const cents = (max: number) => fc.integer({ min: 0, max });
const percent = fc.integer({ min: 0, max: 100_000 }).map((p) => (p / 1000).toFixed(3)); // "0.000" … "100.000"

/** Every amount of a comparison, to check they are all exact integers. */
function everyAmount(r: RecoveryComparison): number[] {
  const out: number[] = [];
  for (const w of r.ways) {
    for (const run of w.runs) {
      for (const a of RECOVERY_AMOUNTS) out.push(run[a]);
      out.push(run.regularCareAfterHorizon);
      for (const y of run.byYear) for (const a of RECOVERY_AMOUNTS) out.push(y[a]);
    }
    for (const s of Object.values(w.summary)) out.push(s.mean, s.p5, s.p50, s.p95);
  }
  return out;
}

const zhiInput = fc.record({
  start: fc.integer({ min: 2020 * 12, max: 2035 * 12 }).map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`),
  months: fc.integer({ min: 1, max: 96 }),
  seed: fc.integer({ min: -1e6, max: 1e6 }),
  runs: fc.integer({ min: 1, max: 30 }),
  participants: fc.integer({ min: 0, max: 500 }),
  running: cents(1e9),
  structural: cents(1e9),
  project: cents(1e9),
  renewal: fc.double({ min: 0, max: 1, noNaN: true }),
  price: cents(1e6),
  billable: percent,
  startPercent: percent,
  careCost: cents(1e8),
  duration: fc.integer({ min: 1, max: 36 }),
  avoided: percent,
  avoidedCost: cents(1e8),
});
type ZhiDraw = typeof zhiInput extends fc.Arbitrary<infer T> ? T : never;
const toInput = (x: ZhiDraw): RecoveryInitiativeInput => ({
  horizon: { start: x.start, months: x.months },
  seed: x.seed,
  runs: x.runs,
  initiative: { name: "P", participantsPerMonth: x.participants, runningCostPerYear: { cents: x.running } },
  structural: { perYear: { cents: x.structural } },
  project: { perYear: { cents: x.project }, renewalProbability: x.renewal },
  procurement: { pricePerParticipantMonth: { cents: x.price }, billablePercent: x.billable },
  regularCare: { startPercent: x.startPercent, costPerTrajectory: { cents: x.careCost }, durationMonths: x.duration },
  avoidedCare: { percentPerYear: x.avoided, costPerTrajectory: { cents: x.avoidedCost } },
});

describe("interventions: properties", () => {
  it("a group costs no more per participant than the individual form when its sessions cost no more in all", () => {
    fc.assert(
      fc.property(
        cents(1e7), // individual cost per session
        fc.integer({ min: 1, max: 40 }), // individual sessions
        fc.integer({ min: 1, max: 40 }), // group sessions
        fc.integer({ min: 0, max: 1_000_000 }), // group's share of the individual sessions' total, in millionths
        cents(1e6), // the same per-participant cost for both
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (perSession, sessions, groupSessions, share, perParticipant, min, extra) => {
          const total = perSession * sessions;
          // The group's total session cost is at most the individual total: ⌊total × share ÷ groupSessions⌋ per session.
          const groupPerSession = Math.floor(Math.floor((total * share) / 1_000_000) / groupSessions);
          const catalogue = {
            ageGroups: ["a"],
            interventions: [
              { name: "i", ageGroups: ["a"], goal: "resilience" as const, form: "individual" as const, sessions, costPerSession: { cents: perSession }, costPerParticipant: { cents: perParticipant } },
              {
                name: "g",
                ageGroups: ["a"],
                goal: "resilience" as const,
                form: "group" as const,
                groupSize: { min, max: min + extra },
                sessions: groupSessions,
                costPerSession: { cents: groupPerSession },
                costPerParticipant: { cents: perParticipant },
              },
            ],
          };
          const [ind, grp] = chooseInterventions(catalogue, { ageGroup: "a", goal: "resilience" });
          expect(ind!.costPerParticipant.atMinGroupSize).toBe(total + perParticipant);
          expect(grp!.costPerParticipant.atMinGroupSize).toBeLessThanOrEqual(ind!.costPerParticipant.atMinGroupSize);
          expect(grp!.costPerParticipant.atMaxGroupSize).toBeLessThanOrEqual(grp!.costPerParticipant.atMinGroupSize);
          for (const v of [grp!.costPerParticipant.atMinGroupSize, grp!.costPerParticipant.atMaxGroupSize, grp!.sessionsCost]) expect(Number.isSafeInteger(v)).toBe(true);
          // Delivering to any number of participants costs exactly groups × sessions + participants × per-participant cost.
          const iv = InterventionCatalogueSchema.parse(catalogue).interventions[1]!;
          const n = min + extra + 1;
          const d = deliveryCost(iv, n);
          expect(d.total).toBe(d.groups * grp!.sessionsCost + n * perParticipant);
          expect(d.groups * (min + extra)).toBeGreaterThanOrEqual(n);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("prevented inflow is never negative nor above the base inflow", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        percent,
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
        (participants, reduction, base, group) => {
          const r = preventedInflow({ participantsPerMonth: participants, inflowReductionPercent: reduction, baseInflowPerMonth: base, ...(group === undefined ? {} : { targetGroupPerMonth: group }) });
          expect(r.avoidedPerMonth).toBeGreaterThanOrEqual(0);
          expect(r.avoidedPerMonth).toBeLessThanOrEqual(base);
          expect(r.remainingPerMonth).toBeGreaterThanOrEqual(0);
          expect(r.coverage).toBeGreaterThanOrEqual(0);
          expect(r.coverage).toBeLessThanOrEqual(1);
          expect(Number(r.effectiveReductionPercent)).toBeLessThanOrEqual(Number(reduction));
        },
      ),
      { numRuns: 500 },
    );
  });
  it("avoided care stays in whole cents, and at the break-even cost the net is not negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 120 }),
        cents(1e6),
        percent,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        cents(1e7),
        (participants, months, perParticipant, reduction, base, perTrajectory) => {
          const input = { participantsPerMonth: participants, months, costPerParticipant: { cents: perParticipant }, inflowReductionPercent: reduction, baseInflowPerMonth: base };
          const r = avoidedCare({ ...input, costPerTrajectory: { cents: perTrajectory } });
          for (const v of [r.interventionCost, r.avoidedCost, r.net]) expect(Number.isSafeInteger(v)).toBe(true);
          expect(r.net).toBe(r.avoidedCost - r.interventionCost);
          if (r.breakEvenCostPerTrajectory !== null && r.breakEvenCostPerTrajectory <= 1e12) {
            expect(avoidedCare({ ...input, costPerTrajectory: { cents: r.breakEvenCostPerTrajectory } }).net).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("recovery initiatives: properties", () => {
  it("with renewal probability 1, a project subsidy of the same amount is the structural subsidy", () => {
    fc.assert(
      fc.property(zhiInput, (x) => {
        const input = toInput({ ...x, project: x.structural, renewal: 1 });
        const r = simulateRecoveryInitiative(input);
        const [structural, project] = [r.ways[0]!, r.ways[1]!];
        expect(project.closedRuns).toBe(0);
        expect(project.runs).toEqual(structural.runs);
        expect(project.summary).toEqual(structural.summary);
      }),
      { numRuns: 40 },
    );
  });
  it("money stays in integer cents, years sum to the totals, and the same seed gives the same result", () => {
    fc.assert(
      fc.property(zhiInput, (x) => {
        const input = toInput(x);
        const r = simulateRecoveryInitiative(input);
        for (const v of everyAmount(r)) expect(Number.isSafeInteger(v)).toBe(true);
        for (const w of r.ways) {
          for (const run of w.runs) {
            for (const a of RECOVERY_AMOUNTS) expect(run.byYear.reduce((s, y) => s + y[a], 0)).toBe(run[a]);
            expect(run.byYear.reduce((s, y) => s + y.monthsInHorizon, 0)).toBe(x.months);
            // Funding never runs beyond the months open; closure only under the project subsidy.
            if (w.way !== "project") expect(run.closedAfter).toBeNull();
          }
        }
        expect(simulateRecoveryInitiative(input)).toEqual(r);
      }),
      { numRuns: 40 },
    );
  });
});
