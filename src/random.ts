/**
 * Seeded random numbers. A small, fast generator (sfc32) whose streams are derived from a seed and
 * a label, so each part of a simulation (a profile's arrivals, its durations, a Monte Carlo run)
 * draws from its own stream: adding a profile does not shift the draws of another, and every
 * funding model compared sees the same caseload (common random numbers).
 *
 * Probabilities and durations are binary floats; they never hold money.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for `seed` (any integer) and an optional `label` naming its purpose. */
  constructor(seed: number, label = "") {
    let h = mix32(Math.trunc(seed) ^ 0x9e3779b9);
    h = mix32(h ^ Math.trunc(seed / 0x100000000));
    for (let i = 0; i < label.length; i++) h = mix32(h ^ label.charCodeAt(i));
    this.a = mix32(h ^ 0x243f6a88);
    this.b = mix32(this.a ^ 0x85a308d3);
    this.c = mix32(this.b ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up: decorrelate nearby seeds
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    // sfc32 (Chris Doty-Humphrey), as in PractRand; passes BigCrush.
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
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

  /** A standard normal draw (Box–Muller; one of the pair is discarded to keep streams simple). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A log-normal draw with the given `mean` and coefficient of variation `cv` (standard deviation ÷
   * mean): `mean × exp(σ·z − σ²/2)` with `σ² = ln(1 + cv²)` and `z` one {@link normal} draw, so
   * the draws average `mean`. `cv` 0 gives exactly `mean`. Always takes one normal draw (two
   * uniforms), whatever `cv`, so the position in a stream does not depend on the spread. A float:
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

function mix32(x: number): number {
  // murmur3 finaliser: spreads every input bit over the output.
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
