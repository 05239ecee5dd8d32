/**
 * A rounded log-normal draw from its normal draw `z` by a table look-up instead of an exponential,
 * with the very same result for every `z`:
 * - `halfUp`: `Math.floor(scale × Math.exp(sigma × z − shift) + 0.5)` — a month's use (shift 0);
 * - `up`: `Math.ceil(scale × Math.exp(sigma × z − shift))` — a duration in whole months.
 *
 * The line `z ∈ [−L, L)` is cut into cells of width 2^−k. A cell holds the value when the
 * expression is provably constant over it, else −1 (the expression is then computed). Proof per
 * cell [a, b): a draw that lands in it (its index rounds (z + L) · 2^k, so z may lie up to an ulp
 * of L outside) lies in [a − δ, b + δ] with δ = 2^−40; σ·z − shift then lies between its values at
 * a − δ and b + δ (multiplying by σ ≥ 0 and subtracting round monotonically); `Math.exp` is within
 * an ulp of e^x (fdlibm's bound, < 2^−52 relative), so the computed exponential lies between the
 * exponential at a − δ times (1 − 2^−40) and at b + δ times (1 + 2^−40); × scale, + 0.5, floor and
 * ceil are monotone in IEEE arithmetic. If both bounds give the same integer, every draw in the
 * cell does. Cells are narrow enough (a quarter of the spacing between whole values at z = 2.5)
 * that about nine draws in ten are answered by the table.
 */
export class RoundedLognormal {
  /** Cell values (−1: not constant, compute). */
  private readonly cells: Int32Array;
  private readonly perUnit: number;
  /** Number of cells. */
  readonly n: number;
  private readonly up: boolean;

  constructor(
    private readonly scale: number,
    private readonly sigma: number,
    private readonly shift: number,
    rounding: "halfUp" | "up",
  ) {
    this.up = rounding === "up";
    // Spacing of whole values near z = 2.5 is about 1 / (σ · v); aim for 4 cells per spacing.
    const vHigh = Math.max(1, scale * Math.exp(sigma * 2.5 - shift));
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
    const x = this.scale * (Math.exp(this.sigma * z - this.shift) * (1 + side * SLACK));
    return this.up ? Math.ceil(x) : Math.floor(x + 0.5);
  }

  /** The expression's value at z, bit for bit. */
  at(z: number): number {
    const j = Math.floor((z + HALF_RANGE) * this.perUnit);
    if (j >= 0 && j < this.n) {
      const v = this.cells[j]!;
      if (v >= 0) return v;
    }
    const x = this.scale * Math.exp(this.sigma * z - this.shift);
    return this.up ? Math.ceil(x) : Math.floor(x + 0.5);
  }
}

/** The table covers z in [−HALF_RANGE, HALF_RANGE): a normal draw falls outside once in 1.7 million. */
const HALF_RANGE = 5;
/** How far outside its cell a draw the cell's index points to can lie (far above an ulp of 5). */
const DELTA = 2 ** -40;
/** Relative error allowed to `Math.exp` (far above its ulp). */
const SLACK = 2 ** -40;

/** Tables built so far (a Monte Carlo run uses the same few again), and their cells in all. */
const tables = new Map<string, RoundedLognormal>();
let cellsKept = 0;
/** Cells kept at most (32 MiB): past it, the tables are dropped and built again as needed. */
const MAX_CELLS_KEPT = 1 << 23;

/** The table for `scale`, `sigma` (≥ 0), `shift` and `rounding`, built once and kept. */
export function roundedLognormal(scale: number, sigma: number, shift: number, rounding: "halfUp" | "up"): RoundedLognormal {
  const key = `${scale}:${sigma}:${shift}:${rounding}`;
  let t = tables.get(key);
  if (!t) {
    t = new RoundedLognormal(scale, sigma, shift, rounding);
    const cells = t.n;
    if (cellsKept + cells > MAX_CELLS_KEPT) {
      tables.clear();
      cellsKept = 0;
    }
    tables.set(key, t);
    cellsKept += cells;
  }
  return t;
}
