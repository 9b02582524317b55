/**
 * Reading the input tables within Excel on the web's 5 MB payload limit ("Excel on the web has a payload
 * size limit for requests and responses of 5MB"): one sync for the names, one for every table's size,
 * then the data in row blocks of about 3.5 MB, one sync per block (several small tables share a block).
 * Of an Excel table only the header row and the data body are read, never the totals row.
 */
import { TABLES } from "../model/schema";
import { normalizeName } from "../model/text";
import type { ReadOptions } from "../model/ports";
import type { ReadTables, TableLocation } from "../model/workbook-types";
import { isPayloadTooLarge, payloadSize } from "./cells";

/** Bytes of values per sync: well under the 5 MB limit, and under the 4 MB the add-in allows itself. */
export const READ_BLOCK_BYTES = 3.6 * 1024 * 1024;
/** Rows of the first block of a table, before its row size is known. */
const FIRST_BLOCK_ROWS = 2000;
/** Assumed bytes per cell before anything is measured. */
const GUESS_CELL_BYTES = 24;

interface Source {
  name: string;
  sheet: string;
  source: TableLocation["source"];
  /** 0-based position of the first row to read (the data body, or the used range of a sheet) */
  row: number;
  col: number;
  rows: number;
  cols: number;
  header: unknown[] | null;
  headerRow: number;
  data: unknown[][];
  /** largest JSON size of a row read so far; null before the first block */
  rowBytes: number | null;
  /** worksheet to read from */
  worksheet: Excel.Worksheet;
}

export async function readInBlocks(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<ReadTables> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  // Sizes first: header row and data body of each table, or the used range of a sheet named after it.
  const pending: {
    name: string;
    header: Excel.Range | null;
    body: Excel.Range;
    sheet: Excel.Worksheet;
    source: TableLocation["source"];
  }[] = [];
  for (const name of options.names ?? TABLES.map((t) => t.name)) {
    const wanted = normalizeName(name);
    const table = tables.items.find((t) => normalizeName(t.name) === wanted);
    if (table) {
      const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex,columnCount");
      const body = table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = table.worksheet.load("name");
      pending.push({ name, header, body, sheet, source: "table" });
      continue;
    }
    const sheet = sheets.items.find((s) => normalizeName(s.name) === wanted);
    if (sheet) {
      const body = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      pending.push({ name, header: null, body, sheet, source: "sheet" });
    }
  }
  await context.sync();

  const sources: Source[] = [];
  for (const p of pending) {
    if (p.body.isNullObject) continue;
    sources.push({
      name: p.name,
      sheet: p.sheet.name,
      source: p.source,
      row: p.body.rowIndex,
      col: p.body.columnIndex,
      rows: p.body.rowCount,
      cols: p.body.columnCount,
      header: p.header ? p.header.values[0] : null,
      headerRow: p.header ? p.header.rowIndex : p.body.rowIndex,
      data: [],
      rowBytes: null,
      worksheet: p.sheet,
    });
  }

  const total = sources.reduce((sum, s) => sum + s.rows, 0);
  let done = 0;
  options.onProgress?.(0, total);
  let shrink = 1;
  while (sources.some((s) => s.data.length < s.rows)) {
    // One block: as many rows of as many tables as fit in READ_BLOCK_BYTES.
    const block: { source: Source; range: Excel.Range; rows: number }[] = [];
    let bytes = 0;
    for (const s of sources) {
      const left = s.rows - s.data.length;
      if (left === 0) continue;
      const rowBytes = s.rowBytes ?? s.cols * GUESS_CELL_BYTES;
      const room = Math.floor((READ_BLOCK_BYTES / shrink - bytes) / rowBytes);
      const limit = s.rowBytes === null ? Math.min(FIRST_BLOCK_ROWS, room) : room;
      const rows = Math.min(left, limit);
      if (rows <= 0) {
        if (block.length > 0) break;
        // A single row larger than a block: read it alone and let Excel judge.
      }
      const n = Math.max(1, rows);
      const range = s.worksheet.getRangeByIndexes(s.row + s.data.length, s.col, n, s.cols).load("values");
      block.push({ source: s, range, rows: n });
      bytes += n * rowBytes;
      if (bytes >= READ_BLOCK_BYTES / shrink) break;
    }
    try {
      await context.sync();
    } catch (e) {
      // Rows longer than measured (long notes further down): halve the block and try again.
      if (!isPayloadTooLarge(e) || shrink >= 64) throw e;
      shrink *= 2;
      continue;
    }
    for (const { source, range, rows } of block) {
      const values = range.values;
      let largest = source.rowBytes ?? 0;
      for (const row of values) largest = Math.max(largest, payloadSize(row) + 1);
      // Some headroom: later rows may be a little longer than the longest so far.
      source.rowBytes = Math.ceil(largest * 1.1);
      for (const row of values) source.data.push(row);
      done += rows;
    }
    options.onProgress?.(done, total);
  }

  const result: ReadTables = { tables: {}, locations: {} };
  const out = result.tables as Record<string, unknown[][]>;
  for (const s of sources) {
    const rows = s.header ? [s.header, ...s.data] : s.data;
    out[s.name] = rows;
    result.locations[s.name] = {
      sheet: s.sheet,
      headerRow: s.headerRow + 1,
      firstColumn: s.col + 1,
      source: s.source,
    };
  }
  return result;
}
