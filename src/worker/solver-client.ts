/**
 * HiGHS in a Web Worker of its own, as an awaitable, stoppable solver (AsyncLpSolver, src/model/solver.ts).
 * A WebAssembly solve is synchronous: nothing in its thread can interrupt it. Running it in a dedicated worker
 * lets a cancel end that worker (Worker.terminate) at once; the next solve starts a fresh one. The planner
 * worker uses this for Optimaal, so a long solve in the pane can be cancelled within a moment.
 */
import { CancelledError } from "../model/engine";
import type { AsyncLpSolver, LpModel, LpSolution } from "../model/solver";

/** Messages to and from the solver worker. */
export type ToSolver = { id: number; lp: LpModel };
export type FromSolver = { id: number; solution: LpSolution } | { id: number; error: string };

/** The part of a Worker this uses (a fake in tests). */
export interface SolverWorker {
  postMessage(message: ToSolver): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromSolver>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export function workerSolver(start: () => SolverWorker): AsyncLpSolver {
  let worker: SolverWorker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (s: LpSolution) => void; reject: (e: Error) => void }>();
  const stop = (error: Error) => {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const running = (): SolverWorker => {
    if (worker) return worker;
    const w = start();
    w.onmessage = (e) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if ("solution" in e.data) p.resolve(e.data.solution);
      else p.reject(new Error(e.data.error));
    };
    // A worker that cannot load (or crashes) fails what waits on it with the browser's reason.
    w.onerror = (e) => stop(new Error(e.message || "HiGHS-worker / HiGHS worker"));
    return (worker = w);
  };
  return (lp, signal) =>
    new Promise<LpSolution>((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      const id = nextId++;
      pending.set(id, { resolve, reject });
      signal?.addEventListener(
        "abort",
        () => {
          // Only a solve still under way ends the worker; one that has answered is left alone.
          if (pending.has(id)) stop(new CancelledError());
        },
        { once: true },
      );
      running().postMessage({ id, lp });
    });
}
