/**
 * The whole department report, one function for every writer: the command line's --out, the task pane in
 * Excel and the browser preview (and its planner worker). Comparison, one sheet per scenario, Monitor when the
 * workbook has Realisatie rows, and the definitions and sources (input file, read time with its UTC
 * offset, the figures the input marks as illustrative).
 */
import type { WorkbookTables } from "./input";
import { chosenResult, monitorOf, readMonitorInput } from "./monitor";
import { hashInputs, reportSheets, type ReportSheet } from "./report";
import { sheetInLanguage } from "./report-language";
import { monitorSheet } from "./report-monitor";
import type { NoteLanguage } from "./notes";
import type { InputSources } from "./sources";
import type { Plan, RunResult } from "./types";
import { VERSION } from "./version";

export interface FullReportInput {
  plan: Plan;
  result: RunResult;
  /** every table read, Realisatie included when the workbook has it; the input hash is made over these */
  tables: WorkbookTables;
  sources?: InputSources;
  createdAt?: Date;
  /** the planner's language; without it the sheets stay as laid out (Dutch, notes untouched) */
  lang?: NoteLanguage;
  /** hashInputs(tables), when the caller has it already (hashing 150,000 rows again took a third of a report) */
  inputHash?: string;
}

/** The whole report as a list (the pane and the preview write it in one go). */
export function fullReport(input: FullReportInput): ReportSheet[] {
  return [...fullReportSheets(input)];
}

/**
 * The whole report one sheet at a time, each made when asked for, so that a streaming writer (the command
 * line's --out) holds one scenario sheet at a time whatever their number.
 */
export function* fullReportSheets(input: FullReportInput): Generator<ReportSheet> {
  const { plan, result, tables, sources } = input;
  const lang = input.lang ?? "nl";
  const monitorInput = readMonitorInput(tables, plan);
  const extra =
    monitorInput.rows.length > 0
      ? [
          monitorSheet(
            chosenResult(result, monitorInput.chosen),
            monitorInput.rows,
            monitorOf(result, monitorInput),
            undefined,
            lang,
          ),
        ]
      : [];
  const sheets = reportSheets(
    result,
    {
      createdAt: input.createdAt ?? new Date(),
      inputHash: input.inputHash ?? hashInputs(tables),
      version: VERSION,
      sources: { file: sources?.file, readAt: sources?.readAt, marks: sources?.marks },
    },
    undefined,
    extra,
    lang,
  );
  if (!input.lang) {
    yield* sheets;
    return;
  }
  const names = new Set(result.scenarios.map((s) => s.name));
  let index = 0;
  for (const sheet of sheets) yield sheetInLanguage(sheet, index++, input.lang, names);
}
