/**
 * Low-threshold psychosocial interventions (LPI) for children displaced from Ukraine, and who pays
 * for them (seed 000).
 *
 * The choice aid picks interventions by age group, goal (strengthening resilience vs reducing
 * complaints) and form (individual: privacy, targeted; group: social support, lower cost per
 * participant). Two national schemes can pay: the BooO (Bekostigingsregeling opvang ontheemden
 * Oekraïne) pays a norm amount per reception place per day — €100 in 2022, €83 from 15 October
 * 2022 for municipal reception — whatever the use; the VWS meerkostenregeling compensates the
 * municipality's extra costs of Jeugdwet care for displaced people, and youth LPIs are covered.
 * What neither covers (here: local children who join a group) comes from the municipality's own
 * means. This script runs a reception location of 120 places for a year from July 2022.
 * Run: `npx tsx examples/lpi-booo-meerkosten.ts`.
 */
import {
  applyStreams,
  chooseInterventions,
  createModel,
  divRound,
  formatEuro,
  generateCaseload,
  LPI_CATALOGUE,
  project,
  type CaseloadSpecInput,
  type FundingStreamInput,
  type ModelConfig,
} from "../src/index.js";

const DISPLACED = "ontheemd uit Oekraïne";

/** The interventions the municipality picks with the choice aid. */
export function pickInterventions() {
  const children = chooseInterventions(LPI_CATALOGUE, { ageGroup: "4-12", goal: "resilience" });
  const teenagers = chooseInterventions(LPI_CATALOGUE, { ageGroup: "12-18", goal: "reducingComplaints" });
  const group = children.find((o) => o.form === "group")!;
  const individual = teenagers.find((o) => o.form === "individual")!;
  return { children, teenagers, group, individual };
}

/** Residents of the reception location and the children and teenagers who follow an LPI. */
export function receptionSpec(sessionsPerMonthGroup: number): CaseloadSpecInput {
  return {
    window: { start: "2022-07", months: 12 },
    municipalities: [{ name: "Gemeente", weight: 1 }],
    providers: [
      { name: "Opvanglocatie", careForms: ["verblijf"], weight: 1 },
      { name: "LPI groepen", careForms: ["ambulant"], weight: 1 },
      { name: "LPI individueel", careForms: ["wijkteam"], weight: 1 },
    ],
    profiles: [
      {
        name: "opvang", // residents: estimate, ≈ 100 of the 120 places in use
        careForm: "verblijf",
        unit: "14",
        arrivalsPerMonth: 8,
        initialStock: 92,
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: 12, cv: 0.5 }, monthlyUse: { mean: 30, cv: 0 } }],
        outcome: { achieved: 1, notAchieved: 0, droppedOut: 0 },
        targetGroups: [{ name: DISPLACED, weight: 1 }],
      },
      {
        name: "LPI kinderen (groep)", // estimate: 6 displaced children a month start a group, about a school term
        careForm: "ambulant",
        unit: "84",
        arrivalsPerMonth: 6,
        initialStock: 0,
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: 3, cv: 0.2 }, monthlyUse: { mean: sessionsPerMonthGroup, cv: 0 } }],
        outcome: { achieved: 0.8, notAchieved: 0.1, droppedOut: 0.1 },
        ageGroups: [{ name: "4-12", weight: 1 }],
        targetGroups: [{ name: DISPLACED, weight: 1 }],
      },
      {
        name: "LPI kinderen uit de gemeente", // estimate: local children join the same groups (integration)
        careForm: "ambulant",
        unit: "84",
        arrivalsPerMonth: 2,
        initialStock: 0,
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: 3, cv: 0.2 }, monthlyUse: { mean: sessionsPerMonthGroup, cv: 0 } }],
        outcome: { achieved: 0.8, notAchieved: 0.1, droppedOut: 0.1 },
        ageGroups: [{ name: "4-12", weight: 1 }],
      },
      {
        name: "LPI jongeren (individueel)", // estimate: 2 displaced teenagers a month, weekly sessions for two months
        careForm: "wijkteam",
        unit: "84",
        arrivalsPerMonth: 2,
        initialStock: 0,
        intensities: [{ name: "standaard", weight: 1, durationMonths: { mean: 2, cv: 0 }, monthlyUse: { mean: 4, cv: 0 } }],
        outcome: { achieved: 0.7, notAchieved: 0.2, droppedOut: 0.1 },
        ageGroups: [{ name: "12-18", weight: 1 }],
        targetGroups: [{ name: DISPLACED, weight: 1 }],
      },
    ],
  };
}

/** The BooO norm (€100 a place a day, €83 from 15 October 2022) for the location's 120 places. */
export const RECEPTION: ModelConfig = {
  kind: "perPlace",
  label: "Opvang per plek (BooO-norm)",
  places: [{ provider: "Opvanglocatie", count: 120 }],
  norm: [
    { from: "2022-03", value: "100.00" },
    { from: "2022-10-15", value: "83.00" },
  ],
};

/**
 * The year's set-up: the caseload spec, the model (reception per place + LPIs per session) and the
 * funding streams — shared by this script and the shipped scenario file.
 */
export function lpiSetup(): { spec: CaseloadSpecInput; model: ModelConfig; streams: FundingStreamInput[] } {
  const { group, individual } = pickInterventions();
  // Per participant per session, as the catalogue prices them: about 8 children start a month, so
  // groups run at their smallest size (not the cheapest per head); an individual session as is.
  // Rounding point: the price per participant-session is rounded half-up to the cent.
  const groupSession = divRound(group.costPerParticipant.atMinGroupSize, group.sessions, "halfUp");
  const individualSession = divRound(individual.costPerParticipant.atMinGroupSize, individual.sessions, "halfUp");
  return {
    // A group's sessions spread over about three months.
    spec: receptionSpec(divRound(group.sessions, 3, "halfUp")),
    model: {
      kind: "combined",
      label: "Opvang en LPI's",
      parts: [
        RECEPTION,
        {
          kind: "effort",
          label: "LPI's per sessie",
          tariffs: [
            { careForm: "verblijf", tariff: "0.00" }, // reception is paid per place, not per day of stay
            { careForm: "ambulant", tariff: { cents: groupSession } },
            { careForm: "wijkteam", tariff: { cents: individualSession } },
          ],
        },
      ],
    },
    streams: [
      { name: "meerkostenregeling (VWS)", rules: [{ from: "2022-03", value: { covers: { targetGroups: [DISPLACED], careForms: ["ambulant", "wijkteam"] } } }] },
      { name: "BooO (normbedrag per plek)", decidingDate: "paymentMonth", rules: [{ from: "2022-03", value: { lumpSums: true, covers: { providers: ["Opvanglocatie"] } } }] },
    ],
  };
}

export function lpiYear(seed = 2022) {
  const { spec, model, streams } = lpiSetup();
  const caseload = generateCaseload(spec, seed);
  const projection = project(caseload, createModel(model), { horizon: { start: "2022-07", months: 12 }, lines: true });
  return { projection, who: applyStreams(caseload, projection, streams) };
}

if (process.argv[1]?.endsWith("lpi-booo-meerkosten.ts")) {
  const { children, teenagers } = pickInterventions();
  const euro = (c: number) => formatEuro(c);
  console.log("Choice aid: what fits, and what one participant costs\n");
  for (const [title, options] of [
    ["Children 4–12, strengthening resilience", children],
    ["Teenagers 12–18, reducing complaints", teenagers],
  ] as const) {
    console.log(title);
    for (const o of options) {
      const cost = o.form === "group" ? `${euro(o.costPerParticipant.atMaxGroupSize)} – ${euro(o.costPerParticipant.atMinGroupSize)} (groups of ${o.groupSize.max} – ${o.groupSize.min})` : euro(o.costPerParticipant.atMinGroupSize);
      console.log(`  ${o.form.padEnd(10)} ${o.name.padEnd(56)} ${cost}`);
    }
  }
  const { projection, who } = lpiYear();
  console.log(`\nJuly 2022 – June 2023: paid ${formatEuro(projection.totalPaid, { decimals: false })}`);
  for (const s of who.streams) console.log(`  ${s.name.padEnd(30)} ${formatEuro(s.covered, { decimals: false }).padStart(14)}`);
  console.log(`  ${"own means (eigen middelen)".padEnd(30)} ${formatEuro(who.ownMeans.total, { decimals: false }).padStart(14)}`);
  const m = Object.fromEntries(projection.measures.map((x) => [x.name.replace(/^.*: /, ""), x]));
  console.log(
    `\nThe 120 places are paid whatever their use: occupancy ${String(m["occupancy"]!.value).replace(".", ",")} %, ` +
      `${formatEuro(m["cost per occupied place-month"]!.value, { decimals: false })} per occupied place-month. ` +
      "LPIs for displaced youth fall under the meerkostenregeling; local children in the same groups are the municipality's own.",
  );
}
