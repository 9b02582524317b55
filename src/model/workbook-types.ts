/** Where input tables live in a workbook, shared by the Excel layer, the .xlsx layer and the task pane. */
import type { WorkbookTables } from "./input";

export interface TableLocation {
  sheet: string;
  /** 1-based row of the header and column of the first cell */
  headerRow: number;
  firstColumn: number;
  /** "table" when found as an Excel table, "sheet" when found as a sheet of that name */
  source: "table" | "sheet";
}

export interface ReadTables {
  tables: WorkbookTables;
  locations: Record<string, TableLocation>;
}
