/**
 * The only code that calls Excel.*: reading the input tables, inserting the template, selecting a cell,
 * storing scenarios and writing the report. Round trips are counted: reading is two context.sync calls
 * whatever the row count; the report is at most five plus one per 4 MB of values, with calculation
 * suspended while writing.
 */
import { REPORT_MARKER, uniqueSheetName, type ReportSheet } from "../model/report";
import { rowsForTableHeader } from "../model/scenarios";
import { HIRE_CATEGORIES } from "../model/types";
import { TABLES } from "../model/schema";
import { templateHeaders, templateRows } from "../model/template";
import { normalizeName } from "../model/text";
import type { ReadTables, TableLocation } from "../model/workbook-types";
import type { CellRef, ReportResult, TemplateResult, WorkbookGateway } from "../taskpane/gateway";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel on the web refuses requests over 5 MB; stay under 4 MB per sync. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const LISTS_SHEET = "FP-lijsten";
const TEMPLATE_ROWS = 1000;

/** Rough size of a value in a request: its JSON text. */
export function payloadSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

export class ExcelGateway implements WorkbookGateway {
  readonly kind = "excel" as const;
  private last: ReadTables | null = null;

  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  async readTables(names?: readonly string[]): Promise<ReadTables> {
    const wantedNames = names ?? TABLES.map((t) => t.name);
    const read = await this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const pending: {
        name: string;
        range: Excel.Range;
        sheet: Excel.Worksheet;
        source: TableLocation["source"];
      }[] = [];
      for (const tableName of wantedNames) {
        const schema = { name: tableName };
        const wanted = normalizeName(schema.name);
        const table = tables.items.find((t) => normalizeName(t.name) === wanted);
        if (table) {
          const range = table.getRange();
          range.load("values,rowIndex,columnIndex");
          const sheet = table.worksheet;
          sheet.load("name");
          pending.push({ name: schema.name, range, sheet, source: "table" });
          continue;
        }
        const sheet = sheets.items.find((s) => normalizeName(s.name) === wanted);
        if (sheet) {
          const range = sheet.getUsedRangeOrNullObject(true);
          range.load("values,rowIndex,columnIndex");
          pending.push({ name: schema.name, range, sheet, source: "sheet" });
        }
      }
      await context.sync();
      const result: ReadTables = { tables: {}, locations: {} };
      const out = result.tables as Record<string, unknown[][]>;
      for (const p of pending) {
        if (p.range.isNullObject) continue;
        out[p.name] = p.range.values;
        result.locations[p.name] = {
          sheet: p.sheet.name,
          headerRow: p.range.rowIndex + 1,
          firstColumn: p.range.columnIndex + 1,
          source: p.source,
        };
      }
      return result;
    });
    if (!names) this.last = read;
    return read;
  }

  async selectCell(ref: CellRef): Promise<void> {
    const read = this.last ?? (await this.readTables());
    const location = read.locations[ref.table];
    const rows = read.tables[ref.table];
    if (!location || !rows) return;
    const schema = TABLES.find((t) => t.name === ref.table);
    const column = schema?.columns.find((c) => c.header === ref.column);
    const header = rows[0] ?? [];
    let col = 0;
    if (column) {
      const at = header.findIndex((h) =>
        [column.header, column.alias].map(normalizeName).includes(normalizeName(h)),
      );
      col = at >= 0 ? at : 0;
    }
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(location.sheet);
      sheet.activate();
      sheet
        .getRangeByIndexes(location.headerRow - 1 + (ref.row ?? 0), location.firstColumn - 1 + col, 1, 1)
        .select();
      await context.sync();
    });
  }

  async insertTemplate(options: { examples: boolean }): Promise<TemplateResult> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const present = new Set([
        ...tables.items.map((t) => normalizeName(t.name)),
        ...sheets.items.map((s) => normalizeName(s.name)),
      ]);
      const missing = TABLES.filter((t) => !present.has(normalizeName(t.name)));
      const created: TemplateResult["created"] = [];
      let listsSheet: string | null = taken.has(LISTS_SHEET.toLowerCase()) ? null : LISTS_SHEET;
      for (const schema of missing) {
        const sheetName = uniqueSheetName(schema.name, taken);
        taken.add(sheetName.toLowerCase());
        const sheet = sheets.add(sheetName);
        const headers = templateHeaders(schema.name);
        const rows = templateRows(schema.name, options.examples);
        const body = rows.length > 0 ? rows : [headers.map(() => null)];
        sheet.getRangeByIndexes(0, 0, 1, headers.length).values = [headers];
        if (rows.length > 0) sheet.getRangeByIndexes(1, 0, rows.length, headers.length).values = rows;
        const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, body.length + 1, headers.length), true);
        table.name = schema.name;
        schema.columns.forEach((column, c) => {
          const cells = sheet.getRangeByIndexes(1, c, TEMPLATE_ROWS, 1);
          if (column.numberFormat) cells.numberFormat = fill(TEMPLATE_ROWS, 1, column.numberFormat);
          if (column.kind === "category") {
            if (listsSheet) {
              const lists = sheets.add(listsSheet);
              lists.getRangeByIndexes(0, 0, HIRE_CATEGORIES.length, 1).values = HIRE_CATEGORIES.map((n) => [
                n,
              ]);
              lists.visibility = Excel.SheetVisibility.hidden;
              listsSheet = null;
            }
            cells.dataValidation.rule = {
              list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$A$1:$A$${HIRE_CATEGORIES.length}` },
            };
          } else if (column.list) {
            cells.dataValidation.rule = { list: { inCellDropDown: true, source: column.list.join(",") } };
          } else if (column.range) {
            cells.dataValidation.rule = {
              wholeNumber: {
                formula1: column.range[0],
                formula2: column.range[1],
                operator: Excel.DataValidationOperator.between,
              },
            };
          }
        });
        sheet.getRangeByIndexes(0, 0, 1, headers.length).format.autofitColumns();
        created.push({ table: schema.name, sheet: sheetName });
      }
      await context.sync();
      return { created };
    });
  }

  async saveScenarios(rows: (string | number | null)[][]): Promise<void> {
    await this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("Scenarios");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      if (table.isNullObject) {
        const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        const fresh = sheets.add(uniqueSheetName("Scenarios", taken));
        const body = rows.length > 1 ? rows : [rows[0], rows[0].map(() => null)];
        fresh.getRangeByIndexes(0, 0, body.length, rows[0].length).values = body;
        fresh.tables.add(fresh.getRangeByIndexes(0, 0, body.length, rows[0].length), true).name = "Scenarios";
        await context.sync();
        return;
      }
      const range = table.getRange();
      range.load("values,rowIndex,columnIndex,rowCount,columnCount");
      const sheet = table.worksheet;
      sheet.load("name");
      await context.sync();
      // Written in the table's own column order (refused when it has columns the planner does not know).
      const header = range.values[0];
      const data = rowsForTableHeader(header, rows);
      const cols = header.length;
      const oldRows = range.rowCount - 1;
      const newRows = Math.max(1, data.length);
      const target = context.workbook.worksheets.getItem(sheet.name);
      if (oldRows > data.length) {
        target
          .getRangeByIndexes(range.rowIndex + 1, range.columnIndex, oldRows, cols)
          .clear(Excel.ClearApplyTo.contents);
      }
      if (data.length > 0)
        target.getRangeByIndexes(range.rowIndex + 1, range.columnIndex, data.length, cols).values = data;
      table.resize(target.getRangeByIndexes(range.rowIndex, range.columnIndex, newRows + 1, cols));
      await context.sync();
    });
  }

  async writeReport(sheets: ReportSheet[]): Promise<ReportResult> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      // Which of the existing sheets are the add-in's own reports (marker in A2)?
      const markers = worksheets.items.map((ws) => {
        const cell = ws.getRange("A2");
        cell.load("values");
        return { ws, cell };
      });
      await context.sync();
      const owned = new Set(
        markers.filter((m) => m.cell.values[0]?.[0] === REPORT_MARKER).map((m) => m.ws.name.toLowerCase()),
      );
      const taken = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()).filter((n) => !owned.has(n)));
      const renamed: ReportResult["renamed"] = [];
      const names = sheets.map((s) => {
        const used = uniqueSheetName(s.name, taken);
        taken.add(used.toLowerCase());
        if (used !== s.name) renamed.push({ wanted: s.name, used });
        return used;
      });

      context.application.suspendApiCalculationUntilNextSync();
      for (const ws of worksheets.items) if (owned.has(ws.name.toLowerCase())) ws.delete();
      let pending = 0;
      const flush = async (bytes: number) => {
        if (pending + bytes > MAX_REQUEST_BYTES && pending > 0) {
          await context.sync();
          context.application.suspendApiCalculationUntilNextSync();
          pending = 0;
        }
        pending += bytes;
      };
      const created: Excel.Worksheet[] = [];
      for (const [i, sheet] of sheets.entries()) {
        const ws = worksheets.add(names[i]);
        created.push(ws);
        const cols = sheet.cells[0]?.length ?? 0;
        // Values in chunks of rows, each chunk within the request limit.
        let start = 0;
        while (start < sheet.cells.length && cols > 0) {
          let end = start;
          let bytes = 0;
          while (end < sheet.cells.length) {
            const size = payloadSize(sheet.cells[end]) + 200;
            if (bytes + size > MAX_REQUEST_BYTES / 2 && end > start) break;
            bytes += size;
            end++;
          }
          await flush(bytes);
          ws.getRangeByIndexes(start, 0, end - start, cols).values = sheet.cells
            .slice(start, end)
            .map((r) => r.map((v) => (v === null ? "" : v)));
          start = end;
        }
        let formatBytes = 0;
        for (const f of sheet.formats) {
          const range = ws.getRangeByIndexes(f.row, f.col, f.rows, f.cols);
          if (f.numberFormat) {
            range.numberFormat = fill(f.rows, f.cols, f.numberFormat);
            formatBytes += f.rows * f.cols * (f.numberFormat.length + 3);
          }
          if (f.bold !== undefined) range.format.font.bold = f.bold;
          if (f.italic !== undefined) range.format.font.italic = f.italic;
          if (f.fontColor) range.format.font.color = f.fontColor;
          if (f.fontSize) range.format.font.size = f.fontSize;
          if (f.fill) range.format.fill.color = f.fill;
          if (f.wrap) range.format.wrapText = true;
          formatBytes += 150;
        }
        await flush(formatBytes);
        for (const cf of sheet.conditional) {
          const range = ws.getRangeByIndexes(cf.row, cf.col, cf.rows, cf.cols);
          for (const [text, fill, font] of [
            ["ja", "#C6EFCE", "#006100"],
            ["nee", "#FFC7CE", "#9C0006"],
          ]) {
            const format = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
            format.textComparison.format.fill.color = fill;
            format.textComparison.format.font.color = font;
            format.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text };
          }
        }
        sheet.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 6));
        for (const chart of sheet.charts) {
          const data = ws.getRangeByIndexes(chart.data.row, chart.data.col, chart.data.rows, chart.data.cols);
          const added = ws.charts.add(
            chart.type === "line" ? Excel.ChartType.line : Excel.ChartType.columnClustered,
            data,
            Excel.ChartSeriesBy.columns,
          );
          added.title.text = chart.title;
          added.axes.valueAxis.numberFormat = chart.yFormat;
          const topLeft = ws.getRangeByIndexes(chart.anchor.row, chart.anchor.col, 1, 1);
          const bottomRight = ws.getRangeByIndexes(chart.anchor.row + 14, chart.anchor.col + 7, 1, 1);
          added.setPosition(topLeft, bottomRight);
        }
        if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
      }
      created[0]?.activate();
      await context.sync();
      return { sheets: names, renamed };
    });
  }
}
