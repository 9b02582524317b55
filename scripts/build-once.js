// The production build in dist/, made once and reused while its sources are unchanged: a hash of the
// sources, the build configuration and the lockfile is kept in dist/.build-stamp. Used by `npm start` /
// `npm run preview` where there is no Excel, by the end-to-end tests and by the browser bench.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const stampFile = path.join(dist, ".build-stamp");
const INPUTS = [
  "src",
  "assets",
  "samples/voorbeeld-ministerie.xlsx",
  "manifest.xml",
  "webpack.config.js",
  "package-lock.json",
  "tsconfig.json",
];

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

/** A hash over the build's inputs (names and contents) and the production URL it replaces in the manifest. */
function sourceHash() {
  const hash = crypto.createHash("sha256");
  hash.update(process.env.FP_PRODUCTION_URL || "");
  for (const file of INPUTS.flatMap(files)) {
    hash.update(file.split(path.sep).join("/"));
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

function isCurrent(hash = sourceHash()) {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === hash;
}

/**
 * The host a build for the preview, the tests and the bench uses when FP_PRODUCTION_URL is not set: the preview
 * never loads the manifest, so any https host will do, and this one says plainly that it is an example. A build
 * for deploying (`npm run build`) never falls back to it: webpack.config.js stops without the variable.
 */
const EXAMPLE_HOST = "https://fp.example.org/";

/**
 * Builds dist/ in production mode unless the stamp says it is current; resolves to whether it built.
 * `exampleHost`: use EXAMPLE_HOST when FP_PRODUCTION_URL is not set (the preview, tests, bench, npm ci).
 */
function buildOnce({ log = (text) => process.stderr.write(text + "\n"), exampleHost = false } = {}) {
  if (exampleHost && !process.env.FP_PRODUCTION_URL) process.env.FP_PRODUCTION_URL = EXAMPLE_HOST;
  const hash = sourceHash();
  if (isCurrent(hash)) return Promise.resolve(false);
  log(
    "Productiebouw van de voorbeeldweergave (eenmalig, daarna hergebruikt) / Production build of the preview (once, then reused)…",
  );
  const webpack = require("webpack");
  const config = require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // webpack's persistent cache (node_modules/.cache/webpack): a rebuild after a small change reuses the rest.
    const compiler = webpack({ ...config, mode: "production", cache: { type: "filesystem" } });
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats.hasErrors()) {
        reject(err || new Error(stats.toString({ all: false, errors: true })));
        return;
      }
      fs.writeFileSync(stampFile, hash + "\n");
      log(`  klaar / done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(true);
    });
  });
}

module.exports = { buildOnce, isCurrent, sourceHash, EXAMPLE_HOST };

if (require.main === module) {
  buildOnce({ exampleHost: process.argv.includes("--example-host") }).catch((e) => {
    console.error(e.message || e);
    process.exit(1);
  });
}
