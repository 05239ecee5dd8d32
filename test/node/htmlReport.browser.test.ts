/**
 * The HTML report as a person sees it: opened in headless Chromium (Debian's, installed by .ci/run),
 * it renders, its four charts are drawn with a size, and the browser reports no errors.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { compare, defaultRegionSpec } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";

const CHROMIUM = "/usr/bin/chromium";

describe("the HTML report in a browser", () => {
  it("renders the table and four charts without console errors", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`).toBe(true);
    // A small region, three runs, so every chart (incl. the P5–P95 bars) has data.
    const region = defaultRegionSpec({ window: { start: "2026-01", months: 24 } });
    const spec = { ...region, profiles: region.profiles.slice(0, 2).map((p) => ({ ...p, arrivalsPerMonth: p.arrivalsPerMonth / 20, initialStock: Math.round((p.initialStock ?? 0) / 20) })) };
    const comparison = compare(
      spec,
      [
        { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] },
        { kind: "trajectory", amounts: [{ amount: "3000.00" }] },
      ],
      { runs: 3, keepProjections: true, costPrices: { prices: [{ careForm: "ambulant", price: "66.00" }] } },
    );
    const file = join(mkdtempSync(join(tmpdir(), "jb-browser-")), "rapport.html");
    writeFileSync(file, await comparisonHtml(comparison, { title: "Browser check" }));

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
      expect(await charts.count()).toBe(4);
      for (let i = 0; i < 4; i++) {
        const box = await charts.nth(i).boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(200);
      }
      // bars and lines were drawn, not just axes
      expect(await page.locator("figure.chart svg path.mark-line, figure.chart svg g.mark-rect path").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
