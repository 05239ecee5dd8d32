/**
 * How far each core model's projection is from the fastest it could be: the library's `project`
 * (payments only, as in bench/national.ts) against a hand-written single-pass loop over the
 * caseload's typed arrays doing the same arithmetic for the default scenario's configs.
 *
 * Each floor computes every payment line the model makes (same amounts, same months, same
 * rounding) and totals them per month of the horizon and after it — no breakdowns by provider,
 * municipality, profile or care form, no year-end obligations, no line ledger, no validation or
 * safe-integer checks, and the configs' prices read once into small typed arrays (these configs
 * have no dated, indexed or provider-specific prices; price lookups and schedules are set up before
 * the timing). The floor's totals must equal the library's, to the cent, or the bench fails.
 * - task: the production per provider × municipality × year at the reference tariffs (one pass
 *   over every trajectory-month), then the budgets' instalments and corridor settlements;
 * - effort: one declaration per trajectory-month with use (30-minute rule, × tariff);
 * - output: per trajectory the arrangement schedule (start share, instalments, end share, result
 *   share, follow-ups, the guarantee for re-entries);
 * - trajectory: per trajectory the advance, the settlement and a drop-out's reduction.
 *
 * The library and its floor are timed back to back in each of 9 rounds (5 with `--quick`), and the
 * ratio printed is the median of the rounds' ratios, with their range: on a shared machine a single
 * pair of timings a minute apart varied from 5.2× to 7.4× for the same code.
 *
 * Run: `tsx bench/floor.ts` (national scale, ≈ 500,000 trajectories; `--quick`: 100,000).
 */
import { Bench } from "tinybench";
import {
  allocate,
  CARE_FORMS,
  calibratedScenario,
  corridorSettlement,
  createModel,
  divRound,
  eurosToCents,
  OPEN_END,
  OUTCOMES,
  parseMonth,
  percentOf,
  percentWeights,
  project,
  splitEvenly,
  UNIT_CODES,
  type Caseload,
  type EffortConfig,
  type OutputConfig,
  type TaskConfig,
  type TrajectoryConfig,
} from "../src/index.js";
import { benchCaseload, scaledRegion } from "./region.js";
import { median } from "./median.js";

const quick = process.argv.includes("--quick");
const SIZE = quick ? 100_000 : 500_000;
const horizonInput = { start: "2026-01", months: 36 };
const H = parseMonth(horizonInput.start);
const M = horizonInput.months;
const LAG = 1;
const UNIT_MINUTE = UNIT_CODES.indexOf("01");
const UNIT_HOUR = UNIT_CODES.indexOf("04");
const UNIT_EURO = UNIT_CODES.indexOf("83");
const ACHIEVED = OUTCOMES.indexOf("achieved");
const DROPPED_OUT = OUTCOMES.indexOf("droppedOut");

/** Paid per month of the horizon, and owed inside it but paid after it. */
interface Totals {
  paid: Float64Array;
  due: number;
}
const newTotals = (): Totals => ({ paid: new Float64Array(M), due: 0 });
const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

/** A line: paid inside the horizon, or (when incurred by its end) due after it. Inlined by V8. */
function line(out: Totals, month: number, incurred: number, cents: number): void {
  const j = month - H;
  if (j >= M) {
    if (incurred < H + M) out.due += cents;
  } else if (j >= 0) out.paid[j]! += cents;
}

/** Tariff per care form, in cents (configs with one undated tariff per care form). */
function tariffsByCareForm(tariffs: readonly { careForm: string; tariff: unknown }[]): Float64Array {
  const out = new Float64Array(CARE_FORMS.length).fill(-1);
  for (const t of tariffs) out[CARE_FORMS.indexOf(t.careForm as (typeof CARE_FORMS)[number])] = eurosToCents(t.tariff as string);
  return out;
}

function declared(unit: number, use: number, tariff: number): number {
  if (unit === UNIT_HOUR) {
    // The 30-minute rule without a branch on the remainder (use > 0 here, or 0 in task's production).
    const h = Math.floor((use + 30) / 60);
    return use <= 0 ? 0 : (h < 1 ? 1 : h) * tariff;
  }
  if (unit === UNIT_MINUTE) return divRound(tariff * use, 60, "halfUp");
  if (unit === UNIT_EURO) return use;
  return use * tariff;
}

function effortFloor(c: Caseload, tariff: Float64Array): Totals {
  const out = newTotals();
  const W = c.window.start;
  const { unit, careForm, start, useOffset, use } = c;
  for (let t = 0; t < c.size; t++) {
    const u = unit[t]!;
    const price = tariff[careForm[t]!]!;
    const s = start[t]!;
    let month = s > W ? s : W;
    for (let k = useOffset[t]!, to = useOffset[t + 1]!; k < to; k++, month++) {
      const v = use[k]!;
      if (v !== 0) line(out, month + LAG, month, declared(u, v, price));
    }
  }
  return out;
}

function taskFloor(c: Caseload, cfg: TaskConfig, tariff: Float64Array): Totals {
  const out = newTotals();
  const W = c.window.start;
  const firstYear = Math.floor(W / 12);
  const years = Math.floor((W + c.window.months - 1) / 12) - firstYear + 1;
  const nMu = c.municipalities.length;
  const cells = new Float64Array(c.providers.length * nMu * years);
  const yearIndex = new Int32Array(c.window.months);
  for (let mi = 0; mi < yearIndex.length; mi++) yearIndex[mi] = Math.floor((W + mi) / 12) - firstYear;
  const { unit, careForm, provider, municipality, start, useOffset, use } = c;
  for (let t = 0; t < c.size; t++) {
    const u = unit[t]!;
    const price = tariff[careForm[t]!]!;
    const base = (provider[t]! * nMu + municipality[t]!) * years;
    const s = start[t]!;
    let mi = (s > W ? s : W) - W;
    for (let k = useOffset[t]!, to = useOffset[t + 1]!; k < to; k++, mi++) {
      cells[base + yearIndex[mi]!]! += declared(u, use[k]!, price);
    }
  }
  const corridor = { lowerPercent: "5", upperPercent: "5", settlementPercent: "100", ...cfg.corridor } as Parameters<typeof corridorSettlement>[2];
  for (const b of cfg.budgets) {
    const p = c.providers.indexOf(b.provider!);
    const yearly = eurosToCents(b.perYear as string);
    for (let y = 0; y < years; y++) {
      const Y = firstYear + y;
      splitEvenly(yearly, 12).forEach((cents, m) => line(out, Y * 12 + m, Y * 12, cents));
      let production = 0;
      for (let mu = 0; mu < nMu; mu++) production += cells[(p * nMu + mu) * years + y]!;
      const settlement = corridorSettlement(yearly, production, corridor);
      if (settlement !== 0) line(out, Y * 12 + 11 + 6, Y * 12 + 11, settlement);
    }
  }
  return out;
}

function outputFloor(c: Caseload, cfg: OutputConfig): Totals {
  const out = newTotals();
  const E = c.window.start + c.window.months - 1;
  const validity = cfg.validityMonths ?? 12;
  const norm = cfg.normMonths ?? validity;
  const guarantee = cfg.guaranteeMonths ?? 0;
  const nI = c.intensities.length;
  // Per profile × intensity: start share, instalments, end share, result share (the follow-up price is 100 %).
  const sc = cfg.schedule!;
  const weights = percentWeights([String(sc.atStart), String(sc.instalments), String(sc.atEnd), String(sc.onResult)]);
  const atStart = new Float64Array(c.profiles.length * nI);
  const atEnd = new Float64Array(atStart.length);
  const onResult = new Float64Array(atStart.length);
  const instalments = new Float64Array(atStart.length * norm);
  for (const p of cfg.prices) {
    const cell = c.profiles.indexOf(p.profile!) * nI + c.intensities.indexOf(p.intensity!);
    const [a, inst, e, r] = allocate(eurosToCents(p.price as string), weights) as [number, number, number, number];
    atStart[cell] = a;
    atEnd[cell] = e;
    onResult[cell] = r;
    splitEvenly(inst, norm).forEach((v, i) => (instalments[cell * norm + i] = v));
  }
  const { profile, intensity, provider, start, end, outcome, client } = c;
  // The guarantee: a trajectory starting within `guarantee` months after (or in the month of) the
  // close of an achieved trajectory of the same client at the same provider that started in an
  // earlier month is at the provider's cost. Per client a list of its achieved closures so far.
  let maxClient = 0;
  for (let t = 0; t < c.size; t++) if (client[t]! > maxClient) maxClient = client[t]!;
  const head = new Int32Array(maxClient + 1).fill(-1);
  const next = new Int32Array(c.size);
  let pendingFrom = 0;
  for (let t = 0; t < c.size; t++) {
    const e = end[t]!;
    const s0 = start[t]!;
    for (; pendingFrom < t && start[pendingFrom]! < s0; pendingFrom++) {
      const u = pendingFrom;
      if (outcome[u] !== ACHIEVED || end[u] === OPEN_END) continue;
      next[u] = head[client[u]!]!;
      head[client[u]!] = u;
    }
    let guaranteed = false;
    if (guarantee > 0) {
      for (let u = head[client[t]!]!; u >= 0; u = next[u]!) {
        if (provider[u] === provider[t] && end[u]! <= s0 && end[u]! >= s0 - guarantee) {
          guaranteed = true;
          break;
        }
      }
    }
    if (guaranteed) continue;
    const cell = profile[t]! * nI + intensity[t]!;
    const achieved = outcome[t] === ACHIEVED;
    for (let s = start[t]!; ; ) {
      const expiry = s + validity - 1;
      const closes = e !== OPEN_END && e <= expiry;
      const last = closes ? e : expiry;
      if (atStart[cell] !== 0) line(out, s + LAG, s, atStart[cell]!);
      let unpaid = 0;
      for (let i = 0; i < norm; i++) {
        const v = instalments[cell * norm + i]!;
        if (s + i <= last) {
          if (v !== 0) line(out, s + i + LAG, s, v);
        } else unpaid += v;
      }
      const settlement = atEnd[cell]! + unpaid;
      if (settlement !== 0) line(out, last + LAG, s, settlement);
      if (achieved && closes && onResult[cell] !== 0) line(out, e + LAG, e, onResult[cell]!);
      if (closes || expiry + 1 > Math.min(e, E)) break;
      s = expiry + 1;
    }
  }
  return out;
}

function trajectoryFloor(c: Caseload, cfg: TrajectoryConfig): Totals {
  const out = newTotals();
  const E = c.window.start + c.window.months - 1;
  const full = new Float64Array(c.profiles.length);
  const advance = new Float64Array(c.profiles.length);
  const dropOut = new Float64Array(c.profiles.length);
  for (const a of cfg.amounts) {
    const p = c.profiles.indexOf(a.profile!);
    full[p] = eurosToCents(a.amount as string);
    advance[p] = percentOf(full[p]!, cfg.advancePercent ?? "50", "halfUp");
    dropOut[p] = percentOf(full[p]!, cfg.dropOutPercent ?? "100", "halfUp");
  }
  const { profile, start, end, outcome } = c;
  for (let t = 0; t < c.size; t++) {
    const p = profile[t]!;
    const s = start[t]!;
    const e = end[t]!;
    const f = full[p]!;
    const a = advance[p]!;
    if (a !== 0) line(out, s + LAG, s, a);
    if (f - a !== 0) line(out, (e === OPEN_END ? E + 1 : e) + LAG, s, f - a);
    if (outcome[t] === DROPPED_OUT && dropOut[p] !== f) line(out, e + LAG, e, dropOut[p]! - f);
  }
  return out;
}

const { models } = calibratedScenario(scaledRegion(SIZE));
const byLabel = (label: string) => models.find((m) => m.label === label)!;
const task = byLabel("Taakgericht") as TaskConfig;
const effort = byLabel("Inspanningsgericht") as EffortConfig;
const output = byLabel("Outputgericht") as OutputConfig;
const trajectory = byLabel("Trajectfinanciering") as TrajectoryConfig;

let t0 = performance.now();
const { caseload, trajectoryMonths } = benchCaseload(SIZE);
console.error(`generated ${caseload.size.toLocaleString("en-US")} trajectories (${trajectoryMonths.toLocaleString("en-US")} trajectory-months) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
if (caseload.window.start !== H || caseload.window.months !== M) throw new Error("the floors assume the horizon is the caseload's window");

const taskTariffs = tariffsByCareForm(task.corridor!.referenceTariffs);
const effortTariffs = tariffsByCareForm(effort.tariffs);
const cases: [string, TaskConfig | EffortConfig | OutputConfig | TrajectoryConfig, () => Totals][] = [
  ["Taakgericht", task, () => taskFloor(caseload, task, taskTariffs)],
  ["Inspanningsgericht", effort, () => effortFloor(caseload, effortTariffs)],
  ["Outputgericht", output, () => outputFloor(caseload, output)],
  ["Trajectfinanciering", trajectory, () => trajectoryFloor(caseload, trajectory)],
];

// Paired rounds: this machine's speed drifts by up to 1.6× within minutes, so a library time and a
// floor time taken a minute apart say little. Each round times every model's library call and its
// floor back to back (in alternating order), and the figure is the median of the rounds' ratios.
const rounds = quick ? 5 : 9;
const checked = new Set<string>();
const perRound: Record<string, { lib: number[]; floor: number[]; ratio: number[] }> = {};
for (const [label] of cases) perRound[label] = { lib: [], floor: [], ratio: [] };
for (let k = 0; k < rounds; k++) {
  const bench = new Bench({ name: `floor, round ${k + 1}`, time: quick ? 100 : 250, iterations: 3, warmup: k === 0 });
  for (const [label, config, floor] of cases) {
    const model = createModel(config);
    if (!checked.has(label)) {
      // Same arithmetic: the floor's totals must be the library's, to the cent.
      const lib = project(caseload, model, { horizon: horizonInput });
      const f = floor();
      if (sum(f.paid) !== lib.totalPaid || f.due !== lib.dueAfterHorizon) {
        throw new Error(`${label}: floor ${sum(f.paid)} / ${f.due} differs from the library's ${lib.totalPaid} / ${lib.dueAfterHorizon}`);
      }
      checked.add(label);
    }
    const pair: [string, () => void][] = [
      [`${label} | library`, () => void project(caseload, model, { horizon: horizonInput })],
      [`${label} | floor`, () => void floor()],
    ];
    for (const [name, fn] of k % 2 === 0 ? pair : pair.reverse()) bench.add(name, fn);
  }
  await bench.run();
  const ms = (name: string): number => {
    const task = bench.tasks.find((x) => x.name === name)!;
    if (task.result.state !== "completed") throw new Error(`${name}: ${task.result.state}`);
    return task.result.latency.mean;
  };
  for (const [label] of cases) {
    const r = perRound[label]!;
    r.lib.push(ms(`${label} | library`));
    r.floor.push(ms(`${label} | floor`));
    r.ratio.push(r.lib.at(-1)! / r.floor.at(-1)!);
  }
}

console.log(`\nFloor: ${caseload.size.toLocaleString("en-US")} trajectories, ${trajectoryMonths.toLocaleString("en-US")} trajectory-months, 36 months, payments only (same totals checked)`);
console.log(`medians of ${rounds} paired rounds (library and floor timed back to back); ratio range over the rounds`);
console.log(`${"model".padEnd(22)}  ${"library ms".padStart(10)}  ${"floor ms".padStart(9)}  ${"ratio".padStart(6)}  ${"range".padStart(11)}`);
for (const [label] of cases) {
  const r = perRound[label]!;
  const range = `${Math.min(...r.ratio).toFixed(1)}–${Math.max(...r.ratio).toFixed(1)}×`;
  console.log(`${label.padEnd(22)}  ${median(r.lib).toFixed(1).padStart(10)}  ${median(r.floor).toFixed(1).padStart(9)}  ${median(r.ratio).toFixed(1).padStart(5)}×  ${range.padStart(11)}`);
}
