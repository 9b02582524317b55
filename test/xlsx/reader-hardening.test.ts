/** The .xlsx reader reads what Excel's API would give, and marks what would mislead (issue 11). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readPlan } from "../../src/model";
import { loadWorkbook, tablesFromWorkbook, addInputTable } from "../../src/xlsx/workbook";
import { smallTables } from "../model/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-xlsx-hard-"));

async function roundTrip(build: (wb: ExcelJS.Workbook) => void, name: string) {
  const wb = new ExcelJS.Workbook();
  const t = smallTables();
  for (const table of ["Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
    addInputTable(wb, table as never, t[table]!.slice(1) as never);
  build(wb);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  const read = tablesFromWorkbook(await loadWorkbook(file));
  return { read, ...readPlan(read.tables, { otherNames: read.otherNames }) };
}
const formationRows = () => smallTables().Formatie!.slice(1) as never;

test("merged FTE cells: only the top-left cell holds the value, with a warning (never counted twice)", async () => {
  const { issues, plan } = await roundTrip((wb) => {
    const ws = addInputTable(wb, "Formatie", formationRows());
    ws.mergeCells("D2:D3");
  }, "merged.xlsx");
  expect(plan).toBeNull();
  expect(issues).toContainEqual(
    expect.objectContaining({
      severity: "warning",
      table: "Formatie",
      message: expect.stringMatching(/Samengevoegde cellen/),
    }),
  );
  expect(issues).toContainEqual(
    expect.objectContaining({
      severity: "error",
      row: 2,
      column: "FTE",
      message: "Verplichte waarde ontbreekt.",
    }),
  );
});

test("merged cells in an optional column read as empty there too", async () => {
  const { issues, plan } = await roundTrip((wb) => {
    const ws = addInputTable(wb, "Formatie", formationRows());
    ws.mergeCells("E2:E3");
  }, "merged-cost.xlsx");
  // Row 2's own cost is gone: no price table, so it is an error naming the cell, not 100,000 twice.
  expect(plan).toBeNull();
  expect(issues).toContainEqual(
    expect.objectContaining({ severity: "error", row: 2, column: "Kosten per FTE" }),
  );
});

test("a formula without a stored result is an error naming the cell", async () => {
  const { issues } = await roundTrip((wb) => {
    const ws = addInputTable(wb, "Formatie", formationRows());
    ws.getCell("E2").value = { formula: "100000*1" } as ExcelJS.CellFormulaValue;
  }, "formula.xlsx");
  expect(issues).toContainEqual(
    expect.objectContaining({
      severity: "error",
      table: "Formatie",
      row: 1,
      column: "Kosten per FTE",
      message: "Formule zonder berekende waarde: open en sla op in Excel.",
    }),
  );
});

test("a date in a number column is an error, never 46,023 FTE", async () => {
  const { issues, plan } = await roundTrip((wb) => {
    const ws = addInputTable(wb, "Formatie", formationRows());
    ws.getCell("D2").value = new Date(Date.UTC(2026, 0, 1));
    ws.getCell("D2").numFmt = "d-m-yyyy"; // as Excel formats a typed date
  }, "date.xlsx");
  expect(plan).toBeNull();
  expect(issues).toContainEqual(
    expect.objectContaining({
      severity: "error",
      row: 1,
      column: "FTE",
      message: expect.stringMatching(/datum/),
    }),
  );
});

test("two tables matching one name are refused by name; a near-miss sheet name is warned about", async () => {
  const { issues, read } = await roundTrip((wb) => {
    addInputTable(wb, "Formatie", formationRows());
    const second = wb.addWorksheet("Tweede");
    second.addTable({
      name: "Formatie_",
      ref: "A1",
      columns: ["Eenheid", "Functiegroep", "Schaal", "FTE"].map((name) => ({ name })),
      rows: [["A", "Primair", 10, 5]],
    });
    wb.addWorksheet("Scenario's").addRow(["Scenario", "Hefboom", "Waarde"]);
  }, "two-tables.xlsx");
  expect(Object.keys(read.tables)).toEqual(expect.arrayContaining(["Formatie", "Formatie_"]));
  expect(issues).toContainEqual(
    expect.objectContaining({
      severity: "error",
      message: expect.stringMatching(/'Formatie' en 'Formatie_'/),
    }),
  );
  expect(issues).toContainEqual(
    expect.objectContaining({
      severity: "warning",
      message: expect.stringMatching(/'Scenario's'.*bedoelde u Scenarios\?/),
    }),
  );
});
