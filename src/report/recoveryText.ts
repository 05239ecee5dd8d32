import { Decimal } from "decimal.js";
import { formatEuro } from "../money/index.js";
import type { RecoveryComparison, RecoveryFundingResult } from "../streams/recoveryInitiative.js";
import { renderTable, type TableFormat } from "./textTable.js";

/*
 * A recovery initiative's three ways of funding side by side (ZHI, seed 002), in words: cost to
 * the municipality (mean, P5–P95, per year), what the initiative gets, how often it closes and
 * what follows, avoided care, and the break-even of avoided care against the structural subsidy.
 */

const euro = (cents: number): string => formatEuro(cents, { decimals: false });
const decimalComma = (x: number | Decimal, places = 1): string => new Decimal(x).toFixed(places).replace(".", ",");

type Row = readonly [string, (w: RecoveryFundingResult) => string];

/** The comparison as rows of cells: a header (the ways' Dutch names) and one row per measure. */
export function recoveryCells(result: RecoveryComparison): { head: string[]; rows: string[][] } {
  const runs = result.seeds.runs;
  const rows: Row[] = [
    ["Municipality cost", (w) => euro(w.summary.municipalityCost.mean)],
    ["  P5 – P95 over runs", (w) => `${euro(w.summary.municipalityCost.p5)} – ${euro(w.summary.municipalityCost.p95)}`],
    ...(result.ways[0]?.byYear ?? []).map((y, i): Row => [`  in ${y.year}`, (w) => euro(w.byYear[i]!.municipalityCost.mean)]),
    ["Paid to the initiative", (w) => euro(w.summary.funding.mean)],
    ["Funding gap (−) or surplus", (w) => euro(w.summary.fundingBalance.mean)],
    ["Initiative closed", (w) => `${decimalComma(new Decimal(w.closedRuns).times(100).dividedBy(runs))} %`],
    ["Months open (mean)", (w) => String(w.summary.monthsOpen.mean)],
    ["Participants left at closure", (w) => String(w.summary.participantsLeft.mean)],
    ["Regular care after closure", (w) => euro(w.summary.regularCareCost.mean)],
    ["  still to pay after horizon", (w) => euro(w.summary.regularCareAfterHorizon.mean)],
    ["Avoided care", (w) => euro(w.summary.avoidedCare.mean)],
    ["Net (avoided care − cost)", (w) => euro(w.summary.net.mean)],
  ];
  return { head: ["", ...result.ways.map((w) => w.label)], rows: rows.map(([label, cell]) => [label, ...result.ways.map(cell)]) };
}

/** What the comparison means, in sentences: the break-even, and the procurement gap when there is one. */
export function recoveryNotes(result: RecoveryComparison): string[] {
  const notes: string[] = [];
  const { avoidedPer100ParticipantYears: breakEven, assumed } = result.breakEven;
  if (breakEven !== null) {
    notes.push(
      `Break-even: avoided care pays for the structural subsidy at ${decimalComma(breakEven)} avoided trajectories ` +
        `per 100 participant-years; this scenario assumes ${decimalComma(assumed)}.`,
      assumed < breakEven
        ? "Below break-even a closure lowers the municipality's cost on paper: the subsidy it saves is more than the regular care and the lost " +
            "avoided care cost. The guide's other benefits (recovery, participation, peer support) are not priced here."
        : "At or above break-even every closure costs the municipality more than the subsidy it saves: stable (structural) funding is the cheaper way.",
    );
  }
  const procurement = result.ways.find((w) => w.way === "procurement");
  if (procurement && procurement.summary.fundingBalance.mean < 0) {
    notes.push(
      `Procurement pays only for the participants it can bill: the initiative is left ${euro(-procurement.summary.fundingBalance.mean)} short ` +
        "over the horizon. Who fills that gap (a fund, volunteers, or a closure) is outside this comparison.",
    );
  }
  return notes;
}

/**
 * The three ways of funding a recovery initiative as a table (means over the runs, money in Dutch
 * euros), with a title line and the notes of {@link recoveryNotes} below it. Plain text or Markdown.
 */
export function formatRecoveryComparison(result: RecoveryComparison, format: TableFormat = "text"): string {
  const { head, rows } = recoveryCells(result);
  const heading = `${result.initiative}: ZHI funding compared, ${result.horizon.start} + ${result.horizon.months} months, ${result.seeds.runs} runs from seed ${result.seeds.first}`;
  const notes = recoveryNotes(result);
  const table = renderTable({ head, rows }, format);
  return format === "md"
    ? [`### ${heading}`, table, ...notes.map((n) => `> ${n}`)].join("\n\n")
    : [heading, "", table, "", ...notes].join("\n");
}
