/** Reading input tables from .xlsx files the way Excel's range.values gives them. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readPlan } from "../../src/model";
import { loadWorkbook, plainValue, tablesFromWorkbook, addInputTable } from "../../src/xlsx/workbook";
import { sampleTables, writeSample } from "../../samples/generate-sample";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-xlsx-"));

test("cell values become what range.values gives: results of formulas, error codes, plain text", () => {
  expect(plainValue(null)).toBe("");
  expect(plainValue(3)).toBe(3);
  expect(plainValue({ formula: "1+1", result: 2 } as ExcelJS.CellValue)).toBe(2);
  expect(plainValue({ error: "#N/A" } as ExcelJS.CellValue)).toBe("#N/A");
  expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue)).toBe(
    "#DIV/0!",
  );
  expect(plainValue({ richText: [{ text: "Pri" }, { text: "mair" }] } as ExcelJS.CellValue)).toBe("Primair");
  expect(plainValue(new Date(Date.UTC(2026, 0, 1)))).toBe(46023);
});

test("tables are found by name wherever they sit; sheets by name when there are no tables", async () => {
  const wb = new ExcelJS.Workbook();
  addInputTable(wb, "Formatie", [["A", "Primair", 10, 5, 90000, "nee"]], {
    sheetName: "Mijn formatie",
    note: "Notitie boven de tabel",
  });
  const params = wb.addWorksheet("parameters");
  params.addRow(["Parameter", "Waarde"]);
  params.addRow(["Basisjaar", 2026]);
  params.addRow(["Eindjaar", { formula: "B2+4", result: 2030 }]);
  const file = path.join(tmp, "mixed.xlsx");
  await wb.xlsx.writeFile(file);
  const { tables, locations } = tablesFromWorkbook(await loadWorkbook(file));
  expect(locations.Formatie).toEqual({
    sheet: "Mijn formatie",
    headerRow: 3,
    firstColumn: 1,
    source: "table",
  });
  expect(locations.Parameters).toEqual({
    sheet: "parameters",
    headerRow: 1,
    firstColumn: 1,
    source: "sheet",
  });
  const { plan, issues } = readPlan(tables);
  expect(issues.map((i) => i.message)).toEqual([
    "Geen tabel 'Taakstelling': de taakstelling is in elk jaar 0.",
  ]);
  expect(plan!.params.endYear).toBe(2030);
  expect(plan!.formation.fte[0]).toBe(5);
});

test("the committed sample is exactly what the generator writes", async () => {
  const file = path.join(tmp, "sample.xlsx");
  await writeSample(file);
  const fresh = tablesFromWorkbook(await loadWorkbook(file)).tables;
  const committed = tablesFromWorkbook(
    await loadWorkbook(path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx")),
  ).tables;
  expect(committed).toEqual(fresh);
  const generated = sampleTables();
  expect(committed.Formatie!.length - 1).toBe(generated.Formatie.length);
});

test("the sample is the department the issue describes", async () => {
  const { tables } = tablesFromWorkbook(
    await loadWorkbook(path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx")),
  );
  const { plan, issues } = readPlan(tables);
  expect(issues).toEqual([]);
  const f = plan!.formation;
  expect(f.unitNames.length).toBeGreaterThanOrEqual(10);
  expect(f.unitNames.length).toBeLessThanOrEqual(15);
  const categories = new Set(Array.from(plan!.hire.category.subarray(0, plan!.hire.length)));
  expect(categories.size).toBe(8);
  expect(plan!.housing.length).toBeGreaterThanOrEqual(3);
  expect([...plan!.targets.keys()].sort()).toEqual([2027, 2028, 2029, 2030]);
  expect(plan!.scenarios.map((s) => s.name)).toEqual([
    "Kaasschaaf auto",
    "Overhead naar 35%",
    "Inhuur naar 10%",
    "Inhuur naar 10% met inbesteden",
    "Huisvesting 0.7",
    "Gericht gecombineerd",
    "Optimaal",
  ]);
  expect(JSON.stringify(tables.Prijzen)).not.toBe("");
});
