/**
 * Report layout (issue 14, part 4): columns fitted to their content, headers wrapped, panes frozen, years as
 * numbers, on every sheet, in the .xlsx writer (ExcelJS has no autofit: the widths are computed).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { fitColumns, shownLength } from "../../src/model/report-layout";
import { Grid, type ReportSheet } from "../../src/model/report";
import { fullReport } from "../../src/model/report-full";
import { readPlan, runPlan } from "../../src/model";
import { EURO_FORMAT, FTE_FORMAT, PERCENT_FORMAT } from "../../src/model/schema";
import { loadWorkbook, tablesFromWorkbook, writeReportSheets } from "../../src/xlsx/workbook";
import { TABLES } from "../../src/model/schema";
import { REALISATIE_TABLE } from "../../src/model/monitor";

const DEPARTMENT_TABLE_NAMES = [...TABLES.map((t) => t.name), REALISATIE_TABLE];

test("numbers count as Excel shows them", () => {
  expect(shownLength(1234567, EURO_FORMAT)).toBe("€ 1.234.567".length);
  expect(shownLength(-1234, EURO_FORMAT)).toBe("-€ 1.234".length);
  expect(shownLength(0.355, PERCENT_FORMAT)).toBe("35.5%".length);
  expect(shownLength(12345.25, FTE_FORMAT)).toBe("12.345.3".length);
  expect(shownLength(2027, "0")).toBe(4);
  expect(shownLength(46000, "dd-mm-yyyy")).toBe(10);
});

test("widths by hand: a title spills, a wrapped header counts its longest word, a long text wraps", () => {
  const grid = new Grid();
  grid.title("Een lange titel die over de lege cellen ernaast loopt en de kolom niet breder maakt");
  grid.table(
    ["Scenario", "Structurele besparing", "Overhead %"],
    [
      ["Kaasschaaf", 1_234_567, 0.355],
      ["Overhead", -1234, 0.4],
    ],
    [undefined, EURO_FORMAT, PERCENT_FORMAT],
  );
  grid.addRow(["Toelichting", "x".repeat(70)]);
  const { widths, wraps } = fitColumns(grid.cells, grid.formats);
  // "Toelichting" 11 + 2; the 70 x's capped at 60; the wrapped header "Overhead %" counts "Overhead": 8 + 2
  expect(widths).toEqual([13, 60, 10]);
  expect(wraps).toEqual([{ row: 4, col: 1, rows: 1, cols: 1, wrap: true }]);
  // without the long text: "Kaasschaaf" 10 + 2; "€ 1.234.567" 11 + 2 (the header's "Structurele" 11); 8 + 2
  expect(fitColumns(grid.cells.slice(0, 4), grid.formats).widths).toEqual([12, 13, 10]);
});

const KUST = path.resolve(__dirname, "../../samples/rijk/kustbeheer.xlsx");

async function kustReport(): Promise<ReportSheet[]> {
  const { tables } = tablesFromWorkbook(await loadWorkbook(KUST), DEPARTMENT_TABLE_NAMES);
  const { plan } = readPlan(tables);
  return fullReport({ plan: plan!, result: runPlan(plan!), tables, sources: { marks: [] } });
}

test("every sheet: frozen panes, fitted widths, wrapped headers, years as numbers; kept through an .xlsx round trip", async () => {
  const sheets = await kustReport();
  expect(sheets.map((s) => s.kind)).toEqual(
    expect.arrayContaining(["comparison", "scenario", "monitor", "notes"]),
  );
  const wb = new ExcelJS.Workbook();
  writeReportSheets(wb, sheets);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const sheet of sheets) {
    expect(sheet.freezeRows).toBeGreaterThan(0);
    expect(sheet.freezeColumns).toBe(1);
    const ws = back.getWorksheet(sheet.name)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: sheet.freezeRows, xSplit: 1 });
    sheet.columnWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
    // every header (bold, filled row of a table) wraps
    for (const f of sheet.formats.filter((f) => f.fill && f.bold))
      expect(ws.getCell(f.row + 1, f.col + 1).alignment?.wrapText).toBe(true);
    // a year is never text: no cell reads "2027"
    for (const row of sheet.cells)
      for (const v of row) if (typeof v === "string") expect(v).not.toMatch(/^\s*(19|20)\d\d\s*$/);
  }
  // the comparison keeps its table's header in view
  const comparison = sheets[0];
  expect(comparison.cells[comparison.freezeRows! - 1][0]).toBe("Scenario");
  // the per-unit blocks have the years as numbers in their header
  const scenario = sheets.find((s) => s.kind === "scenario")!;
  const at = scenario.cells.findIndex((r) => r[0] === "Per eenheid per jaar: FTE");
  expect(typeof scenario.cells[at + 1][1]).toBe("number");
}, 60000);
