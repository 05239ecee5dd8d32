/**
 * Every `@example` in src/ is type-checked with the project's compiler options and run, and what
 * it says it prints (`// → …` and the `//   …` lines under it) must be in its output: an example
 * that no longer compiles, throws or prints something else fails here instead of misleading the
 * reader of the API reference. Examples import the package by its name, mapped to src/.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");
const ENTRIES: Record<string, string> = {
  "jeugdhulp-bekostiging/node": join(SRC, "node/index.js"),
  "jeugdhulp-bekostiging": join(SRC, "index.js"),
};

interface Example {
  readonly where: string;
  readonly code: string;
}

/** The `@example` code blocks of a source file's doc comments, without their ` * ` margin. */
function examplesIn(text: string, file: string): Example[] {
  const found: Example[] = [];
  for (const doc of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = doc[0].split("\n").map((l) => l.replace(/^\s*\*( |$)/, ""));
    const body = lines.join("\n");
    for (const m of body.matchAll(/@example\s*\n```ts\n([\s\S]*?)\n```/g)) {
      const line = text.slice(0, doc.index).split("\n").length;
      found.push({ where: `${file}:${line}`, code: m[1]! });
    }
  }
  return found;
}

/** What an example says it prints: the text of `// → …` comments and their `//   …` lines, minus a closing `(remark)`, split at `…`. */
function expectedOutput(code: string): string[] {
  const out: string[] = [];
  let inOutput = false;
  for (const line of code.split("\n")) {
    const arrow = /\/\/ → (.*)$/.exec(line);
    const more = /^\/\/ {3}(.*)$/.exec(line.trim());
    const text: string | undefined = arrow?.[1] ?? (inOutput ? more?.[1] : undefined);
    inOutput = text !== undefined;
    if (text !== undefined) out.push(...text.replace(/\s+\([^)]*\)$/, "").split("…").map((s) => s.trim()).filter((s) => s !== ""));
  }
  return out;
}

const examples = readdirSync(SRC, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .flatMap((f) => examplesIn(readFileSync(join(SRC, f), "utf8"), `src/${f}`));

describe("@example blocks in src/", () => {
  const dir = mkdtempSync(join(tmpdir(), "examples-"));
  const files = examples.map((ex, i) => {
    const file = join(dir, `example${i}.mts`);
    let code = ex.code;
    for (const [name, path] of Object.entries(ENTRIES)) code = code.replaceAll(`from "${name}"`, `from "${path}"`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });

  it("finds the examples of the main entry points", () => {
    const names = examples.map((e) => e.code).join("\n");
    for (const fn of ["generateCaseload(", "caseloadFromRecords(", "caseloadFromCsv(", "importCaseloadCsv(", "createModel(", "project(", "compare(", "formatComparison(", "comparisonSummary(", "parseScenario(", "runScenario(", "loadScenario(", "runCli("]) {
      expect(names).toContain(fn);
    }
    for (const ex of examples) expect(expectedOutput(ex.code), `${ex.where} says what it prints`).not.toEqual([]);
  });

  it("type-check with the project's compiler options", () => {
    const config = ts.getParsedCommandLineOfConfigFile(resolve("tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || files.includes(d.file.fileName))
      .map((d) => {
        const at = d.file ? examples[files.indexOf(d.file.fileName)]!.where : "";
        return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(errors).toEqual([]);
  });

  it("run, and print what they say", () => {
    // One process for all: a marker line before each example tells their output apart.
    const runner = join(dir, "run.mts");
    writeFileSync(runner, files.map((f, i) => `console.log("#example ${i}");\nawait import(${JSON.stringify(f)});`).join("\n") + "\nexport {};\n");
    const stdout = execFileSync("node_modules/.bin/tsx", [runner], { encoding: "utf8" });
    const outputs = stdout.split(/^#example \d+\n/m).slice(1);
    expect(outputs).toHaveLength(examples.length);
    examples.forEach((ex, i) => {
      for (const text of expectedOutput(ex.code)) expect(outputs[i], `${ex.where}: ${text}`).toContain(text);
    });
  });
});
