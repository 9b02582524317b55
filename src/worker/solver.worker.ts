/** The solver worker's entry: an LP in, HiGHS's solution out (src/worker/solver-client.ts ends it on cancel). */
import { loadSolver, setWasmLocation } from "../model/solver";
import type { FromSolver, ToSolver } from "./solver-client";

interface WorkerScope {
  location: { href: string };
  postMessage(message: FromSolver): void;
  onmessage: ((e: MessageEvent<ToSolver>) => void) | null;
}
const scope = self as unknown as WorkerScope;

// highs.wasm sits next to the worker's script (copied by the build), as for the planner worker.
setWasmLocation((file) => new URL(file, scope.location.href).href);

scope.onmessage = async (e) => {
  const { id, lp } = e.data;
  try {
    const solve = await loadSolver();
    scope.postMessage({ id, solution: solve(lp) });
  } catch (error) {
    scope.postMessage({ id, error: (error as Error)?.message ?? String(error) });
  }
};
