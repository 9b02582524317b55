/**
 * End to end in Chromium at the pane's narrowest width (320 px): the preview on the fictional Rijk's
 * workbook shows the Rijksbreed tab, consolidates the picked department files, and what the tab shows
 * fits 320 px; on the department with Realisatie the Doorrekenen tab shows the monitor at a glance.
 */
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { artifacts, root, startSession, tabLines, type BrowserSession } from "./browser-session";

const RIJK = path.join(root, "samples/rijk");

let session: BrowserSession;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  session = await startSession({ viewport: { width: 320, height: 900 } });
  ({ context, base } = session);
}, 900_000);

afterAll(async () => {
  await session?.close();
});

/**
 * The narrowest width an element can take (its min-content width). The preview page around the pane is
 * wider than 320 px on its own (its banner and drop zone, before this tab existed), so the check is on
 * what this work adds: it must fit the pane's 320 px less the pane's 2 x 16 px padding.
 */
const minContentWidth = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    const before = el.style.width;
    el.style.width = "min-content";
    const width = el.getBoundingClientRect().width;
    el.style.width = before;
    return width;
  }, selector);
const PANE_CONTENT = 320 - 32;

test("the Rijksbreed tab at 320 px: consolidation of the picked files, the tab fits the pane", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/preview.html?lang=nl`);
  await page.getByTestId("preview-banner").waitFor();
  // the preview opens its sample first; open the Rijk workbook only after that, so that it is not replaced
  await page.getByTestId("table-Formatie").getByText("gevonden").waitFor({ timeout: 60_000 });
  await page.getByTestId("file-input").setInputFiles(path.join(RIJK, "rijk.xlsx"));
  await page.getByTestId("workbook-name").getByText("rijk.xlsx").waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Rijksbreed" }).click({ timeout: 60_000 });
  await page
    .getByLabel("Werkmappen van de departementen kiezen")
    .setInputFiles(
      ["kustbeheer.xlsx", "digitale-zaken.xlsx", "cultuur-erfgoed.xlsx", "hoge-raad.xlsx"].map((f) =>
        path.join(RIJK, f),
      ),
    );
  await page.getByRole("button", { name: "Optellen" }).click();
  await page.getByText("Rijk: volledig").waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(artifacts, "rijk-320.png"), fullPage: true });
  expect(await minContentWidth(page, '[data-testid="rijk-panel"]')).toBeLessThanOrEqual(PANE_CONTENT);
  expect(await minContentWidth(page, '[role="tablist"]')).toBeLessThanOrEqual(PANE_CONTENT);
  await page.getByRole("button", { name: "Rapport Rijksbreed schrijven" }).click();
  await page
    .getByTestId("rijk-message")
    .getByText(/Geschreven: Rijksbreed/)
    .waitFor();
  expect(errors).toEqual([]);
}, 180_000);

/** The five tabs' full names (their accessible names) per language; some show a shorter label. */
const FIVE_TABS = {
  nl: ["Start", "Controle", "Scenario's", "Doorrekenen", "Rijksbreed"],
  en: ["Start", "Check", "Scenarios", "Run", "Rijk-wide"],
};

for (const lang of ["nl", "en"] as const)
  test(`a Rijk workbook at 320 px in ${lang}: five tabs on one line, no sideways scroll, full accessible names`, async () => {
    const page = await context.newPage();
    await page.goto(`${base}/preview.html?lang=${lang}`);
    await page.getByTestId("preview-banner").waitFor();
    await page
      .getByTestId("table-Formatie")
      .getByText(lang === "nl" ? "gevonden" : "found")
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("file-input").setInputFiles(path.join(RIJK, "rijk.xlsx"));
    await page.getByTestId("workbook-name").getByText("rijk.xlsx").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: FIVE_TABS[lang][4], exact: true }).waitFor({ timeout: 60_000 });
    // A pane shorter than its content has a vertical scrollbar: the narrowest real case.
    await page.setViewportSize({ width: 320, height: 400 });
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
    for (const tab of [FIVE_TABS[lang][0], FIVE_TABS[lang][4]]) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      const tabs = await tabLines(page);
      expect({ tab, lines: tabs.lines, fits: tabs.listHeight <= tabs.tabHeight + 2 }).toEqual({
        tab,
        lines: 1,
        fits: true,
      });
      // Nothing scrolls sideways: not the page, not the tab list, not a tab's label.
      const widths = await page.evaluate(() => {
        const list = document.querySelector('[role="tablist"]') as HTMLElement;
        const tabs = Array.from(list.querySelectorAll('[role="tab"]')) as HTMLElement[];
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          list: list.scrollWidth - list.clientWidth,
          outside: tabs.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth)
            .length,
        };
      });
      expect(widths).toEqual({ page: 0, list: 0, outside: 0 });
    }
    // Each tab's full name is its accessible name (a shorter label is part of it), and its tooltip.
    const names = await page.getByRole("tab").evaluateAll((tabs) =>
      tabs.map((t) => {
        // the label itself, not the hidden bold copy Fluent adds to reserve the selected label's width
        const label = t.querySelector(
          ".fui-Tab__content:not(.fui-Tab__content--reserved-space)",
        )!.textContent;
        return { label, name: t.getAttribute("aria-label") ?? label };
      }),
    );
    expect(names.map((n) => n.name)).toEqual(FIVE_TABS[lang]);
    for (const n of names) expect(n.name!.toLowerCase()).toContain(n.label!.toLowerCase());
    for (const name of FIVE_TABS[lang])
      await expect(page.getByRole("tab", { name, exact: true }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(artifacts, `rijk-tabs-320-${lang}.png`) });
    await page.close();
  }, 180_000);

test("Doorrekenen at 320 px on the department with Realisatie: the latest peildatum at a glance", async () => {
  const page = await context.newPage();
  await page.goto(`${base}/preview.html?lang=nl`);
  await page.getByTestId("preview-banner").waitFor();
  await page.getByTestId("table-Formatie").getByText("gevonden").waitFor({ timeout: 60_000 });
  await page.getByTestId("file-input").setInputFiles(path.join(RIJK, "kustbeheer.xlsx"));
  await page.getByTestId("workbook-name").getByText("kustbeheer.xlsx").waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Doorrekenen" }).click();
  await page.getByRole("button", { name: "Alle scenario's doorrekenen" }).click();
  const glance = page.getByTestId("monitor-glance");
  await glance.waitFor({ timeout: 60_000 });
  expect(await glance.innerText()).toMatch(/2027-10-01/);
  await page.screenshot({ path: path.join(artifacts, "monitor-320.png"), fullPage: true });
  expect(await minContentWidth(page, '[data-testid="monitor-glance"]')).toBeLessThanOrEqual(PANE_CONTENT);
}, 180_000);
