/** Texts in an input workbook that mark figures as illustrative or unverified, for the report's sources. */
import type ExcelJS from "exceljs";
import { markAt, MARK_ROWS, type IllustrativeMark } from "../model/sources";
import { plainValue } from "./workbook";

export { MARK_ROWS, type IllustrativeMark };

/** The mark a cell's value makes (1-based row and column), if it is one. */
export function illustrativeMark(
  sheet: string,
  row: number,
  col: number,
  value: ExcelJS.CellValue,
): IllustrativeMark | null {
  return markAt(sheet, row, col, plainValue(value));
}

/** Every mark in the first rows of every sheet of a workbook held in memory. */
export function illustrativeMarks(workbook: ExcelJS.Workbook, rowsPerSheet = MARK_ROWS): IllustrativeMark[] {
  const marks: IllustrativeMark[] = [];
  workbook.eachSheet((ws) => {
    const last = Math.min(ws.rowCount, rowsPerSheet);
    for (let r = 1; r <= last; r++) {
      ws.getRow(r).eachCell((cell, c) => {
        const mark = illustrativeMark(ws.name, r, c, cell.value);
        if (mark) marks.push(mark);
      });
    }
  });
  return marks;
}
