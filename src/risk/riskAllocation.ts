import type { Cents } from "../money/index.js";
import type { Issue } from "../errors.js";
import { checkCents, formatScaled, scaledRatio, sqrtRatioHalfEven, throwIssues } from "./exact.js";

const SHARE_DECIMALS = 4;

/**
 * How the variance of the cost of care over Monte Carlo runs is split between municipality and providers.
 * @category Risk allocation
 */
export interface RiskAllocation {
  readonly runs: number;
  /** Cov(C, P) / Var(C), 4 decimals ("1.0417"); null when Var(C) = 0. */
  readonly municipalityShare: string | null;
  /** −Cov(C, M) / Var(C) = 1 − municipalityShare, 4 decimals; null when Var(C) = 0. */
  readonly providerShare: string | null;
  /** Why the shares are null, else null. */
  readonly reason: string | null;
  /** Sample standard deviations (n − 1) over the runs of payments P, margins M and cost C = P − M, in cents, half-even. */
  readonly sdPayments: Cents;
  readonly sdMargins: Cents;
  readonly sdCost: Cents;
}

/**
 * Who carries the risk of the cost of care. Per Monte Carlo run r the municipality pays P_r and
 * the providers keep the margin M_r, so the cost of the care delivered is C_r = P_r − M_r. Its
 * variance over the runs splits exactly, because covariance is linear:
 *
 *   Var(C) = Cov(C, P − M) = Cov(C, P) − Cov(C, M)
 *
 * `municipalityShare` = Cov(C, P) / Var(C) is the part of the cost's variation that moves the
 * municipality's payments; `providerShare` = −Cov(C, M) / Var(C) the part that lands on the
 * providers' margins; they add up to exactly 1 (the second is computed as 1 − the first, which
 * half-even rounding makes the same as rounding it on its own). Examples:
 *
 * - a lump sum (taakgericht): P is the same in every run, so Cov(C, P) = 0 and M = P − C moves
 *   one-for-one against the cost: municipality 0, providers 1;
 * - p × q with a constant margin rate m (P = (1 + m)·C, M = m·C): municipality 1 + m, providers
 *   −m — the municipality carries all the volume risk and the providers earn more when volume
 *   is high (a negative share is a gain that rises with the cost);
 * - a reimbursement of realised cost (M constant): municipality 1, providers 0.
 *
 * Shares need not lie in [0, 1]; they are regression slopes of P and −M on C. Exact: sums,
 * squares and products in BigInt, the shares the exact ratios rounded half-even to 4 decimals,
 * the standard deviations exact square roots rounded half-even to the cent. Null shares, with a
 * `reason`, when there are fewer than two runs or the cost does not vary (Var(C) = 0).
 * `payments` and `margins` are integer cents per run, paired by index; call it per model and,
 * for "per year", with each year's amounts.
 * @category Risk allocation
 */
export function riskAllocation(payments: readonly Cents[], margins: readonly Cents[]): RiskAllocation {
  const issues: Issue[] = [];
  if (payments.length === 0) issues.push({ code: "too_small", path: ["payments"], message: "needs at least one run" });
  if (payments.length !== margins.length) {
    issues.push({ code: "length_mismatch", path: ["margins"], message: `${margins.length} margins for ${payments.length} runs of payments` });
  }
  checkCents(payments, ["payments"], issues);
  checkCents(margins, ["margins"], issues);
  throwIssues("risk allocation input", issues);

  const n = BigInt(payments.length);
  let sp = 0n, sm = 0n, spp = 0n, smm = 0n, spm = 0n;
  for (let i = 0; i < payments.length; i++) {
    const p = BigInt(payments[i]!);
    const m = BigInt(margins[i]!);
    sp += p;
    sm += m;
    spp += p * p;
    smm += m * m;
    spm += p * m;
  }
  // n² × the (population) covariances; C = P − M, so ΣCP = ΣP² − ΣPM and ΣCM = ΣPM − ΣM².
  const sc = sp - sm;
  const covPP = n * spp - sp * sp;
  const covMM = n * smm - sm * sm;
  const covCP = n * (spp - spm) - sc * sp;
  const covCM = n * (spm - smm) - sc * sm;
  const varC = covCP - covCM;
  const denominator = n * (n - 1n);
  const sd = (s: bigint): Cents => (n < 2n ? 0 : sqrtRatioHalfEven(s, denominator));
  const base = { runs: payments.length, sdPayments: sd(covPP), sdMargins: sd(covMM), sdCost: sd(varC) };
  if (n < 2n) return { ...base, municipalityShare: null, providerShare: null, reason: "needs at least two runs to measure variance" };
  if (varC === 0n) {
    return { ...base, municipalityShare: null, providerShare: null, reason: "the cost of care (payments − margins) is the same in every run: no variance to allocate" };
  }
  const municipality = scaledRatio(covCP, varC, SHARE_DECIMALS);
  // 1 − the rounded share: exactly the half-even rounding of −Cov(C, M) / Var(C), and the two add to 1.
  const provider = 10n ** BigInt(SHARE_DECIMALS) - municipality;
  return {
    ...base,
    municipalityShare: formatScaled(municipality, SHARE_DECIMALS),
    providerShare: formatScaled(provider, SHARE_DECIMALS),
    reason: null,
  };
}
