import fc from "fast-check";

// CI runs the property suites with a fixed seed, so a submission lands or fails on its own merits;
// local runs draw a new seed each time to keep looking for counterexamples (FC_SEED pins one).
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261122" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
