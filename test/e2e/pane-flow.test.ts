/**
 * The whole task-pane flow in Chromium at a task pane's widths (320 and 420 px), in Dutch and English:
 * Start, Controle, Scenario's (filter builder, save), Doorrekenen (ranking, details), Rapport schrijven.
 * On every screen: nothing scrolls sideways, axe finds no violation, and after an action focus is on its
 * result. Screenshots of every screen at 320 px land in test-artifacts/.
 *
 * Browser, build and serving: test/e2e/browser-session.ts.
 */
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { artifacts, startSession, tabLines, type BrowserSession } from "./browser-session";

let session: BrowserSession;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  session = await startSession({ viewport: { width: 320, height: 800 } });
  ({ context, base } = session);
}, 900_000);

afterAll(async () => {
  await session?.close();
});

/** Elements that stick out of the viewport on the right, for a readable failure. */
async function sideways(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      if (el.closest("[data-tabster-dummy]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1)
        offenders.push(
          `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80) + ` (${Math.round(r.right)})`,
        );
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: width, offenders: offenders.slice(0, 5) };
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{
            violations: {
              id: string;
              nodes: { html: string; target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    // Fluent UI's invisible focus redirectors (data-tabster-dummy) are misread by axe; see preview.test.ts.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.html.slice(0, 120)} at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ""}`).join(" | ")}`,
    );
  });
}

/** Every screen: no sideways scroll, tabs on one line, no axe violation, a screenshot at 320 px. */
async function screen(page: Page, width: number, lang: string, name: string) {
  const tabs = await tabLines(page);
  expect({ name, lines: tabs.lines, fits: tabs.listHeight <= tabs.tabHeight + 2 }).toEqual({
    name,
    lines: 1,
    fits: true,
  });
  const fit = await sideways(page);
  expect({ name, ...fit }).toEqual({
    name,
    scrollWidth: fit.clientWidth,
    clientWidth: fit.clientWidth,
    offenders: [],
  });
  // Colours are judged when they have settled: a button that has just been enabled fades to its colour.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  expect(await axeViolations(page)).toEqual([]);
  if (width === 320)
    await page.screenshot({
      path: path.join(artifacts, `pane-${width}-${lang}-${name}.png`),
      fullPage: true,
    });
}

/** Waits until focus is on the element with this test id or id (the action's result), else fails. */
/** A screenshot of the pane from an element down (for the README), 320 x 900 px. */
async function part(page: Page, selector: string, name: string) {
  const box = await page.locator(selector).boundingBox();
  const top = Math.max(0, (box?.y ?? 0) - 8 + (await page.evaluate(() => window.scrollY)));
  await page.screenshot({
    path: path.join(artifacts, `${name}.png`),
    clip: { x: 0, y: top, width: 320, height: 900 },
    fullPage: true,
  });
}

async function focusLandsOn(page: Page, id: string) {
  const ok = await page
    .waitForFunction(
      (want) => {
        const el = document.activeElement as HTMLElement | null;
        return !!el && (el.dataset.testid === want || el.id === want);
      },
      id,
      { timeout: 5_000 },
    )
    .then(() => true)
    .catch(() => false);
  const actual = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? el.dataset.testid || el.id || el.tagName : null;
  });
  expect({ ok, actual }).toEqual({ ok: true, actual: id });
}

const T = {
  nl: {
    found: "gevonden",
    check: "Controle",
    scenarios: "Scenario's",
    run: "Doorrekenen",
    runAll: "Alle scenario's doorrekenen",
    name: "Naam",
    newScenario: "Nieuw scenario",
    lever: "Hefboom 1",
    targeted: "Gerichte korting",
    units: "Eenheden",
    save: "Opslaan in tabel Scenarios",
    saved: "opgeslagen",
    report: "Rapport schrijven",
    reportDone: /Rapport geschreven op/,
    ok: "Geen problemen gevonden.",
    more: "Meer over dit scenario",
    selects: /Selecteert \d+ van [\d.]+ rijen/,
  },
  en: {
    found: "found",
    check: "Check",
    scenarios: "Scenarios",
    run: "Run",
    runAll: "Run all scenarios",
    name: "Name",
    newScenario: "New scenario",
    lever: "Lever 1",
    targeted: "Gerichte korting (targeted cut)",
    units: "Units",
    save: "Save to the Scenarios table",
    saved: "saved",
    report: "Write report",
    reportDone: /Report written to/,
    ok: "No problems found.",
    more: "More about this scenario",
    selects: /Selects \d+ of [\d,]+ rows/,
  },
};

for (const lang of ["nl", "en"] as const) {
  for (const width of [320, 420]) {
    test(`the whole flow at ${width} px in ${lang === "nl" ? "Dutch" : "English"}`, async () => {
      const t = T[lang];
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${base}/preview.html?lang=${lang}`);
      await page.getByTestId("table-Formatie").getByText(t.found).waitFor({ timeout: 60_000 });
      await screen(page, width, lang, "1-start");

      await page.getByRole("tab", { name: t.check }).click();
      await page.getByText(t.ok).waitFor();
      await screen(page, width, lang, "2-controle");

      await page.getByRole("tab", { name: t.scenarios }).click();
      await page.getByRole("textbox", { name: t.name }).waitFor();
      await screen(page, width, lang, "3-scenarios");

      // A new scenario with a targeted cut, its filter built by picking a unit.
      await page.getByRole("button", { name: t.newScenario }).click();
      await page.getByRole("combobox", { name: t.lever }).click();
      await page.getByRole("option", { name: t.targeted }).click();
      await page.getByRole("combobox", { name: t.units }).click();
      await page.getByRole("menuitemcheckbox").first().click();
      await page.keyboard.press("Escape");
      await page.getByText(t.selects).waitFor();
      await screen(page, width, lang, "4-filter");
      if (width === 320) await part(page, "#scenarios-title", `pane-${width}-${lang}-filter-top`);
      await page.getByRole("button", { name: t.save }).click();
      await page.getByTestId("message").getByText(t.saved).waitFor();
      await focusLandsOn(page, "message-region");
      await screen(page, width, lang, "5-opgeslagen");

      await page.getByRole("tab", { name: t.run, exact: true }).click();
      await page.getByRole("button", { name: t.runAll }).click();
      await page.getByTestId("result-Optimaal").waitFor({ timeout: 60_000 });
      await page.getByTestId("result-Basis").waitFor();
      await focusLandsOn(page, "results-title");
      await screen(page, width, lang, "6-resultaat");
      if (width === 320) await part(page, "#run-title", `pane-${width}-${lang}-resultaat-top`);
      await page.getByTestId("result-Optimaal").getByText(t.more).click();
      await page.getByTestId("optimal-units-Optimaal").waitFor();
      await screen(page, width, lang, "7-details");

      await page.getByRole("button", { name: t.report }).click();
      await page.getByTestId("message").getByText(t.reportDone).waitFor({ timeout: 60_000 });
      await focusLandsOn(page, "message-region");
      await screen(page, width, lang, "8-rapport");
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
}
