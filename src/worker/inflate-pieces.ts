/**
 * Inflating a large zip part in the inflate worker (./inflate.worker.ts) while the planner worker reads the
 * pieces already inflated (./inflate-client.ts). Chromium's DecompressionStream inflates each chunk it is
 * given in one go, on the thread that reads it: a sheet's compressed bytes as one chunk held the planner
 * worker for 0.2 to 0.3 s (150,000 rows) before its first row. Here the input goes in 64 kB at a time, so the
 * first piece comes at once, and the pieces go on in 1 MB (few messages, each moved, not copied).
 */

/** Messages to the inflate worker: a part to inflate, or the end of one no longer read. */
export type ToInflater = { id: number; deflated: Uint8Array } | { id: number; stop: true };
/** Messages from it: the next piece of a part (the last one with `done`), or why it failed. */
export type FromInflater = { id: number; piece: Uint8Array; done: boolean } | { id: number; error: string };

/** Resolves in a task of its own (a message to itself: no timer clamping), letting queued messages in first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Inflated bytes per piece handed on. */
export const PIECE_BYTES = 1 << 20;
/** Compressed bytes fed to the inflater at a time (about 600 kB of sheet XML each). */
const INPUT_BYTES = 1 << 16;

/**
 * Inflates raw-deflate `deflated` with the platform's DecompressionStream and gives `send` its pieces in
 * order, the last with done = true (empty when the part is). Stops between pieces once `stopped()` says so.
 */
export async function inflateInPieces(
  deflated: Uint8Array,
  send: (piece: Uint8Array, done: boolean) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  let at = 0;
  const input = new ReadableStream<BufferSource>({
    pull(controller) {
      if (at >= deflated.length) return controller.close();
      controller.enqueue(deflated.subarray(at, at + INPUT_BYTES) as Uint8Array<ArrayBuffer>);
      at += INPUT_BYTES;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  let piece = new Uint8Array(PIECE_BYTES);
  let filled = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (stopped()) {
      await reader.cancel();
      return;
    }
    let bytes = next.value;
    while (bytes.length > 0) {
      const n = Math.min(bytes.length, PIECE_BYTES - filled);
      piece.set(bytes.subarray(0, n), filled);
      filled += n;
      bytes = bytes.subarray(n);
      if (filled === PIECE_BYTES) {
        send(piece, false);
        piece = new Uint8Array(PIECE_BYTES);
        filled = 0;
        // A stream made here inflates in microtasks: without a task between pieces, the worker would take
        // no message (a stop, another part) until the whole part is inflated.
        await nextTask();
      }
    }
  }
  send(piece.slice(0, filled), true);
}

/**
 * The inflate worker's handling of its messages (the worker's entry gives it postMessage): parts inflate side
 * by side, each piece moved to the reader; a stop ends a part still inflating.
 */
export function inflateHandler(
  post: (message: FromInflater, transfer?: Transferable[]) => void,
): (message: ToInflater) => Promise<void> {
  // Parts being inflated, and those of them whose reader has gone (another workbook was opened).
  const inflating = new Set<number>();
  const stopped = new Set<number>();
  return async (message) => {
    if ("stop" in message) {
      // A stop that crossed the part's last piece finds it done.
      if (inflating.has(message.id)) stopped.add(message.id);
      return;
    }
    const { id, deflated } = message;
    inflating.add(id);
    try {
      await inflateInPieces(
        deflated,
        (piece, done) => post({ id, piece, done }, [piece.buffer]),
        () => stopped.has(id),
      );
    } catch (error) {
      post({ id, error: (error as Error)?.message ?? String(error) });
    } finally {
      inflating.delete(id);
      stopped.delete(id);
    }
  };
}
