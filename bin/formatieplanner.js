#!/usr/bin/env node
// Entry point of the command line; the TypeScript sources are compiled to lib/ by `npm ci` (prepare).
"use strict";
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  console.error(
    "Formatieplanner is niet gebouwd: voer eerst `npm run build:cli` uit. / Not built yet: run `npm run build:cli` first.",
  );
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
