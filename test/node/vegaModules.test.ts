/**
 * vega and vega-lite are optional peer dependencies: loaded only when a report is drawn, with a
 * message saying what to install when they are missing. Missing is simulated by importing
 * packages that are not installed (the module loader's own error), never by uninstalling.
 */
import { describe, expect, it } from "vitest";
import { loadVega, MissingDependencyError, VEGA_INSTALL } from "../../src/node/vegaModules.js";

const MESSAGE =
  "jeugdhulp-bekostiging: the HTML report needs vega and vega-lite (optional peer dependencies, left out of a plain install to keep it small): npm install vega@6.4.0 vega-lite@6.4.1";
/** An import of a package that is not installed: rejects as `import("vega")` would without vega. */
const notInstalled = (name: string) => () => import(/* @vite-ignore */ name) as Promise<never>;

describe("loadVega", () => {
  it("loads vega and vega-lite when they are installed (they are dev dependencies here)", async () => {
    const { vega, vegaLite } = await loadVega();
    expect(typeof vega.View).toBe("function");
    expect(typeof vegaLite.compile).toBe("function");
  });

  it("says what to install when vega or vega-lite is missing, with the loader's error as cause", async () => {
    const installed = await loadVega();
    for (const importers of [
      { vega: notInstalled("vega-not-installed-here"), vegaLite: async () => installed.vegaLite },
      { vega: async () => installed.vega, vegaLite: notInstalled("vega-lite-not-installed-here") },
    ]) {
      const error = await loadVega(importers).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(MissingDependencyError);
      expect((error as Error).message).toBe(MESSAGE);
      expect(((error as Error).cause as { code?: string }).code).toBe("ERR_MODULE_NOT_FOUND");
    }
    expect(MESSAGE.endsWith(VEGA_INSTALL)).toBe(true);
  });

  it("passes any other error on as it is: a broken install is not a missing one", async () => {
    const broken = new SyntaxError("Unexpected token in vega's code");
    await expect(loadVega({ vega: () => Promise.reject(broken), vegaLite: notInstalled("vega-lite-not-installed-here") })).rejects.toBe(broken);
  });
});
