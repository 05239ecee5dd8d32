/**
 * The fuzz harness (issue 10): mutated shipped scenarios, records, CSVs and model configs through
 * the public API. Every case must end in a result or a located FundingInputError — never another
 * exception, never NaN/Infinity or non-integer cents in the result, every record counted.
 *
 * Used by test/fuzz/fuzz.test.ts (a fixed-seed slice in `npm test`) and scripts/fuzz.ts
 * (`npm run fuzz [numRuns] [seed]`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import {
  caseloadFromCsv,
  caseloadFromRecords,
  compare,
  createModel,
  FundingInputError,
  importCaseloadCsv,
  importCaseloadRecords,
  parseScenario,
  project,
  runScenario,
  type Caseload,
} from "../../src/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

type Json = unknown;

/** Sizes that scale the work: values in the valid range above the cap are brought down to it, so a case runs in milliseconds. */
const CAPS: Readonly<Record<string, number>> = {
  arrivalsPerMonth: 2,
  initialStock: 10,
  runs: 2,
  months: 24,
  participantsPerMonth: 3,
  requestsPerMonth: 3,
  steps: 3,
  durationMonths: 12,
  withinMonths: 12,
  validityMonths: 12,
  guaranteeMonths: 12,
};
/** Values above this are left alone: the schema (or the work limit) must refuse them. */
const CAP_CEILING = 10_000_000;

/** Brings the work-scaling figures down (in place); out-of-range values stay to be refused. */
export function shrink(x: Json, depth = 0): Json {
  if (depth > 64 || typeof x !== "object" || x === null) return x;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) x[i] = shrink(x[i], depth + 1);
    return x;
  }
  const o = x as Record<string, Json>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    const cap = Object.hasOwn(CAPS, k) ? CAPS[k]! : undefined;
    if (cap !== undefined && typeof v === "number" && v > cap && v <= CAP_CEILING) o[k] = cap;
    else if (cap !== undefined && Array.isArray(v) && k === "requestsPerMonth") o[k] = v.slice(0, cap);
    else o[k] = shrink(v, depth + 1);
  }
  return o;
}

function readData(file: string): Json {
  const text = readFileSync(join(ROOT, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
}

/** The shipped scenarios that run without files (the CSV ones are fuzzed through caseloadFromCsv), shrunk. */
export function seedScenarios(): { readonly name: string; readonly scenario: Json }[] {
  return readdirSync(join(ROOT, "scenarios"))
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => ({ name: f, scenario: shrink(readData(`scenarios/${f}`)) }))
    .filter(({ scenario }) => {
      const c = (scenario as { caseload?: Record<string, unknown> }).caseload;
      return !(c && ("csv" in c || "recordsFile" in c));
    });
}

/** Every model config in the shipped scenarios (comparison scenarios' `models`). */
export function seedModels(scenarios: readonly { readonly scenario: Json }[]): Json[] {
  const out: Json[] = [];
  for (const { scenario } of scenarios) {
    const models = (scenario as { models?: unknown }).models;
    if (Array.isArray(models)) for (const m of models) out.push(m);
  }
  return out;
}

/** The CSV seeds: the shipped exports with their mappings. */
export function seedCsvs(): { readonly text: string; readonly useCsv?: string; readonly options: Record<string, Json> }[] {
  const own = readData("scenarios/own-caseload-csv.yaml") as { caseload: Record<string, Json> };
  const eigen = readData("scenarios/eigen-export.yaml") as { caseload: Record<string, Json> };
  const text = (f: string) => readFileSync(join(ROOT, "scenarios", f), "utf8");
  return [
    { text: text("data/trajecten.csv"), useCsv: text("data/gebruik.csv"), options: { window: own.caseload["window"], mapping: own.caseload["mapping"] } },
    { text: text("data/eigen-export.csv"), options: { window: eigen.caseload["window"], mapping: eigen.caseload["mapping"] } },
  ];
}

/** Hostile values: wrong types, empty, huge, non-finite in disguise, deep, long, prototype keys. */
const HOSTILE: readonly Json[] = [
  null, "", " ", -1, 0, 1, 0.5, -0.5, 1e308, -1e308, 2 ** 53, 2 ** 31, "1e400", "NaN", "Infinity", "-Infinity", "-0",
  "2026-13", "2026-01-15", "0000-00", "9999-12", "1.005", "70,00", "-", ".", "__proto__", "constructor", "toString",
  true, false, [], {}, [[[[]]]], [null], { cents: 1.5 }, { cents: "1" }, "x".repeat(5000), "\u0000", "é\u0301", "📈",
  JSON.parse('{"__proto__": {"polluted": 1}}'), { constructor: { prototype: { polluted: 1 } } },
];

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 12 })) },
);

/** One mutation of a JSON tree: a node picked by a number, what to do with it. */
type Mutation =
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "replace"; readonly at: number; readonly value: Json }
  | { readonly op: "swapType"; readonly at: number }
  | { readonly op: "duplicate"; readonly at: number }
  | { readonly op: "proto"; readonly at: number; readonly value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: jsonValue }),
  fc.record({ op: fc.constant("swapType" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("proto" as const), at: fc.nat(), value: jsonValue }),
);

/** Every (container, key) in a tree, depth first. */
function slots(root: Json): { parent: Record<string | number, Json>; key: string | number }[] {
  const out: { parent: Record<string | number, Json>; key: string | number }[] = [];
  const walk = (x: Json, depth: number): void => {
    if (depth > 40 || typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) x.forEach((v, i) => (out.push({ parent: x as unknown as Record<number, Json>, key: i }), walk(v, depth + 1)));
    else for (const [k, v] of Object.entries(x)) out.push({ parent: x as Record<string, Json>, key: k }), walk(v, depth + 1);
  };
  walk(root, 0);
  return out;
}

function swapType(v: Json): Json {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : [v];
  if (typeof v === "boolean") return v ? "true" : 0;
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v === null) return "null";
  return Object.values(v as object);
}

/** Applies the mutations to a deep copy (JSON round trip: what a file would give), then shrinks. */
export function mutate(seed: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(seed);
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) {
      if (m.op === "replace") root = structuredClone(m.value);
      continue;
    }
    const { parent, key } = all[m.at % all.length]!;
    switch (m.op) {
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case "replace":
        parent[key] = structuredClone(m.value);
        break;
      case "swapType":
        parent[key] = swapType(parent[key]);
        break;
      case "duplicate":
        // In an array a duplicated entry; in an object the same key twice (JSON.parse keeps the last).
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key]));
        else parent[key] = structuredClone(parent[key]);
        break;
      case "proto":
        if (!Array.isArray(parent)) Object.defineProperty(parent, "__proto__", { value: structuredClone(m.value), enumerable: true, configurable: true, writable: true });
        break;
    }
  }
  return shrink(root);
}

/** Text mutations of a CSV: truncate a line, change or remove delimiters, duplicate or drop a line, insert junk. */
type CsvMutation =
  | { readonly op: "truncate"; readonly line: number; readonly at: number }
  | { readonly op: "delimiter"; readonly to: string }
  | { readonly op: "dropLine" | "duplicateLine"; readonly line: number }
  | { readonly op: "cell"; readonly line: number; readonly cell: number; readonly value: string };

const csvMutation: fc.Arbitrary<CsvMutation> = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant("delimiter" as const), to: fc.constantFrom(",", ";", "\t", "|", "", '"', "\n", "\r\n") }),
  fc.record({ op: fc.constantFrom("dropLine" as const, "duplicateLine" as const), line: fc.nat() }),
  fc.record({
    op: fc.constant("cell" as const),
    line: fc.nat(),
    cell: fc.nat(),
    value: fc.oneof(fc.constantFrom("", "-1", "1e400", "NaN", "2026-13", "31-02-2026", "99", '"', '""', "=1+1", "x".repeat(3000), "0,5", "1.000,25"), fc.string({ maxLength: 8 })),
  }),
);

export function mutateCsv(text: string, mutations: readonly CsvMutation[]): string {
  let lines = text.split("\n");
  for (const m of mutations) {
    const i = "line" in m ? m.line % Math.max(1, lines.length) : 0;
    switch (m.op) {
      case "truncate":
        lines[i] = (lines[i] ?? "").slice(0, m.at % Math.max(1, (lines[i] ?? "").length + 1));
        break;
      case "delimiter":
        lines = lines.map((l) => l.replaceAll(";", m.to));
        break;
      case "dropLine":
        lines.splice(i, 1);
        break;
      case "duplicateLine":
        lines.splice(i, 0, lines[i] ?? "");
        break;
      case "cell": {
        const cells = (lines[i] ?? "").split(";");
        cells[m.cell % Math.max(1, cells.length)] = m.value;
        lines[i] = cells.join(";");
        break;
      }
    }
  }
  return lines.join("\n");
}

/** What a case did: a result, or a located FundingInputError. Anything else is thrown by {@link checkCase}. */
export type Outcome = "result" | "inputError";

/** A crash: the input, what was thrown or found wrong. */
export class FuzzFailure extends Error {
  constructor(
    readonly kind: string,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** Keys whose numbers are amounts in cents (must be integers). */
const MONEY_KEY = /cents|paid|amount|total|budget|cost|price|tariff|margin|spend|settle|recover|advance|overspend|revenue|payment|loss|income|grant|award|transfer/i;
/** Keys whose numbers are means, ratios or shares: finite, but not whole. */
const NOT_MONEY = /mean|share|ratio|percent|per(Client|Trajectory|Month|Year)|average|sd|std|probability|quantile|p\d+|rate|fraction|factor|elasticity|median|weight|hours|index|spread|cv|days|time/i;

/** Walks a result: every number finite; numbers under a money key whole. */
export function checkResult(x: unknown, budget = { nodes: 300_000 }): void {
  const seen = new Set<object>();
  const walk = (v: unknown, key: string, path: string): void => {
    if (--budget.nodes < 0) return;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new FuzzFailure("non-finite number", `${path} = ${v}`);
      if (MONEY_KEY.test(key) && !NOT_MONEY.test(key) && !Number.isInteger(v)) throw new FuzzFailure("non-integer cents", `${path} = ${v}`);
      return;
    }
    if (typeof v === "bigint" || typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const arr = v as unknown as ArrayLike<number>;
      for (let i = 0; i < Math.min(arr.length, 10_000); i++) walk(arr[i], key, `${path}[${i}]`);
      return;
    }
    if (v instanceof Map) {
      for (const [k, e] of v) walk(e, String(k), `${path}.${String(k)}`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((e, i) => walk(e, key, `${path}[${i}]`));
      return;
    }
    for (const [k, e] of Object.entries(v)) walk(e, k, `${path}.${k}`);
  };
  walk(x, "", "result");
}

/** Runs `f`: a result is walked, a FundingInputError must name where (a path or a field in its message). */
export function checkCase(f: () => unknown): Outcome {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    if (e instanceof FundingInputError) {
      if (e.issues.length === 0) throw new FuzzFailure("unlocated FundingInputError", e.message);
      for (const i of e.issues) {
        if (typeof i.message !== "string" || i.message === "") throw new FuzzFailure("FundingInputError without a reason", e.message);
        if (i.message === "Invalid input") throw new FuzzFailure("bare Invalid input", `${i.path.map((k) => (typeof k === "number" ? "[]" : k)).join(".")}\n${e.message.slice(0, 500)}`);
      }
      return "inputError";
    }
    const err = e as Error;
    throw new FuzzFailure(`crash ${err?.constructor?.name ?? typeof e}`, `${String(err?.message ?? e).slice(0, 300)}\n${(err?.stack ?? "").split("\n").slice(1, 6).join("\n")}`);
  }
  checkResult(result);
  return "result";
}

function recordsCounted(records: unknown, run: () => { caseload: Caseload; rejected: readonly unknown[] }): unknown {
  const r = run();
  const n = Array.isArray(records) ? records.length : 0;
  if (r.caseload.size + r.rejected.length !== n) throw new FuzzFailure("record not counted", `${n} in, ${r.caseload.size} imported + ${r.rejected.length} rejected`);
  return r.rejected;
}

/** The small caseload the model configs are projected on. */
let SMALL: Caseload | undefined;
function small(): Caseload {
  return (SMALL ??= caseloadFromRecords((readData("scenarios/quick-start.json") as { caseload: { records: unknown[] } }).caseload.records, { window: { start: "2025-12", months: 13 } }));
}

/** The fuzz cases: each an arbitrary of a thunk that returns the case's outcome. */
export function fuzzCases(): fc.Arbitrary<[string, () => Outcome]> {
  const scenarios = seedScenarios();
  const models = seedModels(scenarios);
  const csvs = seedCsvs();
  const quick = readData("scenarios/quick-start.json") as { caseload: { records: unknown[]; window: unknown } };
  const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

  const scenarioCase = fc.tuple(fc.nat(scenarios.length - 1), mutations).map(([i, ms]) => {
    const s = mutate(scenarios[i]!.scenario, ms);
    return [`scenario ${scenarios[i]!.name} ${JSON.stringify(ms).slice(0, 2000)}`, () => checkCase(() => runScenario(parseScenario(s) as never))] as [string, () => Outcome];
  });
  const rawScenarioCase = fc.tuple(fc.nat(scenarios.length - 1), mutations).map(([i, ms]) => {
    const s = mutate(scenarios[i]!.scenario, ms);
    return [`runScenario ${scenarios[i]!.name} ${JSON.stringify(ms).slice(0, 2000)}`, () => checkCase(() => runScenario(s as never))] as [string, () => Outcome];
  });
  const recordsCase = fc.tuple(mutations, fc.boolean()).map(([ms, skip]) => {
    const input = mutate({ records: quick.caseload.records, window: quick.caseload.window }, ms) as { records?: unknown; window?: unknown } | null;
    const records = input?.records;
    const window = input?.window;
    return [
      `records ${skip ? "skip" : "stop"} ${JSON.stringify(ms).slice(0, 2000)}`,
      () =>
        checkCase(() =>
          skip
            ? recordsCounted(records, () => importCaseloadRecords(records as unknown[], { window: window as never, onInvalidRow: "skip" }))
            : caseloadFromRecords(records as unknown[], { window: window as never }),
        ),
    ] as [string, () => Outcome];
  });
  const csvCase = fc
    .tuple(fc.nat(csvs.length - 1), fc.array(csvMutation, { maxLength: 3 }), fc.array(csvMutation, { maxLength: 2 }), fc.array(mutation, { maxLength: 2 }), fc.boolean())
    .map(([i, ts, us, os, skip]) => {
      const seed = csvs[i]!;
      const text = mutateCsv(seed.text, ts);
      const useCsv = seed.useCsv === undefined ? undefined : mutateCsv(seed.useCsv, us);
      const options = mutate({ ...seed.options, ...(useCsv === undefined ? {} : { useCsv }) }, os) as Record<string, unknown>;
      return [
        `csv ${i} ${skip ? "skip" : "stop"} ${JSON.stringify({ ts, us, os }).slice(0, 2000)}`,
        () =>
          checkCase(() => {
            if (!skip) return caseloadFromCsv(text, options as never);
            const r = importCaseloadCsv(text, { ...options, onInvalidRow: "skip" } as never);
            const c = r.counts;
            if (c.trajectoriesImported + c.trajectoriesRejected !== c.trajectoryRows || c.useRowsImported + c.useRowsRejected !== c.useRows) {
              throw new FuzzFailure("row not counted", JSON.stringify(c));
            }
            if (r.caseload.size !== c.trajectoriesImported) throw new FuzzFailure("row not counted", `caseload ${r.caseload.size}, counted ${c.trajectoriesImported}`);
            return r.counts;
          }),
      ] as [string, () => Outcome];
    });
  const modelCase = fc.tuple(fc.nat(models.length - 1), mutations, fc.boolean()).map(([i, ms, viaCompare]) => {
    const m = mutate(models[i], ms);
    return [
      `model ${i} ${viaCompare ? "compare" : "project"} ${JSON.stringify(ms).slice(0, 2000)}`,
      () =>
        checkCase(() =>
          viaCompare ? compare(small(), [m as never], { horizon: { start: "2026-01", months: 12 } }) : project(small(), createModel(m as never), { horizon: { start: "2026-01", months: 12 } }),
        ),
    ] as [string, () => Outcome];
  });
  const misuseCase = fc.tuple(fc.constantFrom(...HOSTILE), fc.nat(14)).map(([v, which]) => {
    const horizon = { start: "2026-01", months: 12 };
    const calls: (() => unknown)[] = [
      () => compare(small(), v as never),
      () => compare(v as never, [models[0] as never]),
      () => createModel(v as never),
      () => project(small(), v as never, { horizon }),
      () => project(small(), createModel(models[0] as never), v as never),
      () => caseloadFromCsv(csvs[0]!.text, { ...csvs[0]!.options, useCsv: v } as never),
      () => project(v as never, createModel(models[0] as never), { horizon }),
      () => compare(small(), [models[0] as never], v as never),
      () => caseloadFromRecords(v as never, { window: horizon }),
      () => importCaseloadRecords(quick.caseload.records, v as never),
      () => caseloadFromCsv(v as never, csvs[0]!.options as never),
      () => parseScenario(v),
      () => runScenario(v as never),
      () => runScenario({ definition: v, source: null, caseload: null } as never),
      () => runScenario(readData("scenarios/quick-start.json") as never, v as never),
    ];
    return [`misuse ${which} ${JSON.stringify(v)?.slice(0, 200)}`, () => checkCase(calls[which]!)] as [string, () => Outcome];
  });
  const anyCase = fc.oneof(
    { weight: 4, arbitrary: scenarioCase },
    { weight: 1, arbitrary: rawScenarioCase },
    { weight: 3, arbitrary: recordsCase },
    { weight: 3, arbitrary: csvCase },
    { weight: 3, arbitrary: modelCase },
    { weight: 1, arbitrary: misuseCase },
  );
  return anyCase;
}

/** A crash class: how often, and the first case that showed it. */
export interface CrashClass {
  count: number;
  readonly example: string;
  readonly detail: string;
}

/** The figures of a fuzz run. */
export interface FuzzReport {
  readonly cases: number;
  readonly results: number;
  readonly inputErrors: number;
  readonly crashes: number;
  readonly classes: ReadonlyMap<string, CrashClass>;
  readonly ms: number;
  readonly slowest: { readonly ms: number; readonly name: string };
}

/** Runs `numRuns` cases from `seed`, recording every crash by class (kind and first stack line) instead of stopping. */
export function runFuzz(numRuns: number, seed: number, onProgress?: (done: number) => void): FuzzReport {
  const classes = new Map<string, CrashClass>();
  let results = 0;
  let inputErrors = 0;
  let crashes = 0;
  let cases = 0;
  let slowest = { ms: 0, name: "" };
  const t0 = performance.now();
  fc.assert(
    fc.property(fuzzCases(), ([name, run]) => {
      cases++;
      const t = performance.now();
      try {
        if (run() === "result") results++;
        else inputErrors++;
      } catch (e) {
        if (!(e instanceof FuzzFailure)) throw e;
        crashes++;
        const key = `${e.kind} ${e.detail.split("\n")[e.kind === "bare Invalid input" ? 0 : 1]?.trim() ?? ""}`;
        const c = classes.get(key);
        if (c) c.count++;
        else classes.set(key, { count: 1, example: name, detail: e.detail });
      }
      const ms = performance.now() - t;
      if (ms > slowest.ms) slowest = { ms, name };
      if (onProgress && cases % 1000 === 0) onProgress(cases);
    }),
    { numRuns, seed, endOnFailure: true },
  );
  return { cases, results, inputErrors, crashes, classes, ms: performance.now() - t0, slowest };
}
