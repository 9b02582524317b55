/**
 * Imported first by a test that runs code as the preview's workers run it: ExcelJS's browser build (what
 * webpack's alias gives the workers, webpack.config.js) and no Node zlib or streams, so that any use of them
 * fails the test. ExcelJS's parse-sax.js wraps old Node streams with readable-stream's PassThrough; webpack
 * gives the workers an empty module there, as here: the streaming reader hands ExcelJS's parsers saxes' events.
 */
jest.mock("zlib", () => {
  throw new Error("zlib is Node only");
});
jest.mock("stream", () => {
  throw new Error("stream is Node only");
});
jest.mock("readable-stream", () => ({}));
jest.mock("exceljs", () => jest.requireActual("exceljs/dist/exceljs.min.js"));

export {};
