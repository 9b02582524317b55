/**
 * Starts a HiGHS solver worker. Only the planner worker's entry imports this (webpack 5 turns the pattern
 * below into a worker chunk of its own); a cancel ends the worker (src/worker/solver-client.ts).
 */
export function startSolverWorker(): Worker {
  return new Worker(new URL("./solver.worker.ts", import.meta.url), { name: "formatieplanner-highs" });
}
