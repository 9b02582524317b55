/**
 * The linear-programming solver: HiGHS compiled to WebAssembly (npm `highs`), in Node and in the browser.
 * Loaded once, on first need; solving is synchronous.
 */
import type { Highs } from "highs";
import { leastHarmSteps, warmUpInput } from "./optimal";

/**
 * A linear program as HiGHS's model arrays (highs-js ModelData, minimised, the matrix as compressed sparse
 * rows): the optimiser builds it, the solver takes it as it is, in this thread or in a worker (typed arrays
 * cross to a worker without being parsed or printed).
 */
export interface LpModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: {
    format: "csr";
    numRows: number;
    numCols: number;
    starts: Int32Array;
    indices: Int32Array;
    values: Float64Array;
  };
}

export interface LpSolution {
  /** "Optimal", "Infeasible", ... (HiGHS's model status) */
  status: string;
  objective: number;
  /** primal value per column, in the model's column order (zeros unless optimal) */
  colValue: Float64Array;
}

export type LpSolver = (lp: LpModel) => LpSolution;

/**
 * A solver that can be awaited and stopped: in the pane, HiGHS in a Web Worker of its own that is ended when
 * `signal` aborts (the only way to stop a synchronous WebAssembly solve); it then rejects with CancelledError.
 */
export type AsyncLpSolver = (lp: LpModel, signal?: AbortSignal) => Promise<LpSolution>;

let port: AsyncLpSolver | null = null;
/** Real solves asked of the port so far: a warm-up under way gives way to them (warmSolver). */
let solvesAsked = 0;
/** Set by the planner worker's entry: runPlanAsync then solves through this port instead of in its thread. */
export function setSolverPort(solver: AsyncLpSolver | null): void {
  port = solver;
}
export function solverPort(): AsyncLpSolver | null {
  const solve = port;
  if (!solve) return null;
  return (lp, signal) => {
    solvesAsked++;
    return solve(lp, signal);
  };
}

let loading: Promise<LpSolver> | null = null;

/** Where the browser finds highs.wasm; set by the page before the first solve (Node finds it itself). */
export let wasmLocation: ((file: string) => string) | undefined;
export function setWasmLocation(locate: (file: string) => string): void {
  wasmLocation = locate;
}

/** HiGHS's model status as a word: "Optimal", "Infeasible", "TimeLimit", ... */
function statusName(status: number, names: Readonly<Record<string, number>>): string {
  const name = Object.keys(names).find((k) => names[k] === status) ?? String(status);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function loadSolver(): Promise<LpSolver> {
  if (!loading) {
    loading = import("highs").then(async (module) => {
      const load = ((module as unknown as { default?: Loader }).default ?? module) as unknown as Loader;
      const highs = await load(wasmLocation ? { locateFile: wasmLocation } : undefined);
      const statuses = highs.constants.modelStatus;
      return (lp: LpModel): LpSolution =>
        // A model of its own per solve, freed when done (highs-js: withModel disposes it).
        highs.withModel(lp, (model) => {
          model.options.set({ output_flag: false, time_limit: 60 });
          model.run();
          const status = model.getModelStatus();
          const optimal = status === statuses.optimal;
          return {
            status: statusName(status, statuses),
            objective: optimal ? model.getObjectiveValue() : NaN,
            colValue: optimal ? model.getSolution().colValue : new Float64Array(lp.numCols),
          };
        });
    });
  }
  return loading;
}

type Loader = (options?: { locateFile?: (file: string) => string }) => Promise<Highs>;

/** How many made-up departments the warm-up solves (two LPs each), and their size in pools. */
export const WARM_UP_ROUNDS = 2;
export const WARM_UP_POOLS = 400;

/** The port warmed (or being warmed): once per port, as its worker stays warm between runs. */
let warmed: AsyncLpSolver | null = null;

/**
 * Loads HiGHS where the run will solve, before the run. Elsewhere than the pane, that is this thread (loaded
 * and compiled). In the pane it is the solver's own worker, and there loading is not enough: Chromium compiles
 * each WebAssembly function at its first call, and the first Optimaal on 150,000 rows took about 1.1 s more
 * than a later one (bench:browser). So the worker solves the LPs of a small made-up department of the same
 * shape (optimal.ts, warmUpInput), one at a time; a real solve asked for meanwhile waits for at most the one
 * under way, and the warm-up stops there. Called when the preview starts (its sample uses Optimaal), when a
 * workbook that names Optimaal is opened (the preview; the read goes on beside it) or a check shows that a
 * scenario uses it (the preview's worker; in Excel the pane, which checks on the page, sends the worker a
 * warmSolver task).
 */
export function warmSolver(): void {
  if (!port) {
    loadSolver().catch(() => undefined);
    return;
  }
  if (warmed === port) return;
  const solve = (warmed = port);
  const asked = solvesAsked;
  void (async () => {
    for (let round = 1; round <= WARM_UP_ROUNDS; round++) {
      const steps = leastHarmSteps(warmUpInput(WARM_UP_POOLS, round));
      for (let step = steps.next(); !step.done;) {
        if (solvesAsked !== asked || port !== solve) return;
        step = steps.next(await solve(step.value));
      }
    }
  })().catch(() => undefined);
}
