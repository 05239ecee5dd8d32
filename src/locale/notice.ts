/**
 * A warning under a comparison, in both languages of the reports, so the command line and the
 * report say it in Dutch and a script in English. Warnings from a custom model or a caseload's
 * check that have no Dutch text carry the English one in both.
 * @category Reports and charts
 */
export interface Notice {
  readonly en: string;
  readonly nl: string;
}

/** A warning that exists in English only (a custom model's). */
export const untranslated = (text: string): Notice => ({ en: text, nl: text });

/** A model's warning as a notice: built-in models give both languages, a custom model may give a string. */
export const asNotice = (w: string | Notice): Notice => (typeof w === "string" ? untranslated(w) : w);

/** The same notice with a prefix in both languages, e.g. the part of a combined model it comes from. */
export const prefixed = (prefix: string, n: Notice): Notice => ({ en: `${prefix}: ${n.en}`, nl: `${prefix}: ${n.nl}` });

/**
 * The distinct notices in order of first appearance: the same warning from several models or runs
 * is said once (by its English text, which both languages follow).
 */
export function distinctNotices(notices: Iterable<Notice>): Notice[] {
  const seen = new Map<string, Notice>();
  for (const n of notices) if (!seen.has(n.en)) seen.set(n.en, n);
  return [...seen.values()];
}
