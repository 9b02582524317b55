/**
 * The report's sources in the add-in: the workbook's file name from Office and the texts in the first rows
 * of every sheet that mark figures as illustrative (the same cells the .xlsx layer scans, src/model/sources.ts).
 * The add-in's own report sheets are skipped: they quote such marks themselves.
 */
import { REPORT_MARKER } from "../model/report";
import { fileNameFromUrl, MARK_ROWS, marksInValues, type InputSources } from "../model/sources";

/** Columns scanned per sheet: keeps the response far under Excel on the web's 5 MB limit. */
const MARK_COLUMNS = 200;

/**
 * Office.context.document.url: "Gets the URL of the document that the Office application currently has
 * open. Returns null if the URL is unavailable." (Office.Document, url)
 */
export function documentFileName(): string | undefined {
  const office = (globalThis as { Office?: { context?: { document?: { url?: string | null } } } }).Office;
  return fileNameFromUrl(office?.context?.document?.url);
}

export async function readSources(context: Excel.RequestContext): Promise<InputSources> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  // Worksheet.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4, within the 1.7 minimum): where the values are.
  const used = sheets.items.map((ws) => ({
    ws,
    range: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,columnCount"),
  }));
  await context.sync();
  const blocks = used
    .filter(({ range }) => !range.isNullObject && range.rowIndex < MARK_ROWS)
    .map(({ ws, range }) => ({
      name: ws.name,
      row: range.rowIndex,
      col: range.columnIndex,
      cells: ws
        .getRangeByIndexes(
          range.rowIndex,
          range.columnIndex,
          MARK_ROWS - range.rowIndex,
          Math.min(range.columnCount, MARK_COLUMNS),
        )
        .load("values"),
    }));
  if (blocks.length > 0) await context.sync();
  const marks = blocks.flatMap((b) => {
    const values = b.cells.values;
    // A report sheet of the add-in: its marker in A2.
    if (b.row <= 1 && b.col === 0 && values[1 - b.row]?.[0] === REPORT_MARKER) return [];
    return marksInValues(b.name, values, b.row + 1, b.col + 1);
  });
  return { file: documentFileName(), marks };
}
