/**
 * examples/stimuleringsimpuls-2021.ts (seed 001): the printed summary is what the API computes, and
 * the worked example matches amounts and dates worked out by hand.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { options, requestSpec, SEED, stimuleringsimpuls2021, workedRequests } from "../../examples/stimuleringsimpuls-2021.js";
import { formatEuro } from "../../src/money/format.js";
import { GRANT_REJECTION_LABELS, GRANT_REJECTION_REASONS, simulateGrantPool, type GrantPoolResult } from "../../src/streams/grantPool.js";
import { generateGrantRequests } from "../../src/streams/grantRequestGenerator.js";

/** The text after a label at the start of a line (the summary has a label column). */
const value = (out: string, label: string): string => {
  const l = out.split("\n").find((x) => x.startsWith(label));
  if (l === undefined) throw new Error(`no line "${label}" in the output`);
  return l.slice(label.length).trim();
};
/** The cells of the table row starting with `first`, split on runs of 2+ spaces. */
const row = (out: string, first: string): string[] => value(out, first).split(/\s{2,}/);

describe("examples/stimuleringsimpuls-2021.ts", () => {
  let out = "";
  let direct: GrantPoolResult;
  beforeAll(() => {
    out = execFileSync("node_modules/.bin/tsx", ["examples/stimuleringsimpuls-2021.ts"], { encoding: "utf8" });
    // The same year, straight through the API.
    direct = simulateGrantPool(stimuleringsimpuls2021, generateGrantRequests(requestSpec, SEED), options);
  });

  it("prints the counts of the API's result", () => {
    const t = direct.totals;
    expect(out).toContain(`seed ${SEED}`);
    expect(value(out, "Requests received")).toBe(String(t.requests));
    expect(value(out, "  approved (toegekend)")).toBe(String(t.approvals));
    expect(value(out, "  rejected (afgewezen)")).toBe(String(t.rejections));
    for (const reason of GRANT_REJECTION_REASONS) expect(value(out, `    ${GRANT_REJECTION_LABELS[reason]}`)).toBe(String(t.byReason[reason]));
    // A year with more demand than budget: the stop bites, and some requests are refused on eligibility.
    expect(t.byReason.poolStopped).toBeGreaterThan(0);
    expect(t.byReason.costsAlreadyIncurred).toBeGreaterThan(0);
  });

  it("prints the money of the API's result in Dutch euros", () => {
    const t = direct.totals;
    expect(value(out, "Requested")).toBe(formatEuro(t.requested));
    expect(value(out, "Transferred in")).toBe(formatEuro(7_500_000));
    expect(value(out, "Committed (opdrachtbrieven)")).toBe(formatEuro(t.committed));
    expect(value(out, "Paid (after delivery, by invoice)")).toBe(formatEuro(t.paid));
    expect(value(out, "Released (below commitment, not called)")).toBe(formatEuro(t.released));
    // Invoices up to 105 % of the amount asked: the part above the commission letter is reported, not paid.
    expect(value(out, "Invoiced above the commitment (not paid)")).toBe(`${formatEuro(t.invoiceAboveCommitment)} on ${t.invoicesAboveCommitment} requests`);
    expect(t.invoicesAboveCommitment).toBeGreaterThan(0);
    const dec = direct.byMonth.at(-1)!;
    expect(dec.month).toBe("2021-12");
    expect(value(out, "Open at the end of 2021-12 (verplichtingen)")).toBe(formatEuro(dec.open));
    expect(value(out, "Budget left at the end of 2021-12")).toBe(formatEuro(dec.remaining));
    // Every request was received in 2021: what the year paid for good never passes the cap plus the transfer.
    expect(t.committed - t.released).toBeLessThanOrEqual(52_500_000 + 7_500_000);
  });

  it("prints decision times, the dry month and the stops", () => {
    const dt = direct.decisionTimes;
    expect(value(out, "Decision time, working days")).toBe(`mean ${dt.meanWorkingDays.toFixed(1).replace(".", ",")}, max ${dt.maxWorkingDays}`);
    expect(value(out, "  standard review")).toMatch(new RegExp(`^${dt.byTrack.standard.count} requests, mean 5,0, max 5$`));
    expect(direct.dryMonth).not.toBeNull();
    expect(value(out, "Pool runs dry")).toBe(`${direct.dryMonth} (first refusal for lack of budget on ${direct.dryDate})`);
    expect(value(out, "Temporary stops")).toContain(direct.stops[0]!.from);
  });

  it("prints committed, paid and released per region", () => {
    expect(direct.byRegion.map((r) => r.region)).toEqual(["Flevoland", "Lekstroom", "Regio Amersfoort", "Utrecht Stad", "Utrecht West", "Zuidoost Utrecht"]);
    for (const r of direct.byRegion) {
      expect(row(out, r.region)).toEqual([
        String(r.requests),
        String(r.approvals),
        String(r.rejections),
        formatEuro(r.committed),
        formatEuro(r.paid),
        formatEuro(r.released),
        formatEuro(r.invoiceAboveCommitment),
      ]);
    }
  });

  it("prints each month's budget left", () => {
    for (const m of direct.byMonth) expect(row(out, m.month).at(-1)).toBe(formatEuro(m.remaining));
  });

  it("the worked example, by hand", () => {
    // Rules of 2021 (the requests come before the July version): 5 working days, urgent 2, cap €525,000.
    // W1: Fri 23 April + 5 → Mon 3 May (Tue 27 April Koningsdag). Invoice €11,250 on 15 June,
    //     paid 30 days later on 15 July; €12,500 − €11,250 = €1,250 released.
    // W2: real estate €120,000 ≤ €150,000: standard. Mon 10 May + 5: 11, 12, (13 Hemelvaart), 14, 17, 18 → 18 May.
    //     Invoiced in full on 1 September, paid 1 October.
    // W3: costs already incurred → rejected, decided Tue 11 May + 5 → 19 May.
    // W4: urgent guarantee: Thu 20 May + 2: Fri 21 (1), (Mon 24 Pinkstermaandag), Tue 25 (2) → 25 May.
    //     Called for €10,000 on 2 August: paid 1 September; €20,000 released on 2 August.
    expect(row(out, "W1")).toEqual(["Utrecht Stad", "maatwerk", "approved", "2021-04-23", "2021-05-03", "5", "€ 12.500,00", "€ 11.250,00", "2021-07-15", "€ 1.250,00"]);
    expect(row(out, "W2")).toEqual(["Flevoland", "realEstate", "approved", "2021-05-10", "2021-05-18", "5", "€ 120.000,00", "€ 120.000,00", "2021-10-01", "€ 0,00"]);
    expect(row(out, "W3")).toEqual(["Regio Amersfoort", "maatwerk", "costs already incurred", "2021-05-11", "2021-05-19", "5", "€ 0,00", "€ 0,00", "—", "€ 0,00"]);
    expect(row(out, "W4")).toEqual(["Lekstroom", "guarantee", "approved", "2021-05-20", "2021-05-25", "2", "€ 30.000,00", "€ 10.000,00", "2021-09-01", "€ 20.000,00"]);

    // The same through the API: committed €12,500 + €120,000 + €30,000 = €162,500;
    // paid €11,250 + €120,000 + €10,000 = €141,250; released €1,250 + €20,000 = €21,250;
    // after W4 (25 May, before any release): €525,000 − €162,500 = €362,500 left.
    const worked = simulateGrantPool(stimuleringsimpuls2021, workedRequests, options);
    expect(worked.totals).toMatchObject({ approvals: 3, rejections: 1, committed: 16_250_000, paid: 14_125_000, released: 2_125_000 });
    expect(worked.decisions.at(-1)!.budgetLeft).toBe(36_250_000);
    expect(worked.byRegion.find((r) => r.region === "Flevoland")).toMatchObject({ committed: 12_000_000, paid: 12_000_000, released: 0 });
    // July: W1's €11,250 is paid; only W1's €1,250 is released by 31 July (W4's €20,000 comes back on 2 August):
    // €525,000 − (€162,500 − €1,250) = €363,750 left. End of October: both releases and the €75,000 moved in on
    // 1 October: €525,000 + €75,000 − (€162,500 − €21,250) = €458,750.
    expect(worked.byMonth.find((m) => m.month === "2021-07")).toMatchObject({ paid: 1_125_000, released: 0, remaining: 36_375_000 });
    expect(worked.byMonth.find((m) => m.month === "2021-10")!.remaining).toBe(45_875_000);
  });
});
