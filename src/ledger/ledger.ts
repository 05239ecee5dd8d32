import type { Caseload } from "../caseload/caseload.js";
import { CARE_FORMS } from "../caseload/codes.js";
import { formatMonth, yearOf, type Month } from "../period.js";
import { LINE_KINDS, type LineKind, ALL_PROVIDERS, WHOLE_REGION, NO_TRAJECTORY } from "./lineKind.js";

/**
 * Every payment line inside the horizon, column by column (one typed array per field). Only built
 * when asked for (`lines: true`): totals and breakdowns are aggregated on the fly without it.
 * @category Projection and ledger
 */
export interface Ledger {
  readonly length: number;
  readonly month: Int32Array;
  readonly incurred: Int32Array;
  /** Municipality index, or WHOLE_REGION (−1). */
  readonly municipality: Int32Array;
  /** Provider index, or ALL_PROVIDERS (−1). */
  readonly provider: Int32Array;
  /** Trajectory index, or NO_TRAJECTORY (−1). */
  readonly trajectory: Int32Array;
  /** Index into LINE_KINDS. */
  readonly kind: Uint8Array;
  /** Integer cents (a double holding a safe integer). */
  readonly cents: Float64Array;
}

/** Growable columnar store behind {@link Ledger}; doubles its capacity when full. */
export class LedgerBuilder {
  private n = 0;
  private cap: number;
  private cols: {
    month: Int32Array;
    incurred: Int32Array;
    municipality: Int32Array;
    provider: Int32Array;
    trajectory: Int32Array;
    kind: Uint8Array;
    cents: Float64Array;
  };
  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity);
    this.cols = LedgerBuilder.alloc(this.cap);
  }
  private static alloc(cap: number) {
    return {
      month: new Int32Array(cap),
      incurred: new Int32Array(cap),
      municipality: new Int32Array(cap),
      provider: new Int32Array(cap),
      trajectory: new Int32Array(cap),
      kind: new Uint8Array(cap),
      cents: new Float64Array(cap),
    };
  }
  push(month: Month, incurred: Month, municipality: number, provider: number, trajectory: number, kind: number, cents: number): void {
    if (this.n === this.cap) {
      this.cap *= 2;
      const next = LedgerBuilder.alloc(this.cap);
      for (const key of Object.keys(next) as (keyof typeof next)[]) next[key].set(this.cols[key] as never);
      this.cols = next;
    }
    const i = this.n++;
    const c = this.cols;
    c.month[i] = month;
    c.incurred[i] = incurred;
    c.municipality[i] = municipality;
    c.provider[i] = provider;
    c.trajectory[i] = trajectory;
    c.kind[i] = kind;
    c.cents[i] = cents;
  }
  /** The lines so far, trimmed to length (copies, so the builder may go on). */
  build(): Ledger {
    const c = this.cols;
    const n = this.n;
    return {
      length: n,
      month: c.month.slice(0, n),
      incurred: c.incurred.slice(0, n),
      municipality: c.municipality.slice(0, n),
      provider: c.provider.slice(0, n),
      trajectory: c.trajectory.slice(0, n),
      kind: c.kind.slice(0, n),
      cents: c.cents.slice(0, n),
    };
  }
}

/**
 * A payment line as a plain object.
 * @category Projection and ledger
 */
export interface LedgerLine {
  readonly month: string;
  readonly incurred: string;
  readonly municipality: string;
  readonly provider: string;
  /** Trajectory id, or null for a lump sum. */
  readonly trajectory: string | null;
  readonly kind: LineKind;
  readonly cents: number;
}

/** Label of a municipality index, including WHOLE_REGION. */
export function municipalityLabel(c: Caseload, i: number): string {
  return i === WHOLE_REGION ? "(whole region)" : c.municipalities[i]!;
}
/** Label of a provider index, including ALL_PROVIDERS. */
export function providerLabel(c: Caseload, i: number): string {
  return i === ALL_PROVIDERS ? "(all providers)" : c.providers[i]!;
}

/**
 * Line `i` of a ledger as a plain object (for export and inspection).
 * @category Projection and ledger
 */
export function ledgerLine(ledger: Ledger, caseload: Caseload, i: number): LedgerLine {
  const t = ledger.trajectory[i]!;
  return {
    month: formatMonth(ledger.month[i]!),
    incurred: formatMonth(ledger.incurred[i]!),
    municipality: municipalityLabel(caseload, ledger.municipality[i]!),
    provider: providerLabel(caseload, ledger.provider[i]!),
    trajectory: t === NO_TRAJECTORY ? null : caseload.ids[t]!,
    kind: LINE_KINDS[ledger.kind[i]!]!,
    cents: ledger.cents[i]!,
  };
}

/**
 * A dimension to total a ledger by.
 * @category Projection and ledger
 */
export type LedgerDimension = "month" | "year" | "provider" | "municipality" | "profile" | "careForm" | "kind";

/**
 * Totals a ledger's lines by one dimension, straight from the lines — the independent check on
 * the on-the-fly breakdowns of a projection. Keys are labels (`2026-01`, provider names, …).
 * @category Projection and ledger
 */
export function totalLedgerBy(ledger: Ledger, caseload: Caseload, by: LedgerDimension): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < ledger.length; i++) {
    const t = ledger.trajectory[i]!;
    let key: string;
    switch (by) {
      case "month":
        key = formatMonth(ledger.month[i]!);
        break;
      case "year":
        key = String(yearOf(ledger.month[i]!));
        break;
      case "provider":
        key = providerLabel(caseload, ledger.provider[i]!);
        break;
      case "municipality":
        key = municipalityLabel(caseload, ledger.municipality[i]!);
        break;
      case "profile":
        key = t === NO_TRAJECTORY ? "(not per trajectory)" : caseload.profiles[caseload.profile[t]!]!;
        break;
      case "careForm":
        key = t === NO_TRAJECTORY ? "(not per trajectory)" : CARE_FORMS[caseload.careForm[t]!]!;
        break;
      case "kind":
        key = LINE_KINDS[ledger.kind[i]!]!;
        break;
    }
    out.set(key, (out.get(key) ?? 0) + ledger.cents[i]!);
  }
  return out;
}
