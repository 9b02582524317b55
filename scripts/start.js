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
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(path.join(root, "webpack.config.js"))({}, { mode: "development" });
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  const server = new WebpackDevServer(
    { ...config.devServer, port, host: "localhost", open: false },
    webpack(config),
  );
  server.startCallback((err) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    const scheme = config.devServer.server.type === "https" ? "https" : "http";
    console.log(
      `\nFormatieplanner voorbeeldweergave / preview: ${scheme}://localhost:${port}/preview.html\n`,
    );
  });
}
