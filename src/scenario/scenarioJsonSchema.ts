import { z } from "zod";
import { ModelConfigSchema } from "../models/index.js";
import { ScenarioSchema } from "./scenarioSchema.js";

/**
 * The schema registry the JSON Schema is made with: zod's global one (where `.describe()` keeps
 * the descriptions), with the model config named, so the recursive combined model refers to
 * `#/$defs/ModelConfig` rather than an anonymous `__schema0`.
 */
function namingRegistry(): typeof z.globalRegistry {
  const global = z.globalRegistry;
  return Object.create(global, {
    get: {
      value: (schema: z.core.$ZodType) => (schema === (ModelConfigSchema as unknown) ? { ...global.get(schema), id: "ModelConfig" } : global.get(schema)),
    },
  }) as typeof z.globalRegistry;
}

/**
 * The JSON Schema (draft 2020-12) of a scenario file as users write it (the input side of
 * {@link ScenarioSchema}: money as euro strings or `{ cents }`, defaults optional and shown as
 * `default`), with every field's description for editor tooltips. The recursive model config
 * (a combined model's parts) is `#/$defs/ModelConfig`. Refinements that JSON Schema cannot say
 * (shares summing to 100 %, unique names, an end after its start) are checked by
 * {@link parseScenario} only. A fresh object on every call.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, {
    target: "draft-2020-12",
    io: "input",
    cycles: "ref",
    reused: "inline",
    unrepresentable: "throw",
    metadata: namingRegistry(),
  }) as Record<string, unknown>;
  describeFields(schema, null);
  const defs = schema["$defs"] as Record<string, Record<string, unknown>> | undefined;
  if (defs?.["ModelConfig"] && !defs["ModelConfig"]["description"]) {
    defs["ModelConfig"]["description"] = "a funding model's config, picked by kind";
  }
  const { $schema, ...rest } = schema;
  return { $schema, title: "jeugdhulp-bekostiging scenario", ...rest };
}

type Json = Record<string, unknown>;

const MODEL_KINDS: Readonly<Record<string, string>> = {
  task: "taakgericht: a lump sum per provider or area per year, paid monthly whatever the volume; optionally a corridor settled after the year",
  effort: "inspanningsgericht: tariff × delivered hours, dagdelen or etmalen, per client per month; optionally a yearly ceiling",
  output: "outputgericht: a fixed price per arrangement (profile × intensity) for a validity period, paid by a schedule",
  trajectory: "trajectfinanciering: a fixed amount per trajectory, an advance at the start and the rest at closure",
  perPlace: "per place (e.g. BooO): a norm amount per funded place per day or month, whatever the occupancy",
  reimbursement: "vergoeding werkelijke kosten (meerkosten): the realised cost of eligible care, optionally capped",
  combined: "hybride: parts of the other models added up",
};

const SELECTION: Readonly<Record<string, string>> = {
  careForms: "care forms",
  profiles: "client profiles",
  municipalities: "municipalities",
  providers: "providers",
  ageGroups: "age groups",
  targetGroups: "target groups",
};

/**
 * A description for a field the core schemas leave undescribed, by its name (and parent), so every
 * field has an editor tooltip. Only fields whose meaning is the same wherever they occur.
 */
function fallbackDescription(key: string, prop: Json, parent: string | null): string | undefined {
  const items = prop["items"] as Json | undefined;
  const stringList = prop["type"] === "array" && items !== undefined && (items["type"] === "string" || Array.isArray(items["enum"]));
  if (stringList && SELECTION[key]) return `only trajectories of these ${SELECTION[key]}; omitted: all`;
  switch (key) {
    case "kind":
      return typeof prop["const"] === "string" ? MODEL_KINDS[prop["const"]] : undefined;
    case "cents":
      return "an amount in whole eurocents, e.g. 7850 for € 78.50";
    case "from":
      return "when this version takes effect; it applies until the next version's";
    case "value":
      return "the value in force from `from`";
    case "indexation":
      return "yearly indexation: [{ from, value: percent }] raises each price by the percent every January after it takes effect";
    case "careForm":
      return "care form (vorm van jeugdhulp)";
    case "provider":
      return "provider (aanbieder)";
    case "municipality":
      return "municipality (gemeente)";
    case "start":
      return "first month of care, YYYY-MM";
    case "outcome":
      return "how the trajectory ends: achieved, notAchieved or droppedOut; open while it runs (end null)";
    case "unit":
      return "iJw unit code (WJ756) of the use: 01 minutes, 04 hours (use in minutes), 14 etmalen, 16 dagdelen, 82 and 84 stuks, 83 eurocents";
    case "municipalities":
      return "the region's municipalities (gemeenten), each with its share of new clients";
    case "providers":
      return "the providers (aanbieders): the care forms each offers and its share";
    case "profiles":
      return "client profiles (cliëntprofielen): arrivals, durations, use and outcomes of each";
    case "intensities":
      return "intensity levels (intensiteiten) of the profile, each with its share, duration and use";
    case "name":
      return "name of the group";
    case "weight":
      return "relative share of new clients in this group";
    case "settleMonthsAfterYearEnd":
      return "months after December in which the year is settled";
    case "perYear":
      return "amount per calendar year (the version in force in January)";
    case "budgets":
      return "lump sums per year, for all providers, a provider and/or an area (municipality); each key is a separate contract, all paid";
    case "tariff":
      return "the tariff: euros per hour for time units, per unit otherwise";
    case "tariffs":
      return "tariffs per care form (optionally per provider): euros per hour for time units, per unit otherwise";
    case "prices":
      return parent === "costPrices" ? "cost prices per care form (optionally per provider)" : "prices per client profile (optionally per intensity)";
    case "amounts":
      return parent === "ceiling" ? "the ceiling per provider per calendar year" : "the amount per trajectory, per client profile";
    case "places":
      return "funded places per provider (and area): a number, or dated versions of it";
    case "parts":
      return "the models added up; each part pays as it would alone";
    case "schedule":
      return "how the price is paid, in percent summing to 100: atStart, instalments, atEnd, onResult";
    case "atStart":
      return "percent of the price paid when the arrangement starts";
    case "instalments":
      return "percent of the price paid in monthly instalments over the norm duration";
    case "atEnd":
      return "percent of the price paid when the arrangement ends";
    case "lowerPercent":
      return "corridor below the budget, in percent of it: production within it is not settled";
    case "upperPercent":
      return "corridor above the budget, in percent of it: production within it is not settled";
    case "ceiling":
      return "a yearly ceiling (bestedingsruimte) per provider, and what happens when declarations reach it";
    case "costPrices":
      return "cost prices per care form (optionally per provider)";
    default:
      return undefined;
  }
}

/** Gives every property without a description one from {@link fallbackDescription}, in place. */
function describeFields(node: unknown, parent: string | null): void {
  if (Array.isArray(node)) {
    for (const x of node) describeFields(x, parent);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const n = node as Json;
  const props = n["properties"] as Record<string, Json> | undefined;
  if (props) {
    for (const [key, prop] of Object.entries(props)) {
      if (prop["description"] === undefined) {
        const d = fallbackDescription(key, prop, parent);
        if (d !== undefined) prop["description"] = d;
      }
    }
  }
  for (const [key, v] of Object.entries(n)) {
    if (key === "properties" && props) for (const [k, p] of Object.entries(props)) describeFields(p, k);
    else describeFields(v, parent);
  }
}
