#!/usr/bin/env node
// The command-line entry (`npx jeugdhulp-bekostiging …`): everything is in cli.ts, testable without a process.
import { EXIT, main } from "./cli.js";

// A reader that stops early (`… schema | head -1`) closes the pipe: the output is no longer wanted,
// which is not a failure — stop quietly with 0 instead of crashing on the unhandled EPIPE.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.ok);
  process.stderr.write(`cannot write to standard output: ${e.message}\n`);
  process.exit(EXIT.invalidInput);
});
// Nothing is left to tell when standard error itself is closed.
process.stderr.on("error", () => {});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
