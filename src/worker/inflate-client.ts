/**
 * The planner worker's side of the inflate worker (./inflate.worker.ts): a PartInflater for the streaming
 * reader (src/xlsx/stream-read.ts) whose pieces are inflated on another thread while this one reads the
 * pieces already there. One worker, started at the first part and kept; parts are told apart by number.
 */
import type { PartInflater } from "../xlsx/stream-read";
import type { FromInflater, ToInflater } from "./inflate-pieces";

/** The part of a Worker this uses (a fake in tests). */
export interface InflateWorker {
  postMessage(message: ToInflater, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromInflater>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** A part being read: its pieces so far, and the reader waiting for the next one. */
interface Part {
  pieces: Uint8Array[];
  done: boolean;
  error: Error | null;
  wake: (() => void) | null;
}

export function workerInflater(start: () => InflateWorker): PartInflater {
  let worker: InflateWorker | null = null;
  let nextId = 1;
  const parts = new Map<number, Part>();
  const wake = (part: Part) => {
    const waiting = part.wake;
    part.wake = null;
    waiting?.();
  };
  const running = (): InflateWorker => {
    if (worker) return worker;
    const w = start();
    w.onmessage = (e) => {
      const part = parts.get(e.data.id);
      if (!part) return;
      if ("error" in e.data) part.error = new Error(e.data.error);
      else {
        part.pieces.push(e.data.piece);
        part.done = e.data.done;
      }
      wake(part);
    };
    // A worker that cannot start or crashes fails the parts under way; the next part starts a new one.
    w.onerror = (e) => {
      w.terminate();
      if (worker === w) worker = null;
      for (const part of parts.values()) {
        // A part whose last piece has come is complete; its reader takes the pieces it has not yet read.
        if (part.done) continue;
        part.error = new Error(e.message || "inflate-worker / inflate worker");
        wake(part);
      }
    };
    return (worker = w);
  };
  return (deflated) => {
    const id = nextId++;
    const part: Part = { pieces: [], done: false, error: null, wake: null };
    parts.set(id, part);
    const w = running();
    w.postMessage({ id, deflated }, [deflated.buffer]);
    return (async function* () {
      try {
        for (;;) {
          const piece = part.pieces.shift();
          if (piece) {
            if (piece.length > 0) yield piece;
            continue;
          }
          if (part.error) throw part.error;
          if (part.done) return;
          await new Promise<void>((resolve) => (part.wake = resolve));
        }
      } finally {
        parts.delete(id);
        // Left before the end (another workbook was opened, or the read failed): the worker stops inflating it.
        if (!part.done && !part.error && worker === w) w.postMessage({ id, stop: true });
      }
    })();
  };
}
