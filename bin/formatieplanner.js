#!/usr/bin/env node
// Entry point of the command line; the TypeScript sources are compiled to lib/ by `npm ci` (prepare).
// The exit code is set, never forced with process.exit: output piped into a slow reader must drain first.
"use strict";
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  console.error(
    "Formatieplanner is niet gebouwd: voer eerst `npm run build:cli` uit. / Not built yet: run `npm run build:cli` first.",
  );
  process.exitCode = 2;
} else {
  // A reader that closes the pipe early (| head) is not an error of ours.
  process.stdout.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exitCode = process.exitCode || 0;
  });
  require(compiled)
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      () => {
        process.stderr.write("Interne fout / internal error.\n");
        process.exitCode = 3;
      },
    );
}
