/**
 * The workbook port: what the task pane needs from a workbook. src/excel implements it over Excel's API
 * (the add-in), src/xlsx over an .xlsx file (the browser preview). It lives in the model, below both the
 * pane and the workbook layers, so that every import points inward.
 */
import type { ReportSheet } from "./report";
import type { TableName } from "./schema";
import type { ReadTables } from "./workbook-types";
import type { InputSources } from "./sources";
import type { TemplateLanguage } from "./template";

export interface ReadOptions {
  /** called as blocks of rows arrive: rows read so far and rows in all tables */
  onProgress?: (done: number, total: number) => void;
  /** the tables to read (e.g. the Rijk workbook's `Departementen`); default: the input tables of MODEL.md */
  names?: readonly string[];
}

export interface TableStatus {
  name: TableName;
  required: boolean;
  found: boolean;
  sheet?: string;
  /** data rows, header excluded */
  rows?: number;
}

export interface CellRef {
  table: string;
  /** 1-based row within the table's data; null for the header */
  row: number | null;
  column: string | null;
}

export interface TemplateResult {
  created: { table: TableName; sheet: string }[];
}

export interface ReportResult {
  sheets: string[];
  /** sheets that could not take their usual name because a sheet of the user's has it */
  renamed: { wanted: string; used: string }[];
}

export interface WorkbookGateway {
  readonly kind: "excel" | "preview";
  /** reads all input tables (in blocks under Excel's payload limit, reporting progress) */
  readTables(options?: ReadOptions): Promise<ReadTables>;
  /**
   * adds the missing input tables on new sheets; existing sheets and data are never touched. `lang`:
   * headers, lists, input messages and examples in Dutch (default) or English; table names stay Dutch
   */
  insertTemplate(options: { examples: boolean; lang?: TemplateLanguage }): Promise<TemplateResult>;
  /** selects the cell an issue points at */
  selectCell(ref: CellRef): Promise<void>;
  /** stores the scenarios (header row first) in the Scenarios table, creating it when missing */
  saveScenarios(rows: (string | number | null)[][]): Promise<void>;
  /**
   * the input file's name and the figures the workbook marks as illustrative, for the report's sources;
   * optional: without it the report says that nobody looked
   */
  readSources?(): Promise<InputSources>;
  /** writes the report sheets, replacing only the add-in's own earlier report sheets */
  writeReport(sheets: ReportSheet[]): Promise<ReportResult>;
}

/** The status of every input table, from a read. */
export function tableStatus(
  read: ReadTables,
  schemas: readonly { name: TableName; required: boolean }[],
): TableStatus[] {
  return schemas.map((s) => {
    const rows = read.tables[s.name];
    const location = read.locations[s.name];
    return {
      name: s.name,
      required: s.required,
      found: !!rows,
      sheet: location?.sheet,
      rows: rows
        ? rows.slice(1).filter((r) => r.some((v) => v !== "" && v !== null && v !== undefined)).length
        : undefined,
    };
  });
}
