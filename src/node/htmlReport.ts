import type { Comparison } from "../metrics/compare.js";
import type { ReformsResult } from "../reforms/reformResult.js";
import { comparisonCharts } from "../report/charts.js";
import { reformEffectsChart } from "../report/reformCharts.js";
import { riskCharts } from "../report/riskCharts.js";
import { riskSections } from "../report/riskText.js";
import { sensitivityCharts, type SensitivityChartsInput } from "../report/sensitivityCharts.js";
import { comparisonCells } from "../report/table.js";
import type { Table } from "../report/textTable.js";

/** Options of {@link comparisonHtml}. */
export interface HtmlReportOptions {
  /** The report's title, e.g. the scenario's name. */
  readonly title?: string;
  /** A sentence or two under the title, e.g. the scenario's description. */
  readonly description?: string;
  /** A sensitivity analysis of the comparison: its tornadoes and two-way grids get a section of their own. */
  readonly sensitivity?: SensitivityChartsInput;
  /** A stack of reforms on the comparison: the effect of each gets a section of its own. */
  readonly reforms?: ReformsResult;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A comparison as one self-contained HTML file: the comparison table, the notes, and the charts of
 * {@link comparisonCharts} rendered to SVG here in Node with vega — no script, no network, so the
 * file opens anywhere and can be mailed or archived with a council report. (vega and vega-lite are
 * ES modules, loaded only when a report is made.)
 *
 * With two runs or more (`comparison.risk`) a section "Onzekerheid en risico" follows: the risk
 * tables of `formatRisk` and the charts of `riskCharts` (monthly bands, who carries the cost risk,
 * budget at risk, provider margins), each with a caption saying what it shows. `options.sensitivity`
 * adds a section with its tornadoes and two-way grids, `options.reforms` one with the effect of each
 * reform.
 */
export async function comparisonHtml(comparison: Comparison, options: HtmlReportOptions = {}): Promise<string> {
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  const figure = async (name: string, spec: object): Promise<string> => {
    const view = new vega.View(vega.parse(vl.compile(spec as Parameters<typeof vl.compile>[0]).spec), { renderer: "none" });
    try {
      const description = (spec as { description?: unknown }).description;
      const caption = typeof description === "string" ? `<figcaption>${escapeHtml(description)}</figcaption>` : "";
      return `<figure class="chart" data-chart="${escapeHtml(name)}">${await view.toSVG()}${caption}</figure>`;
    } finally {
      view.finalize();
    }
  };
  const figures = async (specs: Record<string, object>): Promise<string[]> => {
    const out: string[] = [];
    for (const [name, spec] of Object.entries(specs)) out.push(await figure(name, spec));
    return out;
  };
  const { specs, notes } = comparisonCharts(comparison);
  const charts = await figures(specs);
  const sections: string[] = [];
  // Uncertainty and risk: only when the comparison has it (two runs or more).
  const risk = riskSections(comparison);
  if (risk) {
    const r = riskCharts(comparison);
    sections.push(
      [
        `<section id="risk">`,
        `<h2>Onzekerheid en risico (uncertainty and risk)</h2>`,
        ...risk.map((s) => [`<h3>${escapeHtml(s.title)}</h3>`, s.table ? tableHtml(s.table) : "", notesHtml(s.notes)].filter((x) => x).join("\n")),
        // What a chart leaves out (no budget, no cost prices) the tables' notes above already say.
        ...(await figures(r.specs)),
        `</section>`,
      ].filter((x) => x).join("\n"),
    );
  }
  if (options.sensitivity) {
    const sc = sensitivityCharts(options.sensitivity);
    const body = [notesHtml(sc.notes), ...(await figures(sc.specs))].filter((x) => x);
    if (body.length > 0) sections.push([`<section id="sensitivity">`, `<h2>Gevoeligheid (sensitivity)</h2>`, ...body, `</section>`].join("\n"));
  }
  if (options.reforms) {
    const spec = reformEffectsChart(options.reforms);
    const described = options.reforms.steps.map((st, i) => `<li><strong>${escapeHtml(st.name)}</strong>${i === 0 ? " (baseline)" : ""}${st.description ? ` — ${escapeHtml(st.description)}` : ""}</li>`);
    sections.push(
      [
        `<section id="reforms">`,
        `<h2>Hervormingen (reforms)</h2>`,
        described.length > 0 ? `<ol class="steps" start="0">${described.join("")}</ol>` : "",
        spec ? await figure("reformEffects", spec) : notesHtml(["The reform effects are left out: there is no reform after the baseline, or no model has an effect on total paid."]),
        `</section>`,
      ].filter((x) => x).join("\n"),
    );
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
  th[scope="row"], td.text { text-align: left; font-weight: normal; }
  th.text { text-align: left; }
  thead th { font-weight: 600; }
  figure.chart { margin: 1rem 0 2.5rem; }
  figure.chart figcaption { color: #444; max-width: 48rem; font-size: 0.9rem; margin-top: 0.25rem; }
  section { margin-top: 3rem; }
  div.wide { overflow-x: auto; }
  section table { font-size: 0.9rem; }
  .notes { color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.description ? `<p>${escapeHtml(options.description)}</p>\n` : ""}<p>Horizon ${escapeHtml(comparison.horizon.start)} + ${comparison.horizon.months} months${
    comparison.seeds.length > 1 ? `, mean of ${comparison.seeds.length} runs (seeds ${comparison.seeds[0]}–${comparison.seeds.at(-1)})` : ""
  }.</p>
<div class="wide"><table>
<thead>${row(header, "th")}</thead>
<tbody>
${body.map((r) => row(r, "td")).join("\n")}
</tbody>
</table></div>
${allNotes.length ? `<ul class="notes">${allNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>\n` : ""}${charts.join("\n")}
${sections.join("\n")}
</body>
</html>
`;
}

/** Notes as a list, or nothing. */
function notesHtml(notes: readonly string[]): string {
  return notes.length > 0 ? `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>` : "";
}

/** A table of cells as HTML: the header in `thead`, the leading text columns left-aligned (the first as the row's header). */
function tableHtml(table: Table): string {
  const textColumns = table.textColumns ?? 1;
  const head = `<tr>${table.head.map((h, j) => `<th${j < textColumns ? ' class="text"' : ""}>${escapeHtml(h.trim())}</th>`).join("")}</tr>`;
  const rows = table.rows.map(
    (r) =>
      `<tr>${r
        .map((c, j) => (j === 0 ? `<th scope="row">${escapeHtml(c.trim())}</th>` : `<td${j < textColumns ? ' class="text"' : ""}>${escapeHtml(c.trim())}</td>`))
        .join("")}</tr>`,
  );
  return `<div class="wide"><table>\n<thead>${head}</thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table></div>`;
}
