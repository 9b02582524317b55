/** The planner worker's entry: messages in, the handlers, messages out. */
import { setSolverPort, setWasmLocation } from "../model/solver";
import { createHandler } from "./handlers";
import { startSolverWorker } from "./spawn-solver";
import { startWorkbookWorker } from "./spawn-workbook";
import { startInflateWorker } from "./spawn-inflate";
import { workerSolver } from "./solver-client";
import type { FromWorker, ToWorker } from "./protocol";

interface WorkerScope {
  location: { href: string };
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

// highs.wasm sits next to the worker's script (copied by the build).
setWasmLocation((file) => new URL(file, scope.location.href).href);
// Optimaal's LPs go to a HiGHS worker of their own, which a cancel can end mid-solve.
if (typeof Worker !== "undefined") setSolverPort(workerSolver(startSolverWorker));

// The preview's editable workbook loads in a worker of its own while this one checks and runs (handlers.ts).
// An opened workbook's sheets inflate in a worker of their own while this one reads them (inflate-client.ts).
const handle = createHandler((message, transfer) => scope.postMessage(message, transfer ?? []), {
  startWorkbookWorker: typeof Worker !== "undefined" ? startWorkbookWorker : undefined,
  startInflateWorker: typeof Worker !== "undefined" ? startInflateWorker : undefined,
});
scope.onmessage = (e) => void handle(e.data);
