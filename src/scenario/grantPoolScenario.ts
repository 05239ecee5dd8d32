import { z } from "zod";
import { FundingInputError, type Issue } from "../errors.js";
import { simulateGrantPool, type GrantPoolResult } from "../streams/grantPool.js";
import {
  GrantPoolOptionsSchema,
  GrantPoolSchema,
  GrantRequestsSchema,
  type GrantPoolInput,
  type GrantPoolOptions,
  type GrantRequestInput,
} from "../streams/grantPoolSchema.js";
import { generateGrantRequests, GrantRequestSpecSchema, type GrantRequestSpecInput } from "../streams/grantRequestGenerator.js";
import {
  atScenarioPath,
  headerOf,
  SCENARIO_HEADER,
  scenarioIssues,
  type KeyedUnion,
  type ScenarioHeader,
  type ScenarioResultHeader,
  type ScenarioSafeResult,
} from "./scenarioBase.js";
import type { ResolvedScenario } from "./scenarioSchema.js";

/*
 * Grant-pool scenarios (`kind: "grantPool"`): a capped pool with dated rules, like the
 * stimuleringsimpuls maatwerk of Utrecht/Flevoland 2021 (seed 001), and the requests it receives —
 * synthetic ones from a spec and a seed, or a region's own list. Not a comparison of funding
 * models over a caseload: one pool, one year (or more) of requests, decided, committed and paid.
 */

/** The requests section's options, by the key that picks each, for errors. */
const REQUESTS_UNION: KeyedUnion = {
  path: ["requests"],
  keys: [
    { key: "spec", means: "synthetic requests" },
    { key: "records", means: "the requests themselves" },
  ],
};

/**
 * Schema of a grant-pool scenario: the pool, its requests and the simulation's options.
 * @category Scenarios
 */
export const GrantPoolScenarioSchema = z
  .strictObject({
    ...SCENARIO_HEADER,
    kind: z
      .literal("grantPool")
      .describe("a capped grant pool (subsidiepot): requests judged by the rules in force when received, committed, invoiced and paid"),
    pool: GrantPoolSchema.describe("the pool: its name, dated versions of its rules (regeling) and budget transfers with outside pools"),
    requests: z
      .union([
        z
          .strictObject({
            spec: GrantRequestSpecSchema.describe(
              "synthetic requests: months, requests per month, amounts per kind, regions by weight, shares urgent / incurred / information missing, delivery and invoices",
            ),
          })
          .describe("synthetic requests, generated from a spec with options.seed"),
        z
          .strictObject({
            records: GrantRequestsSchema.describe("the requests (aanvragen), one object each: id, region, kind, amount, receivedDate, deliveryDate, …"),
          })
          .describe("the requests themselves"),
      ])
      .describe("the requests (aanvragen) the pool receives: synthetic (spec) or given (records)"),
    options: GrantPoolOptionsSchema.extend({
      seed: z.number().int("seed must be a whole number").default(1).describe("seed of synthetic requests; the same seed gives the same requests"),
    })
      .prefault({})
      .describe("holidays, extra days off, the months reported, and the seed of synthetic requests"),
  })
  .describe("A grant-pool scenario: a capped pool with dated rules and the requests it receives.");

/**
 * The requests of a grant-pool scenario: synthetic from a spec, or given.
 * @category Scenarios
 */
export type GrantRequestsSection = { readonly spec: GrantRequestSpecInput } | { readonly records: readonly GrantRequestInput[] };

/**
 * A grant-pool scenario as written in a file.
 * @category Scenarios
 */
export interface GrantPoolScenarioInput extends ScenarioHeader {
  readonly kind: "grantPool";
  readonly pool: GrantPoolInput;
  readonly requests: GrantRequestsSection;
  readonly options?: GrantPoolOptions & { readonly seed?: number };
}

/**
 * A validated grant-pool scenario, itself a valid input: `options.seed` filled in; the pool and
 * the requests as written (money as euro strings: the simulation parses them again).
 * @category Scenarios
 */
export interface GrantPoolScenarioDefinition extends ScenarioHeader {
  readonly kind: "grantPool";
  readonly pool: GrantPoolInput;
  readonly requests: GrantRequestsSection;
  readonly options: GrantPoolOptions & { readonly seed: number };
}

/**
 * Result of a grant-pool scenario: the simulation's result (plain data, integer cents, JSON-safe).
 * @category Scenarios
 */
export interface GrantPoolScenarioResult extends ScenarioResultHeader {
  readonly kind: "grantPool";
  /** The seed the synthetic requests were generated with; null when the requests were given. */
  readonly seed: number | null;
  readonly result: GrantPoolResult;
}

/** Validates a grant-pool scenario and fills in its defaults (`parseScenario` picks this by kind). */
export function safeParseGrantPoolScenario(input: unknown, source: string): ScenarioSafeResult<GrantPoolScenarioDefinition> {
  const r = GrantPoolScenarioSchema.safeParse(input);
  if (!r.success) return { success: false, issues: scenarioIssues(r.error.issues, input, [REQUESTS_UNION]).map((i) => ({ ...i, source })) };
  const raw = input as GrantPoolScenarioInput;
  return {
    success: true,
    output: { ...headerOf(r.data), kind: "grantPool", pool: raw.pool, requests: raw.requests, options: { ...raw.options, seed: r.data.options.seed } },
  };
}

/**
 * Runs a grant-pool scenario: generates the requests (from the spec, with `options.seed`) or takes
 * them as given, and simulates the pool. Errors name the path inside the scenario; a generated
 * request's error is reported at `requests.spec` with the request's id.
 */
export function runGrantPoolScenario(resolved: ResolvedScenario<GrantPoolScenarioDefinition>, source: string): GrantPoolScenarioResult {
  const d = resolved.definition;
  const { seed, ...options } = d.options;
  const generated = "spec" in d.requests;
  return atScenarioPath(
    source,
    () => {
      const requests = "spec" in d.requests ? generateGrantRequests(d.requests.spec, seed) : d.requests.records;
      try {
        const result = simulateGrantPool(d.pool, requests, options);
        return { kind: "grantPool", name: d.name ?? null, source: resolved.source, seed: generated ? seed : null, result };
      } catch (e) {
        if (!(e instanceof FundingInputError)) throw e;
        throw new FundingInputError(e.subject, e.issues.map((i) => (i.path[0] === "requests" ? requestIssue(i, requests, generated) : i)), e.omittedIssues);
      }
    },
    resolved.locate,
    { "grant request spec": ["requests", "spec"], "grant request seed": ["options"] },
  );
}

/**
 * The simulation's issue about `requests[i]…` at its place in the scenario: a given request sits in
 * `requests.records[i]`; a generated one has no place in the file, so its spec is where to change it.
 */
function requestIssue(issue: Issue, requests: readonly GrantRequestInput[], generated: boolean): Issue {
  const [, index, ...rest] = issue.path;
  if (typeof index !== "number") return issue;
  if (!generated) return { ...issue, path: ["requests", "records", index, ...rest] };
  const q = requests[index]!;
  return { ...issue, path: ["requests", "spec"], message: `generated request ${q.id} (received ${q.receivedDate}): ${issue.message}` };
}
