import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toRecords } from "../../src/caseload/caseload.js";
import { CARE_FORMS, UNIT_CODES, type CareForm } from "../../src/caseload/codes.js";
import { generateCaseload } from "../../src/caseload/generate.js";
import type { CaseloadSpecInput } from "../../src/caseload/spec.js";
import { FundingInputError } from "../../src/errors.js";
import { checkCaseload } from "./checkCaseload.js";

type ProfileInput = CaseloadSpecInput["profiles"][number];

const positive = (max: number) => fc.double({ min: 0.01, max, noNaN: true });

const monthArb = fc
  .tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);

const intensityArb = (name: string) =>
  fc.record({
    name: fc.constant(name),
    weight: positive(5),
    durationMonths: fc.record({ mean: fc.double({ min: 0.5, max: 30, noNaN: true }), cv: fc.double({ min: 0, max: 2, noNaN: true }) }),
    monthlyUse: fc.record({
      mean: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2000, noNaN: true })),
      cv: fc.double({ min: 0, max: 1.5, noNaN: true }),
    }),
  });

/** Three non-negative probabilities summing to 1 (within rounding). */
const outcomeArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }))
  .map(([a, b, c]) => ({ achieved: a / (a + b + c), notAchieved: b / (a + b + c), droppedOut: c / (a + b + c) }));

const profileArb = (name: string, careForms: readonly CareForm[]): fc.Arbitrary<ProfileInput> =>
  fc.record(
    {
      name: fc.constant(name),
      careForm: fc.constantFrom(...careForms),
      unit: fc.constantFrom(...UNIT_CODES),
      arrivalsPerMonth: fc.double({ min: 0, max: 8, noNaN: true }),
      trendPercentPerYear: fc.double({ min: -50, max: 50, noNaN: true }),
      seasonality: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 12, maxLength: 12 }),
      initialStock: fc.integer({ min: 0, max: 25 }),
      intensities: fc
        .uniqueArray(fc.constantFrom("licht", "middel", "zwaar", "standaard"), { minLength: 1, maxLength: 3 })
        .chain((names) => fc.tuple(...names.map(intensityArb))),
      outcome: outcomeArb,
      reentry: fc.record({ probability: fc.double({ min: 0, max: 1, noNaN: true }), withinMonths: fc.integer({ min: 1, max: 18 }) }),
    },
    { requiredKeys: ["name", "careForm", "unit", "arrivalsPerMonth", "initialStock", "intensities", "outcome"] },
  );

/** Small but varied valid specs: every profile's care form is offered by some provider. */
const specArb: fc.Arbitrary<CaseloadSpecInput> = fc
  .record({
    window: fc.record({ start: monthArb, months: fc.integer({ min: 1, max: 30 }) }),
    municipalities: fc.array(positive(10), { minLength: 1, maxLength: 3 }).map((ws) => ws.map((weight, i) => ({ name: `M${i}`, weight }))),
    providers: fc
      .array(fc.record({ careForms: fc.subarray([...CARE_FORMS], { minLength: 1 }), weight: positive(10) }), { minLength: 1, maxLength: 3 })
      .map((ps) => ps.map((p, i) => ({ name: `P${i}`, ...p }))),
  })
  .chain((base) => {
    const offered = [...new Set(base.providers.flatMap((p) => p.careForms))];
    return fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => profileArb(`profiel ${i}`, offered))))
      .map((profiles) => ({ ...base, profiles }));
  });

const seedArb = fc.oneof(fc.integer(), fc.maxSafeInteger());

describe("generateCaseload (properties)", () => {
  it("keeps every structural invariant", () => {
    fc.assert(
      fc.property(specArb, seedArb, (spec, seed) => {
        checkCaseload(spec, generateCaseload(spec, seed));
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(specArb, seedArb, (spec, seed) => {
        const a = generateCaseload(spec, seed);
        const b = generateCaseload(structuredClone(spec), seed);
        expect(toRecords(b)).toEqual(toRecords(a));
        expect(b.previous).toEqual(a.previous);
      }),
      { numRuns: 50 },
    );
  });

  it("leaves other profiles' trajectories unchanged when a profile is appended", () => {
    fc.assert(
      fc.property(specArb, seedArb, (spec, seed) => {
        const extra = { ...spec.profiles[0]!, name: "extra", arrivalsPerMonth: 5, initialStock: 7 };
        const a = toRecords(generateCaseload(spec, seed));
        const b = toRecords(generateCaseload({ ...spec, profiles: [...spec.profiles, extra] }, seed)).filter((r) => r.profile !== "extra");
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps the shorter window's trajectories and use when the window is extended", () => {
    fc.assert(
      fc.property(specArb, seedArb, fc.integer({ min: 1, max: 24 }), (spec, seed, more) => {
        const short = generateCaseload(spec, seed);
        const long = generateCaseload({ ...spec, window: { ...spec.window, months: spec.window.months + more } }, seed);
        const byId = new Map(toRecords(long).map((r) => [r.id, r]));
        const clients = new Map<string, string>();
        for (const r of toRecords(short)) {
          const l = byId.get(r.id)!;
          expect(l).toBeDefined();
          expect([l.start, l.municipality, l.provider, l.intensity]).toEqual([r.start, r.municipality, r.provider, r.intensity]);
          expect(l.use.slice(0, r.use.length)).toEqual(r.use);
          if (!clients.has(r.client)) clients.set(r.client, l.client);
          expect(l.client).toBe(clients.get(r.client));
          if (r.end !== null) expect([l.end, l.outcome]).toEqual([r.end, r.outcome]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("rejects outcome probabilities that do not sum to 1, at the profile's outcome", () => {
    fc.assert(
      fc.property(
        specArb,
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.boolean(),
        (spec, delta, up) => {
          const i = spec.profiles.length - 1;
          const p = spec.profiles[i]!;
          const achieved = up ? p.outcome.achieved + delta : Math.max(0, p.outcome.achieved - delta);
          const sum = achieved + p.outcome.notAchieved + p.outcome.droppedOut;
          fc.pre(Math.abs(sum - 1) > 1e-9 && achieved <= 1);
          const bad = { ...spec, profiles: spec.profiles.map((q, k) => (k === i ? { ...q, outcome: { ...q.outcome, achieved } } : q)) };
          try {
            generateCaseload(bad, 1);
            expect.unreachable("should throw");
          } catch (e) {
            expect(e).toBeInstanceOf(FundingInputError);
            expect((e as FundingInputError).issues.map((x) => x.path)).toEqual([["profiles", i, "outcome"]]);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
