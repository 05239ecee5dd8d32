import type { Comparison, ModelComparison } from "../metrics/compare.js";
import { formatEuro } from "../money/format.js";
import { METRIC_LABELS, METRIC_LABELS_NL } from "../locale/labels.js";
import type { ReportLocale } from "../locale/locale.js";

export type { ReportLocale } from "../locale/locale.js";

/**
 * Options of {@link comparisonSummary}.
 * @category Reports and charts
 */
export interface SummaryOptions {
  /** `nl` (default) or `en`. */
  readonly locale?: ReportLocale;
}

/** Why a model's total is what it is, in one clause, per kind (and the ceiling variant). */
const WHY: Readonly<Record<ReportLocale, Readonly<Record<string, string>>>> = {
  nl: {
    task: "betaalt een vast budget per aanbieder in gelijke maanddelen, dus het totaal volgt het budget en niet de geleverde zorg",
    effort: "betaalt elke maand de geleverde uren, dagdelen of etmalen tegen het tarief, dus het totaal volgt het volume",
    ceiling: "betaalt de geleverde zorg tegen het tarief tot een plafond per aanbieder per jaar, dus boven het plafond betaalt de gemeente niet of wacht de cliënt",
    output: "betaalt een vaste prijs per traject naar profiel en intensiteit, verdeeld over de normduur, dus het totaal volgt het aantal trajecten en niet hun lengte",
    trajectory: "betaalt een vast bedrag per traject, een voorschot bij de start en de rest bij afsluiting, dus de betalingen lopen achter de zorg aan",
    other: "betaalt volgens zijn eigen regels (zie de modelbeschrijving)",
  },
  en: {
    task: "pays a fixed budget per provider in equal monthly instalments, so its total follows the budget, not the care delivered",
    effort: "pays each month's hours, dagdelen or etmalen at the tariff, so its total follows the volume",
    ceiling: "pays the care at the tariff up to a ceiling per provider per year, so above the ceiling the municipality does not pay or the client waits",
    output: "pays a fixed price per trajectory by profile and intensity, spread over the norm duration, so its total follows the number of trajectories, not their length",
    trajectory: "pays a fixed amount per trajectory, an advance at the start and the rest at closure, so its payments lag the care",
    other: "pays by its own rules (see the model's description)",
  },
};

const WORDS = {
  nl: {
    most: (a: string, x: string, b: string, y: string, d: string, p: string) => `${a} kost het meest (${x}), ${b} het minst (${y}): een verschil van ${d} (${p}).`,
    same: (x: string) => `Alle modellen kosten even veel (${x}).`,
    one: (a: string, x: string) => `${a} kost ${x}.`,
    vs: (a: string, d: string, more: boolean, base: string, why: string) => `${a} kost ${d} ${more ? "meer" : "minder"} dan ${base}: het ${why}.`,
    equal: (a: string, base: string, why: string) => `${a} kost evenveel als ${base}: het ${why}.`,
    base: (a: string, why: string) => `${a} ${why}.`,
    budget: (b: string) =>
      `"${METRIC_LABELS_NL.budgetDeviation}" is het totaal betaald min het budget van de gemeente over de horizon (${b}); positief is een overschrijding.`,
    obligations: `"Openstaande verplichtingen" zijn zorg die aan het eind van een jaar geleverd of toegezegd is maar nog niet betaald: geld dat het jaar erna nog uitgaat.`,
    cv: `"${METRIC_LABELS_NL.monthlyVariation}" is de standaardafwijking van de maandbetalingen gedeeld door hun gemiddelde: 0 is elke maand hetzelfde bedrag, hoger is minder voorspelbaar.`,
    messages: `"${METRIC_LABELS_NL.messages}" telt de berichten van het berichtenverkeer (toewijzing, start, stop, declaratie) die het model vraagt: een maat voor de administratieve last.`,
    percent: (p: string) => `${p} %`,
  },
  en: {
    most: (a: string, x: string, b: string, y: string, d: string, p: string) => `${a} costs the most (${x}), ${b} the least (${y}): a difference of ${d} (${p}).`,
    same: (x: string) => `All models cost the same (${x}).`,
    one: (a: string, x: string) => `${a} costs ${x}.`,
    vs: (a: string, d: string, more: boolean, base: string, why: string) => `${a} costs ${d} ${more ? "more" : "less"} than ${base}: it ${why}.`,
    equal: (a: string, base: string, why: string) => `${a} costs the same as ${base}: it ${why}.`,
    base: (a: string, why: string) => `${a} ${why}.`,
    budget: (b: string) => `"${METRIC_LABELS.budgetDeviation}" is total paid minus the municipality's budget over the horizon (${b}); positive is an overspend.`,
    obligations: `"Obligations open" are care delivered or committed by a year's end but not yet paid: money that still goes out the year after.`,
    cv: `"${METRIC_LABELS.monthlyVariation}" is the standard deviation of the monthly payments divided by their mean: 0 is the same amount every month, higher is less predictable.`,
    messages: `"${METRIC_LABELS.messages}" counts the messages of the iJw exchange (assignment, start, stop, declaration) the model needs: a measure of administrative burden.`,
    percent: (p: string) => `${p}%`,
  },
} as const;

function whyOf(m: ModelComparison, locale: ReportLocale): string {
  const why = WHY[locale];
  if (m.kind === "effort" && m.ceiling) return why.ceiling!;
  return why[m.kind] ?? why.other!;
}

/** `part ÷ whole` as a percentage with one decimal, from integer cents (half up; no float reaches a total). */
function percentOf(part: number, whole: number, locale: ReportLocale): string {
  const tenths = Number((BigInt(part) * 2000n + BigInt(whole)) / (2n * BigInt(whole)));
  const s = `${Math.floor(tenths / 10)}${locale === "nl" ? "," : "."}${tenths % 10}`;
  return WORDS[locale].percent(s);
}

/**
 * A comparison in plain words, for a council member: which model costs most and least, then for
 * each model one sentence saying how much more or less it costs than the first model and why (by
 * its kind: a budget, volume × tariff, a price per trajectory, …), then what the less obvious
 * measures mean (budget deviation, open obligations, monthly variation, iJw messages). Amounts are
 * the mean over the runs. Dutch by default (`locale: "en"` for English); it quotes the labels of
 * the table in the same language (`formatComparison(c, { locale })`).
 * @example
 * ```ts
 * import { caseloadFromRecords, compare, comparisonSummary } from "jeugdhulp-bekostiging";
 *
 * const caseload = caseloadFromRecords(
 *   [
 *     { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
 *     { id: "t2", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
 *   ],
 *   { window: { start: "2025-12", months: 13 } }, // from December: January pays December's care
 * );
 * const models = [
 *   { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }, { careForm: "verblijf", tariff: "180.00" }] },
 *   { kind: "task", budgets: [{ perYear: "60000.00" }] },
 * ] as const;
 * const comparison = compare(caseload, models, { horizon: { start: "2026-01", months: 12 } });
 * console.log(comparisonSummary(comparison, { locale: "en" })[0]);
 * // → Taakgericht (lumpsum) costs the most (€ 60.000), Inspanningsgericht (p×q) the least (€ 52.080): a difference of € 7.920 (15.2%).
 * ```
 * @category Reports and charts
 */
export function comparisonSummary(comparison: Comparison, options: SummaryOptions = {}): string[] {
  const locale = options.locale ?? "nl";
  const w = WORDS[locale];
  const models = comparison.models;
  if (models.length === 0) return [];
  const euro = (c: number): string => formatEuro(c, { decimals: false });
  const paid = models.map((m) => m.mean.totalPaid);
  const out: string[] = [];
  if (models.length === 1) out.push(w.one(models[0]!.label, euro(paid[0]!)));
  else {
    const hi = paid.indexOf(Math.max(...paid));
    const lo = paid.indexOf(Math.min(...paid));
    if (paid[hi] === paid[lo]) out.push(w.same(euro(paid[hi]!)));
    else {
      const diff = paid[hi]! - paid[lo]!;
      out.push(w.most(models[hi]!.label, euro(paid[hi]!), models[lo]!.label, euro(paid[lo]!), euro(diff), paid[lo]! > 0 ? percentOf(diff, paid[lo]!, locale) : "—"));
    }
  }
  const base = models[0]!;
  out.push(w.base(base.label, whyOf(base, locale)));
  models.slice(1).forEach((m, i) => {
    const d = paid[i + 1]! - paid[0]!;
    out.push(d === 0 ? w.equal(m.label, base.label, whyOf(m, locale)) : w.vs(m.label, euro(Math.abs(d)), d > 0, base.label, whyOf(m, locale)));
  });
  const budgets = base.mean.byYear.map((y) => y.budget);
  if (budgets.length > 0 && budgets.every((b): b is number => b !== null)) out.push(w.budget(euro(budgets.reduce((a, b) => a + b, 0))));
  out.push(w.obligations, w.cv, w.messages);
  return out;
}
