// A static file server for dist/ on localhost (plain http), used by the end-to-end tests and `npm start`
// where there is no desktop Excel. Only serves files below the folder it is given.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".css": "text/css",
  ".txt": "text/plain",
  // HiGHS compiles its WebAssembly while it streams in only when served as application/wasm.
  ".wasm": "application/wasm",
};

/**
 * isolated: send the cross-origin isolation headers, so that the page may measure its memory with
 * performance.measureUserAgentSpecificMemory() (the browser bench); the preview loads nothing cross-origin.
 */
function serve(root, port = 0, host = "127.0.0.1", { isolated = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const file = path.resolve(base, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    const headers = { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" };
    if (isolated) {
      headers["Cross-Origin-Opener-Policy"] = "same-origin";
      headers["Cross-Origin-Embedder-Policy"] = "require-corp";
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const port = Number(process.argv[3] || 3000);
  serve(process.argv[2] || "dist", port).then(() => console.log(`http://localhost:${port}/`));
}
