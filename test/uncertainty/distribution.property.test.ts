/** Properties of every distribution: quantiles are monotone and inside the support; resolving never mutates. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MoneySchema } from "../../src/money/index.js";
import { Rng } from "../../src/random.js";
import {
  DistributionSchema,
  convertDraw,
  distributionMean,
  findUncertain,
  quantile,
  resolveUncertain,
  sampleDistribution,
  type Distribution,
} from "../../src/index.js";

const num = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const pos = num;

/** Valid distributions of every kind, with their support. */
const distribution: fc.Arbitrary<{ d: Distribution; lo: number; hi: number }> = fc.oneof(
  num(-1e6, 1e6).map((value) => ({ d: { distribution: "fixed" as const, value }, lo: value, hi: value })),
  fc.tuple(num(-1e6, 1e6), pos(1e-3, 1e6)).map(([min, w]) => ({ d: { distribution: "uniform" as const, min, max: min + w }, lo: min, hi: min + w })),
  fc.tuple(num(-1e6, 1e6), pos(1e-3, 1e6), num(0, 1)).map(([min, w, f]) => ({
    d: { distribution: "triangular" as const, min, mode: min + f * w, max: min + w },
    lo: min,
    hi: min + w,
  })),
  fc.tuple(num(-1e3, 1e3), pos(1e-2, 1e3)).map(([mean, sd]) => ({ d: { distribution: "normal" as const, mean, sd }, lo: -Infinity, hi: Infinity })),
  fc.tuple(num(-1e3, 1e3), pos(1e-2, 1e3), num(-3, 2), pos(0.1, 5)).map(([mean, sd, a, w]) => ({
    d: { distribution: "normal" as const, mean, sd, min: mean + a * sd, max: mean + (a + w) * sd },
    lo: mean + a * sd,
    hi: mean + (a + w) * sd,
  })),
  fc.tuple(pos(1e-2, 1e4), pos(1e-2, 1e4)).map(([mean, sd]) => ({ d: { distribution: "lognormal" as const, mean, sd }, lo: 0, hi: Infinity })),
  fc.tuple(pos(0.05, 50), pos(0.05, 50)).map(([alpha, beta]) => ({ d: { distribution: "beta" as const, alpha, beta }, lo: 0, hi: 1 })),
  fc.tuple(pos(0.05, 500), pos(1e-2, 1e3)).map(([shape, scale]) => ({ d: { distribution: "gamma" as const, shape, scale }, lo: 0, hi: Infinity })),
);

describe("distribution properties", () => {
  it("generated nodes are valid", () => {
    fc.assert(fc.property(distribution, ({ d }) => DistributionSchema.safeParse(d).success));
  });

  it("quantiles are finite, inside the support and non-decreasing in p", () => {
    fc.assert(
      fc.property(distribution, fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), ({ d, lo, hi }, p, q) => {
        const [a, b] = p <= q ? [p, q] : [q, p];
        const qa = quantile(d, a);
        const qb = quantile(d, b);
        expect(Number.isFinite(qa) && Number.isFinite(qb)).toBe(true);
        expect(qa).toBeLessThanOrEqual(qb + 1e-9 * Math.max(1, Math.abs(qb)));
        expect(qa >= lo && qb <= hi).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("draws are finite and inside the support; the mean is finite", () => {
    fc.assert(
      fc.property(distribution, fc.integer(), ({ d, lo, hi }, seed) => {
        const rng = new Rng(seed, "property");
        for (let i = 0; i < 20; i++) {
          const x = sampleDistribution(d, rng);
          expect(Number.isFinite(x) && x >= lo && x <= hi).toBe(true);
        }
        expect(Number.isFinite(distributionMean(d))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("euros: a money string within half a cent of the draw", () => {
    fc.assert(
      fc.property(num(-1e9, 1e9), (x) => {
        const s = convertDraw({ distribution: "fixed", value: 0, as: "euros" }, x) as string;
        const cents = MoneySchema.parse(s);
        expect(Math.abs(cents / 100 - x)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});

/** A JSON tree whose leaves are numbers, strings and booleans. */
const jsonTree = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: "small" }, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean(), fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(fc.string().filter((k) => k !== "distribution" && k !== "__proto__"), tie("tree"), { maxKeys: 4 })),
})).tree;

/** Replaces numeric leaves chosen by `pick` with fixed nodes of the same value. */
function withFixedNodes(tree: unknown, pick: () => boolean): unknown {
  if (typeof tree === "number") return pick() ? { distribution: "fixed", value: tree } : tree;
  if (Array.isArray(tree)) return tree.map((t) => withFixedNodes(t, pick));
  if (typeof tree === "object" && tree !== null) return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, withFixedNodes(v, pick)]));
  return tree;
}

describe("resolve properties", () => {
  it("fixed nodes resolve to the plain tree, and the input is never changed", () => {
    fc.assert(
      fc.property(jsonTree, fc.infiniteStream(fc.boolean()), (plain, bits) => {
        const it = bits[Symbol.iterator]();
        const uncertain = withFixedNodes(plain, () => it.next().value as boolean);
        const before = structuredClone(uncertain);
        expect(resolveUncertain(uncertain)).toEqual(plain);
        expect(uncertain).toEqual(before);
        expect(findUncertain(uncertain).every((p) => p.distribution.distribution === "fixed")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
