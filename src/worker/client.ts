/**
 * One async API for heavy work: `runInWorker(request, { onProgress, signal })`. In a page that has started the
 * planner worker (startPlannerWorker in ./spawn.ts) the task runs there, so the page's thread (and, in
 * Excel's shared runtime, the FP.* functions) never waits on it; elsewhere (jsdom, Node) it runs on the
 * calling thread with the same handlers. Aborting the signal cancels a run between scenarios.
 *
 * Why a worker in the add-in: its task pane and FP.* functions share one runtime, a browser runtime
 * (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes: "Browser runtime: Includes all the
 * features of a JavaScript-only runtime and adds support for local storage, a rendering engine that renders
 * HTML, and cookies"). Microsoft's sample for exactly this case
 * (https://github.com/OfficeDev/Office-Add-in-samples/tree/main/Excel-custom-functions/web-worker): "When
 * using the shared runtime, custom functions block the UI of your Office Add-in when they run", and it "shows
 * how to use web workers in custom functions to prevent blocking the UI of your Office Add-in". The same
 * holds the other way round: a run on that thread would stall every FP.* recalculation.
 */
import { CancelledError, type RunStep } from "../model/engine";
import type { FromWorker, TaskOutput, TaskRequest, ToWorker } from "./protocol";

export interface RunInWorkerOptions {
  /** done of total steps; stage names the step ("parse", "check", a scenario's name, ...) */
  onProgress?: (done: number, total: number, stage: string, step?: RunStep) => void;
  signal?: AbortSignal;
}

interface Pending {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: RunInWorkerOptions["onProgress"];
}

type Send = (message: ToWorker, transfer: Transferable[]) => void;

let factory: (() => Worker) | null = null;
let send: Send | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Called once by a page entry: tasks from now on go to this worker. */
export function setWorkerFactory(start: () => Worker): void {
  factory = start;
  send = null;
}

/** Whether tasks run in a Web Worker (true) or on this thread (false). */
export function runsInWorker(): boolean {
  return factory !== null && typeof Worker !== "undefined";
}

function receive(message: FromWorker): void {
  const p = pending.get(message.id);
  if (!p) return;
  if (message.kind === "progress") {
    p.onProgress?.(message.done, message.total, message.stage, message.step);
    return;
  }
  pending.delete(message.id);
  if (message.kind === "done") p.resolve(message.output);
  else p.reject(message.cancelled ? new CancelledError() : new Error(message.message));
}

async function sender(): Promise<Send> {
  if (send) return send;
  if (runsInWorker()) {
    const worker = factory!();
    worker.onmessage = (e: MessageEvent<FromWorker>) => receive(e.data);
    worker.onerror = (e) => {
      // A worker that fails to load fails every task waiting on it, with the browser's reason.
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Error(e.message || "Web Worker"));
      }
    };
    send = (message, transfer) => worker.postMessage(message, transfer);
  } else {
    // Same thread: loaded on first need, so a page with the worker never carries the handlers twice.
    const { createHandler } = await import("./handlers");
    const handle = createHandler((message) => receive(message));
    send = (message) => void handle(message);
  }
  return send;
}

export async function runInWorker<R extends TaskRequest>(
  request: R,
  options: RunInWorkerOptions = {},
): Promise<TaskOutput<R>> {
  if (options.signal?.aborted) throw new CancelledError();
  const post = await sender();
  const id = nextId++;
  return new Promise<TaskOutput<R>>((resolve, reject) => {
    pending.set(id, {
      resolve: resolve as (output: unknown) => void,
      reject,
      onProgress: options.onProgress,
    });
    options.signal?.addEventListener("abort", () => post({ id, kind: "cancel" }, []), { once: true });
    // The workbook's bytes move to the worker rather than being copied.
    const transfer = request.task === "open" ? [request.bytes] : [];
    post({ id, kind: "start", request }, runsInWorker() ? transfer : []);
  });
}
