/**
 * Comparability warnings: what makes the models' totals not comparable as they stand, said under
 * the comparison (issue 9: a trajectory model paid €0 to a foster-care provider, and nothing warned).
 */
import { describe, expect, it } from "vitest";
import { caseloadFromRecords, compare, formatComparison, type ModelConfig } from "../../src/index.js";

const WINDOW = { start: "2025-06", months: 19 };
const HORIZON = { horizon: { start: "2026-01", months: 12 } };
const base = { municipality: "G", careForm: "ambulant", unit: "04", use: 600 } as const;
const EFFORT: ModelConfig = { kind: "effort", tariffs: [{ careForm: "ambulant", tariff: "70.00" }] };
const TRAJECTORY: ModelConfig = { kind: "trajectory", amounts: [{ profile: "p", amount: "2500.00" }] };

describe("comparability warnings", () => {
  it("say when trajectories started before the horizon and a provider is paid nothing under payment at start or closure", () => {
    const c = caseloadFromRecords(
      [
        { ...base, id: "old", provider: "Pleegzorg", profile: "p", start: "2025-08", end: null, outcome: "open" },
        { ...base, id: "new", provider: "Noord", profile: "p", start: "2026-03", end: "2026-05", outcome: "achieved" },
      ],
      { window: WINDOW },
    );
    const w = compare(c, [EFFORT, TRAJECTORY], HORIZON).warnings;
    expect(w).toContain(
      "1 trajectory in care in the horizon started before it (2026-01): Trajectfinanciering paid its start before the horizon, so these totals leave out part of the price while per-month models count every month of care in the horizon; compare over a longer horizon, or read the differences as timing.",
    );
    expect(w.filter((x) => x.startsWith("Trajectfinanciering pays"))).toEqual([
      'Trajectfinanciering pays provider "Pleegzorg" nothing in the horizon although it delivers care in it (trajectories started before the horizon and not closed in it, under payment at start or closure): the totals differ by when this care is paid, not by what it costs.',
    ]);
    // Under p×q the same provider is paid every month: no warning for that model.
    expect(w.some((x) => x.startsWith("Inspanningsgericht"))).toBe(false);
  });

  it("say nothing when every trajectory starts inside the horizon", () => {
    const c = caseloadFromRecords([{ ...base, id: "new", provider: "Noord", profile: "p", start: "2026-03", end: "2026-05", outcome: "achieved" }], { window: WINDOW });
    expect(compare(c, [EFFORT, TRAJECTORY], HORIZON).warnings).toEqual([]);
  });

  it("say when a ceiling was reached, with the capped total", () => {
    const c = caseloadFromRecords([{ ...base, id: "a", provider: "Noord", profile: "p", start: "2026-01", end: "2026-12", outcome: "achieved" }], { window: WINDOW });
    // 10 hours × €70 = €700 a month: €8,400 of care in 2026 against a ceiling of €2,000.
    const capped: ModelConfig = { ...EFFORT, label: "Met plafond", ceiling: { amounts: [{ provider: "Noord", perYear: "2000.00" }], behaviour: "providerBears" } };
    const r = compare(c, [capped], HORIZON);
    expect(r.models[0]!.metrics.totalPaid).toBeLessThanOrEqual(2_000_00);
    expect(r.warnings.filter((x) => x.startsWith("Met plafond reached"))).toEqual([
      expect.stringMatching(/^Met plafond reached its ceiling 1 time\(s\) \(provider × year\): its total is capped, and the care above the ceiling is unpaid or waits\.$/),
    ]);
  });

  it("say the same in Dutch, for the command line and the report, and once in the table's notes", () => {
    const c = caseloadFromRecords(
      [
        { ...base, id: "old", provider: "Pleegzorg", profile: "p", start: "2025-08", end: null, outcome: "open" },
        { ...base, id: "old2", provider: "Pleegzorg", profile: "p", start: "2025-09", end: null, outcome: "open" },
        { ...base, id: "new", provider: "Noord", profile: "p", start: "2026-03", end: "2026-05", outcome: "achieved" },
      ],
      { window: WINDOW },
    );
    const capped: ModelConfig = { ...EFFORT, label: "Met plafond", ceiling: { amounts: [{ provider: "Noord", perYear: "500.00" }], behaviour: "providerBears" } };
    const r = compare(c, [capped, TRAJECTORY], HORIZON);
    expect(r.notices.map((n) => n.en)).toEqual(r.warnings);
    expect(r.notices.map((n) => n.nl)).toEqual([
      "2 trajecten in zorg in de horizon zijn ervóór begonnen (2026-01): Trajectfinanciering betaalde de start vóór de horizon, dus deze totalen laten een deel van de prijs weg, terwijl modellen per maand elke maand zorg in de horizon tellen; vergelijk over een langere horizon, of lees de verschillen als timing.",
      "Met plafond bereikte 1 keer een plafond (aanbieder × jaar): het totaal is begrensd, en de zorg boven het plafond wordt niet betaald of wacht.",
      'Trajectfinanciering betaalt aanbieder "Pleegzorg" niets in de horizon, hoewel die er zorg in levert (trajecten begonnen vóór de horizon en er niet in afgesloten, bij betaling bij start of afsluiting): de totalen verschillen in wanneer deze zorg betaald wordt, niet in wat zij kost.',
    ]);
    const table = formatComparison(r, { locale: "nl" });
    expect(table.match(/^Let op: /gm)).toHaveLength(3);
    expect(table).not.toContain("Note:");
    expect(formatComparison(r).match(/^Note: /gm)).toHaveLength(3);
  });
});
