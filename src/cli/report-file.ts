/**
 * The `run --out` report written with ExcelJS's streaming writer: each sheet is built, filled, committed and
 * forgotten before the next, so time and memory grow linearly with the number of scenarios (10,000 scenario
 * sheets in seconds, where the in-memory workbook took minutes and gigabytes). Same layout as the preview's
 * in-memory workbook (src/xlsx/report-sheet.ts fills both).
 */
import type { EventEmitter } from "events";
import type { Writable } from "stream";
import ExcelJS from "exceljs";
import type { ReportSheet } from "../model/report";
import { fillReportSheet, SharedStyles } from "../xlsx/report-sheet";

/** sheets written but not yet compressed, at most */
const IN_FLIGHT = 8;

/**
 * Streams the sheets, in order, as an .xlsx into `sink`; `sheets` may be lazy (a generator), so that only
 * one sheet's layout is held at a time. Resolves when the last byte has been handed to `sink`.
 */
export async function streamReport(
  sink: Writable,
  sheets: Iterable<ReportSheet>,
  creator: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = creator;
  // A failing sink (disk full) rejects commit(); until then the sheets keep being handed to the zip.
  let failed: unknown = null;
  sink.once("error", (e) => (failed = e));
  // Back-pressure: the zip takes the committed sheets one by one; wait while more than a few are queued, so
  // that the written but not yet compressed XML stays a few sheets deep instead of piling up (a few, not
  // one, so that compressing, which runs off the main thread, overlaps with making the next sheets).
  const zip = (workbook as unknown as { zip: EventEmitter }).zip;
  let zipped = 0;
  zip.on("entry", () => zipped++);
  const nextEntry = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        zip.off("entry", done);
        sink.off("error", done);
        resolve();
      };
      zip.on("entry", done);
      sink.on("error", done);
    });
  const shared = new SharedStyles();
  let committed = 0;
  for (const sheet of sheets) {
    if (failed) throw failed;
    const ws = workbook.addWorksheet(sheet.name, {
      views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows }] : undefined,
    });
    fillReportSheet(ws, sheet, shared);
    ws.commit();
    committed++;
    while (committed - zipped > IN_FLIGHT && !failed) await nextEntry();
  }
  await workbook.commit();
  if (failed) throw failed;
}
