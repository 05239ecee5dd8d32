import { FundingInputError } from "../errors.js";
import type { LedgerWriter } from "../ledger/writer.js";
import { asNotice, prefixed, type Notice } from "../locale/notice.js";
import type { CeilingSignal, FundingModel, ModelMeasure, ModelOutcome, ProjectionContext } from "./model.js";

/**
 * A model made of parts (a hybrid contract): e.g. a lump sum base per provider plus an output
 * top-up per client. Every part writes its own payments to the same ledger, so the parts add up;
 * nothing is shared between them but the caseload. A part that makes clients wait (an intake stop)
 * cannot be combined with others: they would pay for care that was deferred. The variant is the first part's that messages per client,
 * else taakgericht. Build it from configs with `createModel({ kind: "combined", parts: [...] })`.
 * @category Funding models
 */
export function combinedModel(parts: readonly FundingModel[], label?: string): FundingModel {
  const given: unknown = parts;
  const notModel = (p: unknown): boolean => typeof (p as FundingModel | null)?.project !== "function";
  if (!Array.isArray(given) || given.length === 0 || given.some(notModel)) {
    const bad = Array.isArray(given) ? given.findIndex(notModel) : -1;
    throw new FundingInputError("combined model", [
      bad >= 0
        ? { code: "invalid_type", path: ["parts", bad], message: "expected a funding model (createModel(config)), not a config or another value" }
        : { code: "too_small", path: ["parts"], message: "needs a list of at least one part (funding models)" },
    ]);
  }
  // Refused by its config, not by whether this caseload happens to reach the stop: the same
  // combination must not pass one Monte Carlo run and fail the next.
  const waits = parts.length > 1 ? parts.findIndex((p) => p.defersCare === true) : -1;
  if (waits >= 0) throw delaysInCombination(parts, waits);
  return {
    kind: "combined",
    label: label ?? parts.map((p) => p.label).join(" + "),
    variant: parts.find((p) => p.variant !== "taakgericht")?.variant ?? "taakgericht",
    defersCare: parts.some((p) => p.defersCare === true),
    project(ctx: ProjectionContext, out: LedgerWriter): ModelOutcome {
      let delays: Int32Array | undefined;
      const ceilingSignals: CeilingSignal[] = [];
      const measures: ModelMeasure[] = [];
      const warnings: Notice[] = [];
      parts.forEach((part, i) => {
        const o = part.project(ctx, out);
        if (o.delays && o.delays.some((d) => d > 0)) {
          // A model that does not declare defersCare and still made clients wait.
          if (parts.length > 1) throw delaysInCombination(parts, i);
          delays = o.delays;
        }
        ceilingSignals.push(...(o.ceilingSignals ?? []));
        measures.push(...(o.measures ?? []).map((m) => ({ ...m, name: `${part.label}: ${m.name}` })));
        warnings.push(...(o.warnings ?? []).map((w) => prefixed(part.label, asNotice(w))));
      });
      return { ...(delays ? { delays } : {}), ceilingSignals, measures, warnings };
    },
  };
}

/** The other parts pay for care as it is in the caseload; a part whose clients wait would make them wrong. */
function delaysInCombination(parts: readonly FundingModel[], i: number): FundingInputError {
  return new FundingInputError("combined model", [
    {
      code: "delays_in_combination",
      path: ["parts", i],
      message: `part "${parts[i]!.label}" can make clients wait (an intake stop); the other parts cannot follow that yet — compare it as a model of its own`,
    },
  ]);
}
