import { describe, expect, it } from "vitest";
import { caseloadFromRecords, compare } from "../../src/index.js";
import { comparisonHtml } from "../../src/node/index.js";
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
