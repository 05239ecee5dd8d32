/**
 * Writes the JSON Schema of scenario files to schema/scenario.schema.json, for editors
 * (`"$schema": "../schema/scenario.schema.json"` in a scenario). A test checks that the file on
 * disk equals `scenarioJsonSchema()`, so rerun this after changing a schema:
 * `npx tsx scripts/write-schema.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema } from "../src/scenario/scenarioJsonSchema.js";

/** Where the schema file lives, from the repository root. */
export const SCHEMA_FILE = "schema/scenario.schema.json";

/** The schema file's text: the JSON Schema, two-space indented, with a final newline. */
export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith("write-schema.ts")) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const file = join(root, SCHEMA_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, schemaFileText(), "utf8");
  console.log(`wrote ${SCHEMA_FILE}`);
}
