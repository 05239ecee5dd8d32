/**
 * Headless Chromium for the browser checks: Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`),
 * installed by `npm test`'s pretest step when it can (scripts/ensure-chromium.mjs). Where it is
 * missing, the browser suites are skipped with the reason in their name and a notice after the
 * test summary (test/globalSetup.ts) — except in CI (CI=true), where they run and a missing
 * Chromium fails them.
 */
import { existsSync } from "node:fs";

/** The Chromium executable the browser checks drive with playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Whether this is CI (`CI` set, and not to `false` or `0`). */
export const IS_CI = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";

/** Why the browser checks are skipped here, or `undefined` when they run. */
export const browserSkipReason: string | undefined =
  existsSync(CHROMIUM) || IS_CI ? undefined : `no Chromium at ${CHROMIUM} (sudo apt-get install chromium, or set CHROMIUM_PATH)`;

/** Flags for a headless run on these machines (no sandbox as root, nothing fetched from the network). */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A browser suite's name, with the reason when it is skipped, so the reason shows wherever the name does. */
export function browserSuiteName(name: string): string {
  return browserSkipReason === undefined ? name : `${name} — skipped: ${browserSkipReason}`;
}
