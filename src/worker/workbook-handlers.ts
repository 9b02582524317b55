/**
 * The editable workbook (ExcelJS, in memory) and every operation on it: the template, the scenario store, the
 * report, the download. In the preview it lives in a worker of its own beside the planner worker (see
 * ./workbook-host.ts), so that its slow parse (about 8 s for 150,000 rows) runs while the planner already
 * checks and runs the tables it read with the streaming reader. Where there are no workers (jsdom, Node) the
 * same handlers run on the calling thread.
 */
import type { XlsxGateway } from "../xlsx/gateway";
import type { FromWorker, TaskName, TaskRequest, ToWorker } from "./protocol";

/** The tasks the workbook's holder does. */
export const WORKBOOK_TASKS = [
  "open",
  "readTables",
  "insertTemplate",
  "selectCell",
  "saveScenarios",
  "readSources",
  "writeReport",
  "save",
] as const satisfies readonly TaskName[];
export type WorkbookTask = (typeof WORKBOOK_TASKS)[number];
export type WorkbookRequest = Extract<TaskRequest, { task: WorkbookTask }>;

type Post = (message: FromWorker, transfer?: Transferable[]) => void;
type Progress = (done: number, total: number, stage: string) => void;

/** The workbook's bytes as a buffer of their own, so they can be transferred (not copied) to the page. */
export function ownBuffer(view: Uint8Array): ArrayBuffer {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength
    ? (view.buffer as ArrayBuffer)
    : (view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
}

export function createWorkbookHandler(post: Post): (message: ToWorker) => Promise<void> {
  // The workbook being loaded or loaded: every task that arrives meanwhile waits for it.
  let workbook: Promise<XlsxGateway> | null = null;
  const opened = (): Promise<XlsxGateway> => {
    if (!workbook) throw new Error("Geen werkmap geopend / No workbook open");
    return workbook;
  };
  async function load(bytes: ArrayBuffer, name: string | undefined, progress: Progress) {
    // ExcelJS only where a workbook is opened (the preview), never in the add-in's worker.
    const [{ loadWorkbook }, { XlsxGateway }] = await Promise.all([
      import("../xlsx/workbook"),
      import("../xlsx/gateway"),
    ]);
    const loaded = await loadWorkbook(bytes);
    progress(1, 2, "tables");
    return new XlsxGateway(loaded, name);
  }

  async function perform(
    id: number,
    request: WorkbookRequest,
  ): Promise<{ output: unknown; transfer?: Transferable[] }> {
    const progress: Progress = (done, total, stage) => post({ id, kind: "progress", done, total, stage });
    switch (request.task) {
      case "open": {
        progress(0, 2, "parse");
        workbook = load(request.bytes, request.name, progress);
        const g = await workbook;
        return { output: { sheets: g.workbook.worksheets.map((w) => w.name) } };
      }
      case "readTables":
        return { output: await (await opened()).readTables({ names: request.names }) };
      case "insertTemplate":
        return {
          output: await (await opened()).insertTemplate({ examples: request.examples, lang: request.lang }),
        };
      case "selectCell": {
        const g = await opened();
        await g.selectCell(request.ref);
        return { output: g.selection };
      }
      case "saveScenarios":
        await (await opened()).saveScenarios(request.rows);
        return { output: null };
      case "readSources":
        return { output: await (await opened()).readSources() };
      case "writeReport":
        return { output: await (await opened()).writeReport(request.sheets) };
      case "save": {
        progress(0, 1, "write");
        const bytes = ownBuffer(await (await opened()).toBuffer());
        return { output: { bytes }, transfer: [bytes] };
      }
    }
  }

  return async (message) => {
    if (message.kind === "cancel") return;
    const { id, request } = message;
    try {
      const { output, transfer } = await perform(id, request as WorkbookRequest);
      post({ id, kind: "done", output }, transfer);
    } catch (e) {
      post({ id, kind: "failed", message: (e as Error)?.message ?? String(e), cancelled: false });
    }
  };
}
