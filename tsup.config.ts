import { defineConfig } from "tsup";

export default defineConfig({
  // compareWorker: the worker thread of compareInWorkers, loaded by path from next to node.* / cli.*.
  entry: { index: "src/index.ts", node: "src/node/index.ts", cli: "src/node/bin.ts", compareWorker: "src/node/compareWorker.ts" },
  format: ["esm", "cjs"],
  // tsup injects `baseUrl`, which TypeScript 6 deprecates (see shared/toolchain.md).
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  // No source maps: they are not published (package.json's files), and a script naming a map the
  // package lacks sends debuggers looking for it.
  sourcemap: false,
  clean: true,
  target: "node20",
  // Code shared by the entries goes into chunks they all import (ESM, and CJS through tsup's
  // conversion), so node.*, cli.* and compareWorker.* use the main entry's very modules: one
  // FundingInputError class, not a copy per bundle that `instanceof` would tell apart.
  splitting: true,
  // import.meta.url in the CJS build (compareInWorkers finds its worker script with it).
  shims: true,
  treeshake: true,
});
