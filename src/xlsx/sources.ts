/** Texts in an input workbook that mark figures as illustrative or unverified, for the report's sources. */
import type ExcelJS from "exceljs";
import { ILLUSTRATIVE_PATTERN } from "../model/report-review";
import { colName, plainValue } from "./workbook";

/**
 * Looks at the first rows of every sheet (notes above a table, a read-me sheet), where such marks stand;
 * table bodies of thousands of rows are not scanned.
 */
export function illustrativeMarks(
  workbook: ExcelJS.Workbook,
  rowsPerSheet = 12,
): { sheet: string; cell: string; text: string }[] {
  const marks: { sheet: string; cell: string; text: string }[] = [];
  workbook.eachSheet((ws) => {
    const last = Math.min(ws.rowCount, rowsPerSheet);
    for (let r = 1; r <= last; r++) {
      ws.getRow(r).eachCell((cell, c) => {
        const value = plainValue(cell.value);
        if (typeof value === "string" && ILLUSTRATIVE_PATTERN.test(value))
          marks.push({ sheet: ws.name, cell: `${colName(c - 1)}${r}`, text: value });
      });
    }
  });
  return marks;
}
