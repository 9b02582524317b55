/**
 * The planner worker's line to the editable workbook: tasks go to a worker of its own when the planner
 * worker can start one (the preview in a browser), else to the same handlers on this thread (jsdom, Node).
 * Each task resolves with the holder's answer; a holder's progress goes to the task's onProgress.
 */
import { createWorkbookHandler, type WorkbookRequest } from "./workbook-handlers";
import type { FromWorker, TaskOutput, ToWorker } from "./protocol";

/** The part of a Worker this uses (a fake in tests). */
export interface HostWorker {
  postMessage(message: ToWorker, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface WorkbookHost {
  call<R extends WorkbookRequest>(
    request: R,
    onProgress?: (done: number, total: number, stage: string) => void,
  ): Promise<TaskOutput<R>>;
  /** ends the holder (another workbook is opened); tasks still waiting fail */
  end(): void;
}

export function startWorkbookHost(start?: () => HostWorker): WorkbookHost {
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (output: unknown) => void;
      reject: (e: Error) => void;
      onProgress?: (done: number, total: number, stage: string) => void;
    }
  >();
  const receive = (message: FromWorker) => {
    const p = pending.get(message.id);
    if (!p) return;
    if (message.kind === "progress") return p.onProgress?.(message.done, message.total, message.stage);
    pending.delete(message.id);
    if (message.kind === "done") p.resolve(message.output);
    else p.reject(new Error(message.message));
  };
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  let send: (message: ToWorker, transfer: Transferable[]) => void;
  let worker: HostWorker | null = null;
  if (start) {
    worker = start();
    worker.onmessage = (e) => receive(e.data);
    // A worker that cannot load fails every task waiting on it, with the browser's reason.
    worker.onerror = (e) => failAll(new Error(e.message || "Werkmap-worker / workbook worker"));
    send = (message, transfer) => worker!.postMessage(message, transfer);
  } else {
    // Answers arrive a tick later, as from a worker.
    const handle = createWorkbookHandler((message) => queueMicrotask(() => receive(message)));
    send = (message) => void handle(message);
  }
  return {
    call: (request, onProgress) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (output: unknown) => void, reject, onProgress });
        send({ id, kind: "start", request }, request.task === "open" ? [request.bytes] : []);
      }),
    end: () => {
      worker?.terminate();
      failAll(new Error("Andere werkmap geopend / another workbook was opened"));
    },
  };
}
