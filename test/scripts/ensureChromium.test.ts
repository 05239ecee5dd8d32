/**
 * `npm test` without root: where Chromium is missing and cannot be installed, the pretest step
 * (scripts/ensure-chromium.mjs) lets the tests run and the browser checks are skipped with the
 * reason in their name and a notice under the summary; in CI (CI=true) both are an error instead.
 * CHROMIUM_PATH points at a Chromium that does not exist, so nothing here installs anything.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const MISSING = "/nonexistent/chromium";

/** The environment of a child process: ours without vitest's own variables, plus `extra`. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST") && k !== "CI" && k !== "NODE_OPTIONS") out[k] = v;
  return { ...out, ...extra };
}

function ensureChromium(extra: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/ensure-chromium.mjs"], { env: env(extra), encoding: "utf8" });
}

describe("the pretest step (scripts/ensure-chromium.mjs)", () => {
  it("is silent and succeeds when Chromium is there", () => {
    const r = ensureChromium({ CHROMIUM_PATH: process.execPath });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });
  it("lets the tests run without Chromium, saying the browser checks will be skipped and how to get them", () => {
    const r = ensureChromium({ CHROMIUM_PATH: MISSING });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`no Chromium at ${MISSING}`);
    expect(r.stderr).toContain("the browser checks will be skipped");
    expect(r.stderr).toContain("sudo apt-get install chromium");
  });
  it("fails in CI, where the browser checks must run", () => {
    for (const ci of ["true", "1"]) {
      const r = ensureChromium({ CHROMIUM_PATH: MISSING, CI: ci });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/In CI they must run/);
    }
    expect(ensureChromium({ CHROMIUM_PATH: MISSING, CI: "false" }).status).toBe(0);
  });
});

describe("the browser suite without Chromium", () => {
  /** Runs the browser test file in a vitest of its own and returns its JSON report and output. */
  function browserRun(extra: Record<string, string>) {
    const file = join(mkdtempSync(join(tmpdir(), "jb-browser-skip-")), "report.json");
    const args = ["node_modules/vitest/vitest.mjs", "run", "test/node/htmlReport.browser.test.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`];
    const r = spawnSync(process.execPath, args, { env: env({ CHROMIUM_PATH: MISSING, ...extra }), encoding: "utf8" });
    return { status: r.status, report: JSON.parse(readFileSync(file, "utf8")) as VitestJson, output: r.stdout + r.stderr };
  }
  interface VitestJson {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: { assertionResults: { fullName: string; status: string }[] }[];
  }

  it("is skipped, with the reason in its name and under the summary, and the run succeeds", () => {
    const { status, report, output } = browserRun({});
    expect(status).toBe(0);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests).toBeGreaterThan(0);
    const names = report.testResults.flatMap((f) => f.assertionResults);
    expect(names.every((t) => t.status === "skipped" || t.status === "pending")).toBe(true);
    expect(names[0]!.fullName).toContain(`skipped: no Chromium at ${MISSING}`);
    expect(output).toContain(`Browser checks skipped: no Chromium at ${MISSING}`);
  });

  it("fails in CI instead of skipping", () => {
    const { status, report } = browserRun({ CI: "true" });
    expect(status).toBe(1);
    expect(report.numFailedTests).toBeGreaterThan(0);
    expect(report.numPendingTests).toBe(0);
  });
});
