/**
 * Seeded random numbers. A small, fast generator (sfc32) whose streams are derived from a seed and
 * a label, so each part of a simulation (a profile's arrivals, its durations, a Monte Carlo run)
 * draws from its own stream: adding a profile does not shift the draws of another, and every
 * funding model compared sees the same caseload (common random numbers).
 *
 * Probabilities and durations are binary floats; they never hold money.
 * @category Caseload
 */
export class Rng {
  /** sfc32's four words. A typed array holds them as raw 32-bit integers: object fields holding
   * values beyond V8's small integers become boxed numbers, which made every draw twice as slow. */
  private readonly s = new Int32Array(4);

  /** A stream for `seed` (any integer) and an optional `label` naming its purpose. */
  constructor(seed: number, label = "") {
    let h = mix32(Math.trunc(seed) ^ 0x9e3779b9);
    h = mix32(h ^ Math.trunc(seed / 0x100000000));
    for (let i = 0; i < label.length; i++) h = mix32(h ^ label.charCodeAt(i));
    const s = this.s;
    s[0] = mix32(h ^ 0x243f6a88);
    s[1] = mix32(s[0] ^ 0x85a308d3);
    s[2] = mix32(s[1] ^ 0x13198a2e);
    s[3] = 1;
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up: decorrelate nearby seeds
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    // sfc32 (Chris Doty-Humphrey), as in PractRand; passes BigCrush.
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /**
   * A standard normal draw: the ziggurat method (Marsaglia & Tsang 2000) with 256 layers, in the
   * form NumPy's `Generator.standard_normal` uses (layer and sign from one 32-bit word, a 52-bit
   * position from it and a second word, so the layer and the position share no bits; Doornik 2005).
   * About 99 % of draws take two 32-bit uniforms, a table look-up and a multiplication; the rest
   * fall through to an exact rejection test or the tail. Box–Muller (a log, a square root and a
   * cosine per draw) was a quarter of a Monte Carlo run's time.
   */
  normal(): number {
    // The common case only, small enough for V8 to inline into callers (a double returned from a
    // call that is not inlined is boxed on the heap); the rest in normalBeyond.
    const a = this.nextUint32();
    const layer = a & 0xff;
    const rabs = (a >>> 12) * 4294967296 + this.nextUint32(); // 52 bits, exact in a double
    if (rabs < ZIG_K[layer]!) return ((a & 0x100) === 0 ? 1 : -1) * (rabs * ZIG_W[layer]!);
    return this.normalBeyond(a, rabs);
  }

  /**
   * `n` standard normal draws into `out[0 … n − 1]`: exactly the draws `n` calls of {@link normal}
   * would give, in order, leaving the stream where they would leave it. The generator's state is
   * held in locals over the batch instead of being read and written per word, which makes the
   * common case (one layer look-up) about a quarter faster; the rare rest goes through the same
   * code as {@link normal}.
   */
  normals(out: Float64Array, n: number): void {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let k = 0; k < n; k++) {
      // Two sfc32 words, as nextUint32 makes them.
      let t = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
      const a = t >>> 0;
      t = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (((s2 << 21) | (s2 >>> 11)) + t) | 0;
      const layer = a & 0xff;
      const rabs = (a >>> 12) * 4294967296 + (t >>> 0);
      if (rabs < ZIG_K[layer]!) {
        out[k] = ((a & 0x100) === 0 ? 1 : -1) * (rabs * ZIG_W[layer]!);
        continue;
      }
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      out[k] = this.normalBeyond(a, rabs);
      s0 = s[0]!;
      s1 = s[1]!;
      s2 = s[2]!;
      s3 = s[3]!;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /** The rest of {@link normal}'s first attempt when its fast test failed, then its next attempts. */
  private normalBeyond(a: number, rabs: number): number {
    const layer = a & 0xff;
    const x = rabs * ZIG_W[layer]!;
    const sign = (a & 0x100) === 0 ? 1 : -1;
    if (layer === 0) {
      for (;;) {
        const xx = -Math.log1p(-this.next()) / ZIG_R;
        const yy = -Math.log1p(-this.next());
        if (yy + yy > xx * xx) return sign * (ZIG_R + xx);
      }
    }
    if ((ZIG_F[layer - 1]! - ZIG_F[layer]!) * this.next() + ZIG_F[layer]! < Math.exp(-0.5 * x * x)) return sign * x;
    return this.normal();
  }

  /**
   * A log-normal draw with the given `mean` and coefficient of variation `cv` (standard deviation ÷
   * mean): `mean × exp(σ·z − σ²/2)` with `σ² = ln(1 + cv²)` and `z` one {@link normal} draw, so
   * the draws average `mean`. `cv` 0 gives exactly `mean`. Always takes one normal draw, whatever
   * `cv`, so the position in a stream does not depend on the spread. A float:
   * callers that turn it into money round it themselves.
   */
  lognormal(mean: number, cv: number): number {
    const z = this.normal();
    if (cv === 0) return mean;
    const s2 = Math.log(1 + cv * cv);
    return mean * Math.exp(Math.sqrt(s2) * z - s2 / 2);
  }

  /** A Poisson draw: exact (Knuth) for small means, normal approximation above 30. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Index drawn with probability proportional to `weights` (cumulative weights precomputed). */
  pick(cumulative: Float64Array): number {
    const total = cumulative[cumulative.length - 1]!;
    const x = this.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Cumulative sums of weights, for {@link Rng.pick}. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => {
    s += w;
    out[i] = s;
  });
  return out;
}

/**
 * Ziggurat tables for the standard normal, 256 layers of equal area `ZIG_V` (Marsaglia & Tsang's
 * `zigset`, for a 52-bit position): `ZIG_K[i]` is the position below which layer i's draw lies
 * wholly under the density (accepted at once), `ZIG_W[i]` turns a position into x, `ZIG_F[i]` is
 * the density at layer i's edge. Built once from the constants; every V8 computes the same values.
 */
const ZIG_R = 3.6541528853610088;
const ZIG_V = 0.00492867323399;
const ZIG_K = new Float64Array(256);
const ZIG_W = new Float64Array(256);
const ZIG_F = new Float64Array(256);
{
  const m = 2 ** 52;
  const density = (x: number): number => Math.exp(-0.5 * x * x);
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / density(dn);
  ZIG_K[0] = Math.floor((dn / q) * m);
  ZIG_K[1] = 0;
  ZIG_W[0] = q / m;
  ZIG_W[255] = dn / m;
  ZIG_F[0] = 1;
  ZIG_F[255] = density(dn);
  for (let i = 254; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + density(dn)));
    ZIG_K[i + 1] = Math.floor((dn / tn) * m);
    tn = dn;
    ZIG_F[i] = density(dn);
    ZIG_W[i] = dn / m;
  }
}

function mix32(x: number): number {
  // murmur3 finaliser: spreads every input bit over the output.
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
