import { describe, expect, it } from "vitest";
import { Rng } from "../src/random.js";

/**
 * The standard normal CDF by an independent method: erfc from its continued fraction (Lentz)
 * for |x| ≥ 2 and the Maclaurin series of erf below, both to ~1e-15 — not the ziggurat's tables.
 */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  let erfc: number;
  if (z < 2) {
    // erf(z) = 2/√π Σ (−1)^n z^(2n+1) / (n! (2n+1))
    let term = z;
    let sum = z;
    for (let n = 1; n < 60; n++) {
      term *= (-z * z) / n;
      sum += term / (2 * n + 1);
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc(z) = exp(−z²)/√π · 1/(z + 1/2/(z + 1/(z + 3/2/(z + …))))
    let f = z;
    let c = z;
    let d = 0;
    for (let n = 1; n < 200; n++) {
      const a = n / 2;
      d = z + a * d;
      d = 1 / d;
      c = z + a / c;
      f *= c * d;
    }
    erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * The ziggurat as random.ts first wrote it (before normal() was split into a fast path and
 * normalBeyond, and before normals()), through the public uniforms only: the streams must not move.
 */
const ZR = 3.6541528853610088;
const ZV = 0.00492867323399;
const ZK = new Float64Array(256);
const ZW = new Float64Array(256);
const ZF = new Float64Array(256);
{
  const m = 2 ** 52;
  const density = (x: number): number => Math.exp(-0.5 * x * x);
  let dn = ZR;
  let tn = dn;
  const q = ZV / density(dn);
  ZK[0] = Math.floor((dn / q) * m);
  ZK[1] = 0;
  ZW[0] = q / m;
  ZW[255] = dn / m;
  ZF[0] = 1;
  ZF[255] = density(dn);
  for (let i = 254; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZV / dn + density(dn)));
    ZK[i + 1] = Math.floor((dn / tn) * m);
    tn = dn;
    ZF[i] = density(dn);
    ZW[i] = dn / m;
  }
}
/** How often each path of {@link zigguratAsFirstWritten} returned a draw, and how often a wedge test rejected. */
const zigguratPaths = { layer: 0, tail: 0, wedge: 0, wedgeRejected: 0 };

function zigguratAsFirstWritten(rng: Rng): number {
  for (;;) {
    const a = rng.nextUint32();
    const layer = a & 0xff;
    const rabs = (a >>> 12) * 4294967296 + rng.nextUint32();
    const x = rabs * ZW[layer]!;
    const sign = (a & 0x100) === 0 ? 1 : -1;
    if (rabs < ZK[layer]!) {
      zigguratPaths.layer++;
      return sign * x;
    }
    if (layer === 0) {
      for (;;) {
        const xx = -Math.log1p(-rng.next()) / ZR;
        const yy = -Math.log1p(-rng.next());
        if (yy + yy > xx * xx) {
          zigguratPaths.tail++;
          return sign * (ZR + xx);
        }
      }
    }
    if ((ZF[layer - 1]! - ZF[layer]!) * rng.next() + ZF[layer]! < Math.exp(-0.5 * x * x)) {
      zigguratPaths.wedge++;
      return sign * x;
    }
    zigguratPaths.wedgeRejected++;
  }
}

describe("Rng.normal (ziggurat)", () => {
  const n = 2_000_000;
  const rng = new Rng(20261205, "normal test");
  const xs = Float64Array.from({ length: n }, () => rng.normal()).sort();

  it("follows the standard normal: Kolmogorov–Smirnov distance below the 1 % critical value", () => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = phi(xs[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it("has the normal's mass in each of 100 equiprobable bins (χ² below its 0.1 % critical value)", () => {
    // Bin edges by bisection on the independent CDF; a wrong wedge or layer shows up as a bias in
    // some bins that KS over the whole line can miss.
    const bins = 100;
    const edges = Array.from({ length: bins - 1 }, (_, k) => {
      let lo = -10;
      let hi = 10;
      for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        if (phi(mid) < (k + 1) / bins) lo = mid;
        else hi = mid;
      }
      return lo;
    });
    const counts = new Array<number>(bins).fill(0);
    let b = 0;
    for (const x of xs) {
      while (b < bins - 1 && x >= edges[b]!) b++;
      counts[b]!++;
    }
    const expected = n / bins;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(148.2); // χ²(99) at 0.1 %
  });

  it("draws the tail beyond the base (R ≈ 3.654) from the normal's tail: its mean excess", () => {
    const R = 3.6541528853610088;
    const tail = xs.filter((x) => Math.abs(x) > R).map((x) => Math.abs(x) - R);
    // E[X − R | X > R] = φ(R) / (1 − Φ(R)) − R; its sd is below 1/R (the excess is near-exponential).
    const density = Math.exp(-R * R / 2) / Math.sqrt(2 * Math.PI);
    const expected = density / (1 - phi(R)) - R;
    const mean = tail.reduce((a, x) => a + x, 0) / tail.length;
    expect(Math.abs(mean - expected)).toBeLessThan((4 / R) / Math.sqrt(tail.length));
  });

  it("has mean 0, variance 1 and normal tails (within 4 standard errors)", () => {
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    for (const x of xs) {
      s1 += x;
      s2 += x * x;
      s4 += x ** 4;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    // Beyond the ziggurat's base (R ≈ 3.654) the draws come from the exact tail method.
    const p = 2 * (1 - phi(3.6541528853610088));
    const beyond = xs.filter((x) => Math.abs(x) > 3.6541528853610088).length;
    expect(Math.abs(beyond - n * p)).toBeLessThan(4 * Math.sqrt(n * p));
    // Symmetric: as many above 2 as below −2.
    const above = xs.filter((x) => x > 2).length;
    const below = xs.filter((x) => x < -2).length;
    expect(Math.abs(above - below)).toBeLessThan(4 * Math.sqrt(above + below));
  });

  it("is deterministic by seed and label", () => {
    const a = new Rng(7, "x");
    const b = new Rng(7, "x");
    const c = new Rng(7, "y");
    const da = Array.from({ length: 50 }, () => a.normal());
    expect(Array.from({ length: 50 }, () => b.normal())).toEqual(da);
    expect(Array.from({ length: 50 }, () => c.normal())).not.toEqual(da);
  });

  it("normal() and normals(out, n) give exactly the draws of the ziggurat as first written (one loop), tail and wedge included", () => {
    Object.assign(zigguratPaths, { layer: 0, tail: 0, wedge: 0, wedgeRejected: 0 });
    for (const seed of [1, 2, 99]) {
      const reference = new Rng(seed, "batch");
      const a = new Rng(seed, "batch");
      const b = new Rng(seed, "batch");
      const single = new Float64Array(2_000_000);
      for (let i = 0; i < single.length; i++) {
        single[i] = a.normal();
        if (!Object.is(single[i], zigguratAsFirstWritten(reference))) throw new Error(`normal() differs at draw ${i} of seed ${seed}`);
      }
      const batched = new Float64Array(single.length);
      const buffer = new Float64Array(4096);
      // Batches of varied sizes (0 included), as the generator makes them month by month.
      for (let done = 0, size = 0; done < batched.length; size = (size * 7 + 13) % 4097) {
        const n = Math.min(size, batched.length - done);
        b.normals(buffer, n);
        batched.set(buffer.subarray(0, n), done);
        done += n;
      }
      let differ = 0;
      for (let i = 0; i < single.length; i++) if (!Object.is(single[i], batched[i])) differ++;
      expect(differ).toBe(0);
      // The tail's draws lie beyond R.
      expect(single.some((x) => Math.abs(x) > 3.6541528853610088)).toBe(true);
      const next = a.nextUint32();
      expect(b.nextUint32()).toBe(next);
      expect(reference.nextUint32()).toBe(next);
    }
    // Every path beyond the first layer test was compared, not only the common case: draws from
    // the tail, draws accepted in a wedge, and wedge tests that rejected and drew again. Expected
    // shares (Marsaglia & Tsang, 256 layers): about 1 % of draws leave the fast path.
    const { layer, tail, wedge, wedgeRejected } = zigguratPaths;
    expect(tail).toBeGreaterThan(100);
    expect(wedge).toBeGreaterThan(1000);
    expect(wedgeRejected).toBeGreaterThan(100);
    expect(layer / (layer + tail + wedge)).toBeGreaterThan(0.98);
  });

  it("lognormal takes one normal whatever its spread, so later draws do not depend on cv", () => {
    const a = new Rng(3, "s");
    const b = new Rng(3, "s");
    for (let i = 0; i < 1000; i++) {
      expect(a.lognormal(10, 0)).toBe(10);
      b.lognormal(10, 1.5);
    }
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});
