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
import { simulateRecoveryInitiative } from "../../src/streams/recoveryInitiative.js";
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

/** A small recovery initiative: one year, 10 participants, €1,000 a month either way. */
const RECOVERY = {
  kind: "recoveryInitiative",
  horizon: { start: "2026-01", months: 12 },
  runs: 10,
  initiative: { name: "Klein", participantsPerMonth: 10, runningCostPerYear: "12000.00" },
  structural: { perYear: "12000.00" },
  project: { perYear: "12000.00", renewalProbability: 0.5 },
  procurement: { pricePerParticipantMonth: "100.00", billablePercent: "50" },
  regularCare: { startPercent: "40", costPerTrajectory: "6000.00", durationMonths: 12 },
  avoidedCare: { percentPerYear: "10", costPerTrajectory: "6000.00" },
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
    expect(parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" }).runs).toBe(10);
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
    expect([d.seed, d.runs]).toEqual([1, 10]);
    expect(parseScenario(d)).toEqual(d);
    expect(issuesOf({ ...RECOVERY, procurement: { ...RECOVERY.procurement, billablePrecent: "50" } })).toMatchObject([
      { path: ["procurement"], message: 'Unrecognized key: "billablePrecent"' },
    ]);
    expect(issuesOf({ ...RECOVERY, project: { ...RECOVERY.project, renewalProbability: 1.5 } })).toMatchObject([
      { path: ["project", "renewalProbability"], message: "probability must be at most 1" },
    ]);
  });
  it("runs as simulateRecoveryInitiative on its fields, to the amounts worked out by hand", () => {
    const r = runScenario(parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" }));
    const { kind: _k, ...input } = RECOVERY;
    expect(r.result).toEqual(simulateRecoveryInitiative(input));
    const [structural, , procurement] = r.result.ways;
    // One year: the subsidy €12,000; procurement 10 × 50 % × €100 × 12 = €6,000, €6,000 short of the running cost.
    expect(structural!.summary.municipalityCost.mean).toBe(1_200_000);
    expect(procurement!.summary.fundingBalance.mean).toBe(-600_000);
    // Avoided care 10 × 10 % × €6,000 = €6,000 a year; break-even €12,000 × 100 ÷ (10 × €6,000) = 20 per 100 participant-years.
    expect(structural!.summary.avoidedCare.mean).toBe(600_000);
    expect(r.result.breakEven).toEqual({ avoidedPer100ParticipantYears: 20, assumed: 10 });
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
      "id,region,kind,track,rules_from,budget_year,received,decided,working_days,decision,reason,requested_euros,committed_euros,paid_euros," +
        "invoice_above_commitment_euros,released_euros,budget_left_euros,settled,paid_on,released_on",
    );
    // Budget left after A: €100,000 − €10,000 = €90,000; B is refused, so €90,000 still. Settled on delivery, paid 30 days later.
    expect(csv[1]).toBe("A,Noord,maatwerk,standard,2021-01-01,2021,2021-01-08,2021-01-15,5,approved,,10000.00,10000.00,7500.00,0.00,2500.00,90000.00,2021-03-01,2021-03-31,2021-03-01");
    expect(csv[2]).toBe("B,Zuid,maatwerk,standard,2021-01-01,2021,2021-01-11,2021-01-18,5,rejected,costs already incurred,5000.00,0.00,0.00,0.00,0.00,90000.00,,,");
    expect(grantDecisionsToCsv(r, { dutch: true }).split(/\r?\n/)[1]).toContain(";10000,00;10000,00;7500,00;");
  });
  it("a recovery comparison as text, Markdown and long-form CSV", () => {
    const r = runScenario(parseScenario(RECOVERY, { source: SOURCE, kind: "recoveryInitiative" })).result;
    const text = formatRecoveryComparison(r);
    expect(text.split("\n")[0]).toBe("Klein: ZHI funding compared, 2026-01 + 12 months, 10 runs from seed 1");
    expect(text).toContain("at 20,0 avoided trajectories per 100 participant-years; this scenario assumes 10,0.");
    expect(text).toContain("the initiative is left € 6.000 short over the horizon");
    expect(formatRecoveryComparison(r, "md")).toMatch(/^### Klein: ZHI funding compared/);
    const csv = recoveryComparisonToCsv(r).trim().split("\n");
    expect(csv[0]).toBe("way,label,period,measure,unit,mean,p5,p50,p95");
    expect(csv).toContain("structural,Structurele subsidie,total,funding,euros,12000.00,12000.00,12000.00,12000.00");
    expect(csv).toContain("procurement,Inkoop per deelnemer,2026,fundingBalance,euros,-6000.00,-6000.00,-6000.00,-6000.00");
    expect(csv).toContain("structural,Structurele subsidie,total,closedRuns,count,0,,,");
    // Per way: 7 amounts + 3 more totals + closed runs, and 7 amounts for the one year.
    expect(csv.length).toBe(1 + 3 * (7 + 3 + 1 + 7));
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
    expect((await cli("validate", poolFile)).stdout).toBe(`${poolFile}: valid — a grant pool with 1 version(s) of its rules and 2 request(s)\n`);
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
  it("refuses what does not apply to the kind (exit 2), and generate for a non-caseload scenario (exit 1)", async () => {
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
    expect(r.stdout).toMatch(/^### Klein: ZHI funding compared, 2026-01 \+ 12 months, 4 runs from seed 9\n\n\| {2}\| Structurele subsidie/);
    const out = join(dir, "zhi.csv");
    expect((await cli("run", recoveryFile, "--out", out, "--dutch")).code).toBe(EXIT.ok);
    expect(readFileSync(out, "utf8")).toContain("structural;Structurele subsidie;total;funding;euros;12000,00;");
  });
  it("names file, line and field of a broken grant-pool scenario", async () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify({ kind: "grantPool", pool: POOL, requests: { records: [{ ...REQUESTS[0], kind: "vastgoed" }] } }, null, 2));
    const r = await cli("validate", broken);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: requests\\.records\\[0\\]\\.kind: unknown kind "vastgoed"; expected one of maatwerk, realEstate, guarantee, bridging\\n$`));
  });
});
