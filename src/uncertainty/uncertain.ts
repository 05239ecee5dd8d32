import type { DistributionInput } from "./distribution.js";

/**
 * An input in which any number — or any string holding one, such as a money amount `"70.00"` or a
 * percentage — may instead be a distribution node (`{ "distribution": "triangular", … }`): the
 * input type of a comparison under parameter uncertainty.
 * @category Uncertainty and sensitivity
 */
export type Uncertain<T> = T extends number | string
  ? T | DistributionInput
  : T extends readonly (infer U)[]
    ? readonly Uncertain<U>[]
    : T extends object
      ? { [K in keyof T]: Uncertain<T[K]> }
      : T;
