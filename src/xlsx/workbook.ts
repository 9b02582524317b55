/**
 * The same reading and writing as src/excel, against .xlsx files with ExcelJS: input tables found by
 * their Excel table name (or, in a file without table definitions, by a sheet of that name whose first
 * row holds the headers), and the report written as plain values with formats.
 */
import ExcelJS from "exceljs";
import type { ReadTables, TableLocation } from "../model/workbook-types";
import type { ReportSheet } from "../model/report";
import { TABLES, type TableName } from "../model/schema";
import { normalizeName } from "../model/text";
import { CellMarker } from "../model/cells";
import { checkXlsxZip, notXlsx, WorkbookUnreadable } from "./zip-check";
import { colName, fillReportSheet } from "./report-sheet";

/** A cell as Excel's range.values gives it: number, string, boolean, or "" for empty; errors as "#N/A". */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    // Excel's serial date (1900 system), as range.values would give it.
    return value.getTime() / 86400000 + 25569;
  }
  const v = value as unknown as Record<string, unknown>;
  if ("error" in v) return String(v.error);
  if ("result" in v) return v.result === undefined ? "" : plainValue(v.result as ExcelJS.CellValue);
  if ("formula" in v || "sharedFormula" in v) return "";
  if ("richText" in v) return (v.richText as { text: string }[]).map((t) => t.text).join("");
  if ("text" in v) return String(v.text);
  return String(value);
}

/**
 * A cell for the input reader: its plain value, or a marker where the plain value would mislead: the
 * covered part of a merged range (Excel's API reads only the top-left cell), a formula without a stored
 * result, a date (Excel's API would give its serial number).
 */
export function inputValue(cell: ExcelJS.Cell): unknown {
  if (cell.isMerged && cell.master !== cell && cell.master.address !== cell.address)
    return new CellMarker("merged");
  return valueMarker(cell.value);
}

/** A cell's value for the input reader, merged cells aside (see inputValue). */
export function valueMarker(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return new CellMarker("date", value.getTime() / 86400000 + 25569);
  if (value !== null && typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (("formula" in v || "sharedFormula" in v) && (v.result === undefined || v.result === null))
      return new CellMarker("formula", String(v.formula ?? v.sharedFormula ?? ""));
    if ("result" in v && v.result instanceof Date)
      return new CellMarker("date", v.result.getTime() / 86400000 + 25569);
  }
  return plainValue(value);
}

export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s)!;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]), col };
  };
  const tl = cell(a);
  const br = cell(b ?? a);
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

function readBlock(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const values: unknown[] = [];
    for (let c = left; c <= right; c++) values.push(inputValue(row.getCell(c)));
    rows.push(values);
  }
  return rows;
}

/**
 * Reads every input table of MODEL.md that the workbook has (or the tables named, e.g. the Rijk's). A second
 * table (or, without tables, a second sheet) whose name matches the same input is kept under its own name, so
 * that the reader can refuse the pair by name instead of silently taking the first; every other table and
 * sheet name goes to `otherNames`, for the reader's "did you mean" warnings.
 */
export function tablesFromWorkbook(
  workbook: ExcelJS.Workbook,
  names: readonly string[] = TABLES.map((t) => t.name),
): ReadTables & { otherNames: string[] } {
  const tables: Record<string, unknown[][]> = {};
  const locations: Record<string, TableLocation> = {};
  const otherNames: string[] = [];
  const wanted = new Map(names.map((n) => [normalizeName(n), n as TableName]));
  const found = new Set<TableName>();
  workbook.eachSheet((ws) => {
    for (const table of ws.getTables() as unknown as {
      table: { name: string; tableRef?: string; ref: string; totalsRow?: boolean };
    }[]) {
      const model = table.table;
      const name = wanted.get(normalizeName(model.name));
      if (!name) {
        otherNames.push(model.name);
        continue;
      }
      const key = found.has(name) ? model.name : name;
      if (key in tables) continue;
      found.add(name);
      const { top, left, bottom, right } = decodeRange(model.tableRef ?? model.ref);
      tables[key] = readBlock(ws, top, left, model.totalsRow ? bottom - 1 : bottom, right);
      locations[key] = { sheet: ws.name, headerRow: top, firstColumn: left, source: "table" };
    }
  });
  const fromTables = new Set(found);
  workbook.eachSheet((ws) => {
    const name = wanted.get(normalizeName(ws.name));
    if (!name) {
      otherNames.push(ws.name);
      return;
    }
    if (fromTables.has(name)) return;
    const header = ws.getRow(1);
    let right = 0;
    header.eachCell((cell, col) => {
      if (plainValue(cell.value) !== "") right = Math.max(right, col);
    });
    if (right === 0) return;
    const key = found.has(name) ? ws.name : name;
    if (key in tables) return;
    found.add(name);
    tables[key] = readBlock(ws, 1, 1, Math.max(1, ws.actualRowCount > 0 ? ws.rowCount : 1), right);
    locations[key] = { sheet: ws.name, headerRow: 1, firstColumn: 1, source: "sheet" };
  });
  return { tables, locations, otherNames };
}

/**
 * Opens an .xlsx from a path or bytes. Its zip directory is checked first (an Excel workbook, within the
 * documented uncompressed size limit); anything ExcelJS cannot read becomes one WorkbookUnreadable with a
 * Dutch and English message: a library's own error text never reaches the user.
 */
export async function loadWorkbook(source: string | ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A path (Node only; the command line passes bytes, so that the zip check below applies to it too).
    if (typeof source === "string") await workbook.xlsx.readFile(source);
    else {
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
      checkXlsxZip(bytes);
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw e;
    throw notXlsx();
  }
  return workbook;
}

/** Writes report sheets into an ExcelJS workbook in memory (src/xlsx/report-sheet.ts has the layout). */
export function writeReportSheets(workbook: ExcelJS.Workbook, sheets: ReportSheet[]): void {
  for (const sheet of sheets) {
    const existing = workbook.getWorksheet(sheet.name);
    if (existing) workbook.removeWorksheet(existing.id);
    const ws = workbook.addWorksheet(sheet.name, {
      views:
        sheet.freezeRows || sheet.freezeColumns
          ? [{ state: "frozen", ySplit: sheet.freezeRows ?? 0, xSplit: sheet.freezeColumns ?? 0 }]
          : undefined,
    });
    fillReportSheet(ws, sheet);
  }
}

export { colName };

/** Adds an input table (header row plus rows) as a real Excel table, with the schema's number formats. */
export function addInputTable(
  workbook: ExcelJS.Workbook,
  table: TableName,
  rows: (string | number | boolean | null)[][],
  /** headers: the header row's texts (the English template's aliases); default the schema's Dutch headers */
  options: { sheetName?: string; topRow?: number; note?: string; headers?: readonly string[] } = {},
): ExcelJS.Worksheet {
  const schema = TABLES.find((t) => t.name === table)!;
  const headers = options.headers ?? schema.columns.map((c) => c.header);
  const ws =
    workbook.getWorksheet(options.sheetName ?? table) ?? workbook.addWorksheet(options.sheetName ?? table);
  const top = options.topRow ?? (options.note ? 3 : 1);
  if (options.note) {
    ws.getCell(1, 1).value = options.note;
    ws.getCell(1, 1).font = { italic: true, color: { argb: "FF9C5700" } };
  }
  ws.addTable({
    name: table,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((r) => schema.columns.map((_, i) => (r[i] === undefined ? null : r[i]))),
  });
  schema.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(12, headers[i].length + 4, table === "Scenarios" && c.key === "filter" ? 40 : 0);
    if (c.numberFormat) {
      for (let r = top + 1; r <= top + rows.length; r++) ws.getCell(r, i + 1).numFmt = c.numberFormat;
    }
  });
  return ws;
}
