/** The planner worker's entry: messages in, the handlers, messages out. */
import { setWasmLocation } from "../model/solver";
import { createHandler } from "./handlers";
import type { FromWorker, ToWorker } from "./protocol";

interface WorkerScope {
  location: { href: string };
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

// highs.wasm sits next to the worker's script (copied by the build).
setWasmLocation((file) => new URL(file, scope.location.href).href);

const handle = createHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (e) => void handle(e.data);
