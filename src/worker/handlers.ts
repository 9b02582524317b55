/**
 * What the planner worker does with each task. The same code runs inside the Web Worker and, where there is
 * none (jsdom, Node), on the calling thread, so tests exercise the real handlers.
 *
 * An opened .xlsx (the preview) is read twice: first the streaming reader (src/xlsx/stream-read.ts) gives the
 * input tables here, for check and run; then the editable ExcelJS workbook loads, while those work, in the
 * workbook's own holder (./workbook-host.ts, a worker of its own in the browser), and every write (the
 * template, the scenario store, the report, the download) waits for it there. A workbook the streaming reader
 * cannot follow is read from the loaded workbook instead, as on the command line.
 */
import { readPlan } from "../model/input";
import { CancelledError, runPlanAsync, type RunStep } from "../model/engine";
import type { ReadTables } from "../model/workbook-types";
import type { IllustrativeMark } from "../model/sources";
import { PlanSession } from "./planning";
import { REALISATIE_TABLE } from "../model/monitor";
import { isReportMarker, nameReportSheets, type ReportSheet } from "../model/report";
import { normalizeName } from "../model/text";
import { TABLES } from "../model/schema";
import { tableStatus, type TableStatus } from "../model/ports";
import { leverKindOf } from "../model/input-scenarios";
import { warmSolver } from "../model/solver";
import type { FromWorker, TaskRequest, ToWorker } from "./protocol";
import { startWorkbookHost, type HostWorker, type WorkbookHost } from "./workbook-host";
import type { WorkbookRequest } from "./workbook-handlers";
import { workerInflater, type InflateWorker } from "./inflate-client";
import type { Inflater } from "../xlsx/stream-read";

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** how long the planner waits with nothing to do before the editable workbook starts loading */
export const IDLE_BEFORE_LOAD_MS = 1500;

export interface HandlerOptions {
  /** starts the workbook's own worker (the planner worker in a browser); without it, this thread holds it */
  startWorkbookWorker?: () => HostWorker;
  /**
   * idle time before the editable workbook starts loading in its worker; default IDLE_BEFORE_LOAD_MS with a
   * worker, never without one (on this thread the load would block what it should make way for)
   */
  idleBeforeLoadMs?: number;
  /** starts the inflate worker (the planner worker in a browser); without it, sheets inflate on this thread */
  startInflateWorker?: () => InflateWorker;
}

/** Returns the message handler; it keeps the open workbook and the cancelled task ids between messages. */
export function createHandler(
  post: Post,
  options: HandlerOptions = {},
): (message: ToWorker) => Promise<void> {
  const cancelled = new Set<number>();
  // Aborted on cancel: also stops an Optimaal solve under way (the solver port's worker is ended).
  const aborts = new Map<number, AbortController>();
  let host: WorkbookHost | null = null;
  const inflater: Inflater = options.startInflateWorker
    ? workerInflater(options.startInflateWorker)
    : "platform";
  let fileName: string | undefined;
  /** one number per open, so that an open overtaken by the next one stops */
  let opens = 0;
  /** the streaming reader's tables and marks, while the workbook is as opened; null after any write */
  let streamed: (ReadTables & { otherNames: string[]; marks: IllustrativeMark[] }) | null = null;
  /**
   * The file as opened, while nothing but reports was written to it: its bytes, its sheets, and the report to
   * add at the download (patch-xlsx.ts), so that report and download need not wait for the editable workbook
   * nor rewrite it. Null after any other write (then the editable workbook is the truth).
   */
  let pristine: {
    bytes: Uint8Array;
    sheets: string[];
    /** whether a sheet is an earlier report's (the report replaces those: left to the editable workbook) */
    hasReport: boolean;
    report: ReportSheet[] | null;
    /** the file with the report added, being made or made (patchedDownload) */
    download?: Promise<Uint8Array | null> | null;
  } | null = null;
  /** a report added to the file as opened before the editable workbook began loading: it goes in first */
  let reportForHost: ReportSheet[] | null = null;
  /**
   * Starts the editable workbook's load, once: when a task first needs it, or when the planner has had nothing
   * to do for IDLE_BEFORE_LOAD_MS. ExcelJS's parse of a large workbook takes seconds of a core (8 s for
   * 150,000 rows in Chromium); started at once it slowed the check, the run and the report the user waits
   * for, none of which needs it.
   */
  let startLoading: (() => void) | null = null;
  let busy = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const idleMs = options.idleBeforeLoadMs ?? (options.startWorkbookWorker ? IDLE_BEFORE_LOAD_MS : Infinity);
  const loadWhenIdle = () => {
    clearTimeout(idleTimer);
    if (startLoading && busy === 0 && Number.isFinite(idleMs))
      idleTimer = setTimeout(() => busy === 0 && startLoading?.(), idleMs);
  };
  const opened = (): WorkbookHost => {
    startLoading?.();
    if (!host) throw new Error("Geen werkmap geopend / No workbook open");
    return host;
  };
  /** why the editable workbook did not load, while its input tables were read all the same */
  let notEditable: string | null = null;
  const call = async <R extends WorkbookRequest>(request: R, id?: number) => {
    try {
      return await opened().call(request, (done, total, stage) =>
        id === undefined ? undefined : post({ id, kind: "progress", done, total, stage }),
      );
    } catch (e) {
      // Not "this is not an .xlsx" after check and run have worked on its tables: say what does work.
      if (notEditable === null) throw e;
      throw new Error(
        `De invoertabellen zijn gelezen (controleren en doorrekenen werken), maar deze werkmap kan hier niet ` +
          `worden bewerkt: sjabloon, scenario's opslaan, rapport en downloaden lukken niet. Schrijf het rapport ` +
          `met de opdrachtregel (formatieplanner run --out) of in Excel. / The input tables were read (check and ` +
          `run work), but this workbook cannot be edited here: the template, saving scenarios, the report and ` +
          `the download do not work. Write the report with the command line (formatieplanner run --out) or in ` +
          `Excel. (${notEditable})`,
      );
    }
  };
  /** A write: the tables read at opening no longer hold. */
  const changed = () => {
    streamed = null;
    openedStatus = null;
    pristine = null;
    session.invalidate();
  };
  /** the tables' status the open sent with its answer, for the tables it read */
  let openedStatus: { tables: ReadTables["tables"]; status: TableStatus[] } | null = null;
  // The open workbook's tables, read once and checked, run and reported on here.
  const session = new PlanSession(
    async () => (streamed ? streamedTables() : call({ task: "readTables" })),
    (read) => (openedStatus?.tables === read.tables ? openedStatus.status : tableStatus(read, TABLES)),
  );

  async function open(
    id: number,
    bytes: ArrayBuffer,
    name?: string,
  ): Promise<{ sheets: string[]; status?: TableStatus[] }> {
    const progress = (done: number, total: number, stage: string) =>
      post({ id, kind: "progress", done, total, stage });
    progress(0, 2, "parse");
    const token = ++opens;
    notEditable = null;
    host?.end();
    host = null;
    startLoading = null;
    reportForHost = null;
    changed();
    fileName = name;
    // ExcelJS's parsers only where a workbook is opened (the preview), never in the add-in's worker.
    const [{ readStreaming, sheetNames }, { checkXlsxZip, WorkbookUnreadable }, { plainValue }] =
      await Promise.all([
        import("../xlsx/stream-read"),
        import("../xlsx/zip-check"),
        import("../xlsx/workbook"),
      ]);
    const view = new Uint8Array(bytes);
    checkXlsxZip(view);
    let read: Awaited<ReturnType<typeof readStreaming>> = null;
    let hasReport = false;
    try {
      read = await readStreaming(view, undefined, undefined, undefined, {
        // The browser's own inflater, in a worker several times faster than fflate (stream-read.ts): on
        // another thread where there is one, so the rows read while the next ones inflate.
        inflater,
        // Overtaken by another open: this read stops, and the check below says so.
        stopped: () => token !== opens,
        // An earlier report's sheet carries the report's marker in A2 (as XlsxGateway.writeReport finds it).
        onTopCell: (_sheet, row, col, value) => {
          if (isReportMarker(row, col, plainValue(value))) hasReport = true;
        },
        // A workbook that names the Optimaal lever likely runs it: HiGHS warms up in its own worker while this
        // one reads (solver.ts warmSolver), on the other core, instead of after the check.
        onSharedStrings: (texts) => {
          if (texts.some((t) => leverKindOf(t) === "Optimaal")) warmSolver();
        },
      });
    } catch (e) {
      if (e instanceof WorkbookUnreadable) throw e;
      // ExcelJS's reader decides what is unreadable, as on the command line.
    }
    const sheets = read ? await sheetNames(view) : null;
    if (token !== opens) throw new Error("Andere werkmap geopend / another workbook was opened");
    // A copy: the bytes themselves move to the editable workbook's worker.
    if (read) pristine = { bytes: view.slice(), sheets: sheets!, hasReport, report: null };
    // The editable workbook loads in a worker of its own in a browser (the bytes move there). With the tables
    // read, it starts when the planner is idle or a task needs it (startLoading).
    const load = () => {
      startLoading = null;
      host = startWorkbookHost(options.startWorkbookWorker);
      const loading = host.call({ task: "open", bytes, name });
      // A failure shows at the first task that needs the workbook.
      loading.catch((e: unknown) => {
        if (token === opens) notEditable = (e as Error)?.message ?? String(e);
      });
      // A report added to the file as opened before the load began goes into the editable workbook first.
      if (reportForHost) host.call({ task: "writeReport", sheets: reportForHost }).catch(() => undefined);
      reportForHost = null;
      return loading;
    };
    progress(1, 2, "tables");
    if (!read) return load();
    startLoading = load;
    streamed = read;
    // The pane asks for the check as soon as it has mounted anew: it is made meanwhile, after this answer,
    // from the tables just read; not once a task has come (a write would make them stale).
    setTimeout(() => token === opens && busy === 0 && streamed === read && session.prepare(), 0);
    // What the read found goes with the answer: the pane shows the tables at once, and the check's issues
    // when made (0.3 to 0.4 s more for 150,000 rows).
    openedStatus = { tables: read.tables, status: tableStatus(read, TABLES) };
    return { sheets: sheets!, status: openedStatus.status };
  }

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
      case "open":
        return { output: await open(id, request.bytes, request.name) };
      case "readTables":
        if (streamed) {
          const answer = request.names ? streamedSubset(request.names) : streamedTables();
          if (answer) return { output: answer };
        }
        return { output: await call({ task: "readTables", names: request.names }) };
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
        const options = { ...request, createdAt: new Date(request.createdAt) };
        // Added to the file as opened, at the download, when nothing else was written and the report needs
        // nothing of the editable workbook: no earlier report to replace, no Realisatie table to read.
        const file = pristine;
        const quick =
          file !== null &&
          !file.hasReport &&
          streamed !== null &&
          !streamed.otherNames.some((n) => normalizeName(n) === normalizeName(REALISATIE_TABLE));
        const output = await session.writeReport(
          options,
          quick
            ? async (sheets) => {
                const { named, renamed } = nameReportSheets(sheets, file.sheets);
                file.report = named;
                // The download's bytes made at once, after this answer: the likely next step then only hands
                // them over (made again at the download if not ready or already handed over).
                file.download = null;
                setTimeout(() => {
                  if (file.report === named)
                    // On a failure the download writes the editable workbook instead.
                    file.download = patchedDownload(file.bytes, named).catch(() => null);
                }, 0);
                // The editable workbook gets it too, for whatever is written after it: now if it is there or
                // loading, else as soon as it starts loading (load in open), so that it does not slow this.
                if (host) host.call({ task: "writeReport", sheets }).catch(() => undefined);
                else reportForHost = sheets;
                return { sheets: named.map((s) => s.name), renamed };
              }
            : (sheets) => call({ task: "writeReport", sheets }, id),
          async () => ({
            realisation: quick
              ? null
              : ((await call({ task: "readTables", names: [REALISATIE_TABLE] })).tables[REALISATIE_TABLE] ??
                null),
            sources: await sources(),
          }),
        );
        // The report changes no input table; written into the editable workbook, the tables are read there.
        if (!quick) changed();
        return { output };
      }
      case "insertTemplate":
        changed();
        return {
          output: await call({ task: "insertTemplate", examples: request.examples, lang: request.lang }),
        };
      case "selectCell": {
        if (!streamed) return { output: await call({ task: "selectCell", ref: request.ref }) };
        // Where the cell is follows from the tables read at opening: no need to wait for the workbook.
        const { cellAddress } = await import("../xlsx/gateway");
        return { output: cellAddress(streamedTables(), request.ref) };
      }
      case "saveScenarios":
        changed();
        return { output: await call({ task: "saveScenarios", rows: request.rows }) };
      case "readSources":
        return { output: await sources() };
      case "writeReport":
        changed();
        return { output: await call({ task: "writeReport", sheets: request.sheets }) };
      case "warmSolver":
        warmSolver();
        return { output: null };
      case "save": {
        progress(0, 1, "write");
        if (pristine?.report) {
          const made = pristine.download ?? patchedDownload(pristine.bytes, pristine.report);
          // Its buffer moves to the page: the next download makes it again.
          pristine.download = null;
          const patched = await made.catch(() => null);
          if (patched) {
            const { ownBuffer } = await import("./workbook-handlers");
            const bytes = ownBuffer(patched);
            return { output: { bytes }, transfer: [bytes] };
          }
          // A structure the patch does not follow: the editable workbook, which has the report too.
        }
        const { bytes } = await call({ task: "save" }, id);
        return { output: { bytes }, transfer: [bytes] };
      }
    }
  }

  /** The file as opened with the report added (patch-xlsx.ts); null where the patch does not follow it. */
  async function patchedDownload(bytes: Uint8Array, report: ReportSheet[]): Promise<Uint8Array | null> {
    const { addReportSheets } = await import("../xlsx/patch-xlsx");
    return addReportSheets(bytes, report);
  }

  function streamedTables(): ReadTables {
    const { marks: _, ...read } = streamed!;
    return read;
  }

  /**
   * Named tables as the open's read has them, when it can say: input tables it read, asked for under their own
   * names, and names the workbook has no table or sheet for at all (the pane asks for Departementen and the
   * monitor's tables after every open). null otherwise, and the editable workbook answers: a name the read
   * passed over (another table or sheet, or a report sheet added since), or an input table asked for under
   * another spelling (the in-memory reader then keys and keeps tables by that spelling).
   * Loading the editable workbook for such a question took 8 s of a second worker for 150,000 rows, beside
   * the check and the run.
   */
  function streamedSubset(names: readonly string[]): ReadTables | null {
    const { tables, locations, otherNames } = streamed!;
    const wanted = new Set(names.map(normalizeName));
    const passedOver = [...otherNames, ...(pristine?.report ?? []).map((sheet) => sheet.name)];
    if (passedOver.some((n) => wanted.has(normalizeName(n)))) return null;
    for (const name of names) {
      const input = TABLES.find((t) => normalizeName(t.name) === normalizeName(name));
      if (input && input.name !== name) return null;
    }
    // Keys as the read made them (a second table that matches one under its own name), as for these names.
    const keys = Object.keys(tables).filter((key) => wanted.has(normalizeName(key)));
    return {
      tables: Object.fromEntries(keys.map((key) => [key, tables[key]])),
      locations: Object.fromEntries(keys.filter((key) => locations[key]).map((key) => [key, locations[key]])),
    };
  }

  /** The file's name and its illustrative marks (read with the tables while the workbook is as opened). */
  async function sources() {
    if (streamed) return { file: fileName, marks: streamed.marks };
    return call({ task: "readSources" });
  }

  return async (message) => {
    if (message.kind === "cancel") {
      cancelled.add(message.id);
      aborts.get(message.id)?.abort();
      return;
    }
    const { id, request } = message;
    busy++;
    clearTimeout(idleTimer);
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
      busy--;
      loadWhenIdle();
    }
  };
}
