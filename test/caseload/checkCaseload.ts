import { expect } from "vitest";
import { useLength, type Caseload } from "../../src/caseload/caseload.js";
import { CARE_FORMS, OPEN_END, OUTCOME_OPEN, UNIT_CODES } from "../../src/caseload/codes.js";
import { CaseloadSpecSchema, type CaseloadSpecInput } from "../../src/caseload/spec.js";
import { horizonEnd } from "../../src/period.js";

/** Days in a month given as year × 12 + (month − 1), computed independently of the generator. */
export function daysIn(m: number): number {
  const y = Math.floor(m / 12);
  const month = m - y * 12;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return month === 1 ? (leap ? 29 : 28) : [3, 5, 8, 10].includes(month) ? 30 : 31;
}

/**
 * Checks every structural invariant of a generated caseload against its spec. Collects the first
 * violation per rule as a message (so a failing property shows what broke) and asserts none.
 */
export function checkCaseload(specInput: CaseloadSpecInput, c: Caseload): void {
  const spec = CaseloadSpecSchema.parse(specInput);
  const problems: string[] = [];
  const fail = (rule: string, t: number, detail = ""): void => {
    if (!problems.some((p) => p.startsWith(rule))) problems.push(`${rule} (trajectory ${t} ${c.ids[t]}) ${detail}`);
  };
  const W = c.window.start;
  const E = horizonEnd(c.window);
  expect(c.municipalities).toEqual(spec.municipalities.map((m) => m.name));
  expect(c.providers).toEqual(spec.providers.map((p) => p.name));
  expect(c.profiles).toEqual(spec.profiles.map((p) => p.name));
  expect(c.useOffset.length).toBe(c.size + 1);
  expect(c.useOffset[c.size]).toBe(c.use.length);
  expect(new Set(c.ids).size).toBe(c.size);
  const lastEnd = new Map<number, number>();
  for (let t = 0; t < c.size; t++) {
    const start = c.start[t]!;
    const end = c.end[t]!;
    const profile = spec.profiles[c.profile[t]!]!;
    if (t > 0 && c.start[t - 1]! > start) fail("sorted by start", t);
    if (!c.ids[t]!.startsWith(`${profile.name}-`)) fail("id names its profile", t);
    if (end < start) fail("end >= start", t, `${start} > ${end}`);
    if ((end === OPEN_END) !== (c.outcome[t] === OUTCOME_OPEN)) fail("open iff end is OPEN_END", t);
    if (end !== OPEN_END && end > E) fail("closed trajectories end inside the window", t);
    if (start > E) fail("starts inside or before the window", t);
    if (start < W && end < W) fail("stock runs at the window start", t);
    const len = c.useOffset[t + 1]! - c.useOffset[t]!;
    if (len !== useLength(c.window, start, end)) fail("use length", t, `${len} vs ${useLength(c.window, start, end)}`);
    if (len < 1) fail("every trajectory is in care inside the window", t);
    if (CARE_FORMS[c.careForm[t]!] !== profile.careForm) fail("care form of the profile", t);
    if (UNIT_CODES[c.unit[t]!] !== profile.unit) fail("unit of the profile", t);
    if (!spec.providers[c.provider[t]!]!.careForms.includes(profile.careForm)) fail("provider offers the care form", t);
    const intensity = profile.intensities.find((x) => x.name === c.intensities[c.intensity[t]!]);
    if (intensity === undefined) fail("intensity belongs to the profile", t);
    if (c.municipality[t]! >= spec.municipalities.length) fail("municipality index", t);
    const from = start > W ? start : W;
    for (let k = 0; k < len; k++) {
      const v = c.use[c.useOffset[t]! + k]!;
      if (v < 0 || !Number.isInteger(v)) fail("use is a whole number >= 0", t);
      if (intensity && intensity.monthlyUse.mean > 0 && v < 1) fail("use >= 1 when the mean is positive", t);
      if (intensity && intensity.monthlyUse.mean === 0 && v !== 0) fail("use 0 when the mean is 0", t);
      if (profile.unit === "14" && v > daysIn(from + k)) fail("etmalen at most the days of the month", t, `${v}`);
    }
    const prev = c.previous[t]!;
    if (prev >= 0) {
      if (prev >= t) fail("previous is earlier in the caseload", t);
      if (c.client[prev] !== c.client[t]) fail("previous is the same client", t);
      if (c.start[prev]! > start) fail("previous starts no later", t);
      if (!(c.end[prev]! < start)) fail("previous ended before this one started", t);
      if (c.municipality[prev] !== c.municipality[t]) fail("re-entry keeps the municipality", t);
      if (c.profile[prev] !== c.profile[t]) fail("re-entry keeps the profile", t);
      if (start - c.end[prev]! > profile.reentry.withinMonths) fail("re-entry within withinMonths", t);
      if (lastEnd.get(c.client[t]!) !== c.end[prev]) fail("previous is the client's latest trajectory", t);
    } else if (lastEnd.has(c.client[t]!)) {
      fail("a client's later trajectory links to its previous", t);
    }
    lastEnd.set(c.client[t]!, end);
  }
  expect(problems).toEqual([]);
}
