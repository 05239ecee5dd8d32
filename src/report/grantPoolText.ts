import { formatEuro } from "../money/index.js";
import { GRANT_REJECTION_LABELS, GRANT_REJECTION_REASONS, type GrantPoolResult } from "../streams/grantPool.js";
import { renderTable, type TableFormat } from "./textTable.js";

/*
 * A grant pool's simulated year in words and tables (the stimuleringsimpuls maatwerk, seed 001):
 * what was received, decided, committed, paid and released, how long decisions took, per region
 * and per month; and its decisions one request per line. Plain text or Markdown.
 */

/** The label column of the text summary: the longest label ("Open at the end of YYYY-MM (verplichtingen)") and two spaces. */
const LABEL_WIDTH = 46;

const days = (x: number): string => x.toFixed(1).replace(".", ",");

/** Label–value lines: padded to a column in text, a two-column table in Markdown. */
function pairs(lines: readonly (readonly [string, string | number])[], format: TableFormat): string {
  if (format === "md") return renderTable({ head: ["", ""], rows: lines.map(([l, v]) => [l, String(v)]) }, "md");
  return lines.map(([label, value]) => `${label.padEnd(LABEL_WIDTH)}${String(value)}`).join("\n");
}

/** A section title: a line of its own in text, a heading in Markdown. */
const title = (text: string, format: TableFormat): string => (format === "md" ? `### ${text}` : text);

/**
 * The readable summary of a simulated grant pool: counts by decision and reason, decision times by
 * review track, the money (requested, transferred, committed, paid, released, invoiced above the
 * commitment, open and left at the end), when the pool ran dry and its temporary stops; then per
 * region and per month. Money in Dutch euros.
 */
export function formatGrantPool(r: GrantPoolResult, format: TableFormat = "text"): string {
  const t = r.totals;
  const dt = r.decisionTimes;
  const lastMonth = r.byMonth.at(-1)!;
  const track = (s: { count: number; meanWorkingDays: number; maxWorkingDays: number }): string =>
    `${s.count} requests, mean ${days(s.meanWorkingDays)}, max ${s.maxWorkingDays}`;
  const counts: [string, string | number][] = [
    ["Requests received", t.requests],
    ["  approved (toegekend)", t.approvals],
    ["  rejected (afgewezen)", t.rejections],
    ...GRANT_REJECTION_REASONS.map((reason): [string, number] => [`    ${GRANT_REJECTION_LABELS[reason]}`, t.byReason[reason]]),
  ];
  const times: [string, string][] = [
    ["Decision time, working days", `mean ${days(dt.meanWorkingDays)}, max ${dt.maxWorkingDays}`],
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
  const sections =
    format === "md"
      ? [pairs([...counts, ...times, ...money], format)]
      : [pairs(counts, format), pairs(times, format), pairs(money, format)];
  return [
    ...sections,
    [
      title("Per region (the pool is shared; reporting only; payments after the year included)", format),
      renderTable(
        {
          head: ["region", "requests", "approved", "rejected", "committed", "paid", "released", "invoiced above"],
          rows: r.byRegion.map((g) => [
            g.region,
            String(g.requests),
            String(g.approvals),
            String(g.rejections),
            formatEuro(g.committed),
            formatEuro(g.paid),
            formatEuro(g.released),
            formatEuro(g.invoiceAboveCommitment),
          ]),
        },
        format,
      ),
    ].join(format === "md" ? "\n\n" : "\n"),
    [
      title("Per month", format),
      renderTable(
        {
          head: ["month", "received", "approved", "rejected", "committed", "paid", "released", "budget left"],
          rows: r.byMonth.map((m) => [
            m.month,
            String(m.received),
            String(m.approvals),
            String(m.rejections),
            formatEuro(m.committed),
            formatEuro(m.paid),
            formatEuro(m.released),
            formatEuro(m.remaining),
          ]),
        },
        format,
      ),
    ].join(format === "md" ? "\n\n" : "\n"),
  ].join("\n\n");
}

/** A grant pool's decisions, one request per line: decision or reason, dates, working days and money. */
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
