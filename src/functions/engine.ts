/**
 * The one way the custom functions run the engine. In the add-in, src/taskpane/index.tsx sends the run to
 * the planner Web Worker (the same worker as the pane's runs), so a long run or HiGHS never blocks the other
 * functions of the shared runtime; elsewhere (tests, the command line's bench) it runs here, yielding between
 * scenarios.
 */
import { runPlanAsync } from "../model/engine";
import type { WorkbookTables } from "../model/input";
import { setWasmLocation } from "../model/solver";
import type { Plan, RunResult } from "../model/types";

/** Runs the checked plan; `tables` are what it was read from (a worker gets those: a Plan holds closures). */
export type EngineRunner = (tables: WorkbookTables, plan: Plan) => Promise<RunResult>;

// In the add-in's page the LP solver (for Optimaal) lies beside the scripts, even when the functions run
// before the task pane has ever opened (shared runtime).
if (typeof document !== "undefined") setWasmLocation((file) => new URL(file, document.baseURI).href);

const inThisRuntime: EngineRunner = (_tables, plan) => runPlanAsync(plan);

// Kept on the page's global object: the pane's and the functions' bundles are separate entries with their own
// copy of this module, and the pane's sets the runner that the functions' copy must use.
const RUNNER_KEY = "__formatieplannerEngineRunner";
const holder = globalThis as unknown as Record<string, EngineRunner | undefined>;

export function runEngine(tables: WorkbookTables, plan: Plan): Promise<RunResult> {
  return (holder[RUNNER_KEY] ?? inThisRuntime)(tables, plan);
}

/** Swaps the engine (the task pane's worker, or a counting runner in tests). */
export function setEngineRunner(next: EngineRunner): void {
  holder[RUNNER_KEY] = next;
}
