import {
  createModel,
  horizon as toHorizon,
  type Caseload,
  type FundingModel,
  type HorizonInput,
  type LedgerWriter,
  type ModelConfig,
  type ModelOutcome,
} from "../../src/index.js";

/** One line exactly as a model wrote it, before the projection core decided what counts. */
export interface WrittenLine {
  /** Trajectory index, or −1 for a lump sum. */
  readonly t: number;
  /** Provider index (the trajectory's own for trajectory lines), or −1 (all providers). */
  readonly provider: number;
  /** Municipality index (the trajectory's own for trajectory lines), or −1 (whole region). */
  readonly municipality: number;
  readonly month: number;
  readonly incurred: number;
  readonly kind: number;
  readonly cents: number;
}

/**
 * A {@link LedgerWriter} that keeps every line a model writes — also those before and after the
 * horizon — so tests can recompute a projection's totals and obligations independently of the
 * core's AggregatingWriter.
 */
export class RecordingWriter implements LedgerWriter {
  readonly lines: WrittenLine[] = [];
  constructor(private readonly caseload: Caseload) {}
  trajectory(t: number, month: number, incurred: number, kind: number, cents: number): void {
    const c = this.caseload;
    this.lines.push({ t, provider: c.provider[t] ?? NaN, municipality: c.municipality[t] ?? NaN, month, incurred, kind, cents });
  }
  lump(provider: number, municipality: number, month: number, incurred: number, kind: number, cents: number): void {
    this.lines.push({ t: -1, provider, municipality, month, incurred, kind, cents });
  }
}

/** Runs a model straight into a {@link RecordingWriter}. */
export function recordLines(
  caseload: Caseload,
  model: FundingModel | ModelConfig,
  h: HorizonInput,
  paymentLagMonths = 1,
): { lines: WrittenLine[]; outcome: ModelOutcome } {
  const w = new RecordingWriter(caseload);
  const outcome = createModel(model).project({ caseload, horizon: toHorizon(h), paymentLagMonths }, w);
  return { lines: w.lines, outcome };
}

/** Sum of `cents` over the lines that pass `keep`. */
export function sumLines(lines: readonly WrittenLine[], keep: (l: WrittenLine) => boolean = () => true): number {
  let s = 0;
  for (const l of lines) if (keep(l)) s += l.cents;
  return s;
}

/** Totals of `cents` grouped by `key`. */
export function groupLines<K>(lines: readonly WrittenLine[], key: (l: WrittenLine) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const l of lines) out.set(key(l), (out.get(key(l)) ?? 0) + l.cents);
  return out;
}

/** Map without zero values (a breakdown lists every row, a ledger only rows with lines). */
export function nonZero<K>(m: ReadonlyMap<K, number>): Map<K, number> {
  return new Map([...m].filter(([, v]) => v !== 0));
}
