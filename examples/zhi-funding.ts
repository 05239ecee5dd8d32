// Funding a recovery initiative (seed 002: VNG/MIND, "Handreiking voor financiering en inbedding van
// zelfregie- en herstelinitiatieven").
//
// A zelfregie- en herstelinitiatief (ZHI) is run by and for people with a psychiatric vulnerability:
// a walk-in place between care and welfare, where peer workers (ervaringsdeskundigen) support
// recovery. The guide's worry is continuity: many initiatives live on a yearly project subsidy
// (projectsubsidie) instead of a structural subsidy (structurele subsidie), and the guide tells of
// one that had to close its doors for unclear policy and lack of funding. When an initiative
// closes, its participants turn to regular care, and the care it avoided (its benefit: vermeden
// zorg) is no longer avoided. A municipality can also buy the initiative's work per participant
// (inkoop), which pays only for participants it can bill.
//
// This script compares the three ways for the example centre ZHI_EXAMPLE (every number an
// estimate, see src/streams/zhiExample.ts): the project subsidy is renewed each year with a chance
// of 3 in 4, drawn in 1,000 seeded runs; means are shown with the P5–P95 range of the cost.
import { formatRecoveryComparison, simulateRecoveryInitiative } from "../src/index.js";
import { ZHI_EXAMPLE } from "../src/streams/zhiExample.js";

// The same comparison from a scenario file: `npx jeugdhulp-bekostiging run scenarios/zhi-funding.json`.
console.log(formatRecoveryComparison(simulateRecoveryInitiative(ZHI_EXAMPLE)));
