/** The report's sources in the add-in: the file's name from Office, the illustrative marks from the sheets. */
import { ExcelGateway } from "../../src/excel/gateway";
import { REPORT_MARKER } from "../../src/model/report";
import { FakeExcel, installExcelGlobals } from "./fake-excel";

test("file name from Office.context.document.url; marks in the first rows; the add-in's own report skipped", async () => {
  const fake = new FakeExcel();
  installExcelGlobals(fake);
  fake.documentUrl = "https://example.sharepoint.com/sites/ff/Gedeelde%20documenten/Plan%202027.xlsx?web=1";
  // a note above the table in row 1, the table below it
  fake.addSheet("Prijzen", [
    ["Let op: ILLUSTRATIEF, niet-geverifieerd"],
    [],
    ["Schaal", "Kosten"],
    [8, 60000],
  ]);
  // beyond the first twelve rows: a table body, not scanned
  const body: (string | number)[][] = Array.from({ length: 14 }, (_, i) => [i]);
  body.push(["fictief"]);
  fake.addSheet("Formatie", body);
  // a sheet whose values start in C5
  fake.addSheet("Lees mij", [], undefined);
  fake.sheet("Lees mij")!.cells.set("4,2", "Alle bedragen zijn illustratief");
  // the add-in's own earlier report: it quotes such marks itself
  fake.addSheet("Definities en bronnen", [["Definities en bronnen"], [REPORT_MARKER, "illustratief"]]);
  const sources = await new ExcelGateway(fake.run).readSources();
  expect(sources.file).toBe("Plan 2027.xlsx");
  expect(sources.marks).toEqual([
    { sheet: "Prijzen", cell: "A1", text: "Let op: ILLUSTRATIEF, niet-geverifieerd" },
    { sheet: "Lees mij", cell: "C5", text: "Alle bedragen zijn illustratief" },
  ]);
});

test("a new, unsaved workbook has no URL: no file name", async () => {
  const fake = new FakeExcel();
  installExcelGlobals(fake);
  fake.addSheet("Blad1", [["x"]]);
  const sources = await new ExcelGateway(fake.run).readSources();
  expect(sources.file).toBeUndefined();
  expect(sources.marks).toEqual([]);
});
