// npm start: sideload into desktop Excel where it exists (Windows, macOS); elsewhere, and with --preview,
// start the browser preview on localhost and print its address instead of failing.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const wantPreview = process.argv.includes("--preview");
const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";

if (!wantPreview && hasDesktopExcel) {
  const child = spawn("npx", ["office-addin-debugging", "start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: true,
  });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  if (!wantPreview) {
    console.log(
      "Geen desktop-Excel op dit systeem: de voorbeeldweergave start. / No desktop Excel here: starting the browser preview.",
    );
  }
  // A production build of the preview, built once and reused while the sources are unchanged (no dev
  // compile, no error overlay), served as static files.
  const { buildOnce } = require("./build-once");
  const { serve } = require("./serve");
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  buildOnce({ log: (text) => console.log(text), exampleHost: true })
    .then(() => serve(path.join(root, "dist"), port, "localhost"))
    .then(() => {
      console.log(`\nFormatieplanner voorbeeldweergave / preview: http://localhost:${port}/preview.html\n`);
      console.log(
        "Na een wijziging in src/: start opnieuw, of `npm run dev-server` om live te ontwikkelen. / After a change in src/: start again, or `npm run dev-server` to develop live.",
      );
    })
    .catch((e) => {
      console.error(e.message || e);
      process.exit(1);
    });
}
