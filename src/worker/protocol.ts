/**
 * The planner worker's messages: the page (task pane, preview) asks for a task, the worker answers with
 * progress and then the output or a failure. One request id per task; "cancel" names the task to stop.
 */
import type { Issue, RunResult } from "../model/types";
import type { RunStep } from "../model/engine";
import type { WorkbookTables } from "../model/input";
import type { ReportSheet } from "../model/report";
import type { ReadTables } from "../model/workbook-types";
import type { InputSources } from "../model/sources";
import type { TemplateLanguage } from "../model/template";
import type { NoteLanguage } from "../model/notes";
import type { CellRef, PlanRun, ReportResult, TableStatus, TemplateResult } from "../model/ports";
import type { HeldCheck } from "./planning";

/** What each task takes and gives. */
export interface Tasks {
  /** reads and checks the plan from the tables, then runs the baseline and every scenario (HiGHS included) */
  run: { input: { tables: WorkbookTables }; output: { issues: Issue[]; result: RunResult | null } };
  /**
   * reads the input tables of .xlsx bytes (transferred, not copied) for check and run, and loads the editable
   * workbook behind them for the writes (src/worker/handlers.ts); `sheets` are the workbook's sheet names
   */
  open: {
    input: { bytes: ArrayBuffer; name?: string };
    /** `status`: the input tables as the open read them, when it did (the pane shows them before the check) */
    output: { sheets: string[]; status?: TableStatus[] };
  };
  /** the workbook gateway's operations on the workbook the worker holds (see src/xlsx/gateway.ts) */
  readTables: { input: { names?: readonly string[] }; output: ReadTables };
  insertTemplate: { input: { examples: boolean; lang?: TemplateLanguage }; output: TemplateResult };
  selectCell: { input: { ref: CellRef }; output: { sheet: string; address: string } | null };
  saveScenarios: { input: { rows: (string | number | null)[][] }; output: null };
  /** the file's name and the illustrative marks, for the report's sources */
  readSources: { input: Record<never, never>; output: InputSources };
  writeReport: { input: { sheets: ReportSheet[] }; output: ReportResult };
  /** checks the tables of the workbook the worker holds; only a summary comes back (src/worker/planning.ts) */
  check: { input: { known?: number }; output: HeldCheck };
  /** runs the workbook's tables, with `scenarios` in place of the stored ones when given */
  runHeld: { input: { scenarios: (string | number | null)[][] | null }; output: PlanRun };
  /** builds and writes the report of the last runHeld when the inputs still hash the same; else null */
  reportHeld: {
    input: { inputHash: string; lang: NoteLanguage; createdAt: number };
    output: ReportResult | null;
  };
  /** the workbook as .xlsx bytes (transferred back) */
  save: { input: Record<never, never>; output: { bytes: ArrayBuffer } };
  /** starts HiGHS's warm-up where the run will solve (the add-in's pane, when its check finds Optimaal) */
  warmSolver: { input: Record<never, never>; output: null };
}

export type TaskName = keyof Tasks;
/** A task with its input, e.g. `{ task: "run", tables }`. */
export type TaskRequest = { [K in TaskName]: { task: K } & Tasks[K]["input"] }[TaskName];
export type TaskOutput<R extends TaskRequest> = Tasks[R["task"]]["output"];

export type ToWorker = { id: number; kind: "start"; request: TaskRequest } | { id: number; kind: "cancel" };

export type FromWorker =
  | { id: number; kind: "progress"; done: number; total: number; stage: string; step?: RunStep }
  | { id: number; kind: "done"; output: unknown }
  | { id: number; kind: "failed"; message: string; cancelled: boolean };
