/**
 * The preview's workbook gateway when the workbook lives in the planner worker: every operation (reading the
 * tables, the template, the scenario store, the report, saving) runs there, so parsing and writing a large
 * .xlsx never freeze the page. It plans by itself: check, run and report work on the tables in the worker,
 * so the formation rows never come to the page.
 */
import type { SelectionRows } from "../model/filter-selection";
import type { ReportSheet } from "../model/report";
import type { ReadTables } from "../model/workbook-types";
import type { InputSources } from "../model/sources";
import type { TemplateLanguage } from "../model/template";
import type {
  CellRef,
  ReadOptions,
  ReportResult,
  SelfPlanning,
  TableStatus,
  TemplateResult,
  WorkbookGateway,
} from "../model/ports";
import { runInWorker, type RunInWorkerOptions } from "../worker/client";

export class WorkerGateway implements WorkbookGateway {
  readonly kind = "preview" as const;
  onSelect: ((selection: { sheet: string; address: string }) => void) | null = null;

  // The filter builder's rows of the tables' last read: the worker sends them again only when they changed.
  private held: { generation: number; selection: SelectionRows } | null = null;

  readonly planning: SelfPlanning;

  /** `found`: the tables' status as the open read them (the pane shows it before the check). */
  constructor(found: TableStatus[] | null = null) {
    this.planning = this.selfPlanning(found);
  }

  private selfPlanning(found: TableStatus[] | null): SelfPlanning {
    return {
      found,
      check: async () => {
        const checked = await runInWorker({ task: "check", known: this.held?.generation });
        if (checked.selection) this.held = { generation: checked.generation, selection: checked.selection };
        const { generation: _, ...check } = checked;
        return { ...check, selection: checked.selection ?? this.held!.selection };
      },
      run: ({ scenarios, onProgress, signal }) =>
        runInWorker(
          { task: "runHeld", scenarios: scenarios as (string | number | null)[][] | null },
          { onProgress, signal },
        ),
      writeRunReport: ({ inputHash, lang, createdAt }) =>
        runInWorker({ task: "reportHeld", inputHash, lang, createdAt: createdAt.getTime() }),
    };
  }

  /** Parses the bytes in the worker (the buffer moves there) and returns a gateway over the result. */
  static async open(
    bytes: ArrayBuffer,
    options: RunInWorkerOptions = {},
    name?: string,
  ): Promise<WorkerGateway> {
    const opened = await runInWorker({ task: "open", bytes, name }, options);
    return new WorkerGateway(opened.status ?? null);
  }

  readTables(options: ReadOptions = {}): Promise<ReadTables> {
    return runInWorker({ task: "readTables", names: options.names });
  }

  insertTemplate(options: { examples: boolean; lang?: TemplateLanguage }): Promise<TemplateResult> {
    return runInWorker({ task: "insertTemplate", examples: options.examples, lang: options.lang });
  }

  async selectCell(ref: CellRef): Promise<void> {
    const selection = await runInWorker({ task: "selectCell", ref });
    if (selection) this.onSelect?.(selection);
  }

  async saveScenarios(rows: (string | number | null)[][]): Promise<void> {
    await runInWorker({ task: "saveScenarios", rows });
  }

  readSources(): Promise<InputSources> {
    return runInWorker({ task: "readSources" });
  }

  writeReport(sheets: ReportSheet[]): Promise<ReportResult> {
    return runInWorker({ task: "writeReport", sheets });
  }

  /** The workbook as .xlsx bytes, for a download. */
  async toBuffer(options: RunInWorkerOptions = {}): Promise<ArrayBuffer> {
    return (await runInWorker({ task: "save" }, options)).bytes;
  }
}
