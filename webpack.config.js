/* Builds the shared runtime: one taskpane.html that hosts the task pane and the custom functions. */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const webpack = require("webpack");

// Where the production build will be hosted; set FP_PRODUCTION_URL when deploying.
const productionUrl = process.env.FP_PRODUCTION_URL || "https://formatieplanner.example.nl/";

/** Certificates made by `npx office-addin-dev-certs install`; plain http when there are none. */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return null;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (env, options) => {
  const dev = options.mode !== "production";
  const https = dev ? httpsOptions() : null;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's own browser build: the Node entry needs streams and buffers a browser does not have.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      // HiGHS's loader mentions Node modules it only uses under Node.
      fallback: { fs: false, path: false, crypto: false, url: false, module: false, worker_threads: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { maxAssetSize: 4_000_000, maxEntrypointSize: 4_000_000 },
    plugins: [
      // "node:fs" and friends (in HiGHS's loader, used only under Node) map to the empty fallbacks below.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "samples/voorbeeld-ministerie.xlsx", to: "samples/voorbeeld-ministerie.xlsx" },
          // The LP solver for the Optimaal lever (HiGHS as WebAssembly), loaded from the add-in's own host.
          { from: "node_modules/highs/build/highs.wasm", to: "highs.wasm" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help", to: "help" },
          {
            // Self-hosted office.js with the sibling files it loads at start (no CDN at run time).
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: {
              ignore: [
                "**/*.debug.js",
                "**/*.d.ts",
                "**/office-vsdoc.js",
                "**/outlook*",
                "**/onenote*",
                "**/powerpoint*",
                "**/word*",
                "**/access*",
                "**/project*",
                "**/visio*",
                "**/html2canvas*",
              ],
            },
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              // Every development URL, the bare origin in <AppDomain> included.
              const origin = productionUrl.replace(/\/$/, "");
              return dev ? content : content.toString().replace(/https:\/\/localhost:3000/g, origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.join(__dirname, "dist") },
    },
  };
};
