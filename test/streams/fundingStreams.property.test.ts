import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyStreams, createModel, formatMonth, NO_TRAJECTORY, parseMonth, project, type FundingStreamInput } from "../../src/index.js";
import { caseloadArb, MUNICIPALITIES, PROVIDERS } from "../support/arbitraries.js";
import { effortConfigArb, outputConfigArb, perPlaceConfigArb, taskConfigArb, trajectoryConfigArb } from "../support/modelArbitraries.js";

const RUNS = { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) };
const FORMS = ["ambulant", "wijkteam", "daghulp", "verblijf", "pleegzorg"] as const;

const rulesArb = fc.record({
  active: fc.boolean(),
  covers: fc.record(
    {
      careForms: fc.uniqueArray(fc.constantFrom(...FORMS), { minLength: 1, maxLength: 3 }),
      municipalities: fc.uniqueArray(fc.constantFrom(...MUNICIPALITIES), { minLength: 1, maxLength: 2 }),
      providers: fc.uniqueArray(fc.constantFrom(...PROVIDERS), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  lumpSums: fc.boolean(),
  coverPercent: fc.integer({ min: 0, max: 1000 }).map((t) => (t / 10).toString()),
  capPerYear: fc.option(fc.integer({ min: 0, max: 5_000_000 }).map((cents) => ({ cents })), { nil: undefined }),
});

/** A stream covering lump sums is limited by provider and municipality only (the schema refuses more). */
const validRulesArb = rulesArb.map((r) =>
  r.lumpSums ? { ...r, covers: { ...(r.covers.municipalities ? { municipalities: r.covers.municipalities } : {}), ...(r.covers.providers ? { providers: r.covers.providers } : {}) } } : r,
);

const streamArb: fc.Arbitrary<FundingStreamInput> = fc.record({
  name: fc.constantFrom("a", "b", "c"),
  decidingDate: fc.constantFrom("trajectoryStart" as const, "paymentMonth" as const),
  rules: fc
    .uniqueArray(fc.integer({ min: parseMonth("2023-01"), max: parseMonth("2030-12") }), { minLength: 1, maxLength: 2 })
    .chain((ms) => fc.tuple(...[...ms].sort((a, b) => a - b).map((m) => validRulesArb.map((value) => ({ from: formatMonth(m), value }))))),
});

const modelArb = fc.oneof(effortConfigArb(), outputConfigArb(), trajectoryConfigArb(), taskConfigArb(), perPlaceConfigArb());

describe("funding streams: every cent to exactly one payer", () => {
  it("streams and own means add up to what was paid; no stream covers beyond its cap or below zero", () => {
    fc.assert(
      fc.property(caseloadArb, modelArb, fc.array(streamArb, { maxLength: 3 }), ({ window, caseload }, cfg, streams) => {
        const p = project(caseload, createModel(cfg), { horizon: window, lines: true });
        const r = applyStreams(caseload, p, streams);
        const covered = r.streams.reduce((s, x) => s + x.covered, 0);
        expect(covered + r.ownMeans.total).toBe(p.totalPaid);
        let positive = 0;
        for (let i = 0; i < p.ledger!.length; i++) if (p.ledger!.cents[i]! > 0) positive += p.ledger!.cents[i]!;
        expect(covered).toBeLessThanOrEqual(positive);
        for (const s of r.streams) {
          expect(s.covered).toBeGreaterThanOrEqual(0);
          for (const v of s.byMonth) expect(Number.isSafeInteger(v)).toBe(true);
          for (const y of s.byYear) if (y.cap !== null) expect(y.covered).toBeLessThanOrEqual(y.cap);
        }
        for (const v of r.ownMeans.byMonth) expect(Number.isSafeInteger(v)).toBe(true);
      }),
      RUNS,
    );
  });

  it("a line is judged by the version in force in its deciding month", () => {
    // Version 1 covers nothing, version 2 (from `change`) covers all, uncapped: the stream covers exactly the
    // non-negative lines whose deciding month is at or after `change` — counted here straight from the ledger.
    fc.assert(
      fc.property(
        caseloadArb,
        fc.oneof(effortConfigArb({ ceiling: "none" }), outputConfigArb()),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("trajectoryStart" as const, "paymentMonth" as const),
        ({ window, caseload }, cfg, offset, decidingDate) => {
          const p = project(caseload, createModel(cfg), { horizon: window, lines: true });
          const change = parseMonth(window.start) - 12 + offset;
          const stream: FundingStreamInput = {
            name: "regeling",
            decidingDate,
            rules: [
              { from: formatMonth(change - 100), value: { active: false } },
              { from: formatMonth(change), value: {} },
            ],
          };
          const l = p.ledger!;
          let expected = 0;
          for (let i = 0; i < l.length; i++) {
            const t = l.trajectory[i]!;
            const deciding = decidingDate === "trajectoryStart" && t !== NO_TRAJECTORY ? caseload.start[t]! : l.month[i]!;
            if (deciding >= change && t !== NO_TRAJECTORY) expected += l.cents[i]!;
          }
          expect(applyStreams(caseload, p, [stream]).streams[0]!.covered).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});
