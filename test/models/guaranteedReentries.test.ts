/**
 * The output model's guarantee (a re-entry after an achieved result at the same provider is at the
 * provider's cost): the linked-list path for caseloads as the builders make them (sorted by start,
 * dense client numbers) must mark exactly the trajectories the Map-keyed general path marks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultRegionSpec, generateCaseload, type Caseload } from "../../src/index.js";
import { guaranteedReentries, guaranteedReentriesByKey } from "../../src/models/output.js";
import { OPEN_END, OUTCOME_ACHIEVED, OUTCOME_OPEN } from "../../src/caseload/codes.js";

/** A minimal sorted caseload of the columns the guarantee reads. */
function columns(rows: readonly { client: number; provider: number; start: number; length: number; outcome: number; open: boolean }[]): Caseload {
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  return {
    size: sorted.length,
    providers: ["a", "b", "c"],
    client: Int32Array.from(sorted, (r) => r.client),
    provider: Uint16Array.from(sorted, (r) => r.provider),
    start: Int32Array.from(sorted, (r) => r.start),
    end: Int32Array.from(sorted, (r) => (r.open ? OPEN_END : r.start + r.length)),
    outcome: Uint8Array.from(sorted, (r) => (r.open ? OUTCOME_OPEN : r.outcome)),
  } as unknown as Caseload;
}

describe("guaranteed re-entries", () => {
  it("the linked-list path marks the same trajectories as the keyed path on generated regions", () => {
    for (const seed of [1, 2, 3]) {
      const c = generateCaseload(defaultRegionSpec(), seed);
      // The linked-list path's precondition (else guaranteedReentries falls back to the keyed path and this compares it with itself).
      expect(c.start.every((s, t) => t === 0 || s >= c.start[t - 1]!)).toBe(true);
      expect(c.client.every((x) => x >= 0 && x <= 4 * c.size + 1024)).toBe(true);
      for (const months of [1, 6, 12, 24]) {
        const fast = guaranteedReentries(c, months)!;
        expect(fast).toEqual(guaranteedReentriesByKey(c, months));
        if (months === 12) expect(fast.reduce((a, b) => a + b, 0)).toBeGreaterThan(100); // the guarantee is exercised
      }
    }
  });

  it("the same on random small caseloads with many re-entries of few clients", () => {
    const row = fc.record({
      client: fc.integer({ min: 0, max: 5 }),
      provider: fc.integer({ min: 0, max: 2 }),
      start: fc.integer({ min: 24000, max: 24036 }),
      length: fc.integer({ min: 0, max: 14 }),
      outcome: fc.constantFrom(OUTCOME_ACHIEVED, OUTCOME_ACHIEVED + 1),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 18 }), (rows, months) => {
        const c = columns(rows);
        expect(guaranteedReentries(c, months)).toEqual(guaranteedReentriesByKey(c, months));
      }),
      { numRuns: 500 },
    );
  });
});
