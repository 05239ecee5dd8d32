/**
 * The scenario kinds that are not model comparisons: a grant pool (`kind: "grantPool"`) and a
 * recovery initiative (`kind: "recoveryInitiative"`) — parsed, refused with located errors, run,
 * rendered as text, Markdown and CSV, and driven from the command line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioIssuesOf, thrownScenarioError } from "../support/scenarioErrors.js";
import { grantDecisionsToCsv, recoveryComparisonToCsv } from "../../src/csv/simulationCsv.js";
import { EXIT } from "../../src/node/index.js";
import { formatGrantDecisions } from "../../src/report/grantPoolText.js";
import { formatRecoveryComparison } from "../../src/report/recoveryText.js";
import { renderTable } from "../../src/report/textTable.js";
import { parseScenario, runScenario } from "../../src/scenario/scenarioSchema.js";
import type { GrantRequestInput } from "../../src/streams/grantPoolSchema.js";
import { cli } from "../node/cliHarness.js";

const SOURCE = "scenarios/pool.json";
const issuesOf = (input: unknown) => scenarioIssuesOf(input, SOURCE);
const thrown = thrownScenarioError;

/** One version of rules: €100,000 a year, no reserve, 5 working days. */
const RULES = { yearlyCap: "100000.00", reserve: "0.00", reviewDays: 5, largeAmount: "70000.00", largeRealEstateAmount: "150000.00", extendedReviewDays: 20 };
const POOL = { name: "Pool", rules: [{ from: "2021-01-01", value: RULES }] };

/** Two requests worked out by hand below. */
const REQUESTS: GrantRequestInput[] = [
  // Friday 8 January 2021 + 5 working days = Friday 15 January; invoice €7,500 of €10,000 asked.
  { id: "A", region: "Noord", kind: "maatwerk", amount: "10000.00", receivedDate: "2021-01-08", deliveryDate: "2021-03-01", invoicedAmount: "7500.00" },
  // Costs already incurred: refused.
  { id: "B", region: "Zuid", kind: "maatwerk", amount: "5000.00", costsAlreadyIncurred: true, receivedDate: "2021-01-11", deliveryDate: "2021-02-01" },
];

const grantPool = (extra: Record<string, unknown> = {}) => ({ kind: "grantPool", name: "Pool 2021", pool: POOL, requests: { records: REQUESTS }, ...extra });

/**
 * A small recovery initiative over two years, worked out by hand below: 10 participants, €12,000 a
 * year either way; the project subsidy is never renewed, so it closes at the end of 2026 in every run.
 */
const RECOVERY = {
  kind: "recoveryInitiative",
  initiative: { name: "Klein", participantsPerMonth: 10, runningCostPerYear: "12000.00" },
  structural: { perYear: "12000.00" },
  project: { perYear: "12000.00", renewalProbability: 0 },
  procurement: { pricePerParticipantMonth: "100.00", billablePercent: "50" },
  regularCare: { startPercent: "40", costPerTrajectory: "6000.00", durationMonths: 12 },
  avoidedCare: { percentPerYear: "10", costPerTrajectory: "6000.00" },
  options: { horizon: { start: "2026-01", months: 24 }, runs: 10 },
};

describe("kind picks the scenario's schema", () => {
  it("absent or comparison: a comparison; grantPool and recoveryInitiative their own", () => {
    expect(parseScenario(grantPool()).kind).toBe("grantPool");
    expect(parseScenario(RECOVERY).kind).toBe("recoveryInitiative");
    const comparison = { caseload: { spec: {} }, models: [] };
    // The comparison's own errors, so it was parsed as one.
    expect(issuesOf(comparison).map((i) => i.path.join("."))).toContain("models");
    expect(issuesOf({ ...comparison, kind: "comparison" }).map((i) => i.path.join("."))).toContain("models");
  });
  it("an unknown kind names the kinds there are", () => {
    expect(issuesOf({ kind: "grantpool" })).toEqual([
      { code: "invalid_value", path: ["kind"], message: 'unknown scenario kind "grantpool"; expected one of comparison, grantPool, recoveryInitiative', source: SOURCE },
    ]);
  });
  it("a scenario of another kind without its kind gets a hint, not a comparison's errors; kind null is no kind", () => {
    const { kind: _k, ...noKind } = grantPool();
    expect(issuesOf(noKind)).toEqual([
      { code: "missing_kind", path: ["kind"], message: 'missing kind: this looks like a grant-pool simulation (it has pool, requests); add "kind": "grantPool"', source: SOURCE },
    ]);
    expect(issuesOf({ ...RECOVERY, kind: null })[0]!.message).toBe("unknown scenario kind null; expected one of comparison, grantPool, recoveryInitiative");
  });
  it("a scenario is an object", () => {
    expect(issuesOf([1, 2])[0]!.message).toBe("a scenario is an object (keys caseload, models, …), not an array");
  });
  it("an expected kind refuses the others, naming both", () => {
    const e = thrown(() => parseScenario(RECOVERY, { source: SOURCE, kind: "comparison" }));
    expect(e.issues).toEqual([
      {
        code: "invalid_value",
        path: ["kind"],
        message: "expected a comparison of funding models (kind comparison), but this scenario is a recovery-initiative simulation",
        source: SOURCE,
      },
    ]);
    expect(parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" }).options.runs).toBe(10);
  });
});

describe("a grant-pool scenario", () => {
  it("fills in the seed, keeps pool and requests as written, and parses again to the same", () => {
    const d = parseScenario(grantPool(), { source: SOURCE, kind: "grantPool" });
    expect(d.options).toEqual({ seed: 1 });
    expect(d.pool).toEqual(POOL);
    expect(d.requests).toEqual({ records: REQUESTS });
    expect(parseScenario(d)).toEqual(d);
  });
  it("needs one of spec or records, and only one", () => {
    expect(issuesOf(grantPool({ requests: {} }))).toMatchObject([
      { path: ["requests"], message: "needs one of spec (synthetic requests) or records (the requests themselves)" },
    ]);
    expect(issuesOf(grantPool({ requests: { records: REQUESTS, spec: {} } }))).toMatchObject([
      { path: ["requests"], message: "give one of spec, records, not several (found spec, records)" },
    ]);
  });
  it("names the path of a bad request and refuses unknown keys", () => {
    const bad = [{ ...REQUESTS[0], amount: "-5.00" }, { ...REQUESTS[1], calledAmmount: "1.00" }];
    const paths = issuesOf(grantPool({ requests: { records: bad } })).map((i) => i.path.join("."));
    expect(paths).toEqual(["requests.records.0.amount", "requests.records.1"]);
    expect(issuesOf(grantPool({ optoins: {} })).map((i) => i.message)).toEqual(['Unrecognized key: "optoins"']);
  });
  it("puts the simulation's errors at their place: a given request in requests.records, a generated one at requests.spec", () => {
    const early = [{ ...REQUESTS[0], receivedDate: "2020-12-28" }];
    const given = thrown(() => runScenario({ source: SOURCE, definition: parseScenario(grantPool({ requests: { records: early } }), { source: SOURCE, kind: "grantPool" }), caseload: null }));
    expect(given.issues.map((i) => i.path.join("."))).toEqual(["requests.records.0.receivedDate"]);
    const spec = { start: "2020-12", months: 1, requestsPerMonth: 3, amount: { mean: "1000.00" }, regions: [{ name: "Noord", weight: 1 }] };
    const generated = thrown(() => runScenario(parseScenario(grantPool({ requests: { spec } }), { source: SOURCE, kind: "grantPool" })));
    expect(generated.issues.length).toBeGreaterThan(0);
    for (const i of generated.issues) {
      expect(i.path).toEqual(["requests", "spec"]);
      expect(i.message).toMatch(/^generated request R\d{4} \(received 2020-12-\d\d\): /);
    }
  });
  it("runs to the amounts worked out by hand, also as written (validated by runScenario, defaults filled)", () => {
    const r = runScenario(parseScenario(grantPool(), { source: SOURCE, kind: "grantPool" }));
    expect(runScenario({ kind: "grantPool", pool: POOL, requests: { records: REQUESTS } }).result).toEqual(r.result);
    expect(thrown(() => runScenario({ kind: "grantPool", pool: POOL, requests: { records: [] }, options: { seed: 1.5 } })).issues).toMatchObject([
      { path: ["options", "seed"], message: "seed must be a whole number", source: "scenario" },
    ]);
    expect(r.kind).toBe("grantPool");
    expect(r.seed).toBeNull();
    const [a, b] = r.result.decisions;
    // A: received Friday 8 January, decided 5 working days later on Friday 15 January; paid the invoice (€7,500), €2,500 released.
    expect(a).toMatchObject({ id: "A", decision: "approved", decisionDate: "2021-01-15", committed: 1_000_000, paid: 750_000, released: 250_000 });
    expect(b).toMatchObject({ id: "B", decision: "rejected", reason: "costsAlreadyIncurred", committed: 0, paid: 0 });
  });
});

describe("a recovery-initiative scenario", () => {
  it("fills in the seed, keeps the runs, refuses unknown keys and names bad fields", () => {
    const d = parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" });
    expect(d.options).toEqual({ horizon: { start: "2026-01", months: 24 }, seed: 1, runs: 10 });
    expect(parseScenario(d)).toEqual(d);
    expect(issuesOf({ ...RECOVERY, procurement: { ...RECOVERY.procurement, billablePrecent: "50" } })).toMatchObject([
      { path: ["procurement"], message: 'Unrecognized key: "billablePrecent"' },
    ]);
    expect(issuesOf({ ...RECOVERY, project: { ...RECOVERY.project, renewalProbability: 1.5 } })).toMatchObject([
      { path: ["project", "renewalProbability"], message: "probability must be at most 1" },
    ]);
  });
  it("runs to the amounts worked out by hand", () => {
    const r = runScenario(parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" })).result;
    const [structural, project, procurement] = r.ways;
    // Structural: 2 × €12,000. Avoided care 10 × 10 % × €6,000 = €6,000 a year → €12,000; net €12,000 − €24,000.
    expect(structural!.summary.municipalityCost.mean).toBe(2_400_000);
    expect(structural!.summary.avoidedCare.mean).toBe(1_200_000);
    expect(structural!.summary.net.mean).toBe(-1_200_000);
    // Project: €12,000 in 2026, then closed in every run; 40 % of 10 participants start regular care of €6,000,
    // spread over 2027 (€2,000 a month, all inside the horizon): €24,000. Cost €36,000, avoided €6,000, net −€30,000.
    expect(project!.closedRuns).toBe(10);
    expect(project!.closedByYear).toEqual([{ year: 2026, runs: 10 }]);
    expect(project!.summary.funding.mean).toBe(1_200_000);
    expect(project!.summary.regularCareCost.mean).toBe(2_400_000);
    expect(project!.byYear.map((y) => y.regularCareCost.mean)).toEqual([0, 2_400_000]);
    expect(project!.summary.municipalityCost.mean).toBe(3_600_000);
    expect(project!.summary.net.mean).toBe(-3_000_000);
    expect([project!.summary.monthsOpen.mean, project!.summary.participantsLeft.mean]).toEqual([12, 10]);
    // Procurement: 10 × 50 % × €100 = €500 a month, €12,000 over two years, €12,000 short of the running cost.
    expect(procurement!.summary.funding.mean).toBe(1_200_000);
    expect(procurement!.summary.fundingBalance.mean).toBe(-1_200_000);
    // Break-even: €12,000 × 100 ÷ (10 × €6,000) = 20 avoided trajectories per 100 participant-years.
    expect(r.breakEven).toEqual({ avoidedPer100ParticipantYears: 20, assumed: 10 });
  });
  it("a project subsidy always renewed costs what the structural subsidy costs; no participants, no break-even", () => {
    const renewed = runScenario(parseScenario({ ...RECOVERY, project: { perYear: "12000.00", renewalProbability: 1 } }, { kind: "recoveryInitiative" })).result;
    expect(renewed.ways[1]!.closedRuns).toBe(0);
    expect(renewed.ways[1]!.summary).toEqual(renewed.ways[0]!.summary);
    const empty = runScenario(parseScenario({ ...RECOVERY, initiative: { ...RECOVERY.initiative, participantsPerMonth: 0 } }, { kind: "recoveryInitiative" })).result;
    expect(empty.breakEven).toEqual({ avoidedPer100ParticipantYears: null, assumed: 10 });
  });
  it("puts the simulation's horizon, seed and runs under options", () => {
    const bad = { ...RECOVERY, options: { horizon: { start: "2026-13", months: 24 } } };
    expect(issuesOf(bad).map((i) => i.path.join("."))).toEqual(["options.horizon.start"]);
  });
});

describe("renderers", () => {
  it("renderTable: text padded, Markdown escaped with indentation kept", () => {
    const table = { head: ["", "a|b"], rows: [["total", "€ 1"], ["  of which", "€ 10"]] };
    // Widths: "  of which" is 10, "€ 10" is 4.
    expect(renderTable(table, "text")).toBe([`${" ".repeat(13)}a|b`, `${"─".repeat(10)}  ────`, "total        € 1", "  of which  € 10"].join("\n"));
    expect(renderTable(table, "md")).toBe(["|  | a\\|b |", "| --- | ---: |", "| total | € 1 |", "| &nbsp;&nbsp;of which | € 10 |"].join("\n"));
  });
  it("a grant pool's decisions as text and as CSV, money from the cents", () => {
    const r = runScenario(parseScenario(grantPool(), { source: SOURCE, kind: "grantPool" })).result;
    const text = formatGrantDecisions(r);
    expect(text.split("\n")[2]).toMatch(/^A\s+Noord\s+maatwerk\s+approved\s+2021-01-08\s+2021-01-15\s+5\s+€ 10\.000,00\s+€ 7\.500,00/);
    const csv = grantDecisionsToCsv(r).trim().split("\n");
    expect(csv[0]).toBe(
      "id,region,kind,track,rules_from,budget_year,received,decided,working_days,decision,reason,reason_text,requested_euros,committed_euros,paid_euros," +
        "invoice_above_commitment_euros,released_euros,budget_left_euros,settled,paid_on,released_on",
    );
    // Budget left after A: €100,000 − €10,000 = €90,000; B is refused, so €90,000 still. Settled on delivery, paid 30 days later.
    expect(csv[1]).toBe("A,Noord,maatwerk,standard,2021-01-01,2021,2021-01-08,2021-01-15,5,approved,,,10000.00,10000.00,7500.00,0.00,2500.00,90000.00,2021-03-01,2021-03-31,2021-03-01");
    expect(csv[2]).toBe("B,Zuid,maatwerk,standard,2021-01-01,2021,2021-01-11,2021-01-18,5,rejected,costsAlreadyIncurred,costs already incurred,5000.00,0.00,0.00,0.00,0.00,90000.00,,,");
    const dutch = grantDecisionsToCsv(r, { dutch: true }).split(/\r?\n/);
    expect(dutch[0]).toMatch(/^\ufeffid;regio;soort;spoor;regels_vanaf;begrotingsjaar;ontvangen;besloten;werkdagen;besluit;reden;reden_tekst;aangevraagd_euro;toegekend_euro;/);
    expect(dutch[1]).toContain(";10000,00;10000,00;7500,00;");
  });
  it("a recovery comparison as text, Markdown and long-form CSV", () => {
    const r = runScenario(parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" })).result;
    const text = formatRecoveryComparison(r);
    expect(text.split("\n")[0]).toBe("Klein: three ways of funding compared, 2026-01 + 24 months, 10 runs from seed 1");
    expect(text).toContain("at 20,00 avoided trajectories per 100 participant-years; this scenario assumes 10,00.");
    // Project net −€30,000 against structural −€12,000 (worked out above): the closures cost €18,000 more.
    expect(text).toContain(
      "The project subsidy was not renewed in 100,0 % of the runs. Over the horizon its net (avoided care − cost) averages -€ 30.000, " +
        "against -€ 12.000 with the structural subsidy: the closures cost the municipality € 18.000 more.",
    );
    expect(text).toContain("the initiative is left € 12.000 short over the horizon");
    expect(formatRecoveryComparison(r, "md")).toMatch(/^### Klein: three ways of funding compared/);
    const csv = recoveryComparisonToCsv(r).trim().split("\n");
    expect(csv[0]).toBe("way,label,period,measure,unit,mean,p5,p50,p95");
    expect(csv).toContain("structural,Structurele subsidie,total,funding,euros,24000.00,24000.00,24000.00,24000.00");
    expect(csv).toContain("procurement,Inkoop per deelnemer,2027,fundingBalance,euros,-6000.00,-6000.00,-6000.00,-6000.00");
    expect(csv).toContain("project,Projectsubsidie,2027,regularCareCost,euros,24000.00,24000.00,24000.00,24000.00");
    expect(csv).toContain("project,Projectsubsidie,2026,closedRuns,count,10,,,");
    expect(csv).toContain("structural,Structurele subsidie,total,breakEvenAvoidedPer100ParticipantYears,rate,20,,,");
    // Per way: 7 amounts + 3 more totals + closed runs, 7 amounts in each of the two years, closures at the end of 2026; two rates.
    expect(csv.length).toBe(1 + 3 * (7 + 3 + 1 + 2 * 7 + 1) + 2);
    // Dutch: headers, the total period and unit words in Dutch; ways and measures stay keys.
    // trim() drops the byte order mark too.
    const dutch = recoveryComparisonToCsv(r, { dutch: true }).trim().split(/\r?\n/);
    expect(dutch[0]).toBe("manier;omschrijving;periode;maat;eenheid;gemiddelde;p5;p50;p95");
    expect(dutch).toContain("project;Projectsubsidie;2026;closedRuns;aantal;10;;;");
    expect(dutch).toContain("structural;Structurele subsidie;totaal;breakEvenAvoidedPer100ParticipantYears;per_100_deelnemerjaren;20;;;");
  });
});

describe("the command line with the other kinds", () => {
  const dir = mkdtempSync(join(tmpdir(), "jb-kinds-"));
  const poolFile = join(dir, "pool.json");
  writeFileSync(poolFile, JSON.stringify(grantPool(), null, 2));
  const recoveryFile = join(dir, "recovery.yaml");
  // YAML: a block mapping of JSON-style values.
  writeFileSync(recoveryFile, Object.entries(RECOVERY).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n"));

  it("validates and runs a grant pool: summary, decisions, CSV", async () => {
    expect((await cli("validate", poolFile)).stdout).toBe(`${poolFile}: valid — a grant pool with 1 version(s) of its rules and 2 request(s); it runs\n`);
    const table = await cli("run", poolFile);
    expect(table.code).toBe(EXIT.ok);
    expect(table.stdout).toMatch(/^Pool 2021\n\nRequests received {2,}2\n/);
    expect(table.stdout).toContain("Decisions\nrequest");
    const csv = await cli("run", poolFile, "--format", "csv");
    expect(csv.stdout.split("\n")[1]).toMatch(/^A,Noord,maatwerk,/);
    const json = JSON.parse((await cli("run", poolFile, "--format", "json")).stdout);
    expect(json).toMatchObject({ kind: "grantPool", name: "Pool 2021", seed: null, result: { totals: { requests: 2, approvals: 1 } } });
  });
  it("runs the shipped grant pool with another seed", async () => {
    const r = await cli("run", "scenarios/stimuleringsimpuls-2021.json", "--seed", "7", "--format", "json");
    expect(JSON.parse(r.stdout).seed).toBe(7);
  });
  it("validate runs the scenario once: a mistake only a run finds is reported (exit 1)", async () => {
    const early = join(dir, "early.json");
    writeFileSync(early, JSON.stringify(grantPool({ requests: { records: [{ ...REQUESTS[0], receivedDate: "2020-12-28" }] } }), null, 2));
    const r = await cli("validate", early);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/requests\.records\[0\]\.receivedDate: /);
  });
  it("refuses what does not apply to the kind (exit 2), and generate for a non-caseload scenario (exit 1)", async () => {
    // --runs within what the kind's schema allows: 100,000 runs of a recovery initiative, 10,000 of a comparison.
    expect((await cli("run", recoveryFile, "--runs", "100001")).stderr.split("\n")[0]).toBe("--runs must be between 1 and 100000");
    expect((await cli("run", "scenarios/default-region.json", "--runs", "10001")).stderr.split("\n")[0]).toBe("--runs must be between 1 and 10000");
    const compareWithRuns = await cli("compare", poolFile, "--runs", "5");
    expect(compareWithRuns.stderr).toMatch(/^compare needs a comparison of funding models/);
    const seedOfGiven = await cli("run", poolFile, "--seed", "3");
    expect([seedOfGiven.code, seedOfGiven.stderr.split("\n")[0]]).toEqual([EXIT.usage, "--seed applies to synthetic requests; this grant pool's requests are given"]);
    const compare = await cli("compare", poolFile);
    expect([compare.code, compare.stderr.split("\n")[0]]).toEqual([EXIT.usage, `compare needs a comparison of funding models; ${poolFile} is a grant-pool simulation: use run`]);
    expect((await cli("run", poolFile, "--format", "html")).code).toBe(EXIT.usage);
    expect((await cli("run", poolFile, "--runs", "5")).stderr).toMatch(/^--runs does not apply to a grant pool/);
    const generate = await cli("generate", poolFile, "--out", join(dir, "x.csv"));
    expect([generate.code, generate.stderr]).toEqual([EXIT.invalidInput, `${poolFile}: kind: generate writes a synthetic caseload; this scenario is a grant-pool simulation\n`]);
  });
  it("runs a recovery initiative from YAML, with --runs and --seed overriding the file", async () => {
    const r = await cli("run", recoveryFile, "--runs", "4", "--seed", "9", "--format", "md");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^### Klein: three ways of funding compared, 2026-01 \+ 24 months, 4 runs from seed 9\n\n\| {2}\| Structurele subsidie/);
    // JSON: each way's summary, not its 4 individual runs (100,000 runs would be hundreds of megabytes).
    const json = JSON.parse((await cli("run", recoveryFile, "--runs", "4", "--format", "json")).stdout);
    expect(json.result.ways.map((w: Record<string, unknown>) => [w["way"], "runs" in w, w["closedRuns"]])).toEqual([
      ["structural", false, 0],
      ["project", false, 4],
      ["procurement", false, 0],
    ]);
    const out = join(dir, "zhi.csv");
    expect((await cli("run", recoveryFile, "--out", out, "--dutch")).code).toBe(EXIT.ok);
    expect(readFileSync(out, "utf8")).toContain("structural;Structurele subsidie;totaal;funding;euro;24000,00;");
  });
  it("names file, line and field of a broken grant-pool scenario", async () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify({ kind: "grantPool", pool: POOL, requests: { records: [{ ...REQUESTS[0], kind: "vastgoed" }] } }, null, 2));
    const r = await cli("validate", broken);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: requests\\.records\\[0\\]\\.kind: unknown kind "vastgoed"; expected one of maatwerk, realEstate, guarantee, bridging\\n$`));
  });
});
