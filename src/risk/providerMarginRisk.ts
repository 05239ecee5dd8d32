import type { Issue } from "../errors.js";
import type { Cents } from "../money/index.js";
import { summarise, type Summary } from "../metrics/statistics.js";
import { checkAmount, ratioToDecimal, throwIssues } from "./exact.js";

/**
 * One provider's margin over Monte Carlo runs.
 * @category Risk allocation
 */
export interface ProviderMarginRisk {
  readonly provider: string;
  /** Runs with a margin for this provider (runs where it is missing or its margin is null are left out). */
  readonly runs: number;
  /** The margin's exact mean and nearest-rank P5 / P50 / P95; P5 < 0 means it loses money in at least 5 % of runs. Null without runs. */
  readonly margin: Summary | null;
  /** Runs with a negative margin (the provider goes under on this contract). */
  readonly negativeRuns: number;
  /** negativeRuns / runs, 4 decimals half-even; null without runs. */
  readonly negativeShare: string | null;
}

/**
 * Who goes under: `perRunByProvider[r]` lists each provider's margin (paid − cost, cents) in run r,
 * as `Metrics.marginByProvider` does. Per provider, in order of first appearance: the summary of
 * its margin over the runs — its P5 is the bad year a provider should be able to survive — and
 * how many runs it made a loss. A null margin (no cost prices) is left out of its statistics.
 * @category Risk allocation
 */
export function providerMarginRisk(
  perRunByProvider: readonly (readonly { readonly provider: string; readonly margin: Cents | null }[])[],
): ProviderMarginRisk[] {
  const issues: Issue[] = [];
  const margins = new Map<string, number[]>();
  perRunByProvider.forEach((run, r) => {
    const seen = new Set<string>();
    run.forEach((row, i) => {
      if (seen.has(row.provider)) issues.push({ code: "duplicate_provider", path: [r, i, "provider"], message: `provider "${row.provider}" appears twice in run ${r}` });
      seen.add(row.provider);
      if (!margins.has(row.provider)) margins.set(row.provider, []);
      if (row.margin === null) return;
      checkAmount(row.margin, [r, i, "margin"], issues);
      margins.get(row.provider)!.push(row.margin);
    });
  });
  throwIssues("provider margin input", issues);
  return [...margins].map(([provider, values]): ProviderMarginRisk => {
    if (values.length === 0) return { provider, runs: 0, margin: null, negativeRuns: 0, negativeShare: null };
    const negativeRuns = values.filter((v) => v < 0).length;
    return {
      provider,
      runs: values.length,
      margin: summarise(values),
      negativeRuns,
      negativeShare: ratioToDecimal(BigInt(negativeRuns), BigInt(values.length)),
    };
  });
}
