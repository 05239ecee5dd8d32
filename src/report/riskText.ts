import type { Comparison } from "../metrics/compare.js";
import { formatEuro } from "../money/index.js";
import type { ModelRisk } from "../risk/comparisonRisk.js";
import { sharePercent } from "./sharePercent.js";
import { renderTable, type Table, type TableFormat } from "./textTable.js";

/**
 * One part of the risk report: a heading, a table (or none, when there is nothing to list) and notes under it.
 * @category Reports and charts
 */
export interface RiskSection {
  readonly title: string;
  readonly table: Table | null;
  readonly notes: readonly string[];
}

const euro = (c: number): string => formatEuro(c, { decimals: false });
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
/** `15 % (3/20)`: the share of runs, from its exact decimal string, and the count. */
const ofRuns = (n: number, runs: number, share: string): string => `${sharePercent(share)} (${count(n)}/${count(runs)})`;

/**
 * The risk measures of a comparison as sections of cells, for {@link formatRisk} and the HTML
 * report: who carries the cost risk and the budget at risk (one column per model), how often a
 * model pays more than another (a matrix), and the providers whose P5 margin is below zero.
 * Null without `comparison.risk` (fewer than two runs).
 * @category Reports and charts
 */
export function riskSections(comparison: Comparison): RiskSection[] | null {
  const risk = comparison.risk;
  if (!risk) return null;
  const models = risk.models;
  const sections: RiskSection[] = [];

  // 1. Per model: the allocation over the horizon, then the budget at risk per year.
  const rows: string[][] = [];
  const notes: string[] = [];
  const cells = (cell: (m: ModelRisk) => string): string[] => models.map(cell);
  if (models.some((m) => m.allocation)) {
    const share = (pick: "municipalityShare" | "providerShare") => (m: ModelRisk): string => {
      const v = m.allocation?.horizon[pick];
      return v === null || v === undefined ? "—" : sharePercent(v);
    };
    rows.push(
      ["Municipality's share of the cost risk", ...cells(share("municipalityShare"))],
      ["Providers' share of the cost risk", ...cells(share("providerShare"))],
      ["  SD of the cost of care", ...cells((m) => (m.allocation ? euro(m.allocation.horizon.sdCost) : "—"))],
      ["  SD of payments", ...cells((m) => (m.allocation ? euro(m.allocation.horizon.sdPayments) : "—"))],
      ["  SD of provider margins", ...cells((m) => (m.allocation ? euro(m.allocation.horizon.sdMargins) : "—"))],
    );
    for (const m of models) if (m.allocation?.horizon.reason) notes.push(`${m.label}: no shares, ${m.allocation.horizon.reason}.`);
  } else notes.push("Who carries the cost risk needs cost prices (costPrices) for the providers' margins.");
  const years = [...new Set(models.flatMap((m) => (m.budgetAtRisk ?? []).map((y) => y.year)))];
  if (years.length > 0) {
    for (const year of years) {
      const at = (m: ModelRisk) => m.budgetAtRisk?.find((y) => y.year === year);
      rows.push(
        [`Budget at risk ${year} (P95 overshoot)`, ...cells((m) => { const y = at(m); return y ? euro(y.atRisk) : "—"; })],
        ["  mean overshoot", ...cells((m) => { const y = at(m); return y ? euro(y.overshoot.mean) : "—"; })],
        ["  runs over budget", ...cells((m) => { const y = at(m); return y ? ofRuns(y.runsOver, y.runs, y.shareOver) : "—"; })],
      );
    }
  } else notes.push("Budget at risk needs a budget (budget.perYear).");
  sections.push({
    title: `Risk over ${risk.runs} runs`,
    table: rows.length > 0 ? { head: ["", ...models.map((m) => m.label)], rows } : null,
    notes: [
      "The shares split the run-to-run variance of the cost of care: the municipality's moves its payments, the providers' lands on their margins; they add up to 100 % and may lie outside 0–100 %.",
      "Budget at risk: the overshoot of the budget (paid − budget) in the 95th-percentile run, at least 0.",
      ...notes,
    ],
  });

  // 2. P(row model pays more than column model), over the same runs.
  if (models.length > 1) {
    const p = (a: string, b: string): string => {
      const found = risk.moreCostly.find((x) => x.a === a && x.b === b);
      return found ? sharePercent(found.probability) : "—";
    };
    sections.push({
      title: "How often a model pays more than another",
      table: {
        head: ["P(row pays more than column)", ...models.map((m) => m.label)],
        rows: models.map((a) => [a.label, ...models.map((b) => (a.label === b.label ? "—" : p(a.label, b.label)))]),
      },
      notes: [`The share of the ${risk.runs} runs (each on the same caseload for every model) in which the row's model paid more in total than the column's; a tie counts for neither.`],
    });
  }

  // 3. Providers that make a loss in the bad case.
  if (models.some((m) => m.providerMargins)) {
    const under = models.flatMap((m) =>
      (m.providerMargins ?? []).flatMap((p) =>
        p.margin && p.margin.p5 < 0 && p.negativeShare !== null
          ? [[m.label, p.provider, euro(p.margin.p5), euro(p.margin.mean), ofRuns(p.negativeRuns, p.runs, p.negativeShare)]]
          : [],
      ),
    );
    sections.push({
      title: "Providers with a P5 margin below zero",
      table: under.length > 0 ? { head: ["Model", "Provider", "Margin P5", "Mean margin", "Runs with a loss"], rows: under, textColumns: 2 } : null,
      notes: under.length > 0 ? ["These providers make a loss on the contract in at least one run in twenty under that model."] : ["None: every provider's margin is at least zero in 95 % of the runs under every model."],
    });
  } else {
    sections.push({ title: "Providers with a P5 margin below zero", table: null, notes: ["Provider margins need cost prices (costPrices)."] });
  }
  return sections;
}

/**
 * The risk numbers of a comparison as plain text (`"text"`, for the terminal) or Markdown
 * (`"md"`, for notebooks and reports), using the comparison table's renderer: per model the
 * municipality's and the providers' share of the cost risk over the horizon, the budget at risk
 * per year, the matrix of P(model A pays more than B), and the providers whose P5 margin is below
 * zero. Money in Dutch euros, shares as exact percentages. Without risk (one run) it says so.
 * @category Reports and charts
 */
export function formatRisk(comparison: Comparison, format: TableFormat = "text"): string {
  const sections = riskSections(comparison);
  if (!sections) return "No risk measures: they need two runs or more of a synthetic caseload (runs ≥ 2).";
  return sections
    .map((s) => {
      const heading = format === "md" ? `#### ${s.title}` : `${s.title}\n${"=".repeat(s.title.length)}`;
      const notes = format === "md" ? s.notes.map((n) => `> ${n}`).join("\n>\n") : s.notes.map((n) => `Note: ${n}`).join("\n");
      return [heading, ...(s.table ? [renderTable(s.table, format)] : []), ...(notes ? [notes] : [])].join("\n\n");
    })
    .join("\n\n");
}
