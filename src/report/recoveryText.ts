import { Decimal } from "decimal.js";
import { formatEuro } from "../money/index.js";
import type { RecoveryComparison, RecoveryFundingResult } from "../streams/recoveryInitiative.js";
import { decimalComma, renderTable, type TableFormat } from "./textTable.js";

/*
 * A recovery initiative's three ways of funding side by side (ZHI, seed 002), in words: cost to
 * the municipality (mean, P5–P95, per year), what the initiative gets, how often it closes and
 * what follows, avoided care, and the break-even of avoided care against the structural subsidy.
 */

const euro = (cents: number): string => formatEuro(cents, { decimals: false });

/** The share of the runs in which a way's initiative closed, e.g. `67,6 %`. */
const closedShare = (w: RecoveryFundingResult, runs: number): string => `${decimalComma(new Decimal(w.closedRuns).times(100).dividedBy(runs))} %`;

type Row = readonly [string, (w: RecoveryFundingResult) => string];

/**
 * The comparison as rows of cells: a header (the ways' Dutch names) and one row per measure.
 * @category Reports and charts
 */
export function recoveryCells(result: RecoveryComparison): { head: string[]; rows: string[][] } {
  const runs = result.seeds.runs;
  const rows: Row[] = [
    ["Municipality cost", (w) => euro(w.summary.municipalityCost.mean)],
    ["  P5 – P95 over runs", (w) => `${euro(w.summary.municipalityCost.p5)} – ${euro(w.summary.municipalityCost.p95)}`],
    ...(result.ways[0]?.byYear ?? []).map((y, i): Row => [`  in ${y.year}`, (w) => euro(w.byYear[i]!.municipalityCost.mean)]),
    ["Paid to the initiative", (w) => euro(w.summary.funding.mean)],
    ["Funding gap (−) or surplus", (w) => euro(w.summary.fundingBalance.mean)],
    ["Initiative closed", (w) => closedShare(w, runs)],
    ["Months open (mean, whole months)", (w) => String(w.summary.monthsOpen.mean)],
    ["Participants left by a closure (mean of all runs)", (w) => String(w.summary.participantsLeft.mean)],
    ["Regular care after closure", (w) => euro(w.summary.regularCareCost.mean)],
    ["  still to pay after horizon", (w) => euro(w.summary.regularCareAfterHorizon.mean)],
    ["Avoided care", (w) => euro(w.summary.avoidedCare.mean)],
    ["Net (avoided care − cost)", (w) => euro(w.summary.net.mean)],
  ];
  return { head: ["", ...result.ways.map((w) => w.label)], rows: rows.map(([label, cell]) => [label, ...result.ways.map(cell)]) };
}

/**
 * What the comparison means, in sentences drawn from the results: the break-even of avoided care
 * against the structural subsidy, what the project subsidy's closures did to the municipality's net
 * over the horizon, and the procurement gap when there is one.
 * @category Reports and charts
 */
export function recoveryNotes(result: RecoveryComparison): string[] {
  const notes: string[] = [];
  const { avoidedPer100ParticipantYears: breakEven, assumed } = result.breakEven;
  if (breakEven !== null) {
    notes.push(
      `Break-even: avoided care pays for the structural subsidy at ${decimalComma(breakEven, 2)} avoided trajectories ` +
        `per 100 participant-years; this scenario assumes ${decimalComma(assumed, 2)}.`,
    );
  }
  const structural = result.ways.find((w) => w.way === "structural");
  const project = result.ways.find((w) => w.way === "project");
  if (structural && project) {
    const share = closedShare(project, result.seeds.runs);
    if (project.closedRuns === 0) {
      notes.push("The project subsidy was renewed in every run: the initiative never closed.");
    } else {
      const difference = project.summary.net.mean - structural.summary.net.mean;
      const after = project.summary.regularCareAfterHorizon.mean;
      notes.push(
        `The project subsidy was not renewed in ${share} of the runs. Over the horizon its net (avoided care − cost) averages ` +
          `${euro(project.summary.net.mean)}, against ${euro(structural.summary.net.mean)} with the structural subsidy: the closures ` +
          (difference >= 0 ? `lower the municipality's net cost by ${euro(difference)} on paper` : `cost the municipality ${euro(-difference)} more`) +
          (after > 0 ? `, with ${euro(after)} of regular care still to pay after the horizon` : "") +
          ". The guide's other benefits of an initiative that stays open (recovery, participation, peer support) are not priced here.",
      );
    }
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
 * @category Reports and charts
 */
export function formatRecoveryComparison(result: RecoveryComparison, format: TableFormat = "text"): string {
  const { head, rows } = recoveryCells(result);
  const heading = `${result.initiative}: three ways of funding compared, ${result.horizon.start} + ${result.horizon.months} months, ${result.seeds.runs} runs from seed ${result.seeds.first}`;
  const notes = recoveryNotes(result);
  const table = renderTable({ head, rows }, format);
  return format === "md"
    ? [`### ${heading}`, table, ...notes.map((n) => `> ${n}`)].join("\n\n")
    : [heading, "", table, "", ...notes].join("\n");
}
