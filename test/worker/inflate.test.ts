/**
 * The inflate worker (src/worker/inflate-pieces.ts, inflate.worker.ts) and the planner worker's side of it
 * (inflate-client.ts): a sheet inflated on another thread, in pieces, reads exactly as inflated here. The
 * worker is faked on this thread with the worker's own inflating; messages arrive as a worker's would, later.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { deflateRawSync } from "zlib";
import {
  inflateHandler,
  inflateInPieces,
  PIECE_BYTES,
  type FromInflater,
  type ToInflater,
} from "../../src/worker/inflate-pieces";
import { workerInflater, type InflateWorker } from "../../src/worker/inflate-client";
import { readStreaming } from "../../src/xlsx/stream-read";
import { addInputTable } from "../../src/xlsx/workbook";
import { smallTables } from "../model/helpers";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

/** Text that compresses as a sheet does, `size` bytes. */
function sheetLike(size: number): Uint8Array {
  const text = Array.from(
    { length: Math.ceil(size / 30) },
    (_, i) => `<row r="${i}"><c r="A${i}"><v>${i * 7}</v></c></row>`,
  )
    .join("")
    .slice(0, size);
  return new TextEncoder().encode(text);
}

async function pieces(deflated: Uint8Array, stopAfter = Infinity) {
  const sent: { piece: Uint8Array; done: boolean }[] = [];
  await inflateInPieces(
    deflated,
    (piece, done) => sent.push({ piece: piece.slice(), done }),
    () => sent.length >= stopAfter,
  );
  return sent;
}

test("a part inflates to the same bytes, in full pieces of 1 MB and a last one marked done", async () => {
  const plain = sheetLike(2.5 * PIECE_BYTES);
  const sent = await pieces(new Uint8Array(deflateRawSync(plain)));
  expect(sent.map((s) => s.piece.length)).toEqual([PIECE_BYTES, PIECE_BYTES, plain.length - 2 * PIECE_BYTES]);
  expect(sent.map((s) => s.done)).toEqual([false, false, true]);
  expect(Buffer.concat(sent.map((s) => s.piece)).equals(Buffer.from(plain))).toBe(true);
  // An empty part: one empty last piece.
  expect(await pieces(new Uint8Array(deflateRawSync(new Uint8Array(0))))).toEqual([
    { piece: new Uint8Array(0), done: true },
  ]);
});

test("inflating stops when its reader has gone, and broken bytes fail", async () => {
  const sent = await pieces(new Uint8Array(deflateRawSync(sheetLike(5 * PIECE_BYTES))), 1);
  expect(sent).toHaveLength(1);
  expect(sent[0].done).toBe(false);
  await expect(pieces(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow();
});

/** The inflate worker on this thread: the worker entry's own handling, its messages delivered later. */
class FakeInflateWorker implements InflateWorker {
  onmessage: ((e: MessageEvent<FromInflater>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: ToInflater[] = [];
  piecesSent = 0;
  terminated = false;
  private handle = inflateHandler((data) => {
    if ("piece" in data) this.piecesSent++;
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<FromInflater>), 0);
  });
  postMessage(message: ToInflater): void {
    this.received.push(message);
    void this.handle(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function largeWorkbook(rows: number): Promise<Uint8Array> {
  const t = smallTables();
  const wb = new ExcelJS.Workbook();
  for (const table of ["Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
    addInputTable(wb, table as never, t[table]!.slice(1) as never);
  const formation = t.Formatie!.slice(1);
  addInputTable(
    wb,
    "Formatie",
    Array.from({ length: rows }, (_, i) => formation[i % formation.length]) as never,
  );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("a workbook read with the worker's pieces gives what reading it here gives (the sample, and rows over several pieces)", async () => {
  const workers: FakeInflateWorker[] = [];
  const inflater = workerInflater(() => {
    workers.push(new FakeInflateWorker());
    return workers.at(-1)!;
  });
  const sample = new Uint8Array(fs.readFileSync(SAMPLE));
  expect(await readStreaming(sample, undefined, undefined, undefined, { inflater })).toStrictEqual(
    await readStreaming(sample),
  );
  const large = await largeWorkbook(20_000);
  const sentBefore = workers[0].piecesSent;
  const read = await readStreaming(large, undefined, undefined, undefined, { inflater });
  expect(read).toStrictEqual(await readStreaming(large));
  expect(read!.tables.Formatie).toHaveLength(20_001);
  // One worker for all parts, and the formation sheet came in more than one piece.
  expect(workers).toHaveLength(1);
  expect(workers[0].piecesSent - sentBefore).toBeGreaterThan(2);
}, 60_000);

test("a part left before its end is stopped in the worker; a failing or crashing worker fails the read", async () => {
  const workers: FakeInflateWorker[] = [];
  const inflater = workerInflater(() => {
    workers.push(new FakeInflateWorker());
    return workers.at(-1)!;
  });
  const deflated = (pieces = 4) => new Uint8Array(deflateRawSync(sheetLike(pieces * PIECE_BYTES)));
  for await (const piece of inflater(deflated(6))) {
    expect(piece.length).toBe(PIECE_BYTES);
    break;
  }
  expect(workers[0].received.at(-1)).toEqual({ id: 1, stop: true });
  // The worker's own handling stops inflating it: fewer pieces than the part's seven.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(workers[0].piecesSent).toBeLessThan(7);

  await expect(async () => {
    for await (const _ of inflater(new Uint8Array([9, 9, 9, 9, 9, 9]))) void _;
  }).rejects.toThrow();

  const reading = (async () => {
    for await (const _ of inflater(deflated())) void _;
  })();
  workers[0].onerror?.({ message: "kapot / broken" } as ErrorEvent);
  await expect(reading).rejects.toThrow("kapot / broken");
  expect(workers[0].terminated).toBe(true);
  // The next part starts a new worker.
  let bytes = 0;
  for await (const piece of inflater(deflated())) bytes += piece.length;
  expect(bytes).toBe(4 * PIECE_BYTES);
  expect(workers).toHaveLength(2);

  // A part complete before the worker fails keeps its pieces: its reader takes them all.
  const complete = inflater(deflated(2))[Symbol.asyncIterator]();
  const first = await complete.next();
  for (let i = 0; i < 100 && workers[1].piecesSent < 8; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 20));
  workers[1].onerror?.({ message: "kapot / broken" } as ErrorEvent);
  let rest = 0;
  for (let next = await complete.next(); !next.done; next = await complete.next()) rest += next.value.length;
  expect((first.value as Uint8Array).length + rest).toBe(2 * PIECE_BYTES);
});
