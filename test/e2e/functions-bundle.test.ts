/**
 * FP.SCENARIO and FP.COMPARE through the built functions bundle (dist/functions.js, with HiGHS as
 * WebAssembly for Optimaal) in a real browser: every value on the sample workbook equals
 * `formatieplanner run --json`, and a changed Formatie row changes the result on the next call.
 * Excel is replaced by a stand-in CustomFunctions object that collects what the bundle associates.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { MEASURES } from "../../src/functions/measures";

import { root, startSession, type BrowserSession } from "./browser-session";

const SAMPLE = path.join(root, "samples/voorbeeld-ministerie.xlsx");

/** What Excel's custom functions runtime offers the bundle: associate, Error and ErrorCode. */
const HOST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><script>
class CustomFunctionsError extends Error { constructor(code, message) { super(message); this.code = code; } }
window.__fp = {};
window.CustomFunctions = {
  associate: (id, fn) => { window.__fp[id] = fn; },
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};
</script><script src="functions.js"></script></head><body></body></html>`;

type Tables = Record<string, unknown[][]>;
let session: BrowserSession;
let page: Page;
let tables: Tables;
let cli: { scenarios: { name: string; years: Record<string, number>[] }[] };

beforeAll(async () => {
  tables = tablesFromWorkbook(await loadWorkbook(SAMPLE)).tables as Tables;
  let out = "";
  expect(await main(["run", SAMPLE, "--json"], { stdout: (t) => (out += t), stderr: () => undefined })).toBe(
    0,
  );
  cli = JSON.parse(out);
  session = await startSession({ viewport: { width: 800, height: 600 } });
  const base = session.base;
  page = await session.context.newPage();
  await page.route(`${base}/functions-host.html`, (route) =>
    route.fulfill({ body: HOST_PAGE, contentType: "text/html; charset=utf-8" }),
  );
  await page.goto(`${base}/functions-host.html`);
  await page.waitForFunction(
    () => typeof (window as unknown as { __fp: Record<string, unknown> }).__fp.SCENARIO === "function",
  );
}, 900_000);

afterAll(async () => {
  await session?.close();
});

/** Calls an associated function in the page, as Excel would: table ranges as 2-D arrays. */
async function call(
  id: string,
  args: unknown[],
): Promise<{ value?: unknown[][]; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([fid, a]) => {
      const fp = (window as unknown as { __fp: Record<string, (...x: unknown[]) => Promise<unknown[][]>> })
        .__fp;
      try {
        return { value: await fp[fid as string](...(a as unknown[])) };
      } catch (e) {
        const err = e as { code: string; message: string };
        return { error: { code: err.code, message: err.message } };
      }
    },
    [id, args] as const,
  );
}

const tableArgs = (t: Tables) => [t.Formatie, t.Parameters, t.Scenarios];
const optionalTables = (t: Tables) => [t.Inhuur, t.Huisvesting, t.Prijzen, t.Taakstelling];

test("every FP.SCENARIO value equals run --json on the sample, Optimaal included", async () => {
  for (const s of cli.scenarios) {
    const { value, error } = await call("SCENARIO", [
      ...tableArgs(tables),
      s.name,
      null,
      null,
      ...optionalTables(tables),
    ]);
    expect(error).toBeUndefined();
    expect(value![0]).toEqual(["Jaar", ...MEASURES.map((m) => m.nl)]);
    s.years.forEach((y, i) => {
      expect(value![i + 1][0]).toBe(y.year);
      MEASURES.forEach((m, c) => expect(value![i + 1][c + 1]).toBe(y[m.key]));
    });
  }
  const one = await call("SCENARIO", [
    ...tableArgs(tables),
    "Optimaal",
    "Structurele besparing",
    2030,
    ...optionalTables(tables),
  ]);
  expect(one.value).toEqual([[cli.scenarios.find((s) => s.name === "Optimaal")!.years[4].structuralSavings]]);
});

test("FP.COMPARE equals the command line's end year for every scenario", async () => {
  const { value } = await call("COMPARE", [...tableArgs(tables), ...optionalTables(tables)]);
  expect(value!.slice(1).map((r) => r[0])).toEqual(cli.scenarios.map((s) => s.name));
  cli.scenarios.forEach((s, i) => {
    const end = s.years[s.years.length - 1];
    expect(value![i + 1][1]).toBe(end.structuralSavings);
    expect(value![i + 1][5]).toBe(end.overheadRatio);
    expect(value![i + 1][10]).toBe(end.primaryRetained);
  });
});

test("a changed Formatie row changes the result on the next call; an input error names table, row, column", async () => {
  const changed = JSON.parse(JSON.stringify(tables)) as Tables;
  const fteCol = (changed.Formatie[0] as string[]).findIndex((h) => String(h).toLowerCase() === "fte");
  (changed.Formatie[1] as number[])[fteCol] = (changed.Formatie[1][fteCol] as number) + 10;
  const after = await call("SCENARIO", [
    ...tableArgs(changed),
    "Basis",
    "fte",
    2030,
    ...optionalTables(changed),
  ]);
  expect(after.value![0][0]).toBeCloseTo(cli.scenarios[0].years[4].fte + 10, 6);
  changed.Formatie[2][fteCol] = "veel";
  const bad = await call("SCENARIO", [
    ...tableArgs(changed),
    "Basis",
    null,
    null,
    ...optionalTables(changed),
  ]);
  expect(bad.error!.code).toBe("#VALUE!");
  expect(bad.error!.message).toMatch(/Invoerfout in Formatie, rij 2, kolom FTE/);
});
