/**
 * Writes the scenario files whose numbers come from code, so they match it exactly: the default
 * region (`defaultScenario()`), the VNG three models on it, Overijssel 2011 and the LPI / BooO /
 * meerkosten example. A test checks that each file on disk equals what this script makes, and
 * that running it gives what the example computes. Rerun after changing the default region or an
 * example: `npx tsx scripts/write-scenarios.ts`. (quick-start.json and four-models.yaml are written
 * by hand; their amounts are checked against the hand calculation.)
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { overijsselProvider, perDay, perTrajectory } from "../examples/overijssel-2011.js";
import { lpiSetup } from "../examples/lpi-booo-meerkosten.js";
import { defaultScenario } from "../src/index.js";
import type { ScenarioInput } from "../src/scenario/scenarioSchema.js";

const SCHEMA = "../schema/scenario.schema.json";

/** The default region under the five calibrated models (`npm run compare`). */
function defaultRegion(): ScenarioInput {
  const s = defaultScenario();
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
function vngThreeModels(): ScenarioInput {
  const s = defaultScenario();
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

/** The generated scenario files: file name in scenarios/ → content. */
export function generatedScenarios(): Record<string, ScenarioInput> {
  return {
    "default-region.json": defaultRegion(),
    "vng-three-models.json": vngThreeModels(),
    "overijssel-2011.json": overijssel2011(),
    "lpi-booo-meerkosten.json": lpiBoooMeerkosten(),
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
