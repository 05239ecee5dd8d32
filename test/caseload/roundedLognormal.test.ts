/**
 * The generator's look-up tables must give, for every normal draw, exactly the value of the
 * expression each replaces: a month's use Math.floor(scale × Math.exp(sigma × z) + 0.5), and a
 * duration Math.ceil(mean × Math.exp(sigma × z − sigma² / 2)).
 */
import { describe, expect, it } from "vitest";
import { RoundedLognormal } from "../../src/caseload/roundedLognormal.js";
import { Rng } from "../../src/random.js";

type Case = [scale: number, sigma: number, shift: number, rounding: "halfUp" | "up"];
/** The expressions as generate.ts wrote them before the tables. */
const direct = ([scale, sigma, shift, rounding]: Case, z: number): number =>
  rounding === "up" ? Math.ceil(scale * Math.exp(sigma * z - shift)) : Math.floor(scale * Math.exp(sigma * z) + 0.5);
const sigmaOf = (cv: number): number => Math.sqrt(Math.log(1 + cv * cv));

/** Count of draws where the table and the expression differ. */
function mismatches(c: Case, zs: Iterable<number>): number {
  const table = new RoundedLognormal(...c);
  let bad = 0;
  for (const z of zs) if (table.at(z) !== direct(c, z)) bad++;
  return bad;
}

function* normals(seed: number, n: number): Generator<number> {
  const rng = new Rng(seed, "roundedLognormal test");
  for (let i = 0; i < n; i++) yield rng.normal();
}

/** z next to every cell edge and every whole-value threshold, where a wrong table would err first. */
function* edges([scale, sigma, shift, rounding]: Case): Generator<number> {
  for (let z = -5.25; z <= 5.25; z += 2 ** -12) {
    for (const d of [-1e-12, -1e-15, -Number.EPSILON, 0, Number.EPSILON, 1e-15, 1e-12]) yield z + d;
  }
  // z at which the value steps from k to k + 1 (the unrounded value is k + ½, or k), and doubles around it.
  for (let k = 1; k < Math.min(5000, scale * Math.exp(sigma * 5)); k++) {
    const z = (Math.log((k + (rounding === "up" ? 0 : 0.5)) / scale) + shift) / sigma;
    if (!Number.isFinite(z)) continue;
    let x = z;
    for (let i = 0; i < 4; i++) x = nextDown(x);
    for (let i = 0; i < 9; i++, x = nextUp(x)) yield x;
  }
}

const buffer = new DataView(new ArrayBuffer(8));
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  buffer.setFloat64(0, x);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}
const nextDown = (x: number): number => -nextUp(-x);

// The default region's monthly use (minutes, dagdelen, etmalen) and harder ones: a wide spread, a large scale, a tiny one.
const use = (scale: number, cv: number): Case => [scale, sigmaOf(cv), 0, "halfUp"];
const duration = (mean: number, cv: number): Case => [mean, sigmaOf(cv), sigmaOf(cv) ** 2 / 2, "up"];
const CASES: Case[] = [
  use(143.4, 0.3),
  use(246, 0.3),
  use(345, 0.3),
  use(8.4, 0.25),
  use(33.6, 0.25),
  use(30.4, 0.02),
  use(1000, 3),
  use(44_000, 0.5),
  use(0.7, 1),
  use(5, 0),
  duration(8, 0.6),
  duration(14, 0.6),
  duration(36, 0.6),
  duration(2.5, 0.1),
  duration(300, 2),
  duration(0.4, 0.6),
  duration(12, 0),
];

describe("RoundedLognormal", () => {
  it.each(CASES)("equals the expression on a million normal draws (scale %d, sigma %d, shift %d, %s)", (...c) => {
    expect(mismatches(c, normals(Math.round(c[0] * 1000), 1_000_000))).toBe(0);
  });

  it.each(CASES)("equals the expression at every cell edge and every step of the value (scale %d, sigma %d, shift %d, %s)", (...c) => {
    expect(mismatches(c, edges(c))).toBe(0);
  });

  it("equals the expression beyond the table's range and in the far tails", () => {
    const zs = [-40, -9, -5.000000000000001, -5, 4.999999999999999, 5, 5.5, 9, 40, 1e3];
    for (const c of CASES) expect(mismatches(c, zs)).toBe(0);
  });
});
