import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { FundingInputError } from "../errors.js";
import { packageInfo } from "./packageFiles.js";

/** The template `init` writes: a CSV with Dutch headers as an administration exports it, and its scenario. */
const TEMPLATE = join("templates", "eigen-export");

/**
 * Node only: writes the shipped template — `trajecten.csv` (Dutch headers, dd-mm-jjjj dates,
 * decimal commas, hours as hours) and `vergelijking.yaml` (the scenario that reads it with
 * settings only and sets bad rows aside) — into `folder`, creating it when missing. Nothing is
 * overwritten: a folder that already has one of the files is refused. Returns the paths written.
 *
 * @throws FundingInputError when a file is already there, or the template is not found.
 */
export function initFolder(folder: string): string[] {
  const info = packageInfo();
  const from = info ? join(info.dir, TEMPLATE) : null;
  if (!from || !existsSync(from)) {
    throw new FundingInputError("init", [{ code: "no_template", path: [], message: `the template folder ${TEMPLATE} is not in the package` }]);
  }
  const files = readdirSync(from).sort();
  const taken = files.filter((f) => existsSync(join(folder, f)));
  if (taken.length > 0) {
    throw new FundingInputError("init", [
      { code: "file_exists", path: [folder], message: `${taken.map((f) => join(folder, f)).join(" and ")} already ${taken.length === 1 ? "exists" : "exist"}; init writes into a folder without them and overwrites nothing` },
    ]);
  }
  mkdirSync(folder, { recursive: true });
  return files.map((f) => {
    copyFileSync(join(from, f), join(folder, f));
    return join(folder, f);
  });
}
