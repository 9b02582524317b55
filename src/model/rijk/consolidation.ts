/**
 * Consolidating the departments (MODEL.md v2): each department's workbook runs as usual and its chosen
 * scenario's years are taken; the Rijk's values are sums, and its ratios come from those sums, never from
 * averaging. A department whose workbook is missing or has input errors is left out, named, and the Rijk
 * totals say that they are incomplete.
 */
import { runPlanAsync } from "../engine";
import { readPlan, type WorkbookTables } from "../input";
import {
  chosenResult,
  latestStatus,
  monitorEntries,
  readMonitorInput,
  type MonitorEntry,
  type MonitorStatus,
} from "../monitor";
import { hashInputs } from "../report";
import type { Issue, PlanParameters, YearMetrics } from "../types";
import { departmentTargets, distribute, type DistributionEntry } from "./distribution";
import { DEPARTMENTS_TABLE, readRijk, type Department, type RijkInput } from "./tables";

/** A department's workbook as loaded by the caller (the command line from disk, the pane from a file picker). */
export interface DepartmentSource {
  /** the file as named (Werkmap), or as picked */
  file: string | null;
  tables: WorkbookTables | null;
  /** why the workbook could not be read (missing, not an .xlsx) */
  loadError?: { nl: string; en: string };
  readAt?: Date;
}

export type DepartmentLoader = (department: Department) => Promise<DepartmentSource>;

export interface DepartmentOutcome {
  name: string;
  row: number;
  exempt: boolean;
  weight: number;
  expenditure: number;
  file: string | null;
  readAt: Date | null;
  inputHash: string | null;
  scenario: string;
  targetSource: "own" | "distributed";
  included: boolean;
  issues: Issue[];
  years: YearMetrics[];
  /** the baseline's primary FTE per year, for the Rijk's primaryRetained */
  baselinePrimary: number[];
  params: PlanParameters | null;
  monitor: MonitorEntry[];
  status: MonitorStatus | null;
}

export interface RijkTotals {
  complete: boolean;
  years: YearMetrics[];
  /** departments left out, by name */
  leftOut: string[];
}

export interface RijkResult {
  input: RijkInput;
  distribution: DistributionEntry[];
  departments: DepartmentOutcome[];
  rijk: RijkTotals;
  /** the Rijk workbook's issues and the consolidation's own (years dropped, departments left out) */
  issues: Issue[];
  /** false when the Rijk workbook itself has input errors (nothing consolidated) */
  ok: boolean;
}

const issue = (
  severity: Issue["severity"],
  table: string,
  row: number | null,
  column: string | null,
  message: string,
  messageEn: string,
): Issue => ({ severity, table, row, column, message, messageEn });

function emptyOutcome(d: Department, source: DepartmentSource | null): DepartmentOutcome {
  return {
    name: d.name,
    row: d.row,
    exempt: d.exempt,
    weight: d.weight,
    expenditure: d.expenditure,
    file: source?.file ?? d.workbook,
    readAt: source?.readAt ?? null,
    inputHash: source?.tables ? hashInputs(source.tables) : null,
    scenario: d.scenario ?? "Basis",
    targetSource: "distributed",
    included: false,
    issues: [],
    years: [],
    baselinePrimary: [],
    params: null,
    monitor: [],
    status: null,
  };
}

/** Runs one department: its chosen scenario with its own or its distributed target. */
export async function runDepartment(
  d: Department,
  source: DepartmentSource,
  distributed: Map<number, number>,
): Promise<DepartmentOutcome> {
  const out = emptyOutcome(d, source);
  if (!source.tables) {
    const why = source.loadError ?? { nl: "geen werkmap opgegeven", en: "no workbook given" };
    out.issues.push(
      issue(
        "error",
        DEPARTMENTS_TABLE,
        d.row,
        "Werkmap",
        `Departement '${d.name}': ${why.nl}; het telt niet mee in de rijksbrede optelling.`,
        `Department '${d.name}': ${why.en}; it is left out of the Rijk totals.`,
      ),
    );
    return out;
  }
  const { plan, issues } = readPlan(source.tables);
  out.issues.push(...issues);
  const monitorInput = readMonitorInput(source.tables, plan, {
    override: d.scenario,
    warnIfAbsent: true,
    overrideSource: { table: DEPARTMENTS_TABLE, row: d.row },
  });
  out.issues.push(...monitorInput.issues);
  out.scenario = monitorInput.chosen.name;
  if (!plan || out.issues.some((i) => i.severity === "error")) return out;
  if (plan.targets.size > 0) out.targetSource = "own";
  else {
    out.targetSource = "distributed";
    plan.targets = new Map(distributed);
    // Without its own Taakstelling a department takes its share of the Rijk's target: the reader's warning
    // that the target is 0 does not hold here.
    out.issues = out.issues.filter(
      (i) => !(i.table === "Taakstelling" && i.row === null && i.severity === "warning"),
    );
  }
  const chosen = plan.scenarios.filter((s) => s.name === monitorInput.chosen.name);
  const result = await runPlanAsync({ ...plan, scenarios: chosen });
  const scenario = chosenResult(result, monitorInput.chosen);
  out.years = scenario.years;
  out.baselinePrimary = result.scenarios[0].years.map((y) => y.ftePrimary);
  out.params = plan.params;
  out.monitor = monitorEntries(scenario, monitorInput.rows, plan.params);
  out.status = latestStatus(out.monitor);
  out.included = true;
  return out;
}

const SUMMED: readonly (keyof YearMetrics)[] = [
  "fte",
  "ftePrimary",
  "fteOverhead",
  "personnelCost",
  "externalSpend",
  "m2",
  "housingCost",
  "structuralCost",
  "oneOffCost",
  "structuralSavings",
  "target",
  "gap",
  "forcedExits",
];

/** Sums per common year; ratios from the sums (MODEL.md v2). */
export function consolidateYears(departments: readonly DepartmentOutcome[]): {
  years: YearMetrics[];
  dropped: number[];
} {
  const included = departments.filter((d) => d.included);
  if (included.length === 0) return { years: [], dropped: [] };
  const all = new Set<number>();
  for (const d of included) for (const y of d.years) all.add(y.year);
  const common = [...all]
    .filter((year) => included.every((d) => d.years.some((y) => y.year === year)))
    .sort((a, b) => a - b);
  const dropped = [...all].filter((y) => !common.includes(y)).sort((a, b) => a - b);
  const years = common.map((year): YearMetrics => {
    const sum = Object.fromEntries(SUMMED.map((k) => [k, 0])) as Record<string, number>;
    let baselinePrimary = 0;
    for (const d of included) {
      const i = d.years.findIndex((y) => y.year === year);
      const y = d.years[i];
      for (const k of SUMMED) sum[k] += y[k];
      baselinePrimary += d.baselinePrimary[i];
    }
    return {
      year,
      fte: sum.fte,
      ftePrimary: sum.ftePrimary,
      fteOverhead: sum.fteOverhead,
      overheadRatio: sum.fte > 0 ? sum.fteOverhead / sum.fte : 0,
      personnelCost: sum.personnelCost,
      externalSpend: sum.externalSpend,
      roemerShare:
        sum.personnelCost + sum.externalSpend > 0
          ? sum.externalSpend / (sum.personnelCost + sum.externalSpend)
          : 0,
      m2: sum.m2,
      housingCost: sum.housingCost,
      structuralCost: sum.structuralCost,
      oneOffCost: sum.oneOffCost,
      structuralSavings: sum.structuralSavings,
      target: sum.target,
      gap: sum.gap,
      forcedExits: sum.forcedExits,
      primaryRetained: baselinePrimary > 0 ? sum.ftePrimary / baselinePrimary : 1,
    };
  });
  return { years, dropped };
}

/** The whole Rijk: read the Rijk workbook, distribute, run each department (one at a time), consolidate. */
export async function consolidateRijk(
  rijkTables: WorkbookTables,
  load: DepartmentLoader,
  onProgress?: (done: number, total: number, department: string) => void,
): Promise<RijkResult> {
  const input = readRijk(rijkTables);
  const issues = [...input.issues];
  const { entries, issues: distIssues } = distribute(input.departments, input.targets);
  issues.push(...distIssues);
  const ok = !issues.some((i) => i.severity === "error");
  if (!ok) {
    return {
      input,
      distribution: entries,
      departments: [],
      rijk: { complete: false, years: [], leftOut: [] },
      issues,
      ok,
    };
  }
  const departments: DepartmentOutcome[] = [];
  for (const [i, d] of input.departments.entries()) {
    const source: DepartmentSource = d.workbook
      ? await load(d)
      : {
          file: null,
          tables: null,
          loadError: { nl: "geen Werkmap opgegeven", en: "no Werkmap (workbook) given" },
        };
    departments.push(await runDepartment(d, source, departmentTargets(entries, d.name)));
    onProgress?.(i + 1, input.departments.length, d.name);
  }
  const { years, dropped } = consolidateYears(departments);
  const leftOut = departments.filter((d) => !d.included).map((d) => d.name);
  if (leftOut.length > 0) {
    issues.push(
      issue(
        "warning",
        DEPARTMENTS_TABLE,
        null,
        null,
        `Onvolledig: ${leftOut.join(", ")} ${leftOut.length === 1 ? "telt" : "tellen"} niet mee in de rijksbrede optelling (zie de meldingen per departement).`,
        `Incomplete: ${leftOut.join(", ")} ${leftOut.length === 1 ? "is" : "are"} left out of the Rijk totals (see each department's issues).`,
      ),
    );
  }
  if (dropped.length > 0) {
    issues.push(
      issue(
        "warning",
        DEPARTMENTS_TABLE,
        null,
        null,
        `Jaren ${dropped.join(", ")} vallen weg: niet elk departement rekent ze door; de optelling gaat over ${years.length > 0 ? `${years[0].year}-${years[years.length - 1].year}` : "geen enkel jaar"}.`,
        `Years ${dropped.join(", ")} are dropped: not every department plans them; the totals cover ${years.length > 0 ? `${years[0].year}-${years[years.length - 1].year}` : "no year at all"}.`,
      ),
    );
  }
  return {
    input,
    distribution: entries,
    departments,
    rijk: { complete: leftOut.length === 0, years, leftOut },
    issues,
    ok,
  };
}
