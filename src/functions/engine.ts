/**
 * The one way the custom functions run the engine. Today it runs in this runtime (runPlanAsync yields
 * between scenarios, so other functions are not blocked for a whole run); when the engine Web Worker of
 * the task pane exists, this is the single place to send the run there instead.
 */
import { runPlanAsync } from "../model/engine";
import { setWasmLocation } from "../model/solver";
import type { Plan, RunResult } from "../model/types";

export type EngineRunner = (plan: Plan) => Promise<RunResult>;

// In the add-in's page the LP solver (for Optimaal) lies beside the scripts, even when the functions run
// before the task pane has ever opened (shared runtime).
if (typeof document !== "undefined") setWasmLocation((file) => new URL(file, document.baseURI).href);

let runner: EngineRunner = (plan) => runPlanAsync(plan);

export function runEngine(plan: Plan): Promise<RunResult> {
  return runner(plan);
}

/** Swaps the engine (the task pane's worker, or a counting runner in tests). */
export function setEngineRunner(next: EngineRunner): void {
  runner = next;
}
