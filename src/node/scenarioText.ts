import { isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { excerpt } from "../excerpt.js";
import type { Locator, ScenarioIssue } from "../scenario/scenarioBase.js";
import { jsonLocator, jsonSyntaxError, lineColumn, lineIndex } from "./jsonText.js";

/*
 * JSON and YAML text → data, with positions: syntax errors as issues with line and column, and a
 * locator that gives any path inside the data its line and column (for schema issues). No I/O.
 */

/** The formats a scenario (or records) file can have, picked by its extension. */
export type DataFormat = "json" | "yaml";


/** Parsed text: its data and a locator, or the syntax issues. */
export type ParsedText =
  | {
      readonly success: true;
      readonly data: unknown;
      readonly locate: Locator;
      /** Issues with a hint where YAML read text as a number (`unit: 04`, `tariff: 70.00`). */
      readonly explain: (issues: readonly ScenarioIssue[]) => ScenarioIssue[];
    }
  | { readonly success: false; readonly issues: readonly ScenarioIssue[] };

/** The format of a file by its extension (.json, .yaml, .yml; any case), or null. */
export function formatOfPath(path: string): DataFormat | null {
  const m = /\.(json|ya?ml)$/i.exec(path);
  if (!m) return null;
  return m[1]!.toLowerCase() === "json" ? "json" : "yaml";
}

/** Parses JSON or YAML text named `source`; syntax errors name the line and column. */
export function parseDataText(text: string, format: DataFormat, source: string): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is not content
  return format === "json" ? parseJsonText(body, source) : parseYamlText(body, source);
}

function parseJsonText(text: string, source: string): ParsedText {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const located = jsonSyntaxError(text);
    if (located) {
      const at = lineColumn(text, located.offset);
      return { success: false, issues: [{ code: "json_syntax", path: [], message: `JSON syntax error: ${located.message}`, source, ...at }] };
    }
    // JSON.parse and the scanner disagree (should not happen): JSON.parse's own words.
    return { success: false, issues: [{ code: "json_syntax", path: [], message: `JSON syntax error: ${(e as Error).message}`, source }] };
  }
  // Built on the first issue to locate, once: every further issue is a lookup, not a scan.
  // (A locator that could not be built, null, is not tried again for every further issue.)
  let offsetOf: ReturnType<typeof jsonLocator> | undefined;
  let at: ReturnType<typeof lineIndex> | undefined;
  return {
    success: true,
    data,
    explain: (issues) => [...issues],
    locate: (path) => {
      if (offsetOf === undefined) offsetOf = jsonLocator(text);
      if (!offsetOf) return null;
      at ??= lineIndex(text);
      return at(offsetOf(path));
    },
  };
}

/** Issue codes of a value of the wrong type or not in a list: where a number for text shows up. */
const WANTS_TEXT = new Set(["invalid_type", "invalid_union", "invalid_value"]);

/** The YAML parser's reason, short; its stack running out on thousands of nested brackets in words. */
function yamlReason(message: string): string {
  return message.includes("Maximum call stack size exceeded") ? "nested too deeply to read (thousands of brackets or levels)" : excerpt(message, 200);
}

function parseYamlText(text: string, source: string): ParsedText {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: 2026-01 stays a string; a duplicate key is an error, not a silent overwrite.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      success: false,
      issues: doc.errors.map((e) => ({ code: "yaml_syntax", path: [], message: `YAML syntax error: ${yamlReason(e.message)}`, source, ...at(e.pos[0]) })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { success: false, issues: [{ code: "yaml_syntax", path: [], message: `YAML error: ${(e as Error).message}`, source }] };
  }
  return {
    success: true,
    data,
    explain: (issues) =>
      issues.map((i) => {
        // A value the schema wanted as text that YAML read as a number: say so, with the text quoted.
        const node: unknown = i.path.length === 0 ? null : doc.getIn(i.path, true);
        if (!isScalar(node) || typeof node.value !== "number" || node.type !== "PLAIN" || !WANTS_TEXT.has(i.code)) return i;
        const written = typeof node.source === "string" ? node.source : String(node.value);
        return { ...i, message: `${i.message} (YAML reads ${written} as a number: write "${written}" in quotes)` };
      }),
    locate: (path) => {
      // The deepest part of the path that exists: a missing field is located at its mapping.
      for (let n = path.length; n >= 0; n--) {
        const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return null;
    },
  };
}
