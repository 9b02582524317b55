/**
 * The zip under the report's streaming writer (report-file.ts). ExcelJS's writer zips with archiver, which
 * pipes every part through a chain of streams that needs the main thread between each 64 kB piece; with
 * thousands of sheets the main thread then spends most of its time waiting for the zip instead of making
 * sheets. Here each part is handed over whole: Node's zlib deflates it in its thread pool (on the other
 * core) in one call, and fflate's Zip lays out the archive, keeping the parts in the order they were added.
 * A part is deflated through fflate's documented extension point (a ZipPassThrough subclass that overrides
 * `process`), so the archive format is fflate's, the compression zlib's; nothing of it is written by hand.
 */
import { EventEmitter } from "events";
import type { Writable } from "stream";
import * as zlib from "zlib";
import { type FlateError, Zip, ZipPassThrough } from "fflate";
import { OutputRefused } from "./output-file";

/**
 * The zip format without zip64, as fflate writes it: entry counts in 16 bits, sizes and offsets in 32. A
 * report beyond either is refused with a message, never written corrupt.
 */
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/** One part, deflated whole by zlib in its thread pool. */
class ZlibDeflatedPart extends ZipPassThrough {
  /** read by fflate's Zip for the header's general-purpose flag (ZipInputFile.flag) */
  flag: number;

  constructor(
    name: string,
    private readonly level: number,
    private readonly onDeflated: () => void,
  ) {
    super(name);
    this.compression = 8;
    // The "compression option" bits of the general-purpose flag, as fflate's own ZipDeflate sets them.
    this.flag = level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
  }

  override process(chunk: Uint8Array, final: boolean): void {
    zlib.deflateRaw(chunk, { level: this.level }, (error, deflated) => {
      this.onDeflated();
      this.ondata(error as FlateError | null, deflated, final);
    });
  }
}

/**
 * What ExcelJS's WorkbookWriter asks of its zip (`append` a part by name, `finalize`, `error` events), on
 * fflate and zlib. Emits `error` on any failure; `whenCaughtUp()` lets the producer wait while more than a
 * few parts are still being deflated, so that memory stays a few sheets deep.
 */
export class ReportZip extends EventEmitter {
  private readonly zip: Zip;
  private entries = 0;
  private written = 0;
  private pending = 0;
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;

  constructor(
    private readonly sink: Writable,
    private readonly level = 6,
    /** the format's limit; smaller only in tests */
    private readonly maxEntries = MAX_ENTRIES,
  ) {
    super();
    this.zip = new Zip((error, chunk, final) => {
      // Parts still being deflated when the zip was stopped end here, not in the sink.
      if (this.failure) return;
      if (error) return this.abort(error);
      this.written += chunk.length;
      if (this.written > MAX_OFFSET)
        return this.abort(
          new OutputRefused(
            "het rapport wordt groter dan 4 GB, meer dan dit .xlsx-formaat kan bevatten; kies minder scenario's.",
            "the report grows beyond 4 GB, more than this .xlsx format can hold; choose fewer scenarios.",
          ),
        );
      this.sink.write(chunk);
      if (final) this.sink.end();
    });
  }

  /** A part: XML text or bytes. Names lose a leading slash, as archiver's did (zip names are relative). */
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): this {
    if (this.failure) return this;
    if (++this.entries > this.maxEntries) {
      this.abort(
        new OutputRefused(
          `het rapport krijgt meer dan ${this.maxEntries.toLocaleString("nl-NL")} delen (bladen), meer dan dit .xlsx-formaat kan bevatten; kies minder scenario's.`,
          `the report gets more than ${this.maxEntries.toLocaleString("en-GB")} parts (sheets), more than this .xlsx format can hold; choose fewer scenarios.`,
        ),
      );
      return this;
    }
    const bytes = typeof data === "string" ? Buffer.from(data, options.base64 ? "base64" : "utf8") : data;
    const part = new ZlibDeflatedPart(options.name.replace(/^\/+/, ""), this.level, () => {
      this.pending--;
      this.release();
    });
    this.pending++;
    this.zip.add(part);
    part.push(bytes, true);
    return this;
  }

  /** Media by file name: the report has none. */
  file(): never {
    throw new Error("ReportZip: media files are not part of a report");
  }

  /** No more parts: the central directory follows the last part once it is deflated. */
  finalize(): void {
    // After a failure, whoever waits for the end (ExcelJS's commit) hears of it instead of waiting forever.
    if (this.failure) this.emit("error", this.failure);
    else this.zip.end();
  }

  /** Resolves once at most `depth` parts are still being deflated (or the zip has failed). */
  async whenCaughtUp(depth: number): Promise<void> {
    while (this.pending > depth && !this.failure)
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  get error(): Error | null {
    return this.failure;
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Stops the zip for good: no further part or byte goes to the sink, and `error` is emitted once. */
  abort(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.zip.terminate();
    this.release();
    this.emit("error", error);
  }
}
