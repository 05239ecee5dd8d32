/**
 * The one-sentence "what this shows" line under each chart of the HTML report, in plain Dutch for
 * council members and in English, keyed by the chart's name as the chart functions return it
 * (`tornado1`, `twoWay2` … share the line of their kind). `{baseline}` stands for the model the
 * differences chart subtracts.
 */
const EXPLANATIONS: Readonly<Record<string, { readonly nl: string; readonly en: string }>> = {
  differences: {
    nl: "Hoeveel elk model per jaar meer (boven nul) of minder (onder nul) betaalt dan {baseline}.",
    en: "How much each model pays per year more (above zero) or less (below zero) than {baseline}.",
  },
  perYear: {
    nl: "Wat elk model per kalenderjaar aan de aanbieders betaalt.",
    en: "What each model pays the providers per calendar year.",
  },
  perProvider: {
    nl: "Wat elke aanbieder onder elk model ontvangt, en wat na de kosten overblijft als de kostprijzen bekend zijn.",
    en: "What each provider receives under each model, and what is left after its costs when cost prices are known.",
  },
  obligations: {
    nl: "Wat de gemeente aan het eind van elk jaar nog moet betalen voor zorg die al geleverd of toegezegd is.",
    en: "What the municipality still owes at each year end for care already delivered or committed.",
  },
  monthlyBands: {
    nl: "Hoe sterk de maandelijkse betalingen van elk model tussen de simulaties schommelen: de lijn is het gemiddelde, de band de gewone spreiding.",
    en: "How much each model's monthly payments vary between runs: the line is the mean, the band the usual range.",
  },
  riskAllocation: {
    nl: "Wie het risico van hogere of lagere zorgkosten draagt: de gemeente of de aanbieders.",
    en: "Who carries the risk of a higher or lower cost of care: the municipality or the providers.",
  },
  budgetAtRisk: {
    nl: "Hoe ver elk model in een ongunstig jaar boven het budget uitkomt.",
    en: "How far each model goes over the budget in an unfavourable year.",
  },
  providerMargins: {
    nl: "Welke aanbieders onder welk model verlies kunnen lijden (links van nul).",
    en: "Which providers can make a loss under which model (left of zero).",
  },
  tornado: {
    nl: "Welke onzekere aannames de uitkomst het meest veranderen, de grootste bovenaan.",
    en: "Which uncertain assumptions change the outcome most, the largest at the top.",
  },
  twoWay: {
    nl: "Hoe de uitkomst verandert als twee onzekere aannames tegelijk verschuiven.",
    en: "How the outcome changes when two uncertain assumptions shift together.",
  },
  reformEffects: {
    nl: "Wat elke hervorming, bovenop de vorige, verandert aan de uitkomst van elk model.",
    en: "What each reform, on top of the ones before, changes in each model's outcome.",
  },
};

/** The "what this shows" line of a chart by its name (a trailing number ignored), or null for a chart without one. */
export function chartExplanation(name: string, locale: "nl" | "en", baseline = ""): string | null {
  const entry = EXPLANATIONS[name.replace(/\d+$/, "")];
  return entry ? entry[locale].replace("{baseline}", baseline) : null;
}
