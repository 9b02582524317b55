/**
 * The streaming reader as the preview's planner worker runs it (issue 13): ExcelJS's browser build (the
 * bundle webpack gives the worker) and no Node zlib or streams. It gives exactly the tables, locations and
 * illustrative marks of the in-memory reader, which the worker would otherwise use.
 */
import "./as-in-browser";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { addInputTable, loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { readStreaming, readTablesStreaming } from "../../src/xlsx/stream-read";
import { illustrativeMarks } from "../../src/xlsx/sources";
import { smallTables } from "../model/helpers";
import { expectSameParts } from "./rich-workbook";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

test("here, as in the worker, Node's zlib and streams are out of reach and ExcelJS is its browser build", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(() => require("zlib")).toThrow(/Node only/);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(() => require("stream")).toThrow(/Node only/);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require("exceljs")).toBe(jest.requireActual("exceljs/dist/exceljs.min.js"));
});

async function sameAsInMemory(bytes: Uint8Array, streamed = true) {
  const workbook = await loadWorkbook(bytes);
  const memory = { ...tablesFromWorkbook(workbook), marks: illustrativeMarks(workbook) };
  const stream = await readStreaming(bytes);
  if (streamed) expect(stream).toStrictEqual(memory);
  else expect(stream).toBeNull();
  expect(await readTablesStreaming(bytes)).toStrictEqual(memory);
  return memory;
}

test("ExcelJS here is its browser build, as in the worker", () => {
  expect(ExcelJS).toBe(jest.requireActual("exceljs/dist/exceljs.min.js"));
  expect(() => jest.requireMock("zlib")).toThrow(/Node only/);
});

test("the sample reads the same as the in-memory reader, without Node's zlib and streams", async () => {
  const read = await sameAsInMemory(new Uint8Array(fs.readFileSync(SAMPLE)));
  expect(read.tables.Formatie!.length).toBeGreaterThan(10);
  expect(read.marks.length).toBeGreaterThan(0);
});

test("awkward cells and a stored (uncompressed) zip read the same; a hyperlink falls back", async () => {
  const t = smallTables();
  const build = (hyperlink: boolean) => {
    const wb = new ExcelJS.Workbook();
    for (const table of ["Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
      addInputTable(wb, table as never, t[table]!.slice(1) as never);
    const ws = addInputTable(wb, "Formatie", t.Formatie!.slice(1) as never);
    ws.mergeCells("D2:D3");
    ws.getCell("E2").value = { formula: "100000*1" } as ExcelJS.CellFormulaValue;
    ws.getCell("E4").value = { formula: "90000+1", result: 90001 } as ExcelJS.CellFormulaValue;
    ws.getCell("C5").value = new Date(Date.UTC(2026, 0, 1));
    ws.getCell("F2").value = { richText: [{ text: "n" }, { text: "ee", font: { bold: true } }] };
    ws.getCell("F3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    if (hyperlink) ws.getCell("A2").value = { text: "A", hyperlink: "https://example.org" };
    return wb;
  };
  const deflated = new Uint8Array((await build(false).xlsx.writeBuffer()) as ArrayBuffer);
  const read = await sameAsInMemory(deflated);
  expect(read.tables.Formatie![1][4]).toEqual(expect.objectContaining({ kind: "formula" }));
  const stored = new Uint8Array(
    (await build(false).xlsx.writeBuffer({ zip: { compression: "STORE" } } as never)) as ArrayBuffer,
  );
  expect(stored.length).toBeGreaterThan(deflated.length);
  await sameAsInMemory(stored);
  await sameAsInMemory(new Uint8Array((await build(true).xlsx.writeBuffer()) as ArrayBuffer), false);
});

test("the download's writer keeps every part ExcelJS's browser build writes", async () => {
  await expectSameParts(ExcelJS);
});
