import { describe, expect, it } from "vitest";
import { caseloadFromRecords, compare } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";
import { E, T, noRisk, withRisk } from "../report/handRisk.js";
import { cli } from "./cliHarness.js";

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
  const comparison = compare(
    caseload,
    [
      { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
      { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] },
    ],
    { horizon: { start: "2026-01", months: 12 }, keepProjections: true },
  );

  it("holds the table, the four charts as inline SVG, and no script", async () => {
    const html = await comparisonHtml(comparison, { title: "Quick start <test>" });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>Quick start &lt;test&gt;</title>");
    expect(html).toMatch(/<th scope="row">Total paid<\/th><td>€ 55\.930<\/td><td>€ 33\.750<\/td>/);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(html.match(/<svg /g)).toHaveLength(4);
    for (const name of ["cumulative", "perYear", "perProvider", "obligations"]) expect(html).toContain(`data-chart="${name}"`);
    expect(html).not.toMatch(/<script|NaN|undefined/);
  });

  it("is written by the command line with --out *.html", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const out = join(mkdtempSync(join(tmpdir(), "jb-html-")), "rapport.html");
    expect((await cli("run", "scenarios/quick-start.json", "--out", out)).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h1>Quick start</h1>");
    expect(html.match(/<svg /g)).toHaveLength(4);
  });
});

describe("the HTML report's risk, sensitivity and reform sections", () => {
  const riskChartNames = ["monthlyBands", "riskAllocation", "budgetAtRisk", "providerMargins"];

  it("has no risk section without risk (one run)", async () => {
    const html = await comparisonHtml(noRisk);
    expect(html).not.toContain('<section id="risk">');
    expect(html).not.toContain("Onzekerheid en risico");
    expect(html.match(/<svg /g)).toHaveLength(3); // no projections kept: no cumulative chart
    for (const name of riskChartNames) expect(html).not.toContain(`data-chart="${name}"`);
  });

  it("has the risk section after the charts with risk: the tables, four charts as SVG, each with its caption", async () => {
    const html = await comparisonHtml(withRisk, { title: "Risk" });
    const section = html.slice(html.indexOf('<section id="risk">'));
    expect(html.indexOf('<section id="risk">')).toBeGreaterThan(html.indexOf('data-chart="obligations"'));
    expect(section).toContain("<h2>Onzekerheid en risico (uncertainty and risk)</h2>");
    expect(section).toContain(`<tr><th scope="row">Municipality's share of the cost risk</th><td>104,17 %</td><td>0 %</td></tr>`);
    expect(section).toContain(`<tr><th scope="row">${E}</th><td>—</td><td>75 %</td></tr>`);
    expect(section).toContain(`<tr><th scope="row">${T}</th><td class="text">P0</td><td>-€ 2.500</td><td>€ 1.000</td><td>25 % (5/20)</td></tr>`);
    for (const name of riskChartNames) expect(section).toMatch(new RegExp(`<figure class="chart" data-chart="${name}"><svg [\\s\\S]*?</svg><figcaption>[^<]+</figcaption></figure>`));
    expect(html.match(/<svg /g)).toHaveLength(3 + 4);
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
    expect(html).toContain("<h2>Gevoeligheid (sensitivity)</h2>");
    expect(html).toContain('data-chart="tornado1"');
    expect(html).toContain('data-chart="twoWay1"');
    expect(html).toContain("<h2>Hervormingen (reforms)</h2>");
    expect(html).toContain("<li><strong>Tariffs &lt;+3 %&gt;</strong> — all tariffs</li>");
    expect(html).toContain('data-chart="reformEffects"');
    expect(html.match(/<svg /g)).toHaveLength(3 + 4 + 3);
    expect(html.indexOf('<section id="risk">')).toBeLessThan(html.indexOf('<section id="sensitivity">'));
    expect(html.indexOf('<section id="sensitivity">')).toBeLessThan(html.indexOf('<section id="reforms">'));
    const plain = await comparisonHtml(withRisk);
    expect(plain).not.toContain('<section id="sensitivity">');
    expect(plain).not.toContain('<section id="reforms">');
  });
});
