/**
 * The VNG working group's three funding models (seed 004): taakgericht, inspanningsgericht and
 * outputgericht, each tied to an iJw execution variant so that the message traffic
 * (berichtenverkeer) can be standardised. "There is no best model": this script shows on the
 * default region what each shifts — the municipality's spend and its spread over Monte Carlo runs
 * (predictability), the providers' margin and its spread (who carries the volume risk), open
 * obligations, and the administrative burden in iJw messages and payment lines.
 * Run: `npx tsx examples/vng-three-models.ts` (add `--runs 20` for more runs).
 */
import { compare, defaultScenario, formatEuro, type Comparison } from "../src/index.js";

/** The default scenario's task, effort (without ceiling) and output models over `runs` seeds. */
export function vngThreeModels(runs: number): Comparison {
  const s = defaultScenario();
  const three = s.models.filter((m) => m.kind === "task" || m.kind === "output" || (m.kind === "effort" && !m.ceiling));
  return compare(s.caseload, three, { ...s.options, runs });
}

if (process.argv[1]?.endsWith("vng-three-models.ts")) {
  const flag = process.argv.indexOf("--runs");
  const runs = flag >= 0 ? Number(process.argv[flag + 1]) : 10;
  const r = vngThreeModels(runs);
  const euro = (c: number) => formatEuro(c, { decimals: false });
  console.log(`Three funding models on the default region, 2026–2028, ${runs} runs (common random numbers)\n`);
  for (const m of r.models) {
    const paid = m.summary.totalPaid!;
    const margin = m.summary.providerMargin!;
    console.log(`${m.label} (${m.variant})`);
    console.log(`  municipality pays      ${euro(paid.mean)}   P5–P95 ${euro(paid.p5)} – ${euro(paid.p95)}   spread ${euro(paid.p95 - paid.p5)}`);
    console.log(`  providers' margin      ${euro(margin.mean)}   P5–P95 ${euro(margin.p5)} – ${euro(margin.p95)}   spread ${euro(margin.p95 - margin.p5)}`);
    console.log(`  obligations 2028-12    ${euro(m.mean.obligations.at(-1)!.cents)}`);
    console.log(`  iJw messages           ${m.mean.messages}   payment lines ${m.mean.paymentLines}\n`);
  }
  console.log(
    "Who carries the volume risk shows in the spreads: under taakgericht the providers' margin spreads most — the budget is " +
      "fixed, only the ±5 % corridor settles part of a difference after the year; under inspanningsgericht the municipality's " +
      "spend spreads and the providers' margin hardly moves; outputgericht fixes the price per client, not the number of " +
      "clients, and commits whole arrangements up front (its obligations). Taakgericht needs no iJw messages at all.",
  );

}
