import type { Metrics } from "../metrics/metrics.js";
import type { ReportLocale } from "./locale.js";

/**
 * The single-valued metrics that have a label (the ones a table or CSV shows by name).
 * @category Reports and charts
 */
export type LabelledMetric =
  | "totalPaid"
  | "perClient"
  | "perClosedTrajectory"
  | "perAchievedResult"
  | "clients"
  | "closedTrajectories"
  | "achievedResults"
  | "budgetDeviation"
  | "providerCost"
  | "providerMargin"
  | "providerMarginPercent"
  | "dueAfterHorizon"
  | "monthlyVariation"
  | "paymentLines"
  | "messages"
  | "clientsWaiting"
  | "clientMonthsWaiting"
  | "consultationSignals"
  | "ceilingsReached";

/**
 * What the single-valued metrics are called in English tables and CSV, one place for every report.
 * @category Reports and charts
 */
export const METRIC_LABELS = {
  totalPaid: "Total paid",
  perClient: "Per client",
  perClosedTrajectory: "Per closed trajectory",
  perAchievedResult: "Per achieved result",
  clients: "Clients",
  closedTrajectories: "Closed trajectories",
  achievedResults: "Achieved results",
  budgetDeviation: "Deviation from budget",
  providerCost: "Provider cost",
  providerMargin: "Provider margin",
  providerMarginPercent: "Provider margin %",
  dueAfterHorizon: "Due after the horizon",
  monthlyVariation: "Monthly variation (CV)",
  paymentLines: "Payment lines",
  messages: "iJw messages",
  clientsWaiting: "Clients waiting (intake stop)",
  clientMonthsWaiting: "Client-months waiting",
  consultationSignals: "Consultation signals (70 %)",
  ceilingsReached: "Ceilings reached",
} as const satisfies Record<LabelledMetric, string> & Partial<Record<keyof Metrics, string>>;

/**
 * The same labels in Dutch, in the words of the Jeugdwet's practice (iStandaarden, contracts).
 * @category Reports and charts
 */
export const METRIC_LABELS_NL: Readonly<Record<LabelledMetric, string>> = {
  totalPaid: "Totaal betaald",
  perClient: "Per cliënt",
  perClosedTrajectory: "Per afgesloten traject",
  perAchievedResult: "Per behaald resultaat",
  clients: "Cliënten",
  closedTrajectories: "Afgesloten trajecten",
  achievedResults: "Behaalde resultaten",
  budgetDeviation: "Afwijking van het budget",
  providerCost: "Kosten aanbieders",
  providerMargin: "Marge aanbieders",
  providerMarginPercent: "Marge aanbieders %",
  dueAfterHorizon: "Te betalen na de horizon",
  monthlyVariation: "Maandelijkse variatie (CV)",
  paymentLines: "Betaalregels",
  messages: "iJw-berichten",
  clientsWaiting: "Wachtende cliënten (intakestop)",
  clientMonthsWaiting: "Wachtmaanden van cliënten",
  consultationSignals: "Overlegsignalen (70 %)",
  ceilingsReached: "Plafonds bereikt",
};

/** Dutch names of the model-specific measures the library's own models report. */
const MEASURES_NL: Readonly<Record<string, string>> = {
  "place-months funded": "gefinancierde plaatsmaanden",
  "place-months occupied": "bezette plaatsmaanden",
  occupancy: "bezetting",
  "cost per occupied place-month": "kosten per bezette plaatsmaand",
  "Behaviour: trajectories with extra use": "Gedrag: trajecten met extra inzet",
};

/**
 * Every word a comparison table or CSV puts next to a number, in one language. Keys of metrics
 * (`paid.2026`, `obligations.2026-12-31`) never change with the language: scripts read those.
 * @category Reports and charts
 */
export interface ReportLabels {
  readonly locale: ReportLocale;
  readonly metric: Readonly<Record<LabelledMetric, string>>;
  /** The row under the total with the P5–P95 range over the runs. */
  readonly spread: (runs: number) => string;
  readonly paidIn: (year: number) => string;
  readonly budgetIn: (year: number) => string;
  readonly deviationIn: (year: number) => string;
  readonly paidTo: (provider: string) => string;
  readonly costOf: (provider: string) => string;
  readonly marginOf: (provider: string) => string;
  readonly obligationsOpen: (date: string) => string;
  /** A summarised metric's percentile over the runs, e.g. `Total paid P95 over 100 runs`. */
  readonly percentile: (metric: string, p: "P5" | "P50" | "P95", runs: number) => string;
  /** A model-specific measure's name as a row label (known names translated, others as given). */
  readonly measure: (name: string) => string;
  /** What starts a warning under a table. */
  readonly note: string;
  /**
   * A CSV column header or unit word (`month`, `provider`, `euros`, `count`, `(total)`, …) in this
   * language; English terms without a translation are returned as given.
   */
  readonly csvTerm: (term: string) => string;
}

/** The Dutch CSV headers and unit words; the English ones are the keys themselves. */
const CSV_TERMS_NL: Readonly<Record<string, string>> = {
  metric: "metriek",
  label: "omschrijving",
  unit: "eenheid",
  euros: "euro",
  cents: "cent",
  count: "aantal",
  percent: "procent",
  ratio: "verhouding",
  month: "maand",
  incurred: "zorgmaand",
  municipality: "gemeente",
  provider: "aanbieder",
  trajectory: "traject",
  profile: "profiel",
  careForm: "zorgvorm",
  kind: "soort",
  key: "sleutel",
  total: "totaal",
  "(total)": "(totaal)",
  model: "model",
  measure: "maat",
  period: "periode",
  subject: "onderwerp",
  value: "waarde",
  note: "toelichting",
  way: "manier",
  mean: "gemiddelde",
  rate: "per_100_deelnemerjaren",
  id: "id",
  region: "regio",
  track: "spoor",
  rules_from: "regels_vanaf",
  budget_year: "begrotingsjaar",
  received: "ontvangen",
  decided: "besloten",
  working_days: "werkdagen",
  decision: "besluit",
  reason: "reden",
  reason_text: "reden_tekst",
  requested: "aangevraagd",
  committed: "toegekend",
  paid: "betaald",
  invoice_above_commitment: "gefactureerd_boven_toekenning",
  released: "vrijgevallen",
  budget_left: "budget_over",
  settled: "vastgesteld",
  paid_on: "betaald_op",
  released_on: "vrijgevallen_op",
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const EN: ReportLabels = {
  locale: "en",
  metric: METRIC_LABELS,
  spread: (runs) => `  P5 – P95 over ${runs} runs`,
  paidIn: (year) => `Paid in ${year}`,
  budgetIn: (year) => `Budget ${year}`,
  deviationIn: (year) => `Deviation from budget ${year}`,
  paidTo: (p) => `Paid to ${p}`,
  costOf: (p) => `Cost of ${p}`,
  marginOf: (p) => `Margin of ${p}`,
  obligationsOpen: (date) => `Obligations open ${date}`,
  percentile: (metric, p, runs) => `${metric} ${p} over ${runs} runs`,
  measure: (name) => capitalise(name),
  note: "Note",
  csvTerm: (term) => term,
};

const NL: ReportLabels = {
  locale: "nl",
  metric: METRIC_LABELS_NL,
  spread: (runs) => `  P5 – P95 over ${runs} runs`,
  paidIn: (year) => `Betaald in ${year}`,
  budgetIn: (year) => `Budget ${year}`,
  deviationIn: (year) => `Afwijking van het budget ${year}`,
  paidTo: (p) => `Betaald aan ${p}`,
  costOf: (p) => `Kosten van ${p}`,
  marginOf: (p) => `Marge van ${p}`,
  obligationsOpen: (date) => `Openstaande verplichtingen ${date}`,
  percentile: (metric, p, runs) => `${metric} ${p} over ${runs} runs`,
  measure: (name) => capitalise(MEASURES_NL[name] ?? name),
  note: "Let op",
  csvTerm: (term) => CSV_TERMS_NL[term] ?? term,
};

/**
 * The labels of a locale (`en` when none is given).
 * @category Reports and charts
 */
export function reportLabels(locale: ReportLocale = "en"): ReportLabels {
  return locale === "nl" ? NL : EN;
}
