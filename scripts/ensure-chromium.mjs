// Runs before `npm test`: the HTML report is checked in Debian's headless Chromium. When it is
// missing, root on Debian installs it (apt-get). Anyone else is told how, and the browser checks
// are skipped (test/support/chromium.ts says so in the test summary): `npm test` must not need
// root. In CI (CI=true) the browser checks must run, so there a Chromium that is missing and cannot
// be installed is an error. CHROMIUM_PATH names another Chromium than /usr/bin/chromium.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ci = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
const how = "sudo apt-get install chromium (or set CHROMIUM_PATH to a Chromium)";

/** Chromium cannot be had: an error in CI, a notice elsewhere. */
function unavailable(why) {
  if (ci) {
    console.error(`The browser checks need Chromium at ${CHROMIUM}: ${why}. In CI they must run: ${how}.`);
    process.exit(1);
  }
  console.error(`Note: no Chromium at ${CHROMIUM} (${why}): the browser checks will be skipped. To run them: ${how}.`);
}

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = existsSync("/usr/bin/apt-get");
  if (process.env.CHROMIUM_PATH) unavailable("CHROMIUM_PATH names no file");
  else if (!root || !apt) unavailable(root ? "no apt-get to install it with" : "installing it needs root");
  else {
    console.error("Installing Debian's chromium for the browser checks (apt-get)…");
    try {
      execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null", { stdio: "inherit", shell: "/bin/bash" });
    } catch {
      // apt-get has said why on the terminal.
    }
    if (!existsSync(CHROMIUM)) unavailable("apt-get could not install it");
  }
}
