/**
 * The linear-programming solver: HiGHS compiled to WebAssembly (npm `highs`), in Node and in the browser.
 * Loaded once, on first need; solving is synchronous.
 */
export interface LpSolution {
  /** "Optimal", "Infeasible", ... as HiGHS reports it */
  status: string;
  objective: number;
  /** primal value per column name */
  values: Record<string, number>;
}

export type LpSolver = (lp: string) => LpSolution;

/**
 * A solver that can be awaited and stopped: in the pane, HiGHS in a Web Worker of its own that is ended when
 * `signal` aborts (the only way to stop a synchronous WebAssembly solve); it then rejects with CancelledError.
 */
export type AsyncLpSolver = (lp: string, signal?: AbortSignal) => Promise<LpSolution>;

let port: AsyncLpSolver | null = null;
/** Set by the planner worker's entry: runPlanAsync then solves through this port instead of in its thread. */
export function setSolverPort(solver: AsyncLpSolver | null): void {
  port = solver;
}
export function solverPort(): AsyncLpSolver | null {
  return port;
}

interface HighsLike {
  solve(
    problem: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, { Primal: number }>;
  };
}

let loading: Promise<LpSolver> | null = null;

/** Where the browser finds highs.wasm; set by the page before the first solve (Node finds it itself). */
export let wasmLocation: ((file: string) => string) | undefined;
export function setWasmLocation(locate: (file: string) => string): void {
  wasmLocation = locate;
}

export function loadSolver(): Promise<LpSolver> {
  if (!loading) {
    loading = import("highs").then(async (module) => {
      const load = (module as unknown as { default: (o?: unknown) => Promise<HighsLike> }).default ?? module;
      const highs = await (load as (o?: unknown) => Promise<HighsLike>)(
        wasmLocation ? { locateFile: wasmLocation } : undefined,
      );
      return (lp: string): LpSolution => {
        const result = highs.solve(lp, { output_flag: false, time_limit: 60 });
        const values: Record<string, number> = {};
        for (const [name, column] of Object.entries(result.Columns ?? {})) values[name] = column.Primal;
        return { status: result.Status, objective: result.ObjectiveValue, values };
      };
    });
  }
  return loading;
}

/** The smallest LP: solving it loads and compiles HiGHS without doing any real work. */
export const WARM_UP_LP = "Minimize\n obj: x\nSubject To\n c: x >= 0\nBounds\n 0 <= x <= 1\nEnd";

/**
 * Loads HiGHS where the run will solve, before the run: in the pane that is the solver's own worker (started
 * and compiled by solving the smallest LP), elsewhere this thread. Called once a check shows that a scenario
 * uses Optimaal, so that the run does not wait for the worker to start and the WebAssembly to compile.
 */
export function warmSolver(): void {
  if (port) port(WARM_UP_LP).catch(() => undefined);
  else loadSolver().catch(() => undefined);
}
