import { describe, expect, it } from "vitest";
import { caseloadFromRecords, compare, type ModelConfig } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";
import { E, T, noRisk, withRisk } from "../report/handRisk.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempFiles } from "../support/tempFiles.js";
import { cli } from "./cliHarness.js";

const tmp = tempFiles("jb-html-");

describe("the HTML report", () => {
  // The quick start's caseload (see test/examples.test.ts for the hand calculation: €55,930 and €33,750).
  const caseload = caseloadFromRecords(
    [
      { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
      { id: "t2", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-03", end: null, outcome: "open", use: [600, 540, 480, 480, 300, 300, 240, 240, 120, 120] },
      { id: "t3", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
    ],
    { window: { start: "2025-12", months: 13 } },
  );
  const effortConfig: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] };
  const trajectoryConfig: ModelConfig = { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] };
  const comparison = compare(caseload, [effortConfig, trajectoryConfig], { horizon: { start: "2026-01", months: 12 }, keepProjections: true });

  /** A chart's figure in a report, by name. */
  const figureOf = (html: string, name: string): string => {
    const found = html.match(new RegExp(`<figure class="chart" data-chart="${name}">[\\s\\S]*?</figure>`));
    if (!found) throw new Error(`no figure ${name}`);
    return found[0];
  };
  /** The drawing for a screen or paper (`wide`) or for a phone (`narrow`) of a figure. */
  const drawing = (figure: string, which: "wide" | "narrow"): string => {
    const found = figure.match(new RegExp(`<svg [^>]*class="marks ${which}"[\\s\\S]*?</svg>`));
    if (!found) throw new Error(`no ${which} svg`);
    return found[0];
  };

  it("holds the table, the four charts drawn for a screen and for a phone as inline SVG, and no script", async () => {
    const html = await comparisonHtml(comparison, { title: "Quick start <test>" });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>Quick start &lt;test&gt;</title>");
    expect(html).toMatch(/<th scope="row">Totaal betaald<\/th><td>€ 55\.930<\/td><td>€ 33\.750<\/td>/);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(html.match(/<svg [^>]*class="marks wide"/g)).toHaveLength(4);
    expect(html.match(/<svg [^>]*class="marks narrow"/g)).toHaveLength(4);
    for (const name of ["differences", "perYear", "perProvider", "obligations"]) expect(html).toContain(`data-chart="${name}"`);
    expect(html).not.toMatch(/<script|NaN|undefined/);
  });

  it("is Dutch, sized for a phone, and prints without cutting a chart", async () => {
    const html = await comparisonHtml(comparison);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Vergelijking van bekostigingsmodellen</title>");
    expect(html).toContain("<p>Horizon 2026-01 + 12 maanden.</p>");
    expect(html).toMatch(/@media print \{[\s\S]*figure\.chart \{ break-inside: avoid;/);
    // The wide table scrolls in its own box; charts scale to the page.
    expect(html).toContain("div.wide { overflow-x: auto; max-width: 100%;");
    expect(html).toContain("figure.chart svg { display: block; max-width: 100%; height: auto; }");
    expect(html).toMatch(/<div class="wide"><table>\n<thead>/);
    // Every drawing scales by its viewBox.
    expect(html.match(/<svg [^>]*viewBox="0 0 [\d.]+ [\d.]+"/g)).toHaveLength(8);
  });

  it("in English with locale en: lang, headings and the line under each chart", async () => {
    const html = await comparisonHtml(comparison, { locale: "en" });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Comparison of funding models</title>");
    expect(html).toContain("<p>Horizon 2026-01 + 12 months.</p>");
    expect(html).toContain("<h2>Charts</h2>");
    expect(figureOf(html, "perYear")).toContain('<p class="shows">What each model pays the providers per calendar year.</p>');
    expect(html).not.toContain("Grafieken");
  });

  it("says under each chart in one sentence what it shows", async () => {
    const html = await comparisonHtml(comparison);
    const shows = [...html.matchAll(/<p class="shows">([^<]+)<\/p>/g)].map((m) => m[1]!);
    expect(shows).toEqual([
      "Hoeveel elk model per jaar meer (boven nul) of minder (onder nul) betaalt dan Inspanningsgericht (p×q).",
      "Wat elk model per kalenderjaar aan de aanbieders betaalt.",
      "Wat elke aanbieder onder elk model ontvangt, en wat na de kosten overblijft als de kostprijzen bekend zijn.",
      "Wat de gemeente aan het eind van elk jaar nog moet betalen voor zorg die al geleverd of toegezegd is.",
    ]);
    for (const line of shows) expect(line.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it("draws the difference from the first model per year: trajectory € 33.750 − effort € 55.930 = −€ 22.180", async () => {
    const html = await comparisonHtml(comparison);
    const figure = figureOf(html, "differences");
    expect(figure).toContain('<span class="chart-title">Paid more or less than Inspanningsgericht (p×q), per year (verschil per jaar)</span>');
    for (const which of ["wide", "narrow"] as const) {
      const svg = drawing(figure, which);
      expect(svg).toContain("Year (jaar): 2026; Difference (verschil, €): -22.180; model: Trajectfinanciering;");
      expect(svg).toContain("Minus Inspanningsgericht (p×q): -€ 22.180; Paid: € 33.750; Paid by Inspanningsgericht (p×q): € 55.930");
      // One bar: the baseline is the zero line, not a bar of its own.
      expect(svg.match(/aria-label="Year \(jaar\): /g)).toHaveLength(1);
    }
    // Against the trajectory model instead: effort pays € 22.180 more.
    const other = figureOf(await comparisonHtml(comparison, { baseline: "Trajectfinanciering" }), "differences");
    expect(other).toContain("Difference (verschil, €): 22.180; model: Inspanningsgericht (p×q);");
    await expect(comparisonHtml(comparison, { baseline: "Taakgericht" })).rejects.toThrow(/baseline "Taakgericht" is not a model/);
  });

  it("colours each model by its kind, in every chart and whatever its position", async () => {
    const EFFORT = 'fill="#E69F00"';
    const TRAJECTORY = 'fill="#CC79A7"';
    const html = await comparisonHtml(comparison);
    for (const name of ["perYear", "perProvider", "obligations"]) {
      const svg = drawing(figureOf(html, name), "wide");
      expect(svg).toContain(EFFORT);
      expect(svg).toContain(TRAJECTORY);
    }
    // The difference is the trajectory model's, in its colour; the baseline (effort) has no bar.
    expect(drawing(figureOf(html, "differences"), "wide")).toContain(TRAJECTORY);
    expect(drawing(figureOf(html, "differences"), "wide")).not.toContain(EFFORT);
    // The models the other way round keep their colours: the bar of 2026 for the trajectory model is pink.
    const reversed = compare(caseload, [...comparison.models].reverse().map((m) => (m.kind === "effort" ? effortConfig : trajectoryConfig)), { horizon: { start: "2026-01", months: 12 } });
    const svg = drawing(figureOf(await comparisonHtml(reversed), "perYear"), "wide");
    expect(svg).toMatch(/<path [^>]*aria-label="[^"]*model: Trajectfinanciering;[^"]*"[^>]*fill="#CC79A7"/);
    expect(svg).toMatch(/<path [^>]*aria-label="[^"]*model: Inspanningsgericht \(p×q\);[^"]*"[^>]*fill="#E69F00"/);
  });

  it("has one y-axis title per chart at most, and cuts no provider or model name", async () => {
    const withCost = compare(caseload, [effortConfig, trajectoryConfig], {
      horizon: { start: "2026-01", months: 12 },
      costPrices: { prices: [{ careForm: "ambulant", price: "60.00" }, { careForm: "verblijf", price: "150.00" }] },
    });
    const html = await comparisonHtml(withCost);
    for (const name of ["differences", "perYear", "perProvider", "obligations"]) {
      for (const which of ["wide", "narrow"] as const) {
        const svg = drawing(figureOf(html, name), which);
        expect(svg.match(/aria-label="Y-axis titled/g)?.length ?? 0, `${name} ${which}`).toBeLessThanOrEqual(1);
        // Vega marks a cut label with an ellipsis.
        expect(svg).not.toContain("…");
      }
    }
    const provider = drawing(figureOf(html, "perProvider"), "wide");
    expect(provider).toContain(">Jeugdhulp Noord</text>");
    expect(provider).toContain(">Woongroep Zuid</text>");
    expect(provider).toContain(">Paid (betaald, €)</text>");
    expect(provider).toContain(">Margin (marge, €)</text>");
  });

  it("is written by the command line with --out *.html", async () => {
    const out = join(tmp.dir, "rapport.html");
    expect((await cli("run", "scenarios/quick-start.json", "--out", out)).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h1>Quick start</h1>");
    expect(html).toContain('<html lang="nl">');
    expect(html.match(/<svg /g)).toHaveLength(2 * 4);
  });
});

describe("the HTML report's risk, sensitivity and reform sections", () => {
  const riskChartNames = ["monthlyBands", "riskAllocation", "budgetAtRisk", "providerMargins"];

  it("has no risk section without risk (one run)", async () => {
    const html = await comparisonHtml(noRisk);
    expect(html).not.toContain('<section id="risk">');
    expect(html).not.toContain("Onzekerheid en risico");
    expect(html.match(/<svg /g)).toHaveLength(2 * 4); // each chart for a screen and for a phone
    for (const name of riskChartNames) expect(html).not.toContain(`data-chart="${name}"`);
  });

  it("has the risk section after the charts with risk: the tables, four charts as SVG, each with its caption", async () => {
    const html = await comparisonHtml(withRisk, { title: "Risk" });
    const section = html.slice(html.indexOf('<section id="risk">'));
    expect(html.indexOf('<section id="risk">')).toBeGreaterThan(html.indexOf('data-chart="obligations"'));
    expect(section).toContain("<h2>Onzekerheid en risico</h2>");
    expect(section).toContain(`<tr><th scope="row">Aandeel gemeente in het kostenrisico</th><td>104,17 %</td><td>0 %</td></tr>`);
    expect(section).toContain(`<tr><th scope="row">${E}</th><td>—</td><td>75 %</td></tr>`);
    expect(section).toContain(`<tr><th scope="row">${T}</th><td class="text">P0</td><td>-€ 2.500</td><td>€ 1.000</td><td>25 % (5/20)</td></tr>`);
    for (const name of riskChartNames) {
      expect(section).toMatch(
        new RegExp(`<figure class="chart" data-chart="${name}"><figcaption>[\\s\\S]+?</figcaption><svg [^>]*class="marks wide"[\\s\\S]*?</svg><svg [^>]*class="marks narrow"[\\s\\S]*?</svg><p class="shows">[^<]+</p><p class="more">[^<]+</p></figure>`),
      );
    }
    expect(section).toContain('<p class="shows">Wie het risico van hogere of lagere zorgkosten draagt: de gemeente of de aanbieders.</p>');
    expect(html.match(/<svg /g)).toHaveLength(2 * (4 + 4));
    // One y-axis title per drawing at most: the band chart's five panels share the one in its title.
    for (const svg of html.match(/<svg [\s\S]*?<\/svg>/g)!) expect(svg.match(/aria-label="Y-axis titled/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(html).not.toMatch(/<script|NaN|undefined/);
  });

  it("adds sensitivity and reform sections when given, and keeps them out otherwise", async () => {
    const tornado = {
      metric: "totalPaid",
      base: 100000,
      rows: [{ key: "t", label: "Tariff", centre: 70, lowValue: 62.5, highValue: 77.5, atLow: 90000, atHigh: 112000, swing: 22000 }],
    };
    const result = {
      a: { key: "a", label: "A", percentiles: [5, 95], values: [1, 2] },
      b: { key: "b", label: "B", percentiles: [5, 95], values: [3, 4] },
      cells: [[{ totalPaid: 100 }, { totalPaid: 200 }], [{ totalPaid: 300 }, { totalPaid: 400 }]],
    };
    const summary = { mean: 1000, p5: 500, p50: 1000, p95: 1500 };
    const reforms = {
      steps: [
        { name: "Basis", description: null, comparison: withRisk, effects: null },
        { name: "Tariffs <+3 %>", description: "all tariffs", comparison: withRisk, effects: [{ label: E, effect: { totalPaid: summary } }, { label: T, effect: { totalPaid: summary } }] },
      ],
    };
    const html = await comparisonHtml(withRisk, { sensitivity: { tornadoes: [{ model: E, metric: "totalPaid", tornado }], twoWay: [{ model: E, metric: "totalPaid", result }] }, reforms });
    expect(html).toContain("<h2>Gevoeligheid</h2>");
    expect(html).toContain('data-chart="tornado1"');
    expect(html).toContain('data-chart="twoWay1"');
    expect(html).toContain("<h2>Hervormingen</h2>");
    expect(html).toContain("<li><strong>Basis</strong> (basis)</li>");
    expect(html).toContain("<li><strong>Tariffs &lt;+3 %&gt;</strong> — all tariffs</li>");
    expect(html).toContain('data-chart="reformEffects"');
    expect(html.match(/<svg /g)).toHaveLength(2 * (4 + 4 + 3));
    expect(html.indexOf('<section id="risk">')).toBeLessThan(html.indexOf('<section id="sensitivity">'));
    expect(html.indexOf('<section id="sensitivity">')).toBeLessThan(html.indexOf('<section id="reforms">'));
    const plain = await comparisonHtml(withRisk);
    expect(plain).not.toContain('<section id="sensitivity">');
    expect(plain).not.toContain('<section id="reforms">');
  });
});
