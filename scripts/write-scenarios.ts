/**
 * Writes the scenario files whose numbers come from code, so they match it exactly: the default
 * region (`defaultScenario()`), behaviour, uncertainty and reforms on it, the VNG three models on it, Overijssel 2011, the LPI / BooO /
 * meerkosten example, the stimuleringsimpuls 2021 grant pool (synthetic and worked) and the ZHI. A test checks that each file on disk equals what this script makes, and
 * that running it gives what the example computes. Rerun after changing the default region or an
 * example: `npx tsx scripts/write-scenarios.ts`. (quick-start.json and four-models.yaml are written
 * by hand; their amounts are checked against the hand calculation.)
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { overijsselProvider, perDay, perTrajectory } from "../examples/overijssel-2011.js";
import { lpiSetup } from "../examples/lpi-booo-meerkosten.js";
import { behaviourUncertaintyScenario } from "../examples/behaviour-uncertainty-reforms.js";
import { options as grantOptions, requestSpec, SEED as GRANT_SEED, stimuleringsimpuls2021, workedRequests } from "../examples/stimuleringsimpuls-2021.js";
import { ZHI_EXAMPLE } from "../src/streams/zhiExample.js";
import { defaultScenario, type Scenario } from "../src/index.js";
import type { ScenarioInput } from "../src/scenario/scenarioSchema.js";
import type { GrantPoolScenarioInput } from "../src/scenario/grantPoolScenario.js";

const SCHEMA = "../schema/scenario.schema.json";

/** The default region under the five calibrated models (`npm run compare`). */
function defaultRegion(s: Scenario): ScenarioInput {
  return {
    $schema: SCHEMA,
    name: "Default region",
    description:
      "The built-in default scenario (defaultScenario()): a region of about 10,000 young people in care — four municipalities, seven providers, " +
      "2026–2028, simulated from 2025 so the horizon starts in a steady state — under task, effort (with and without a budget ceiling), " +
      "output and trajectory funding, all calibrated to the same expected cost. Add runs for means with P5–P95 ranges.",
    caseload: { spec: s.caseload },
    models: s.models,
    options: s.options,
  };
}

/** examples/vng-three-models.ts: task, effort without ceiling and output over 10 runs. */
function vngThreeModels(s: Scenario): ScenarioInput {
  return {
    $schema: SCHEMA,
    name: "VNG: three funding models",
    description:
      "The VNG working group's three funding models (taakgericht, inspanningsgericht, outputgericht) on the default region over 10 runs " +
      "(common random numbers): who carries the volume risk shows in the spreads of what the municipality pays and of the providers' margin.",
    caseload: { spec: s.caseload },
    models: s.models.filter((m) => m.kind === "task" || m.kind === "output" || (m.kind === "effort" && !m.ceiling)),
    options: { ...s.options, runs: 10 },
  };
}

/** examples/overijssel-2011.ts, care as before: one provider, per hour/etmaal vs per trajectory. */
function overijssel2011(): ScenarioInput {
  return {
    $schema: SCHEMA,
    name: "Overijssel 2011: trajectfinanciering",
    description:
      "From 2011 the province of Overijssel paid youth care per client trajectory. One provider of about 1,500 clients (2010 as warm-up), " +
      "paid per hour or etmaal or per trajectory (priced at what a trajectory cost per day before 2011), mean of 5 runs. " +
      "examples/overijssel-2011.ts also runs care 15 % faster, the throughput the province expected.",
    caseload: { spec: overijsselProvider(1) },
    models: [perDay, perTrajectory],
    options: {
      horizon: { start: "2011-01", months: 12 },
      runs: 5,
      seed: 2011,
      // estimate: the provider's cost price is 95 % of the tariff
      costPrices: { prices: [{ careForm: "ambulant", price: "66.50" }, { careForm: "verblijf", price: "171.00" }] },
    },
  };
}

/** examples/lpi-booo-meerkosten.ts: reception places and LPIs, and the streams that pay for them. */
function lpiBoooMeerkosten(): ScenarioInput {
  const { spec, model, streams } = lpiSetup();
  return {
    $schema: SCHEMA,
    name: "LPI, BooO and meerkosten (Ukraine 2022)",
    description:
      "A reception location of 120 places for people displaced from Ukraine, July 2022 – June 2023, paid per place at the BooO norm " +
      "(€100 a day, €83 from 15 October 2022), and low-threshold psychosocial interventions (LPI) per session, priced with the choice aid's " +
      "catalogue (an example: every price an estimate). The meerkostenregeling covers the LPIs of displaced youth, the BooO the places; " +
      "local children in the same groups are the municipality's own means.",
    caseload: { spec },
    models: [model],
    streams,
    options: { horizon: { start: "2022-07", months: 12 }, seed: 2022, runs: 1 },
  };
}

/** examples/stimuleringsimpuls-2021.ts: the pool and its requests, synthetic or the four worked by hand. */
function stimuleringsimpuls(requests: GrantPoolScenarioInput["requests"], name: string, description: string): GrantPoolScenarioInput {
  return {
    $schema: SCHEMA,
    kind: "grantPool",
    name,
    description,
    pool: stimuleringsimpuls2021,
    requests,
    options: { ...grantOptions, seed: GRANT_SEED },
  };
}

const POOL_2021 =
  "The six youth-care regions of Utrecht and Flevoland shared a pool of at most €525,000 in 2021 for custom solutions that keep children " +
  "from being placed out of home (seed 001). Requests are judged by the rules in force on the day received; the committee decides within " +
  "5 working days (longer above €70,000, €150,000 for real estate), pays by invoice up to the commission letter, and a temporary stop keeps a " +
  "reserve for the other regions. The reserve, the review times not in the source, a second version of the rules from July and a transfer " +
  "in October are illustrative (examples/stimuleringsimpuls-2021.ts).";

/** examples/zhi-funding.ts: the example recovery initiative, funded three ways. */
function zhiFunding(): ScenarioInput {
  const { horizon, seed, runs, ...initiative } = ZHI_EXAMPLE;
  return {
    $schema: SCHEMA,
    kind: "recoveryInitiative",
    name: "ZHI: structural or project funding of a recovery initiative",
    description:
      "A walk-in recovery centre (zelfregie- en herstelinitiatief) of about 50 participants, funded by a structural subsidy, a yearly project " +
      "subsidy renewed with a chance of 3 in 4, or procurement per participant (seed 002, the VNG/MIND guide). When it closes, participants " +
      "turn to regular care and the care it avoided is no longer avoided. Every number is an estimate (src/streams/zhiExample.ts).",
    ...initiative,
    options: { horizon, ...(seed === undefined ? {} : { seed }), ...(runs === undefined ? {} : { runs }) },
  };
}

/** The generated scenario files: file name in scenarios/ → content. */
export function generatedScenarios(): Record<string, ScenarioInput> {
  const region = defaultScenario(); // calibrated once for both
  return {
    "default-region.json": defaultRegion(region),
    "behaviour-uncertainty-reforms.json": behaviourUncertaintyScenario() as ScenarioInput,
    "vng-three-models.json": vngThreeModels(region),
    "overijssel-2011.json": overijssel2011(),
    "lpi-booo-meerkosten.json": lpiBoooMeerkosten(),
    "stimuleringsimpuls-2021.json": stimuleringsimpuls(
      { spec: requestSpec },
      "Stimuleringsimpuls maatwerk 2021 (Utrecht/Flevoland)",
      `${POOL_2021} A year of synthetic requests from the six regions (volumes and weights illustrative).`,
    ),
    "stimuleringsimpuls-2021-worked.json": stimuleringsimpuls(
      { records: workedRequests },
      "Stimuleringsimpuls maatwerk 2021: four requests worked by hand",
      `${POOL_2021} Four requests in an otherwise empty pool, worked out by hand: holidays move the decision dates, a €120,000 ` +
        "real-estate request keeps the 5-day review, costs already incurred are refused, a guarantee is paid only as far as called.",
    ),
    "zhi-funding.json": zhiFunding(),
  };
}

/** A scenario file's text: JSON, two-space indented, short objects and arrays on one line, with a final newline. */
export function scenarioFileText(s: ScenarioInput): string {
  return `${formatJson(s, "", 100)}\n`;
}

/**
 * JSON that keeps an object or array on one line when it fits in `width` columns; `indent` is the
 * line's indentation, `prefix` the columns already taken on the line (indent and key).
 */
function formatJson(value: unknown, indent: string, width: number, prefix = indent.length): string {
  const flat = JSON.stringify(value, null, 1).replace(/\n\s*/g, " ").replace(/\[ /g, "[").replace(/ \]/g, "]");
  if (typeof value !== "object" || value === null || prefix + flat.length + 1 <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + formatJson(v, inner, width)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner, width, inner.length + JSON.stringify(k).length + 2)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

if (process.argv[1]?.endsWith("write-scenarios.ts")) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios");
  for (const [name, s] of Object.entries(generatedScenarios())) {
    writeFileSync(join(dir, name), scenarioFileText(s), "utf8");
    console.log(`wrote scenarios/${name}`);
  }
}
