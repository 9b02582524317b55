/** A workbook with a bit of everything a user may have, and the check that writeXlsx keeps every part. */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { XlsxGateway } from "../../src/xlsx/gateway";
import { writeXlsx } from "../../src/xlsx/write-xlsx";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");
// A 1x1 PNG, for a picture on a sheet (media, drawings).
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** The sample with a bit of everything a user may have, and what the pane writes. */
export async function richWorkbook(Excel: typeof ExcelJS): Promise<ExcelJS.Workbook> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const ws = workbook.addWorksheet("Eigen blad", { properties: { tabColor: { argb: "FF00B050" } } });
  ws.getCell("A1").value = { text: "site", hyperlink: "https://example.org" };
  ws.getCell("B2").value = { formula: "SUM(1,2)", result: 3 } as ExcelJS.CellFormulaValue;
  ws.getCell("B3").note = "Een notitie / a note";
  ws.mergeCells("C4:D5");
  ws.getCell("E6").dataValidation = { type: "list", allowBlank: true, formulae: ['"ja,nee"'] };
  ws.getCell("F7").value = new Date(Date.UTC(2026, 0, 1));
  ws.getCell("F7").numFmt = "d-m-yyyy";
  workbook.definedNames.add("'Eigen blad'!$B$2", "Mijn_naam");
  const image = workbook.addImage({ base64: PNG, extension: "png" });
  ws.addImage(image, "G2:H4");
  const gateway = new XlsxGateway(workbook, "voorbeeld.xlsx");
  await gateway.insertTemplate({ examples: true, lang: "nl" });
  await gateway.writeReport([
    {
      name: "FP-Rapport",
      kind: "comparison",
      cells: [["Rapport"], ["Formatieplanner"], ["Totaal", 1, 2.5]],
      formats: [],
      conditional: [],
      charts: [],
      columnWidths: [20, 12, 12],
      freezeRows: 2,
    },
  ]);
  // Fixed times, so that docProps/core.xml is the same both ways.
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  return workbook;
}

export async function expectSameParts(Excel: typeof ExcelJS): Promise<void> {
  const workbook = await richWorkbook(Excel);
  const ours = await writeXlsx(workbook);
  const theirs = unzipSync(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  const parts = unzipSync(ours);
  // JSZip also writes an entry per folder ("xl/"); a zip needs none, and Excel writes none.
  const files = Object.keys(theirs).filter((name) => !name.endsWith("/"));
  expect(Object.keys(parts)).toEqual(files);
  expect(files).toEqual(
    expect.arrayContaining(
      [/^xl\/media\/image\d+\.png$/, /^xl\/comments\d+\.xml$/, /^xl\/tables\//].map(expect.stringMatching),
    ),
  );
  for (const name of files)
    expect([name, Buffer.from(parts[name])]).toEqual([name, Buffer.from(theirs[name])]);
  // Compressed: well under the XML's size.
  const xml = Object.values(parts).reduce((n, p) => n + p.length, 0);
  expect(ours.length).toBeLessThan(xml / 3);
}
