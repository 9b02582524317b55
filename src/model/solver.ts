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
