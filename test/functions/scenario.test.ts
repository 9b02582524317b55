/**
 * FP.SCENARIO and FP.COMPARE on the sample workbook: every value equal to `formatieplanner run --json`, the
 * same input checks as the command line, one run shared by every cell with the same tables.
 */
import * as path from "path";
import * as FP from "../../src/functions/functions";
import { main } from "../../src/cli/main";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { clearRunCache } from "../../src/functions/scenario";
import { setEngineRunner } from "../../src/functions/engine";
import { runPlanAsync } from "../../src/model/engine";
import { MEASURES } from "../../src/functions/measures";
import { scenarioSheet } from "../../src/model/report";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

type Tables = Record<string, unknown[][]>;
type Year = Record<string, number>;
let tables: Tables;
let cli: { scenarios: { name: string; years: Year[] }[] };
let runs = 0;

beforeAll(async () => {
  tables = tablesFromWorkbook(await loadWorkbook(SAMPLE)).tables as Tables;
  let out = "";
  expect(await main(["run", SAMPLE, "--json"], { stdout: (t) => (out += t), stderr: () => undefined })).toBe(
    0,
  );
  cli = JSON.parse(out);
  setEngineRunner((_tables, plan) => {
    runs++;
    return runPlanAsync(plan);
  });
});

beforeEach(() => clearRunCache());

/** The arguments as a controller writes them: Formatie[#Alles]; Parameters[#Alles]; ... */
const args = (t: Tables = tables) => [t.Formatie, t.Parameters, t.Scenarios] as const;
const rest = (t: Tables = tables) => [t.Inhuur, t.Huisvesting, t.Prijzen, t.Taakstelling] as const;
const scenario = (name: unknown, measure?: unknown, year?: unknown, t: Tables = tables) =>
  FP.scenario(...args(t), name, measure, year, ...rest(t));

async function excelError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

test("every scenario's trajectory equals run --json, with Dutch headers", async () => {
  for (const s of cli.scenarios) {
    const out = await scenario(s.name);
    expect(out[0]).toEqual(["Jaar", ...MEASURES.map((m) => m.nl)]);
    expect(out.slice(1).map((row) => row[0])).toEqual(s.years.map((y) => y.year));
    s.years.forEach((y, i) => MEASURES.forEach((m, c) => expect(out[i + 1][c + 1]).toBe(y[m.key])));
  }
});

test("one measure gives a column, measure and year one number, by field or by Dutch or English header", async () => {
  const optimal = cli.scenarios.find((s) => s.name === "Optimaal")!;
  expect(await scenario("Optimaal", "structuralSavings")).toEqual(
    optimal.years.map((y) => [y.structuralSavings]),
  );
  expect(await scenario("optimaal", "Structurele besparing", 2030)).toEqual([
    [optimal.years[4].structuralSavings],
  ]);
  expect(await scenario("Optimaal", "Structural savings", 2030)).toEqual([
    [optimal.years[4].structuralSavings],
  ]);
  expect((await scenario("Basis", undefined, 2028))[0]).toEqual(
    MEASURES.map((m) => cli.scenarios[0].years[2][m.key]),
  );
  expect(await scenario("Baseline", "fte", 2026)).toEqual([[cli.scenarios[0].years[0].fte]]);
});

test("the Dutch headers are the report's detail-sheet headers", () => {
  const result = { name: "x", levers: [], years: [], units: [], notes: [] };
  const sheet = scenarioSheet(result as never, "x");
  const header = sheet.cells.find((row) => row[0] === "Jaar")!;
  expect(header).toEqual(["Jaar", ...MEASURES.map((m) => m.nl), ...header.slice(MEASURES.length + 1)]);
});

test("FP.COMPARE spills the command line's end-year comparison", async () => {
  const out = await FP.compare(...args(), ...rest());
  expect(out).toHaveLength(cli.scenarios.length + 1);
  expect(out[0][0]).toBe("Scenario");
  cli.scenarios.forEach((s, i) => {
    const end = s.years[s.years.length - 1];
    const row = out[i + 1];
    expect(row[0]).toBe(s.name);
    expect(row[1]).toBe(end.structuralSavings);
    expect(row[2]).toBe(end.target);
    expect(row[3]).toBe(end.gap >= -0.5 ? "ja" : "nee");
    expect(row[4]).toBe(end.fte);
    expect(row[5]).toBe(end.overheadRatio);
    expect(row[7]).toBe(end.roemerShare);
    expect(row[9]).toBe(end.m2);
    expect(row[10]).toBe(end.primaryRetained);
    expect(row[12]).toBeCloseTo(
      s.years.reduce((a, y) => a + y.forcedExits, 0),
      9,
    );
  });
});

test("fifty cells on the same tables share one run; a changed Formatie row runs again with a new result", async () => {
  runs = 0;
  const names = cli.scenarios.map((s) => s.name);
  const cells = Array.from({ length: 50 }, (_, i) =>
    scenario(names[i % names.length], "structuralSavings", 2030),
  );
  await Promise.all(cells);
  expect(runs).toBe(1);
  // Excel passes fresh arrays on every call: equal values, not the same objects, hit the cache.
  await scenario("Basis", "fte", 2030, JSON.parse(JSON.stringify(tables)));
  expect(runs).toBe(1);
  const changed = JSON.parse(JSON.stringify(tables)) as Tables;
  const fteCol = (changed.Formatie[0] as string[]).findIndex((h) => String(h).toLowerCase() === "fte");
  const before = (await scenario("Basis", "fte", 2030))[0][0] as number;
  (changed.Formatie[1] as number[])[fteCol] = (changed.Formatie[1][fteCol] as number) + 10;
  const after = (await scenario("Basis", "fte", 2030, changed))[0][0] as number;
  expect(runs).toBe(2);
  expect(after).toBeCloseTo(before + 10, 6);
});

test("input errors give #VALUE! naming table, row and column, as Controle does", async () => {
  const bad = JSON.parse(JSON.stringify(tables)) as Tables;
  const fteCol = (bad.Formatie[0] as string[]).findIndex((h) => String(h).toLowerCase() === "fte");
  bad.Formatie[3][fteCol] = "veel";
  const e = await excelError(scenario("Basis", undefined, undefined, bad));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toMatch(/^Invoerfout in Formatie, rij 3, kolom FTE: .+ \/ Input error: /);
});

test("an unknown scenario, measure or year names the ones that exist", async () => {
  const s = await excelError(scenario("Kaasschaaf 5%"));
  expect(s.code).toBe("#VALUE!");
  expect(s.message).toMatch(
    /Scenario 'Kaasschaaf 5%' bestaat niet; wel \/ existing: Basis, Kaasschaaf auto, .*Optimaal/,
  );
  const m = await excelError(scenario("Basis", "winst"));
  expect(m.message).toMatch(/Maatstaf 'winst' bestaat niet.*Structurele besparing.*structuralSavings/);
  const y = await excelError(scenario("Basis", "fte", 2040));
  expect(y.message).toMatch(/2040 ligt niet in de planperiode 2026-2030/);
});

test("tables over the 5 MB payload limit get a clear #VALUE!", async () => {
  const huge = {
    ...tables,
    Formatie: [tables.Formatie[0], ...Array.from({ length: 200_000 }, () => tables.Formatie[1])],
  };
  const e = await excelError(scenario("Basis", undefined, undefined, huge));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toMatch(/hoogstens 5 MB.*taakvenster/);
});

test("the sample's sheet 'Eigen berekening' uses FP.SCENARIO and FP.COMPARE, its cached values equal run --json", async () => {
  const ws = (await loadWorkbook(SAMPLE)).getWorksheet("Eigen berekening")!;
  expect(ws).toBeDefined();
  const year = ws.getCell("B3").value as number;
  const header = (ws.getRow(5).values as unknown[]).slice(1) as string[];
  let cells = 0;
  for (let row = 6; ws.getCell(row, 1).value; row++) {
    const name = ws.getCell(row, 1).value as string;
    const s = cli.scenarios.find((x) => x.name === name)!;
    const y = s.years.find((x) => x.year === year)!;
    header.slice(1).forEach((measure, c) => {
      const cell = ws.getCell(row, c + 2).value as { formula: string; result?: number };
      expect(cell.formula).toMatch(
        /^FP\.SCENARIO\(Formatie\[#All\],Parameters\[#All\],Scenarios\[#All\],\$A\d+,/,
      );
      const m = MEASURES.find((x) => x.nl === measure)!;
      expect(cell.result ?? 0).toBe(y[m.key]);
      cells++;
    });
  }
  expect(cells).toBe(cli.scenarios.length * 4);
  const compare = ws.getCell(6 + cli.scenarios.length + 2, 1).value as { formula: string; shareType: string };
  expect(compare.formula).toMatch(/^FP\.COMPARE\(Formatie\[#All\]/);
  expect(compare.shareType).toBe("array");
});
