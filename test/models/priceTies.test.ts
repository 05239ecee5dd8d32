/**
 * Price ties and duplicate prices are refused when the config is validated (issue 10), and
 * hostile configs stay cheap: the ties are counted without listing more than MAX_KEPT_ISSUES, and
 * finding them is not cubic (2,000 + 2,000 entries aborted V8; 600 + 600 gave 360,000 issues).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createModel, FundingInputError, MAX_KEPT_ISSUES, outputModel, parseScenario, safeParseScenario, trajectoryModel } from "../../src/index.js";
import { priceTieIssues } from "../../src/prices/keyedPrices.js";
import { thrownInputError } from "../support/examples.js";

const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("price ties are capped and counted", () => {
  it("600 provider-wide and 600 profile-wide prices: 360,000 ties, 9,999 listed and one issue counting the other 350,001", () => {
    const prices = [...names("P", 600).map((provider) => ({ provider, price: "1.00" })), ...names("x", 600).map((profile) => ({ profile, price: "2.00" }))];
    const e = thrownInputError(() => outputModel({ kind: "output", prices }));
    expect(e.issues).toHaveLength(MAX_KEPT_ISSUES);
    expect(e.omittedIssues).toBe(0);
    // Every provider-wide entry (0–599) ties with every profile-wide one (600–1199), named at the later.
    expect(e.issues[0]!.path).toEqual(["prices", 600]);
    expect(e.issues[0]!.message).toContain('entries 0 and 600 both set 1 field(s) and both match provider "P0" × profile "x0"');
    expect(e.issues.at(-1)).toMatchObject({ path: ["prices"], message: "… and 350,001 more ties or duplicate prices like these, counted but not listed (the first 9,999 are)" });
  });

  it("the count is exact past the cap when more specific entries decide some ties", () => {
    // 200 providers × 100 profiles = 20,000 ties; 5,000 provider × profile entries (P0–P49 × x0–x99)
    // decide 5,000 of them: 15,000, of which 9,999 are listed.
    const entries = [...names("P", 200).map((p) => [p, undefined]), ...names("x", 100).map((x) => [undefined, x])];
    for (const p of names("P", 50)) for (const x of names("x", 100)) entries.push([p, x]);
    const issues = priceTieIssues(entries, ["provider", "profile"], ["amounts"]);
    expect(issues).toHaveLength(10_000);
    expect(issues.at(-1)!.message).toMatch(/^… and 5,001 more ties/);
  });

  it("ties not decided are listed, decided ones are not (50 × 50, all but 7 decided)", () => {
    const entries: (string | undefined)[][] = [...names("P", 50).map((p) => [p, undefined]), ...names("x", 50).map((x) => [undefined, x])];
    const open = new Set(["P3|x4", "P3|x5", "P10|x0", "P49|x49", "P0|x0", "P20|x21", "P21|x20"]);
    for (const p of names("P", 50)) for (const x of names("x", 50)) if (!open.has(`${p}|${x}`)) entries.push([p, x]);
    const issues = priceTieIssues(entries, ["provider", "profile"], []);
    expect(issues).toHaveLength(7);
    const found = issues.map((i) => /provider "(P\d+)" × profile "(x\d+)"/.exec(i.message)!.slice(1).join("|"));
    expect(new Set(found)).toEqual(open);
  });
});

describe("identical price entries are refused at validation", () => {
  it("two provider-wide prices for the same provider", () => {
    const e = thrownInputError(() => outputModel({ kind: "output", prices: [{ provider: "P0", price: "1.00" }, { provider: "P0", price: "2.00" }] }));
    expect(e.issues).toEqual([
      { code: "custom", path: ["prices", 1], message: 'entries 0 and 1 are both for provider "P0": a second price for the same provider × profile × intensity; remove one of them' },
    ]);
  });

  it("two general prices, and two general trajectory amounts (through createModel)", () => {
    const general = thrownInputError(() => createModel({ kind: "output", prices: [{ price: "1.00" }, { profile: "x", price: "3.00" }, { price: "2.00" }] }));
    expect(general.issues).toEqual([
      { code: "custom", path: ["prices", 2], message: "entries 0 and 2 are both for every combination (no field set): a second price for the same provider × profile × intensity; remove one of them" },
    ]);
    const amounts = thrownInputError(() => trajectoryModel({ kind: "trajectory", amounts: [{ amount: "100.00" }, { amount: "100.00" }] }));
    expect(amounts.issues).toEqual([
      { code: "custom", path: ["amounts", 1], message: "entries 0 and 1 are both for every combination (no field set): a second price for the same provider × profile; remove one of them" },
    ]);
  });

  it("in a scenario, at the model's entry", () => {
    const scenario = JSON.parse(readFileSync(new URL("../../scenarios/quick-start.json", import.meta.url), "utf8")) as Record<string, unknown>;
    scenario.models = [{ kind: "trajectory", amounts: [{ profile: "opvoeden", amount: "2500.00" }, { profile: "opvoeden", amount: "2600.00" }] }];
    expect(() => parseScenario(scenario)).toThrow(FundingInputError);
    const r = safeParseScenario(scenario);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([expect.objectContaining({ path: ["models", 0, "amounts", 1], message: expect.stringContaining('entries 0 and 1 are both for profile "opvoeden"') })]);
  });

  it("a huge name is quoted as an excerpt", () => {
    const huge = "p".repeat(100_000);
    const e = thrownInputError(() => outputModel({ kind: "output", prices: [{ provider: huge, price: "1.00" }, { provider: huge, price: "2.00" }] }));
    expect(e.issues[0]!.message).toContain(`provider "${"p".repeat(40)}… (100000 characters)"`);
    expect(e.issues[0]!.message.length).toBeLessThan(300);
  });
});
