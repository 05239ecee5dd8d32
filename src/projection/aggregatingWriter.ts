import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS } from "../caseload/codes.js";
import { LedgerBuilder } from "../ledger/ledger.js";
import { LINE_KINDS } from "../ledger/lineKind.js";
import type { LedgerWriter } from "../ledger/writer.js";
import { FundingInputError, LIBRARY } from "../errors.js";
import { excerpt } from "../excerpt.js";
import { formatMonth, yearOf, type Horizon, type Month } from "../period.js";

const N_KINDS = LINE_KINDS.length;
/** Largest combination table (combinations × kinds × months) kept; beyond it lines go straight to the breakdowns. */
const MAX_CELLS = 1 << 22;
/** Largest provider × municipality × profile × care-form key space looked up by a typed array (else a Map). */
const MAX_KEY_SPACE = 1 << 18;

/**
 * The projection's {@link LedgerWriter}: totals every line on the fly into per-month breakdowns
 * (so a national-scale run needs no per-line memory), counts lines for the administrative-burden
 * metric, tracks open obligations at each year end, and — only when asked — keeps every line.
 *
 * Why a combination table: a trajectory's line lands in five breakdowns (kind, provider,
 * municipality, profile, care form) and a batch flag. Instead of six scattered updates per line,
 * each line is added once into a small table by the trajectory's (provider, municipality, profile,
 * care form) combination × kind × month, with a line count beside it; the breakdowns, line counts
 * and batches are derived from that table when first read. The amounts are integer cents whose
 * absolute sum {@link assertExact} bounds below 2^53, so every partial sum is exact and the order
 * of addition cannot change a total: the breakdowns are the same to the cent.
 */
export class AggregatingWriter implements LedgerWriter {
  readonly months: number;
  private readonly _byKind: Float64Array;
  private readonly _byProvider: Float64Array;
  private readonly _byMunicipality: Float64Array;
  private readonly _byProfile: Float64Array;
  private readonly _byCareForm: Float64Array;
  private readonly _linesByKind = new Float64Array(N_KINDS);
  private readonly _batches: Uint8Array;
  /** Obligations open at each date of {@link obligationDates}. */
  readonly obligations: Float64Array;
  /** Month indexes at which obligations are measured: each December in the horizon, and its end. */
  readonly obligationDates: Month[] = [];
  dueAfterHorizon = 0;
  private absSum = 0;
  /**
   * Sum of the absolute amounts of the lines that open an obligation (a run's lines counted each):
   * it bounds every partial sum of the obligations and of the amount due after the horizon (a line
   * due after it is open at its last month, an obligation date), see {@link assertExact}.
   */
  private openAbs = 0;
  private readonly start: Month;
  private readonly last: Month;
  private readonly nProviders: number;
  private readonly nMunicipalities: number;
  private readonly nProfiles: number;
  /**
   * Number of obligation dates before month `start + j` (j = 0 … months): where a line's
   * obligation span [incurred, month) starts and ends among the dates, without a search per line.
   */
  private readonly datesBefore: Int32Array;
  /**
   * Combination index + 1 per provider × municipality × profile × care-form key (0: not seen yet),
   * or a Map when the key space is large. Combinations are indexed as their trajectories write,
   * so no pass over the caseload is needed up front.
   */
  private readonly comboTable: Int32Array | null;
  private readonly comboMap: Map<number, number> | null;
  /** Per combination: provider, municipality, profile, care form. */
  private readonly comboKeys: number[] = [];
  /** Cents and line counts per (combination × kind) × month of the horizon; grown as combinations appear. */
  private cells = new Float64Array(0);
  private counts = new Float64Array(0);
  /** False once the table would pass MAX_CELLS: from then on lines go straight to the breakdowns. */
  private tableOn = true;
  /** The last trajectory written and its combination's first cell (models write a trajectory's lines together). */
  private lastT = -1;
  private lastBase = 0;
  private dirty = false;
  readonly ledger: LedgerBuilder | null;

  constructor(
    private readonly caseload: Caseload,
    horizon: Horizon,
    keepLines: boolean,
    private readonly modelLabel: string,
  ) {
    const m = horizon.months;
    this.months = m;
    this.start = horizon.start;
    this.last = horizon.start + m - 1;
    const firstYear = yearOf(horizon.start);
    this.nProviders = caseload.providers.length;
    this.nMunicipalities = caseload.municipalities.length;
    this.nProfiles = caseload.profiles.length;
    this._byKind = new Float64Array(N_KINDS * m);
    this._byProvider = new Float64Array((this.nProviders + 1) * m);
    this._byMunicipality = new Float64Array((this.nMunicipalities + 1) * m);
    this._byProfile = new Float64Array((this.nProfiles + 1) * m);
    this._byCareForm = new Float64Array((CARE_FORMS.length + 1) * m);
    this._batches = new Uint8Array((this.nProviders + 1) * m);
    for (let y = firstYear; y * 12 + 11 < this.last; y++) this.obligationDates.push(y * 12 + 11);
    this.obligationDates.push(this.last);
    this.obligations = new Float64Array(this.obligationDates.length);
    this.datesBefore = new Int32Array(m + 1);
    for (let j = 0, k = 0; j <= m; j++) {
      while (k < this.obligationDates.length && this.obligationDates[k]! < this.start + j) k++;
      this.datesBefore[j] = k;
    }
    this.ledger = keepLines ? new LedgerBuilder(caseload.size * 4) : null;

    const space = this.nProviders * this.nMunicipalities * this.nProfiles * CARE_FORMS.length;
    this.comboTable = space <= MAX_KEY_SPACE ? new Int32Array(space) : null;
    this.comboMap = this.comboTable ? null : new Map<number, number>();
  }

  /** Paid per line kind × month. */
  get byKind(): Float64Array {
    if (this.dirty) this.flush();
    return this._byKind;
  }
  get byProvider(): Float64Array {
    if (this.dirty) this.flush();
    return this._byProvider;
  }
  get byMunicipality(): Float64Array {
    if (this.dirty) this.flush();
    return this._byMunicipality;
  }
  get byProfile(): Float64Array {
    if (this.dirty) this.flush();
    return this._byProfile;
  }
  get byCareForm(): Float64Array {
    if (this.dirty) this.flush();
    return this._byCareForm;
  }
  /** Lines inside the horizon, per kind. */
  get linesByKind(): Float64Array {
    if (this.dirty) this.flush();
    return this._linesByKind;
  }
  /** Per provider × month: 1 when the provider had a per-trajectory line (one declaration batch). */
  get batches(): Uint8Array {
    if (this.dirty) this.flush();
    return this._batches;
  }

  trajectory(t: number, month: Month, incurred: Month, kind: number, cents: number): void {
    if (!Number.isSafeInteger(cents)) this.refuse(t, month, cents);
    if (month > incurred) this.openAt(month, incurred, cents);
    const last = this.last;
    if (month > last) {
      // Owed or committed by the horizon's end and paid after it; later events are not yet owed.
      if (incurred <= last) this.dueAfterHorizon += cents;
      return;
    }
    const i = month - this.start;
    if (i < 0) return; // paid before the horizon: history, not part of this projection
    let base = this.lastBase;
    if (t !== this.lastT) {
      base = this.tableOn ? this.comboBase(t) : -1;
      this.lastT = t;
      this.lastBase = base;
    }
    if (base < 0) {
      const c = this.caseload;
      this.add(c.provider[t]!, c.municipality[t]!, c.profile[t]!, c.careForm[t]!, t, month, incurred, kind, cents, i);
      return;
    }
    this.absSum += cents < 0 ? -cents : cents;
    const cell = base + kind * this.months + i;
    this.cells[cell]! += cents;
    this.counts[cell]!++;
    this.dirty = true;
    if (this.ledger) {
      const c = this.caseload;
      this.ledger.push(month, incurred, c.municipality[t]!, c.provider[t]!, t, kind, cents);
    }
  }

  /**
   * `count` lines of `cents` at months `month` … `month + count − 1`, incurred in `incurred`: the
   * same totals, counts and obligations as that many {@link trajectory} calls, with the per-line
   * checks done once and the lines inside the horizon added in one loop. Line by line while lines
   * are kept (the ledger holds each one, in order) or the combination table is off.
   */
  trajectoryRun(t: number, month: Month, incurred: Month, kind: number, cents: number, count: number): void {
    if (count <= 0) return;
    if (this.ledger || !this.tableOn || count === 1) {
      for (let j = 0; j < count; j++) this.trajectory(t, month + j, incurred, kind, cents);
      return;
    }
    if (!Number.isSafeInteger(cents)) this.refuse(t, month, cents);
    const lastMonth = month + count - 1;
    if (lastMonth > incurred) this.openRun(month, lastMonth, incurred, cents);
    const last = this.last;
    let to = lastMonth;
    if (to > last) {
      // The lines paid after the horizon: owed by its end when incurred by then.
      if (incurred <= last) this.dueAfterHorizon += cents * (month > last ? count : lastMonth - last);
      to = last;
    }
    const from = month > this.start ? month : this.start;
    if (from > to) return;
    let base = this.lastBase;
    if (t !== this.lastT) {
      base = this.comboBase(t);
      this.lastT = t;
      this.lastBase = base;
    }
    if (base < 0) {
      // The table was just switched off: the lines inside the horizon go to the breakdowns one by one.
      const c = this.caseload;
      for (let x = from; x <= to; x++) this.add(c.provider[t]!, c.municipality[t]!, c.profile[t]!, c.careForm[t]!, t, x, incurred, kind, cents, x - this.start);
      return;
    }
    const n = to - from + 1;
    // Exact: a multiple of an integer amount stays below 2^53 exactly when the sum of its copies does.
    this.absSum += (cents < 0 ? -cents : cents) * n;
    const cells = this.cells;
    const counts = this.counts;
    for (let cell = base + kind * this.months + (from - this.start), end = cell + n; cell < end; cell++) {
      cells[cell]! += cents;
      counts[cell]!++;
    }
    this.dirty = true;
  }

  lump(provider: number, municipality: number, month: Month, incurred: Month, kind: number, cents: number): void {
    if (!Number.isSafeInteger(cents)) this.refuse(-1, month, cents);
    if (month > incurred) this.openAt(month, incurred, cents);
    if (month > this.last) {
      if (incurred <= this.last) this.dueAfterHorizon += cents;
      return;
    }
    const i = month - this.start;
    if (i < 0) return;
    this.add(
      provider < 0 ? this.nProviders : provider,
      municipality < 0 ? this.nMunicipalities : municipality,
      this.nProfiles,
      CARE_FORMS.length,
      -1,
      month,
      incurred,
      kind,
      cents,
      i,
    );
  }

  /** A line inside the horizon (month index `i`) straight into the breakdowns. */
  private add(p: number, mu: number, pf: number, cf: number, t: number, month: Month, incurred: Month, kind: number, cents: number, i: number): void {
    const m = this.months;
    this.absSum += cents < 0 ? -cents : cents;
    this._byKind[kind * m + i]! += cents;
    this._byProvider[p * m + i]! += cents;
    this._byMunicipality[mu * m + i]! += cents;
    this._byProfile[pf * m + i]! += cents;
    this._byCareForm[cf * m + i]! += cents;
    this._linesByKind[kind]!++;
    if (t >= 0) this._batches[p * m + i] = 1;
    if (this.ledger) {
      this.ledger.push(month, incurred, t >= 0 ? mu : mu === this.nMunicipalities ? -1 : mu, t >= 0 ? p : p === this.nProviders ? -1 : p, t, kind, cents);
    }
  }

  /**
   * The first cell of trajectory `t`'s combination, indexing it when new; −1 (and the table
   * flushed and switched off) when one more combination would pass MAX_CELLS.
   */
  private comboBase(t: number): number {
    const c = this.caseload;
    const p = c.provider[t]!;
    const mu = c.municipality[t]!;
    const pf = c.profile[t]!;
    const cf = c.careForm[t]!;
    const key = ((p * this.nMunicipalities + mu) * this.nProfiles + pf) * CARE_FORMS.length + cf;
    let g = this.comboTable ? this.comboTable[key]! - 1 : (this.comboMap!.get(key) ?? -1);
    const row = N_KINDS * this.months;
    if (g < 0) {
      g = this.comboKeys.length >> 2;
      if ((g + 1) * row > MAX_CELLS) {
        if (this.dirty) this.flush();
        this.tableOn = false;
        return -1;
      }
      this.comboKeys.push(p, mu, pf, cf);
      if (this.comboTable) this.comboTable[key] = g + 1;
      else this.comboMap!.set(key, g);
      if ((g + 1) * row > this.cells.length) {
        const cells = new Float64Array(Math.min(Math.max(16, 2 * (g + 1)) * row, Math.max(MAX_CELLS, row)));
        cells.set(this.cells);
        const counts = new Float64Array(cells.length);
        counts.set(this.counts);
        this.cells = cells;
        this.counts = counts;
      }
    }
    return g * row;
  }

  /** Moves the combination table into the breakdowns, line counts and batches, and clears it. */
  private flush(): void {
    this.dirty = false;
    const m = this.months;
    const keys = this.comboKeys;
    const cells = this.cells;
    const counts = this.counts;
    const nCombos = keys.length >> 2;
    for (let g = 0; g < nCombos; g++) {
      const p = keys[4 * g]!;
      const mu = keys[4 * g + 1]!;
      const pf = keys[4 * g + 2]!;
      const cf = keys[4 * g + 3]!;
      for (let kind = 0; kind < N_KINDS; kind++) {
        const row = (g * N_KINDS + kind) * m;
        for (let i = 0; i < m; i++) {
          const n = counts[row + i]!;
          if (n === 0) continue;
          const v = cells[row + i]!;
          this._byKind[kind * m + i]! += v;
          this._byProvider[p * m + i]! += v;
          this._byMunicipality[mu * m + i]! += v;
          this._byProfile[pf * m + i]! += v;
          this._byCareForm[cf * m + i]! += v;
          this._linesByKind[kind]! += n;
          this._batches[p * m + i] = 1;
          cells[row + i] = 0;
          counts[row + i] = 0;
        }
      }
    }
  }

  /**
   * An amount past ±2^53 comes from the inputs (a huge tariff × use, runaway indexation): say which
   * model, trajectory and month, as an input error. A fraction or NaN would be a bug in a model.
   */
  private refuse(t: number, month: Month, cents: number): never {
    if (!Number.isInteger(cents)) {
      throw new RangeError(`[${LIBRARY}] model "${this.modelLabel}" wrote ${cents} cents: not a whole amount (a bug in the model)`);
    }
    const which = t >= 0 ? `trajectory "${excerpt(this.caseload.ids[t]!)}"` : "a lump sum";
    throw new FundingInputError("projection", [
      {
        code: "unsafe_amount",
        path: [],
        message: `model "${this.modelLabel}" computes ${cents} cents for ${which}, paid ${formatMonth(month)}: beyond the exact range of ±${Number.MAX_SAFE_INTEGER} cents; check its tariffs, prices, indexation and use`,
      },
    ]);
  }

  /**
   * Adds `cents` to the obligations at every measuring date d with incurred ≤ d < month, in date
   * order: the dates from the first at or after `incurred` to the last before `month`.
   */
  private openAt(month: Month, incurred: Month, cents: number): void {
    const dates = this.obligationDates;
    const from = this.datesAtOrAfter(incurred);
    // Most lines span no date (paid the month after their care): one look-up, not two.
    if (from >= dates.length || dates[from]! >= month) return;
    this.openAbs += cents < 0 ? -cents : cents;
    const to = this.datesAtOrAfter(month);
    for (let k = from; k < to; k++) this.obligations[k]! += cents;
  }

  /**
   * {@link openAt} for the lines of a run paid `first` … `lastMonth`, incurred in `incurred`: a date
   * d at or after `incurred` is open for the lines paid after it, `cents` times their number.
   */
  private openRun(first: Month, lastMonth: Month, incurred: Month, cents: number): void {
    const dates = this.obligationDates;
    const k0 = this.datesAtOrAfter(incurred);
    // As line by line: only the lines paid after the first date at or after `incurred` open anything.
    if (k0 >= dates.length || dates[k0]! >= lastMonth) return;
    const opening = lastMonth - (first > dates[k0]! ? first : dates[k0]! + 1) + 1;
    this.openAbs += (cents < 0 ? -cents : cents) * opening;
    for (let k = k0; k < dates.length; k++) {
      const d = dates[k]!;
      if (d >= lastMonth) break; // no line of the run is paid after d
      this.obligations[k]! += cents * (d < first ? lastMonth - first + 1 : lastMonth - d);
    }
  }

  /** Number of obligation dates before month `x`. */
  private datesAtOrAfter(x: Month): number {
    const j = x - this.start;
    return j <= 0 ? 0 : j > this.months ? this.obligations.length : this.datesBefore[j]!;
  }

  /**
   * Throws when any total could have lost exactness: if the sum of absolute amounts stays below
   * 2^53, every partial sum in every breakdown was an exact integer. Likewise the obligations and
   * the amount due after the horizon, whose lines {@link openAbs} sums.
   */
  assertExact(): void {
    if (this.absSum > Number.MAX_SAFE_INTEGER || this.openAbs > Number.MAX_SAFE_INTEGER) {
      throw new FundingInputError("projection", [
        { code: "unsafe_amount", path: [], message: `totals of model "${this.modelLabel}" pass 2^53 cents; amounts would no longer be exact` },
      ]);
    }
    if (this.dirty) this.flush();
  }
}
