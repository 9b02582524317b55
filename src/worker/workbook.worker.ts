/** The workbook worker's entry (started by the planner worker, ./spawn-workbook.ts): messages in, the handlers, out. */
import { createWorkbookHandler } from "./workbook-handlers";
import type { FromWorker, ToWorker } from "./protocol";

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const handle = createWorkbookHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (e) => void handle(e.data);
