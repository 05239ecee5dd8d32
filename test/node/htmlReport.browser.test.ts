/**
 * The HTML report as a person sees it: opened in headless Chromium (Debian's, installed by .ci/run;
 * skipped with the reason where it is missing, outside CI: test/support/chromium.ts),
 * it renders, its four charts and — over several runs — its risk section's charts are drawn with a
 * size, and the browser reports no errors. On a desktop screen (1,280 px) and a phone (390 px)
 * nothing reaches past the right edge of the viewport (a wide table scrolls in its own box), and
 * a screenshot of each is saved in a temp folder for a person to look at.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { calibratedScenario, compare, defaultRegionSpec, findUncertain, oneWaySensitivity, tornado, type MetricEvaluator } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";
import { browserSkipReason, browserSuiteName, CHROMIUM, CHROMIUM_ARGS } from "../support/chromium.js";

/** What the page measures of itself: every box's right edge against the viewport's width. */
interface Layout {
  readonly viewport: number;
  readonly scrollWidth: number;
  /** Boxes (outside a table's scroll box) that reach past the viewport, with their right edge. */
  readonly overflowing: readonly string[];
  /** The widest right edge of a visible chart or table box, in px. */
  readonly rightmost: number;
  /** Each visible drawing: its chart, which drawing, its width on screen and its own width (viewBox). */
  readonly drawings: readonly { readonly chart: string; readonly which: string; readonly width: number; readonly natural: number }[];
  /** Each table box: whether its table is wider than the box (then it scrolls inside it). */
  readonly tableBoxes: readonly { readonly scrolls: boolean; readonly right: number }[];
}

/**
 * A script the page runs to measure itself (a string: the test is compiled without the DOM's
 * types, which the library's own code must not lean on).
 */
const MEASURE_LAYOUT = `(() => {
  const viewport = window.innerWidth;
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // Every block of the page, the figures and their parts, the table boxes; not what is inside a table box (that scrolls).
  const boxes = [...document.querySelectorAll("body > *, section > *, figure.chart, figure.chart > *")].filter(shown);
  const name = (e) => e.tagName.toLowerCase() + (e.getAttribute("class") ? "." + e.getAttribute("class").replace(/ /g, ".") : "") + (e.closest("figure") ? " in " + e.closest("figure").dataset.chart : "");
  const overflowing = boxes.filter((e) => e.getBoundingClientRect().right > viewport + 0.5).map((e) => name(e) + " right " + e.getBoundingClientRect().right);
  const charted = [...document.querySelectorAll("figure.chart svg, div.wide")].filter(shown);
  const drawings = [...document.querySelectorAll("figure.chart svg")].filter(shown).map((svg) => ({
    chart: svg.closest("figure").dataset.chart,
    which: svg.getAttribute("class"),
    width: svg.getBoundingClientRect().width,
    natural: svg.viewBox.baseVal.width,
  }));
  const tableBoxes = [...document.querySelectorAll("div.wide")].map((d) => ({ scrolls: d.scrollWidth > d.clientWidth, right: d.getBoundingClientRect().right }));
  return { viewport, scrollWidth: document.documentElement.scrollWidth, overflowing, rightmost: Math.max(...charted.map((e) => e.getBoundingClientRect().right)), drawings, tableBoxes };
})()`;

describe.skipIf(browserSkipReason !== undefined)(browserSuiteName("the HTML report in a browser"), () => {
  it("renders the table, the four charts and the risk charts without console errors, and fits 1,280 and 390 px", async ({ annotate }) => {
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
      args: CHROMIUM_ARGS,
    });
    const shots = mkdtempSync(join(tmpdir(), "jb-screens-"));
    const charts = 4 + 4 + 1;
    try {
      for (const width of [1280, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const errors: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(m.text());
        });
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.goto(pathToFileURL(file).href);
        expect(await page.locator("h1").textContent()).toBe("Browser check");
        expect(await page.locator("html").getAttribute("lang")).toBe("nl");
        expect(await page.locator("table tbody tr").count()).toBeGreaterThan(10);

        const layout = await page.evaluate<Layout>(MEASURE_LAYOUT);
        await annotate(`${width} px: scrollWidth ${layout.scrollWidth}, rightmost chart or table box ${layout.rightmost}, drawings ${layout.drawings.map((d) => `${d.chart} ${Math.round(d.width)}/${d.natural}`).join(", ")}`);
        // Nothing reaches past the right edge: the page never scrolls sideways.
        expect(layout.viewport).toBe(width);
        expect(layout.scrollWidth).toBeLessThanOrEqual(width);
        expect(layout.overflowing).toEqual([]);
        expect(layout.rightmost).toBeLessThanOrEqual(width);
        for (const box of layout.tableBoxes) expect(box.right).toBeLessThanOrEqual(width);
        // One drawing per chart on screen: the screen's at 1,280 px, the phone's at 390 px.
        const which = width === 1280 ? "marks wide" : "marks narrow";
        expect(layout.drawings.map((d) => d.which)).toEqual(Array<string>(charts).fill(which));
        if (width === 1280) {
          // The desktop drawings are not shrunk to fit.
          for (const d of layout.drawings) expect(d.width, d.chart).toBeCloseTo(d.natural, 0);
        } else {
          // On the phone the five-model table is wider than the screen and scrolls inside its box…
          expect(layout.tableBoxes[0]!.scrolls).toBe(true);
          // …and the four comparison charts are drawn for the phone's width, not shrunk (at most slightly).
          for (const d of layout.drawings.slice(0, 4)) expect(d.width / d.natural, d.chart).toBeGreaterThan(0.9);
          for (const d of layout.drawings) expect(d.width / d.natural, d.chart).toBeGreaterThan(0.5);
        }

        const drawn = page.locator("figure.chart svg:visible");
        expect(await drawn.count()).toBe(charts);
        for (let i = 0; i < charts; i++) {
          const box = await drawn.nth(i).boundingBox();
          expect(box!.width).toBeGreaterThan(width === 1280 ? 300 : 250);
          expect(box!.height).toBeGreaterThan(150);
        }
        // bars and lines were drawn, not just axes
        expect(await page.locator("figure.chart svg:visible path.mark-line, figure.chart svg:visible g.mark-rect path").count()).toBeGreaterThan(0);
        // The risk section: its tables, and each chart drawn with its marks and the lines under it.
        const risk = page.locator("section#risk");
        expect(await risk.locator("h2").textContent()).toBe("Onzekerheid en risico");
        expect(await risk.locator("table").count()).toBeGreaterThanOrEqual(2);
        for (const name of ["monthlyBands", "riskAllocation", "budgetAtRisk", "providerMargins"]) {
          const figure = risk.locator(`figure[data-chart="${name}"]`);
          expect(await figure.locator("svg:visible").count()).toBe(1);
          expect(await figure.locator("svg").count()).toBe(2);
          expect(await figure.locator("svg:visible path, svg:visible line").count()).toBeGreaterThan(10);
          expect((await figure.locator("p.shows").textContent())!.length).toBeGreaterThan(30);
          expect((await figure.locator("p.more").textContent())!.length).toBeGreaterThan(50);
        }
        // The band chart: an area (the P5–P95 band) and a line (the mean) per model.
        expect(await risk.locator('figure[data-chart="monthlyBands"] svg:visible g.mark-area path').count()).toBe(comparison.models.length);
        expect(await risk.locator('figure[data-chart="monthlyBands"] svg:visible g.mark-line path').count()).toBe(comparison.models.length);
        expect(await page.locator('section#sensitivity figure[data-chart="tornado1"] svg:visible g.mark-rect path').count()).toBe(4);

        const shot = join(shots, `rapport-${width}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        // A PNG as wide as the viewport (nothing widened the page), and not blank.
        const png = readFileSync(shot);
        expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
        expect(png.readUInt32BE(16)).toBe(width);
        expect(statSync(shot).size).toBeGreaterThan(50_000);
        await annotate(`screenshot at ${width} px: ${shot}`);

        if (width === 390) {
          // On paper the screen's drawing is printed, even from a phone, and no chart is split over pages.
          await page.emulateMedia({ media: "print" });
          expect(await page.locator("figure.chart svg.wide:visible").count()).toBe(charts);
          expect(await page.locator("figure.chart svg.narrow:visible").count()).toBe(0);
          expect(await page.evaluate<string>('getComputedStyle(document.querySelector("figure.chart")).breakInside')).toBe("avoid");
        }
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
