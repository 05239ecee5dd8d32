import type { LedgerWriter } from "../ledger/writer.js";
import type { CeilingSignal, FundingModel, ModelMeasure, ModelOutcome, ProjectionContext } from "./model.js";

/**
 * A model made of parts (a hybrid contract): e.g. a lump sum base per provider plus an output
 * top-up per client. Every part writes its own payments to the same ledger, so the parts add up;
 * nothing is shared between them but the caseload. When parts defer care (an intake stop), the
 * longest wait of a trajectory counts. The variant is the first part's that messages per client,
 * else taakgericht. Build it from configs with `createModel({ kind: "combined", parts: [...] })`.
 */
export function combinedModel(parts: readonly FundingModel[], label?: string): FundingModel {
  if (parts.length === 0) throw new RangeError("combinedModel: needs at least one part");
  return {
    kind: "combined",
    label: label ?? parts.map((p) => p.label).join(" + "),
    variant: parts.find((p) => p.variant !== "taakgericht")?.variant ?? "taakgericht",
    project(ctx: ProjectionContext, out: LedgerWriter): ModelOutcome {
      let delays: Int32Array | undefined;
      const ceilingSignals: CeilingSignal[] = [];
      const measures: ModelMeasure[] = [];
      for (const part of parts) {
        const o = part.project(ctx, out);
        if (o.delays) {
          if (!delays) delays = new Int32Array(o.delays);
          else for (let t = 0; t < delays.length; t++) if (o.delays[t]! > delays[t]!) delays[t] = o.delays[t]!;
        }
        ceilingSignals.push(...(o.ceilingSignals ?? []));
        measures.push(...(o.measures ?? []).map((m) => ({ ...m, name: `${part.label}: ${m.name}` })));
      }
      return { ...(delays ? { delays } : {}), ceilingSignals, measures };
    },
  };
}
