/**
 * docs/guides/own-export.md, followed as a reader would: its code blocks in order in an empty
 * folder — `sh` lines are commands run through the CLI, the `csv` block is appended to the template
 * export, a `yaml` block must be in the template scenario as shown, and every line of a `text`
 * block must be in what the commands before it printed. A guide whose commands stop working, or
 * whose quoted output no longer matches, fails here.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../node/cliHarness.js";

const GUIDE = "docs/guides/own-export.md";
const COMMAND = "npx jeugdhulp-bekostiging ";

interface Block {
  readonly lang: string;
  readonly body: string;
}

/** The guide's fenced code blocks, in order. */
function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

/** A shell line's arguments after the command name; a trailing `# comment` is not one. */
function argv(line: string): string[] {
  return line.slice(COMMAND.length).replace(/\s+#.*$/, "").trim().split(/\s+/);
}

describe(GUIDE, () => {
  const guide = readFileSync(GUIDE, "utf8");
  const home = process.cwd();
  let dir = "";
  // The guide's paths are relative to the reader's folder; the forks pool lets a test change it.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "own-export-guide-"));
    process.chdir(dir);
  });
  afterAll(() => process.chdir(home));

  it("has commands, an export to add, settings and quoted output", () => {
    const langs = blocks(guide).map((b) => b.lang);
    for (const lang of ["sh", "csv", "yaml", "text"]) expect(langs).toContain(lang);
  });

  it("runs every command as written and prints what it quotes", async () => {
    const template = readFileSync(join(home, "templates/eigen-export/vergelijking.yaml"), "utf8");
    let printed = "";
    let commands = 0;
    for (const { lang, body } of blocks(guide)) {
      if (lang === "sh") {
        for (const line of body.split("\n").filter((l) => l.startsWith(COMMAND))) {
          const run = await cli(...argv(line));
          expect({ line, code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({ line, code: 0, stderr: "" });
          printed += run.stdout + run.stderr;
          commands++;
        }
      } else if (lang === "csv") {
        appendFileSync("mijn-regio/trajecten.csv", body);
      } else if (lang === "yaml") {
        expect(template).toContain(body);
      } else if (lang === "text") {
        for (const line of body.trimEnd().split("\n")) expect(printed).toContain(line);
      }
    }
    expect(commands).toBeGreaterThanOrEqual(5);
    const rejects = readFileSync("mijn-regio/trajecten-afgewezen.csv", "utf8");
    expect(rejects).toMatch(/;reden\n/);
    expect(rejects).toContain('T005;C005;Voorbeeldstad;Woongroep Zuid;verblijf;Verblijf;Etmaal;01-05-2026;01-03-2026;Lopend;30;"line 6, column ""Einddatum"": end 2026-03 is before start 2026-05');
    expect(readFileSync("mijn-regio/rapport.html", "utf8")).toContain("Wat de vergelijking zegt");
    expect(existsSync("mijn-regio/vergelijking.md")).toBe(true);
  });
});
