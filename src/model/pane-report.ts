/**
 * The report the task pane writes after a run, in the planner's language: one function for the add-in
 * (built on the page) and the preview (built in the planner worker, where the tables are).
 */
import type { NoteLanguage } from "./notes-text";
import { buildReport, type ReportSheet } from "./report";
import { reportInLanguage } from "./report-language";
import type { RunResult } from "./types";
import { VERSION } from "./version";

export function paneReport(
  result: RunResult,
  options: { inputHash: string; lang: NoteLanguage; createdAt: Date },
): ReportSheet[] {
  // The report speaks the planner's language: English sheets when the pane is English.
  return reportInLanguage(
    buildReport(result, { createdAt: options.createdAt, inputHash: options.inputHash, version: VERSION }),
    options.lang,
    result.scenarios.map((s) => s.name),
  );
}
