/**
 * Column widths from a report sheet's content, the same for both writers (ExcelJS has no autofit; the add-in
 * sets the same widths so that both reports look alike). Widths are in characters of Excel's default font.
 * - A row holding a single value (a title, a note) spills over the empty cells beside it: it does not widen
 *   its column.
 * - A header that wraps counts with its longest word, so headers wrap instead of widening the column.
 * - Numbers count as they are shown: thousands separators, decimals, currency sign, percent.
 * - A text longer than its column's limit wraps (a wrap format is added for it).
 */
import type { CellValue, FormatRange } from "./report";

export const MIN_WIDTH = 8;
export const MAX_WIDTH = 60;
/** Excel's padding around a cell's text, in characters. */
const PADDING = 2;

/** How many characters a number takes in an Excel number format (the positive section). */
export function shownLength(value: number, format: string | undefined): number {
  if (!format || format === "General") return String(Math.round(value * 1e6) / 1e6).length;
  const info = formatInfo(format);
  if (info.dateLength !== null) return info.dateLength;
  const { percent, decimals, grouped, literal } = value < 0 && info.negative ? info.negative : info.positive;
  const shown = Math.abs(percent ? value * 100 : value);
  const whole = Math.trunc(Math.round(shown * 10 ** decimals) / 10 ** decimals);
  const digits = String(whole).length;
  const separators = grouped ? Math.floor((digits - 1) / 3) : 0;
  return (
    digits + separators + (decimals > 0 ? decimals + 1 : 0) + literal + (value < 0 && !info.negative ? 1 : 0)
  );
}

interface Section {
  percent: boolean;
  decimals: number;
  grouped: boolean;
  /** literal text around the number: "€ ", a minus sign in the negative section, the percent sign */
  literal: number;
}

interface FormatInfo {
  /** a date format's length, null for a number format */
  dateLength: number | null;
  positive: Section;
  /** the second section, when the format has one */
  negative: Section | null;
}

// A report has a handful of formats and hundreds of thousands of numbers: each format is read once.
const formatInfos = new Map<string, FormatInfo>();
function formatInfo(format: string): FormatInfo {
  let info = formatInfos.get(format);
  if (!info) {
    const parts = format.split(";");
    info = {
      dateLength: /[dmy]{2}/i.test(format) && !/[#0]/.test(format) ? format.length : null,
      positive: sectionOf(parts[0]),
      negative: parts.length > 1 ? sectionOf(parts[1]) : null,
    };
    formatInfos.set(format, info);
  }
  return info;
}

function sectionOf(section: string): Section {
  return {
    percent: section.includes("%"),
    decimals: /\.([0#]+)/.exec(section)?.[1].length ?? 0,
    grouped: section.includes(","),
    literal: section.replace(/\[[^\]]*\]/g, "").replace(/[#0.,]/g, "").length,
  };
}

export interface FittedColumns {
  widths: number[];
  /** wrap formats for texts longer than their column */
  wraps: FormatRange[];
}

export function fitColumns(
  cells: CellValue[][],
  formats: FormatRange[],
  maxWidths: (number | undefined)[] = [],
): FittedColumns {
  let width = 0;
  for (const r of cells) width = Math.max(width, r.length);
  // Number format and wrap of each cell, from the format ranges (last one wins, as in the writers); per row,
  // only for rows that have such a format.
  const numberFormat: (string | undefined)[][] = [];
  const wrapped: boolean[][] = [];
  for (const f of formats) {
    if (!f.numberFormat && !f.wrap) continue;
    // Only the cells that exist (rows are ragged): the work stays linear in the cells written.
    for (let r = f.row; r < Math.min(f.row + f.rows, cells.length); r++) {
      const to = Math.min(f.col + f.cols, cells[r].length);
      if (f.numberFormat) {
        const row = (numberFormat[r] ??= []);
        for (let c = f.col; c < to; c++) row[c] = f.numberFormat;
      }
      if (f.wrap) {
        const row = (wrapped[r] ??= []);
        for (let c = f.col; c < to; c++) row[c] = true;
      }
    }
  }
  const widths = new Array<number>(width).fill(MIN_WIDTH);
  const long: [number, number][] = [];
  cells.forEach((row, r) => {
    let filled = 0;
    for (const v of row) if (v !== null && v !== "") filled++;
    if (filled < 2) return;
    const formatsOfRow = numberFormat[r];
    const wrapsOfRow = wrapped[r];
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      let chars: number;
      if (typeof v === "number") chars = shownLength(v, formatsOfRow?.[c]);
      else if (typeof v === "boolean") chars = 5;
      else if (wrapsOfRow?.[c]) chars = Math.max(...v.split(/\s+/).map((w) => w.length));
      else chars = v.length;
      const cap = maxWidths[c] ?? MAX_WIDTH;
      if (chars + PADDING > cap && typeof v === "string") long.push([r, c]);
      widths[c] = Math.max(widths[c], Math.min(cap, chars + PADDING));
    });
  });
  const wraps = long
    .filter(([r, c]) => !wrapped[r]?.[c])
    .map(([row, col]) => ({ row, col, rows: 1, cols: 1, wrap: true }));
  return { widths, wraps };
}
