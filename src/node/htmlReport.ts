import { comparisonSummary } from "../report/summary.js";
import type { Comparison } from "../metrics/compare.js";
import type { ReformsResult } from "../reforms/reformResult.js";
import { chartExplanation } from "../report/chartExplanations.js";
import { comparisonCharts } from "../report/charts.js";
import { reformEffectsChart } from "../report/reformCharts.js";
import { riskCharts } from "../report/riskCharts.js";
import { riskSections } from "../report/riskText.js";
import { sensitivityCharts, type SensitivityChartsInput } from "../report/sensitivityCharts.js";
import { comparisonCells } from "../report/table.js";
import type { Table } from "../report/textTable.js";
import { loadVega } from "./vegaModules.js";

/**
 * Options of {@link comparisonHtml}.
 * @category Node: files, CLI and workers
 */
export interface HtmlReportOptions {
  /** The report's title, e.g. the scenario's name. */
  readonly title?: string;
  /** A sentence or two under the title, e.g. the scenario's description. */
  readonly description?: string;
  /** A sensitivity analysis of the comparison: its tornadoes and two-way grids get a section of their own. */
  readonly sensitivity?: SensitivityChartsInput;
  /** A stack of reforms on the comparison: the effect of each gets a section of its own. */
  readonly reforms?: ReformsResult;
  /**
   * The report's language (`lang`), its fixed headings and the "what this shows" line under each
   * chart: `nl` (default; the report is for Dutch council members) or `en`.
   */
  readonly locale?: "nl" | "en";
  /** The label of the model the differences chart subtracts from the others (default: the first model). */
  readonly baseline?: string;
}

/** The report's fixed words, per locale. */
const WORDS = {
  nl: {
    title: "Vergelijking van bekostigingsmodellen",
    horizon: (start: string, months: number) => `Horizon ${start} + ${months} maanden`,
    runs: (n: number, first: number, last: number) => `, gemiddelde van ${n} simulaties (seeds ${first}–${last})`,
    table: "Vergelijking per model",
    summary: "Wat de vergelijking zegt",
    charts: "Grafieken",
    risk: "Onzekerheid en risico",
    sensitivity: "Gevoeligheid",
    reforms: "Hervormingen",
    baseline: "basis",
    noReformEffect: "Het effect van de hervormingen ontbreekt: er is geen hervorming na de basis, of geen model heeft een effect op het totaal betaald.",
  },
  en: {
    title: "Comparison of funding models",
    horizon: (start: string, months: number) => `Horizon ${start} + ${months} months`,
    runs: (n: number, first: number, last: number) => `, mean of ${n} runs (seeds ${first}–${last})`,
    table: "Comparison per model",
    summary: "What the comparison says",
    charts: "Charts",
    risk: "Uncertainty and risk",
    sensitivity: "Sensitivity",
    reforms: "Reforms",
    baseline: "baseline",
    noReformEffect: "The reform effects are left out: there is no reform after the baseline, or no model has an effect on total paid.",
  },
} as const;

/**
 * Plot width of a chart's phone rendering, in pixels: with its axis it fits a 390 px wide screen
 * (less the page's margins) without being scaled down.
 */
const NARROW_WIDTH = 250;
/** The whole phone drawing's width to aim at: a 390 px screen less the page's margins at that width. */
const NARROW_TARGET = 366;
/** The narrowest plot a phone drawing gets when long labels take the room. */
const NARROW_MIN = 120;
/** Below this viewport width the phone rendering of each chart is shown (CSS `max-width`). */
const NARROW_BREAKPOINT = "40rem";

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A spec as the report draws it: its title left out (the HTML says it, where it wraps to the
 * screen) and, for a phone (`narrow`: a plot width), every plot at most that wide with the legend under the plot.
 */
function forReport(spec: object, narrow: number | null): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(spec)) as Record<string, unknown>;
  delete copy["title"];
  if (narrow === null) return copy;
  const shrink = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (typeof n["width"] === "number") n["width"] = Math.min(n["width"], narrow);
    // Only the nesting of views: a mark's or legend's own `width` is not a plot's.
    for (const key of ["spec", "layer", "hconcat", "vconcat", "concat"]) {
      const child = n[key];
      if (Array.isArray(child)) child.forEach(shrink);
      else shrink(child);
    }
  };
  shrink(copy);
  wrapCategoryLabels(copy);
  const config = (copy["config"] ?? {}) as Record<string, unknown>;
  copy["config"] = { ...config, legend: { ...((config["legend"] ?? {}) as object), orient: "bottom", direction: "vertical" } };
  return copy;
}

/**
 * Vega expression: a label longer than {@link WRAP_AT} characters broken at spaces into lines of
 * at most that many (a longer word stays whole), as an array Vega draws line under line.
 */
const WRAP_AT = 16;
const WRAP_LABEL = `length(datum.label) > ${WRAP_AT} ? split(slice(replace(datum.label, regexp('\\\\s*(.{1,${WRAP_AT}})(\\\\s+|$)', 'g'), '$1\\n'), 0, -1), '\\n') : datum.label`;

/**
 * On a phone the names on a category axis down the side (providers, parameters) take the room of
 * the plot: wrap them ({@link WRAP_LABEL}) rather than shrink the whole drawing.
 */
function wrapCategoryLabels(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(wrapCategoryLabels);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Record<string, unknown>;
  const y = n["y"] as { type?: unknown; field?: unknown; axis?: unknown } | undefined;
  if (y && typeof y === "object" && (y.type === "nominal" || y.type === "ordinal") && y.field !== undefined && y.axis !== null) {
    n["y"] = { ...y, axis: { ...(typeof y.axis === "object" ? y.axis : {}), labelExpr: WRAP_LABEL } };
  }
  for (const [k, v] of Object.entries(n)) if (k !== "y" && k !== "data") wrapCategoryLabels(v);
}

/** A spec's title and subtitle as text. */
function titleOf(spec: object): { text: string | null; subtitle: string | null } {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === "string") return { text: t, subtitle: null };
  if (t && typeof t === "object") {
    const { text, subtitle } = t as { text?: unknown; subtitle?: unknown };
    return { text: typeof text === "string" ? text : null, subtitle: typeof subtitle === "string" ? subtitle : null };
  }
  return { text: null, subtitle: null };
}

/**
 * A comparison as one self-contained HTML file: the comparison table, the notes, and the charts of
 * {@link comparisonCharts} rendered to SVG here in Node with vega — no script, no network, so the
 * file opens anywhere and can be mailed or archived with a council report. (vega and vega-lite are
 * optional peer dependencies, loaded only when a report is made: without them this throws
 * `MissingDependencyError`, whose message says what to install.)
 *
 * It reads on paper and on a phone: `lang` and a viewport, wide tables scroll inside their own
 * box, each chart is drawn twice — for a screen or paper, and narrower with its legend under the
 * plot for a phone, CSS showing one — and scales to the page; print CSS keeps a chart on one
 * page. Each chart has its title above it as text and a one-sentence "what this shows" line under
 * it (`options.locale`: Dutch by default, or English). Models have the colour of their kind in
 * every chart (`MODEL_KIND_COLOURS`).
 *
 * With two runs or more (`comparison.risk`) a section on uncertainty and risk follows: the risk
 * tables of `formatRisk` and the charts of `riskCharts` (monthly bands, who carries the cost risk,
 * budget at risk, provider margins), each with a caption saying what it shows. `options.sensitivity`
 * adds a section with its tornadoes and two-way grids, `options.reforms` one with the effect of each
 * reform. Throws FundingInputError when `options.baseline` names no model of the comparison.
 * @category Node: files, CLI and workers
 */
export async function comparisonHtml(comparison: Comparison, options: HtmlReportOptions = {}): Promise<string> {
  const locale = options.locale ?? "nl";
  const words = WORDS[locale];
  const { specs, notes } = comparisonCharts(comparison, options.baseline === undefined ? {} : { baseline: options.baseline });
  const baseline = options.baseline ?? comparison.models[0]?.label ?? "";
  const { vega, vegaLite: vl } = await loadVega();
  const svg = async (spec: Record<string, unknown>, className: string): Promise<string> => {
    const view = new vega.View(vega.parse(vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec), { renderer: "none" });
    try {
      return (await view.toSVG()).replace('class="marks"', `class="marks ${className}"`);
    } finally {
      view.finalize();
    }
  };
  // Long labels (a provider's name) widen a drawing beyond its plot: narrow the plot by what it is
  // over and draw it again, so the phone's drawing is not shrunk (and its text with it).
  const narrowSvg = async (spec: object): Promise<string> => {
    const first = await svg(forReport(spec, NARROW_WIDTH), "narrow");
    const over = Number(/ width="([\d.]+)"/.exec(first)?.[1] ?? 0) - NARROW_TARGET;
    return over > 0 ? svg(forReport(spec, Math.max(NARROW_MIN, Math.floor(NARROW_WIDTH - over))), "narrow") : first;
  };
  const figure = async (name: string, spec: object): Promise<string> => {
    const { text, subtitle } = titleOf(spec);
    const heading = text === null ? "" : `<figcaption><span class="chart-title">${escapeHtml(text)}</span>${subtitle === null ? "" : `<span class="subtitle">${escapeHtml(subtitle)}</span>`}</figcaption>`;
    const shows = chartExplanation(name, locale, baseline);
    const description = (spec as { description?: unknown }).description;
    return [
      `<figure class="chart" data-chart="${escapeHtml(name)}">`,
      heading,
      await svg(forReport(spec, null), "wide"),
      await narrowSvg(spec),
      shows === null ? "" : `<p class="shows">${escapeHtml(shows)}</p>`,
      typeof description === "string" ? `<p class="more">${escapeHtml(description)}</p>` : "",
      `</figure>`,
    ].join("");
  };
  const figures = async (named: Record<string, object>): Promise<string[]> => {
    const out: string[] = [];
    for (const [name, spec] of Object.entries(named)) out.push(await figure(name, spec));
    return out;
  };
  const charts = await figures(specs);
  const sections: string[] = [];
  // Uncertainty and risk: only when the comparison has it (two runs or more).
  const risk = riskSections(comparison, { locale });
  if (risk) {
    const r = riskCharts(comparison);
    sections.push(
      [
        `<section id="risk">`,
        `<h2>${words.risk}</h2>`,
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
    if (body.length > 0) sections.push([`<section id="sensitivity">`, `<h2>${words.sensitivity}</h2>`, ...body, `</section>`].join("\n"));
  }
  if (options.reforms) {
    const spec = reformEffectsChart(options.reforms);
    const described = options.reforms.steps.map((st, i) => `<li><strong>${escapeHtml(st.name)}</strong>${i === 0 ? ` (${words.baseline})` : ""}${st.description ? ` — ${escapeHtml(st.description)}` : ""}</li>`);
    sections.push(
      [
        `<section id="reforms">`,
        `<h2>${words.reforms}</h2>`,
        described.length > 0 ? `<ol class="steps" start="0">${described.join("")}</ol>` : "",
        spec ? await figure("reformEffects", spec) : notesHtml([words.noReformEffect]),
        `</section>`,
      ].filter((x) => x).join("\n"),
    );
  }
  const { header, body } = comparisonCells(comparison, { locale });
  const row = (cells: readonly string[], tag: "th" | "td"): string =>
    `<tr>${cells.map((c, j) => `<${j === 0 ? "th" : tag}${j === 0 ? ' scope="row"' : ""}>${escapeHtml(c.trim())}</${j === 0 ? "th" : tag}>`).join("")}</tr>`;
  const title = options.title ?? words.title;
  const allNotes = [...comparison.notices.map((n) => n[locale]), ...notes];
  const seeds = comparison.seeds;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem auto; padding: 0 1rem; max-width: 72rem; color: #222; line-height: 1.4; }
  h1 { font-size: 1.6rem; }
  table { border-collapse: collapse; margin: 0; }
  th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #ddd; text-align: right; white-space: nowrap; }
  th[scope="row"], td.text { text-align: left; font-weight: normal; }
  th.text { text-align: left; }
  thead th { font-weight: 600; }
  /* A wide table scrolls inside its own box; the page itself never scrolls sideways. */
  div.wide { overflow-x: auto; max-width: 100%; margin: 1rem 0 2rem; }
  /* While a table scrolls sideways its row names stay in view. */
  div.wide th[scope="row"] { position: sticky; left: 0; background: #fff; }
  figure.chart { margin: 1rem 0 2.5rem; max-width: 100%; }
  figure.chart figcaption { margin-bottom: 0.5rem; }
  figure.chart .chart-title { display: block; font-weight: 600; }
  figure.chart .subtitle { display: block; color: #555; font-size: 0.9rem; }
  /* A chart scales down to the page's width (its viewBox keeps the proportions). */
  figure.chart svg { display: block; max-width: 100%; height: auto; }
  figure.chart svg.narrow { display: none; }
  figure.chart p.shows { margin: 0.25rem 0 0; max-width: 48rem; }
  figure.chart p.more { color: #444; max-width: 48rem; font-size: 0.9rem; margin: 0.25rem 0 0; }
  section { margin-top: 3rem; }
  section table { font-size: 0.9rem; }
  .notes { color: #555; }
  @media (max-width: ${NARROW_BREAKPOINT}) {
    body { margin: 1rem auto; padding: 0 0.75rem; }
    th, td { padding: 0.2rem 0.5rem; }
    /* The row names wrap, so the sticky column leaves room for the figures beside it. */
    div.wide th[scope="row"] { white-space: normal; min-width: 7rem; max-width: 9rem; box-shadow: 1px 0 0 #ddd; }
    figure.chart svg.wide { display: none; }
    figure.chart svg.narrow { display: block; }
  }
  @media print {
    body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
    /* Paper cannot scroll: the table wraps its cells instead. */
    div.wide { overflow: visible; }
    div.wide th[scope="row"] { position: static; }
    th, td { white-space: normal; padding: 0.1rem 0.3rem; }
    table { font-size: 8pt; }
    figure.chart { break-inside: avoid; page-break-inside: avoid; }
    figure.chart svg.wide { display: block; }
    figure.chart svg.narrow { display: none; }
    h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
    section { margin-top: 1.5rem; }
  }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.description ? `<p>${escapeHtml(options.description)}</p>\n` : ""}<p>${words.horizon(escapeHtml(comparison.horizon.start), comparison.horizon.months)}${
    seeds.length > 1 ? words.runs(seeds.length, seeds[0]!, seeds.at(-1)!) : ""
  }.</p>
<h2>${words.table}</h2>
<div class="wide"><table>
<thead>${row(header, "th")}</thead>
<tbody>
${body.map((r) => row(r, "td")).join("\n")}
</tbody>
</table></div>
${allNotes.length ? `<ul class="notes">${allNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>\n` : ""}<h2>${words.summary}</h2>
<section id="summary">${comparisonSummary(comparison, { locale })
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join("")}</section>
<h2>${words.charts}</h2>
${charts.join("\n")}
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
