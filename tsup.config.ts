import { defineConfig } from "tsup";

export default defineConfig({
  // compareWorker: the worker thread of compareInWorkers, loaded by path from next to node.* / cli.*.
  entry: { index: "src/index.ts", node: "src/node/index.ts", cli: "src/node/bin.ts", compareWorker: "src/node/compareWorker.ts" },
  format: ["esm", "cjs"],
  // tsup injects `baseUrl`, which TypeScript 6 deprecates (see shared/toolchain.md).
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: false,
  // import.meta.url in the CJS build (compareInWorkers finds its worker script with it).
  shims: true,
  treeshake: true,
});
