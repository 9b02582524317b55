/**
 * The streamed `run --out` report (src/cli/report-file.ts) and the preview's in-memory report
 * (writeReportSheets) give the same workbook as the writer they replace, cell for cell: values, number
 * formats, fonts, fills, alignment, column widths, frozen rows, conditional formats, validations.
 */
import * as fs from "fs";
import * as path from "path";
import { Writable } from "stream";
import ExcelJS from "exceljs";
import { loadSolver, readPlan, runPlan } from "../../src/model";
import { buildReport, reportSheets, type ReportSheet } from "../../src/model/report";
import { streamReport } from "../../src/cli/report-file";
import { loadWorkbook, tablesFromWorkbook, writeReportSheets } from "../../src/xlsx/workbook";
import { XlsxGateway } from "../../src/xlsx/gateway";
import { yesNoFormatting } from "../../src/xlsx/report-sheet";
import { contents, reread } from "../xlsx/workbook-contents";

const SAMPLE = path.join(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

/**
 * The writer as it was before streaming, the reference for "identical": formats applied cell by cell through
 * ExcelJS's setters (the writer under test computes each cell's style once per distinct look); the ja/nee
 * rules are the writer's own (yesNoFormatting).
 */
function legacyWriteReportSheets(workbook: ExcelJS.Workbook, sheets: ReportSheet[]): void {
  const argb = (color: string) => "FF" + color.replace("#", "").toUpperCase();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows }] : undefined,
    });
    sheet.cells.forEach((row, r) => {
      const xrow = ws.getRow(r + 1);
      row.forEach((value, c) => {
        if (value !== null) xrow.getCell(c + 1).value = value;
      });
    });
    for (const f of sheet.formats) {
      for (let r = f.row; r < f.row + f.rows; r++) {
        for (let c = f.col; c < f.col + f.cols; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          if (f.numberFormat) cell.numFmt = f.numberFormat;
          if (f.bold || f.italic || f.fontColor || f.fontSize) {
            cell.font = {
              ...cell.font,
              bold: f.bold ?? cell.font?.bold,
              italic: f.italic ?? cell.font?.italic,
              size: f.fontSize ?? cell.font?.size,
              color: f.fontColor ? { argb: argb(f.fontColor) } : cell.font?.color,
            };
          }
          if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
          if (f.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
        }
      }
    }
    // Each rule's priority unique on its sheet.
    sheet.conditional.forEach((cf, i) => ws.addConditionalFormatting(yesNoFormatting(cf, 2 * i + 1)));
    sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
}

async function streamed(sheets: Iterable<ReportSheet>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await streamReport(sink, sheets, "Formatieplanner test");
  return new Uint8Array(Buffer.concat(chunks));
}

let sheets: ReportSheet[];
let legacy: ReturnType<typeof contents>;
let result: ReturnType<typeof runPlan>;
const provenance = { createdAt: new Date(Date.UTC(2026, 10, 28, 12)), inputHash: "abc", version: "t" };
beforeAll(async () => {
  const input = await loadWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)));
  const { plan } = readPlan(tablesFromWorkbook(input).tables);
  result = runPlan(plan!, { solver: await loadSolver() });
  sheets = buildReport(result, provenance);
  const old = new ExcelJS.Workbook();
  legacyWriteReportSheets(old, sheets);
  legacy = contents(await reread(new Uint8Array((await old.xlsx.writeBuffer()) as ArrayBuffer)));
  // The sample's report has every kind of format: the comparison with ja/nee colours, Optimaal's table.
  expect(sheets.length).toBeGreaterThan(5);
  expect(sheets.some((s) => s.conditional.length > 0)).toBe(true);
}, 60_000);

test("the streamed report equals the previous writer's, cell for cell and format for format", async () => {
  const now = contents(await reread(await streamed(sheets)));
  expect(now.map((s) => s.name)).toEqual(legacy.map((s) => s.name));
  for (let i = 0; i < legacy.length; i++) expect(now[i]).toEqual(legacy[i]);
  // Not vacuous: formats and colours did arrive.
  const comparison = now[0].cells as Record<string, { font?: { bold?: boolean }; fill?: unknown }>;
  expect(Object.values(comparison).some((c) => c.font?.bold && c.fill)).toBe(true);
  expect(now[0].conditional.length).toBeGreaterThan(0);
});

test("the lazy sheets stream the same workbook as the built list", async () => {
  const lazy = contents(await reread(await streamed(reportSheets(result, provenance))));
  expect(lazy).toEqual(legacy);
});

test("the preview's in-memory writer (also into a workbook that has sheets) equals the previous writer's", async () => {
  const input = await loadWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)));
  const before = input.worksheets.map((w) => w.name);
  const gateway = new XlsxGateway(input);
  await gateway.writeReport(sheets);
  const back = contents(await reread(new Uint8Array(await gateway.toBuffer())));
  const report = back.filter((s) => !before.includes(s.name));
  expect(report).toEqual(legacy);
  // And the plain in-memory writer on a new workbook.
  const fresh = new ExcelJS.Workbook();
  writeReportSheets(fresh, sheets);
  expect(contents(await reread(new Uint8Array((await fresh.xlsx.writeBuffer()) as ArrayBuffer)))).toEqual(
    legacy,
  );
});

test("a failing disk rejects the stream with the disk's error, not a hang", async () => {
  const sink = new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }));
    },
  });
  await expect(streamReport(sink, sheets, "t")).rejects.toMatchObject({ code: "ENOSPC" });
});
