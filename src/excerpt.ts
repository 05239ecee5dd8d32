/**
 * A short, escaped excerpt of text from an input file, for error messages: at most `max`
 * characters (default 80) of it, with control characters, line breaks and bidirectional-text
 * controls written as escapes (`\n`, `\u001b`), and `… (N characters)` when it was cut. A message
 * thus never echoes a foreign file's contents at length, nor moves a terminal's cursor.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  // A lone high surrogate at the cut is half a character: leave it out.
  const last = cut.charCodeAt(cut.length - 1);
  if (cut.length < text.length && last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const escaped = cut.replace(UNSAFE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return cut.length < text.length ? `${escaped}… (${text.length} characters)` : escaped;
}

/** The default length of an {@link excerpt}. */
export const EXCERPT_LENGTH = 80;

/**
 * The characters that move a terminal's cursor or change how text around them is shown, as the
 * inside of a regular expression's character class: C0 and C1 controls, DEL, the line and
 * paragraph separators, and the bidi marks, embeddings, overrides and isolates. Excerpts escape
 * them; names refuse them.
 */
export const UNSAFE_CHARACTERS = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
const UNSAFE = new RegExp(`[${UNSAFE_CHARACTERS}]`, "g");
const ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Names for a message, each quoted as an {@link excerpt} of 40 characters: the first `max`
 * (default 20) and how many more — a caseload of 300 providers, or one with a 100 kB name, gives
 * a line, not pages.
 */
export function quotedList(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).map((n) => `"${excerpt(n, 40)}"`).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
