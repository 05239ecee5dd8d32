/**
 * The projection's writer: a run of equal monthly lines (`trajectoryRun`, an arrangement's
 * instalments) must total exactly as the same lines written one by one — in every breakdown, line
 * count, declaration batch, obligation and amount due after the horizon, and line for line in the
 * ledger — and must refuse totals that could have lost exactness, though every line is exact.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseloadFromRecords, horizon as toHorizon, parseMonth } from "../../src/index.js";
import { KIND_ADVANCE, KIND_DECLARATION, LINE_KINDS } from "../../src/ledger/lineKind.js";
import { writeRun, type LedgerWriter } from "../../src/ledger/writer.js";
import { AggregatingWriter } from "../../src/projection/aggregatingWriter.js";
import { caseloadArb } from "../support/arbitraries.js";
import { caseload, rec } from "../support/examples.js";

/** Everything a writer totals, read through its public getters. */
function totals(w: AggregatingWriter) {
  w.assertExact();
  return {
    byKind: Array.from(w.byKind),
    byProvider: Array.from(w.byProvider),
    byMunicipality: Array.from(w.byMunicipality),
    byProfile: Array.from(w.byProfile),
    byCareForm: Array.from(w.byCareForm),
    linesByKind: Array.from(w.linesByKind),
    batches: Array.from(w.batches),
    obligations: Array.from(w.obligations),
    dueAfterHorizon: w.dueAfterHorizon,
    ledger: w.ledger ? w.ledger.build() : null,
  };
}

/** The same writer without `trajectoryRun`, so {@link writeRun} writes line by line. */
function lineByLine(w: AggregatingWriter): LedgerWriter {
  return { trajectory: (...a) => w.trajectory(...a), lump: (...a) => w.lump(...a) };
}

describe("AggregatingWriter.trajectoryRun", () => {
  it("a hand-worked run: 12 instalments of €100 paid Nov 2026 – Oct 2027, incurred Oct 2026, horizon Jan 2026 – Mar 2027", () => {
    const c = caseload([rec("a", { start: "2026-01", end: "2027-12", use: 60 })], { start: "2026-01", months: 24 });
    const w = new AggregatingWriter(c, toHorizon({ start: "2026-01", months: 15 }), false, "test");
    w.trajectoryRun(0, parseMonth("2026-11"), parseMonth("2026-10"), KIND_DECLARATION, 10000, 12);
    const r = totals(w);
    // Paid inside the horizon: Nov 2026 – Mar 2027, 5 lines.
    expect(r.byKind.reduce((a, b) => a + b, 0)).toBe(50000);
    expect(r.linesByKind[KIND_DECLARATION]).toBe(5);
    // Open at 2026-12: the lines paid Jan – Oct 2027 (10); at the horizon's end 2027-03: Apr – Oct 2027 (7).
    expect(r.obligations).toEqual([100000, 70000]);
    // Paid after the horizon and incurred before its end: Apr – Oct 2027.
    expect(r.dueAfterHorizon).toBe(70000);
    // One declaration batch per month with lines: Nov 2026 – Mar 2027 are months 10 … 14.
    expect(r.batches.slice(0, 15).map((b, i) => (b ? i : -1)).filter((i) => i >= 0)).toEqual([10, 11, 12, 13, 14]);
  });

  it("totals exactly as the same lines one by one, with and without the ledger (property)", () => {
    const runArb = fc.record({
      t: fc.nat(),
      month: fc.integer({ min: -20, max: 50 }),
      incurredShift: fc.integer({ min: -14, max: 14 }),
      kind: fc.integer({ min: 0, max: LINE_KINDS.length - 1 }),
      cents: fc.integer({ min: -5_000_000, max: 5_000_000 }),
      count: fc.integer({ min: 0, max: 15 }),
    });
    fc.assert(
      fc.property(caseloadArb, fc.array(runArb, { maxLength: 30 }), fc.integer({ min: 0, max: 11 }), fc.boolean(), ({ window, caseload: c }, runs, from, keep) => {
        fc.pre(c.size > 0);
        const W = parseMonth(window.start);
        const h = { start: W + Math.min(from, window.months - 1), months: Math.max(1, window.months - from) };
        const byRun = new AggregatingWriter(c, h, keep, "runs");
        const byLine = new AggregatingWriter(c, h, keep, "lines");
        const single = lineByLine(byLine);
        for (const r of runs) {
          const t = r.t % c.size;
          const month = W + r.month;
          writeRun(byRun, t, month, month + r.incurredShift, r.kind, r.cents, r.count);
          writeRun(single, t, month, month + r.incurredShift, r.kind, r.cents, r.count);
        }
        expect(totals(byRun)).toEqual(totals(byLine));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses an amount beyond 2^53 cents at the run's first line, as line by line", () => {
    const c = caseload([rec("a", { start: "2026-01", end: "2026-12", use: 60 })], { start: "2026-01", months: 12 });
    const w = new AggregatingWriter(c, toHorizon({ start: "2026-01", months: 12 }), false, "test");
    expect(() => w.trajectoryRun(0, parseMonth("2026-02"), parseMonth("2026-01"), KIND_DECLARATION, 2 ** 60, 3)).toThrow(/computes .* cents for trajectory "a", paid 2026-02/);
  });
});

describe("AggregatingWriter exactness", () => {
  // Each amount is exact on its own (2^52 < 2^53); two of them sum to 2^53, past Number.MAX_SAFE_INTEGER.
  const big = 2 ** 52;
  const c = caseload([rec("a", { start: "2026-01", end: "2026-12", use: 60 })], { start: "2026-01", months: 12 });
  const write = (lines: [paid: string, incurred: string][], months = 3) => {
    const w = new AggregatingWriter(c, toHorizon({ start: "2026-01", months }), false, "test");
    for (const [paid, incurred] of lines) w.trajectory(0, parseMonth(paid), parseMonth(incurred), KIND_DECLARATION, big);
    return w;
  };

  it("refuses amounts due after the horizon whose sum reaches 2^53 cents", () => {
    // Horizon Jan – Mar 2026; both lines incurred in it, paid in May: due after it, 2 × 2^52.
    expect(() => write([["2026-05", "2026-01"], ["2026-05", "2026-02"]]).assertExact()).toThrow(/pass 2\^53 cents/);
  });

  it("refuses obligations whose sum reaches 2^53 cents, though the paid and the due each stay below", () => {
    // Horizon Jan 2026 – Mar 2027. Both lines are incurred in Nov 2026 and open at the year end
    // (2026-12): 2 × 2^52. One is paid inside the horizon (Jan 2027), the other after it (May 2027).
    expect(() => write([["2027-01", "2026-11"], ["2027-05", "2026-11"]], 15).assertExact()).toThrow(/pass 2\^53 cents/);
  });

  it("refuses a run exactly when it refuses the same lines one by one", () => {
    const both = (month: string, incurred: string, count: number, months = 3) => {
      const outcomes = [true, false].map((asRun) => {
        const w = new AggregatingWriter(c, toHorizon({ start: "2026-01", months }), false, "test");
        const writer = asRun ? w : lineByLine(w);
        writeRun(writer, 0, parseMonth(month), parseMonth(incurred), KIND_DECLARATION, big, count);
        try {
          w.assertExact();
          return "kept";
        } catch {
          return "refused";
        }
      });
      expect(outcomes[0]).toBe(outcomes[1]);
      return outcomes[0];
    };
    // Horizon Jan – Mar 2026. Incurred in June, paid July – September: after the horizon and not yet owed, nothing open.
    expect(both("2026-07", "2026-06", 3)).toBe("kept");
    // Incurred in February, paid May – July: all three owed at the horizon's end, 3 × 2^52.
    expect(both("2026-05", "2026-02", 3)).toBe("refused");
    // Horizon Jan 2026 – Mar 2027: incurred Dec 2026, paid Jan – Mar 2027, inside it: 3 × 2^52 paid, past 2^53.
    expect(both("2027-01", "2026-12", 3, 15)).toBe("refused");
    // One line of 2^52 open at both dates of that horizon is kept.
    expect(both("2027-05", "2026-11", 1, 15)).toBe("kept");
  });

  it("keeps one such amount, and lines paid in the month of their care, which open nothing", () => {
    const one = write([["2026-05", "2026-01"]]);
    one.assertExact();
    expect(one.dueAfterHorizon).toBe(big);
    // Paid in the month incurred, after the horizon (not due by its end: incurred after it): nothing open, nothing due.
    const none = write([["2026-05", "2026-05"], ["2026-05", "2026-05"]]);
    none.assertExact();
    expect(none.dueAfterHorizon).toBe(0);
    expect(Array.from(none.obligations)).toEqual([0]);
  });
});

describe("AggregatingWriter when its combination table fills up", () => {
  it("totals exactly as a plain tally, the table switched off in the middle of a run", () => {
    // 180 providers × 170 municipalities: 30,600 trajectories, each its own combination. At
    // 4 kinds × 36 months = 144 cells a combination, the table's 2^22 cells hold 29,127 of them:
    // trajectory 29,127 (0-based) switches it off, with a run as its first line.
    const P = 180;
    const G = 170;
    const records = [];
    for (let p = 0; p < P; p++) for (let g = 0; g < G; g++) records.push(rec(`t${p}-${g}`, { provider: `P${p}`, municipality: `G${g}`, start: "2026-01", end: "2028-12", use: 60 }));
    const c = caseloadFromRecords(records, { window: { start: "2026-01", months: 36 } });
    const W = parseMonth("2026-01");
    const w = new AggregatingWriter(c, toHorizon({ start: "2026-01", months: 36 }), false, "test");
    // The plain tally: per provider, municipality and kind × month, lines per kind, batches per provider × month.
    const byProvider = Array.from({ length: P }, () => new Array<number>(36).fill(0));
    const byMunicipality = Array.from({ length: G }, () => new Array<number>(36).fill(0));
    const byKind = Array.from({ length: LINE_KINDS.length }, () => new Array<number>(36).fill(0));
    const lines = new Array<number>(LINE_KINDS.length).fill(0);
    const tally = (t: number, month: number, kind: number, cents: number) => {
      const j = month - W;
      byProvider[c.provider[t]!]![j]! += cents;
      byMunicipality[c.municipality[t]!]![j]! += cents;
      byKind[kind]![j]! += cents;
      lines[kind]!++;
    };
    for (let t = 0; t < c.size; t++) {
      const s = W + (t % 30);
      // Four declarations paid the months after care in s … s + 3, then an advance.
      writeRun(w, t, s + 1, s, KIND_DECLARATION, 100 + t, 4);
      for (let k = 0; k < 4; k++) tally(t, s + 1 + k, KIND_DECLARATION, 100 + t);
      w.trajectory(t, s + 2, s, KIND_ADVANCE, 7);
      tally(t, s + 2, KIND_ADVANCE, 7);
    }
    expect((w as unknown as { tableOn: boolean }).tableOn).toBe(false);
    const rows = (a: Float64Array, n: number) => Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * 36, (i + 1) * 36)));
    w.assertExact();
    expect(rows(w.byProvider, P)).toEqual(byProvider);
    expect(rows(w.byMunicipality, G)).toEqual(byMunicipality);
    expect(rows(w.byKind, LINE_KINDS.length)).toEqual(byKind);
    expect(Array.from(w.linesByKind)).toEqual(lines);
    // Every provider has lines in months 1 … 33 (s + 1 … s + 4 for s = 0 … 29), and none in month 0, 34 or 35.
    for (let p = 0; p < P; p++) expect(Array.from(w.batches.subarray(p * 36, (p + 1) * 36))).toEqual(Array.from({ length: 36 }, (_, j) => (j >= 1 && j <= 33 ? 1 : 0)));
  });
});
