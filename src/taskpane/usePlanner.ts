/**
 * The task pane's state and actions. All workbook access goes through the gateway; all arithmetic
 * through the engine. Long actions report progress; a run can be cancelled. After an action, focus moves
 * to what it produced (the message, or the results), so keyboard and screen-reader users land on it.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { readPlan, CancelledError, TABLES, type Issue, type Plan, type RunResult } from "../model";
import { hashInputs } from "../model/report";
import { fullReport } from "../model/report-full";
import { needsSolver, type RunStep } from "../model/engine";
import { REALISATIE_TABLE } from "../model/monitor";
import { selectionRows, type SelectionRows } from "../model/filter-selection";
import { checkScenarioDrafts, draftsFromRows, rowsFromDrafts, type ScenarioDraft } from "../model/scenarios";
import { runInWorker } from "../worker/client";
import type { ReadTables } from "../model/workbook-types";
import type { WorkbookTables } from "../model/input";
import { tableStatus, type ReportResult, type TableStatus, type WorkbookGateway } from "../model/ports";
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
  /** the formation rows for the filter builder, when the gateway plans by itself (read then has headers only) */
  held: SelectionRows | null;
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
  const [state, setState] = useState<PlannerState>(() => ({
    // The tables as opened, when the gateway has them before its check (the preview): shown at once.
    status: gateway.planning?.found ?? null,
    issues: null,
    drafts: [],
    savedDrafts: [],
    dirty: false,
    result: null,
    resultUnsaved: [],
    busy: null,
    message: null,
    read: null,
    held: null,
    tab: "start",
    focus: null,
  }));
  // Actions chain (save, run, report): they read the newest state, kept here synchronously, not the render's.
  const current = useRef(state);
  const abort = useRef<AbortController | null>(null);
  // What the last run used: its tables, plan and read time here, or (a gateway that plans by itself) their hash.
  const lastRun = useRef<{ tables: WorkbookTables; plan: Plan; readAt: Date } | { inputHash: string } | null>(
    null,
  );
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
    async (keepDrafts = false, quiet = false): Promise<ReadTables | null> => {
      // quiet: alongside a run, whose progress the pane shows meanwhile
      if (!quiet) {
        // With the tables on screen and no check yet (just opened), what is left to wait for is the check.
        const label = current.current.status && !current.current.issues ? t("checking") : t("reading");
        patch({ busy: { label, progress: null, cancellable: false } });
      }
      try {
        if (gateway.planning) {
          // The tables stay in the gateway: it checks them there and sends a summary.
          const checked = await gateway.planning.check();
          const savedDrafts = draftsFromRows(checked.scenarios ?? []);
          const s = current.current;
          patch({
            read: checked.read,
            held: checked.selection,
            status: checked.status,
            issues: checked.issues,
            savedDrafts,
            drafts: keepDrafts && s.dirty ? s.drafts : savedDrafts,
            dirty: keepDrafts ? s.dirty : false,
            ...(quiet ? {} : { busy: null }),
          });
          return checked.read;
        }
        const read = await gateway.readTables({
          onProgress: (done, total) =>
            patch({
              busy: { label: t("reading"), progress: total > 0 ? done / total : null, cancellable: false },
            }),
        });
        // The checks include a warning for every stored filter that selects no formation row (the model says so).
        const { issues, plan } = readPlan(read.tables);
        // HiGHS warms up in the worker while the planner looks at the check (solver.ts, warmSolver).
        if (plan && needsSolver(plan)) void runInWorker({ task: "warmSolver" }).catch(() => undefined);
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
    // A gateway that plans by itself checks in its run (the tables where they are): its check for the pane is
    // refreshed alongside, not awaited first (a round trip and a render of the check, 0.2 s at 150,000 rows).
    // The scenarios run are the same either way: the form's if edited (the refresh keeps them), else stored.
    const planning = gateway.planning;
    const refreshed = refresh(true, !!planning);
    const read = planning ? null : await refreshed;
    if (!planning && !read) return null;
    const readAt = new Date();
    const { drafts, savedDrafts, dirty } = current.current;
    // Unsaved edits are run as they are in the form, so the planner sees what is on screen.
    const scenarios = dirty ? rowsFromDrafts(drafts) : null;
    const tables = read && scenarios ? { ...read.tables, Scenarios: scenarios } : read?.tables;
    const inputErrors = (issues: Issue[]) => {
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
    };
    // Otherwise the tables are checked here first.
    let plan: Plan | null = null;
    if (!planning) {
      const checked = readPlan(tables!);
      if (!checked.plan) return inputErrors(checked.issues);
      plan = checked.plan;
    }
    abort.current = new AbortController();
    patch({ busy: { label: t("running"), progress: 0, cancellable: true } });
    try {
      // The engine and HiGHS run in the planner worker: the pane, and in Excel the FP.* functions that share
      // its runtime, stay responsive.
      // During a long Optimaal: its stage and the seconds so far ("Optimaal: oplossen, 3 s").
      const onProgress = (done: number, total: number, _scenario?: string, step?: RunStep) =>
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
        });
      const signal = abort.current.signal;
      let result: RunResult | null;
      if (planning) {
        const ran = await planning.run({ scenarios, onProgress, signal });
        // A check that failed has said why (refresh); so does the run's answer.
        await refreshed;
        if (!ran.result) return inputErrors(ran.issues);
        result = ran.result;
        lastRun.current = { inputHash: ran.inputHash };
      } else {
        result = (await runInWorker({ task: "run", tables: tables! }, { onProgress, signal })).result;
        if (!result) throw new Error(t("inputErrorsOne"));
        lastRun.current = { tables: tables!, plan: plan!, readAt };
      }
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
      const last = lastRun.current;
      let written: ReportResult | null = null;
      if ("inputHash" in last) {
        // Built and written where the tables are, when they still hash the same.
        written =
          (await gateway.planning?.writeRunReport({
            inputHash: last.inputHash,
            lang,
            createdAt: new Date(),
          })) ?? null;
      } else {
        const ranHash = hashInputs(last.tables);
        const now = await gateway.readTables();
        if (hashInputs(now.tables) === ranHash) {
          // The same full report as the command line's --out (src/model/report-full.ts): Monitor when the
          // workbook has Realisatie, the file's name and its illustrative marks; in the planner's language.
          const realisation = (await gateway.readTables({ names: [REALISATIE_TABLE] })).tables[
            REALISATIE_TABLE
          ];
          const sources = await gateway.readSources?.();
          written = await gateway.writeReport(
            fullReport({
              plan: last.plan,
              result,
              tables: realisation ? { ...last.tables, [REALISATIE_TABLE]: realisation } : last.tables,
              sources: { ...sources, readAt: last.readAt },
              lang,
            }),
          );
        }
      }
      if (!written) {
        patch({
          busy: null,
          message: { intent: "warning", title: t("writeReport"), text: t("inputsChanged") },
          focus: focusOn("message"),
        });
        return;
      }
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
    () => state.held ?? selectionRows(state.read?.tables.Formatie ?? undefined),
    [state.read, state.held],
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
