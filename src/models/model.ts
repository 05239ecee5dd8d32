import type { Caseload } from "../caseload/caseload.js";
import type { LedgerWriter } from "../ledger/writer.js";
import type { Notice } from "../locale/notice.js";
import type { Horizon } from "../period.js";

/**
 * The iJw execution variant (uitvoeringsvariant) a model is run under. It decides which messages
 * the model needs: `taakgericht` has no assignments and no declarations; the other two have an
 * assignment (JW301), start and stop (JW305/JW307) per client and declarations (JW323/JW325).
 * @category Funding models
 */
export type ExecutionVariant = "taakgericht" | "inspanningsgericht" | "outputgericht";

/**
 * What a model sees when it projects: the caseload, the horizon and the payment terms.
 * @category Funding models
 */
export interface ProjectionContext {
  readonly caseload: Caseload;
  readonly horizon: Horizon;
  /**
   * Months between a care month (or a start or closure) and its payment. 1 (default) means care in
   * January is declared after the month ends and paid in February.
   */
  readonly paymentLagMonths: number;
}

/**
 * A budget-ceiling (bestedingsruimte) signal: when a provider reached 70 % or 100 % in a year.
 * @category Funding models
 */
export interface CeilingSignal {
  readonly provider: string;
  readonly year: number;
  /** First month (YYYY-MM) in which paid declarations reached 70 % of the ceiling (consultation), or null. */
  readonly consultationMonth: string | null;
  /** First month in which the ceiling was reached, or null. */
  readonly reachedMonth: string | null;
  /** The ceiling, in cents. */
  readonly ceiling: number;
  /** Declared value of care in the year, in cents (what would have been paid without a cap). */
  readonly declared: number;
  /** Declared beyond the ceiling, in cents (borne by the provider, or overspend, per the behaviour). */
  readonly beyondCeiling: number;
}

/**
 * What a model reports besides its payment lines.
 * @category Funding models
 */
export interface ModelOutcome {
  /**
   * Months each trajectory's care was deferred, e.g. by an intake stop (cliëntenstop); absent when
   * every trajectory is delivered as in the caseload. The core shifts care, cost and closure by it.
   */
  readonly delays?: Int32Array;
  readonly ceilingSignals?: readonly CeilingSignal[];
  /** Measures only this model has, e.g. the occupancy of funded places. */
  readonly measures?: readonly ModelMeasure[];
  /**
   * What the analyst should know, e.g. a year whose settlement is left out because it is only
   * partly seen: a plain string (shown as is in every language) or a {@link Notice} in English and Dutch.
   */
  readonly warnings?: readonly (string | Notice)[];
}

/**
 * A model-specific measure, shown next to the common metrics. `cents` values are integer cents;
 * `percent` values have two decimals; `count` values are whole numbers.
 * @category Funding models
 */
export interface ModelMeasure {
  readonly name: string;
  readonly unit: "cents" | "percent" | "count";
  readonly value: number;
}

/**
 * A funding model (bekostigingsmodel): one strategy for how a municipality pays providers. Every
 * model implements this one interface and is configured by its own zod schema; the projection
 * core and `compare` treat them alike. Adding a model is adding one file.
 * @category Funding models
 */
export interface FundingModel {
  /** The config kind, e.g. `"effort"`. */
  readonly kind: string;
  /** A display name, e.g. `"Inspanningsgericht (p×q)"`. */
  readonly label: string;
  readonly variant: ExecutionVariant;
  /**
   * True when the model has a yearly budget ceiling (bestedingsruimte), e.g. effort funding with a
   * ceiling: reports colour it as a kind of its own, since the ceiling changes what it pays.
   */
  readonly ceiling?: boolean;
  /**
   * True when the model may make clients wait (return `delays`, e.g. an intake stop): known from
   * the config, so a combination that could not follow the waits is refused before it runs.
   */
  readonly defersCare?: boolean;
  /**
   * Writes every payment the model makes for the caseload to `out` (see {@link LedgerWriter}).
   * Throws FundingInputError when the config does not fit the caseload (an unknown provider,
   * a care form without a tariff). Must be pure: same input, same lines.
   */
  project(context: ProjectionContext, out: LedgerWriter): ModelOutcome;
  /**
   * The lump sum each provider of `caseload` receives in `year`, in cents by provider index — for
   * models that pay providers a fixed budget (taakgericht), so a behaviour response can see when a
   * provider's budget runs short. A budget for all providers together is not any one provider's.
   */
  lumpSums?(caseload: Caseload, year: number): Float64Array;
}
