import { browserSkipReason } from "./support/chromium.js";

/**
 * After the run, under the summary: the browser checks were skipped, and why (they are skipped
 * only outside CI, where Chromium is missing and could not be installed).
 */
export default function setup(): () => void {
  return () => {
    if (browserSkipReason !== undefined) console.warn(`\nBrowser checks skipped: ${browserSkipReason}.`);
  };
}
