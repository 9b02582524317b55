/**
 * The workbook port: what the task pane needs from a workbook. src/excel implements it over Excel's API
 * (the add-in), src/xlsx over an .xlsx file (the browser preview). It lives in the model, below both the
 * pane and the workbook layers, so that every import points inward.
 */
import type { SelectionRows } from "./filter-selection";
import type { TableRows } from "./input";
import type { NoteLanguage } from "./notes";
import type { ReportSheet } from "./report";
import type { RunStep } from "./engine";
import type { TableName } from "./schema";
import type { Issue, RunResult } from "./types";
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

/** What the pane needs after a check, from a workbook that checks its tables itself (SelfPlanning). */
export interface PlanCheck {
  /** each table's header row (no data rows) and where it is: enough for cell addresses */
  read: ReadTables;
  status: TableStatus[];
  issues: Issue[];
  /** the Scenarios table's rows, header first; null when the table is missing */
  scenarios: TableRows | null;
  /** the formation rows a filter can read, alike rows counted once (compactSelectionRows) */
  selection: SelectionRows;
}

export interface PlanRun {
  issues: Issue[];
  result: RunResult | null;
  /** hashInputs of the tables the run used (with the scenarios it was given) */
  inputHash: string;
}

/**
 * A workbook that plans by itself: its tables stay where they are (the preview's worker) and the pane gets
 * only summaries. The pane uses it when the gateway has it; without it (the add-in) the pane reads the
 * tables and checks, runs and builds the report itself.
 */
export interface SelfPlanning {
  /**
   * The input tables' status as the workbook was opened, before its check, when the opening read them: the
   * pane shows them at once, and the issues when the check has been made. null: the check says.
   */
  readonly found: TableStatus[] | null;
  /** reads and checks the input tables */
  check(): Promise<PlanCheck>;
  /** checks and runs the tables, with `scenarios` (header first) instead of the stored ones when given */
  run(options: {
    scenarios: TableRows | null;
    /** done of total scenarios; during a long Optimaal also its stage and time so far (`step`) */
    onProgress?: (done: number, total: number, scenario?: string, step?: RunStep) => void;
    signal?: AbortSignal;
  }): Promise<PlanRun>;
  /**
   * Builds and writes the report of the last run, when the inputs still hash to `inputHash`; null (and
   * nothing written) when they have changed since.
   */
  writeRunReport(options: {
    inputHash: string;
    lang: NoteLanguage;
    createdAt: Date;
  }): Promise<ReportResult | null>;
}

export interface WorkbookGateway {
  readonly kind: "excel" | "preview";
  /** present when the workbook checks, runs and reports by itself (see SelfPlanning) */
  readonly planning?: SelfPlanning;
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

/**
 * Rows below the header with a value in any column. Plain loops: 150,000 rows are counted right after an
 * open, before the answer, while the code is still cold (a callback per cell took 50 to 130 ms there).
 */
function filledRows(rows: TableRows): number {
  let filled = 0;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v !== "" && v !== null && v !== undefined) {
        filled++;
        break;
      }
    }
  }
  return filled;
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
      rows: rows ? filledRows(rows) : undefined,
    };
  });
}
