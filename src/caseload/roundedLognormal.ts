/**
 * `Math.floor(scale × Math.exp(sigma × z) + 0.5)` — a month's use from its normal draw `z` — by a
 * table look-up instead of an exponential, with the very same result for every `z`.
 *
 * The line `z ∈ [−L, L)` is cut into cells of width 2^−k. A cell holds the value when the
 * expression is provably constant over it, else −1 (the caller computes the expression). Proof
 * per cell [a, b): a draw that lands in it (its index rounds (z + L) · 2^k, so z may lie up to an
 * ulp of L outside) lies in [a − δ, b + δ] with δ = 2^−40; σ·z then lies between σ·(a − δ) and
 * σ·(b + δ) (multiplication by σ > 0 rounds monotonically); `Math.exp` is within an ulp of e^x
 * (fdlibm's bound, < 2^−52 relative), so the computed exponential lies between
 * exp(σ·(a − δ)) · (1 − 2^−40) and exp(σ·(b + δ)) · (1 + 2^−40); × scale, + 0.5 and floor are
 * monotone in IEEE arithmetic. If both bounds give the same integer, every draw in the cell does.
 * Cells are narrow enough (about 1/8 of the spacing between whole values near the upper quartile
 * of use) that more than nine draws in ten are answered by the table.
 */
export class RoundedLognormal {
  /** Cell values (−1: not constant, compute). */
  private readonly cells: Int32Array;
  private readonly perUnit: number;
  private readonly n: number;

  constructor(
    private readonly scale: number,
    private readonly sigma: number,
  ) {
    // Spacing of whole values near z = 2.5 is about 1 / (σ · v); aim for 4 cells per spacing.
    const vHigh = Math.max(1, scale * Math.exp(sigma * 2.5));
    const k = Math.min(12, Math.max(0, Math.ceil(Math.log2(4 * sigma * vHigh))));
    this.perUnit = 2 ** k;
    this.n = 2 * HALF_RANGE * this.perUnit;
    this.cells = new Int32Array(this.n);
    const w = 1 / this.perUnit;
    for (let j = 0; j < this.n; j++) {
      const a = -HALF_RANGE + j * w; // exact: w is a power of two
      const lower = this.bound(a - DELTA, -1);
      const upper = this.bound(a + w + DELTA, 1);
      this.cells[j] = lower === upper && lower >= 0 && lower < 2 ** 31 ? lower : -1;
    }
  }

  /** The expression's value bound at z, below (side −1) or above (side 1). */
  private bound(z: number, side: number): number {
    return Math.floor(this.scale * (Math.exp(this.sigma * z) * (1 + side * SLACK)) + 0.5);
  }

  /** `Math.floor(scale × Math.exp(sigma × z) + 0.5)`, bit for bit. */
  at(z: number): number {
    const j = Math.floor((z + HALF_RANGE) * this.perUnit);
    if (j >= 0 && j < this.n) {
      const v = this.cells[j]!;
      if (v >= 0) return v;
    }
    return Math.floor(this.scale * Math.exp(this.sigma * z) + 0.5);
  }
}

/** The table covers z in [−HALF_RANGE, HALF_RANGE): a normal draw falls outside once in 1.7 million. */
const HALF_RANGE = 5;
/** How far outside its cell a draw the cell's index points to can lie (far above an ulp of 5). */
const DELTA = 2 ** -40;
/** Relative error allowed to `Math.exp` (far above its ulp). */
const SLACK = 2 ** -40;

/** Tables built so far, by scale and sigma (a Monte Carlo run uses the same few again). */
const tables = new Map<string, RoundedLognormal>();

/** The table for `scale` and `sigma` (> 0), built once and kept (at most 64 kept). */
export function roundedLognormal(scale: number, sigma: number): RoundedLognormal {
  const key = `${scale}:${sigma}`;
  let t = tables.get(key);
  if (!t) {
    if (tables.size >= 64) tables.clear();
    tables.set(key, (t = new RoundedLognormal(scale, sigma)));
  }
  return t;
}
