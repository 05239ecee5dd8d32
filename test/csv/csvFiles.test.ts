/** Node-only CSV files: reading a caseload export from disk (errors name the file) and writing CSV. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordsToCsv } from "../../src/csv/exportCsv.js";
import { readCaseloadCsv, readCsvFile, writeCsv } from "../../src/node/csvFiles.js";
import { toRecords } from "../../src/index.js";
import { caseload, inputIssues, rec } from "../support/examples.js";

const dir = mkdtempSync(join(tmpdir(), "jb-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readCaseloadCsv and writeCsv", () => {
  const window = { start: "2026-01", months: 3 };
  const c = caseload([rec("t1", { start: "2026-01", end: "2026-02" }), rec("t2", { start: "2026-02", end: null, use: [5, 6] })], window);

  it("writes the CSVs (creating the directory) and reads them back", () => {
    const csv = recordsToCsv(c, { dutch: true });
    const t = join(dir, "out", "nested", "trajecten.csv");
    const u = join(dir, "out", "nested", "inzet.csv");
    writeCsv(t, csv.trajectories);
    writeCsv(u, csv.use);
    expect(readFileSync(t, "utf8")).toBe(csv.trajectories);
    expect(toRecords(readCaseloadCsv(t, { window, usePath: u }))).toEqual(toRecords(c));
  });

  it("names the file in every issue", () => {
    const t = join(dir, "bad.csv");
    const u = join(dir, "bad-use.csv");
    writeCsv(t, "id,municipality,provider,profile,careForm,unit,start,end,outcome\nt1,G0,P0,licht,ambulant,04,2026-01,2026-02,gehaald\n");
    writeCsv(u, "id,month,use\nt1,2026-01,60\nt7,2026-01,60\n");
    expect(inputIssues(() => readCaseloadCsv(t, { window, usePath: u })).map((i) => i.path)).toEqual([
      [t, 2, "outcome"],
      [u, 3, "id"],
    ]);
  });

  it("reports a file it cannot read by its path", () => {
    const missing = join(dir, "nope.csv");
    const [issue] = inputIssues(() => readCaseloadCsv(missing, { window }));
    expect(issue!.path).toEqual([missing]);
    expect(issue!.message).toMatch(/^cannot read .*nope\.csv: ENOENT/);
  });

  it("reads Dutch Excel's Windows-1252 CSV as well as UTF-8", () => {
    const text = "Traject-ID;Cliënt;Gemeente;Aanbieder;Profiel;Vorm;Eenheid;Begin;Einde;Resultaat;Inzet\nt1;Zoë;Aldervoort;Crème;opvoeden;ambulant;04;2026-01;2026-02;achieved;60\n";
    const p = join(dir, "ansi.csv");
    writeFileSync(p, Buffer.from(text, "latin1"));
    expect(readCsvFile(p)).toBe(text);
    const mapping = { columns: { id: "Traject-ID", client: "Cliënt", municipality: "Gemeente", provider: "Aanbieder", profile: "Profiel", careForm: "Vorm", unit: "Eenheid", start: "Begin", end: "Einde", outcome: "Resultaat", use: "Inzet" } };
    expect(readCaseloadCsv(p, { window, mapping }).providers).toEqual(["Crème"]);
    writeFileSync(p, `\uFEFF${text}`, "utf8");
    expect(readCaseloadCsv(p, { window, mapping }).providers).toEqual(["Crème"]);
  });
});
