import { FundingInputError, fromZodIssues } from "../errors.js";
import { daysInMonth, parseMonth, type Horizon, type Month } from "../period.js";
import { cumulative, Rng } from "../random.js";
import { useLength, type Caseload } from "./caseload.js";
import { CARE_FORMS, maxUseInMonth, OPEN_END, OUTCOME_OPEN, UNIT_CODES } from "./codes.js";
import { GENERAL_TARGET_GROUP, UNKNOWN_AGE_GROUP } from "./names.js";
import { roundedLognormal, type RoundedLognormal } from "./roundedLognormal.js";
import { CaseloadSpecSchema, type CaseloadSpec, type CaseloadSpecInput } from "./spec.js";
import { checkWork, estimateSpecWork, workLimits, type WorkLimits } from "./workLimits.js";
// For the TSDoc links.
import type { DEFAULT_MAX_TRAJECTORIES, DEFAULT_MAX_TRAJECTORY_MONTHS } from "./workLimits.js";

/** Longest duration a trajectory can draw, in months (100 years): keeps month arithmetic in 32 bits. */
const MAX_DURATION = 1200;
/** Rejection-sampling attempts for one running trajectory's duration before settling on 2 months. */
const MAX_TRIES = 1000;
/**
 * Draws (trajectories of a use group, expected trajectories of a profile) from which use and
 * durations are drawn through look-up tables ({@link roundedLognormal}: the same values, without
 * an exponential per draw).
 */
const MIN_TABLE_DRAWS = 500;

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
 * The caseload's size is estimated from the spec first: a spec expected to generate more than
 * `limits.maxTrajectories` trajectories (default {@link DEFAULT_MAX_TRAJECTORIES}) or
 * `limits.maxTrajectoryMonths` trajectory-months (default {@link DEFAULT_MAX_TRAJECTORY_MONTHS}) is
 * refused with the estimate, before anything is allocated.
 *
 * @throws FundingInputError when the spec is invalid (each issue with its path), the seed is not
 *   a safe integer, or the caseload would be over a limit.
 * @example
 * ```ts
 * import { defaultRegionSpec, generateCaseload } from "jeugdhulp-bekostiging";
 *
 * // A synthetic region; the same spec and seed give the same caseload, bit for bit.
 * const caseload = generateCaseload(defaultRegionSpec(), 7);
 * console.log(caseload.size); // → 24629
 * ```
 * @category Caseload
 */
export function generateCaseload(spec: CaseloadSpecInput, seed: number, limits?: WorkLimits): Caseload {
  const parsed = CaseloadSpecSchema.safeParse(spec);
  if (!parsed.success) throw new FundingInputError("caseload spec", fromZodIssues(parsed.error.issues, [], spec));
  checkWork(estimateSpecWork(parsed.data), workLimits(limits, "caseload limits"), "caseload spec", "the caseload this spec generates");
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new FundingInputError("caseload seed", [
      { code: "invalid_type", path: ["seed"], message: `seed must be a safe integer, got ${String(seed)}` },
    ]);
  }
  return generate(parsed.data, seed);
}

/**
 * One profile's trajectories in generation order, before the window's end is applied: growable
 * typed columns (no boxed JS arrays to grow and scan) indexed by the trajectory's number t.
 */
class ProfileDraws {
  size = 0;
  start: Int32Array;
  /** True last month (may lie after the window). */
  end: Int32Array;
  intensity: Int32Array;
  municipality: Int32Array;
  provider: Int32Array;
  outcome: Int32Array;
  client: Int32Array;
  /** The trajectory a re-entry follows (index in this profile), −1 for a first trajectory. */
  parent: Int32Array;
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.intensity = new Int32Array(n);
    this.municipality = new Int32Array(n);
    this.provider = new Int32Array(n);
    this.outcome = new Int32Array(n);
    this.client = new Int32Array(n);
    this.parent = new Int32Array(n);
  }
  /** The number of a new trajectory (its columns to be set by the caller). */
  add(): number {
    if (this.size === this.start.length) this.grow();
    return this.size++;
  }
  private grow(): void {
    const more = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = more(this.start);
    this.end = more(this.end);
    this.intensity = more(this.intensity);
    this.municipality = more(this.municipality);
    this.provider = more(this.provider);
    this.outcome = more(this.outcome);
    this.client = more(this.client);
    this.parent = more(this.parent);
  }
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

  const blocks: ProfileBlock[] = [];
  let nextClient = 1;


  spec.profiles.forEach((profile, profileIndex) => {
    const params = profileParams(spec, profile, intensityIndex);
    const root = `profile:${profile.name}`;
    // Room for the expected trajectories (stock, arrivals with some growth and re-entries); grows if needed.
    const draws = new ProfileDraws(Math.ceil(profile.initialStock + profile.arrivalsPerMonth * window.months * 1.5));
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
      draws.parent[t] = -1;
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
      const t = draws.add();
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
        const t = draws.add();
        fresh(t, reentries, m, draws.municipality[parent]!, draws.client[parent]!);
        draws.parent[t] = parent;
        schedule(t, reentries);
        reentryGroup.push(t);
      }
      if (closuresPerMonth > 0 && k < params.reentryWithin) {
        const count = preWindow.poisson((closuresPerMonth * p * (params.reentryWithin - k)) / params.reentryWithin);
        for (let n = 0; n < count; n++) {
          const t = draws.add();
          fresh(t, preWindow, m, preWindow.pick(municipalityCum), nextClient++);
          schedule(t, preWindow);
          preWindowGroup.push(t);
        }
      }
      const lambda = params.arrivals * Math.pow(params.growth, k / 12) * params.season[m % 12]!;
      const count = counts.poisson(lambda);
      for (let n = 0; n < count; n++) {
        const t = draws.add();
        fresh(t, arrivals, m, arrivals.pick(municipalityCum), nextClient++);
        schedule(t, arrivals);
        firstGroup.push(t);
      }
    }


    const size = draws.size;
    // Groups come from a stream of their own, drawn last: specs without groups keep every other draw.
    const groupRng = new Rng(seed, `${root}:groups`);
    const ageCum = profile.ageGroups ? cumulative(profile.ageGroups.map((g) => g.weight)) : null;
    const targetCum = profile.targetGroups ? cumulative(profile.targetGroups.map((g) => g.weight)) : null;
    const ageFallback = ageIndex.get(UNKNOWN_AGE_GROUP)!;
    const targetFallback = targetIndex.get(GENERAL_TARGET_GROUP)!;
    const ageOf = new Int32Array(size);
    const targetOf = new Int32Array(size);
    for (let t = 0; t < size; t++) {
      const parent = draws.parent[t]!;
      if (parent >= 0) {
        ageOf[t] = ageOf[parent]!;
        targetOf[t] = targetOf[parent]!;
        continue;
      }
      ageOf[t] = ageCum ? ageIndex.get(profile.ageGroups![groupRng.pick(ageCum)]!.name)! : ageFallback;
      targetOf[t] = targetCum ? targetIndex.get(profile.targetGroups![groupRng.pick(targetCum)]!.name)! : targetFallback;
    }
    blocks.push({
      name: profile.name,
      profileIndex,
      draws,
      size,
      ageOf,
      targetOf,
      groups: [firstGroup, reentryGroup, preWindowGroup],
      use: [new Rng(seed, `${root}:use`), new Rng(seed, `${root}:reentries:use`), new Rng(seed, `${root}:prewindow:use`)],
      profile: params,
    });
  });

  return assemble(blocks, window, nextClient, {
    window,
    municipalities: spec.municipalities.map((m) => m.name),
    providers: spec.providers.map((p) => p.name),
    profiles: spec.profiles.map((p) => p.name),
    intensities: [...intensityIndex.keys()],
    ageGroups: [...ageIndex.keys()],
    targetGroups: [...targetIndex.keys()],
  });
}

/** One profile's draws and what its use fill needs, kept until the caseload is assembled. */
interface ProfileBlock {
  name: string;
  profileIndex: number;
  draws: ProfileDraws;
  size: number;
  ageOf: Int32Array;
  targetOf: Int32Array;
  /** Running + arrivals, re-entries, pre-window re-entries: each fills its use from its own stream. */
  groups: number[][];
  use: Rng[];
  profile: ProfileParams;
}

/**
 * Writes the profiles' draws straight into the caseload's columns, in the order the record path's
 * {@link buildCaseload} would give (stable by start month over the generation order: profile by
 * profile, trajectory by trajectory), without a row object per trajectory: a counting sort by start
 * month instead of a comparator sort, a typed array instead of a Map for the client's previous
 * trajectory, and use drawn directly into its final place. Bit-identical to building rows and
 * sorting them (checked by hashing caseloads before and after).
 */
function assemble(blocks: readonly ProfileBlock[], window: Horizon, nextClient: number, dictionaries: CaseloadDictionaries): Caseload {
  const W = window.start;
  const E = W + window.months - 1;
  let n = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of blocks) {
    n += b.size;
    const st = b.draws.start;
    for (let t = 0; t < b.size; t++) {
      const s = st[t]!;
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  // Counting sort by start month, stable over the generation order: first[i] is the next free
  // position for start lo + i.
  const span = n > 0 ? hi - lo + 1 : 0;
  const first = new Int32Array(span + 1);
  for (const b of blocks) {
    const st = b.draws.start;
    for (let t = 0; t < b.size; t++) first[st[t]! - lo + 1]!++;
  }
  for (let i = 1; i <= span; i++) first[i]! += first[i - 1]!;
  const ids: string[] = new Array<string>(n);
  const client = new Int32Array(n);
  const municipality = new Uint16Array(n);
  const provider = new Uint16Array(n);
  const profile = new Uint8Array(n);
  const intensity = new Uint8Array(n);
  const ageGroup = new Uint8Array(n);
  const targetGroup = new Uint8Array(n);
  const careForm = new Uint8Array(n);
  const unit = new Uint8Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const outcome = new Uint8Array(n);
  const previous = new Int32Array(n);
  const useOffset = new Int32Array(n + 1);
  // Read each profile's draws in generation order (sequential) and scatter them to their sorted place.
  const ranks: Int32Array[] = [];
  for (const b of blocks) {
    const d = b.draws;
    const p = b.profile;
    const rank = new Int32Array(b.size);
    const idsOf = generatedIds(b.name, b.size);
    for (let t = 0; t < b.size; t++) {
      const s = d.start[t]!;
      const k = first[s - lo]!++;
      rank[t] = k;
      const trueEnd = d.end[t]!;
      const closed = trueEnd <= E;
      ids[k] = idsOf[t]!;
      client[k] = d.client[t]!;
      municipality[k] = d.municipality[t]!;
      provider[k] = d.provider[t]!;
      profile[k] = b.profileIndex;
      intensity[k] = p.intensityGlobal[d.intensity[t]!]!;
      ageGroup[k] = b.ageOf[t]!;
      targetGroup[k] = b.targetOf[t]!;
      careForm[k] = p.careForm;
      unit[k] = p.unit;
      start[k] = s;
      end[k] = closed ? trueEnd : OPEN_END;
      outcome[k] = closed ? d.outcome[t]! : OUTCOME_OPEN;
      useOffset[k + 1] = useLength(window, s, trueEnd);
    }
    ranks.push(rank);
  }
  // In sorted order: use offsets, and each client's previous trajectory.
  const lastOfClient = new Int32Array(nextClient).fill(-1); // clients are numbered 1 … nextClient − 1
  for (let k = 0; k < n; k++) {
    useOffset[k + 1]! += useOffset[k]!;
    const c = client[k]!;
    previous[k] = lastOfClient[c]!;
    lastOfClient[c] = k;
  }
  const use = new Int32Array(useOffset[n]!);
  blocks.forEach((b, bi) => {
    // Where month m of trajectory t goes: use[base[t] + m].
    const rank = ranks[bi]!;
    const base = new Int32Array(b.size);
    for (let t = 0; t < b.size; t++) {
      const s = b.draws.start[t]!;
      base[t] = useOffset[rank[t]!]! - (s > W ? s : W);
    }
    b.groups.forEach((group, g) => fillUse(b, group, b.use[g]!, use, base, W, E));
  });
  return {
    size: n,
    ...dictionaries,
    ids,
    client,
    municipality,
    provider,
    profile,
    intensity,
    ageGroup,
    targetGroup,
    careForm,
    unit,
    start,
    end,
    outcome,
    previous,
    useOffset,
    use,
  };
}

/** Generated ids kept per profile name (`${profile}-${n}`): every Monte Carlo run names its trajectories alike. */
const idCache = new Map<string, string[]>();
let idsCached = 0;
/**
 * Ids kept at most (about 9 MB of strings): enough for Monte Carlo runs of a region, where the
 * saving counts; a larger caseload (generated once, national scale) builds its own.
 */
const MAX_IDS_CACHED = 1 << 17;

/**
 * The ids `${profile}-1` … `${profile}-${count}`, built once and kept, so that a run of a Monte
 * Carlo comparison does not build its tens of thousands of strings again (and leave them to the
 * garbage collector). The same strings as building them each time.
 */
function generatedIds(profile: string, count: number): readonly string[] {
  let ids = idCache.get(profile);
  if (!ids) {
    if (idsCached + count > MAX_IDS_CACHED) {
      idCache.clear();
      idsCached = 0;
    }
    idCache.set(profile, (ids = []));
  }
  if (ids.length < count) {
    if (idsCached + count - ids.length > MAX_IDS_CACHED) {
      // Too many to keep: this caseload's ids only, built as before.
      return Array.from({ length: count }, (_, t) => `${profile}-${t + 1}`);
    }
    idsCached += count - ids.length;
    const prefix = `${profile}-`;
    for (let t = ids.length; t < count; t++) ids.push(prefix + (t + 1));
  }
  return ids;
}

interface CaseloadDictionaries {
  window: Horizon;
  municipalities: readonly string[];
  providers: readonly string[];
  profiles: readonly string[];
  intensities: readonly string[];
  ageGroups: readonly string[];
  targetGroups: readonly string[];
}

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
  /** The monthly use's log-normal as `useScale × exp(useSigma × z)`: scale = mean × exp(−σ²/2). */
  useScale: Float64Array;
  useSigma: Float64Array;
  /** Durations by look-up ({@link roundedLognormal}), when the profile draws many; else null. */
  durTable: RoundedLognormal[] | null;
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
    useScale: new Float64Array(n),
    useSigma: new Float64Array(n),
    durTable: null,
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
    const [sigma, halfVar] = logParams(x.monthlyUse.cv);
    params.useSigma[i] = sigma;
    params.useScale[i] = x.monthlyUse.mean * Math.exp(-halfVar);
    const cap = Math.ceil(x.durationMonths.mean * (1 + 6 * x.durationMonths.cv));
    params.stockMax = Math.max(params.stockMax, Math.min(cap, MAX_DURATION));
  });
  if (p.initialStock + p.arrivalsPerMonth * spec.window.months >= MIN_TABLE_DRAWS) {
    params.durTable = Array.from(params.durMean, (mean, i) => roundedLognormal(mean, params.durSigma[i]!, params.durHalfVar[i]!, "up"));
  }
  return params;
}

/** A duration in whole months (log-normal, rounded up, 1 … MAX_DURATION); always one normal draw. */
function durationDraw(p: ProfileParams, i: number, rng: Rng): number {
  const z = rng.normal();
  const d = p.durTable ? p.durTable[i]!.at(z) : Math.ceil(p.durMean[i]! * Math.exp(p.durSigma[i]! * z - p.durHalfVar[i]!));
  return d >= 1 ? (d <= MAX_DURATION ? d : MAX_DURATION) : 1;
}

/**
 * Draws monthly use month by month: in each month, for each trajectory of `group` in care (in
 * generation order), one normal draw. Month-major order keeps every month's draws independent of
 * later months, so a longer window does not change the use of earlier months.
 */
function fillUse(
  f: { draws: ProfileDraws; profile: ProfileParams },
  group: readonly number[],
  rng: Rng,
  use: Int32Array,
  base: Int32Array,
  W: Month,
  E: Month,
): void {
  const { draws, profile: p } = f;
  const { start, end, intensity } = draws;
  const { useScale, useSigma } = p;
  // Look-up tables for the rounded log-normal (the same values as the expression, without an
  // exponential per draw); worth building only for a group with many trajectory-months.
  const tables = group.length >= MIN_TABLE_DRAWS ? Array.from(useScale, (scale, i) => (scale > 0 ? roundedLognormal(scale, useSigma[i]!, 0, "halfUp") : null)) : null;
  const active = new Int32Array(group.length);
  // The month's normal draws, one per trajectory in care, drawn together (see Rng.normals).
  const z = new Float64Array(group.length);
  let nActive = 0;
  let next = 0; // group is in non-decreasing order of first month in the window
  for (let m = W; m <= E; m++) {
    while (next < group.length && Math.max(start[group[next]!]!, W) === m) active[nActive++] = group[next++]!;
    const cap = maxUseInMonth(p.unit, daysInMonth(m));
    let kept = 0;
    rng.normals(z, nActive);
    for (let a = 0; a < nActive; a++) {
      const t = active[a]!;
      const i = intensity[t]!;
      const scale = useScale[i]!;
      let v = 0;
      if (scale > 0) {
        // Rounded half up. Math.floor(x + 0.5) is Math.round for x ≥ 0 except just below ½, which
        // the floor of 1 absorbs; V8 compiles it to two instructions, Math.round to a call.
        v = tables ? tables[i]!.at(z[a]!) : Math.floor(scale * Math.exp(useSigma[i]! * z[a]!) + 0.5);
        v = v < 1 ? 1 : v > cap ? cap : v;
      }
      use[base[t]! + m] = v;
      if (end[t]! > m) active[kept++] = t;
    }
    nActive = kept;
  }
}
