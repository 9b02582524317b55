/**
 * The task pane's gateway over an .xlsx workbook held in memory (ExcelJS), for the browser preview:
 * the same reading, template, scenario store and report as src/excel, without Excel.
 */
import ExcelJS from "exceljs";
import { isReportMarker, nameReportSheets, uniqueSheetName, type ReportSheet } from "../model/report";
import { rowsForTableHeader } from "../model/scenarios";
import { TABLES, type TableName } from "../model/schema";
import {
  templateHeaders,
  templateList,
  templatePrompt,
  templateRows,
  type TemplateLanguage,
} from "../model/template";
import { normalizeName } from "../model/text";
import { HIRE_CATEGORIES } from "../model/types";
import type { ReadTables } from "../model/workbook-types";
import type { CellRef, ReadOptions, ReportResult, TemplateResult, WorkbookGateway } from "../model/ports";
import { illustrativeMarks } from "./sources";
import type { InputSources } from "../model/sources";
import { writeXlsx } from "./write-xlsx";
import { addInputTable, colName, plainValue, tablesFromWorkbook, writeReportSheets } from "./workbook";

const LISTS_SHEET = "FP-lijsten";
const VALIDATED_ROWS = 200;

export class XlsxGateway implements WorkbookGateway {
  readonly kind = "preview" as const;
  /** the cell the last selectCell pointed at, for the preview to show */
  selection: { sheet: string; address: string } | null = null;
  onSelect: ((selection: { sheet: string; address: string }) => void) | null = null;
  private last: ReadTables | null = null;

  constructor(
    public workbook: ExcelJS.Workbook,
    /** the file's name, for the report's sources */
    public fileName?: string,
  ) {}

  async readSources(): Promise<InputSources> {
    return { file: this.fileName, marks: illustrativeMarks(this.workbook) };
  }

  async readTables(options: ReadOptions = {}): Promise<ReadTables> {
    if (options.names) return tablesFromWorkbook(this.workbook, options.names);
    this.last = tablesFromWorkbook(this.workbook);
    return this.last;
  }

  async selectCell(ref: CellRef): Promise<void> {
    const selection = cellAddress(this.last ?? (await this.readTables()), ref);
    if (!selection) return;
    this.selection = selection;
    this.onSelect?.(selection);
  }

  async insertTemplate(options: { examples: boolean; lang?: TemplateLanguage }): Promise<TemplateResult> {
    const lang = options.lang ?? "nl";
    const present = new Set<string>();
    this.workbook.eachSheet((ws) => {
      present.add(normalizeName(ws.name));
      for (const t of ws.getTables() as unknown as { table: { name: string } }[])
        present.add(normalizeName(t.table.name));
    });
    const taken = new Set(this.workbook.worksheets.map((w) => w.name.toLowerCase()));
    const created: TemplateResult["created"] = [];
    for (const schema of TABLES.filter((t) => !present.has(normalizeName(t.name)))) {
      const sheetName = uniqueSheetName(schema.name, taken);
      taken.add(sheetName.toLowerCase());
      const rows = templateRows(schema.name, options.examples, lang);
      const ws = addInputTable(
        this.workbook,
        schema.name,
        rows.length ? rows : [schema.columns.map(() => null)],
        { sheetName, headers: templateHeaders(schema.name, lang) },
      );
      schema.columns.forEach((column, c) => {
        let validation: ExcelJS.DataValidation | null = null;
        const list = templateList(column, lang);
        if (column.kind === "category") {
          this.ensureLists();
          validation = {
            type: "list",
            allowBlank: true,
            formulae: [`'${LISTS_SHEET}'!$A$1:$A$${HIRE_CATEGORIES.length}`],
          };
        } else if (list) {
          validation = { type: "list", allowBlank: true, formulae: [`"${list.join(",")}"`] };
        } else if (column.range) {
          validation = {
            type: "whole",
            operator: "between",
            allowBlank: true,
            formulae: [column.range[0], column.range[1]],
          };
        }
        // An input message shows when a cell is selected; a column without a rule gets it with "any value".
        const prompt = templatePrompt(schema.name, column, lang);
        if (prompt)
          validation = {
            ...(validation ?? { type: "any", allowBlank: true }),
            showInputMessage: true,
            promptTitle: prompt.title,
            prompt: prompt.message,
          } as ExcelJS.DataValidation;
        if (validation)
          for (let r = 2; r <= VALIDATED_ROWS + 1; r++) ws.getCell(r, c + 1).dataValidation = validation;
      });
      created.push({ table: schema.name, sheet: sheetName });
    }
    return { created };
  }

  private ensureLists(): void {
    if (this.workbook.getWorksheet(LISTS_SHEET)) return;
    const lists = this.workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
    HIRE_CATEGORIES.forEach((name, i) => (lists.getCell(i + 1, 1).value = name));
  }

  async saveScenarios(rows: (string | number | null)[][]): Promise<void> {
    const read = await this.readTables();
    const location = read.locations.Scenarios;
    if (!location) {
      const taken = new Set(this.workbook.worksheets.map((w) => w.name.toLowerCase()));
      addInputTable(this.workbook, "Scenarios", rows.slice(1), {
        sheetName: uniqueSheetName("Scenarios", taken),
      });
      return;
    }
    const ws = this.workbook.getWorksheet(location.sheet)!;
    const old = read.tables.Scenarios!;
    const header = old[0];
    const data = rowsForTableHeader(header, rows);
    const { headerRow: top, firstColumn: left } = location;
    for (let r = 1; r < Math.max(old.length, data.length + 1); r++) {
      for (let c = 0; c < header.length; c++) ws.getCell(top + r, left + c).value = data[r - 1]?.[c] ?? null;
    }
    if (location.source === "table") {
      // Re-create the table over its new extent, keeping name, place and style.
      ws.removeTable("Scenarios");
      const body = data.length ? data : [header.map(() => null)];
      ws.addTable({
        name: "Scenarios",
        ref: `${colName(left - 1)}${top}`,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: header.map((h) => ({
          name: String(plainValue(h as ExcelJS.CellValue)),
          filterButton: true,
        })),
        rows: body,
      });
    }
  }

  async writeReport(sheets: ReportSheet[]): Promise<ReportResult> {
    const owned = new Set<string>();
    this.workbook.eachSheet((ws) => {
      if (isReportMarker(2, 1, plainValue(ws.getCell(2, 1).value))) owned.add(ws.name.toLowerCase());
    });
    for (const name of owned) {
      const ws = this.workbook.worksheets.find((w) => w.name.toLowerCase() === name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
    const { named, renamed } = nameReportSheets(
      sheets,
      this.workbook.worksheets.map((w) => w.name),
    );
    writeReportSheets(this.workbook, named);
    return { sheets: named.map((s) => s.name), renamed };
  }

  /** The workbook as .xlsx bytes, for a download (ExcelJS's parts, zipped by fflate: write-xlsx.ts). */
  async toBuffer(): Promise<Uint8Array> {
    return writeXlsx(this.workbook);
  }
}

/** Where a cell of an input table is (sheet and A1 address) in the tables as read; null for a table not read. */
export function cellAddress(read: ReadTables, ref: CellRef): { sheet: string; address: string } | null {
  const location = read.locations[ref.table];
  const header = read.tables[ref.table]?.[0] ?? [];
  if (!location) return null;
  const column = TABLES.find((t) => t.name === ref.table)?.columns.find((c) => c.header === ref.column);
  const at = column
    ? header.findIndex((h) => [column.header, column.alias].map(normalizeName).includes(normalizeName(h)))
    : 0;
  const address = `${colName(location.firstColumn - 1 + Math.max(0, at))}${location.headerRow + (ref.row ?? 0)}`;
  return { sheet: location.sheet, address };
}

export type { TableName };
