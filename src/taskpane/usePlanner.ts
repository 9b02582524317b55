/**
 * The task pane's state and actions. All workbook access goes through the gateway; all arithmetic
 * through the engine. Long actions report progress; a run can be cancelled. After an action, focus moves
 * to what it produced (the message, or the results), so keyboard and screen-reader users land on it.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { readPlan, CancelledError, TABLES, type Issue, type Plan, type RunResult } from "../model";
import { hashInputs } from "../model/report";
import { fullReport } from "../model/report-full";
import { REALISATIE_TABLE } from "../model/monitor";
import { selectionRows, type SelectionRows } from "../model/filter-selection";
import { checkScenarioDrafts, draftsFromRows, rowsFromDrafts, type ScenarioDraft } from "../model/scenarios";
import { runInWorker } from "../worker/client";
import type { ReadTables } from "../model/workbook-types";
import { tableStatus, type TableStatus, type WorkbookGateway } from "../model/ports";
import { translate, type Language, type StringKey } from "./i18n";
import { formats } from "./components/text";

/** The pane's tabs; App.tsx lists them in order (add one there and here). */
export type TabId = "start" | "check" | "scenarios" | "run" | "rijk";

export interface Busy {
  label: string;
  /** 0..1, or null when unknown */
  progress: number | null;
  cancellable: boolean;
}

export interface Message {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  text: string;
  /** a button in the message that opens a tab, e.g. Controle after input errors */
  goTo?: { tab: TabId; label: string };
  /** the message asks to save unsaved scenarios before writing the report */
  confirmSave?: boolean;
}

/** Where focus goes after an action; the counter makes a repeat of the same target move focus again. */
export interface FocusRequest {
  target: "message" | "results";
  n: number;
}

export interface PlannerState {
  status: TableStatus[] | null;
  issues: Issue[] | null;
  drafts: ScenarioDraft[];
  /** the scenarios as stored in the workbook, to tell which drafts are not saved */
  savedDrafts: ScenarioDraft[];
  dirty: boolean;
  result: RunResult | null;
  /** names of the scenarios in the result that were run unsaved */
  resultUnsaved: string[];
  busy: Busy | null;
  message: Message | null;
  read: ReadTables | null;
  tab: TabId;
  focus: FocusRequest | null;
}

/** Names of drafts that differ from what the Scenarios table holds (new, renamed or edited). */
export function unsavedNames(drafts: ScenarioDraft[], saved: ScenarioDraft[]): string[] {
  const stored = new Map(saved.map((d) => [d.name.trim().toLowerCase(), JSON.stringify(d.levers)]));
  return drafts
    .filter((d) => stored.get(d.name.trim().toLowerCase()) !== JSON.stringify(d.levers))
    .map((d) => d.name);
}

export function usePlanner(gateway: WorkbookGateway, lang: Language) {
  const t = useCallback(
    (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars),
    [lang],
  );
  const [state, setState] = useState<PlannerState>({
    status: null,
    issues: null,
    drafts: [],
    savedDrafts: [],
    dirty: false,
    result: null,
    resultUnsaved: [],
    busy: null,
    message: null,
    read: null,
    tab: "start",
    focus: null,
  });
  // Actions chain (save, run, report): they read the newest state, kept here synchronously, not the render's.
  const current = useRef(state);
  const abort = useRef<AbortController | null>(null);
  /** what the last run read and ran: its tables, plan and read time, for the report */
  const lastRun = useRef<(ReadTables & { plan: Plan; readAt: Date }) | null>(null);
  const focusCount = useRef(0);
  const patch = (p: Partial<PlannerState>) => {
    const next = { ...current.current, ...p };
    current.current = next;
    setState(next);
  };
  const focusOn = (target: FocusRequest["target"]): FocusRequest => ({ target, n: ++focusCount.current });

  const fail = (e: unknown) =>
    patch({
      busy: null,
      message: { intent: "error", title: t("error"), text: `${(e as Error).message} ${t("tryAgain")}` },
      focus: focusOn("message"),
    });

  /** Reads the workbook, refreshes table status, issues and (unless editing) the scenarios. */
  const refresh = useCallback(
    async (keepDrafts = false): Promise<ReadTables | null> => {
      patch({ busy: { label: t("reading"), progress: null, cancellable: false } });
      try {
        const read = await gateway.readTables({
          onProgress: (done, total) =>
            patch({
              busy: { label: t("reading"), progress: total > 0 ? done / total : null, cancellable: false },
            }),
        });
        // The checks include a warning for every stored filter that selects no formation row (the model says so).
        const { issues } = readPlan(read.tables);
        const savedDrafts = draftsFromRows(read.tables.Scenarios ?? []);
        const s = current.current;
        patch({
          read,
          status: tableStatus(read, TABLES),
          issues,
          savedDrafts,
          drafts: keepDrafts && s.dirty ? s.drafts : savedDrafts,
          dirty: keepDrafts ? s.dirty : false,
          busy: null,
        });
        return read;
      } catch (e) {
        fail(e);
        return null;
      }
    },
    [gateway, t],
  );

  const insertTemplate = async (examples: boolean) => {
    patch({ busy: { label: t("insertTemplate"), progress: null, cancellable: false }, message: null });
    try {
      // The template in the pane's language (headers, lists, input messages, examples).
      const result = await gateway.insertTemplate({ examples, lang });
      await refresh(true);
      patch({
        message:
          result.created.length === 0
            ? { intent: "info", title: t("insertTemplate"), text: t("nothingMissing") }
            : {
                intent: "success",
                title: t("templateDone"),
                text: result.created.map((c) => `${c.table} (${t("onSheet")} ${c.sheet})`).join(", "),
              },
        focus: focusOn("message"),
      });
    } catch (e) {
      fail(e);
    }
  };

  const selectIssue = async (issue: Issue) => {
    try {
      await gateway.selectCell({ table: issue.table, row: issue.row, column: issue.column });
    } catch (e) {
      fail(e);
    }
  };

  const setDrafts = (drafts: ScenarioDraft[]) => patch({ drafts, dirty: true });

  /** Stores the drafts; false (with a message) when they have errors or the write fails. */
  const store = async (): Promise<boolean> => {
    const drafts = current.current.drafts;
    if (checkScenarioDrafts(drafts, lang).length > 0) {
      patch({
        message: {
          intent: "error",
          title: t("error"),
          text: t("cannotSave"),
          goTo: { tab: "scenarios", label: t("goToScenarios") },
        },
        focus: focusOn("message"),
      });
      return false;
    }
    patch({ busy: { label: t("saving_"), progress: null, cancellable: false }, message: null });
    try {
      await gateway.saveScenarios(rowsFromDrafts(drafts));
      patch({ dirty: false });
      await refresh();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const saveScenarios = async () => {
    if (await store())
      patch({
        message: { intent: "success", title: t("save"), text: t("saved") },
        focus: focusOn("message"),
      });
  };

  const run = async (): Promise<RunResult | null> => {
    patch({ message: null });
    const read = await refresh(true);
    if (!read) return null;
    const readAt = new Date();
    const { drafts, savedDrafts, dirty } = current.current;
    // Unsaved edits are run as they are in the form, so the planner sees what is on screen.
    const tables = dirty ? { ...read.tables, Scenarios: rowsFromDrafts(drafts) } : read.tables;
    const checked = readPlan(tables);
    const issues = checked.issues;
    if (!checked.plan) {
      const n = issues.filter((i) => i.severity === "error").length;
      patch({
        issues,
        result: null,
        message: {
          intent: "error",
          title: t("inputErrorsTitle"),
          text: n === 1 ? t("inputErrorsOne") : t("inputErrorsMany", { n: formats(lang).count(n) }),
          goTo: { tab: "check", label: t("goToCheck") },
        },
        focus: focusOn("message"),
      });
      return null;
    }
    abort.current = new AbortController();
    patch({ busy: { label: t("running"), progress: 0, cancellable: true } });
    try {
      // The engine and HiGHS run in the planner worker: the pane, and in Excel the FP.* functions that share
      // its runtime, stay responsive.
      const { result } = await runInWorker(
        { task: "run", tables },
        {
          // During a long Optimaal: its stage and the seconds so far ("Optimaal: oplossen, 3 s").
          onProgress: (done, total, _scenario, step) =>
            patch({
              busy: {
                label: step
                  ? t("optimalStep", {
                      stage: t(`optimal_${step.stage}`),
                      s: String(Math.floor(step.elapsedMs / 1000)),
                    })
                  : t("running"),
                progress: done / total,
                cancellable: true,
              },
            }),
          signal: abort.current.signal,
        },
      );
      if (!result) throw new Error(t("inputErrorsOne"));
      lastRun.current = { ...read, tables, plan: checked.plan, readAt };
      patch({
        result,
        resultUnsaved: dirty ? unsavedNames(drafts, savedDrafts) : [],
        busy: null,
        focus: focusOn("results"),
      });
      return result;
    } catch (e) {
      if (e instanceof CancelledError)
        patch({
          busy: null,
          message: { intent: "info", title: t("cancel"), text: t("cancelled") },
          focus: focusOn("message"),
        });
      else fail(e);
      return null;
    }
  };

  const cancel = () => abort.current?.abort();

  const write = async (result: RunResult) => {
    if (!lastRun.current) return;
    patch({ busy: { label: t("writing"), progress: null, cancellable: false }, message: null });
    try {
      // The inputs as they are now: a report never carries the hash of inputs that have since changed.
      const ranHash = hashInputs(lastRun.current.tables);
      const now = await gateway.readTables();
      if (hashInputs(now.tables) !== ranHash) {
        patch({
          busy: null,
          message: { intent: "warning", title: t("writeReport"), text: t("inputsChanged") },
          focus: focusOn("message"),
        });
        return;
      }
      // The same full report as the command line's --out (src/model/report-full.ts): Monitor when the workbook
      // has Realisatie, the file's name and its illustrative marks; in the planner's language.
      const { plan, readAt } = lastRun.current;
      const realisation = (await gateway.readTables({ names: [REALISATIE_TABLE] })).tables[REALISATIE_TABLE];
      const sources = await gateway.readSources?.();
      const sheets = fullReport({
        plan,
        result,
        tables: realisation
          ? { ...lastRun.current.tables, [REALISATIE_TABLE]: realisation }
          : lastRun.current.tables,
        sources: { ...sources, readAt },
        lang,
      });
      const written = await gateway.writeReport(sheets);
      const renamed = written.renamed.map(
        (r) => `${t("renamedNote")} '${r.wanted}', ${t("renamedUsed")} '${r.used}'.`,
      );
      const count = written.sheets.length;
      patch({
        busy: null,
        message: {
          intent: renamed.length ? "warning" : "success",
          title: t("writeReport"),
          text: [
            `${t("reportDone")} ${formats(lang).count(count)} ${count === 1 ? t("sheetsOne") : t("sheetsMany")}: ${written.sheets.join(", ")}.`,
            ...renamed,
          ].join(" "),
        },
        focus: focusOn("message"),
      });
    } catch (e) {
      fail(e);
    }
  };

  /** Writes the report; asks to save first when the result holds scenarios the Scenarios table does not. */
  const writeReport = async () => {
    const { result, resultUnsaved, dirty } = current.current;
    if (!result) return;
    if (resultUnsaved.length > 0 || dirty) {
      const names = resultUnsaved.map((n) => `'${n}'`).join(", ");
      patch({
        message: {
          intent: "warning",
          title: t("unsavedReportTitle"),
          text:
            resultUnsaved.length === 0
              ? t("unsavedDeleted")
              : resultUnsaved.length === 1
                ? t("unsavedReportOne", { names })
                : t("unsavedReportMany", { names }),
          confirmSave: true,
        },
        focus: focusOn("message"),
      });
      return;
    }
    await write(result);
  };

  /** Saves the scenarios, runs them again from the table, and writes the report. */
  const saveAndReport = async () => {
    if (!(await store())) return;
    const result = await run();
    if (result) await write(result);
  };

  const selection: SelectionRows = useMemo(
    () => selectionRows(state.read?.tables.Formatie ?? undefined),
    [state.read],
  );
  const unsaved = useMemo(
    () => unsavedNames(state.drafts, state.savedDrafts),
    [state.drafts, state.savedDrafts],
  );

  return {
    state,
    lang,
    t,
    selection,
    unsaved,
    refresh,
    insertTemplate,
    selectIssue,
    setDrafts,
    saveScenarios,
    run,
    cancel,
    writeReport,
    saveAndReport,
    setTab: (tab: TabId) => patch({ tab }),
    dismiss: () => patch({ message: null }),
  };
}

export type Planner = ReturnType<typeof usePlanner>;
