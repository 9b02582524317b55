/** Texts in an input workbook that mark figures as illustrative or unverified, for the report's sources. */
import type ExcelJS from "exceljs";
import { ILLUSTRATIVE_PATTERN } from "../model/report-review";
import { colName, plainValue } from "./workbook";

export interface IllustrativeMark {
  sheet: string;
  cell: string;
  text: string;
}

/** The rows of a sheet where such marks stand (notes above a table, a read-me sheet); table bodies are not scanned. */
export const MARK_ROWS = 12;

/** The mark a cell's value makes (1-based row and column), if it is one. */
export function illustrativeMark(
  sheet: string,
  row: number,
  col: number,
  value: ExcelJS.CellValue,
): IllustrativeMark | null {
  const plain = plainValue(value);
  return typeof plain === "string" && ILLUSTRATIVE_PATTERN.test(plain)
    ? { sheet, cell: `${colName(col - 1)}${row}`, text: plain }
    : null;
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
