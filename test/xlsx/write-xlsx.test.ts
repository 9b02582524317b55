/**
 * The download's writer (src/xlsx/write-xlsx.ts): ExcelJS's parts zipped by fflate. Every part equals what
 * ExcelJS's own writeBuffer gives (so nothing of the user's is lost that was kept before), the zip is a
 * valid .xlsx that ExcelJS reads back, and it stays compressed.
 */
import ExcelJS from "exceljs";
import { loadWorkbook } from "../../src/xlsx/workbook";
import { writeXlsx } from "../../src/xlsx/write-xlsx";
import { expectSameParts, richWorkbook } from "./rich-workbook";

test("every part equals ExcelJS's writeBuffer, and the zip reads back", async () => {
  await expectSameParts(ExcelJS);
  const back = await loadWorkbook(await writeXlsx(await richWorkbook(ExcelJS)));
  const own = back.getWorksheet("Eigen blad")!;
  expect(own.getCell("A1").value).toEqual({ text: "site", hyperlink: "https://example.org" });
  expect(own.getCell("E6").dataValidation).toEqual(expect.objectContaining({ type: "list" }));
  expect(back.getWorksheet("FP-Rapport")).toBeDefined();
  expect(own.getImages().length).toBe(1);
});
