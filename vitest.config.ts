import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Says after the summary when the browser checks were skipped (no Chromium, outside CI).
    globalSetup: ["test/globalSetup.ts"],
    // Property suites and the example run generate whole caseloads; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
