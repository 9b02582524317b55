/**
 * One report sheet into one ExcelJS worksheet: values, number formats, fonts, fills, wrapping, the ja/nee
 * colours, column widths. Written top to bottom, one row at a time and each row committed when done, so that
 * the same code fills a sheet of a workbook in memory (the preview, `rijk --out`; commit does nothing there)
 * and a sheet of ExcelJS's streaming writer (`run --out`, src/cli/report-file.ts), which writes each
 * committed row out and forgets it: one layout, whichever writer.
 */
import type ExcelJS from "exceljs";
import type { FormatRange, ReportSheet } from "../model/report";

function argb(color: string): string {
  return "FF" + color.replace("#", "").toUpperCase();
}

export function colName(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The style parts a report cell can carry. */
interface CellStyle {
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  alignment?: Partial<ExcelJS.Alignment>;
}

/** Applies one format range to a cell's style, later ranges over earlier ones, fonts and alignment merged. */
function applyFormat(style: CellStyle, f: FormatRange): void {
  if (f.numberFormat) style.numFmt = f.numberFormat;
  if (f.bold || f.italic || f.fontColor || f.fontSize) {
    const font = style.font;
    style.font = {
      ...font,
      bold: f.bold ?? font?.bold,
      italic: f.italic ?? font?.italic,
      size: f.fontSize ?? font?.size,
      color: f.fontColor ? { argb: argb(f.fontColor) } : font?.color,
    };
  }
  if (f.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  if (f.wrap) style.alignment = { ...style.alignment, wrapText: true, vertical: "top" };
}

/**
 * The styles of a sheet's formatted cells, per row (0-based) and column, from its format ranges in order.
 * Cells that got the same ranges' formats in the same order share one style object (and its key, for
 * SharedStyles), so that a sheet costs one style per distinct look, not one per cell.
 */
export function cellStyles(sheet: Pick<ReportSheet, "formats">): Map<number, Map<number, CellStyle>> {
  const keys = new Map<number, Map<number, string>>();
  sheet.formats.forEach((f, i) => {
    for (let r = f.row; r < f.row + f.rows; r++) {
      let row = keys.get(r);
      if (!row) keys.set(r, (row = new Map()));
      for (let c = f.col; c < f.col + f.cols; c++) row.set(c, `${row.get(c) ?? ""}${i},`);
    }
  });
  const byKey = new Map<string, CellStyle>();
  const rows = new Map<number, Map<number, CellStyle>>();
  for (const [r, row] of keys) {
    const styles = new Map<number, CellStyle>();
    rows.set(r, styles);
    for (const [c, key] of row) {
      let style = byKey.get(key);
      if (!style) {
        style = {};
        for (const i of key.split(",").slice(0, -1)) applyFormat(style, sheet.formats[Number(i)]);
        styleKeys.set(style, JSON.stringify(style));
        byKey.set(key, style);
      }
      styles.set(c, style);
    }
  }
  return rows;
}

/** Each computed style's JSON, made once per distinct style of a sheet. */
const styleKeys = new WeakMap<CellStyle, string>();

/**
 * One style object per distinct style, for a writer that writes each row and forgets it (the streaming
 * writer): ExcelJS then registers a style once per object instead of once per cell. Never for a workbook kept
 * in memory, where a later change to one cell's font would change every cell sharing the object. Numbers and
 * other cells get separate objects, as ExcelJS gives an unformatted number the General format and text none.
 */
export class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  get(style: CellStyle | undefined, isNumber: boolean): Partial<ExcelJS.Style> {
    const key = `${isNumber ? "n" : "o"}${style ? (styleKeys.get(style) ?? JSON.stringify(style)) : ""}`;
    let shared = this.byKey.get(key);
    if (!shared) this.byKey.set(key, (shared = { ...style }));
    return shared;
  }
}

/**
 * Fills `ws` (new and empty) with `sheet`. Column widths come first and conditional formats last, as the
 * streaming writer needs them (it writes the column list before the first row, the rules after the last).
 */
export function fillReportSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet, shared?: SharedStyles): void {
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const styles = cellStyles(sheet);
  const lastRow = Math.max(sheet.cells.length - 1, ...styles.keys());
  for (let r = 0; r <= lastRow; r++) {
    const values = sheet.cells[r];
    const rowStyles = styles.get(r);
    if (!values?.length && !rowStyles) continue;
    const xrow = ws.getRow(r + 1);
    values?.forEach((value, c) => {
      if (value === null) return;
      const cell = xrow.getCell(c + 1);
      cell.value = value;
      if (shared) cell.style = shared.get(rowStyles?.get(c), typeof value === "number");
    });
    rowStyles?.forEach((style, c) => {
      const cell = xrow.getCell(c + 1);
      if (shared) {
        const value = values?.[c];
        if (value === null || value === undefined) cell.style = shared.get(style, false);
        return;
      }
      if (style.numFmt) cell.numFmt = style.numFmt;
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.alignment) cell.alignment = style.alignment;
    });
    xrow.commit();
  }
  for (const cf of sheet.conditional) {
    const ref = `${colName(cf.col)}${cf.row + 1}:${colName(cf.col + cf.cols - 1)}${cf.row + cf.rows}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "containsText",
          operator: "containsText",
          text: cf.yes ?? "ja",
          priority: 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } },
            font: { color: { argb: "FF006100" } },
          },
        },
        {
          type: "containsText",
          operator: "containsText",
          text: cf.no ?? "nee",
          priority: 2,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
            font: { color: { argb: "FF9C0006" } },
          },
        },
      ],
    });
  }
}
