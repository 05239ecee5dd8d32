import type { RecoveryInitiativeInput } from "./recoveryInitiative.js";

/*
 * An example recovery initiative (ZHI) for `simulateRecoveryInitiative`. The VNG/MIND guide (seed
 * 002) describes costs and benefits, structural versus project funding, and an initiative that
 * closed for lack of stable funding, but gives no amounts: every number here is an estimate with
 * its reasoning, to be replaced by a municipality's own.
 */

/**
 * A walk-in recovery centre of about 50 participants, funded three ways at the same price level
 * (€180,000 a year, or €300 per participant-month), so the comparison shows continuity risk and
 * who can be billed, not a difference in price. Every number is an estimate (see the file's
 * comments). Treat it as read-only: spread it to vary it.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const ZHI_EXAMPLE: RecoveryInitiativeInput = {
  // estimate: five years, a council term and a bit: long enough for a yearly project subsidy to lapse
  horizon: { start: "2026-01", months: 60 },
  seed: 2026, // estimate: any seed will do; the first year, as in the library's default scenario
  runs: 1000, // estimate: enough runs for stable P5 / P95 of the closure timing, and fast (well under a second)
  initiative: {
    name: "Herstelcentrum (example)",
    participantsPerMonth: 50, // estimate: a walk-in recovery centre in a mid-sized municipality with about 50 regular participants
    // estimate: 1.5 FTE paid coordination ≈ €110,000 with employer costs, rent ≈ €30,000,
    // activities, training and volunteer allowances for peer workers (ervaringsdeskundigen) ≈ €40,000
    runningCostPerYear: "180000.00",
  },
  structural: {
    perYear: "180000.00", // estimate: covers the running cost, so only continuity differs from the project subsidy
  },
  project: {
    perYear: "180000.00", // estimate: the same amount as the structural subsidy, so the difference is the continuity risk alone
    // estimate: the guide says existing initiatives do fall over ("reeds bestaande initiatieven omvallen")
    // but gives no rate; three renewals in four is a parameter to vary
    renewalProbability: 0.75,
  },
  procurement: {
    pricePerParticipantMonth: "300.00", // estimate: the running cost per participant-month, €180,000 ÷ (50 × 12)
    // estimate: a fifth of the participants walk in anonymously or without a referral, as low-threshold
    // initiatives intend, and cannot be billed per participant
    billablePercent: "80",
  },
  regularCare: {
    startPercent: "40", // estimate: the share of participants who turn to regular care (Wmo support, mental-health care) when the centre closes
    // estimate: 75 hours of ambulant support × €80, an hourly rate at the top of "ambulant €51–78/hour
    // (jeugd-GGZ up to €112)" (domain.md; youth-care tariffs, for lack of adult figures)
    costPerTrajectory: "6000.00",
    durationMonths: 12, // estimate: "≈ 1.0–1.15 years without stay" (domain.md, mean duration of youth care), taken for adults too
  },
  avoidedCare: {
    // estimate: 25 regular-care trajectories avoided per 100 participants per year of taking part; the
    // guide names avoided care as a benefit but not its size — vary it (the break-even here is 60)
    percentPerYear: "25",
    costPerTrajectory: "6000.00", // estimate: the same trajectory as regularCare.costPerTrajectory
  },
};
