/**
 * The language of a report's words: Dutch (`nl`, the default of the command line and the HTML
 * report) or English (`en`, the default of the library's text and CSV functions, so scripts that
 * read their labels keep working).
 * @category Reports and charts
 */
export type ReportLocale = "nl" | "en";

/**
 * Every {@link ReportLocale}, in the order the command line lists them.
 * @category Reports and charts
 */
export const REPORT_LOCALES: readonly ReportLocale[] = ["nl", "en"];
