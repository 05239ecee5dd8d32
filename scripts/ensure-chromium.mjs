// Runs before `npm test`: the HTML report is checked in Debian's headless Chromium. On a fresh
// machine of this project's kind (Debian, as root) it installs the package; elsewhere it says how.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = existsSync("/usr/bin/apt-get");
  if (!root || !apt) {
    console.error(`The browser check needs Debian's chromium at ${CHROMIUM}: run  sudo apt-get install chromium`);
    process.exit(1);
  }
  console.error("Installing Debian's chromium for the browser check (apt-get)…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null", { stdio: "inherit", shell: "/bin/bash" });
}
