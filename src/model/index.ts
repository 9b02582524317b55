/** The planning model: pure TypeScript, no Office. */
export * from "./types";
export * from "./formulas";
export * from "./schema";
export { functionGroupIndex } from "./groups";
export {
  readPlan,
  BASELINE_NAME,
  leverKindOf,
  FILTERABLE_LEVERS,
  type WorkbookTables,
  type TableRows,
  type ReadResult,
} from "./input";
export { compileFilter, FilterError, FILTER_FIELDS } from "./filter";
export {
  runPlan,
  runPlanAsync,
  needsSolver,
  CancelledError,
  INSOURCED_UNIT,
  type OptimalStage,
  type RunOptions,
  type RunStep,
} from "./engine";
export {
  loadSolver,
  setSolverPort,
  setWasmLocation,
  type AsyncLpSolver,
  type LpSolution,
  type LpSolver,
} from "./solver";
