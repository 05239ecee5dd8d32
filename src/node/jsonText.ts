/*
 * A small strict JSON scanner that knows where things are: the first syntax error with its offset
 * and a reason (JSON.parse's messages carry no position for some errors on Node 20), and the offset
 * of the value at a path (to give a schema issue its line and column). JSON.parse stays the parser
 * of record; this runs only when something has to be located.
 */

import { excerpt } from "../excerpt.js";

/** A JSON syntax error at a character offset. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where a value starts: a scalar is its offset alone (a number, not an object: ten million array
 * items cost an array of small integers, not ten million objects), an object or array its offset
 * and its members or items.
 */
type JsonNode = number | { readonly start: number; readonly members?: Map<string, JsonNode>; readonly items?: JsonNode[] };

/** The offset a node starts at. */
const startOf = (node: JsonNode): number => (typeof node === "number" ? node : node.start);

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new JsonSyntaxError(at, message);
  }

  /** What stands at the current position, for a message: `'}'`, `'tru'`, `the end of the file`. */
  found(): string {
    if (this.pos >= this.text.length) return "the end of the file";
    WORD.lastIndex = this.pos;
    const w = WORD.exec(this.text);
    return w ? `'${excerpt(w[0], 40)}'` : `'${excerpt(this.text[this.pos]!)}'`;
  }

  ws(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") break;
      this.pos++;
    }
  }

  document(): JsonNode {
    const root = this.value();
    this.ws();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.found()} after the end of the JSON value`);
    return root;
  }

  value(): JsonNode {
    this.ws();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') {
      this.string();
      return start;
    }
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(this.text);
      if (!m) this.fail(`invalid number`);
      this.pos += m[0].length;
      return start;
    }
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        WORD.lastIndex = this.pos;
        if (WORD.exec(this.text)![0] === word) {
          this.pos += word.length;
          return start;
        }
      }
    }
    const hint = c === "'" ? " (strings need double quotes)" : "";
    return this.fail(`expected a value, found ${this.found()}${hint}`);
  }

  object(): JsonNode {
    const start = this.pos++;
    const members = new Map<string, JsonNode>();
    this.ws();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return { start, members };
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === "}" && members.size > 0) this.fail("trailing comma before '}'");
        this.fail(`expected a property name in double quotes, found ${this.found()}`);
      }
      const key = this.string();
      this.ws();
      if (this.text[this.pos] !== ":") this.fail(`expected ':' after property name "${key}", found ${this.found()}`);
      this.pos++;
      members.set(key, this.value());
      this.ws();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "}") {
        this.pos++;
        return { start, members };
      }
      this.fail(`expected ',' or '}' after the value of "${key}", found ${this.found()}`);
    }
  }

  array(): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return { start, items };
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] === "]" && items.length > 0) this.fail("trailing comma before ']'");
      items.push(this.value());
      this.ws();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "]") {
        this.pos++;
        return { start, items };
      }
      this.fail(`expected ',' or ']' after an array item, found ${this.found()}`);
    }
  }

  /** Scans a string at the current position; returns its value. */
  string(): string {
    const start = this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail("unterminated string", start);
      if (c === '"') break;
      if (c === "\\") {
        const e = this.text[this.pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail("invalid \\u escape: expected 4 hex digits");
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`invalid escape '\\${e ?? ""}' in a string`);
        this.pos += 2;
        continue;
      }
      if (c < " ") this.fail(c === "\n" || c === "\r" ? "line break inside a string (unterminated string, or write \\n)" : "control character inside a string");
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }
}

/** The first syntax error of `text` as JSON, or null when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    // Nesting deeper than the stack (thousands of unclosed brackets): no location; the caller
    // falls back to JSON.parse's own message.
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * A locator for valid JSON `text`: the offset of the value at a path, or of the deepest part of the
 * path that exists (a missing field is located at its object). Null when the text is not JSON.
 */
export function jsonLocator(text: string): ((path: readonly (string | number)[]) => number) | null {
  let root: JsonNode;
  try {
    root = new Scanner(text).document();
  } catch {
    return null;
  }
  return (path) => {
    let node = root;
    for (const key of path) {
      if (typeof node === "number") break;
      const next = typeof key === "number" ? node.items?.[key] : node.members?.get(key);
      if (next === undefined) break;
      node = next;
    }
    return startOf(node);
  };
}

/** 1-based line and column of a character offset (one scan; for many offsets use {@link lineIndex}). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineIndex(text)(offset);
}

/**
 * The line and column of any offset of `text`: one pass records where each line starts, then each
 * lookup is a binary search — so locating 20,000 issues in a large file stays linear in its size,
 * not quadratic (a scan from the start per issue).
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    const end = Math.max(0, Math.min(offset, text.length));
    // The last line start at or before `end`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - starts[lo]! + 1 };
  };
}
