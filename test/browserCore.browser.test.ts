/**
 * The main entry in a browser: src/index.ts bundled with esbuild as a web app's bundler would
 * (`platform: "browser"`, ESM, no Node polyfills), then the quick start run in headless Chromium
 * (Debian's; skipped with the reason where it is missing, outside CI: test/support/chromium.ts).
 *
 * It bundles the source, not dist/: no build needed first, and the import graph is the same —
 * tsup builds dist/index.js from these modules with this esbuild, leaving zod and decimal.js as
 * imports that a user's bundler resolves as this one does. A Node global or built-in anywhere in
 * that graph fails here: esbuild cannot resolve `node:*` for the browser, and a global such as
 * `Buffer` is undefined in the page.
 */
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, browserSuiteName, CHROMIUM, CHROMIUM_ARGS } from "./support/chromium.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The page's script: the quick start (examples/quick-start.ts) with the table written into the
 * page, then the same caseload through CSV — written and read back, all in the page — compared
 * again: CSV import and export work in a browser too.
 */
const PAGE_SCRIPT = `
import { caseloadFromCsv, caseloadFromRecords, compare, formatComparison, recordsToCsv } from "./src/index.ts";

const caseload = caseloadFromRecords(
  [
    { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
    { id: "t2", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-03", end: null, outcome: "open", use: [600, 540, 480, 480, 300, 300, 240, 240, 120, 120] },
    { id: "t3", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
  ],
  { window: { start: "2025-12", months: 13 } },
);
const models = [
  { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
  { kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "verblijf", amount: "60000.00" }] },
];
const options = { horizon: { start: "2026-01", months: 12 } };
const show = (id, text) => {
  const pre = document.createElement("pre");
  pre.id = id;
  pre.textContent = text;
  document.body.append(pre);
};
show("table", formatComparison(compare(caseload, models, options)));
const csv = recordsToCsv(caseload, { dutch: true });
show("csv", formatComparison(compare(caseloadFromCsv(csv.trajectories, { window: csv.window, useCsv: csv.use }), models, options)));
`;

let bundle: { readonly code: string; readonly metafile: Metafile };

beforeAll(async () => {
  const result = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: ROOT, sourcefile: "page.js", loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundle = { code: result.outputFiles[0]!.text, metafile: result.metafile };
});

describe("the main entry bundled for a browser", () => {
  it("stays lean: no vega, no CSV library, nothing from Node, under 700 kB minified", ({ annotate }) => {
    const inputs = Object.keys(bundle.metafile.inputs);
    const packages = [...new Set(inputs.map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1]).filter((p) => p !== undefined))].sort();
    const bytes = new TextEncoder().encode(bundle.code).length;
    void annotate(`${Math.round(bytes / 1024)} kB minified, ${inputs.length} modules; packages: ${packages.join(", ")}`);
    // What the core may pull in: its two runtime dependencies the browser needs, nothing else.
    expect(packages).toEqual(["decimal.js", "zod"]);
    expect(bundle.code).not.toMatch(/vega/i);
    // Measured 610 kB (148 kB gzipped), 454 kB of it zod; vega and vega-lite alone minify to 805 kB.
    expect(bytes).toBeLessThan(700_000);
  });
});

describe.skipIf(browserSkipReason !== undefined)(browserSuiteName("the main entry in a browser"), () => {
  it("loads and runs the quick start in headless Chromium, CSV in and out included, without page errors", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.setContent("<!doctype html><html><head><meta charset=utf-8></head><body></body></html>");
      expect(await page.evaluate("typeof Buffer + ' ' + typeof process")).toBe("undefined undefined");
      // Until the table is there or the page fails (a module that throws on load writes nothing).
      const shown = page.locator("pre#table").waitFor({ timeout: 20_000 });
      shown.catch(() => {});
      await page.addScriptTag({ content: bundle.code, type: "module" });
      await Promise.race([shown, new Promise((resolve) => page.on("pageerror", resolve))]);
      expect(errors).toEqual([]);
      const table = await page.locator("pre#table").textContent();
      expect(table).toMatch(/^\s+Inspanningsgericht \(p×q\)\s+Trajectfinanciering\n/);
      // The quick start's totals, worked out by hand in test/examples.test.ts.
      expect(table).toMatch(/Total paid\s+€ 55\.930\s+€ 33\.750\n/);
      expect(table).toContain("Note: 1 trajectory in care in the horizon started before it (2026-01)");
      // Through CSV (Dutch: semicolons, a BOM) and back: the very same comparison.
      expect(await page.locator("pre#csv").textContent()).toBe(table);
    } finally {
      await browser.close();
    }
  });
});
