import { z } from "zod";
import { FundingInputError, fromZodIssues, IssueList, type Issue } from "../errors.js";
import { excerpt } from "../excerpt.js";
import { daysInMonth, formatMonth, HorizonSchema, MonthSchema, parseMonth, type HorizonInput } from "../period.js";
import { buildCaseload, Dictionary, type TrajectoryRow } from "./builder.js";
import { useLength, type Caseload } from "./caseload.js";
import { GENERAL_TARGET_GROUP, NameSchema, UNKNOWN_AGE_GROUP } from "./names.js";
import { CARE_FORMS, CareFormSchema, maxUseInMonth, OPEN_END, OUTCOMES, UNIT_CODES, UNIT_ETMAAL, UNIT_HOUR, UNIT_MINUTE, UnitCodeSchema } from "./codes.js";
import { MAX_GROUPS, MAX_MUNICIPALITIES, MAX_PROFILES, MAX_PROVIDERS } from "./spec.js";
import { ONLY_IF_VALID } from "../onlyIfValid.js";
import { checkWork, workLimits } from "./workLimits.js";
// For the TSDoc links.
import type { DEFAULT_MAX_TRAJECTORY_MONTHS } from "./workLimits.js";
import type { MAX_KEPT_ISSUES } from "../errors.js";

const UseValue = z
  .number()
  .int("use must be a whole number in the unit's measure (minutes for hours)")
  .min(0, "use must not be negative")
  .max(2147483647, "use per month is beyond 2^31 − 1");

/**
 * One trajectory as users write it (e.g. from a region's own historical data).
 * @category Import (CSV and records)
 */
export const TrajectoryInputSchema = z
  .strictObject({
    id: NameSchema.describe("trajectory id, unique in the caseload"),
    client: NameSchema.optional().describe("client id; trajectories of one client share it (default: the trajectory id)"),
    municipality: NameSchema.describe("municipality (gemeente) that pays for the trajectory"),
    provider: NameSchema.describe("provider (aanbieder)"),
    profile: NameSchema.describe("client profile (cliëntprofiel)"),
    intensity: NameSchema.default("standaard").describe("intensity level (intensiteit)"),
    ageGroup: NameSchema.default(UNKNOWN_AGE_GROUP).describe("age group (leeftijdsgroep), e.g. 12-18"),
    targetGroup: NameSchema.default(GENERAL_TARGET_GROUP).describe("target group (doelgroep) a funding stream may be restricted to"),
    careForm: CareFormSchema,
    unit: UnitCodeSchema,
    start: MonthSchema.describe("first month of care, YYYY-MM"),
    end: MonthSchema.nullable().default(null).describe("last month of care; null while still open"),
    outcome: z.enum(OUTCOMES).describe("how the trajectory ends: achieved, notAchieved or droppedOut; open while it runs (end null)"),
    use: z
      .union([UseValue, z.array(UseValue)])
      .describe("use per month from max(start, window start) in the unit's measure, or one number for every month"),
  })
  .superRefine((r, ctx) => {
    if (r.end !== null && r.end < r.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `end ${r.end} is before start ${r.start}` });
    }
    if ((r.end === null) !== (r.outcome === "open")) {
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        message: r.end === null ? "a trajectory without an end must have outcome 'open'" : "a closed trajectory cannot have outcome 'open'",
      });
    }
  }, ONLY_IF_VALID);
/**
 * One trajectory as users write it (see {@link TrajectoryInputSchema}).
 * @category Import (CSV and records)
 */
export type TrajectoryInput = z.input<typeof TrajectoryInputSchema>;

/**
 * Names known up front, in this order, even when no record uses them — e.g. every contracted
 * provider, so a model config naming one without clients is not an error. Names in records that
 * are not listed are added after them.
 * @category Import (CSV and records)
 */
export interface KnownNames {
  readonly municipalities?: readonly string[];
  readonly providers?: readonly string[];
  readonly profiles?: readonly string[];
  readonly intensities?: readonly string[];
  readonly ageGroups?: readonly string[];
  readonly targetGroups?: readonly string[];
}

/**
 * What to do with a record (or CSV row) that fails validation.
 * @category Import (CSV and records)
 */
export type OnInvalidRow = "stop" | "skip";

/**
 * Options for {@link caseloadFromRecords}.
 * @category Import (CSV and records)
 */
export interface FromRecordsOptions extends KnownNames {
  /** The months the records' `use` covers, e.g. `{ start: "2026-01", months: 36 }`. */
  readonly window: HorizonInput;
  /**
   * Most trajectory-months (months in care inside the window, summed over the records) the
   * caseload may hold; default {@link DEFAULT_MAX_TRAJECTORY_MONTHS} (50 million). Counted from the
   * records' start and end before anything is built; more is refused with the count.
   */
  readonly maxTrajectoryMonths?: number;
}

/**
 * Options for {@link importCaseloadRecords}.
 * @category Import (CSV and records)
 */
export interface ImportRecordsOptions extends FromRecordsOptions {
  /**
   * `"stop"` (default): any invalid record stops the import with every issue. `"skip"`: invalid
   * records are left out and returned in `rejected`, with their index, id and issues.
   */
  readonly onInvalidRow?: OnInvalidRow;
}

/**
 * A record left out by {@link importCaseloadRecords} with `onInvalidRow: "skip"`.
 * @category Import (CSV and records)
 */
export interface RejectedRecord {
  /** Position in the records array. */
  readonly index: number;
  /** The record's own id, when it has one as text. */
  readonly id: string | null;
  /**
   * Why: each issue with its path `[index, field, …]`; only the first once the import has found
   * {@link MAX_KEPT_ISSUES} issues.
   */
  readonly issues: readonly Issue[];
}

/**
 * The result of {@link importCaseloadRecords}: records in = `caseload.size` + `rejected.length`.
 * @category Import (CSV and records)
 */
export interface RecordsImport {
  readonly caseload: Caseload;
  readonly rejected: readonly RejectedRecord[];
}

/**
 * Validates plain trajectory objects and stores them as a columnar {@link Caseload}. Every record
 * is either imported or reported: the error lists each bad field as `[index].field` with the
 * reason and the record's own id (`trajectory "T012": …`), and nothing is dropped silently. To keep
 * the good records and get the bad ones back, use {@link importCaseloadRecords}.
 * @example
 * ```ts
 * import { caseloadFromRecords } from "jeugdhulp-bekostiging";
 *
 * // use: minutes a month for unit 04 (hours), etmalen for unit 14 (residential care).
 * const caseload = caseloadFromRecords(
 *   [
 *     { id: "t1", municipality: "Aldervoort", provider: "Jeugdhulp Noord", profile: "opvoeden", careForm: "ambulant", unit: "04", start: "2026-01", end: "2026-06", outcome: "achieved", use: 240 },
 *     { id: "t2", municipality: "Kaaghorst", provider: "Woongroep Zuid", profile: "verblijf", careForm: "verblijf", unit: "14", start: "2025-10", end: "2026-09", outcome: "notAchieved", use: 28 },
 *   ],
 *   { window: { start: "2025-12", months: 13 } }, // from December: January pays December's care
 * );
 * console.log(caseload.size); // → 2
 * ```
 * @category Import (CSV and records)
 */
export function caseloadFromRecords(records: readonly unknown[], options: FromRecordsOptions): Caseload {
  return importRecords(records, options, false).caseload;
}

/**
 * {@link caseloadFromRecords} with a choice for invalid records: with `onInvalidRow: "skip"` the
 * valid records become the caseload and each invalid one is returned in `rejected` (index, id,
 * issues). Records in = imported + rejected, always. A duplicate id rejects the later record. When
 * no record is valid there is nothing to compare: it throws as `"stop"` does.
 * @category Import (CSV and records)
 */
export function importCaseloadRecords(records: readonly unknown[], options: ImportRecordsOptions): RecordsImport {
  return importRecords(records, options, skipOf(options, "caseload options"));
}

function importRecords(records: readonly unknown[], options: FromRecordsOptions, skip: boolean): RecordsImport {
  const checked = checkedOptions(options);
  if (!Array.isArray(records)) {
    throw new FundingInputError("caseload", [{ code: "invalid_type", path: [], message: "expected an array of trajectories" }]);
  }
  const { caseload, issues, omitted, rejected } = validateRecords(records, checked, skip);
  if (caseload === null || (!skip && issues.length > 0)) {
    const withIds = issues.map((issue) => {
      const raw: unknown = typeof issue.path[0] === "number" ? records[issue.path[0]] : undefined;
      const id = idOf(raw);
      // The id as an excerpt: a 100 kB id is not echoed whole.
      const shown = id === null ? null : `"${excerpt(id)}"`;
      return shown === null || issue.message.includes(shown) ? issue : { ...issue, message: `trajectory ${shown}: ${issue.message}` };
    });
    throw new FundingInputError("caseload records", withIds, omitted);
  }
  return { caseload, rejected };
}

/** Months in care inside the window, summed over the records whose start (and end) read as months; others count 0. */
function recordMonths(records: readonly unknown[], window: { start: number; months: number }): number {
  let total = 0;
  for (const raw of records) {
    if (typeof raw !== "object" || raw === null) continue;
    const { start, end } = raw as { start?: unknown; end?: unknown };
    if (typeof start !== "string" || !MONTH.test(start)) continue;
    const e = typeof end === "string" && MONTH.test(end) ? parseMonth(end) : OPEN_END;
    total += useLength(window, parseMonth(start), e);
  }
  return total;
}
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A record's id when it is a non-empty text, for messages. */
export function idOf(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === "string" && id.trim() !== "" ? id : null;
}

/**
 * Whether `options.onInvalidRow` asks to skip invalid rows (`"skip"`) rather than stop (`"stop"`,
 * the default); any other value is an input error of `subject`. Options that are not an object
 * are left to the caller's own check.
 */
export function skipOf(options: unknown, subject: string): boolean {
  const o = typeof options === "object" && options !== null ? (options as { onInvalidRow?: unknown }).onInvalidRow : undefined;
  if (o !== undefined && o !== "stop" && o !== "skip") {
    throw new FundingInputError(subject, [{ code: "invalid_value", path: ["onInvalidRow"], message: `onInvalidRow must be "stop" or "skip", got ${JSON.stringify(o)}` }]);
  }
  return o === "skip";
}

function checkedOptions<T extends FromRecordsOptions>(options: T): T {
  if (typeof options !== "object" || options === null) {
    throw new FundingInputError("caseload options", [
      { code: "invalid_type", path: ["window"], message: 'needs the window the records cover, e.g. { window: { start: "2026-01", months: 12 } }' },
    ]);
  }
  const w = HorizonSchema.safeParse(options.window);
  if (!w.success) throw new FundingInputError("caseload window", fromZodIssues(w.error.issues, ["window"]));
  return options;
}

/**
 * The records' checks, record by record. Issues carry paths `[index, field, …]` without the id
 * (the CSV import locates them by line instead). Without `skip`, nothing is built once anything
 * failed; with it, the valid records are built and the others listed in `rejected` (only with
 * `skip`). The first {@link MAX_KEPT_ISSUES} issues are kept, the others counted in `omitted`; a
 * rejected record past the cap keeps its first reason only. `ignore` drops issues the caller
 * reports in its own words (neither kept nor counted).
 */
export function validateRecords(
  records: readonly unknown[],
  options: FromRecordsOptions,
  skip: boolean,
  ignore?: (issue: Issue) => boolean,
): { caseload: Caseload | null; issues: Issue[]; omitted: number; rejected: RejectedRecord[] } {
  const w = HorizonSchema.parse(options.window);
  const window = { start: parseMonth(w.start), months: w.months };
  const windowEnd = window.start + window.months - 1;
  const issues = new IssueList<Issue>();
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  const seeded = (limit: number, names: readonly string[] | undefined): Dictionary => {
    const d = new Dictionary(limit);
    for (const n of names ?? []) d.add(n);
    return d;
  };
  const municipalities = seeded(MAX_MUNICIPALITIES, options.municipalities);
  const providers = seeded(MAX_PROVIDERS, options.providers);
  const profiles = seeded(MAX_PROFILES, options.profiles);
  const intensities = seeded(MAX_GROUPS, options.intensities);
  const ageGroups = seeded(MAX_GROUPS, options.ageGroups);
  const targetGroups = seeded(MAX_GROUPS, options.targetGroups);
  const clients = new Dictionary(2147483647);
  // Bounded work: the months of use the records would fill, counted before any is allocated.
  const limit = workLimits({ maxTrajectoryMonths: options.maxTrajectoryMonths }, "caseload options").maxTrajectoryMonths;
  checkWork({ trajectoryMonths: recordMonths(records, window) }, { maxTrajectoryMonths: limit, maxTrajectories: Infinity }, "caseload records", `the ${records.length.toLocaleString("en")} records`);
  const rows: TrajectoryRow[] = [];
  // Whether any record failed (its issues may all be `ignore`d, or only counted).
  let failed = false;
  records.forEach((raw, i) => {
    // This record's issues, then kept (or counted) in `issues`.
    const mine: Issue[] = [];
    const reject = (): void => {
      failed = true;
      const room = !issues.full;
      for (const issue of mine) issues.push(issue);
      // Past the cap a rejected record keeps its first reason: every rejected record is listed.
      if (skip) rejected.push({ index: i, id: idOf(raw), issues: room ? mine : mine.slice(0, 1) });
    };
    const add = (issue: Issue): void => {
      if (ignore === undefined || !ignore(issue)) mine.push(issue);
    };
    // Not an object: zod's own words without zod's error (ten million of them took minutes).
    const type = raw === null ? "null" : Array.isArray(raw) ? "array" : typeof raw;
    if (type !== "object" && type !== "undefined" && type !== "function") {
      add({ code: "invalid_type", path: [i], message: `Invalid input: expected object, received ${type}` });
      reject();
      return;
    }
    // A use list longer than the window is refused as one issue, not one per month: a record of
    // ten million negative uses would otherwise make ten million issues.
    const longUse = Array.isArray((raw as { use?: unknown } | null)?.use) && (raw as { use: unknown[] }).use.length > window.months;
    const p = TrajectoryInputSchema.safeParse(longUse ? { ...(raw as object), use: 0 } : raw);
    if (longUse) add({ code: "too_big", path: [i, "use"], message: `has ${(raw as { use: unknown[] }).use.length} months of use, more than the window's ${window.months}` });
    if (!p.success || longUse) {
      if (!p.success) for (const issue of fromZodIssues(p.error.issues, [i])) add(issue);
      // An id that is valid text still counts for duplicates, even on a rejected record.
      const id = idOf(raw);
      if (id !== null) seen.add(id);
      reject();
      return;
    }
    const r = p.data;
    const start = parseMonth(r.start);
    const end = r.end === null ? OPEN_END : parseMonth(r.end);
    const here = (field: string, message: string, code = "custom"): void => {
      add({ code, path: [i, field], message });
    };
    if (seen.has(r.id)) here("id", `duplicate trajectory id "${excerpt(r.id)}"`);
    seen.add(r.id);
    if (start > windowEnd) here("start", `starts ${r.start}, after the window ends`);
    const expected = useLength(window, start, end);
    const use = typeof r.use === "number" ? new Array<number>(expected).fill(r.use) : r.use;
    if (use.length !== expected) {
      here("use", `has ${use.length} months of use, expected ${expected} (months in care inside the window)`);
    }
    const unit = UNIT_CODES.indexOf(r.unit);
    const first = Math.max(start, window.start);
    use.forEach((v, k) => {
      const limit = maxUseInMonth(unit, daysInMonth(first + k));
      if (v > limit) {
        const what = unit === UNIT_ETMAAL ? "etmalen" : unit === UNIT_MINUTE || unit === UNIT_HOUR ? "minutes" : "units";
        add({ code: "too_big", path: [i, "use", k], message: `${v} ${what} in ${formatMonth(first + k)}, more than the month holds (${limit})` });
      }
    });
    if (mine.length > 0) {
      reject();
      return;
    }
    const idx = {
      municipality: municipalities.add(r.municipality),
      provider: providers.add(r.provider),
      profile: profiles.add(r.profile),
      intensity: intensities.add(r.intensity),
      ageGroup: ageGroups.add(r.ageGroup),
      targetGroup: targetGroups.add(r.targetGroup),
      client: clients.add(r.client ?? r.id),
    };
    for (const [field, v] of Object.entries(idx)) if (v === undefined) here(field, `too many distinct ${field} values`);
    if (mine.length > 0) {
      reject();
      return;
    }
    if (!skip && failed) return; // keep validating, but build nothing once anything failed
    rows.push({
      id: r.id,
      client: idx.client!,
      municipality: idx.municipality!,
      provider: idx.provider!,
      profile: idx.profile!,
      intensity: idx.intensity!,
      ageGroup: idx.ageGroup!,
      targetGroup: idx.targetGroup!,
      careForm: CARE_FORMS.indexOf(r.careForm),
      unit,
      start,
      end,
      outcome: OUTCOMES.indexOf(r.outcome),
      use,
    });
  });
  // With skip, a caseload of the valid records; none at all when every record failed.
  const build = !failed || (skip && rows.length > 0);
  const caseload = build
    ? buildCaseload(rows, {
        window,
        municipalities: municipalities.names,
        providers: providers.names,
        profiles: profiles.names,
        intensities: intensities.names,
        ageGroups: ageGroups.names,
        targetGroups: targetGroups.names,
      })
    : null;
  return { caseload, issues: issues.kept, omitted: issues.omitted, rejected };
}
