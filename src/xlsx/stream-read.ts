/**
 * Reading the input tables of a large .xlsx in bounded memory: the command line, and the preview's planner
 * worker (plain JavaScript: fflate inflates, saxes parses, in Node and in the browser alike). The zip is
 * read from its central directory, each worksheet is inflated and parsed a chunk at a time, and only the
 * cells of the input tables are kept. Each cell goes through ExcelJS's own cell parser and value classes, so
 * the result is exactly what tablesFromWorkbook gives on the in-memory workbook; a structure this reader
 * does not follow (a hyperlink in a table, table parts that differ from the sheet's links, a merged header
 * that widens a sheet) falls back to the in-memory reader instead of guessing.
 */
import { Inflate } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import ExcelJS from "exceljs";
import type { ReadTables, TableLocation } from "../model/workbook-types";
import { TABLES, type TableName } from "../model/schema";
import { illustrativeMark, illustrativeMarks, MARK_ROWS, type IllustrativeMark } from "./sources";
import { normalizeName } from "../model/text";
import { CellMarker } from "../model/cells";
import { checkXlsxZip, WorkbookUnreadable } from "./zip-check";
import type { ExcelCell } from "./sheet-data-scanner";
import { SheetBytesScanner } from "./sheet-bytes-scanner";
import { integerAt, integerInBytes, numberAt, numberInBytes } from "./cell-numbers";
import { inflated, raw, zipEntries, type ZipEntry } from "./zip-entries";
import { decodeRange, loadWorkbook, plainValue, tablesFromWorkbook, valueMarker } from "./workbook";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
// ExcelJS's own parsers, so that every cell reads as the in-memory reader reads it.
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform");
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform");
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform");
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform");
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform");
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform");
const ExcelUtils = require("exceljs/lib/utils/utils");
/* eslint-enable @typescript-eslint/no-require-imports */

/** Rows between two progress reports. */
export const PROGRESS_ROWS = 100_000;

/**
 * Compressed bytes fed to the inflater at a time: 64 kB inflate to about 1 MB of XML, a text saxes takes in
 * its stride (1 MB pieces, some 15 MB of text each, made the 150,000-row read half as fast again).
 */
const CHUNK = 1 << 16;

/** A large part, inflated a chunk at a time. */
function* inflateChunks(bytes: Uint8Array, e: ZipEntry): Generator<Uint8Array> {
  const data = raw(bytes, e);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    return;
  }
  if (e.method !== 8) throw new Error(`zip method ${e.method}`);
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => out.push(chunk));
  for (let i = 0; i === 0 || i < data.length; i += CHUNK) {
    inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    yield* out.splice(0);
  }
}

/**
 * Who inflates the sheets: fflate (plain JavaScript, everywhere), the platform's DecompressionStream
 * ("deflate-raw": browsers since 2023, Node 20.12), native zlib. In Chromium's worker the platform's is
 * several times faster (the 150,000-row sheet: 0.9 s of fflate against about 0.4 s); in Node, fflate is faster
 * (web streams cost more there than they save), so the command line keeps it. Or a PartInflater on another
 * thread: the preview's, so the planner worker reads while the next pieces inflate.
 */
export type Inflater = "fflate" | "platform" | PartInflater;

/**
 * An inflater on another thread (the preview's inflate worker, src/worker/inflate-client.ts): raw-deflate
 * bytes (this call's own copy, which it may move) in, the inflated pieces out, in order, while this thread
 * reads the pieces already there.
 */
export type PartInflater = (deflated: Uint8Array) => AsyncIterable<Uint8Array>;

/** Whether the platform's inflater is there; without it "platform" falls back to fflate. */
function platformInflates(): boolean {
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/** A large part inflated, a piece at a time: by the platform's inflater or fflate's. */
async function* partBytes(bytes: Uint8Array, e: ZipEntry, inflater: Inflater): AsyncGenerator<Uint8Array> {
  // The inflater on another thread inflates with the platform's inflater too (a browser without
  // "deflate-raw" has neither, and reads with fflate here).
  if (e.method === 8 && typeof inflater === "function" && platformInflates()) {
    // A copy: the inflater may move it to its thread, and `bytes` stay the workbook's.
    yield* inflater(raw(bytes, e).slice());
    return;
  }
  if (e.method === 8 && inflater === "platform" && platformInflates()) {
    const reader = new Blob([raw(bytes, e) as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .getReader();
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) yield piece.value;
    return;
  }
  yield* inflateChunks(bytes, e);
}

/**
 * A small part through one of ExcelJS's parsers: its `parse` takes saxes' events in batches, as ExcelJS's own
 * parseStream gives them (exceljs/lib/utils/parse-sax.js), here from one decoded text without Node streams.
 */
async function parsePart(xform: any, bytes: Uint8Array, e: ZipEntry | undefined): Promise<any> {
  if (!e) return undefined;
  const text = new TextDecoder().decode(inflated(bytes, e));
  async function* events() {
    const parser = new SaxesParser();
    let error: Error | undefined;
    const batch: { eventType: string; value: unknown }[] = [];
    parser.on("error", (err) => (error = err));
    parser.on("opentag", (value) => batch.push({ eventType: "opentag", value }));
    parser.on("text", (value) => batch.push({ eventType: "text", value }));
    parser.on("closetag", (value) => batch.push({ eventType: "closetag", value }));
    parser.write(text);
    if (error) throw error;
    yield batch;
  }
  await xform.parse(events());
  return xform;
}

function relsById(rels: { Id: string; Target: string }[] | undefined): Map<string, string> {
  return new Map((rels ?? []).map((r) => [r.Id, r.Target]));
}

/** A rectangle of kept cells, values stored row by row in compact arrays. */
interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
  rows: unknown[][];
}

interface SheetPlan {
  name: string;
  path: string;
  /** table id (its rels target) to its model and, for an input table, its block */
  tables: Map<string, { model: any; block: Block | null }>;
  /** the block of a sheet read by its name (no table of that input), once row 1 is known */
  sheet: { block: Block | null; header: Map<number, unknown>; right: number } | null;
}

/** The cells of the input tables, as tablesFromWorkbook gives them, read in bounded memory. */
export async function readTablesStreaming(
  bytes: Uint8Array,
  onProgress?: (rows: number, sheet: string) => void,
  every = PROGRESS_ROWS,
  names: readonly string[] = TABLES.map((t) => t.name),
): Promise<StreamRead> {
  checkXlsxZip(bytes);
  try {
    const read = await readStreaming(bytes, onProgress, every, names);
    if (read) return read;
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw e;
    // ExcelJS's reader decides what is unreadable; it says so in its own (wrapped) way.
  }
  const workbook = await loadWorkbook(bytes);
  return { ...tablesFromWorkbook(workbook, names), marks: illustrativeMarks(workbook) };
}

/** The tables read, other table and sheet names (for "did you mean"), and the illustrative marks (sources.ts). */
export type StreamRead = ReadTables & { otherNames: string[]; marks: IllustrativeMark[] };

/** The workbook's sheet names, in the workbook's order, from its workbook.xml alone. */
export async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const book = await parsePart(new WorkbookXform(), bytes, zipEntries(bytes).get("xl/workbook.xml"));
  return (book?.model.sheets ?? []).map((s: { name: string }) => s.name);
}

/** The streaming reader alone: null where the structure needs the in-memory reader. */
export async function readStreaming(
  bytes: Uint8Array,
  onProgress?: (rows: number, sheet: string) => void,
  every = PROGRESS_ROWS,
  names: readonly string[] = TABLES.map((t) => t.name),
  options: {
    inflater?: Inflater;
    /** every cell of the first rows of every sheet (MARK_ROWS), as it reads */
    onTopCell?: (sheet: string, row: number, col: number, value: ExcelJS.CellValue) => void;
    /** the workbook's shared texts (plain ones), once read: before the first sheet */
    onSharedStrings?: (texts: readonly string[]) => void;
    /** the read stops (null) once this says so, between pieces of a sheet: another workbook was opened */
    stopped?: () => boolean;
  } = {},
): Promise<StreamRead | null> {
  const entries = zipEntries(bytes);
  const book = await parsePart(new WorkbookXform(), bytes, entries.get("xl/workbook.xml"));
  if (!book) return null;
  const bookRels = relsById(
    (await parsePart(new RelationshipsXform(), bytes, entries.get("xl/_rels/workbook.xml.rels")))?.model,
  );
  const styles = await parsePart(new StylesXform(), bytes, entries.get("xl/styles.xml"));
  const sharedStrings = await parsePart(new SharedStringsXform(), bytes, entries.get("xl/sharedStrings.xml"));
  if (sharedStrings && options.onSharedStrings) {
    const values = (sharedStrings as unknown as { values: unknown[] }).values;
    options.onSharedStrings(values.filter((v): v is string => typeof v === "string"));
  }
  const date1904 = book.model.properties?.date1904;
  const wanted = new Map(names.map((n) => [normalizeName(n), n as TableName]));
  const marks: IllustrativeMark[] = [];

  const sheets: SheetPlan[] = [];
  for (const sheet of book.model.sheets ?? []) {
    const target = bookRels.get(sheet.rId);
    if (!target) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
    if (!entries.has(path) || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(path)) continue;
    const no = /sheet(\d+)[.]xml/.exec(path)![1];
    const rels = relsById(
      (
        await parsePart(
          new RelationshipsXform(),
          bytes,
          entries.get(`xl/worksheets/_rels/sheet${no}.xml.rels`),
        )
      )?.model,
    );
    const tables = new Map<string, { model: any; block: Block | null }>();
    for (const [id, t] of rels) {
      const m = /^\.\.\/tables\/(table\d+)[.]xml$/.exec(t);
      if (!m) continue;
      const part = await parsePart(new TableXform(), bytes, entries.get(`xl/tables/${m[1]}.xml`));
      if (!part) continue;
      const model = part.model;
      let block: Block | null = null;
      if (wanted.has(normalizeName(model.name))) {
        const { top, left, bottom, right } = decodeRange(model.tableRef ?? model.ref);
        block = { top, left, bottom: model.totalsRow ? bottom - 1 : bottom, right, rows: [] };
      }
      tables.set(id, { model, block });
    }
    sheets.push({ name: sheet.name, path, tables, sheet: null });
  }
  const fromTables = new Set(
    sheets.flatMap((s) => [...s.tables.values()].map((t) => wanted.get(normalizeName(t.model.name)))),
  );
  for (const s of sheets) {
    const name = wanted.get(normalizeName(s.name));
    if (name && !fromTables.has(name)) s.sheet = { block: null, header: new Map(), right: 0 };
  }

  const scratch = new ExcelJS.Workbook().addWorksheet("scratch").getCell(1, 1);
  const read: { sheet: SheetPlan; tableParts: string[]; rowCount: number; hasValues: boolean }[] = [];
  let rowsDone = 0;
  for (const plan of sheets) {
    const sheetResult = await streamSheet(bytes, entries.get(plan.path)!, plan, {
      // Shared formulas are numbered per sheet.
      cellOptions: { styles, sharedStrings, date1904, formulae: {}, hyperlinkMap: {} },
      scratch,
      inflater: options.inflater ?? "fflate",
      stopped: options.stopped,
      onTopCell: (row, col, value) => {
        options.onTopCell?.(plan.name, row, col, value);
        const mark = illustrativeMark(plan.name, row, col, value);
        if (mark) marks.push(mark);
      },
      onRow: () => {
        rowsDone++;
        if (onProgress && rowsDone % every === 0) onProgress(rowsDone, plan.name);
      },
    });
    if (!sheetResult) return null;
    read.push({ sheet: plan, ...sheetResult });
  }

  // The same choices as tablesFromWorkbook, on the kept blocks.
  const tables: Record<string, unknown[][]> = {};
  const locations: Record<string, TableLocation> = {};
  const otherNames: string[] = [];
  const found = new Set<TableName>();
  for (const { sheet, tableParts } of read) {
    for (const id of tableParts) {
      const { model, block } = sheet.tables.get(id)!;
      const name = wanted.get(normalizeName(model.name));
      if (!name) {
        otherNames.push(model.name);
        continue;
      }
      const key = found.has(name) ? model.name : name;
      if (key in tables) continue;
      found.add(name);
      tables[key] = blockValues(block!, block!.bottom);
      locations[key] = {
        sheet: sheet.name,
        headerRow: block!.top,
        firstColumn: block!.left,
        source: "table",
      };
    }
  }
  for (const { sheet, rowCount, hasValues } of read) {
    const name = wanted.get(normalizeName(sheet.name));
    if (!name) {
      otherNames.push(sheet.name);
      continue;
    }
    if (fromTables.has(name) || !sheet.sheet?.block) continue;
    const key = found.has(name) ? sheet.name : name;
    if (key in tables) continue;
    found.add(name);
    tables[key] = blockValues(sheet.sheet.block, Math.max(1, hasValues ? rowCount : 1));
    locations[key] = { sheet: sheet.name, headerRow: 1, firstColumn: 1, source: "sheet" };
  }
  return { tables, locations, otherNames, marks };
}

function blockValues(block: Block, bottom: number): unknown[][] {
  const width = block.right - block.left + 1;
  const out: unknown[][] = [];
  for (let r = block.top; r <= bottom; r++) {
    // The kept row arrays are completed in place: a copy would hold every row twice at the peak.
    const values = block.rows[r - block.top] ?? new Array<unknown>(width);
    for (let c = 0; c < width; c++) if (values[c] === undefined) values[c] = "";
    out.push(values);
  }
  return out;
}

function decodeCol(address: string): { row: number; col: number } | null {
  // An A1 reference ($ allowed), read by hand: a regular expression per cell was a tenth of the read.
  let i = 0;
  const n = address.length;
  if (address.charCodeAt(i) === 36) i++;
  let col = 0;
  const lettersFrom = i;
  for (; i < n; i++) {
    const c = address.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === lettersFrom) return null;
  if (address.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < n; i++) {
    const d = address.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (i === digitsFrom) return null;
  return { row, col };
}

/** One worksheet, streamed: kept cells into the plan's blocks; null where the in-memory reader is needed. */
async function streamSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  plan: SheetPlan,
  ctx: {
    cellOptions: any;
    scratch: ExcelJS.Cell;
    inflater: Inflater;
    stopped?: () => boolean;
    onRow: () => void;
    /** every cell of the first MARK_ROWS rows, for the report's sources */
    onTopCell: (row: number, col: number, value: ExcelJS.CellValue) => void;
  },
): Promise<{ tableParts: string[]; rowCount: number; hasValues: boolean } | null> {
  const blocks = [...plan.tables.values()].map((t) => t.block).filter((b): b is Block => b !== null);
  const candidate = plan.sheet;
  const merges: string[] = [];
  const hyperlinks: string[] = [];
  const tableParts: string[] = [];
  let rowCount = 0;
  let rowNumber = 0;
  let rowHasValues = false;
  let hasValues = false;
  let previousCol = 0;
  let inCell = false;
  let failed = false;

  const store = (block: Block, r: number, c: number, value: unknown) => {
    const i = r - block.top;
    let row = block.rows[i];
    if (!row) row = block.rows[i] = new Array<unknown>(block.right - block.left + 1);
    row[c - block.left] = value;
  };
  const xform = new CellXform();
  const { styles, sharedStrings } = ctx.cellOptions;
  // Whether a style id formats numbers as dates: reconcile asks ExcelJS's isDateFmt (three regular
  // expressions) for every styled number; once per style gives the same answer.
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (styleId: number): boolean => {
    if (!styleId || !styles) return false;
    const known = dateStyles.get(styleId);
    if (known !== undefined) return known;
    const style = styles.getStyleModel(styleId);
    const date = Boolean(style && ExcelUtils.isDateFmt(style.numFmt));
    dateStyles.set(styleId, date);
    return date;
  };
  /**
   * The common cells as reconcile below would give them (the sheet has no hyperlinks or comments here: a
   * hyperlink in a kept cell sends the whole read to the in-memory reader): a number not formatted as a date,
   * a shared string that is plain text. Undefined for any other cell.
   */
  const commonValue = (
    kind: "number" | "shared",
    value: number,
    styleId: number | undefined,
  ): ExcelJS.CellValue | undefined => {
    if (kind === "number") return isDateStyle(styleId ?? 0) ? undefined : value;
    const text = sharedStrings?.getString(value);
    return typeof text === "string" ? text : undefined;
  };
  const valueOf = (model: any): ExcelJS.CellValue => {
    if (typeof model.value === "number") {
      const kind =
        model.type === ExcelJS.ValueType.Number
          ? "number"
          : model.type === ExcelJS.ValueType.String
            ? "shared"
            : null;
      const common = kind && commonValue(kind, model.value, model.styleId);
      if (common !== undefined && common !== null) return common;
    }
    xform.reconcile(model, ctx.cellOptions);
    // Numbers, text and yes/no are their model's value in ExcelJS's value classes: no cell object needed.
    const type = model.type;
    if (
      (type === ExcelJS.ValueType.Number && typeof model.value === "number") ||
      (type === ExcelJS.ValueType.String && typeof model.value === "string") ||
      (type === ExcelJS.ValueType.Boolean && typeof model.value === "boolean")
    )
      return model.value;
    ctx.scratch.model = model;
    return ctx.scratch.value;
  };
  /** Whether a cell is in a table's block or in the candidate table (header row 1) of a sheet without one. */
  const isKept = (r: number, c: number) =>
    blocks.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) ||
    (candidate !== null && (r === 1 || (r > 1 && c <= candidate.right)));
  const keepValue = (r: number, c: number, value: ExcelJS.CellValue) => {
    const marked = valueMarker(value);
    for (const b of blocks)
      if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) store(b, r, c, marked);
    if (candidate) {
      if (r === 1) candidate.header.set(c, value);
      else if (candidate.block && c <= candidate.right) store(candidate.block, r, c, marked);
    }
  };
  const finishCell = (model: any) => {
    const at = model.address ? decodeCol(model.address) : { row: rowNumber, col: previousCol + 1 };
    if (!at) {
      failed = true;
      return;
    }
    // ExcelJS drops a cell without value and style ("Merge" type) without moving on its column count.
    if (model.type === ExcelJS.ValueType.Merge) return;
    previousCol = at.col;
    if (model.type !== ExcelJS.ValueType.Null) rowHasValues = true;
    const r = rowNumber;
    const c = at.col;
    if (r <= MARK_ROWS && model.type !== ExcelJS.ValueType.Null) ctx.onTopCell(r, c, valueOf(model));
    const keep = isKept(r, c);
    if (!keep && model.type !== ExcelJS.ValueType.Formula) return;
    const value = valueOf(model);
    if (!keep) return;
    keepValue(r, c, value);
  };
  /**
   * A cell in Excel's shape (sheet-data-scanner.ts) without ExcelJS's cell parser, as CellXform would read
   * it: an empty cell is null with a style and dropped without one (ExcelJS's "Merge" type); a value is read
   * as CellXform reads it (parseFloat, parseInt) and kept when it is a common value (commonValue). Anything
   * else (false) goes through the parser's events. Read without strings (positions in the text), the
   * 150,000-row read took about a third less than with each cell's attributes and value as strings (Node:
   * 1.3-1.8 s to 0.93-1.03 s; Chromium, warm: 1.1-1.3 s to 0.77-0.83 s).
   */
  const excelCell = (cell: ExcelCell): boolean => {
    // Outside sheetData the parser's events would be ignored (open below): so is the cell.
    if (!inSheetData) return true;
    const r = rowNumber;
    const { col, style } = cell;
    if (cell.valueStart < 0) {
      if (!style) return true;
      previousCol = col;
      if (isKept(r, col)) keepValue(r, col, null);
      return true;
    }
    if (cell.valueEnd === cell.valueStart) return false;
    const { bytes, valueStart, valueEnd } = cell;
    const value = cell.shared
      ? commonValue(
          "shared",
          bytes ? integerInBytes(bytes, valueStart, valueEnd) : integerAt(cell.text, valueStart, valueEnd),
          style,
        )
      : commonValue(
          "number",
          bytes ? numberInBytes(bytes, valueStart, valueEnd) : numberAt(cell.text, valueStart, valueEnd),
          style,
        );
    if (value === undefined) return false;
    previousCol = col;
    rowHasValues = true;
    if (r <= MARK_ROWS) ctx.onTopCell(r, col, value);
    if (isKept(r, col)) keepValue(r, col, value);
    return true;
  };

  let inSheetData = false;
  let inHyperlinks = false;
  /** A row's start, from the parser's events or the scanner (excelRow): rows count only inside sheetData. */
  const startRow = (r: number) => {
    if (!inSheetData) return;
    rowNumber = r;
    if (!(rowNumber > 0)) failed = true;
    rowCount = Math.max(rowCount, rowNumber);
    rowHasValues = false;
    previousCol = 0;
  };
  const open = (name: string, attributes: Record<string, string>) => {
    if (inCell) {
      xform.parseOpen({ name, attributes });
      return;
    }
    switch (name) {
      case "sheetData":
        inSheetData = true;
        break;
      case "row":
        startRow(parseInt(attributes.r, 10));
        break;
      case "c":
        if (!inSheetData) break;
        inCell = true;
        xform.parseOpen({ name, attributes });
        break;
      case "mergeCell":
        if (attributes.ref) merges.push(attributes.ref);
        break;
      case "hyperlinks":
        inHyperlinks = true;
        break;
      case "hyperlink":
        if (inHyperlinks && attributes["r:id"]) hyperlinks.push(attributes.ref);
        break;
      case "tablePart":
        tableParts.push(attributes["r:id"]);
        break;
    }
  };
  const text = (value: string) => {
    if (inCell) xform.parseText(value);
  };
  const close = (name: string) => {
    if (inCell) {
      if (!xform.parseClose(name)) {
        inCell = false;
        finishCell(xform.model);
      }
      return;
    }
    switch (name) {
      case "sheetData":
        inSheetData = false;
        break;
      case "hyperlinks":
        inHyperlinks = false;
        break;
      case "row":
        if (!inSheetData) break;
        if (rowHasValues) hasValues = true;
        if (rowNumber === 1 && candidate) {
          candidate.right = headerRight(candidate.header);
          if (candidate.right > 0)
            candidate.block = { top: 1, left: 1, bottom: Infinity, right: candidate.right, rows: [] };
          for (const [c, v] of candidate.header)
            if (candidate.block && c <= candidate.right)
              store(candidate.block, 1, c, valueMarker(v as ExcelJS.CellValue));
        }
        ctx.onRow();
        break;
    }
  };
  const parser = new SaxesParser();
  parser.on("error", () => {
    failed = true;
  });
  parser.on("opentag", (node: SaxesTagPlain) => open(node.name, node.attributes as Record<string, string>));
  parser.on("text", text);
  parser.on("closetag", (node: SaxesTagPlain) => close(node.name));
  // Plain rows go past saxes, read from the inflated bytes (sheet-bytes-scanner.ts); the rest of the sheet
  // is decoded and goes through it.
  const scanner = new SheetBytesScanner(parser, { open, text, close, excelCell, excelRow: startRow });
  for await (const piece of partBytes(bytes, entry, ctx.inflater)) {
    scanner.write(piece);
    // Leaving here ends the inflater's part too (its worker stops inflating it).
    if (failed || ctx.stopped?.()) return null;
  }
  scanner.end();
  parser.close();
  if (failed || inCell) return null;

  // Table parts decide which tables the sheet has; a link without a part would be read differently.
  if (tableParts.length !== plan.tables.size || tableParts.some((id) => !plan.tables.has(id))) return null;
  for (const ref of hyperlinks) {
    const at = decodeCol(ref.split(":")[0]);
    if (!at || isKept(at.row, at.col)) return null;
  }
  for (const ref of merges) {
    const { top, left, bottom, right } = decodeRange(ref);
    rowCount = Math.max(rowCount, bottom);
    hasValues = true;
    if (candidate && top === 1 && right > left && right > candidate.right) {
      // A merged header reaching past the last header text widens the sheet's table: not followed here.
      const master = candidate.header.get(left);
      if (plainValue(master as ExcelJS.CellValue) !== "") return null;
    }
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        for (const b of blocks)
          if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right)
            store(b, r, c, new CellMarker("merged"));
        if (candidate?.block && c <= candidate.right) store(candidate.block, r, c, new CellMarker("merged"));
      }
  }
  if (candidate && merges.length > 0) {
    // A covered header cell counts as its master's value, which may end the header earlier or later.
    const right = mergedHeaderRight(candidate.header, merges);
    if (right !== candidate.right) return null;
  }
  return { tableParts, rowCount, hasValues };
}

function headerRight(header: Map<number, unknown>): number {
  let right = 0;
  for (const [c, v] of header) if (plainValue(v as ExcelJS.CellValue) !== "") right = Math.max(right, c);
  return right;
}

function mergedHeaderRight(header: Map<number, unknown>, merges: string[]): number {
  const values = new Map(header);
  for (const ref of merges) {
    const { top, left, right } = decodeRange(ref);
    if (top !== 1) continue;
    const master = header.get(left);
    for (let c = left + 1; c <= right; c++) values.set(c, master ?? null);
  }
  return headerRight(values);
}

export type { TableName };
