import { Decimal } from "decimal.js";

/*
 * Tables as text: a plain-text table for the terminal (columns padded, a rule under the header)
 * or a Markdown table (for reports, issues and notebooks), from the same rows of cells.
 */

/** A number with a Dutch decimal comma and a fixed number of decimals (half-up), e.g. `7,3` — not money. */
export function decimalComma(x: number | Decimal, places = 1): string {
  return new Decimal(x).toFixed(places, Decimal.ROUND_HALF_UP).replace(".", ",");
}

/**
 * How a table is written: plain text for the terminal, or Markdown.
 * @category Reports and charts
 */
export type TableFormat = "text" | "md";

/**
 * A table: a header, rows of cells, and how many leading columns are text (left-aligned); the rest are numbers (right-aligned).
 * @category Reports and charts
 */
export interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Leading columns aligned left; default 1. */
  readonly textColumns?: number;
}

/**
 * Renders a table as plain text (padded columns, a rule under the header) or as Markdown
 * (`|`-separated, `|` escaped, numbers aligned right, a cell's leading spaces as `&nbsp;`).
 * @category Reports and charts
 */
export function renderTable(table: Table, format: TableFormat): string {
  const textColumns = table.textColumns ?? 1;
  const { head, rows } = table;
  if (format === "md") {
    // Leading spaces indent a row under the one above (as in the text table): kept as non-breaking spaces.
    const esc = (cell: string): string => cell.trimEnd().replace(/^ +/, (s) => "&nbsp;".repeat(s.length)).replace(/\|/g, "\\|");
    const line = (r: readonly string[]): string => `| ${r.map(esc).join(" | ")} |`;
    const align = `| ${head.map((_, i) => (i < textColumns ? "---" : "---:")).join(" | ")} |`;
    return [line(head), align, ...rows.map(line)].join("\n");
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
