import type { Comparison } from "../metrics/compare.js";
import { formatEuro } from "../money/index.js";
import type { ModelRisk } from "../risk/comparisonRisk.js";
import { sharePercent } from "./sharePercent.js";
import { renderTable, type Table, type TableFormat } from "./textTable.js";
import { reportLabels } from "../locale/labels.js";
import type { ReportLocale } from "../locale/locale.js";

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

/** The risk report's words in each language. */
const WORDS = {
  en: {
    municipalityShare: "Municipality's share of the cost risk",
    providerShare: "Providers' share of the cost risk",
    sdCost: "  SD of the cost of care",
    sdPayments: "  SD of payments",
    sdMargins: "  SD of provider margins",
    noShares: (label: string, reason: string) => `${label}: no shares, ${reason}.`,
    needsCostPrices: "Who carries the cost risk needs cost prices (costPrices) for the providers' margins.",
    budgetAtRisk: (year: number) => `Budget at risk ${year} (P95 overshoot)`,
    meanOvershoot: "  mean overshoot",
    runsOver: "  runs over budget",
    needsBudget: "Budget at risk needs a budget (budget.perYear).",
    riskOver: (runs: number) => `Risk over ${runs} runs`,
    sharesNote:
      "The shares split the run-to-run variance of the cost of care: the municipality's moves its payments, the providers' lands on their margins; they add up to 100 % and may lie outside 0–100 %.",
    atRiskNote: "Budget at risk: the overshoot of the budget (paid − budget) in the 95th-percentile run, at least 0.",
    moreCostly: "How often a model pays more than another",
    moreCostlyHead: "P(row pays more than column)",
    moreCostlyNote: (runs: number) =>
      `The share of the ${runs} runs (each on the same caseload for every model) in which the row's model paid more in total than the column's; a tie counts for neither.`,
    underwater: "Providers with a P5 margin below zero",
    underwaterHead: ["Model", "Provider", "Margin P5", "Mean margin", "Runs with a loss"],
    underwaterNote: "These providers make a loss on the contract in at least one run in twenty under that model.",
    noneUnderwater: "None: every provider's margin is at least zero in 95 % of the runs under every model.",
    marginsNeedCostPrices: "Provider margins need cost prices (costPrices).",
    noRisk: "No risk measures: they need two runs or more of a synthetic caseload (runs ≥ 2).",
  },
  nl: {
    municipalityShare: "Aandeel gemeente in het kostenrisico",
    providerShare: "Aandeel aanbieders in het kostenrisico",
    sdCost: "  SD van de zorgkosten",
    sdPayments: "  SD van de betalingen",
    sdMargins: "  SD van de marges van aanbieders",
    noShares: (label: string, reason: string) => `${label}: geen aandelen, ${reason}.`,
    needsCostPrices: "Wie het kostenrisico draagt vraagt kostprijzen (costPrices) voor de marges van de aanbieders.",
    budgetAtRisk: (year: number) => `Budgetrisico ${year} (overschrijding P95)`,
    meanOvershoot: "  gemiddelde overschrijding",
    runsOver: "  runs boven het budget",
    needsBudget: "Het budgetrisico vraagt een budget (budget.perYear).",
    riskOver: (runs: number) => `Risico over ${runs} runs`,
    sharesNote:
      "De aandelen verdelen de variantie van de zorgkosten tussen runs: het deel van de gemeente beweegt haar betalingen, dat van de aanbieders komt op hun marges; samen 100 %, en elk kan buiten 0–100 % liggen.",
    atRiskNote: "Budgetrisico: de overschrijding van het budget (betaald − budget) in de run op het 95e percentiel, minstens 0.",
    moreCostly: "Hoe vaak een model meer betaalt dan een ander",
    moreCostlyHead: "P(rij betaalt meer dan kolom)",
    moreCostlyNote: (runs: number) =>
      `Het aandeel van de ${runs} runs (elk op hetzelfde cliëntenbestand voor ieder model) waarin het model van de rij in totaal meer betaalde dan dat van de kolom; gelijkspel telt voor geen van beide.`,
    underwater: "Aanbieders met een P5-marge onder nul",
    underwaterHead: ["Model", "Aanbieder", "Marge P5", "Gemiddelde marge", "Runs met verlies"],
    underwaterNote: "Deze aanbieders lijden verlies op het contract in minstens één op de twintig runs onder dat model.",
    noneUnderwater: "Geen: de marge van elke aanbieder is onder elk model in 95 % van de runs minstens nul.",
    marginsNeedCostPrices: "Marges van aanbieders vragen kostprijzen (costPrices).",
    noRisk: "Geen risicomaten: die vragen twee of meer runs van een synthetisch cliëntenbestand (runs ≥ 2).",
  },
} as const;

/**
 * The risk measures of a comparison as sections of cells, for {@link formatRisk} and the HTML
 * report: who carries the cost risk and the budget at risk (one column per model), how often a
 * model pays more than another (a matrix), and the providers whose P5 margin is below zero.
 * Null without `comparison.risk` (fewer than two runs).
 * @category Reports and charts
 */
export function riskSections(comparison: Comparison, options: { readonly locale?: ReportLocale } = {}): RiskSection[] | null {
  const risk = comparison.risk;
  if (!risk) return null;
  const w = WORDS[options.locale ?? "en"];
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
      [w.municipalityShare, ...cells(share("municipalityShare"))],
      [w.providerShare, ...cells(share("providerShare"))],
      [w.sdCost, ...cells((m) => (m.allocation ? euro(m.allocation.horizon.sdCost) : "—"))],
      [w.sdPayments, ...cells((m) => (m.allocation ? euro(m.allocation.horizon.sdPayments) : "—"))],
      [w.sdMargins, ...cells((m) => (m.allocation ? euro(m.allocation.horizon.sdMargins) : "—"))],
    );
    for (const m of models) if (m.allocation?.horizon.reason) notes.push(w.noShares(m.label, m.allocation.horizon.reason));
  } else notes.push(w.needsCostPrices);
  const years = [...new Set(models.flatMap((m) => (m.budgetAtRisk ?? []).map((y) => y.year)))];
  if (years.length > 0) {
    for (const year of years) {
      const at = (m: ModelRisk) => m.budgetAtRisk?.find((y) => y.year === year);
      rows.push(
        [w.budgetAtRisk(year), ...cells((m) => { const y = at(m); return y ? euro(y.atRisk) : "—"; })],
        [w.meanOvershoot, ...cells((m) => { const y = at(m); return y ? euro(y.overshoot.mean) : "—"; })],
        [w.runsOver, ...cells((m) => { const y = at(m); return y ? ofRuns(y.runsOver, y.runs, y.shareOver) : "—"; })],
      );
    }
  } else notes.push(w.needsBudget);
  sections.push({
    title: w.riskOver(risk.runs),
    table: rows.length > 0 ? { head: ["", ...models.map((m) => m.label)], rows } : null,
    notes: [
      w.sharesNote,
      w.atRiskNote,
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
      title: w.moreCostly,
      table: {
        head: [w.moreCostlyHead, ...models.map((m) => m.label)],
        rows: models.map((a) => [a.label, ...models.map((b) => (a.label === b.label ? "—" : p(a.label, b.label)))]),
      },
      notes: [w.moreCostlyNote(risk.runs)],
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
      title: w.underwater,
      table: under.length > 0 ? { head: [...w.underwaterHead], rows: under, textColumns: 2 } : null,
      notes: under.length > 0 ? [w.underwaterNote] : [w.noneUnderwater],
    });
  } else {
    sections.push({ title: w.underwater, table: null, notes: [w.marginsNeedCostPrices] });
  }
  return sections;
}

/**
 * The risk numbers of a comparison as plain text (`"text"`, for the terminal) or Markdown
 * (`"md"`, for notebooks and reports), using the comparison table's renderer: per model the
 * municipality's and the providers' share of the cost risk over the horizon, the budget at risk
 * per year, the matrix of P(model A pays more than B), and the providers whose P5 margin is below
 * zero. Money in Dutch euros, shares as exact percentages. Without risk (one run) it says so.
 * In English unless `options.locale` is `nl`.
 * @category Reports and charts
 */
export function formatRisk(comparison: Comparison, format: TableFormat = "text", options: { readonly locale?: ReportLocale } = {}): string {
  const locale = options.locale ?? "en";
  const sections = riskSections(comparison, { locale });
  if (!sections) return WORDS[locale].noRisk;
  const note = reportLabels(locale).note;
  return sections
    .map((s) => {
      const heading = format === "md" ? `#### ${s.title}` : `${s.title}\n${"=".repeat(s.title.length)}`;
      const notes = format === "md" ? s.notes.map((n) => `> ${n}`).join("\n>\n") : s.notes.map((n) => `${note}: ${n}`).join("\n");
      return [heading, ...(s.table ? [renderTable(s.table, format)] : []), ...(notes ? [notes] : [])].join("\n\n");
    })
    .join("\n\n");
}
