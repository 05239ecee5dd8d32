import type { Comparison } from "../metrics/compare.js";
import { comparisonCharts } from "../report/charts.js";
import { comparisonCells } from "../report/table.js";

/** Options of {@link comparisonHtml}. */
export interface HtmlReportOptions {
  /** The report's title, e.g. the scenario's name. */
  readonly title?: string;
  /** A sentence or two under the title, e.g. the scenario's description. */
  readonly description?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A comparison as one self-contained HTML file: the comparison table, the notes, and the charts of
 * {@link comparisonCharts} rendered to SVG here in Node with vega — no script, no network, so the
 * file opens anywhere and can be mailed or archived with a council report. (vega and vega-lite are
 * ES modules, loaded only when a report is made.)
 */
export async function comparisonHtml(comparison: Comparison, options: HtmlReportOptions = {}): Promise<string> {
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  const { specs, notes } = comparisonCharts(comparison);
  const charts: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const view = new vega.View(vega.parse(vl.compile(spec as Parameters<typeof vl.compile>[0]).spec), { renderer: "none" });
    charts.push(`<figure class="chart" data-chart="${escapeHtml(name)}">${await view.toSVG()}</figure>`);
    view.finalize();
  }
  const { header, body } = comparisonCells(comparison);
  const row = (cells: readonly string[], tag: "th" | "td"): string =>
    `<tr>${cells.map((c, j) => `<${j === 0 ? "th" : tag}${j === 0 ? ' scope="row"' : ""}>${escapeHtml(c.trim())}</${j === 0 ? "th" : tag}>`).join("")}</tr>`;
  const title = options.title ?? "Comparison of funding models";
  const allNotes = [...comparison.warnings, ...notes];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; }
  table { border-collapse: collapse; margin: 1rem 0 2rem; }
  th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #ddd; text-align: right; white-space: nowrap; }
  th[scope="row"] { text-align: left; font-weight: normal; }
  thead th { font-weight: 600; }
  figure.chart { margin: 1rem 0 2rem; }
  .notes { color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.description ? `<p>${escapeHtml(options.description)}</p>\n` : ""}<p>Horizon ${escapeHtml(comparison.horizon.start)} + ${comparison.horizon.months} months${
    comparison.seeds.length > 1 ? `, mean of ${comparison.seeds.length} runs (seeds ${comparison.seeds[0]}–${comparison.seeds.at(-1)})` : ""
  }.</p>
<table>
<thead>${row(header, "th")}</thead>
<tbody>
${body.map((r) => row(r, "td")).join("\n")}
</tbody>
</table>
${allNotes.length ? `<ul class="notes">${allNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>\n` : ""}${charts.join("\n")}
</body>
</html>
`;
}
