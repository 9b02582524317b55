/**
 * The build configuration: a production build needs FP_PRODUCTION_URL (no placeholder host ever ships); the
 * dev server is https with office-addin-dev-certs' certificates and never falls back to http, because
 * "Office Add-ins should use HTTPS, not HTTP, even when you're developing" (learn.microsoft.com, Office Add-ins:
 * "Development certificates"); the browser preview stays on http.
 */
const getHttpsServerOptions = jest.fn();
jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions }), { virtual: false });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  options: { mode: string },
) => Record<string, unknown> | Promise<Record<string, unknown>>;

const saved = process.env.FP_PRODUCTION_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.FP_PRODUCTION_URL;
  else process.env.FP_PRODUCTION_URL = saved;
});

test("a production build without FP_PRODUCTION_URL stops with a message naming it", () => {
  delete process.env.FP_PRODUCTION_URL;
  expect(() => config({}, { mode: "production" })).toThrow(/FP_PRODUCTION_URL ontbreekt \/ is not set/);
  process.env.FP_PRODUCTION_URL = "http://fp.example.org/";
  expect(() => config({}, { mode: "production" })).toThrow(/FP_PRODUCTION_URL moet een https-adres/);
  process.env.FP_PRODUCTION_URL = "https://fp.example.org/";
  expect(config({}, { mode: "production" })).toHaveProperty("entry");
});

test("a development build needs no host", () => {
  delete process.env.FP_PRODUCTION_URL;
  const dev = config({}, { mode: "development" }) as { devServer: { server: { type: string } } };
  // The browser preview (scripts/start.js) serves this config: plain http is fine there.
  expect(dev.devServer.server.type).toBe("http");
});

test("webpack serve is https with the development certificates, and fails clearly without them", async () => {
  getHttpsServerOptions.mockResolvedValueOnce({ key: "k", cert: "c", ca: "a" });
  const served = (await config({ WEBPACK_SERVE: true }, { mode: "development" })) as {
    devServer: { server: { type: string; options: unknown } };
  };
  expect(served.devServer.server).toEqual({ type: "https", options: { key: "k", cert: "c", ca: "a" } });
  getHttpsServerOptions.mockRejectedValueOnce(new Error("no CA"));
  await expect(config({ WEBPACK_SERVE: true }, { mode: "development" })).rejects.toThrow(
    /npx office-addin-dev-certs install/,
  );
});
