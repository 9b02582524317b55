/**
 * End to end in a real browser (the machine's Chromium, Chrome or Edge, driven by playwright-core): the preview on the sample
 * workbook, numbers compared with the command line's --json, the report written and downloaded and read
 * back with ExcelJS, screenshots of the main screens in test-artifacts/, an axe scan; and the built
 * taskpane.html outside Office, with office.js from Microsoft's CDN served from the local package.
 */
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { displayFormats } from "../../src/model/display";

const { millions, percent: pct } = displayFormats("nl");
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import {
  artifacts,
  dist,
  OFFICE_JS_CDN,
  OFFICE_JS_PATH,
  root,
  startSession,
  type BrowserSession,
} from "./browser-session";

const SAMPLE = path.join(root, "samples/voorbeeld-ministerie.xlsx");

// A real browser on a shared 2-core machine: generous, since a slow step is not a failure here.
jest.setTimeout(300_000);

let session: BrowserSession;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  session = await startSession({ viewport: { width: 1000, height: 900 } });
  ({ context, base } = session);
}, 900_000);

afterAll(async () => {
  await session?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> };
      }
    ).axe;
    // Fluent UI's focus manager (tabster) adds invisible focus-redirecting <i data-tabster-dummy> elements
    // that axe reports as aria-hidden-focus; they hand focus on and are never a stop for keyboard users.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: (v as unknown as { nodes: { html: string }[] }).nodes.map((n) => n.html.slice(0, 160)),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.join(" | ")}`);
}

async function cliJson(): Promise<{ scenarios: { name: string; years: Record<string, number>[] }[] }> {
  let out = "";
  const code = await main(["run", SAMPLE, "--json"], { stdout: (t) => (out += t), stderr: () => undefined });
  expect(code).toBe(0);
  return JSON.parse(out);
}

test("the preview on the sample: check, scenarios, run, numbers equal to the command line, report, download", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/preview.html?lang=nl`);
  await page.getByTestId("preview-banner").waitFor();
  await page.getByTestId("table-Formatie").getByText("gevonden").waitFor({ timeout: 60_000 });
  await shot(page, "1-start");

  await page.getByRole("tab", { name: "Controle" }).click();
  await page.getByText("Geen problemen gevonden.").waitFor();
  await shot(page, "2-controle");

  await page.getByRole("tab", { name: "Scenario's" }).click();
  await page.getByRole("textbox", { name: "Naam" }).waitFor();
  await shot(page, "3-scenarios");

  await page.getByRole("tab", { name: "Doorrekenen" }).click();
  await page.getByRole("button", { name: "Alle scenario's doorrekenen" }).click();
  await page.getByTestId("result-Optimaal").waitFor({ timeout: 60_000 });
  // The baseline's card and the chart come a frame after the first cards.
  await page.getByTestId("result-Basis").waitFor();
  await shot(page, "4-doorrekenen");

  const cli = await cliJson();
  expect(cli.scenarios).toHaveLength(8);
  for (const s of cli.scenarios) {
    const end = s.years[s.years.length - 1];
    const row = (await page.getByTestId(`result-${s.name}`).innerText()).replace(/\s+/g, " ");
    expect(row).toContain(millions(end.structuralSavings));
    expect(row).toContain(pct(end.overheadRatio));
    expect(row).toContain(pct(end.roemerShare));
    expect(row).toContain(pct(end.primaryRetained));
  }
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Rapport schrijven" }).click();
  await page
    .getByTestId("message")
    .getByText(/Rapport geschreven op/)
    .waitFor();
  await shot(page, "5-rapport");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Resultaat downloaden" }).click(),
  ]);
  const file = path.join(artifacts, "voorbeeld-ministerie-resultaat.xlsx");
  await download.saveAs(file);
  const workbook = await loadWorkbook(file);
  const names = workbook.worksheets.map((w) => w.name);
  expect(names).toEqual(
    expect.arrayContaining([
      "Vergelijking",
      "Sc Basis",
      "Sc Kaasschaaf auto",
      "Sc Gericht gecombineerd",
      "Formatie",
      "Parameters",
    ]),
  );
  const comparison = workbook.getWorksheet("Vergelijking")!;
  expect(comparison.getCell("A5").value).toBe("Scenario");
  expect(comparison.getCell("A7").value).toBe("Kaasschaaf auto");
  expect(comparison.getCell("B7").value).toBeCloseTo(cli.scenarios[1].years[4].structuralSavings, 2);
  // The user's input tables come back unchanged.
  const original = tablesFromWorkbook(await loadWorkbook(SAMPLE)).tables;
  expect(tablesFromWorkbook(workbook).tables).toEqual(original);

  // Open the downloaded result with the file picker and report again: the add-in's own sheets are replaced.
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("workbook-name").getByText("voorbeeld-ministerie-resultaat.xlsx").waitFor();
  await page.getByTestId("table-Formatie").getByText("gevonden").waitFor();
  await page.getByRole("tab", { name: "Doorrekenen" }).click();
  await page.getByRole("button", { name: "Alle scenario's doorrekenen" }).click();
  await page.getByTestId("result-Optimaal").waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Rapport schrijven" }).click();
  const message = page.getByTestId("message");
  await message.getByText(/Rapport geschreven op/).waitFor();
  expect(await message.innerText()).not.toMatch(/\(2\)/);
  const [again] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Resultaat downloaden" }).click(),
  ]);
  const second = path.join(artifacts, "tweede-rapport.xlsx");
  await again.saveAs(second);
  const names2 = (await loadWorkbook(second)).worksheets.map((w) => w.name);
  expect(names2.filter((n) => n.startsWith("Vergelijking"))).toEqual(["Vergelijking"]);
  expect(errors).toEqual([]);
  await page.close();
});

test("the built taskpane.html with office.js from the CDN shows 'open this in Excel' outside Office", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  const cdn: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfinished", (r) => {
    if (r.url().startsWith(OFFICE_JS_CDN)) cdn.push(new URL(r.url()).pathname);
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId("open-in-excel").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("open-in-excel").innerText()).toMatch(/Excel/);
  await shot(page, "0-taskpane-outside-office");
  expect(cdn).toContain(`${OFFICE_JS_PATH}office.js`);
  expect(errors).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.close();
});

test("the production build: no localhost anywhere, English and Dutch functions.json, office.js from the CDN", () => {
  const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
  expect(manifest).not.toMatch(/localhost/);
  expect(manifest).toMatch(/https:\/\/[^"]+\/taskpane\.html/);
  const functions = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions as {
    id: string;
  }[];
  expect(functions.map((f) => f.id)).toContain("ROEMER");
  expect(functions).toHaveLength(13);
  const dutch = JSON.parse(fs.readFileSync(path.join(dist, "functions-nl.json"), "utf8")).functions as {
    id: string;
    name: string;
  }[];
  expect(dutch.find((f) => f.id === "ROEMER")!.name).toBe("ROEMERAANDEEL");
  const mentions = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) return mentions(file);
      return fs.readFileSync(file).includes("localhost") ? [path.relative(dist, file)] : [];
    });
  expect(mentions(dist)).toEqual([]);
  expect(fs.readFileSync(path.join(dist, "taskpane.html"), "utf8")).toContain(OFFICE_JS_CDN + "office.js");
  expect(fs.existsSync(path.join(dist, "office-js"))).toBe(false);
  for (const file of [
    "taskpane.html",
    "taskpane.js",
    "functions.js",
    "preview.html",
    "highs.wasm",
    "help/roemer.html",
    "help/scenario.html",
  ]) {
    expect(fs.existsSync(path.join(dist, file))).toBe(true);
  }
});
