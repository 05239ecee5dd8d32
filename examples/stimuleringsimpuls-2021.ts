/**
 * Stimuleringsimpuls maatwerk 2021 — Utrecht/Flevoland (seed 001).
 *
 * The provinces' six youth-care regions (jeugdregio's) shared a grant pool for custom solutions
 * (maatwerkoplossingen) that keep children from being placed out of home or moved again:
 * start-up and development costs, consultation, advice, organising help — not the care itself,
 * which the municipality pays. In 2021 at most €525,000 was reserved (gereserveerd), with no split
 * per municipality or region; when requests would leave too little for the other regions, a
 * temporary stop (tijdelijke stop) could be set. Budget could be shifted to or from the pool for
 * non-case-bound solutions, or spread over months or quarters.
 *
 * A request goes through the region's expert team (expertteam). No costs already incurred. The
 * assessment committee (beoordelingscommissie) decides within 5 working days (werkdagen), unless
 * the amount is over €70,000 (€150,000 for adapting real estate, vastgoedaanpassing) or more
 * information is needed; urgent requests are handled sooner. An approval is a commission letter
 * (opdrachtbrief) for at most the amount asked; payment follows delivery, by invoice (factuur),
 * never above the letter. Guarantees (garantstelling) up to a maximum amount, and bridging
 * solutions (overbruggingsoplossingen), are possible. The version of the scheme in force on the
 * date a request is received (ontvangstdatum) decides.
 *
 * The source gives no review time for the long track, no reserve, no guarantee maximum and no
 * request volumes: the numbers marked "illustrative" below are ours, as are the regions' weights
 * and the second version of the rules (a plausible outcome of the evaluation at the end of June
 * 2021 the source announces) and the transfer in October. Run: `npx tsx examples/stimuleringsimpuls-2021.ts`;
 * the same year from a scenario file: `npx jeugdhulp-bekostiging run scenarios/stimuleringsimpuls-2021.json`.
 */
import {
  formatGrantDecisions,
  formatGrantPool,
  generateGrantRequests,
  simulateGrantPool,
  type GrantPoolInput,
  type GrantPoolOptions,
  type GrantPoolResult,
  type GrantRequestInput,
  type GrantRequestSpecInput,
  type GrantRulesInput,
} from "../src/index.js";

const rules2021: GrantRulesInput = {
  yearlyCap: "525000.00", // the source: "maximaal budget van € 525.000"
  reserve: "50000.00", // illustrative: the temporary stop keeps €50,000 for other regions
  reviewDays: 5,
  largeAmount: "70000.00",
  largeRealEstateAmount: "150000.00",
  extendedReviewDays: 20, // illustrative: the source names no time for the exceptional long review
  urgentDays: 2, // illustrative: "sneller dan binnen 5 werkdagen"
  guaranteeMaximum: "50000.00", // illustrative: "tot een maximaal bedrag"
  bridgingAllowed: true,
  paymentTermDays: 30,
};

/** The pool: the 2021 rules, a hypothetical second version from 1 July, and a hypothetical transfer in October. */
export const stimuleringsimpuls2021: GrantPoolInput = {
  name: "Stimuleringsimpuls maatwerk 2021",
  rules: [
    { from: "2021-01-01", value: rules2021 },
    { from: "2021-07-01", value: { ...rules2021, urgentDays: 1 } }, // hypothetical: urgent requests within 1 working day
  ],
  transfers: [{ date: "2021-10-01", amount: "75000.00", direction: "in", counterpart: "niet-casuïstiekgebonden stimuleringsimpuls" }],
};

/** A year of synthetic requests from the six regions (weights and volumes illustrative). */
export const requestSpec: GrantRequestSpecInput = {
  start: "2021-01",
  months: 12,
  requestsPerMonth: 5,
  amount: { mean: "22000.00", cv: 0.9 },
  amountByKind: { realEstate: { mean: "85000.00", cv: 0.5 }, guarantee: { mean: "30000.00", cv: 0.5 } },
  kinds: { maatwerk: 70, realEstate: 8, guarantee: 10, bridging: 12 },
  urgentShare: 0.25,
  incurredShare: 0.05,
  missingInfoShare: 0.15,
  regions: [
    { name: "Flevoland", weight: 3 },
    { name: "Lekstroom", weight: 1 },
    { name: "Regio Amersfoort", weight: 2 },
    { name: "Utrecht Stad", weight: 3 },
    { name: "Utrecht West", weight: 1 },
    { name: "Zuidoost Utrecht", weight: 2 },
  ],
  deliveryDelayDays: { mean: 75, cv: 0.5 },
  invoicePercent: { min: 75, max: 105 }, // illustrative: now and then an invoice above the commission letter (paid up to it)
  guaranteeCallProbability: 0.3,
  guaranteeCallPercent: { min: 40, max: 100 },
};

/** The seed of the synthetic requests. */
export const SEED = 2021;

/** Months reported: the scheme's year. */
export const options: GrantPoolOptions = { horizon: { start: "2021-01", months: 12 } };

/**
 * Four requests worked out by hand (see test/examples/stimuleringsimpuls.test.ts): Koningsdag,
 * Hemelvaart and Pinkstermaandag move the decision dates; a real-estate request of €120,000 keeps
 * the 5-day review; costs already incurred are refused; a guarantee is paid only as far as called.
 */
export const workedRequests: GrantRequestInput[] = [
  { id: "W1", region: "Utrecht Stad", kind: "maatwerk", amount: "12500.00", receivedDate: "2021-04-23", deliveryDate: "2021-06-15", invoicedAmount: "11250.00" },
  { id: "W2", region: "Flevoland", kind: "realEstate", amount: "120000.00", receivedDate: "2021-05-10", deliveryDate: "2021-09-01" },
  { id: "W3", region: "Regio Amersfoort", kind: "maatwerk", amount: "8000.00", costsAlreadyIncurred: true, receivedDate: "2021-05-11", deliveryDate: "2021-06-01" },
  {
    id: "W4",
    region: "Lekstroom",
    kind: "guarantee",
    amount: "30000.00",
    urgent: true,
    receivedDate: "2021-05-20",
    deliveryDate: "2021-12-31",
    calledAmount: "10000.00",
    calledDate: "2021-08-02",
  },
];

/** The year of synthetic requests and the worked example, through the simulation. */
export function runExample(): { synthetic: GrantPoolResult; worked: GrantPoolResult } {
  const requests = generateGrantRequests(requestSpec, SEED);
  return {
    synthetic: simulateGrantPool(stimuleringsimpuls2021, requests, options),
    worked: simulateGrantPool(stimuleringsimpuls2021, workedRequests, options),
  };
}

if (process.argv[1]?.endsWith("stimuleringsimpuls-2021.ts")) {
  const { synthetic, worked } = runExample();
  console.log(`Stimuleringsimpuls maatwerk 2021 — Utrecht/Flevoland: a year of synthetic requests (seed ${SEED})\n`);
  console.log(formatGrantPool(synthetic));
  console.log("\nWorked example: four requests in an otherwise empty pool\n");
  console.log(formatGrantDecisions(worked));
  console.log(
    "\nThe pool commits what is asked, pays what is invoiced (never more), and the difference flows back;" +
      "\nthe reserve stops commitments before the last regions are left with nothing, and releases lift the stop again.",
  );
}
