import { formatEuro } from "../money/index.js";
import type { SensitivityAnalysis } from "../sensitivity/comparisonSensitivity.js";
import { METRIC_LABELS } from "../metrics/metrics.js";
import { formatParameter } from "./sensitivityCharts.js";
import { renderTable, type TableFormat } from "./textTable.js";

const euro = (c: number | null): string => (c === null ? "—" : formatEuro(c, { decimals: false }));

/**
 * A sensitivity analysis as tables: per model and metric, the parameters ranked by how far they
 * move it (swing) between their P5 and P95, the others at their mean, on one caseload.
 * @category Reports and charts
 */
export function formatSensitivity(analysis: SensitivityAnalysis, format: TableFormat = "text"): string {
  const parts = analysis.tornadoes.map(({ model, metric, tornado }) => {
    const title = `${model}: what moves ${METRIC_LABELS[metric].toLowerCase()} (base ${euro(tornado.base)})`;
    const heading = format === "md" ? `#### ${title}` : `${title}\n${"=".repeat(title.length)}`;
    const table = renderTable(
      {
        head: ["Parameter", "P5 value", "P95 value", "at P5", "at P95", "swing"],
        rows: tornado.rows.map((r) => [r.label, formatParameter(r.lowValue), formatParameter(r.highValue), euro(r.atLow), euro(r.atHigh), euro(r.swing)]),
      },
      format,
    );
    return `${heading}\n\n${table}`;
  });
  const seed = analysis.seed === null ? "the given caseload" : `the caseload of seed ${analysis.seed}`;
  return [...parts, `Each parameter at its P5 and P95, the others at their mean, on ${seed} (the same clients every time).`].join("\n\n");
}
