/**
 * What a payment line is for:
 * - `instalment`: a lump-sum instalment (voorschot/termijn) under task funding, independent of volume;
 * - `declaration`: a claim (declaratie, JW323) for care delivered in a month, or an output instalment;
 * - `advance`: the part paid when a trajectory or arrangement starts;
 * - `settlement`: the final part at closure, or a year-end settlement (nacalculatie). May be negative.
 * @category Projection and ledger
 */
export const LINE_KINDS = ["instalment", "declaration", "advance", "settlement"] as const;
/**
 * One of {@link LINE_KINDS}.
 * @category Projection and ledger
 */
export type LineKind = (typeof LINE_KINDS)[number];
/** Line kind index constants for the hot path (index into {@link LINE_KINDS}). */
export const KIND_INSTALMENT = 0;
export const KIND_DECLARATION = 1;
export const KIND_ADVANCE = 2;
export const KIND_SETTLEMENT = 3;

/**
 * Provider index of a lump sum paid to all providers together (one budget for all).
 * @category Projection and ledger
 */
export const ALL_PROVIDERS = -1;
/**
 * Municipality index of a line paid for the whole region rather than one municipality.
 * @category Projection and ledger
 */
export const WHOLE_REGION = -1;
/**
 * Trajectory index of a line that belongs to no single trajectory.
 * @category Projection and ledger
 */
export const NO_TRAJECTORY = -1;
