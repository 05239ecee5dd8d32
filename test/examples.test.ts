import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compare, defaultScenario, formatEuro } from "../src/index.js";

const tsx = "node_modules/.bin/tsx";
const outputs = new Map<string, string>();
/** An example's output; each example runs once for all the tests that read it. */
const run = (file: string): string => {
  let out = outputs.get(file);
  if (out === undefined) outputs.set(file, (out = execFileSync(tsx, [file], { encoding: "utf8" })));
  return out;
};
/** The cells of a table row, split on runs of 2+ spaces. */
const row = (out: string, label: string): string[] =>
  out
    .split("\n")
    .find((l) => l.startsWith(label))!
    .slice(label.length)
    .trim()
    .split(/\s{2,}/);

describe("examples/quick-start.ts", () => {
  const out = run("examples/quick-start.ts");
  it("prints the amounts worked out by hand", () => {
    // Effort (lag 1, only 2026 care known):
    //  t1: 240 min = 4 h × €70 = €280 a month, Jan–Jun → €1,680
    //  t2: Mar–Dec 600,540,480,480,300,300,240,240,120,120 min → 10,9,8,8,5,5,4,4,2,2 h × €70 = €3,990;
    //      December's €140 is paid in January 2027 → €3,850 inside the horizon, €140 open at 2026-12
    //  t3: 28 etmalen × €180 = €5,040 a month, Dec 2025 – Sep 2026 paid Jan – Oct 2026 → €50,400
    //  total €55,930
    // Trajectory (advance 50 %): t1 €1,250 + €1,250; t2 advance €1,250 (settlement after 2026, open);
    //  t3 started 2025-10, advance paid in 2025, settlement €30,000 in Oct 2026 → total €33,750
    expect(row(out, "Total paid")).toEqual(["€ 55.930", "€ 33.750"]);
    expect(row(out, "Obligations open 2026-12")).toEqual(["€ 140", "€ 1.250"]);
    // 3 clients; closed in 2026: t1 and t3; achieved: t1
    expect(row(out, "Per client")).toEqual(["€ 18.643", "€ 11.250"]); // 55,930 / 3 = 18,643.33
    expect(row(out, "Per closed trajectory")).toEqual(["€ 27.965", "€ 16.875"]); // 55,930 / 2
    expect(row(out, "Per achieved result")).toEqual(["€ 55.930", "€ 33.750"]);
    // Lines paid in 2026 — effort: t1 6 + t2 9 (December's is paid in 2027) + t3 10 = 25;
    // trajectory: t1 advance and settlement 2 + t2 advance 1 + t3 settlement 1 = 4

    expect(row(out, "Payment lines")).toEqual(["25", "4"]);
    // The window starts a month before the horizon: no care's payment is missing. But t3's advance
    // was paid in 2025 under trajectory funding, which the comparability note says.
    expect(out.split("\n").filter((l) => l.startsWith("Note:"))).toEqual([
      "Note: 1 trajectory in care in the horizon started before it (2026-01): Trajectfinanciering paid its start before the horizon, so these totals leave out part of the price while per-month models count every month of care in the horizon; compare over a longer horizon, or read the differences as timing.",
    ]);
  });
});

describe("examples/compare-models.ts (the README's main command)", () => {
  const out = run("examples/compare-models.ts");
  const scenario = defaultScenario();
  const direct = compare(scenario.caseload, scenario.models, scenario.options);
  it("compares every default model side by side", () => {
    for (const m of direct.models) expect(out).toContain(m.label);
    expect(direct.models.map((m) => m.kind)).toEqual(["task", "effort", "effort", "output", "trajectory"]);
  });
  it("prints what the library computes, in Dutch euros", () => {
    expect(row(out, "Total paid")).toEqual(direct.models.map((m) => formatEuro(m.metrics.totalPaid, { decimals: false })));
  });
  it("a calibrated region: every model pays within 3 % of the effort model, and intake stops make clients wait", () => {
    // Calibrated to the same expected cost, the models differ only by timing, risk and rules (one run: noise too).
    const effort = direct.models[1]!.metrics.totalPaid;
    for (const m of direct.models) expect(Math.abs(m.metrics.totalPaid - effort) / effort).toBeLessThan(0.03);
    expect(direct.models[0]!.metrics.messages).toBe(0); // taakgericht: no iJw messages
    expect(direct.models[2]!.metrics.clientsWaiting).toBeGreaterThan(0);
  });
});

describe("examples/four-models.ts", () => {
  const out = run("examples/four-models.ts");
  it("compares the four models on the quick start's caseload", () => {
    // Effort and trajectory as in the quick start (the ceiling of €5,000 is reached in September, after
    // the last start, so nobody waits). Task: €12,000 + €55,000 a year, paid in full in 2026.
    expect(row(out, "Total paid")).toEqual(["€ 67.000", "€ 55.930", expect.stringMatching(/^€ /), "€ 33.750"]);
    expect(row(out, "Ceilings reached")).toEqual(["0", "1", "0", "0"]);
    expect(row(out, "iJw messages")[0]).toBe("0");
  });
});

describe("the README shows the examples as they are", () => {
  const readme = readFileSync("README.md", "utf8");
  for (const file of ["examples/quick-start.ts", "examples/four-models.ts"]) {
    it(`every code line of ${file} is in the README`, () => {
      const lines = readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "" && !l.startsWith("//") && !l.startsWith("import "))
        // the README quick start keeps its comment on the window; four-models omits it
        .map((l) => l.replace(/ \/\/ .*$/, ""));
      for (const l of lines) expect(readme).toContain(l);
    });
  }
});

describe("the README shows today's output", () => {
  const readme = readFileSync("README.md", "utf8");
  /** The lines of the README's code block that starts with `first`. */
  const block = (first: string): string => {
    const start = readme.indexOf(first);
    return readme.slice(start, readme.indexOf("```", start)).trimEnd();
  };
  it("of npm run compare", () => {
    const out = run("examples/compare-models.ts")
      .split("\n")
      .filter((l) => !l.startsWith("("))
      .join("\n")
      .trimEnd();
    expect(block("Default region, 2026-01 + 36 months")).toBe(out);
  });
  it("of the quick start", () => {
    expect(block("                               Inspanningsgericht (p×q)  Trajectfinanciering")).toBe(run("examples/quick-start.ts").trimEnd());
  });
});

describe("examples/behaviour-uncertainty-reforms.ts", () => {
  // Three runs keep it quick; the scenario file's 20 runs are checked in test/scenario/shippedScenarios.test.ts.
  const out = execFileSync(tsx, ["examples/behaviour-uncertainty-reforms.ts", "--runs", "3"], { encoding: "utf8" });
  it("prints the comparison with its behaviour note, the risk, the tornadoes and the reforms", () => {
    expect(out).toContain("Note: providers' behaviour responses are on (set literature-central");
    expect(out).toContain("Risk over 3 runs");
    expect(out).toContain("Taakgericht: what moves total paid");
    expect(row(out, "Total paid: Basis")).toHaveLength(4);
    expect(out).toMatch(/\n {2}garantie 24 maanden /);
    expect(out).toMatch(/\n {2}gedrag hoog /);
  });
});
