import { formatEuro } from "../money/index.js";
import { GRANT_REJECTION_LABELS, GRANT_REJECTION_REASONS, type GrantPoolResult } from "../streams/grantPool.js";
import { decimalComma, renderTable, type Table, type TableFormat } from "./textTable.js";

/*
 * A grant pool's simulated year in words and tables (the stimuleringsimpuls maatwerk, seed 001):
 * what was received, decided, committed, paid and released, how long decisions took, per region
 * and per month; and its decisions one request per line. Plain text or Markdown.
 */


/** Label–value lines: padded to a column in text, a two-column table in Markdown. */
function pairs(lines: readonly (readonly [string, string | number])[], format: TableFormat, labelWidth: number): string {
  if (format === "md") return renderTable({ head: ["", ""], rows: lines.map(([l, v]) => [l, String(v)]) }, "md");
  return lines.map(([label, value]) => `${label.padEnd(labelWidth)}${String(value)}`).join("\n");
}

/**
 * The readable summary of a simulated grant pool: counts by decision and reason, decision times by
 * review track, the money (requested, transferred, committed, paid, released, invoiced above the
 * commitment, open and left at the end), when the pool ran dry and its temporary stops; then per
 * region and per month. Money in Dutch euros.
 * @category Reports and charts
 */
export function formatGrantPool(r: GrantPoolResult, format: TableFormat = "text"): string {
  const t = r.totals;
  const dt = r.decisionTimes;
  const lastMonth = r.byMonth.at(-1)!;
  const track = (s: { count: number; meanWorkingDays: number; maxWorkingDays: number }): string =>
    `${s.count} requests, mean ${decimalComma(s.meanWorkingDays)}, max ${s.maxWorkingDays}`;
  const counts: [string, string | number][] = [
    ["Requests received", t.requests],
    ["  approved (toegekend)", t.approvals],
    ["  rejected (afgewezen)", t.rejections],
    ...GRANT_REJECTION_REASONS.map((reason): [string, number] => [`    ${GRANT_REJECTION_LABELS[reason]}`, t.byReason[reason]]),
  ];
  const times: [string, string][] = [
    ["Decision time, working days", `mean ${decimalComma(dt.meanWorkingDays)}, max ${dt.maxWorkingDays}`],
    ["  standard review", track(dt.byTrack.standard)],
    ["  urgent", track(dt.byTrack.urgent)],
    ["  extended (large amount or missing info)", track(dt.byTrack.extended)],
  ];
  const money: [string, string][] = [
    ["Requested", formatEuro(t.requested)],
    ["Transferred in", formatEuro(t.transfersIn)],
    ["Committed (opdrachtbrieven)", formatEuro(t.committed)],
    ["Paid (after delivery, by invoice)", formatEuro(t.paid)],
    [`  of which paid by the end of ${lastMonth.month}`, formatEuro(r.byMonth.reduce((s, m) => s + m.paid, 0))],
    ["Released (below commitment, not called)", formatEuro(t.released)],
    ["Invoiced above the commitment (not paid)", `${formatEuro(t.invoiceAboveCommitment)} on ${t.invoicesAboveCommitment} requests`],
    [`Open at the end of ${lastMonth.month} (verplichtingen)`, formatEuro(lastMonth.open)],
    [`Budget left at the end of ${lastMonth.month}`, formatEuro(lastMonth.remaining)],
    ["Pool runs dry", r.dryMonth === null ? "never" : `${r.dryMonth} (first refusal for lack of budget on ${r.dryDate})`],
    ["Temporary stops", r.stops.length === 0 ? "none" : r.stops.map((s) => `${s.from} – ${s.until ?? "…"}`).join(", ")],
  ];
  // One label column for the three blocks: the longest label and two spaces.
  const width = Math.max(...[...counts, ...times, ...money].map(([label]) => label.length)) + 2;
  const sections =
    format === "md"
      ? [pairs([...counts, ...times, ...money], format, width)]
      : [pairs(counts, format, width), pairs(times, format, width), pairs(money, format, width)];
  const region = (g: GrantPoolResult["byRegion"][number]): string[] => [
    g.region,
    String(g.requests),
    String(g.approvals),
    String(g.rejections),
    ...[g.committed, g.paid, g.released, g.invoiceAboveCommitment].map((c) => formatEuro(c)),
  ];
  const month = (m: GrantPoolResult["byMonth"][number]): string[] => [
    m.month,
    String(m.received),
    String(m.approvals),
    String(m.rejections),
    ...[m.committed, m.paid, m.released, m.remaining].map((c) => formatEuro(c)),
  ];
  const moneyHeads = ["committed", "paid", "released"];
  return [
    ...sections,
    section("Per region (the pool is shared; reporting only; payments after the year included)", { head: ["region", "requests", "approved", "rejected", ...moneyHeads, "invoiced above"], rows: r.byRegion.map(region) }, format),
    section("Per month", { head: ["month", "received", "approved", "rejected", ...moneyHeads, "budget left"], rows: r.byMonth.map(month) }, format),
  ].join("\n\n");
}

/** A titled table: the title on its own line in text, a heading in Markdown. */
function section(heading: string, table: Table, format: TableFormat): string {
  return format === "md" ? `### ${heading}\n\n${renderTable(table, format)}` : `${heading}\n${renderTable(table, format)}`;
}

/**
 * A grant pool's decisions, one request per line: decision or reason, dates, working days and money.
 * @category Reports and charts
 */
export function formatGrantDecisions(r: GrantPoolResult, format: TableFormat = "text"): string {
  return renderTable(
    {
      head: ["request", "region", "kind", "decision", "received", "decided", "days", "committed", "paid", "paid on", "released"],
      rows: r.decisions.map((d) => [
        d.id,
        d.region,
        d.kind,
        d.reason === null ? "approved" : GRANT_REJECTION_LABELS[d.reason],
        d.receivedDate,
        d.decisionDate,
        String(d.decisionWorkingDays),
        formatEuro(d.committed),
        formatEuro(d.paid),
        d.paymentDate ?? "—",
        formatEuro(d.released),
      ]),
      textColumns: 4,
    },
    format,
  );
}
