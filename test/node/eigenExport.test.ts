/**
 * The shipped `scenarios/eigen-export.yaml`: a region's export with Dutch settings and two bad
 * rows, compared with settings only; the bad rows go to a rejects file. Run on a copy in a temporary
 * folder, so the rejects file is written there.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/index.js";
import { loadCsvCaseload, loadScenario } from "../../src/node/index.js";
import { cli } from "./cliHarness.js";

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "eigen-export-"));
  cpSync("scenarios/eigen-export.yaml", join(dir, "eigen-export.yaml"));
  cpSync("scenarios/data/eigen-export.csv", join(dir, "data", "eigen-export.csv"), { recursive: true });
  return dir;
}

describe("scenarios/eigen-export.yaml", () => {
  it("imports the six good rows, writes the two bad ones with their reason and says so", async () => {
    const dir = copy();
    const s = await loadScenario(join(dir, "eigen-export.yaml"), { loadCsv: loadCsvCaseload });
    expect(s.caseload?.size).toBe(6);
    expect(s.importNotices).toHaveLength(1);
    expect(s.importNotices![0]!.en).toMatch(/^import: 2 of 8 trajectory rows rejected and left out of the comparison; they are in .*eigen-export-afgewezen\.csv with the reason, to fix and import again$/);
    expect(s.importNotices![0]!.nl).toMatch(/^import: 2 van 8 trajectregels afgewezen en buiten de vergelijking gelaten; ze staan met de reden in .*eigen-export-afgewezen\.csv, om te verbeteren en opnieuw in te lezen$/);
    const rejects = readFileSync(join(dir, "data", "eigen-export-afgewezen.csv"), "utf8").trimEnd().split("\n");
    expect(rejects[0]).toBe("Traject-ID;Cliëntnummer;Gemeente;Aanbieder;Productcategorie;Zorgvorm;Eenheid;Begindatum;Einddatum;Resultaat;Uren per maand;reden");
    expect(rejects[1]).toMatch(/^T006;.*;"line 7, column ""Einddatum"": end 2026-03 is before start 2026-05"$/);
    expect(rejects[2]).toMatch(/^T007;.*;"line 8, column ""Resultaat"": outcome ""Geslaagd"" is not one of/);
  });

  it("pays by hand's count under p×q: hours as hours, 30-minute rule, lag of a month", async () => {
    const dir = copy();
    const result = runScenario(await loadScenario(join(dir, "eigen-export.yaml"), { loadCsv: loadCsvCaseload, kind: "comparison" }));
    // Care December 2025 – November 2026 is paid in 2026, at €70 an hour and €180 an etmaal:
    // T001 4,5 h → 5 h × 6 months = €2,100; T002 9 h × 9 = €5,670; T003 2,25 h → 2 h × 4 = €560;
    // T004 28 etmalen × 10 = €50,400; T005 28 × 8 = €40,320; T008 7,75 h → 8 h × 5 = €2,800.
    expect(result.comparison.models[0]!.metrics.totalPaid).toBe((2_100 + 5_670 + 560 + 50_400 + 40_320 + 2_800) * 100);
    expect(result.warnings[0]).toMatch(/^import: 2 of 8 trajectory rows rejected/);
  });

  it("the scenario's options.maxTrajectoryMonths limits the CSV import too", async () => {
    const dir = copy();
    const file = join(dir, "eigen-export.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("options:\n", "options:\n  maxTrajectoryMonths: 5\n"));
    const e = await loadScenario(file, { loadCsv: loadCsvCaseload }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(String((e as Error).message)).toMatch(/trajectory-months, more than the limit of 5 \(option maxTrajectoryMonths\)/);
  });

  it("from the command line: run lists the note, compare says it on stderr", async () => {
    const dir = copy();
    const run = await cli("run", join(dir, "eigen-export.yaml"));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Let op: import: 2 van 8 trajectregels afgewezen/);
    const compare = await cli("compare", join(dir, "eigen-export.yaml"));
    expect(compare.code).toBe(0);
    expect(compare.stderr).toMatch(/^Let op: import: 2 van 8 trajectregels afgewezen/);
    const english = await cli("compare", join(dir, "eigen-export.yaml"), "--locale", "en");
    expect(english.stderr).toMatch(/^Note: import: 2 of 8 trajectory rows rejected/);
    expect(existsSync(join(dir, "data", "eigen-export-afgewezen.csv"))).toBe(true);
  });
});

describe("init", () => {
  it("writes the template export and its scenario into a new folder; they run; it overwrites nothing", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "init-")), "mijn-regio");
    const init = await cli("init", dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`wrote ${join(dir, "trajecten.csv")} and ${join(dir, "vergelijking.yaml")}`);
    expect(readFileSync(join(dir, "trajecten.csv"), "utf8").split("\n")[0]).toBe(
      "Traject-ID;Cliëntnummer;Gemeente;Aanbieder;Productcategorie;Zorgvorm;Eenheid;Begindatum;Einddatum;Resultaat;Uren per maand",
    );
    const run = await cli("run", join(dir, "vergelijking.yaml"), "--format", "json");
    expect(run.code).toBe(0);
    // The template's three rows are all good: nothing set aside.
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).comparison.models).toHaveLength(2);
    const again = await cli("init", dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exist; init writes into a folder without them and overwrites nothing");
  });
});
