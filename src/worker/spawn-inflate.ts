/**
 * Starts the inflate worker (./inflate.worker.ts). Only the planner worker's entry imports this (webpack 5
 * turns the pattern below into a worker chunk of its own).
 */
export function startInflateWorker(): Worker {
  return new Worker(new URL("./inflate.worker.ts", import.meta.url), { name: "formatieplanner-inflate" });
}
