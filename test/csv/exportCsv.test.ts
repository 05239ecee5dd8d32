/**
 * CSV export: amounts in euros built from integer cents (decimal point or Dutch decimal comma),
 * the ledger, breakdowns, the comparison and the caseload itself — hand-worked examples.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { caseloadFromCsv } from "../../src/csv/caseloadCsv.js";
import { breakdownToCsv, comparisonToCsv, formatCsvAmount, ledgerToCsv, recordsToCsv } from "../../src/csv/exportCsv.js";
import {
  compare,
  createModel,
  parseMonth,
  project,
  toRecords,
  type Breakdown,
} from "../../src/index.js";
import { caseload, rec, HAND_WORKED, SMALL_SPEC } from "../support/examples.js";

const BOM = "\uFEFF";

describe("formatCsvAmount: euros from integer cents by string work", () => {
  it("writes exactly two decimals, with a point or a Dutch decimal comma", () => {
    expect(formatCsvAmount(123456)).toBe("1234.56");
    expect(formatCsvAmount(123456, { decimal: "," })).toBe("1234,56");
    expect(formatCsvAmount(-5, { decimal: "," })).toBe("-0,05");
    expect(formatCsvAmount(-5)).toBe("-0.05");
    expect(formatCsvAmount(7)).toBe("0.07");
    expect(formatCsvAmount(0)).toBe("0.00");
    expect(formatCsvAmount(-0)).toBe("0.00");
    expect(formatCsvAmount(-100)).toBe("-1.00");
    expect(formatCsvAmount(-123456789)).toBe("-1234567.89");
    expect(formatCsvAmount(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
    expect(formatCsvAmount(-Number.MAX_SAFE_INTEGER, { decimal: "," })).toBe("-90071992547409,91");
  });

  it("writes whole cents when asked, and refuses what is not a safe whole number of cents", () => {
    expect(formatCsvAmount(123456, { amounts: "cents" })).toBe("123456");
    expect(formatCsvAmount(-0, { amounts: "cents" })).toBe("0");
    expect(() => formatCsvAmount(1.5)).toThrow(RangeError);
    expect(() => formatCsvAmount(2 ** 53)).toThrow(RangeError);
  });
});

describe("breakdownToCsv: rows = keys, columns = months, plus totals", () => {
  const b: Breakdown = {
    keys: ["P0", "(all providers)"],
    horizon: { start: parseMonth("2026-11"), months: 3 },
    cents: new Float64Array([123456, -5, 0, 100, 200, 300]),
  };

  it("per month, in euros with a decimal point and ,", () => {
    expect(breakdownToCsv(b, { keyHeader: "provider" })).toBe(
      [
        "provider,2026-11,2026-12,2027-01,total",
        "P0,1234.56,-0.05,0.00,1234.51",
        "(all providers),1.00,2.00,3.00,6.00",
        "(total),1235.56,1.95,3.00,1240.51",
        "",
      ].join("\n"),
    );
  });

  it("Dutch Excel style: byte order mark, ; and a decimal comma", () => {
    expect(breakdownToCsv(b, { dutch: true })).toBe(
      BOM + ["sleutel;2026-11;2026-12;2027-01;totaal", "P0;1234,56;-0,05;0,00;1234,51", "(all providers);1,00;2,00;3,00;6,00", "(totaal);1235,56;1,95;3,00;1240,51", ""].join("\n"),
    );
  });

  it("per year, and in cents", () => {
    expect(breakdownToCsv(b, { by: "year" })).toBe(
      ["key,2026,2027,total", "P0,1234.51,0.00,1234.51", "(all providers),3.00,3.00,6.00", "(total),1237.51,3.00,1240.51", ""].join("\n"),
    );
    expect(breakdownToCsv(b, { amounts: "cents", delimiter: "\t" })).toBe(
      ["key\t2026-11\t2026-12\t2027-01\ttotal", "P0\t123456\t-5\t0\t123451", "(all providers)\t100\t200\t300\t600", "(total)\t123556\t195\t300\t124051", ""].join("\n"),
    );
  });
});

// The hand-worked comparison of test/metrics/compare.test.ts: effort pays 126000 (63000 in 2026, 63000 in 2027);
// trajectory funding pays 250003 (200002 in 2026, 50001 in 2027).
// t1 (c1): P0 Jan–Mar 2026, achieved; t2 (c2): P0 Jan–Jun 2026, not achieved; t3 (c3): P1 from Mar 2027, open; 60 minutes a month.
const { window: WINDOW, caseload: c, effort: EFFORT, trajectory: TRAJECTORY } = HAND_WORKED;

describe("ledgerToCsv: one row per payment line", () => {
  const p = project(c, createModel(TRAJECTORY), { horizon: WINDOW, lines: true });
  const ledger = p.ledger!;

  it("has every line, with trajectory, profile and care form, amounts in euros", () => {
    const rows = parse(ledgerToCsv(ledger, c), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(ledger.length);
    expect(rows[0]).toEqual({
      month: "2026-02",
      incurred: "2026-01",
      municipality: "G0",
      provider: "P0",
      trajectory: "t1",
      profile: "licht",
      careForm: "ambulant",
      kind: "advance",
      euros: "500.01",
    });
    // Nothing lost: the cents read back from the text add up to the total paid.
    const cents = rows.reduce((s, r) => s + BigInt(r.euros!.replace(".", "")), 0n);
    expect(cents).toBe(BigInt(p.totalPaid));
    expect(p.totalPaid).toBe(250003);
  });

  it("Dutch style and cents", () => {
    const dutch = ledgerToCsv(ledger, c, { dutch: true });
    expect(dutch.startsWith(`${BOM}maand;zorgmaand;gemeente;aanbieder;traject;profiel;zorgvorm;soort;euro\n2026-02;2026-01;G0;P0;t1;licht;ambulant;advance;500,01\n`)).toBe(true);
    expect(ledgerToCsv(ledger, c, { amounts: "cents" }).split("\n")[1]).toBe("2026-02,2026-01,G0,P0,t1,licht,ambulant,advance,50001");
  });

  it("leaves trajectory, profile and care form empty for a lump sum", () => {
    const task = project(c, createModel({ kind: "task", budgets: [{ perYear: "12.00" }] }), { horizon: WINDOW, lines: true });
    const line = ledgerToCsv(task.ledger!, c).split("\n")[1];
    expect(line).toBe("2026-01,2026-01,(whole region),(all providers),,,,instalment,1.00");
  });
});

describe("comparisonToCsv: one row per metric, one column per model", () => {
  const cmp = compare(c, [EFFORT, TRAJECTORY], { budget: { perYear: "1500.00" }, costPrices: { prices: [{ careForm: "ambulant", price: "60.00" }] } });
  const table = (text: string, delimiter = ",") => {
    const rows = parse(text, { delimiter, bom: true }) as string[][];
    return { header: rows[0]!, byMetric: new Map(rows.slice(1).map((r) => [r[0]!, r])) };
  };

  it("has every metric, incl. per year, per provider and obligations, with a stable key and a unit", () => {
    const { header, byMetric } = table(comparisonToCsv(cmp));
    expect(header).toEqual(["metric", "label", "unit", "Inspanningsgericht (p×q)", "Trajectfinanciering"]);
    expect(byMetric.get("totalPaid")).toEqual(["totalPaid", "Total paid", "euros", "1260.00", "2500.03"]);
    expect(byMetric.get("paid.2026")).toEqual(["paid.2026", "Paid in 2026", "euros", "630.00", "2000.02"]);
    expect(byMetric.get("paid.2027")).toEqual(["paid.2027", "Paid in 2027", "euros", "630.00", "500.01"]);
    expect(byMetric.get("budget.2026")).toEqual(["budget.2026", "Budget 2026", "euros", "1500.00", "1500.00"]);
    expect(byMetric.get("deviation.2026")).toEqual(["deviation.2026", "Deviation from budget 2026", "euros", "-870.00", "500.02"]);
    expect(byMetric.get("clients")).toEqual(["clients", "Clients", "count", "3", "3"]);
    const [effort] = cmp.models as [(typeof cmp.models)[number]];
    // Effort obligations: nothing open at the end of 2026; t3's December 2027 hour (€70) is paid in January 2028.
    expect(byMetric.get("obligations.2026-12")?.[3]).toBe("0.00");
    expect(byMetric.get("obligations.2027-12")?.[3]).toBe("70.00");
    // Paid to P0 (t1 and t2): effort 9 hours × €70; trajectory 2 × €1,000.01.
    expect(byMetric.get("paid.provider.P0")?.slice(2)).toEqual(["euros", "630.00", "2000.02"]);
    // Effort margin: paid €1,260 − cost 19 hours × €60 = €120; 120 / 1260 = 9.52 %.
    expect(byMetric.get("providerMarginPercent")?.[3]).toBe("9.52");
    expect(byMetric.get("monthlyVariation")?.[3]).toBe(effort.mean.monthlyVariation.toFixed(4));
    expect(byMetric.get("paymentLines")?.[3]).toBe(String(effort.mean.paymentLines));
    // Every row has a cell per model.
    for (const row of byMetric.values()) expect(row).toHaveLength(5);
  });

  it("Dutch style: ; decimal comma for amounts, percentages and ratios; cents on request", () => {
    const { byMetric } = table(comparisonToCsv(cmp, { dutch: true }), ";");
    expect(byMetric.get("totalPaid")).toEqual(["totalPaid", "Totaal betaald", "euro", "1260,00", "2500,03"]);
    expect(byMetric.get("clients")?.slice(0, 3)).toEqual(["clients", "Cliënten", "aantal"]);
    // English words in Dutch Excel style, on request.
    expect(table(comparisonToCsv(cmp, { dutch: true, locale: "en" }), ";").byMetric.get("totalPaid")?.slice(0, 3)).toEqual(["totalPaid", "Total paid", "euros"]);
    expect(byMetric.get("providerMarginPercent")?.[3]).toBe(cmp.models[0]!.mean.providerMarginPercent!.replace(".", ","));
    expect(byMetric.get("monthlyVariation")?.[3]).toMatch(/^\d+,\d{4}$/);
    const cents = table(comparisonToCsv(cmp, { amounts: "cents" })).byMetric;
    expect(cents.get("totalPaid")).toEqual(["totalPaid", "Total paid", "cents", "126000", "250003"]);
  });

  it("leaves a cell empty where a model has no value, and adds P5 / P50 / P95 after several runs", () => {
    const spec = SMALL_SPEC;
    const runs = compare(spec, [EFFORT], { seed: 7, runs: 3 });
    const { byMetric } = table(comparisonToCsv(runs));
    const s = runs.models[0]!.summary.totalPaid!;
    expect(byMetric.get("totalPaid.p5")).toEqual(["totalPaid.p5", "Total paid P5 over 3 runs", "euros", formatCsvAmount(s.p5)]);
    expect(byMetric.get("totalPaid.p95")?.[3]).toBe(formatCsvAmount(s.p95));
    expect(byMetric.get("totalPaid")?.[3]).toBe(formatCsvAmount(runs.models[0]!.mean.totalPaid));
    // No cost prices: cost and margin are empty, not zero.
    expect(byMetric.get("providerCost")?.[3]).toBe("");
    expect(byMetric.get("perClient")?.[3]).not.toBe("");
  });
});

describe("recordsToCsv: the caseload as the two CSVs caseloadFromCsv reads", () => {
  const window = { start: "2026-01", months: 4 };
  const small = caseload(
    [
      rec("t1", { client: "c1", provider: "Noord, West", start: "2026-01", end: "2026-03" }),
      rec("t2", { client: "c2", start: "2026-02", end: null, use: [10, 20, 30] }),
      rec("t0", { client: "c1", start: "2025-06", end: "2025-09", use: [] }),
    ],
    window,
  );

  it("writes one row per trajectory, constant use in its cell, varying use as rows", () => {
    const csv = recordsToCsv(small);
    expect(csv.window).toEqual(window);
    expect(csv.trajectories).toBe(
      [
        "id,client,municipality,provider,profile,intensity,careForm,unit,start,end,outcome,ageGroup,targetGroup,use",
        "t0,0,G0,P0,licht,laag,ambulant,04,2025-06,2025-09,achieved,onbekend,algemeen,",
        't1,0,G0,"Noord, West",licht,laag,ambulant,04,2026-01,2026-03,achieved,onbekend,algemeen,60',
        "t2,1,G0,P0,licht,laag,ambulant,04,2026-02,,open,onbekend,algemeen,",
        "",
      ].join("\n"),
    );
    expect(csv.use).toBe(["id,month,use", "t2,2026-02,10", "t2,2026-03,20", "t2,2026-04,30", ""].join("\n"));
  });

  it("reads back to the same records, plain or Dutch", () => {
    for (const options of [{}, { dutch: true }]) {
      const csv = recordsToCsv(small, options);
      expect(toRecords(caseloadFromCsv(csv.trajectories, { window: csv.window, useCsv: csv.use }))).toEqual(toRecords(small));
    }
    const dutch = recordsToCsv(small, { dutch: true });
    expect(dutch.trajectories.startsWith(`${BOM}id;client;`)).toBe(true);
    expect(dutch.trajectories).toContain(";Noord, West;");
  });
});
