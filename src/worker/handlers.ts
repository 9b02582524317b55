/**
 * What the planner worker does with each task. The same code runs inside the Web Worker and, where there is
 * none (jsdom, Node), on the calling thread, so tests exercise the real handlers.
 */
import { readPlan } from "../model/input";
import { CancelledError, runPlanAsync, type RunStep } from "../model/engine";
import type { XlsxGateway } from "../xlsx/gateway";
import { PlanSession } from "./planning";
import { REALISATIE_TABLE } from "../model/monitor";
import type { FromWorker, TaskRequest, ToWorker } from "./protocol";

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** Returns the message handler; it keeps the open workbook and the cancelled task ids between messages. */
export function createHandler(post: Post): (message: ToWorker) => Promise<void> {
  const cancelled = new Set<number>();
  // Aborted on cancel: also stops an Optimaal solve under way (the solver port's worker is ended).
  const aborts = new Map<number, AbortController>();
  let workbook: XlsxGateway | null = null;
  const opened = (): XlsxGateway => {
    if (!workbook) throw new Error("Geen werkmap geopend / No workbook open");
    return workbook;
  };
  // The open workbook's tables, read once and checked, run and reported on here.
  const session = new PlanSession(() => opened().readTables());

  async function perform(
    id: number,
    request: TaskRequest,
  ): Promise<{ output: unknown; transfer?: Transferable[] }> {
    const progress = (done: number, total: number, stage: string, step?: RunStep) =>
      post({ id, kind: "progress", done, total, stage, ...(step ? { step } : {}) });
    switch (request.task) {
      case "run": {
        progress(0, 1, "check");
        const { plan, issues } = readPlan(request.tables);
        if (!plan) return { output: { issues, result: null } };
        const abort = new AbortController();
        aborts.set(id, abort);
        const result = await runPlanAsync(plan, {
          onProgress: (done, total, scenario, step) => progress(done, total, scenario, step),
          isCancelled: () => cancelled.has(id),
          signal: abort.signal,
        });
        return { output: { issues, result } };
      }
      case "open": {
        progress(0, 2, "parse");
        // ExcelJS only where a workbook is opened (the preview), never in the add-in's worker.
        const [{ loadWorkbook }, { XlsxGateway }] = await Promise.all([
          import("../xlsx/workbook"),
          import("../xlsx/gateway"),
        ]);
        const loaded = await loadWorkbook(request.bytes);
        progress(1, 2, "tables");
        workbook = new XlsxGateway(loaded, request.name);
        session.invalidate();
        return { output: { sheets: loaded.worksheets.map((w) => w.name) } };
      }
      case "readTables":
        return { output: await opened().readTables({ names: request.names }) };
      case "check":
        return { output: await session.check(request.known) };
      case "runHeld": {
        progress(0, 1, "check");
        const abort = new AbortController();
        aborts.set(id, abort);
        return {
          output: await session.run(request.scenarios, {
            onProgress: (done, total, scenario, step) => progress(done, total, scenario, step),
            isCancelled: () => cancelled.has(id),
            signal: abort.signal,
          }),
        };
      }
      case "reportHeld": {
        const g = opened();
        const options = { ...request, createdAt: new Date(request.createdAt) };
        const output = await session.writeReport(
          options,
          (sheets) => g.writeReport(sheets),
          async () => ({
            realisation: (await g.readTables({ names: [REALISATIE_TABLE] })).tables[REALISATIE_TABLE] ?? null,
            sources: await g.readSources(),
          }),
        );
        session.invalidate();
        return { output };
      }
      case "insertTemplate":
        session.invalidate();
        return { output: await opened().insertTemplate({ examples: request.examples, lang: request.lang }) };
      case "selectCell": {
        const g = opened();
        await g.selectCell(request.ref);
        return { output: g.selection };
      }
      case "saveScenarios":
        session.invalidate();
        await opened().saveScenarios(request.rows);
        return { output: null };
      case "readSources":
        return { output: await opened().readSources() };
      case "writeReport":
        session.invalidate();
        return { output: await opened().writeReport(request.sheets) };
      case "save": {
        progress(0, 1, "write");
        // A Uint8Array view; only a buffer of its own can be transferred.
        const view = await opened().toBuffer();
        const bytes =
          view.byteOffset === 0 && view.byteLength === view.buffer.byteLength
            ? (view.buffer as ArrayBuffer)
            : (view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
        return { output: { bytes }, transfer: [bytes] };
      }
    }
  }

  return async (message) => {
    if (message.kind === "cancel") {
      cancelled.add(message.id);
      aborts.get(message.id)?.abort();
      return;
    }
    const { id, request } = message;
    try {
      const { output, transfer } = await perform(id, request);
      post({ id, kind: "done", output }, transfer);
    } catch (e) {
      post({
        id,
        kind: "failed",
        message: (e as Error)?.message ?? String(e),
        cancelled: e instanceof CancelledError,
      });
    } finally {
      cancelled.delete(id);
      aborts.delete(id);
    }
  };
}
