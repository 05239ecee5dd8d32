/**
 * What regions fear when they switch models: providers respond to the incentive, and the inputs
 * are uncertain. The default region under the four core models, with the literature-central
 * behaviour responses, five uncertain inputs (as distributions, drawn per run), a tornado of what
 * moves the totals most, and two reforms stacked on the baseline (a 24-month output guarantee,
 * then the literature-high responses), each shown as the change from the step before — all on
 * the same seeds. Run: `npx tsx examples/behaviour-uncertainty-reforms.ts` (add `--runs 100`).
 * The same as a scenario file: `scenarios/behaviour-uncertainty-reforms.json`.
 */
import { defaultScenario, formatComparison, formatReforms, formatRisk, formatSensitivity, runScenario, type ComparisonScenarioInput } from "../src/index.js";

/** Runs of the example (and its scenario file): enough for P5–P95 at a glance; more for decisions. */
export const RUNS = 20;

/** The scenario: the default region's four core models with behaviour, uncertain inputs, a tornado and two reforms. */
export function behaviourUncertaintyScenario(runs = RUNS): ComparisonScenarioInput {
  const s = defaultScenario();
  const [task, effort, , output, trajectory] = s.models;
  const spec = s.caseload;
  const ambulant = spec.profiles[0]!;
  if (ambulant.name !== "ambulant" || effort?.kind !== "effort" || output?.kind !== "output") throw new Error("the default scenario changed: update this example");
  return {
    $schema: "../schema/scenario.schema.json",
    name: "Behaviour, uncertainty and reforms",
    description:
      "The default region under the four core models with the literature-central behaviour responses (off unless chosen), five uncertain " +
      "inputs drawn per run — the trend in ambulant inflow, the duration of medium ambulant care, the ambulant tariff and cost price, and " +
      "how much extra care p×q brings — a tornado of what moves the totals most, and two reforms stacked on it: a 24-month guarantee under " +
      "outputgericht, then the literature-high responses. All on the same seeds, so differences are the models' and the reforms'.",
    caseload: {
      spec: {
        ...spec,
        profiles: [
          {
            ...ambulant,
            // estimate: the default region has no trend; −2 … +6 % a year brackets the regions' recent growth.
            trendPercentPerYear: { distribution: "triangular", min: -2, mode: 2, max: 6, name: "instroomtrend ambulant" },
            intensities: ambulant.intensities.map((x) =>
              x.name === "middel"
                ? // estimate: ±25 % around the region's 14 months.
                  { ...x, durationMonths: { ...x.durationMonths, mean: { distribution: "triangular", min: 10.5, mode: 14, max: 17.5, name: "duur ambulant middel" } } }
                : x,
            ),
          },
          ...spec.profiles.slice(1),
        ],
      },
    },
    models: [
      task!,
      {
        ...effort,
        tariffs: effort.tariffs.map((t) =>
          t.careForm === "ambulant"
            ? // "ambulant €51–78/hour" (domain.md): uncertain around the default €70.
              { ...t, tariff: { distribution: "triangular", min: 62, mode: 70, max: 78, as: "euros", name: "uurtarief ambulant" } }
            : t,
        ),
      },
      output,
      trajectory!,
    ],
    options: {
      ...s.options,
      runs,
      costPrices: {
        prices: (s.options.costPrices?.prices ?? []).map((p) =>
          p.careForm === "ambulant"
            ? // "personnel share of provider costs 71 %": wages drive it; estimate ±5 % around 96 % of the tariff.
              { ...p, price: { distribution: "triangular", min: 63.84, mode: 67.2, max: 70.56, as: "euros", name: "kostprijs ambulant" } }
            : p,
        ),
      },
      behaviour: {
        set: "literature-central",
        // Hickson's +22 % halved (central) with the whole range up to +25 % as the uncertainty.
        effort: { extraUsePercent: { ambulant: { distribution: "triangular", min: 0, mode: 11, max: 25, name: "extra uren p×q" } } },
      },
    },
    sensitivity: { metrics: ["totalPaid", "providerMargin"] },
    reforms: [
      {
        name: "garantie 24 maanden",
        description: "outputgericht: a re-entry within 24 months (was 12) after an achieved result is at the provider's cost",
        changes: [{ path: "models[2].guaranteeMonths", value: 24 }],
      },
      {
        name: "gedrag hoog",
        description: "providers respond as the high end of the literature says",
        changes: [{ path: "options.behaviour", value: "literature-high" }],
      },
    ],
  } as ComparisonScenarioInput;
}

if (process.argv[1]?.endsWith("behaviour-uncertainty-reforms.ts")) {
  const flag = process.argv.indexOf("--runs");
  const result = runScenario(behaviourUncertaintyScenario(flag >= 0 ? Number(process.argv[flag + 1]) : RUNS));
  console.log(formatComparison(result.comparison));
  console.log(`\n${formatRisk(result.comparison)}`);
  if (result.sensitivity) console.log(`\n${formatSensitivity(result.sensitivity)}`);
  if (result.reforms) console.log(`\n${formatReforms(result.reforms)}`);
}
