import { formatEuro } from "../money/index.js";
import type { SensitivityAnalysis } from "../sensitivity/comparisonSensitivity.js";
import { formatParameter } from "./sensitivityCharts.js";
import { renderTable, type TableFormat } from "./textTable.js";
import { reportLabels } from "../locale/labels.js";
import type { ReportLocale } from "../locale/locale.js";

const euro = (c: number | null): string => (c === null ? "—" : formatEuro(c, { decimals: false }));

const WORDS = {
  en: {
    title: (model: string, metric: string, base: string) => `${model}: what moves ${metric} (base ${base})`,
    head: ["Parameter", "P5 value", "P95 value", "at P5", "at P95", "swing"],
    note: (seed: number | null) =>
      `Each parameter at its P5 and P95, the others at their mean, on ${seed === null ? "the given caseload" : `the caseload of seed ${seed}`} (the same clients every time).`,
  },
  nl: {
    title: (model: string, metric: string, base: string) => `${model}: wat ${metric} beweegt (basis ${base})`,
    head: ["Parameter", "Waarde P5", "Waarde P95", "bij P5", "bij P95", "uitslag"],
    note: (seed: number | null) =>
      `Elke parameter op zijn P5 en P95, de andere op hun gemiddelde, op ${seed === null ? "het gegeven cliëntenbestand" : `het cliëntenbestand van seed ${seed}`} (steeds dezelfde cliënten).`,
  },
} as const;

/**
 * A sensitivity analysis as tables: per model and metric, the parameters ranked by how far they
 * move it (swing) between their P5 and P95, the others at their mean, on one caseload. In English
 * unless `options.locale` is `nl`.
 * @category Reports and charts
 */
export function formatSensitivity(analysis: SensitivityAnalysis, format: TableFormat = "text", options: { readonly locale?: ReportLocale } = {}): string {
  const w = WORDS[options.locale ?? "en"];
  const labels = reportLabels(options.locale ?? "en").metric;
  const parts = analysis.tornadoes.map(({ model, metric, tornado }) => {
    const title = w.title(model, labels[metric].toLowerCase(), euro(tornado.base));
    const heading = format === "md" ? `#### ${title}` : `${title}\n${"=".repeat(title.length)}`;
    const table = renderTable(
      {
        head: [...w.head],
        rows: tornado.rows.map((r) => [r.label, formatParameter(r.lowValue), formatParameter(r.highValue), euro(r.atLow), euro(r.atHigh), euro(r.swing)]),
      },
      format,
    );
    return `${heading}\n\n${table}`;
  });
  return [...parts, w.note(analysis.seed)].join("\n\n");
}
