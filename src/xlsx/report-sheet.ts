/**
 * One report sheet into one ExcelJS worksheet: values, number formats, fonts, fills, wrapping, the ja/nee
 * colours, column widths. Written top to bottom, one row at a time and each row committed when done, so that
 * the same code fills a sheet of a workbook in memory (the preview, `rijk --out`; commit does nothing there)
 * and a sheet of ExcelJS's streaming writer (`run --out`, src/cli/report-file.ts), which writes each
 * committed row out and forgets it: one layout, whichever writer.
 */
import type ExcelJS from "exceljs";
import { YES_NO_COLOURS, type FormatRange, type ReportSheet, type YesNoFormat } from "../model/report";

export function argb(color: string): string {
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
 * SharedStyles), so that a sheet costs one style per distinct look, not one per cell. Each cell's style is
 * a number while the ranges are applied: style k followed by range i gives the style found under (k, i),
 * made once from k's by applying range i, so a cell costs a lookup per range that covers it.
 */
export function cellStyles(sheet: Pick<ReportSheet, "formats">): SheetStyles {
  const styles: CellStyle[] = [{}];
  const keys: string[] = [""];
  const next = new Map<number, number>();
  const ranges = sheet.formats.length;
  const ids: number[][] = [];
  sheet.formats.forEach((f, i) => {
    for (let r = f.row; r < f.row + f.rows; r++) {
      const row = (ids[r] ??= []);
      for (let c = f.col; c < f.col + f.cols; c++) {
        const from = row[c] ?? 0;
        const step = from * ranges + i;
        let to = next.get(step);
        if (to === undefined) {
          const style: CellStyle = { ...styles[from] };
          applyFormat(style, f);
          to = styles.push(style) - 1;
          keys.push(keys[from] + formatKey(f));
          next.set(step, to);
        }
        row[c] = to;
      }
    }
  });
  return { styles, keys, ids };
}

/** What a format range sets, as text: a style's key is its ranges' keys in order. */
function formatKey(f: FormatRange): string {
  return `${f.numberFormat ?? ""}|${f.bold ?? ""}|${f.italic ?? ""}|${f.fontColor ?? ""}|${f.fontSize ?? ""}|${f.fill ?? ""}|${f.wrap ?? ""};`;
}

/** A sheet's distinct styles (0: none) and, per row (0-based) and column, the number of a cell's style. */
export interface SheetStyles {
  styles: CellStyle[];
  /**
   * Per style, the formats it was made from: equal keys give equal styles, in any sheet (two keys may still
   * give one style; ExcelJS merges those when it writes the style list).
   */
  keys: string[];
  /** sparse: rows and columns without a format have none */
  ids: number[][];
}

/**
 * One style object per distinct style, for a writer that writes each row and forgets it (the streaming
 * writer): ExcelJS then registers a style once per object instead of once per cell. Never for a workbook kept
 * in memory, where a later change to one cell's font would change every cell sharing the object. Numbers and
 * other cells get separate objects, as ExcelJS gives an unformatted number the General format and text none.
 */
export class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  /**
   * The style of rows and columns, which carry none: one object for all, since ExcelJS registers a style
   * per object it has not seen, and gave every row and column a new empty one.
   */
  readonly plain: Partial<ExcelJS.Style> = {};
  get(style: CellStyle, styleKey: string, isNumber: boolean): Partial<ExcelJS.Style> {
    const key = `${isNumber ? "n" : "o"}${styleKey}`;
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
  sheet.columnWidths.forEach((w, i) => {
    const column = ws.getColumn(i + 1);
    column.width = w;
    if (shared) column.style = shared.plain;
  });
  const { styles, keys, ids } = cellStyles(sheet);
  // Per style of this sheet, its shared object for a number (2k) and for other cells (2k + 1), looked up
  // once per sheet rather than once per cell.
  const sharedByStyle: Partial<ExcelJS.Style>[] = [];
  const sharedStyle = (id: number, isNumber: boolean) => {
    const k = 2 * id + (isNumber ? 0 : 1);
    return (sharedByStyle[k] ??= shared!.get(styles[id], keys[id], isNumber));
  };
  const lastRow = Math.max(sheet.cells.length, ids.length) - 1;
  for (let r = 0; r <= lastRow; r++) {
    const values = sheet.cells[r];
    const rowStyles = ids[r];
    if (!values?.length && !rowStyles) continue;
    const xrow = ws.getRow(r + 1);
    // ExcelJS gives each row a style object of its own (runtime field, missing from its typings).
    if (shared) (xrow as unknown as { style: Partial<ExcelJS.Style> }).style = shared.plain;
    values?.forEach((value, c) => {
      if (value === null) return;
      const cell = xrow.getCell(c + 1);
      cell.value = value;
      if (shared) cell.style = sharedStyle(rowStyles?.[c] ?? 0, typeof value === "number");
    });
    rowStyles?.forEach((id, c) => {
      if (shared) {
        const value = values?.[c];
        if (value === null || value === undefined) xrow.getCell(c + 1).style = sharedStyle(id, false);
        return;
      }
      const style = styles[id];
      const cell = xrow.getCell(c + 1);
      if (style.numFmt) cell.numFmt = style.numFmt;
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.alignment) cell.alignment = style.alignment;
    });
    xrow.commit();
  }
  sheet.conditional.forEach((cf, i) => ws.addConditionalFormatting(yesNoFormatting(cf, 2 * i + 1)));
}

/** Text containing `text` in green (norm met) or red (missed), as Excel's own "Good" and "Bad" styles. */
function containsTextRule(
  text: string,
  priority: number,
  fill: string,
  font: string,
): ExcelJS.ConditionalFormattingRule {
  return {
    type: "containsText",
    operator: "containsText",
    text,
    priority,
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } },
      font: { color: { argb: font } },
    },
  };
}

/**
 * A ja/nee range's conditional formatting: "ja" green, "nee" red (or the report language's words), with
 * priorities `first` and `first + 1`: a rule's priority is unique on its sheet (Excel's FormatCondition.Priority).
 */
export function yesNoFormatting(cf: YesNoFormat, first = 1): ExcelJS.ConditionalFormattingOptions {
  const { yes, no } = YES_NO_COLOURS;
  return {
    ref: `${colName(cf.col)}${cf.row + 1}:${colName(cf.col + cf.cols - 1)}${cf.row + cf.rows}`,
    rules: [
      containsTextRule(cf.yes ?? "ja", first, argb(yes.fill), argb(yes.font)),
      containsTextRule(cf.no ?? "nee", first + 1, argb(no.fill), argb(no.font)),
    ],
  };
}
