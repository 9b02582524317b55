/** The inflate worker's entry: a zip part's deflated bytes in, its inflated pieces out (./inflate-pieces.ts). */
import { inflateHandler, type FromInflater, type ToInflater } from "./inflate-pieces";

interface WorkerScope {
  postMessage(message: FromInflater, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToInflater>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const handle = inflateHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (e) => void handle(e.data);
