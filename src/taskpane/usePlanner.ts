/**
 * The task pane's state and actions. All workbook access goes through the gateway; all arithmetic
 * through the engine. Long actions report progress; a run can be cancelled.
 */
import { useCallback, useRef, useState } from "react";
import { readPlan, CancelledError, TABLES, type Issue, type RunResult } from "../model";
import { buildReport, hashInputs } from "../model/report";
import { draftsFromRows, rowsFromDrafts, type ScenarioDraft } from "../model/scenarios";
import { VERSION } from "../model/version";
import { runInWorker } from "../worker/client";
import type { ReadTables } from "../model/workbook-types";
import { tableStatus, type TableStatus, type WorkbookGateway } from "./gateway";
import { translate, type Language } from "./i18n";

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
}

export interface PlannerState {
  status: TableStatus[] | null;
  issues: Issue[] | null;
  drafts: ScenarioDraft[];
  dirty: boolean;
  result: RunResult | null;
  busy: Busy | null;
  message: Message | null;
}

export function usePlanner(gateway: WorkbookGateway, lang: Language) {
  const t = useCallback((key: Parameters<typeof translate>[1]) => translate(lang, key), [lang]);
  const [state, setState] = useState<PlannerState>({
    status: null,
    issues: null,
    drafts: [],
    dirty: false,
    result: null,
    busy: null,
    message: null,
  });
  const abort = useRef<AbortController | null>(null);
  const lastRead = useRef<ReadTables | null>(null);
  const patch = (p: Partial<PlannerState>) => setState((s) => ({ ...s, ...p }));

  const fail = (e: unknown) =>
    patch({
      busy: null,
      message: { intent: "error", title: t("error"), text: `${(e as Error).message} ${t("tryAgain")}` },
    });

  /** Reads the workbook, refreshes table status, issues and (unless editing) the scenarios. */
  const refresh = useCallback(
    async (keepDrafts = false): Promise<ReadTables | null> => {
      patch({ busy: { label: t("reading"), progress: null, cancellable: false } });
      try {
        const read = await gateway.readTables();
        lastRead.current = read;
        const { issues } = readPlan(read.tables);
        setState((s) => ({
          ...s,
          status: tableStatus(read, TABLES),
          issues,
          drafts: keepDrafts && s.dirty ? s.drafts : draftsFromRows(read.tables.Scenarios ?? []),
          dirty: keepDrafts ? s.dirty : false,
          busy: null,
        }));
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
      const result = await gateway.insertTemplate({ examples });
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

  const saveScenarios = async () => {
    patch({ busy: { label: t("save"), progress: null, cancellable: false }, message: null });
    try {
      await gateway.saveScenarios(rowsFromDrafts(state.drafts));
      patch({ dirty: false });
      await refresh();
      patch({ message: { intent: "success", title: t("save"), text: t("saved") } });
    } catch (e) {
      fail(e);
    }
  };

  const run = async () => {
    patch({ message: null });
    const read = await refresh(true);
    if (!read) return;
    // Unsaved edits are run as they are in the form, so the planner sees what is on screen.
    const tables = state.dirty ? { ...read.tables, Scenarios: rowsFromDrafts(state.drafts) } : read.tables;
    abort.current = new AbortController();
    patch({ busy: { label: t("running"), progress: 0, cancellable: true } });
    try {
      // Checking and running (engine and HiGHS) happen in the planner worker: the pane, and in Excel the
      // FP.* functions that share its runtime, stay responsive.
      const { issues, result } = await runInWorker(
        { task: "run", tables },
        {
          onProgress: (done, total) =>
            patch({ busy: { label: t("running"), progress: done / total, cancellable: true } }),
          signal: abort.current.signal,
        },
      );
      if (!result) {
        patch({
          issues,
          result: null,
          busy: null,
          message: { intent: "error", title: t("error"), text: t("inputErrors") },
        });
        return;
      }
      lastRead.current = { ...read, tables };
      patch({ result, busy: null });
    } catch (e) {
      if (e instanceof CancelledError)
        patch({ busy: null, message: { intent: "info", title: t("cancel"), text: t("cancelled") } });
      else fail(e);
    }
  };

  const cancel = () => abort.current?.abort();

  const writeReport = async () => {
    if (!state.result || !lastRead.current) return;
    patch({ busy: { label: t("writing"), progress: null, cancellable: false }, message: null });
    try {
      const sheets = buildReport(state.result, {
        createdAt: new Date(),
        inputHash: hashInputs(lastRead.current.tables),
        version: VERSION,
      });
      const written = await gateway.writeReport(sheets);
      const renamed = written.renamed.map(
        (r) => `${t("renamedNote")} '${r.wanted}', ${t("renamedUsed")} '${r.used}'.`,
      );
      patch({
        busy: null,
        message: {
          intent: renamed.length ? "warning" : "success",
          title: t("writeReport"),
          text: [`${t("reportDone")}: ${written.sheets.join(", ")}.`, ...renamed].join(" "),
        },
      });
    } catch (e) {
      fail(e);
    }
  };

  return {
    state,
    t,
    refresh,
    insertTemplate,
    selectIssue,
    setDrafts,
    saveScenarios,
    run,
    cancel,
    writeReport,
    dismiss: () => patch({ message: null }),
  };
}

export type Planner = ReturnType<typeof usePlanner>;
