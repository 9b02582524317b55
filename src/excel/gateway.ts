/**
 * The only code that calls Excel.*: reading the input tables, inserting the template, selecting a cell,
 * storing scenarios and writing the report. Every batch runs with delayForCellEdit, so an action started
 * while the user types in a cell waits for the edit instead of failing. Reading goes in blocks under
 * Excel on the web's 5 MB limit (read.ts); the report is written before the old one is removed
 * (report-writer.ts).
 */
import { uniqueSheetName, type ReportSheet } from "../model/report";
import { rowsForTableHeader } from "../model/scenarios";
import { HIRE_CATEGORIES } from "../model/types";
import { TABLES } from "../model/schema";
import {
  templateHeaders,
  templateList,
  templatePrompt,
  templateRows,
  type TemplateLanguage,
} from "../model/template";
import { normalizeName } from "../model/text";
import type { ReadTables } from "../model/workbook-types";
import type { CellRef, ReadOptions, ReportResult, TemplateResult, WorkbookGateway } from "../model/ports";
import { rowsToExcel, toExcel } from "./cells";
import { readInBlocks } from "./read";
import { readSources } from "./sources";
import type { InputSources } from "../model/sources";
import { writeReportSheets } from "./report-writer";
import { officeIsSetSupported, requireSet, type IsSetSupported } from "./requirements";

export { MAX_REQUEST_BYTES, REPORT_SETTING } from "./report-writer";
export { payloadSize } from "./cells";

/** Excel.run with its options (Excel.RunOptions), as the gateway calls it. */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/**
 * Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch request is
 * processed by the host, the batch automatically fails. When true, ... the batch request is delayed until
 * the user exits cell edit mode." (ExcelApi 1.11; where that set is missing the option may have no
 * effect, and the pane names the set as missing.)
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };
const LISTS_SHEET = "FP-lijsten";
const TEMPLATE_ROWS = 1000;

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

export class ExcelGateway implements WorkbookGateway {
  readonly kind = "excel" as const;
  private last: ReadTables | null = null;

  constructor(
    private readonly excelRun: ExcelRun = (options, batch) => Excel.run(options, batch),
    private readonly isSupported: IsSetSupported = officeIsSetSupported(),
  ) {}

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    requireSet("ExcelApi", "1.7", this.isSupported);
    return this.excelRun(RUN_OPTIONS, batch);
  }

  async readTables(options: ReadOptions = {}): Promise<ReadTables> {
    const read = await this.run((context) => readInBlocks(context, options));
    if (!options.names) this.last = read;
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

  async insertTemplate(options: { examples: boolean; lang?: TemplateLanguage }): Promise<TemplateResult> {
    const lang = options.lang ?? "nl";
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
      // Drop-down lists need ExcelApi 1.8; without it the tables come without them (the pane says so).
      const validations = this.isSupported("ExcelApi", "1.8");
      let listsSheet: string | null = taken.has(LISTS_SHEET.toLowerCase()) ? null : LISTS_SHEET;
      for (const schema of missing) {
        const sheetName = uniqueSheetName(schema.name, taken);
        taken.add(sheetName.toLowerCase());
        const sheet = sheets.add(sheetName);
        const headers = templateHeaders(schema.name, lang);
        const rows = templateRows(schema.name, options.examples, lang);
        const body = rows.length > 0 ? rows : [headers.map(() => null)];
        sheet.getRangeByIndexes(0, 0, 1, headers.length).values = rowsToExcel([headers]);
        if (rows.length > 0)
          sheet.getRangeByIndexes(1, 0, rows.length, headers.length).values = rowsToExcel(rows);
        const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, body.length + 1, headers.length), true);
        table.name = schema.name;
        schema.columns.forEach((column, c) => {
          const cells = sheet.getRangeByIndexes(1, c, TEMPLATE_ROWS, 1);
          if (column.numberFormat) cells.numberFormat = fill(TEMPLATE_ROWS, 1, column.numberFormat);
          const list = templateList(column, lang);
          if (column.kind === "category") {
            if (listsSheet) {
              const lists = sheets.add(listsSheet);
              lists.getRangeByIndexes(0, 0, HIRE_CATEGORIES.length, 1).values = rowsToExcel(
                HIRE_CATEGORIES.map((n) => [n]),
              );
              lists.visibility = Excel.SheetVisibility.hidden;
              listsSheet = null;
            }
            if (validations)
              cells.dataValidation.rule = {
                list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$A$1:$A$${HIRE_CATEGORIES.length}` },
              };
          } else if (!validations) {
            // no drop-down lists or number checks
          } else if (list) {
            cells.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(",") } };
          } else if (column.range) {
            cells.dataValidation.rule = {
              wholeNumber: {
                formula1: column.range[0],
                formula2: column.range[1],
                operator: Excel.DataValidationOperator.between,
              },
            };
          }
          // The input message in the template's language, set after the rule as Microsoft's sample does
          // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation); only on
          // columns with a rule, so that no range gets a validation without one.
          const prompt = templatePrompt(schema.name, column, lang);
          if (validations && prompt && (list || column.range || column.kind === "category"))
            cells.dataValidation.prompt = { showPrompt: true, ...prompt };
        });
        sheet.getRangeByIndexes(0, 0, 1, headers.length).format.autofitColumns();
        created.push({ table: schema.name, sheet: sheetName });
      }
      await context.sync();
      return { created };
    });
  }

  /**
   * Stores the scenarios in the Scenarios table, in the table's own column order. Empty cells are
   * written as "" (null would leave an old filter or value behind); names as text. A filter on the
   * table is cleared first (rows can't be inserted into a filtered table); rows hidden by hand make it
   * refuse, since the user would not see what changed. The table grows with table.rows.add, which moves
   * whatever is below it down, and shrinks by deleting its surplus rows: nothing below is overwritten.
   */
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
        fresh.getRangeByIndexes(0, 0, body.length, rows[0].length).values = rowsToExcel(body);
        fresh.tables.add(fresh.getRangeByIndexes(0, 0, body.length, rows[0].length), true).name = "Scenarios";
        await context.sync();
        return;
      }
      table.clearFilters();
      const headerRange = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,rowHidden");
      const sheet = table.worksheet.load("name");
      await context.sync();
      if (body.rowHidden !== false)
        throw new Error(
          `De tabel Scenarios (blad '${sheet.name}') heeft verborgen rijen; maak ze zichtbaar en sla opnieuw op. / ` +
            `The Scenarios table (sheet '${sheet.name}') has hidden rows; unhide them and save again.`,
        );
      // Refused when the table has columns the planner does not know.
      const header = headerRange.values[0];
      const data = rowsForTableHeader(header, rows).map((r) => r.map(toExcel));
      const cols = header.length;
      const oldRows = body.rowCount;
      // A table keeps at least one data row.
      const newRows = Math.max(1, data.length);
      const lines = data.length > 0 ? data : [header.map(() => "")];
      const target = context.workbook.worksheets.getItem(sheet.name);
      const overwrite = Math.min(oldRows, newRows);
      target.getRangeByIndexes(body.rowIndex, body.columnIndex, overwrite, cols).values = lines.slice(
        0,
        overwrite,
      );
      if (newRows > oldRows) table.rows.add(undefined, lines.slice(oldRows));
      if (newRows < oldRows)
        target
          .getRangeByIndexes(body.rowIndex + newRows, body.columnIndex, oldRows - newRows, cols)
          .delete(Excel.DeleteShiftDirection.up);
      await context.sync();
    });
  }

  readSources(): Promise<InputSources> {
    return this.run((context) => readSources(context));
  }

  async writeReport(sheets: ReportSheet[]): Promise<ReportResult> {
    return this.run((context) => writeReportSheets(context, sheets));
  }
}
