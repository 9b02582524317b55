/**
 * One way for every end-to-end test to get a browser on the built add-in: the production build made once
 * (scripts/build-once.js), dist/ served on 127.0.0.1, the machine's Chromium, Chrome or Edge (found by
 * test/setup/find-browser.ts, never downloaded) in a fresh profile, office.js's CDN served from the local
 * @microsoft/office-js package, and every other outside request refused: no test uses the network.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { findBrowser, launchTarget, missingBrowserMessage } from "../setup/find-browser";

export const root = path.resolve(__dirname, "../..");
export const dist = path.join(root, "dist");
export const artifacts = path.join(root, "test-artifacts");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../../scripts/serve.js") as {
  serve: (root: string, port?: number) => Promise<Server>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildOnce } = require("../../scripts/build-once.js") as {
  buildOnce: (o?: { exampleHost?: boolean }) => Promise<boolean>;
};

export const OFFICE_JS_PATH = "/lib/1/hosted/";
export const OFFICE_JS_CDN = `https://appsforoffice.microsoft.com${OFFICE_JS_PATH}`;

export interface BrowserSession {
  context: BrowserContext;
  /** http://127.0.0.1:PORT, serving dist/ */
  base: string;
  close(): Promise<void>;
}

export async function startSession(options: {
  viewport: { width: number; height: number };
  locale?: string;
}): Promise<BrowserSession> {
  // The e2e project's globalSetup has stopped the run already when there is none; this covers a direct call.
  const browser = findBrowser();
  if (!browser) throw new Error(missingBrowserMessage());
  await buildOnce({ exampleHost: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const server = await serve(dist, 0);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "fp-e2e-")), {
    ...launchTarget(browser),
    headless: true,
    acceptDownloads: true,
    locale: options.locale ?? "nl-NL",
    viewport: options.viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await serveOfficeJsFromPackage(context);
  return {
    context,
    base,
    close: async () => {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * taskpane.html loads office.js from Microsoft's CDN; no test may use the network, so the CDN's files (office.js
 * and the siblings it loads, such as o15apptofilemappingtable.js) come from the local @microsoft/office-js, and
 * any other outside request (office.js's telemetry frame outside Office) is refused.
 */
async function serveOfficeJsFromPackage(ctx: BrowserContext): Promise<void> {
  const officeJs = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  await ctx.route(
    (url) => /^https?:$/.test(url.protocol) && url.hostname !== "127.0.0.1",
    (route) => route.abort("blockedbyclient"),
  );
  // Registered last, so it is asked first.
  await ctx.route(`${OFFICE_JS_CDN}**`, async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname).slice(OFFICE_JS_PATH.length);
    const file = path.resolve(officeJs, relative);
    if (!file.startsWith(officeJs + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
  });
}

/** The tab list's rows: every tab on one line, and the list no taller than its tallest tab. */
export async function tabLines(
  page: Page,
): Promise<{ lines: number; listHeight: number; tabHeight: number }> {
  return page.evaluate(() => {
    const tabs = Array.from(document.querySelectorAll('[role="tab"]')).map((t) => t.getBoundingClientRect());
    const list = document.querySelector('[role="tablist"]')!.getBoundingClientRect();
    return {
      lines: new Set(tabs.map((r) => Math.round(r.top))).size,
      listHeight: Math.round(list.height),
      tabHeight: Math.round(Math.max(...tabs.map((r) => r.height))),
    };
  });
}
