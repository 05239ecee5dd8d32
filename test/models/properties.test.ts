/**
 * Model-specific properties: what each funding model promises beyond the shared conformance suite.
 * Expected values come from the documented rules (test/support/rules.ts), not from src/.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  caseloadFromRecords,
  createModel,
  EffortConfigSchema,
  formatMonth,
  OPEN_END,
  OUTCOMES,
  parseMonth,
  percentWeights,
  project,
  splitEvenly,
  totalsByMonth,
  yearOf,
  type Caseload,
  type EffortConfig,
  type ModelConfig,
  type Projection,
  type TaskConfig,
  type TrajectoryInput,
} from "../../src/index.js";
import { caseloadOf, caseloadWithRecordsArb, denseCaseloadArb, PROVIDERS, recordsArb, windowArb } from "../support/arbitraries.js";
import { effortConfigArb, outputConfigArb, taskConfigArb, trajectoryConfigArb } from "../support/modelArbitraries.js";
import { recordLines, sumLines, type WrittenLine } from "../support/recordingWriter.js";
import { basisPoints, centsOf, datedAt, keyedPrice, largestRemainder, percentHalfUp } from "../support/rules.js";
import { DEFAULT_RUNS, subHorizonArb } from "./conformance.js";
import { priceAt } from "../reference/reference.js";

const RUNS = { numRuns: DEFAULT_RUNS };
const monthly = (p: Projection): number[] => [...totalsByMonth(p.byKind).values()];
const lagArb = fc.integer({ min: 0, max: 3 });
const DROPPED_OUT = OUTCOMES.indexOf("droppedOut");
const ACHIEVED = OUTCOMES.indexOf("achieved");
const withoutCeiling = (cfg: EffortConfig): EffortConfig => {
  const { ceiling: _ceiling, ...rest } = cfg;
  return rest;
};
/** A caseload arbitrary plus a random horizon inside its window. */
const withHorizon = <T extends { window: { start: string; months: number } }>(arb: fc.Arbitrary<T>) =>
  arb.chain((x) => subHorizonArb(x.window).map((h) => ({ ...x, h })));
const sortLines = (lines: readonly WrittenLine[]): WrittenLine[] =>
  [...lines].sort((a, b) => a.t - b.t || a.incurred - b.incurred || a.month - b.month || a.kind - b.kind || a.cents - b.cents);

describe("distribution loses no cent", () => {
  const weightsArb = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 24 }).filter((w) => w.some((x) => x > 0));

  it("allocate sums to the total, each part within 1 cent of its exact share, as the largest-remainder rule says", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), weightsArb, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = BigInt(weights.reduce((a, b) => a + b, 0));
        parts.forEach((p, i) => {
          expect(Number.isSafeInteger(p)).toBe(true);
          // |p − total × w / sum| < 1  ⇔  |p × sum − total × w| < sum
          const diff = BigInt(p) * sum - BigInt(total) * BigInt(weights[i]!);
          expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
        });
        expect(parts).toEqual(largestRemainder(total, weights));
        // a negative total splits as the mirror image of the positive one
        expect(allocate(-total, weights).map((x) => -x || 0)).toEqual(parts.map((x) => x || 0));
      }),
      RUNS,
    );
  });

  it("splitEvenly gives near-equal parts, the extra cents to the earliest parts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 1, max: 120 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const base = Math.floor(total / n);
        const extra = total - base * n;
        expect(parts).toEqual(Array.from({ length: n }, (_, i) => (i < extra ? base + 1 : base)));
      }),
      RUNS,
    );
  });

  it("percentWeights keeps the ratios of decimal percentages exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 6 }), (hundredths) => {
        const percents = hundredths.map((h) => (h / 100).toString());
        const w = percentWeights(percents);
        // w_i / w_j = p_i / p_j  ⇔  w_i × h_j = w_j × h_i
        for (let i = 0; i < w.length; i++) for (let j = 0; j < w.length; j++) expect(w[i]! * hundredths[j]!).toBe(w[j]! * hundredths[i]!);
      }),
      RUNS,
    );
  });
});

describe("effort funding is monotone in delivered units", () => {
  it("adding use to one trajectory-month never lowers the total or any month's payment, and changes only that month's payment", () => {
    fc.assert(
      fc.property(
        caseloadWithRecordsArb.filter((x) => x.records.length > 0),
        effortConfigArb({ ceiling: "none" }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 3000 }),
        lagArb,
        ({ window, records }, cfg, ti, ki, delta, lag) => {
          const i = ti % records.length;
          const use = records[i]!.use as number[];
          const k = ki % use.length;
          // More use, within what the month can hold (etmalen: at most 28 in every month).
          const cap = records[i]!.unit === "14" ? 28 : Number.MAX_SAFE_INTEGER;
          const more = records.map((r, j) => (j === i ? { ...r, use: use.map((u, m) => (m === k ? Math.min(cap, u + delta) : u)) } : r));
          const opts = { horizon: window, paymentLagMonths: lag };
          const base = project(caseloadOf(records, window), createModel(cfg), opts);
          const after = project(caseloadOf(more, window), createModel(cfg), opts);
          expect(after.totalPaid).toBeGreaterThanOrEqual(base.totalPaid);
          expect(after.totalPaid + after.dueAfterHorizon).toBeGreaterThanOrEqual(base.totalPaid + base.dueAfterHorizon);
          const W = parseMonth(window.start);
          const careMonth = Math.max(parseMonth(records[i]!.start), W) + k;
          const paidIn = careMonth + lag - W;
          const a = monthly(after);
          monthly(base).forEach((v, m) => {
            if (m === paidIn) expect(a[m]).toBeGreaterThanOrEqual(v);
            else expect(a[m]).toBe(v);
          });
        },
      ),
      RUNS,
    );
  });
});

describe("budget ceilings (bestedingsruimte)", () => {
  /** The ceiling config entry in force for provider `p` (the last entry naming it), or undefined. */
  const ceilingOf = (cfg: EffortConfig, p: number) => [...(cfg.ceiling?.amounts ?? [])].reverse().find((a) => a.provider === PROVIDERS[p]);
  /** Provider p's ceiling in year y: the version in force in January, indexed like the tariffs unless followIndexation is false. */
  const ceilingAt = (cfg: EffortConfig, p: number, y: number): number => {
    const parsed = EffortConfigSchema.parse(cfg);
    const entry = [...parsed.ceiling!.amounts].reverse().find((a) => a.provider === PROVIDERS[p])!;
    return priceAt(entry.perYear, parsed.ceiling!.followIndexation ? parsed.indexation : undefined, y * 12).toNumber();
  };
  const years = (window: { start: string; months: number }): number[] => {
    const W = parseMonth(window.start);
    const out: number[] = [];
    for (let y = yearOf(W); y <= yearOf(W + window.months - 1); y++) out.push(y);
    return out;
  };

  /**
   * Expected signals from the uncapped declarations, for each year the horizon touches: first month
   * the running total of the year's declarations (over the whole window) reaches 70 % (rounded up)
   * and 100 % of the ceiling.
   */
  function expectSignals(
    cfg: EffortConfig,
    window: { start: string; months: number },
    h: { start: string; months: number },
    free: readonly WrittenLine[],
    signals: Projection["ceilingSignals"],
  ): void {
    const W = parseMonth(window.start);
    const E = W + window.months - 1;
    const expected: unknown[] = [];
    for (let p = 0; p < PROVIDERS.length; p++) {
      const entry = ceilingOf(cfg, p);
      if (!entry) continue;
      for (const y of years(h)) {
        const ceiling = ceilingAt(cfg, p, y);
        const bp = BigInt(basisPoints(cfg.ceiling!.consultationPercent ?? 70));
        const threshold = Number((BigInt(ceiling) * bp + 9999n) / 10000n); // rounded up: never signal early
        let cum = 0;
        let consultation: string | null = null;
        let reached: string | null = null;
        for (let M = Math.max(W, y * 12); M <= Math.min(E, y * 12 + 11); M++) {
          const here = free.filter((l) => l.provider === p && l.incurred === M);
          if (here.length === 0) continue;
          cum += sumLines(here);
          if (consultation === null && cum >= threshold) consultation = formatMonth(M);
          if (reached === null && cum >= ceiling) reached = formatMonth(M);
        }
        expected.push({ provider: PROVIDERS[p], year: y, consultationMonth: consultation, reachedMonth: reached, ceiling, declared: cum, beyondCeiling: Math.max(0, cum - ceiling) });
      }
    }
    const order = (s: { provider: string; year: number }) => `${s.provider}|${s.year}`;
    expect([...signals].sort((a, b) => order(a).localeCompare(order(b)))).toEqual(expected);
  }

  it("providerBears: paid per provider per care year is min(declared, that year's ceiling); signals from the uncapped run", () => {
    fc.assert(
      fc.property(withHorizon(denseCaseloadArb()), effortConfigArb({ ceiling: "providerBears" }), lagArb, ({ window, h, caseload }, cfg, lag) => {
        const capped = recordLines(caseload, cfg, h, lag).lines;
        const free = recordLines(caseload, withoutCeiling(cfg), h, lag).lines;
        for (let p = 0; p < PROVIDERS.length; p++) {
          const entry = ceilingOf(cfg, p);
          for (const y of years(window)) {
            const of = (l: WrittenLine) => l.provider === p && yearOf(l.incurred) === y;
            const paid = sumLines(capped, of);
            const declared = sumLines(free, of);
            if (entry) {
              const ceiling = ceilingAt(cfg, p, y);
              expect(paid).toBeLessThanOrEqual(ceiling);
              expect(paid).toBe(Math.min(declared, ceiling));
            } else expect(paid).toBe(declared);
          }
        }
        const p = project(caseload, createModel(cfg), { horizon: h, paymentLagMonths: lag });
        expectSignals(cfg, window, h, free, p.ceilingSignals);
        expect(p.waiting.clients).toBe(0);
      }),
      RUNS,
    );
  });

  it("overspend: every declaration is paid as without a ceiling; the excess is reported", () => {
    fc.assert(
      fc.property(withHorizon(denseCaseloadArb()), effortConfigArb({ ceiling: "overspend" }), lagArb, ({ window, h, caseload }, cfg, lag) => {
        const capped = recordLines(caseload, cfg, h, lag).lines;
        const free = recordLines(caseload, withoutCeiling(cfg), h, lag).lines;
        expect(sortLines(capped)).toEqual(sortLines(free.filter((l) => l.cents !== 0)));
        const opts = { horizon: h, paymentLagMonths: lag };
        const a = project(caseload, createModel(cfg), opts);
        const b = project(caseload, createModel(withoutCeiling(cfg)), opts);
        expect(monthly(a)).toEqual(monthly(b));
        expect(a.dueAfterHorizon).toBe(b.dueAfterHorizon);
        expectSignals(cfg, window, h, free, a.ceilingSignals);
      }),
      RUNS,
    );
  });

  it("intakeStop: admitted clients are paid as without a ceiling (shifted by their wait); any client starting inside the window may wait, and only when the ceiling was reached", () => {
    fc.assert(
      fc.property(withHorizon(denseCaseloadArb()), effortConfigArb({ ceiling: "intakeStop", constantPrices: true }), lagArb, ({ window, h, caseload: c }, cfg, lag) => {
        const W = parseMonth(window.start);
        const E = W + window.months - 1;
        const first = parseMonth(h.start);
        const last = first + h.months - 1;
        const { lines: capped, outcome } = recordLines(c, cfg, h, lag);
        const free = recordLines(c, withoutCeiling(cfg), h, lag).lines;
        const delays = outcome.delays ?? new Int32Array(c.size);
        const spentBefore = (p: number, M: number): number => sumLines(capped, (l) => l.provider === p && yearOf(l.incurred) === yearOf(M) && l.incurred < M);
        let waiting = 0;
        let waitingMonths = 0;
        for (let t = 0; t < c.size; t++) {
          const d = delays[t]!;
          const s = c.start[t]!;
          const p = c.provider[t]!;
          // admitted care is the same care, shifted by the wait (care pushed past the window is not delivered here)
          const mine = capped.filter((l) => l.t === t);
          const shifted = free
            .filter((l) => l.t === t && l.incurred + d <= E && l.cents !== 0)
            .map((l) => ({ ...l, month: l.month + d, incurred: l.incurred + d }));
          expect(sortLines(mine)).toEqual(sortLines(shifted));
          const entry = ceilingOf(cfg, p);
          const ceilingIn = (M: number): number => ceilingAt(cfg, p, yearOf(M));
          if (s < W) {
            expect(d).toBe(0); // already in care when the window opens: never stopped
            continue;
          }
          if (d === 0) {
            if (entry) expect(spentBefore(p, s)).toBeLessThan(ceilingIn(s));
            continue;
          }
          expect(entry).toBeDefined();
          expect(spentBefore(p, s)).toBeGreaterThanOrEqual(ceilingIn(s));
          // waits until a January; every January it still could not start, the ceiling was reached again
          for (let J = (yearOf(s) + 1) * 12; J < s + d; J += 12) expect(spentBefore(p, J)).toBeGreaterThanOrEqual(ceilingIn(J));
          if (s + d <= E) {
            expect((s + d) % 12).toBe(0);
            expect(spentBefore(p, s + d)).toBeLessThan(ceilingIn(s + d));
          } else expect(s + d).toBeGreaterThan(E);
          // counted inside the horizon only: from its planned start (or the horizon's) to the month before it starts
          const from = Math.max(s, first);
          const to = Math.min(s + d - 1, last);
          if (to >= from) {
            waiting++;
            waitingMonths += to - from + 1;
          }
        }
        const proj = project(c, createModel(cfg), { horizon: h, paymentLagMonths: lag });
        expect(proj.waiting.clients).toBe(waiting);
        expect(proj.waiting.clientMonths).toBe(waitingMonths);
      }),
      RUNS,
    );
  });
});

describe("task funding pays exactly its budget", () => {
  const taskArb = taskConfigArb({ corridor: false }).map((cfg): TaskConfig => {
    const { indexation: _indexation, ...rest } = cfg; // dated versions, no indexation: the yearly amount is the version in force in January
    return rest;
  });

  it("for each full calendar year inside the horizon, each budget's lines sum to its yearly amount, in near-equal instalments", () => {
    fc.assert(
      fc.property(
        withHorizon(caseloadWithRecordsArb),
        taskArb,
        ({ caseload: c, h }, cfg) => {
          const p = project(c, createModel(cfg), { horizon: h, lines: true });
          const l = p.ledger!;
          const first = parseMonth(h.start);
          const last = first + h.months - 1;
          for (const b of cfg.budgets) {
            const prov = b.provider === undefined ? -1 : c.providers.indexOf(b.provider);
            const mun = b.municipality === undefined ? -1 : c.municipalities.indexOf(b.municipality);
            for (let y = yearOf(first); y <= yearOf(last); y++) {
              const mine: number[] = [];
              for (let i = 0; i < l.length; i++) if (l.provider[i] === prov && l.municipality[i] === mun && yearOf(l.month[i]!) === y) mine.push(l.cents[i]!);
              if (y * 12 < first || y * 12 + 11 > last) continue; // a year only partly inside the horizon
              const yearly = datedAt(b.perYear, y * 12);
              expect(mine.reduce((s, v) => s + v, 0)).toBe(yearly);
              const base = Math.floor(yearly / 12);
              const months = Array.from({ length: 12 }, (_, m) => sumOf(l, (i) => l.provider[i] === prov && l.municipality[i] === mun && l.month[i] === y * 12 + m));
              expect(months).toEqual(Array.from({ length: 12 }, (_, m) => (m < yearly - base * 12 ? base + 1 : base)));
            }
          }
        },
      ),
      RUNS,
    );
  });

  it("two very different caseloads on the same window are paid the same", () => {
    fc.assert(
      fc.property(
        windowArb.chain((window) => fc.tuple(fc.constant(window), recordsArb(window, 0), recordsArb(window, 40))),
        taskConfigArb({ corridor: false }),
        ([window, none, many], cfg) => {
          const opts = { horizon: window, lines: true };
          const a = project(caseloadOf(none, window), createModel(cfg), opts);
          const b = project(caseloadOf(many, window), createModel(cfg), opts);
          for (const key of ["totalPaid", "byKind", "byProvider", "byMunicipality", "byProfile", "byCareForm", "obligations", "dueAfterHorizon", "ledger"] as const) {
            expect(b[key]).toEqual(a[key]);
          }
        },
      ),
      RUNS,
    );
  });
});

function sumOf(l: NonNullable<Projection["ledger"]>, keep: (i: number) => boolean): number {
  let s = 0;
  for (let i = 0; i < l.length; i++) if (keep(i)) s += l.cents[i]!;
  return s;
}

const names = (c: Caseload, t: number): Record<string, string> => ({
  provider: c.providers[c.provider[t]!]!,
  profile: c.profiles[c.profile[t]!]!,
  intensity: c.intensities[c.intensity[t]!]!,
});

describe("a closed trajectory is paid exactly its amount", () => {
  it("trajectory funding: every trajectory's lines sum to its amount (drop-out: its share), inside the horizon when both parts fall in it", () => {
    fc.assert(
      fc.property(
        withHorizon(caseloadWithRecordsArb),
        trajectoryConfigArb({ constantPrices: true }),
        lagArb,
        ({ caseload: c, h }, cfg, lag) => {
          const entries = cfg.amounts as { provider?: string; profile?: string; amount: unknown }[];
          const { lines } = recordLines(c, cfg, h, lag);
          const p = project(c, createModel(cfg), { horizon: h, paymentLagMonths: lag, lines: true });
          const l = p.ledger!;
          const first = parseMonth(h.start);
          const last = first + h.months - 1;
          for (let t = 0; t < c.size; t++) {
            const full = centsOf(keyedPrice(entries, ["provider", "profile"], names(c, t), "amount"));
            const amount = c.outcome[t] === DROPPED_OUT ? percentHalfUp(full, basisPoints(cfg.dropOutPercent ?? 100)) : full;
            expect(sumLines(lines, (x) => x.t === t)).toBe(amount);
            const s = c.start[t]!;
            const end = c.end[t]!;
            if (end !== OPEN_END && s >= first && end + lag <= last) expect(sumOf(l, (i) => l.trajectory[i] === t)).toBe(amount);
          }
        },
      ),
      RUNS,
    );
  });

  it("output funding: an arrangement closed within its validity is paid its price, less the result share when the result was not achieved", () => {
    fc.assert(
      fc.property(
        withHorizon(caseloadWithRecordsArb),
        outputConfigArb({ constantPrices: true }),
        lagArb,
        ({ caseload: c, h }, cfg, lag) => {
          const entries = cfg.prices as { provider?: string; profile?: string; intensity?: string; price: unknown }[];
          const s4 = cfg.schedule!;
          const weights = [s4.atStart, s4.instalments, s4.atEnd, s4.onResult].map((x) => Math.round(Number(x) * 10));
          const validity = cfg.validityMonths ?? 12;
          const guarantee = cfg.guaranteeMonths ?? 0;
          const { lines } = recordLines(c, cfg, h, lag);
          const p = project(c, createModel(cfg), { horizon: h, paymentLagMonths: lag, lines: true });
          const l = p.ledger!;
          const first = parseMonth(h.start);
          const last = first + h.months - 1;
          for (let t = 0; t < c.size; t++) {
            const s = c.start[t]!;
            const end = c.end[t]!;
            // any earlier trajectory of the client (started in an earlier month) at the same provider, achieved and
            // closed 0 … guarantee months before s (README, "Rules and their readings"); a running one is parallel
            let guaranteed = false;
            for (let u = c.previous[t]!; guarantee > 0 && u >= 0; u = c.previous[u]!) {
              if (c.provider[u] !== c.provider[t] || c.outcome[u] !== ACHIEVED || c.end[u] === OPEN_END) continue;
              if (c.start[u]! < s && c.end[u]! <= s && s - c.end[u]! <= guarantee) guaranteed = true;
            }
            const mine = (x: WrittenLine) => x.t === t;
            if (guaranteed) {
              expect(lines.filter(mine)).toEqual([]); // re-entry within the guarantee: at the provider's cost
              continue;
            }
            if (end === OPEN_END || end > s + validity - 1) continue;
            const price = centsOf(keyedPrice(entries, ["provider", "profile", "intensity"], names(c, t), "price"));
            const resultShare = largestRemainder(price, weights)[3]!;
            const expected = c.outcome[t] === ACHIEVED ? price : price - resultShare;
            expect(sumLines(lines, mine)).toBe(expected);
            for (const x of lines.filter(mine)) {
              expect(x.month).toBeGreaterThanOrEqual(s + lag);
              expect(x.month).toBeLessThanOrEqual(end + lag);
            }
            if (s >= first && end + lag <= last) expect(sumOf(l, (i) => l.trajectory[i] === t)).toBe(expected);
          }
        },
      ),
      RUNS,
    );
  });
});

describe("the four models agree where calibrated to the same cost", () => {
  /**
   * N trajectories of 3 months × 600 minutes ambulant (unit 04) starting Jan–Sep 2026, window and
   * horizon 2026, lag 1 (so the last care month, November at the latest, is paid in December).
   * 600 minutes = 10 hours exactly, so each trajectory is 3 × 10 h × T under effort funding; the
   * output price, the trajectory amount and the per-trajectory share of the task budget are set
   * to that same 30 × T.
   */
  function calibrated(n: number, tariff: number, starts: readonly number[], outcomes: readonly ("achieved" | "notAchieved" | "droppedOut")[]) {
    const window = { start: "2026-01", months: 12 };
    const records: TrajectoryInput[] = starts.map((m, i) => ({
      id: `t${i}`,
      municipality: i % 2 ? "G1" : "G0",
      provider: PROVIDERS[i % 3]!,
      profile: "licht",
      careForm: "ambulant",
      unit: "04",
      start: formatMonth(parseMonth("2026-01") + m),
      end: formatMonth(parseMonth("2026-01") + m + 2),
      outcome: outcomes[i % outcomes.length]!,
      use: [600, 600, 600],
    }));
    const c = caseloadFromRecords(records, { window });
    const per = 30 * tariff;
    const models: ModelConfig[] = [
      { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: { cents: tariff } }] },
      { kind: "output", prices: [{ price: { cents: per } }], validityMonths: 3 },
      { kind: "trajectory", amounts: [{ amount: { cents: per } }] },
      { kind: "task", budgets: [{ perYear: { cents: n * per } }] },
    ];
    return models.map((m) => project(c, createModel(m), { horizon: window, paymentLagMonths: 1 }));
  }

  it("by hand: 4 trajectories × 3 months × 10 h × €70 = €8,400.00 under all four models", () => {
    // Effort: 600 min = 10 h → 10 × 7000 = 70,000 cents a month; 3 months = 210,000 per trajectory; × 4 = 840,000.
    // Output: price 210,000 in 3 instalments of 70,000 (validity 3 = norm 3), closed in month 3 → 210,000 each.
    // Trajectory: 50 % advance 105,000 at start + 105,000 at closure = 210,000 each.
    // Task: budget 840,000 for 2026 → 12 × 70,000.
    const ps = calibrated(4, 7000, [0, 2, 5, 8], ["achieved", "notAchieved"]);
    expect(ps.map((p) => p.totalPaid)).toEqual([840_000, 840_000, 840_000, 840_000]);
    expect(ps.map((p) => p.dueAfterHorizon)).toEqual([0, 0, 0, 0]);
  });

  it("for any N, tariff and start months Jan–Sep, every model pays N × 30 × T inside the year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.integer({ min: 0, max: 30_000 }), fc.array(fc.integer({ min: 0, max: 8 }), { minLength: n, maxLength: n })),
        ),
        fc.subarray(["achieved", "notAchieved", "droppedOut"] as const, { minLength: 1 }),
        ([n, tariff, starts], outcomes) => {
          const ps = calibrated(n, tariff, starts, outcomes);
          for (const p of ps) {
            expect(p.totalPaid).toBe(n * 30 * tariff);
            expect(p.dueAfterHorizon).toBe(0);
          }
        },
      ),
      RUNS,
    );
  });
});
