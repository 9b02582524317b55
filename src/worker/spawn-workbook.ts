/**
 * Starts the workbook worker (ExcelJS's editable workbook, ./workbook-handlers.ts). Only the planner worker's
 * entry imports this (webpack 5 turns the pattern below into a worker chunk of its own).
 */
export function startWorkbookWorker(): Worker {
  return new Worker(new URL("./workbook.worker.ts", import.meta.url), { name: "formatieplanner-werkmap" });
}
