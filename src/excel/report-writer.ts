/**
 * Writing the report so that nothing is lost. The add-in recognises its own sheets by a workbook setting
 * (Excel.SettingCollection, stored in the file) listing each report sheet's id and name, never by what a
 * cell says: a user's copy of a report sheet (Excel's "Move or Copy" keeps every cell) has another id and
 * is never touched, and neither is a report sheet the user renamed. The new report is written before
 * anything old is removed; a report sheet that keeps its name is cleared and rewritten in place, so the
 * user's formulas pointing at it stay valid. Values go in blocks under 4 MB, with calculation suspended.
 */
import { uniqueSheetName, YES_NO_COLOURS, type ReportSheet } from "../model/report";
import type { ReportResult } from "../model/ports";
import { payloadSize, rowsToExcel } from "./cells";

/** Excel on the web refuses requests over 5 MB; stay under 4 MB per sync. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** The workbook setting that lists the add-in's own report sheets. */
export const REPORT_SETTING = "Formatieplanner.rapportbladen";

export interface OwnedSheet {
  id: string;
  name: string;
}

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

function ownedFrom(value: unknown): OwnedSheet[] {
  const sheets = (value as { sheets?: unknown } | null)?.sheets;
  return Array.isArray(sheets)
    ? sheets.filter((s): s is OwnedSheet => typeof s?.id === "string" && typeof s?.name === "string")
    : [];
}

export async function writeReportSheets(
  context: Excel.RequestContext,
  sheets: ReportSheet[],
): Promise<ReportResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  const setting = context.workbook.settings.getItemOrNullObject(REPORT_SETTING);
  setting.load("value");
  await context.sync();

  // Ours: listed in the setting under the same id and the same name (a renamed sheet is the user's now).
  const listed = setting.isNullObject ? [] : ownedFrom(setting.value);
  const owned = worksheets.items.filter((ws) =>
    listed.some((o) => o.id === ws.id && o.name.toLowerCase() === ws.name.toLowerCase()),
  );
  const taken = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
  const reuse = new Map<number, Excel.Worksheet>();
  const renamed: ReportResult["renamed"] = [];
  const names = sheets.map((s, i) => {
    const mine = owned.find(
      (ws) => ws.name.toLowerCase() === s.name.toLowerCase() && ![...reuse.values()].includes(ws),
    );
    if (mine) {
      reuse.set(i, mine);
      return mine.name;
    }
    const used = uniqueSheetName(s.name, taken);
    taken.add(used.toLowerCase());
    if (used !== s.name) renamed.push({ wanted: s.name, used });
    return used;
  });

  // New sheets first, and registered at once, so that a failure further on leaves them recognisable.
  const targets = sheets.map((_, i) => reuse.get(i) ?? worksheets.add(names[i]));
  for (const ws of targets) ws.load("id,name");
  const oldCharts = [...reuse.values()].map((ws) => ws.charts.load("items/name"));
  await context.sync();
  const mine: OwnedSheet[] = targets.map((ws) => ({ id: ws.id, name: ws.name }));
  const keep = (o: OwnedSheet) => owned.some((ws) => ws.id === o.id);
  context.workbook.settings.add(REPORT_SETTING, {
    sheets: [...listed.filter(keep), ...mine.filter((m) => !listed.some((o) => o.id === m.id))],
  });

  context.application.suspendApiCalculationUntilNextSync();
  let pending = 0;
  const syncNow = async () => {
    await context.sync();
    context.application.suspendApiCalculationUntilNextSync();
    pending = 0;
  };
  const flush = async (bytes: number) => {
    if (pending + bytes > MAX_REQUEST_BYTES && pending > 0) await syncNow();
    pending += bytes;
  };

  // A kept sheet is cleared and rewritten in the same request, cell formats and charts included.
  for (const charts of oldCharts) for (const chart of charts.items) chart.delete();
  for (const ws of reuse.values()) {
    const everything = ws.getRange();
    everything.conditionalFormats.clearAll();
    everything.clear(Excel.ClearApplyTo.all);
    ws.freezePanes.unfreeze();
  }

  for (const [i, sheet] of sheets.entries()) {
    const ws = targets[i];
    // Rows are ragged (Grid.sheet); Excel's range.values wants a rectangle, padded here one chunk at a time.
    let cols = 0;
    for (const row of sheet.cells) cols = Math.max(cols, row.length);
    const padded = (row: readonly unknown[]) =>
      row.length === cols ? row : [...row, ...new Array<null>(cols - row.length).fill(null)];
    // Values in chunks of rows, filling each request up to the limit, then one sync.
    let start = 0;
    while (start < sheet.cells.length && cols > 0) {
      let end = start;
      let bytes = 0;
      while (end < sheet.cells.length) {
        // JSON of the row, plus the apostrophe of each text cell, plus the range's own overhead.
        const size = payloadSize(padded(sheet.cells[end])) + cols + 8;
        if (pending + bytes + size + 200 > MAX_REQUEST_BYTES) break;
        bytes += size;
        end++;
      }
      if (end === start) {
        if (pending === 0)
          throw new Error(`report row ${start + 1} of '${names[i]}' exceeds the request limit`);
        await syncNow();
        continue;
      }
      pending += bytes + 200;
      // Strings as text: a scenario called "-10% kaasschaaf" or "=HYPERLINK(...)" stays a name.
      ws.getRangeByIndexes(start, 0, end - start, cols).values = rowsToExcel(
        sheet.cells.slice(start, end).map(padded),
      );
      start = end;
    }
    let formatBytes = 0;
    for (const f of sheet.formats) {
      const range = ws.getRangeByIndexes(f.row, f.col, f.rows, f.cols);
      if (f.numberFormat) {
        range.numberFormat = fill(f.rows, f.cols, f.numberFormat);
        formatBytes += f.rows * f.cols * (f.numberFormat.length + 3);
      }
      if (f.bold !== undefined) range.format.font.bold = f.bold;
      if (f.italic !== undefined) range.format.font.italic = f.italic;
      if (f.fontColor) range.format.font.color = f.fontColor;
      if (f.fontSize) range.format.font.size = f.fontSize;
      if (f.fill) range.format.fill.color = f.fill;
      if (f.wrap) range.format.wrapText = true;
      formatBytes += 150;
    }
    await flush(formatBytes);
    for (const cf of sheet.conditional) {
      const range = ws.getRangeByIndexes(cf.row, cf.col, cf.rows, cf.cols);
      for (const [text, { fill, font }] of [
        [cf.yes ?? "ja", YES_NO_COLOURS.yes],
        [cf.no ?? "nee", YES_NO_COLOURS.no],
      ] as const) {
        const format = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
        format.textComparison.format.fill.color = fill;
        format.textComparison.format.font.color = font;
        format.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text };
      }
    }
    // Widths fitted to the content in the model (src/model/report-layout.ts), the same as the .xlsx writer's;
    // not RangeFormat.autofitColumns, which fits a column to the range's own cells only, so a title or note
    // in column A would make it a sentence wide. RangeFormat.columnWidth is in points: about 6 per character.
    sheet.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 6));
    // Rows as high as their wrapped headers and texts need (RangeFormat.autofitRows, ExcelApi 1.2).
    if (sheet.cells.length > 0 && cols > 0)
      ws.getRangeByIndexes(0, 0, sheet.cells.length, cols).format.autofitRows();
    for (const chart of sheet.charts) {
      // Only the numbers are the chart's source; series names and categories (the years, as text) are
      // set explicitly, so Excel never guesses a column of years to be a series.
      const d = chart.data;
      const header = sheet.cells[d.row] ?? [];
      const numbers = ws.getRangeByIndexes(d.row + 1, d.col + 1, d.rows - 1, d.cols - 1);
      const categories = ws.getRangeByIndexes(d.row + 1, d.col, d.rows - 1, 1);
      const added = ws.charts.add(
        chart.type === "line" ? Excel.ChartType.line : Excel.ChartType.columnClustered,
        numbers,
        Excel.ChartSeriesBy.columns,
      );
      for (let s = 0; s < d.cols - 1; s++) {
        const series = added.series.getItemAt(s);
        series.name = String(header[d.col + 1 + s] ?? "");
        series.setXAxisValues(categories);
      }
      added.title.text = chart.title;
      added.axes.valueAxis.numberFormat = chart.yFormat;
      const topLeft = ws.getRangeByIndexes(chart.anchor.row, chart.anchor.col, 1, 1);
      const bottomRight = ws.getRangeByIndexes(chart.anchor.row + 14, chart.anchor.col + 7, 1, 1);
      added.setPosition(topLeft, bottomRight);
    }
    // WorksheetFreezePanes.freezeAt (ExcelApi 1.7) freezes rows and columns at once: "the cells that will be
    // frozen in the top- and left-most pane".
    const freezeRows = sheet.freezeRows ?? 0;
    const freezeColumns = sheet.freezeColumns ?? 0;
    if (freezeRows > 0 && freezeColumns > 0)
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freezeRows, freezeColumns));
    else if (freezeRows > 0) ws.freezePanes.freezeRows(freezeRows);
    else if (freezeColumns > 0) ws.freezePanes.freezeColumns(freezeColumns);
  }
  targets[0]?.activate();
  await context.sync();

  // Only now, with the new report in place: remove the old report sheets no longer in it.
  const stale = owned.filter((ws) => !targets.includes(ws));
  for (const ws of stale) ws.delete();
  context.workbook.settings.add(REPORT_SETTING, { sheets: mine });
  await context.sync();
  return { sheets: names, renamed };
}
