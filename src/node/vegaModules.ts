import { LIBRARY } from "../errors.js";

/** vega and vega-lite, as the HTML report uses them. */
export interface VegaModules {
  readonly vega: typeof import("vega");
  readonly vegaLite: typeof import("vega-lite");
}

/** How vega and vega-lite are imported: by default a dynamic `import()` of each (tests pass others). */
export interface VegaImporters {
  readonly vega: () => Promise<typeof import("vega")>;
  readonly vegaLite: () => Promise<typeof import("vega-lite")>;
}

/**
 * What to install when the report's renderer is missing: the versions the library is tested
 * with (its devDependencies; its peerDependencies accept later 6.x).
 * @category Node: files, CLI and workers
 */
export const VEGA_INSTALL = "npm install vega@6.4.0 vega-lite@6.4.1";

/**
 * An optional dependency a feature needs is not installed: vega and vega-lite, optional peer
 * dependencies used only to draw the HTML report's charts ({@link comparisonHtml}), so that the
 * core does not install 24 MB of chart code. The message says what to install; `cause` is the
 * module loader's error.
 * @category Errors
 */
export class MissingDependencyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MissingDependencyError";
  }
}

/** Dynamic imports, kept as such in the build (tsup leaves peer dependencies external). */
const IMPORTERS: VegaImporters = { vega: () => import("vega"), vegaLite: () => import("vega-lite") };

/** Whether `e` is the module loader saying a package (vega, or one vega needs) is not installed. */
function isNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
}

/**
 * Loads vega and vega-lite when a report is drawn, not when the node entry is imported.
 * @throws {@link MissingDependencyError} when either is not installed; any other error (a broken
 *   install) as it is.
 */
export async function loadVega(importers: VegaImporters = IMPORTERS): Promise<VegaModules> {
  try {
    const [vega, vegaLite] = await Promise.all([importers.vega(), importers.vegaLite()]);
    return { vega, vegaLite };
  } catch (e) {
    if (!isNotFound(e)) throw e;
    throw new MissingDependencyError(
      `${LIBRARY}: the HTML report needs vega and vega-lite (optional peer dependencies, left out of a plain install to keep it small): ${VEGA_INSTALL}`,
      { cause: e },
    );
  }
}
