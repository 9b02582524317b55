/**
 * Starts the planner worker. Only page entries import this (webpack 5 turns the pattern below into a worker
 * chunk); tests and the command line never do, so they run tasks on their own thread.
 */
export function startPlannerWorker(): Worker {
  return new Worker(new URL("./planner.worker.ts", import.meta.url), { name: "formatieplanner" });
}
