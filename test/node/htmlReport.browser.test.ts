/**
 * The HTML report as a person sees it: opened in headless Chromium (Debian's, installed by .ci/run;
 * skipped with the reason where it is missing, outside CI: test/support/chromium.ts),
 * it renders, its four charts and — over several runs — its risk section's charts are drawn with a
 * size, and the browser reports no errors.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { calibratedScenario, compare, defaultRegionSpec, findUncertain, oneWaySensitivity, tornado, type MetricEvaluator } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";
import { browserSkipReason, browserSuiteName, CHROMIUM } from "../support/chromium.js";

describe.skipIf(browserSkipReason !== undefined)(browserSuiteName("the HTML report in a browser"), () => {
  it("renders the table, the four charts and the risk charts without console errors", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`).toBe(true);
    // A small region under the five calibrated models, with cost prices and a budget, over ten runs:
    // every chart (incl. the P5–P95 bars and every risk chart) has data.
    const region = defaultRegionSpec({ window: { start: "2026-01", months: 24 } });
    const spec = { ...region, profiles: region.profiles.slice(0, 3).map((p) => ({ ...p, arrivalsPerMonth: p.arrivalsPerMonth / 20, initialStock: Math.round((p.initialStock ?? 0) / 20) })) };
    const calibrated = calibratedScenario(spec);
    const comparison = compare(spec, calibrated.models, {
      runs: 10,
      keepProjections: true,
      costPrices: calibrated.costPrices,
      budget: { perYear: calibrated.budgetPerYear },
    });
    // And a tornado of a synthetic evaluation, for the sensitivity section.
    const params = findUncertain({ x: { distribution: "uniform", min: 0, max: 100, name: "Volume" }, y: { distribution: "triangular", min: 0, mode: 2, max: 10, name: "Tariff" } });
    const evaluate: MetricEvaluator = (v) => ({ totalPaid: Math.round(100000 * v.get("x")! + 20000 * v.get("y")!) });
    const sensitivity = { tornadoes: [{ model: comparison.models[0]!.label, metric: "totalPaid", tornado: tornado(oneWaySensitivity(params, evaluate), "totalPaid") }], twoWay: [] };
    const file = join(mkdtempSync(join(tmpdir(), "jb-browser-")), "rapport.html");
    writeFileSync(file, await comparisonHtml(comparison, { title: "Browser check", sensitivity }));

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator("h1").textContent()).toBe("Browser check");
      expect(await page.locator("table tbody tr").count()).toBeGreaterThan(10);
      const charts = page.locator("figure.chart svg");
      expect(await charts.count()).toBe(4 + 4 + 1);
      for (let i = 0; i < 4 + 4 + 1; i++) {
        const box = await charts.nth(i).boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(150);
      }
      // bars and lines were drawn, not just axes
      expect(await page.locator("figure.chart svg path.mark-line, figure.chart svg g.mark-rect path").count()).toBeGreaterThan(0);
      // The risk section: its tables, and each chart drawn with its marks and a caption under it.
      const risk = page.locator("section#risk");
      expect(await risk.locator("h2").textContent()).toBe("Onzekerheid en risico (uncertainty and risk)");
      expect(await risk.locator("table").count()).toBeGreaterThanOrEqual(2);
      for (const name of ["monthlyBands", "riskAllocation", "budgetAtRisk", "providerMargins"]) {
        const figure = risk.locator(`figure[data-chart="${name}"]`);
        expect(await figure.locator("svg").count()).toBe(1);
        expect(await figure.locator("svg path, svg line").count()).toBeGreaterThan(10);
        expect((await figure.locator("figcaption").textContent())!.length).toBeGreaterThan(50);
      }
      // The band chart: an area (the P5–P95 band) and a line (the mean) per model.
      expect(await risk.locator('figure[data-chart="monthlyBands"] svg g.mark-area path').count()).toBe(comparison.models.length);
      expect(await risk.locator('figure[data-chart="monthlyBands"] svg g.mark-line path').count()).toBe(comparison.models.length);
      expect(await page.locator('section#sensitivity figure[data-chart="tornado1"] svg g.mark-rect path').count()).toBe(4);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
