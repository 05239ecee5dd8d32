export { type Cents, MAX_CENTS, assertCents, addCents, eurosToCents, centsToDecimal } from "./cents.js";
export { type RoundingMode, divRound, divRoundBig, roundDecimalCents, percentOf, percentOfEach } from "./rounding.js";
export { allocate, splitEvenly, percentWeights } from "./allocate.js";
export { formatEuro } from "./format.js";
export { MoneySchema, NonNegativeMoneySchema, PercentSchema, SharePercentSchema, requireHundred, type MoneyInput } from "./schema.js";
