#!/usr/bin/env node
// The command-line entry (`npx jeugdhulp-bekostiging …`): everything is in cli.ts, testable without a process.
import { main } from "./cli.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
