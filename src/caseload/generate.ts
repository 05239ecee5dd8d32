import { FundingInputError, fromZodIssues } from "../errors.js";
import { daysInMonth, parseMonth, type Horizon, type Month } from "../period.js";
import { cumulative, Rng } from "../random.js";
import { buildCaseload, type TrajectoryRow } from "./builder.js";
import { useLength, type Caseload } from "./caseload.js";
import { CARE_FORMS, maxUseInMonth, OPEN_END, OUTCOME_OPEN, UNIT_CODES } from "./codes.js";
import { GENERAL_TARGET_GROUP, UNKNOWN_AGE_GROUP } from "./names.js";
import { CaseloadSpecSchema, type CaseloadSpec, type CaseloadSpecInput } from "./spec.js";

/** Longest duration a trajectory can draw, in months (100 years): keeps month arithmetic in 32 bits. */
const MAX_DURATION = 1200;
/** Rejection-sampling attempts for one running trajectory's duration before settling on 2 months. */
const MAX_TRIES = 1000;
/** Largest value a month's use can hold. */

/**
 * Generates a synthetic caseload (trajectories with monthly use) from a spec and a seed.
 *
 * - **Running trajectories** (`initialStock`): started before the window and still in care at its
 *   first month. Their duration is length-biased (a trajectory running at a given moment is more
 *   likely a long one): intensity and duration are drawn jointly, weighted by the number of months
 *   before the window in which the trajectory could have started (duration − 1); the months already
 *   elapsed are uniform in 1 … duration − 1.
 * - **Arrivals**: per month a Poisson number of new clients, with mean `arrivalsPerMonth`, grown by
 *   `trendPercentPerYear` (compounding monthly) and scaled by the normalised seasonal factor of the
 *   calendar month.
 * - **Re-entry** (herinstroom): after a trajectory closes inside the window, with the profile's
 *   probability the same client starts a new trajectory of the same profile 1 … `withinMonths`
 *   months later; this can repeat. When the profile has a running stock (the region is already in
 *   care), the re-entries of trajectories that closed in the months before the window arrive too:
 *   by Little's law about S = initialStock ÷ mean duration trajectories closed each month before
 *   the window, so in window month k (0-based) a Poisson number with mean S × p × (withinMonths −
 *   k) ÷ withinMonths re-enter, as clients whose earlier trajectory lies before the window.
 *   Without them the first year would start about p ÷ 2 too few trajectories.
 * - A trajectory still running after the window ends is open (`end` = OPEN_END, outcome `open`).
 *
 * Determinism and common random numbers: the same spec and seed give a bit-identical caseload.
 * Each profile draws from its own streams, so adding or changing one profile leaves the others'
 * trajectories unchanged; within a profile, arrivals, running trajectories, re-entries and monthly
 * use each have their own stream, and draws are made month by month with a fixed number per
 * trajectory (an outcome is drawn even for a trajectory that ends up open). Extending the window
 * therefore leaves every trajectory starting inside the shorter window unchanged, apart from
 * trajectories that close (instead of staying open) in the added months.
 *
 * Ids are `${profile}-${n}` (n counts per profile from 1); client numbers are unique integers from
 * 1, shared by a client's re-entries. Names are indexed in spec order; intensity names in order of
 * first appearance over the profiles.
 *
 * @throws FundingInputError when the spec is invalid (each issue with its path) or the seed is not
 *   a safe integer.
 */
export function generateCaseload(spec: CaseloadSpecInput, seed: number): Caseload {
  const parsed = CaseloadSpecSchema.safeParse(spec);
  if (!parsed.success) throw new FundingInputError("caseload spec", fromZodIssues(parsed.error.issues));
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new FundingInputError("caseload seed", [
      { code: "invalid_type", path: ["seed"], message: `seed must be a safe integer, got ${String(seed)}` },
    ]);
  }
  return generate(parsed.data, seed);
}

/** One profile's trajectories in generation order, before the window's end is applied. */
interface ProfileDraws {
  start: number[];
  /** True last month (may lie after the window). */
  end: number[];
  intensity: number[];
  municipality: number[];
  provider: number[];
  outcome: number[];
  client: number[];
}

function generate(spec: CaseloadSpec, seed: number): Caseload {
  const window: Horizon = { start: parseMonth(spec.window.start), months: spec.window.months };
  const W = window.start;
  const E = W + window.months - 1;

  const intensityIndex = new Map<string, number>();
  for (const p of spec.profiles) for (const x of p.intensities) if (!intensityIndex.has(x.name)) intensityIndex.set(x.name, intensityIndex.size);
  // Age and target groups: names in order of first appearance over the profiles, a default when a profile gives none.
  const groupIndex = (key: "ageGroups" | "targetGroups", fallback: string): Map<string, number> => {
    const index = new Map<string, number>();
    for (const p of spec.profiles) for (const g of p[key] ?? [{ name: fallback }]) if (!index.has(g.name)) index.set(g.name, index.size);
    return index;
  };
  const ageIndex = groupIndex("ageGroups", UNKNOWN_AGE_GROUP);
  const targetIndex = groupIndex("targetGroups", GENERAL_TARGET_GROUP);
  const municipalityCum = cumulative(spec.municipalities.map((m) => m.weight));

  const rows: TrajectoryRow[] = [];
  const useLengths: number[] = [];
  const fills: { draws: ProfileDraws; groups: number[][]; use: Rng[]; profile: ProfileParams; rowBase: number }[] = [];
  let nextClient = 1;

  spec.profiles.forEach((profile, profileIndex) => {
    const params = profileParams(spec, profile, intensityIndex);
    const root = `profile:${profile.name}`;
    const draws: ProfileDraws = { start: [], end: [], intensity: [], municipality: [], provider: [], outcome: [], client: [] };
    const parentOf = new Map<number, number>(); // re-entry → the trajectory it follows
    const firstGroup: number[] = []; // running at the window start, and arrivals
    const reentryGroup: number[] = [];
    const preWindowGroup: number[] = []; // re-entries after closures before the window
    const pending: number[][] = Array.from({ length: window.months }, () => []);

    const schedule = (t: number, rng: Rng): void => {
      // Always two draws, whether or not the trajectory closes inside the window.
      const u = rng.next();
      const gap = 1 + rng.int(params.reentryWithin);
      const end = draws.end[t]!;
      if (end <= E && u < params.reentryProbability && end + gap <= E) pending[end + gap - W]!.push(t);
    };
    const common = (t: number, rng: Rng, municipality: number, client: number): void => {
      draws.municipality[t] = municipality;
      draws.provider[t] = params.providers[rng.pick(params.providerCum)]!;
      draws.outcome[t] = 1 + rng.pick(params.outcomeCum);
      draws.client[t] = client;
    };
    const fresh = (t: number, rng: Rng, start: Month, municipality: number, client: number): void => {
      const i = rng.pick(params.intensityCum);
      const d = durationDraw(params, i, rng);
      draws.start[t] = start;
      draws.end[t] = start + d - 1;
      draws.intensity[t] = i;
      common(t, rng, municipality, client);
    };

    // Trajectories running at the window start.
    const stock = new Rng(seed, `${root}:stock`);
    for (let n = 0; n < profile.initialStock; n++) {
      const t = draws.start.length;
      let i = 0;
      let d = 2;
      if (params.stockMax >= 2) {
        let tries = 0;
        for (;;) {
          i = stock.pick(params.intensityCum);
          const x = Math.min(durationDraw(params, i, stock), params.stockMax);
          const accept = stock.next();
          if (x >= 2 && accept * (params.stockMax - 1) < x - 1) {
            d = x;
            break;
          }
          if (++tries >= MAX_TRIES) break;
        }
      } else {
        i = stock.pick(params.intensityCum);
      }
      const elapsed = 1 + stock.int(d - 1);
      draws.start[t] = W - elapsed;
      draws.end[t] = W - elapsed + d - 1;
      draws.intensity[t] = i;
      common(t, stock, stock.pick(municipalityCum), nextClient++);
      schedule(t, stock);
      firstGroup.push(t);
    }

    // Month by month: re-entries scheduled for this month, then new clients.
    const counts = new Rng(seed, `${root}:arrivals:count`);
    const arrivals = new Rng(seed, `${root}:arrivals`);
    const reentries = new Rng(seed, `${root}:reentries`);
    const preWindow = new Rng(seed, `${root}:prewindow`);
    const p = params.reentryProbability;
    const weights = profile.intensities.reduce((sum, x) => sum + x.weight, 0);
    const meanDuration = profile.intensities.reduce((sum, x) => sum + x.weight * x.durationMonths.mean, 0) / weights;
    // Durations are whole months, at least one: a mean below 1 would overstate closures.
    const closuresPerMonth = profile.initialStock / Math.max(1, meanDuration);
    for (let k = 0; k < window.months; k++) {
      const m = W + k;
      for (const parent of pending[k]!) {
        const t = draws.start.length;
        fresh(t, reentries, m, draws.municipality[parent]!, draws.client[parent]!);
        parentOf.set(t, parent);
        schedule(t, reentries);
        reentryGroup.push(t);
      }
      if (closuresPerMonth > 0 && k < params.reentryWithin) {
        const count = preWindow.poisson((closuresPerMonth * p * (params.reentryWithin - k)) / params.reentryWithin);
        for (let n = 0; n < count; n++) {
          const t = draws.start.length;
          fresh(t, preWindow, m, preWindow.pick(municipalityCum), nextClient++);
          schedule(t, preWindow);
          preWindowGroup.push(t);
        }
      }
      const lambda = params.arrivals * Math.pow(params.growth, k / 12) * params.season[m % 12]!;
      const count = counts.poisson(lambda);
      for (let n = 0; n < count; n++) {
        const t = draws.start.length;
        fresh(t, arrivals, m, arrivals.pick(municipalityCum), nextClient++);
        schedule(t, arrivals);
        firstGroup.push(t);
      }
    }

    const rowBase = rows.length;
    const size = draws.start.length;
    // Groups come from a stream of their own, drawn last: specs without groups keep every other draw.
    const groupRng = new Rng(seed, `${root}:groups`);
    const ageCum = profile.ageGroups ? cumulative(profile.ageGroups.map((g) => g.weight)) : null;
    const targetCum = profile.targetGroups ? cumulative(profile.targetGroups.map((g) => g.weight)) : null;
    const ageOf = new Int32Array(size);
    const targetOf = new Int32Array(size);
    for (let t = 0; t < size; t++) {
      const parent = parentOf.get(t);
      if (parent !== undefined) {
        ageOf[t] = ageOf[parent]!;
        targetOf[t] = targetOf[parent]!;
        continue;
      }
      ageOf[t] = ageIndex.get(ageCum ? profile.ageGroups![groupRng.pick(ageCum)]!.name : UNKNOWN_AGE_GROUP)!;
      targetOf[t] = targetIndex.get(targetCum ? profile.targetGroups![groupRng.pick(targetCum)]!.name : GENERAL_TARGET_GROUP)!;
    }
    let counter = 0;
    for (let t = 0; t < size; t++) {
      const start = draws.start[t]!;
      const closed = draws.end[t]! <= E;
      useLengths.push(useLength(window, start, draws.end[t]!));
      rows.push({
        id: `${profile.name}-${++counter}`,
        client: draws.client[t]!,
        municipality: draws.municipality[t]!,
        provider: draws.provider[t]!,
        profile: profileIndex,
        intensity: params.intensityGlobal[draws.intensity[t]!]!,
        ageGroup: ageOf[t]!,
        targetGroup: targetOf[t]!,
        careForm: params.careForm,
        unit: params.unit,
        start,
        end: closed ? draws.end[t]! : OPEN_END,
        outcome: closed ? draws.outcome[t]! : OUTCOME_OPEN,
        use: EMPTY, // set below, once the shared buffer is allocated
      });
    }
    fills.push({
      draws,
      groups: [firstGroup, reentryGroup, preWindowGroup],
      use: [new Rng(seed, `${root}:use`), new Rng(seed, `${root}:reentries:use`), new Rng(seed, `${root}:prewindow:use`)],
      profile: params,
      rowBase,
    });
  });

  // One buffer for every month of use; each row gets a view on its slice.
  let total = 0;
  const offsets = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    offsets[r] = total;
    total += useLengths[r]!;
  }
  offsets[rows.length] = total;
  const buffer = new Int32Array(total);
  for (let r = 0; r < rows.length; r++) rows[r]!.use = buffer.subarray(offsets[r]!, offsets[r + 1]!);

  for (const f of fills) {
    f.groups.forEach((group, g) => fillUse(f, group, f.use[g]!, buffer, offsets, W, E));
  }

  return buildCaseload(rows, {
    window,
    municipalities: spec.municipalities.map((m) => m.name),
    providers: spec.providers.map((p) => p.name),
    profiles: spec.profiles.map((p) => p.name),
    intensities: [...intensityIndex.keys()],
    ageGroups: [...ageIndex.keys()],
    targetGroups: [...targetIndex.keys()],
  });
}

const EMPTY = new Int32Array(0);
/** A profile's spec, precompiled for the draw loops. */
interface ProfileParams {
  careForm: number;
  unit: number;
  arrivals: number;
  /** 1 + trend per year. */
  growth: number;
  /** Seasonal factor by calendar month (0 = January), averaging 1. */
  season: Float64Array;
  intensityCum: Float64Array;
  intensityGlobal: Int32Array;
  durMean: Float64Array;
  durSigma: Float64Array;
  durHalfVar: Float64Array;
  useMean: Float64Array;
  useSigma: Float64Array;
  useHalfVar: Float64Array;
  /** Cap on the duration of a running trajectory (the length-biased draw). */
  stockMax: number;
  providers: Int32Array;
  providerCum: Float64Array;
  /** Cumulative probabilities of achieved, notAchieved, droppedOut. */
  outcomeCum: Float64Array;
  reentryProbability: number;
  reentryWithin: number;
}

function profileParams(spec: CaseloadSpec, p: CaseloadSpec["profiles"][number], intensityIndex: Map<string, number>): ProfileParams {
  const careForm = CARE_FORMS.indexOf(p.careForm);
  const offering = spec.providers.map((x, i) => [x, i] as const).filter(([x]) => x.careForms.includes(p.careForm));
  const seasonMean = p.seasonality.reduce((a, b) => a + b, 0) / 12;
  const n = p.intensities.length;
  const logParams = (cv: number): [number, number] => {
    const s2 = Math.log(1 + cv * cv);
    return [Math.sqrt(s2), s2 / 2];
  };
  const params: ProfileParams = {
    careForm,
    unit: UNIT_CODES.indexOf(p.unit),
    arrivals: p.arrivalsPerMonth,
    growth: 1 + p.trendPercentPerYear / 100,
    season: Float64Array.from(p.seasonality, (f) => f / seasonMean),
    intensityCum: cumulative(p.intensities.map((x) => x.weight)),
    intensityGlobal: Int32Array.from(p.intensities, (x) => intensityIndex.get(x.name)!),
    durMean: new Float64Array(n),
    durSigma: new Float64Array(n),
    durHalfVar: new Float64Array(n),
    useMean: new Float64Array(n),
    useSigma: new Float64Array(n),
    useHalfVar: new Float64Array(n),
    stockMax: 1,
    providers: Int32Array.from(offering, ([, i]) => i),
    providerCum: cumulative(offering.map(([x]) => x.weight)),
    outcomeCum: cumulative([p.outcome.achieved, p.outcome.notAchieved, p.outcome.droppedOut]),
    reentryProbability: p.reentry.probability,
    reentryWithin: p.reentry.withinMonths,
  };
  p.intensities.forEach((x, i) => {
    params.durMean[i] = x.durationMonths.mean;
    [params.durSigma[i], params.durHalfVar[i]] = logParams(x.durationMonths.cv);
    params.useMean[i] = x.monthlyUse.mean;
    [params.useSigma[i], params.useHalfVar[i]] = logParams(x.monthlyUse.cv);
    const cap = Math.ceil(x.durationMonths.mean * (1 + 6 * x.durationMonths.cv));
    params.stockMax = Math.max(params.stockMax, Math.min(cap, MAX_DURATION));
  });
  return params;
}

/** A duration in whole months (log-normal, rounded up, 1 … MAX_DURATION); always one normal draw. */
function durationDraw(p: ProfileParams, i: number, rng: Rng): number {
  const x = p.durMean[i]! * Math.exp(p.durSigma[i]! * rng.normal() - p.durHalfVar[i]!);
  const d = Math.ceil(x);
  return d >= 1 ? (d <= MAX_DURATION ? d : MAX_DURATION) : 1;
}

/**
 * Draws monthly use month by month: in each month, for each trajectory of `group` in care (in
 * generation order), one normal draw. Month-major order keeps every month's draws independent of
 * later months, so a longer window does not change the use of earlier months.
 */
function fillUse(
  f: { draws: ProfileDraws; profile: ProfileParams; rowBase: number },
  group: readonly number[],
  rng: Rng,
  buffer: Int32Array,
  offsets: Int32Array,
  W: Month,
  E: Month,
): void {
  const { draws, profile: p, rowBase } = f;
  const active = new Int32Array(group.length);
  let nActive = 0;
  let next = 0; // group is in non-decreasing order of first month in the window
  for (let m = W; m <= E; m++) {
    while (next < group.length && Math.max(draws.start[group[next]!]!, W) === m) active[nActive++] = group[next++]!;
    const cap = maxUseInMonth(p.unit, daysInMonth(m));
    let kept = 0;
    for (let a = 0; a < nActive; a++) {
      const t = active[a]!;
      const i = draws.intensity[t]!;
      const mean = p.useMean[i]!;
      const z = rng.normal();
      let v = 0;
      if (mean > 0) {
        v = Math.round(mean * Math.exp(p.useSigma[i]! * z - p.useHalfVar[i]!));
        v = v < 1 ? 1 : v > cap ? cap : v;
      }
      const start = draws.start[t]!;
      buffer[offsets[rowBase + t]! + m - (start > W ? start : W)] = v;
      if (draws.end[t]! > m) active[kept++] = t;
    }
    nActive = kept;
  }
}
