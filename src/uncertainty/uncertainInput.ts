import { Decimal } from "decimal.js";
import { FundingInputError, formatPath, fromZodIssues, type Issue } from "../errors.js";
import { Rng } from "../random.js";
import { DistributionSchema, type Distribution } from "./distribution.js";
import { centre } from "./moments.js";
import { quantile } from "./quantile.js";
import { sampleDistribution } from "./sample.js";

/*
 * Uncertain inputs inside a scenario. A scenario input (caseload spec, model configs, behaviour
 * set) is a plain JSON tree; any object in it whose `distribution` key is a string is a
 * distribution node. findUncertain lists them, drawParameters / centreValues / quantileValues give
 * each a value, and resolveUncertain writes the values into a copy of the tree, which then goes
 * through the ordinary schemas as if the user had typed the numbers.
 */

/**
 * A location inside a JSON tree: object keys and array indexes.
 * @category Uncertainty and sensitivity
 */
export type TreePath = readonly (string | number)[];

/**
 * One uncertain parameter of a scenario: a distribution node and where it sits.
 * @category Uncertainty and sensitivity
 */
export interface UncertainParameter {
  /** Where the node sits in the tree, e.g. `["models", 1, "tariffs", 0, "tariff"]`. */
  readonly path: TreePath;
  /** The path as text, `models[1].tariffs[0].tariff` (`(root)` for the tree itself): the parameter's identity. */
  readonly key: string;
  /** The node's `name`, else its key: the row label of a tornado chart. */
  readonly label: string;
  /** The validated distribution. */
  readonly distribution: Distribution;
}

/**
 * Values per parameter key: draws, centres or quantiles (the draw before `as` converts it).
 * @category Uncertainty and sensitivity
 */
export type ParameterValues = ReadonlyMap<string, number>;

/**
 * Whether `value` is a distribution node: a (non-array) object whose `distribution` key is a string.
 * @category Uncertainty and sensitivity
 */
export function isDistributionNode(value: unknown): value is Readonly<Record<string, unknown>> & { readonly distribution: string } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { distribution?: unknown }).distribution === "string";
}

/** Where every distribution node of a JSON tree sits (nodes are not searched inside), unvalidated. */
export function distributionPaths(tree: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isDistributionNode(tree)) return [path];
  if (typeof tree !== "object" || tree === null) return [];
  return Object.entries(tree).flatMap(([k, v]) => distributionPaths(v, [...path, Array.isArray(tree) ? Number(k) : k]));
}

/**
 * Every distribution node in `tree`, depth first in key order, each validated by
 * {@link DistributionSchema}. Nodes are not searched inside (a distribution's fields are numbers).
 * Throws one FundingInputError listing every bad node's issues at its place in the tree
 * (`models[1].tariffs[0].tariff.sd: sd must be greater than 0`), and two nodes with the same
 * `name` (a name labels one tornado row, so it must say which node it is).
 * @category Uncertainty and sensitivity
 */
export function findUncertain(tree: unknown): UncertainParameter[] {
  const params: UncertainParameter[] = [];
  const issues: Issue[] = [];
  const byName = new Map<string, string>();
  visit(tree, [], (node, path) => {
    const parsed = DistributionSchema.safeParse(node);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, path));
      return;
    }
    const key = formatPath(path);
    const name = parsed.data.name;
    if (name !== undefined) {
      const other = byName.get(name);
      if (other !== undefined) {
        issues.push({ code: "duplicate_name", path: [...path, "name"], message: `name "${name}" is also used by ${other}; each uncertain parameter needs its own name` });
        return;
      }
      byName.set(name, key);
    }
    params.push({ path, key, label: name ?? key, distribution: parsed.data });
  });
  if (issues.length > 0) throw new FundingInputError("uncertain parameters", issues);
  return params;
}

/**
 * A copy of `tree` in which every distribution node is replaced by its value from `values` (by
 * parameter key), or by its centre when `values` has none, converted by the node's `as`
 * ({@link convertDraw}). Arrays and plain objects are copied; `tree` itself is never changed.
 * Validates the nodes as {@link findUncertain} does; a key in `values` that names no node, or a
 * value that is not a finite number, is an error too (a misspelt key would silently leave a
 * parameter at its centre).
 * @category Uncertainty and sensitivity
 */
export function resolveUncertain(tree: unknown, values: ParameterValues = new Map()): unknown {
  const params = new Map(findUncertain(tree).map((p) => [p.key, p]));
  const issues: Issue[] = [];
  for (const [key, value] of values) {
    if (!params.has(key)) issues.push({ code: "unknown_parameter", path: [], message: `no uncertain parameter at ${key}` });
    else if (!Number.isFinite(value)) issues.push({ code: "invalid_value", path: [...params.get(key)!.path], message: `value ${value} is not a finite number` });
  }
  if (issues.length > 0) throw new FundingInputError("parameter values", issues);
  return copy(tree, [], (path) => {
    const param = params.get(formatPath(path))!;
    return convertDraw(param.distribution, values.get(param.key) ?? centre(param.distribution));
  });
}

/**
 * Converts a value of a distribution by its `as`: `number` as is; `integer` rounded half-up
 * (halves away from zero) to a whole number; `euros` a decimal string rounded half-up to the cent
 * (`"70.13"`); `percent` a decimal string rounded half-up to 4 decimals (`"3.1250"`). Exact: the
 * rounding is decimal (decimal.js) on the number's shortest decimal representation, so 70.125
 * becomes "70.13" although the binary double lies just below it. Never "-0.00".
 * @category Uncertainty and sensitivity
 */
export function convertDraw(d: Distribution, value: number): number | string {
  if (!Number.isFinite(value)) {
    throw new FundingInputError("parameter value", [{ code: "invalid_value", path: [], message: `value ${value} is not a finite number` }]);
  }
  switch (d.as ?? "number") {
    case "number":
      return value;
    case "integer":
      return new Decimal(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
    case "euros":
      return fixed(value, 2);
    case "percent":
      return fixed(value, 4);
  }
}

/**
 * One draw per parameter for a Monte Carlo run `seed`, each from its own stream
 * `new Rng(seed, "parameter:" + key)`: adding, removing or reordering a parameter leaves every
 * other parameter's draws as they were (common random numbers across scenario variants), and the
 * draws do not depend on the caseload's streams of the same seed.
 * @category Uncertainty and sensitivity
 */
export function drawParameters(params: readonly UncertainParameter[], seed: number): Map<string, number> {
  return new Map(params.map((p) => [p.key, sampleDistribution(p.distribution, new Rng(seed, "parameter:" + p.key))]));
}

/**
 * Every parameter at its centre (its distribution's mean): the base case.
 * @category Uncertainty and sensitivity
 */
export function centreValues(params: readonly UncertainParameter[]): Map<string, number> {
  return new Map(params.map((p) => [p.key, centre(p.distribution)]));
}

/**
 * Every parameter at its quantile `p` (0 < p < 1), e.g. 0.05 for each one's P5.
 * @category Uncertainty and sensitivity
 */
export function quantileValues(params: readonly UncertainParameter[], p: number): Map<string, number> {
  return new Map(params.map((p2) => [p2.key, quantile(p2.distribution, p)]));
}

function fixed(value: number, decimals: number): string {
  const d = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return (d.isZero() ? d.abs() : d).toFixed(decimals);
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Calls `found` for every distribution node in `node`, depth first, without entering the nodes. */
function visit(node: unknown, path: (string | number)[], found: (node: unknown, path: (string | number)[]) => void): void {
  if (isDistributionNode(node)) found(node, path);
  else if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i], found));
  else if (isPlainObject(node)) for (const [k, v] of Object.entries(node)) visit(v, [...path, k], found);
}

/** A structural copy of `node` with each distribution node replaced by `replace(path)`. */
function copy(node: unknown, path: (string | number)[], replace: (path: (string | number)[]) => unknown): unknown {
  if (isDistributionNode(node)) return replace(path);
  if (Array.isArray(node)) return node.map((item, i) => copy(item, [...path, i], replace));
  if (isPlainObject(node)) {
    // fromEntries defines own properties, so a "__proto__" key in parsed JSON stays a plain key.
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v, [...path, k], replace)]));
  }
  return node;
}
