/**
 * Where a report's figures come from (issue 14, part 4): the input file's name and the texts in the input
 * workbook that mark figures as illustrative or unverified. Pure, so that the add-in (src/excel), the .xlsx
 * layer (src/xlsx) and the planner worker find the same marks in the same cells.
 */
import { ILLUSTRATIVE_PATTERN } from "./report-review";

export interface IllustrativeMark {
  sheet: string;
  /** A1-style address, e.g. "A1" */
  cell: string;
  text: string;
}

/** What the report's sources block says about the input. */
export interface InputSources {
  /** the input workbook's file name (no folder) */
  file?: string;
  /** when the inputs were read */
  readAt?: Date;
  /** undefined: nobody looked (the report then says so); [] nothing marked */
  marks?: IllustrativeMark[];
}

/** The rows of a sheet where such marks stand (notes above a table, a read-me sheet); table bodies are not scanned. */
export const MARK_ROWS = 12;

export function columnLetters(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The mark a cell's plain value makes (1-based row and column), if it is one. */
export function markAt(sheet: string, row: number, col: number, value: unknown): IllustrativeMark | null {
  return typeof value === "string" && ILLUSTRATIVE_PATTERN.test(value)
    ? { sheet, cell: `${columnLetters(col - 1)}${row}`, text: value }
    : null;
}

/**
 * The marks in a block of cell values whose top-left cell is (firstRow, firstCol), 1-based; only rows up
 * to MARK_ROWS count.
 */
export function marksInValues(
  sheet: string,
  values: readonly (readonly unknown[])[],
  firstRow = 1,
  firstCol = 1,
): IllustrativeMark[] {
  const marks: IllustrativeMark[] = [];
  values.forEach((line, r) => {
    if (firstRow + r > MARK_ROWS) return;
    line.forEach((v, c) => {
      const mark = markAt(sheet, firstRow + r, firstCol + c, v);
      if (mark) marks.push(mark);
    });
  });
  return marks;
}

/**
 * The file name in a document URL as Office gives it (Office.context.document.url): a path, a file:// URL
 * or a SharePoint/OneDrive address with a query. Undefined when there is none (a new, unsaved workbook).
 */
export function fileNameFromUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.split(/[?#]/)[0];
  const last = path
    .split(/[\\/]/)
    .filter((p) => p !== "")
    .pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
