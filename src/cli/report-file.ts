/**
 * The `run --out` report written with ExcelJS's streaming writer: each sheet is built, filled, committed and
 * forgotten before the next, so time and memory grow linearly with the number of scenarios (10,000 scenario
 * sheets in seconds, where the in-memory workbook took minutes and gigabytes). Same layout as the preview's
 * in-memory workbook (src/xlsx/report-sheet.ts fills both).
 */
import { EventEmitter } from "events";
import type { Writable } from "stream";
import ExcelJS from "exceljs";
import type { ReportSheet } from "../model/report";
import { fillReportSheet, SharedStyles } from "../xlsx/report-sheet";
import { ReportZip } from "./report-zip";

/** sheets written but not yet compressed, at most */
const IN_FLIGHT = 8;

/**
 * A part's XML as ExcelJS's writers hand it over (text, bytes, or its StringBuf), gathered into one growing
 * buffer; at `end` the whole part goes to the zip. Stands in for ExcelJS's StreamBuf, whose stream plumbing
 * is what made the zip slow (report-zip.ts).
 */
class PartBuffer extends EventEmitter {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  constructor(private readonly done: (part: Uint8Array) => void) {
    super();
  }

  write(data: string | Uint8Array | { length: number; buffer: Buffer }, ...rest: unknown[]): boolean {
    if (typeof data === "string") {
      this.reserve(Buffer.byteLength(data));
      this.length += this.bytes.write(data, this.length);
    } else if (data instanceof Uint8Array) {
      this.reserve(data.length);
      this.bytes.set(data, this.length);
      this.length += data.length;
    } else {
      // ExcelJS's StringBuf: its first `length` bytes
      this.reserve(data.length);
      data.buffer.copy(this.bytes, this.length, 0, data.length);
      this.length += data.length;
    }
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }

  end(): void {
    this.done(this.bytes.subarray(0, this.length));
    this.bytes = Buffer.alloc(0);
    this.emit("finish");
    this.emit("zipped");
  }

  /** The writers pause their stream so that nothing reads it early; a buffer has nothing to pause. */
  pause(): void {}

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

type WorkbookWriterInternals = {
  zip: unknown;
  stream: Writable;
  promise: Promise<unknown>;
  addThemes(): Promise<void>;
  addOfficeRels(): Promise<void>;
  _openStream(path: string): unknown;
  _worksheets: unknown[];
};

/**
 * ExcelJS's WorkbookWriter with its zip replaced by ReportZip. Its constructor starts archiver and hands it
 * the theme and the package relationships; that archiver is aborted and both parts go to ReportZip instead.
 */
function workbookWriterOn(zip: ReportZip, sink: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true });
  const internals = workbook as unknown as WorkbookWriterInternals;
  (internals.zip as { abort(): void }).abort();
  internals.zip = zip;
  internals.stream = sink;
  internals.promise = Promise.all([internals.addThemes(), internals.addOfficeRels()]);
  internals._openStream = (path: string) => new PartBuffer((part) => zip.append(part, { name: path }));
  // ExcelJS finds a sheet's id by scanning all sheets for a gap (quadratic: 2 s at 10,000 sheets). A report
  // never removes a sheet, so there is no gap and the next id is the count, as that scan would find.
  Object.defineProperty(workbook, "nextId", { get: () => Math.max(1, internals._worksheets.length) });
  return workbook;
}

/**
 * Streams the sheets, in order, as an .xlsx into `sink`; `sheets` may be lazy (a generator), so that only
 * one sheet's layout is held at a time. Resolves when the last byte has been handed to `sink`.
 */
export async function streamReport(
  sink: Writable,
  sheets: Iterable<ReportSheet>,
  creator: string,
): Promise<void> {
  const zip = new ReportZip(sink);
  // A failing sink (disk full) or zip: the sheets stop, and commit() below is not reached.
  sink.once("error", (e) => zip.abort(e));
  let failed: unknown = null;
  zip.on("error", (e) => (failed = e));
  const workbook = workbookWriterOn(zip, sink);
  workbook.creator = creator;
  const shared = new SharedStyles();
  for (const sheet of sheets) {
    if (failed) throw failed;
    const ws = workbook.addWorksheet(sheet.name, {
      views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows }] : undefined,
    });
    fillReportSheet(ws, sheet, shared);
    ws.commit();
    // Back-pressure: compressing runs in zlib's thread pool alongside the next sheets, a few deep.
    await zip.whenCaughtUp(IN_FLIGHT);
  }
  if (failed) throw failed;
  await workbook.commit();
  if (failed) throw failed;
}
