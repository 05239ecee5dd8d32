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

/** A warning that exists in English only (a custom model's, the projection's input checks). */
export const untranslated = (text: string): Notice => ({ en: text, nl: text });

/**
 * The distinct notices in order of first appearance: the same warning from several models or runs
 * is said once (by its English text, which both languages follow).
 */
export function distinctNotices(notices: Iterable<Notice>): Notice[] {
  const seen = new Map<string, Notice>();
  for (const n of notices) if (!seen.has(n.en)) seen.set(n.en, n);
  return [...seen.values()];
}
