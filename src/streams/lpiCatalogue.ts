import type { InterventionCatalogueInput } from "./interventions.js";

/*
 * A small example catalogue of low-threshold psychosocial interventions (LPI's) for displaced
 * young people and their parents, in the spirit of the choice aid of seed 000 (by age group, goal
 * and form). The source names the criteria but gives no prices, group sizes or effects, so every
 * cost and number below is an estimate with its reasoning. Session costs are built from one
 * hourly rate — estimate: a facilitator hour at €70, inside "ambulant €51–78/hour" (the regional
 * tariffs 2020–2024 in shared/domain.md) — times the hours, plus room and materials.
 * Interventions are described "in the style of" known programmes; the figures are not those
 * programmes' own.
 */

/**
 * An example LPI catalogue with four age groups and nine interventions: group and individual
 * forms for resilience (prevention) and for reducing complaints. Every amount is an estimate (see
 * the source file's comments), including each `inflowReductionPercent`, which is an illustrative
 * parameter, not evidence. Treat it as read-only: spread it to make your own.
 * @category Interventions (LPI) and recovery initiatives (ZHI)
 */
export const LPI_CATALOGUE: InterventionCatalogueInput = {
  name: "Example LPI catalogue (estimates, not prices of real programmes)",
  // estimate: the Jeugdwet's age range split as schools and youth care usually do (young children,
  // primary school, secondary school, 18–23 for youth care extended past 18); the source asks for age groups.
  ageGroups: ["0-4", "4-12", "12-18", "18-23"],
  interventions: [
    {
      name: "Parent–toddler group",
      ageGroups: ["0-4"],
      goal: "resilience",
      form: "group",
      groupSize: {
        min: 4, // estimate: below four parent–child pairs the group loses the social support that is its point
        max: 8, // estimate: what two facilitators can follow in one room with toddlers present
      },
      sessions: 8, // estimate: weekly meetings over two months
      costPerSession: "400.00", // estimate: 2 facilitators × 2.5 h (incl. preparation) × €70 = €350, + €50 room and play materials
      costPerParticipant: "60.00", // estimate: an intake visit of about 50 minutes × €70/h ≈ €58, rounded to €60
      inflowReductionPercent: "2", // estimate: illustrative parameter, not evidence; vary it
      notes: "A participant is one parent with a young child (ouder-kindgroep). Plan a Ukrainian-speaking facilitator or interpreter.",
    },
    {
      name: "Parent–child sessions for young children with stress complaints",
      ageGroups: ["0-4"],
      goal: "reducingComplaints",
      form: "individual",
      sessions: 6, // estimate: a short course of home visits, every one or two weeks
      costPerSession: "105.00", // estimate: 1.5 h (1 h session at home + travel and notes) × €70
      inflowReductionPercent: "5", // estimate: illustrative parameter, not evidence; vary it
      notes: "A participant is one parent with a young child; sessions at home keep the threshold low and the family's privacy.",
    },
    {
      name: "Movement-based resilience group for children",
      ageGroups: ["4-12", "12-18"],
      goal: "resilience",
      form: "group",
      groupSize: {
        min: 8, // estimate: enough children for the games and team activities to work
        max: 15, // estimate: the most three facilitators can keep safe in a gym
      },
      sessions: 10, // estimate: weekly sessions over a school term
      costPerSession: "300.00", // estimate: 3 facilitators × 1.25 h (1 h session + preparation) × €70 = €262.50, + €37.50 gym hire
      inflowReductionPercent: "3", // estimate: illustrative parameter, not evidence; vary it
      evidence: "In the style of TeamUp (War Child, Save the Children, UNICEF Nederland): play and movement to strengthen resilience.",
      notes: "Low threshold: no screening, so no per-participant cost.",
    },
    {
      name: "Skills group for young teenagers with caregiver sessions",
      ageGroups: ["4-12", "12-18"],
      goal: "reducingComplaints",
      form: "group",
      groupSize: {
        min: 6, // estimate: fewer makes the exercises in pairs and the peer support thin
        max: 10, // estimate: small enough for two facilitators to notice each child's complaints
      },
      sessions: 10, // estimate: 7 sessions for the young people and 3 for their caregivers, as in the WHO EASE format
      costPerSession: "350.00", // estimate: 2 facilitators × 2.5 h (incl. preparation) × €70
      costPerParticipant: "75.00", // estimate: a screening conversation of about an hour (€70) + €5 workbook
      inflowReductionPercent: "5", // estimate: illustrative parameter, not evidence; vary it
      evidence: "In the style of WHO Early Adolescent Skills for Emotions (EASE), for ages 10–14, so it spans two age groups.",
    },
    {
      name: "Individual trauma-focused help for adolescents",
      ageGroups: ["12-18"],
      goal: "reducingComplaints",
      form: "individual",
      sessions: 8, // estimate: a short trauma-focused course of weekly sessions
      costPerSession: "112.00", // estimate: one hour at the top of the youth mental-health tariffs, "jeugd-GGZ up to €112" (domain.md): a qualified therapist
      inflowReductionPercent: "10", // estimate: illustrative parameter, not evidence; vary it
      notes: "Individual: privacy and a targeted approach, flexible planning, at the highest cost per participant.",
    },
    {
      name: "Individual problem-solving support for young adults",
      ageGroups: ["18-23"],
      goal: "reducingComplaints",
      form: "individual",
      sessions: 5, // estimate: five sessions, as in the WHO PM+ format
      costPerSession: "105.00", // estimate: 1.5 h (session + notes) × €70
      inflowReductionPercent: "5", // estimate: illustrative parameter, not evidence; vary it
      evidence: "In the style of WHO Problem Management Plus (PM+), delivered by trained non-specialist helpers.",
    },
    {
      name: "Group problem-solving support for young adults",
      ageGroups: ["18-23"],
      goal: "reducingComplaints",
      form: "group",
      groupSize: {
        min: 6, // estimate: a small group, so each participant's problem gets attention
        max: 8, // estimate: as above; larger groups leave too little time per participant
      },
      sessions: 5, // estimate: five sessions, as in the WHO Group PM+ format
      costPerSession: "450.00", // estimate: 2 facilitators × 3 h (2 h session + preparation and notes) × €70 = €420, + €30 room
      inflowReductionPercent: "5", // estimate: illustrative parameter, not evidence; the same as the individual form, to compare cost alone
      evidence: "In the style of WHO Group Problem Management Plus: the individual programme in a group.",
    },
    {
      name: "Parenting support group for displaced parents",
      ageGroups: ["0-4", "4-12", "12-18"],
      goal: "resilience",
      form: "group",
      groupSize: {
        min: 6, // estimate: enough parents to share experiences
        max: 12, // estimate: the most one conversation can hold in two hours
      },
      sessions: 6, // estimate: fortnightly over three months
      costPerSession: "320.00", // estimate: 2 facilitators × 2 h × €70 = €280, + €40 room and childcare corner
      inflowReductionPercent: "2", // estimate: illustrative parameter, not evidence; vary it
      notes: "A participant is one parent (or family); the children are counted in the age group the parenting is about.",
    },
    {
      name: "Peer support group for young adults",
      ageGroups: ["18-23"],
      goal: "resilience",
      form: "group",
      groupSize: {
        min: 6, // estimate: enough peers for a conversation
        max: 12, // estimate: as the parenting group
      },
      sessions: 8, // estimate: fortnightly over four months
      costPerSession: "180.00", // estimate: one professional 1.5 h × €70 = €105, + €40 allowance for a peer facilitator, + €35 room
      inflowReductionPercent: "1", // estimate: illustrative parameter, not evidence; vary it
      notes: "Led by a trained peer (ervaringsdeskundige) with a professional in the background.",
    },
  ],
};
