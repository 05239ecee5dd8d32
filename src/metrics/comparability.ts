import type { Caseload } from "../caseload/caseload.js";
import { formatMonth, horizonEnd, type Horizon } from "../period.js";
import type { Metrics } from "./metrics.js";
import type { Notice } from "../locale/notice.js";

/** What the comparability check needs of a model: its label, kind and metrics. */
export interface ComparedModel {
  readonly label: string;
  readonly kind: string;
  readonly metrics: Metrics;
}

/** Kinds that pay per trajectory at its start or closure rather than per month of care. */
const PER_TRAJECTORY = new Set(["trajectory", "output"]);

/**
 * Warnings for what makes the models' totals not comparable as they stand (issue: "a trajectory
 * model paid €0 to a foster-care provider and nothing warned"):
 * - trajectories in care during the horizon that started before it, under a model that pays at a
 *   trajectory's start (trajectory, output): their start payments fell before the horizon, so its
 *   total leaves out part of their price while a per-month model counts all their months;
 * - a provider that delivered care in the horizon but was paid nothing in it under a model (its
 *   trajectories started before the horizon and are still open, say);
 * - ceilings reached under a model: its total is capped, not the cost of the care.
 * Care before the caseload's window is warned about by the projection itself.
 */
export function comparabilityWarnings(c: Caseload, h: Horizon, models: readonly ComparedModel[]): Notice[] {
  const warnings: Notice[] = [];
  const last = horizonEnd(h);
  let startedBefore = 0;
  const inCare = new Uint8Array(c.providers.length);
  const { start, end, provider, size } = c;
  for (let t = 0; t < size; t++) {
    const s = start[t]!;
    const e = end[t]!;
    if (s > last || e < h.start) continue;
    inCare[provider[t]!] = 1;
    if (s < h.start) startedBefore++;
  }
  const perTrajectory = models.filter((m) => PER_TRAJECTORY.has(m.kind));
  if (startedBefore > 0 && perTrajectory.length > 0 && perTrajectory.length < models.length) {
    const labels = perTrajectory.map((m) => m.label);
    const one = startedBefore === 1;
    const month = formatMonth(h.start);
    warnings.push({
      en:
        `${startedBefore} ${one ? "trajectory" : "trajectories"} in care in the horizon started before it (${month}): ${labels.join(" and ")} paid ${one ? "its" : "their"} start before the horizon, ` +
        `so these totals leave out part of the price while per-month models count every month of care in the horizon; compare over a longer horizon, or read the differences as timing.`,
      nl:
        `${startedBefore} ${one ? "traject" : "trajecten"} in zorg in de horizon ${one ? "is" : "zijn"} ervóór begonnen (${month}): ${labels.join(" en ")} ${perTrajectory.length === 1 ? "betaalde" : "betaalden"} de start vóór de horizon, ` +
        `dus deze totalen laten een deel van de prijs weg, terwijl modellen per maand elke maand zorg in de horizon tellen; vergelijk over een langere horizon, of lees de verschillen als timing.`,
    });
  }
  for (const m of models) {
    const unpaid = m.metrics.marginByProvider.filter((p) => {
      const i = c.providers.indexOf(p.provider);
      return i >= 0 && inCare[i] === 1 && p.paid === 0;
    });
    // A provider without any line has no entry: it was paid nothing either.
    const listed = new Set(m.metrics.marginByProvider.map((p) => p.provider));
    const absent = c.providers.filter((p, i) => inCare[i] === 1 && !listed.has(p));
    const names = [...unpaid.map((p) => p.provider), ...absent];
    if (names.length > 0 && !m.metrics.marginByProvider.some((p) => p.provider === "(all providers)")) {
      const one = names.length === 1;
      const quoted = names.map((n) => `"${n}"`).join(", ");
      warnings.push({
        en:
          `${m.label} pays ${one ? "provider" : "providers"} ${quoted} nothing in the horizon although ${one ? "it delivers" : "they deliver"} care in it ` +
          `(trajectories started before the horizon and not closed in it, under payment at start or closure): the totals differ by when this care is paid, not by what it costs.`,
        nl:
          `${m.label} betaalt ${one ? "aanbieder" : "aanbieders"} ${quoted} niets in de horizon, hoewel ${one ? "die" : "zij"} er zorg in ${one ? "levert" : "leveren"} ` +
          `(trajecten begonnen vóór de horizon en er niet in afgesloten, bij betaling bij start of afsluiting): de totalen verschillen in wanneer deze zorg betaald wordt, niet in wat zij kost.`,
      });
    }
    if (m.metrics.ceilingsReached > 0) {
      const n = m.metrics.ceilingsReached;
      warnings.push({
        en: `${m.label} reached its ceiling ${n} time(s) (provider × year): its total is capped, and the care above the ceiling is unpaid or waits.`,
        nl: `${m.label} bereikte ${n} keer een plafond (aanbieder × jaar): het totaal is begrensd, en de zorg boven het plafond wordt niet betaald of wacht.`,
      });
    }
  }
  return warnings;
}
