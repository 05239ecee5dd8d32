/**
 * The look-up table for a month's use must give, for every normal draw, exactly the value of the
 * expression it replaces: Math.floor(scale × Math.exp(sigma × z) + 0.5).
 */
import { describe, expect, it } from "vitest";
import { RoundedLognormal } from "../../src/caseload/roundedLognormal.js";
import { Rng } from "../../src/random.js";

const direct = (scale: number, sigma: number, z: number): number => Math.floor(scale * Math.exp(sigma * z) + 0.5);
const sigmaOf = (cv: number): number => Math.sqrt(Math.log(1 + cv * cv));

/** Count of draws where the table and the expression differ. */
function mismatches(scale: number, sigma: number, zs: Iterable<number>): number {
  const table = new RoundedLognormal(scale, sigma);
  let bad = 0;
  for (const z of zs) if (table.at(z) !== direct(scale, sigma, z)) bad++;
  return bad;
}

function* normals(seed: number, n: number): Generator<number> {
  const rng = new Rng(seed, "roundedLognormal test");
  for (let i = 0; i < n; i++) yield rng.normal();
}

/** z next to every cell edge and every whole-value threshold, where a wrong table would err first. */
function* edges(scale: number, sigma: number): Generator<number> {
  for (let z = -5.25; z <= 5.25; z += 2 ** -12) {
    for (const d of [-1e-12, -1e-15, -Number.EPSILON, 0, Number.EPSILON, 1e-15, 1e-12]) yield z + d;
  }
  // z at which the expression reaches k + ½ (the value steps from k to k + 1), and doubles around it.
  for (let k = 1; k < Math.min(5000, scale * Math.exp(sigma * 5)); k++) {
    const z = Math.log((k + 0.5) / scale) / sigma;
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
const CASES: [number, number][] = [
  [143.4, sigmaOf(0.3)],
  [246, sigmaOf(0.3)],
  [345, sigmaOf(0.3)],
  [8.4, sigmaOf(0.25)],
  [33.6, sigmaOf(0.25)],
  [30.4, sigmaOf(0.02)],
  [1000, sigmaOf(3)],
  [44_000, sigmaOf(0.5)],
  [0.7, sigmaOf(1)],
  [5, 0],
];

describe("RoundedLognormal", () => {
  it.each(CASES)("equals the expression on a million normal draws (scale %d, sigma %d)", (scale, sigma) => {
    expect(mismatches(scale, sigma, normals(Math.round(scale * 1000), 1_000_000))).toBe(0);
  });

  it.each(CASES)("equals the expression at every cell edge and every step of the value (scale %d, sigma %d)", (scale, sigma) => {
    expect(mismatches(scale, sigma, edges(scale, sigma))).toBe(0);
  });

  it("equals the expression beyond the table's range and in the far tails", () => {
    const zs = [-40, -9, -5.000000000000001, -5, 4.999999999999999, 5, 5.5, 9, 40, 1e3];
    for (const [scale, sigma] of CASES) expect(mismatches(scale, sigma, zs)).toBe(0);
  });
});
