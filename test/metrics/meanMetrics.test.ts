import { describe, expect, it } from "vitest";
import { compare, defaultRegionSpec, formatComparison, meanMetrics, type ModelConfig } from "../../src/index.js";

/** Exact half-even mean of integers, computed independently of the library (BigInt, by hand). */
function halfEvenMean(values: readonly number[]): number {
  const sum = values.reduce((a, b) => a + BigInt(b), 0n);
  const n = BigInt(values.length);
  let q = sum / n;
  const r = sum - q * n;
  if (2n * (r < 0n ? -r : r) > n || (2n * (r < 0n ? -r : r) === n && q % 2n !== 0n)) q += sum < 0n ? -1n : 1n;
  return Number(q);
}

describe("the mean of several runs", () => {
  // A small region over one year, three runs: the runs differ, so the mean is a real average.
  const small = defaultRegionSpec({ window: { start: "2026-01", months: 12 } });
  const spec = { ...small, profiles: small.profiles.slice(0, 2).map((p) => ({ ...p, arrivalsPerMonth: p.arrivalsPerMonth / 20, initialStock: Math.round((p.initialStock ?? 0) / 20) })) };
  const effort: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };
  const result = compare(spec, [effort], { runs: 3, seed: 7 });
  const model = result.models[0]!;

  it("averages every amount and count field by field, half-even", () => {
    const runs = model.runs;
    expect(new Set(runs.map((r) => r.totalPaid)).size).toBeGreaterThan(1);
    expect(model.mean.totalPaid).toBe(halfEvenMean(runs.map((r) => r.totalPaid)));
    expect(model.mean.paymentLines).toBe(halfEvenMean(runs.map((r) => r.paymentLines)));
    expect(model.mean.clients).toBe(halfEvenMean(runs.map((r) => r.clients)));
    model.mean.obligations.forEach((o, k) => expect(o.cents).toBe(halfEvenMean(runs.map((r) => r.obligations[k]!.cents))));
    model.mean.byYear.forEach((y, k) => expect(y.paid).toBe(halfEvenMean(runs.map((r) => r.byYear[k]!.paid))));
    expect(model.summary.totalPaid!.mean).toBe(model.mean.totalPaid);
  });

  it("is the one run itself when there is one run", () => {
    expect(meanMetrics([model.runs[0]!])).toBe(model.runs[0]);
  });

  it("the table shows the means and the P5–P95 range", () => {
    const table = formatComparison(result);
    expect(table).toMatch(/P5 – P95 over 3 runs/);
    const euros = (c: number): string => `€ ${String(Math.round(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
    expect(table.split("\n").find((l) => l.startsWith("Total paid"))).toContain(euros(model.mean.totalPaid));
  });
});
