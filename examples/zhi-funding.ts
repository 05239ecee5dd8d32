// Funding a recovery initiative (seed 002: VNG/MIND, "Handreiking voor financiering en inbedding van
// zelfregie- en herstelinitiatieven").
//
// A zelfregie- en herstelinitiatief (ZHI) is run by and for people with a psychiatric vulnerability:
// a walk-in place between care and welfare, where peer workers (ervaringsdeskundigen) support
// recovery. The guide's worry is continuity: many initiatives live on a yearly project subsidy
// (projectsubsidie) instead of a structural subsidy (structurele subsidie), and the guide tells of
// one that had to close its doors for unclear policy and lack of funding. When an initiative
// closes, its participants turn to regular care, and the care it avoided (its benefit: vermeden
// zorg) is no longer avoided. A municipality can also buy the initiative's work per participant
// (inkoop), which pays only for participants it can bill.
//
// This script compares the three ways for the example centre ZHI_EXAMPLE (every number an
// estimate, see src/streams/zhiExample.ts): the project subsidy is renewed each year with a chance
// of 3 in 4, drawn in 1,000 seeded runs; means are shown with the P5–P95 range of the cost.
import { Decimal } from "decimal.js";
import { formatEuro } from "../src/money/index.js";
import { RecoveryInitiativeSchema, simulateRecoveryInitiative, type RecoveryFundingResult } from "../src/streams/recoveryInitiative.js";
import { ZHI_EXAMPLE } from "../src/streams/zhiExample.js";

const result = simulateRecoveryInitiative(ZHI_EXAMPLE);
const euro = (cents: number): string => formatEuro(cents, { decimals: false });
const percent = (d: Decimal): string => `${d.toFixed(1).replace(".", ",")} %`;

type Row = readonly [string, (w: RecoveryFundingResult) => string];
const rows: Row[] = [
  ["Municipality cost", (w) => euro(w.summary.municipalityCost.mean)],
  ["  P5 – P95 over runs", (w) => `${euro(w.summary.municipalityCost.p5)} – ${euro(w.summary.municipalityCost.p95)}`],
  ...result.ways[0]!.byYear.map((y, i): Row => [`  in ${y.year}`, (w) => euro(w.byYear[i]!.municipalityCost.mean)]),
  ["Paid to the initiative", (w) => euro(w.summary.funding.mean)],
  ["Funding gap (−) or surplus", (w) => euro(w.summary.fundingBalance.mean)],
  ["Initiative closed", (w) => percent(new Decimal(w.closedRuns).times(100).dividedBy(result.seeds.runs))],
  ["Months open (mean)", (w) => String(w.summary.monthsOpen.mean)],
  ["Participants left at closure", (w) => String(w.summary.participantsLeft.mean)],
  ["Regular care after closure", (w) => euro(w.summary.regularCareCost.mean)],
  ["  still to pay after horizon", (w) => euro(w.summary.regularCareAfterHorizon.mean)],
  ["Avoided care", (w) => euro(w.summary.avoidedCare.mean)],
  ["Net (avoided care − cost)", (w) => euro(w.summary.net.mean)],
];

const header = ["", ...result.ways.map((w) => w.label)];
const body = rows.map(([label, cell]) => [label, ...result.ways.map(cell)]);
const widths = header.map((_, j) => Math.max(...[header, ...body].map((r) => r[j]!.length)));
const line = (r: readonly string[]): string => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("  ");

// Break-even: the avoided-care rate at which the structural subsidy pays for itself:
// subsidy per year ÷ (participants × cost of an avoided trajectory), per 100 participant-years.
const input = RecoveryInitiativeSchema.parse(ZHI_EXAMPLE); // money in cents
const breakEven = new Decimal(input.structural.perYear)
  .times(100)
  .dividedBy(new Decimal(input.initiative.participantsPerMonth).times(input.avoidedCare.costPerTrajectory));
const assumed = new Decimal(input.avoidedCare.percentPerYear);

console.log(`${result.initiative}: ZHI funding compared, ${result.horizon.start} + ${result.horizon.months} months, ${result.seeds.runs} runs from seed ${result.seeds.first}`);
console.log("");
console.log(line(header));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
for (const r of body) console.log(line(r));
console.log("");
console.log(
  `Break-even: avoided care pays for the structural subsidy at ${breakEven.toFixed(1).replace(".", ",")} avoided trajectories ` +
    `per 100 participant-years; this example assumes ${assumed.toFixed(1).replace(".", ",")}.`,
);
console.log(
  assumed.lt(breakEven)
    ? "Below break-even a closure lowers the municipality's cost on paper: the subsidy it saves is more than the regular care and the lost " +
        "avoided care cost. The guide's other benefits (recovery, participation, peer support) are not priced here."
    : "At or above break-even every closure costs the municipality more than the subsidy it saves: stable (structural) funding is the cheaper way.",
);
const procurement = result.ways.find((w) => w.way === "procurement")!;
if (procurement.summary.fundingBalance.mean < 0) {
  console.log(
    `Procurement pays only for the participants it can bill: the initiative is left ${euro(-procurement.summary.fundingBalance.mean)} short ` +
      "over the horizon. Who fills that gap (a fund, volunteers, or a closure) is outside this comparison.",
  );
}
