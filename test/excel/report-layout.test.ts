/**
 * Report layout in the add-in (issue 14, part 4): on every sheet the fitted column widths, wrapped headers,
 * rows fitted to them and frozen panes, through the fake Excel (test/excel/fake-excel.ts quotes the docs).
 */
import * as path from "path";
import { ExcelGateway } from "../../src/excel/gateway";
import { readPlan, runPlan } from "../../src/model";
import { fullReport } from "../../src/model/report-full";
import { TABLES } from "../../src/model/schema";
import { REALISATIE_TABLE } from "../../src/model/monitor";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { FakeExcel, installExcelGlobals } from "./fake-excel";

const KUST = path.resolve(__dirname, "../../samples/rijk/kustbeheer.xlsx");

test("every report sheet: widths from the model, headers wrapped, rows fitted, title and labels frozen", async () => {
  const { tables } = tablesFromWorkbook(await loadWorkbook(KUST), [
    ...TABLES.map((t) => t.name),
    REALISATIE_TABLE,
  ]);
  const { plan } = readPlan(tables);
  const sheets = fullReport({ plan: plan!, result: runPlan(plan!), tables });
  const fake = new FakeExcel();
  installExcelGlobals(fake);
  fake.addSheet("Invoer", [["x"]]);
  await new ExcelGateway(fake.run).writeReport(sheets);
  expect(sheets.map((s) => s.kind)).toContain("monitor");
  for (const sheet of sheets) {
    const s = fake.sheet(sheet.name)!;
    expect([s.frozenRows, s.frozenColumns]).toEqual([sheet.freezeRows, sheet.freezeColumns]);
    expect(sheet.columnWidths.length).toBeGreaterThan(0);
    sheet.columnWidths.forEach((w, c) => expect(s.columnWidths.get(c)).toBe(w * 6));
    for (const f of sheet.formats.filter((f) => f.fill && f.bold))
      expect(s.wrapped.has(`${f.row},${f.col}`)).toBe(true);
    // rows are ragged (each as long as its last cell): the fitted range is as wide as the widest row
    const width = Math.max(...sheet.cells.map((r) => r.length));
    expect(s.autofitRows).toEqual([[0, 0, sheet.cells.length, width]]);
  }
  // the comparison table's header row is the last frozen row
  const comparison = fake.sheet(sheets[0].name)!;
  expect(comparison.cells.get(`${comparison.frozenRows - 1},0`)).toBe("Scenario");
}, 60000);
