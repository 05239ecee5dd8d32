import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS } from "../caseload/codes.js";
import { LedgerBuilder } from "../ledger/ledger.js";
import { LINE_KINDS } from "../ledger/lineKind.js";
import type { LedgerWriter } from "../ledger/writer.js";
import { FundingInputError, LIBRARY } from "../errors.js";
import { formatMonth, yearOf, type Horizon, type Month } from "../period.js";

/**
 * The projection's {@link LedgerWriter}: totals every line on the fly into per-month breakdowns
 * (so a national-scale run needs no per-line memory), counts lines for the administrative-burden
 * metric, tracks open obligations at each year end, and — only when asked — keeps every line.
 */
export class AggregatingWriter implements LedgerWriter {
  readonly months: number;
  readonly byKind: Float64Array;
  readonly byProvider: Float64Array;
  readonly byMunicipality: Float64Array;
  readonly byProfile: Float64Array;
  readonly byCareForm: Float64Array;
  /** Lines inside the horizon, per kind. */
  readonly linesByKind = new Float64Array(LINE_KINDS.length);
  /** Per provider × month: 1 when the provider had a per-trajectory line (one declaration batch). */
  readonly batches: Uint8Array;
  /** Obligations open at each date of {@link obligationDates}. */
  readonly obligations: Float64Array;
  /** Month indexes at which obligations are measured: each December in the horizon, and its end. */
  readonly obligationDates: Month[] = [];
  dueAfterHorizon = 0;
  private absSum = 0;
  private readonly start: Month;
  private readonly last: Month;
  private readonly firstYear: number;
  private readonly nProviders: number;
  private readonly nMunicipalities: number;
  private readonly nProfiles: number;
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
    this.firstYear = yearOf(horizon.start);
    this.nProviders = caseload.providers.length;
    this.nMunicipalities = caseload.municipalities.length;
    this.nProfiles = caseload.profiles.length;
    this.byKind = new Float64Array(LINE_KINDS.length * m);
    this.byProvider = new Float64Array((this.nProviders + 1) * m);
    this.byMunicipality = new Float64Array((this.nMunicipalities + 1) * m);
    this.byProfile = new Float64Array((this.nProfiles + 1) * m);
    this.byCareForm = new Float64Array((CARE_FORMS.length + 1) * m);
    this.batches = new Uint8Array((this.nProviders + 1) * m);
    for (let y = this.firstYear; y * 12 + 11 < this.last; y++) this.obligationDates.push(y * 12 + 11);
    this.obligationDates.push(this.last);
    this.obligations = new Float64Array(this.obligationDates.length);
    this.ledger = keepLines ? new LedgerBuilder(caseload.size * 4) : null;
  }

  trajectory(t: number, month: Month, incurred: Month, kind: number, cents: number): void {
    const c = this.caseload;
    this.add(c.provider[t]!, c.municipality[t]!, c.profile[t]!, c.careForm[t]!, t, month, incurred, kind, cents);
  }

  lump(provider: number, municipality: number, month: Month, incurred: Month, kind: number, cents: number): void {
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
    );
  }

  private add(p: number, mu: number, pf: number, cf: number, t: number, month: Month, incurred: Month, kind: number, cents: number): void {
    if (!Number.isSafeInteger(cents)) this.refuse(t, month, cents);
    if (month > incurred) this.openAt(month, incurred, cents);
    if (month > this.last) {
      // Owed or committed by the horizon's end and paid after it; later events are not yet owed.
      if (incurred <= this.last) this.dueAfterHorizon += cents;
      return;
    }
    const i = month - this.start;
    if (i < 0) return; // paid before the horizon: history, not part of this projection
    const m = this.months;
    this.absSum += cents < 0 ? -cents : cents;
    this.byKind[kind * m + i]! += cents;
    this.byProvider[p * m + i]! += cents;
    this.byMunicipality[mu * m + i]! += cents;
    this.byProfile[pf * m + i]! += cents;
    this.byCareForm[cf * m + i]! += cents;
    this.linesByKind[kind]!++;
    if (t >= 0) this.batches[p * m + i] = 1;
    if (this.ledger) {
      this.ledger.push(month, incurred, t >= 0 ? mu : mu === this.nMunicipalities ? -1 : mu, t >= 0 ? p : p === this.nProviders ? -1 : p, t, kind, cents);
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
    const which = t >= 0 ? `trajectory "${this.caseload.ids[t]}"` : "a lump sum";
    throw new FundingInputError("projection", [
      {
        code: "unsafe_amount",
        path: [],
        message: `model "${this.modelLabel}" computes ${cents} cents for ${which}, paid ${formatMonth(month)}: beyond the exact range of ±${Number.MAX_SAFE_INTEGER} cents; check its tariffs, prices, indexation and use`,
      },
    ]);
  }

  /** Adds `cents` to the obligations at every measuring date d with incurred ≤ d < month. */
  private openAt(month: Month, incurred: Month, cents: number): void {
    const dates = this.obligationDates;
    let k = Math.max(0, yearOf(incurred) - this.firstYear);
    for (; k < dates.length && dates[k]! < month; k++) if (dates[k]! >= incurred) this.obligations[k]! += cents;
  }

  /**
   * Throws when any total could have lost exactness: if the sum of absolute amounts stays below
   * 2^53, every partial sum in every breakdown was an exact integer.
   */
  assertExact(): void {
    if (this.absSum > Number.MAX_SAFE_INTEGER) {
      throw new FundingInputError("projection", [
        { code: "unsafe_amount", path: [], message: `totals of model "${this.modelLabel}" pass 2^53 cents; amounts would no longer be exact` },
      ]);
    }
  }
}
