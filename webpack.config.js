/* Builds the shared runtime: one taskpane.html that hosts the task pane and the custom functions. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const webpack = require("webpack");

const { dutchMetadata, withOrigin, DEV_ORIGIN } = require("./scripts/functions-metadata.js");
const dutch = require("./src/functions/functions-nl.json");
const { parseNumber } = require("office-addin-cli");

/**
 * Where the production build will be hosted. Required for a production build: every URL in the manifest and
 * in functions.json (help pages included) points there, and a placeholder host must never ship.
 */
function productionOrigin() {
  const url = process.env.FP_PRODUCTION_URL;
  if (!url) {
    throw new Error(
      "FP_PRODUCTION_URL ontbreekt / is not set: een productiebouw heeft het https-adres nodig waar dist/ komt te staan, " +
        "bijvoorbeeld / for example FP_PRODUCTION_URL=https://formatieplanner.example.nl/ npm run build " +
        "(voor een ontwikkelbouw / for a development build: npm run build:dev).",
    );
  }
  if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(url) || /localhost|127\.0\.0\.1/.test(url)) {
    throw new Error(
      `FP_PRODUCTION_URL moet een https-adres buiten localhost zijn / must be an https URL, not localhost: ${url}`,
    );
  }
  return url.replace(/\/$/, "");
}

/** functions.json with the production URLs, and functions-nl.json (Dutch names) beside it. */
class LocalizedFunctionsMetadataPlugin {
  constructor(origin) {
    this.origin = origin;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsMetadata", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const english = asset.source.source().toString();
          const rehost = (json) => (this.origin ? withOrigin(json, this.origin) : json);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(rehost(english)));
          const nl = JSON.stringify(dutchMetadata(JSON.parse(english), dutch), null, 4);
          compilation.emitAsset("functions-nl.json", new webpack.sources.RawSource(rehost(nl)));
        },
      );
    });
  }
}

/**
 * The dev server is https with the development certificates of office-addin-dev-certs (it creates and renews
 * them, and installs its CA): Office refuses add-ins over http, so there is no http fallback. Only for
 * `webpack serve`; the browser preview (npm run preview) stays on plain http.
 */
async function httpsServer() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    throw new Error(
      `Geen ontwikkelcertificaten / no development certificates (${e.message}). ` +
        "Maak ze met / create them with: npx office-addin-dev-certs install",
    );
  }
}

module.exports = (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const origin = dev ? null : productionOrigin();
  const config = build(dev, origin);
  if (!env.WEBPACK_SERVE) return config;
  return httpsServer().then((server) => ({ ...config, devServer: { ...config.devServer, server } }));
};

function build(dev, origin) {
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
      // The streaming reader (src/xlsx/stream-read.ts) uses ExcelJS's own parsers from exceljs/lib; their
      // parse-sax.js wraps old Node streams with readable-stream, which the reader never hands it (it feeds
      // saxes' events itself): an empty module there keeps Node's stream polyfills out of the worker.
      new webpack.NormalModuleReplacementPlugin(/^readable-stream$/, (resource) => {
        if (/exceljs[\\/]lib[\\/]utils/.test(resource.context)) resource.request = "data:text/javascript,";
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedFunctionsMetadataPlugin(origin),
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
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              // Every development URL, the bare origin in <AppDomain> included.
              return dev ? content : content.toString().split(DEV_ORIGIN).join(origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      // Plain http for the browser preview (scripts/start.js); `webpack serve` replaces it with https above.
      server: { type: "http" },
      // The port Office's tools (office-addin-debugging) read from package.json's config, parsed as they do.
      port:
        parseNumber(
          process.env.npm_package_config_dev_server_port,
          "package.json config.dev_server_port moet een getal zijn / must be a number",
        ) ?? 3000,
      static: { directory: path.join(__dirname, "dist") },
    },
  };
}
