/**
 * The preview's planning where the workbook is (the planner worker): the tables are read once and kept until
 * the workbook changes, and check, run and report work on them there. The page gets summaries (issues, table
 * statuses, the filter builder's compact rows, hashes, the run's result), never the 150,000 formation rows.
 */
import { readPlan, type ReadResult, type TableRows } from "../model/input";
import { needsSolver, runPlanAsync, type RunStep } from "../model/engine";
import { warmSolver } from "../model/solver";
import { compactSelectionRows, type SelectionRows } from "../model/filter-selection";
import { fullReport } from "../model/report-full";
import { REALISATIE_TABLE } from "../model/monitor";
import type { NoteLanguage } from "../model/notes";
import type { InputSources } from "../model/sources";
import {
  tableStatus,
  type PlanCheck,
  type PlanRun,
  type ReportResult,
  type TableStatus,
} from "../model/ports";
import { hashInputs, type ReportSheet } from "../model/report";
import { TABLES } from "../model/schema";
import type { Plan, RunResult } from "../model/types";
import type { ReadTables } from "../model/workbook-types";

/** A check as the worker sends it: PlanCheck, with the generation of the tables it describes. */
export type HeldCheck = Omit<PlanCheck, "selection"> & {
  selection: SelectionRows | null;
  generation: number;
};

interface Checked {
  /** one number per read of the tables, so the page can keep what it already has */
  generation: number;
  read: ReadTables;
  plan: ReadResult;
  /** hashInputs of the tables, made once when first asked (see current) */
  inputHash: () => string;
  /** the check's answer but the filter builder's rows, once made */
  summary?: Omit<HeldCheck, "selection" | "generation">;
  /** the filter builder's rows, once made */
  selection?: SelectionRows;
}

export class PlanSession {
  private checked: Checked | null = null;
  /** the check being made (current) */
  private checking: Promise<Checked> | null = null;
  private generation = 0;
  private last: {
    result: RunResult;
    inputHash: string;
    plan: Plan;
    tables: ReadTables["tables"];
    readAt: Date;
  } | null = null;

  /**
   * `read` gives the workbook's input tables as they are now; `statusOf` their status for the check's answer
   * (the open has it made already for the tables it read).
   */
  constructor(
    private readonly read: () => Promise<ReadTables>,
    private readonly statusOf: (read: ReadTables) => TableStatus[] = (read) => tableStatus(read, TABLES),
  ) {}

  /** The workbook changed (template, scenarios, report, another file): read the tables again when needed. */
  invalidate(): void {
    this.checked = null;
    this.checking = null;
  }

  /**
   * The tables' check, read and made once per read of the tables; callers meanwhile share the one under way.
   * One begun before the workbook changed (invalidate) answers its callers but is not kept.
   */
  private current(): Promise<Checked> {
    if (this.checked) return Promise.resolve(this.checked);
    if (!this.checking) {
      const making: Promise<Checked> = this.make().then(
        (checked) => {
          if (this.checking !== making) return checked;
          this.checking = null;
          this.checked = checked;
          // HiGHS (WebAssembly) starts and compiles where it will solve while the planner looks at the
          // check, not when they press run; a failure to load shows at the run.
          const plan = checked.plan.plan;
          if (plan && needsSolver(plan)) warmSolver();
          return checked;
        },
        (e: unknown) => {
          if (this.checking === making) this.checking = null;
          throw e;
        },
      );
      this.checking = making;
    }
    return this.checking;
  }

  private async make(): Promise<Checked> {
    const read = await this.read();
    let hash: string | null = null;
    return {
      generation: ++this.generation,
      read,
      plan: readPlan(read.tables),
      inputHash: () => (hash ??= hashInputs(read.tables)),
    };
  }

  /**
   * Makes the check the pane is about to ask for (after an open, the page first mounts the pane anew): the
   * tables are read and checked here meanwhile, and the pane's check finds it made.
   */
  prepare(): void {
    void this.current()
      .then((checked) => this.summarise(checked))
      .catch(() => undefined);
  }

  /**
   * The check's summary; the filter builder's rows are left out (null) when the page already has those of
   * this `generation` of the tables (`known`).
   */
  async check(known?: number): Promise<HeldCheck> {
    const checked = await this.current();
    const { summary, selection } = this.summarise(checked);
    // Only the run and the report need the hash, not the check the pane waits for after opening: it is
    // made right after the check's answer has gone (0.4 to 0.7 s of this worker for 150,000 rows).
    setTimeout(() => this.checked === checked && checked.inputHash(), 0);
    return {
      ...summary,
      selection: known === checked.generation ? null : selection,
      generation: checked.generation,
    };
  }

  /**
   * The check's answer, made once per read of the tables: the pane checks again before every run (alongside
   * it), and counting 150,000 rows each time held the run up.
   */
  private summarise(checked: Checked): Required<Pick<Checked, "summary" | "selection">> {
    const { read, plan } = checked;
    checked.selection ??= compactSelectionRows(read.tables.Formatie ?? undefined);
    checked.summary ??= (() => {
      // Header rows only: the pane shows statuses and cell addresses, never the data.
      const headers: Record<string, TableRows> = {};
      for (const [name, rows] of Object.entries(read.tables)) if (rows) headers[name] = rows.slice(0, 1);
      return {
        read: { tables: headers, locations: read.locations },
        status: this.statusOf(read),
        issues: plan.issues,
        scenarios: read.tables.Scenarios ? read.tables.Scenarios.map((r) => [...r]) : null,
      };
    })();
    return { summary: checked.summary, selection: checked.selection };
  }

  /** Checks and runs the tables, with `scenarios` in place of the stored Scenarios table when given. */
  async run(
    scenarios: TableRows | null,
    options: {
      onProgress?: (done: number, total: number, scenario: string, step?: RunStep) => void;
      isCancelled?: () => boolean;
      /** aborted on cancel: also ends an Optimaal solve under way */
      signal?: AbortSignal;
    } = {},
  ): Promise<PlanRun> {
    const readAt = new Date();
    const checked = await this.current();
    let { plan } = checked;
    let tables = checked.read.tables;
    let inputHash: string;
    // The pane sends the scenarios on screen; unchanged from the stored ones (the usual case), the check's
    // plan and hash hold, and 150,000 formation rows are not read and hashed again.
    if (scenarios && JSON.stringify(scenarios) !== JSON.stringify(tables.Scenarios ?? null)) {
      tables = { ...tables, Scenarios: scenarios };
      plan = readPlan(tables);
      inputHash = hashInputs(tables);
    } else inputHash = checked.inputHash();
    if (!plan.plan) return { issues: plan.issues, result: null, inputHash };
    const result = await runPlanAsync(plan.plan, options);
    this.last = { result, inputHash, plan: plan.plan, tables, readAt };
    return { issues: plan.issues, result, inputHash };
  }

  /**
   * The report of the last run, written through `write`, when the tables still hash to what the pane ran;
   * null when they do not (the pane then asks for a new run).
   */
  async writeReport(
    options: { inputHash: string; lang: NoteLanguage; createdAt: Date },
    write: (sheets: ReportSheet[]) => Promise<ReportResult>,
    /** what the full report needs besides the run: the Realisatie table (Monitor) and the file's sources */
    extras: () => Promise<{ realisation: TableRows | null; sources: InputSources }>,
  ): Promise<ReportResult | null> {
    const inputHash = (await this.current()).inputHash();
    const last = this.last;
    if (!last || last.inputHash !== options.inputHash || inputHash !== options.inputHash) return null;
    const { realisation, sources } = await extras();
    // The same full report as the command line's --out (src/model/report-full.ts).
    return write(
      fullReport({
        plan: last.plan,
        result: last.result,
        tables: realisation ? { ...last.tables, [REALISATIE_TABLE]: realisation } : last.tables,
        // The run's hash is over these very tables, unless the Realisatie table joins them.
        inputHash: realisation ? undefined : last.inputHash,
        sources: { ...sources, readAt: last.readAt },
        createdAt: options.createdAt,
        lang: options.lang,
      }),
    );
  }
}
