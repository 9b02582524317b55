/**
 * FP.SCENARIO and FP.COMPARE: the engine in a cell. The ranges passed (tables with their header row) become
 * the model's workbook representation (WorkbookTables), read and checked by readPlan exactly as the command
 * line reads an .xlsx file, and run by the engine through ./engine. One run per set of table values, shared
 * by every cell that asks: cached by a hash of the argument values.
 */
import { readPlan, BASELINE_ALIASES, type WorkbookTables } from "../model/input";
import { hashInputs } from "../model/report";
import { isBlank, normalizeName } from "../model/text";
import type { Issue, RunResult } from "../model/types";
import { asMatrix, checkPayload, label, valueError } from "./arguments";
import { runEngine } from "./engine";
import { findMeasure, MEASURES, YEAR_HEADER } from "./measures";

/** The table arguments, by parameter name (the English parameter names of functions.json). */
export interface TableArgs {
  formation: unknown;
  parameters: unknown;
  scenarios: unknown;
  hire?: unknown;
  housing?: unknown;
  prices?: unknown;
  targets?: unknown;
}

const TABLE_OF: Record<keyof TableArgs, string> = {
  formation: "Formatie",
  parameters: "Parameters",
  scenarios: "Scenarios",
  hire: "Inhuur",
  housing: "Huisvesting",
  prices: "Prijzen",
  targets: "Taakstelling",
};

/** A range as the model reads a table: the header row and the value rows; omitted or empty means no table. */
export function tablesFromArgs(args: TableArgs): WorkbookTables {
  checkPayload(Object.values(args));
  const tables: Record<string, unknown[][]> = {};
  for (const [param, table] of Object.entries(TABLE_OF) as [keyof TableArgs, string][]) {
    const value = args[param];
    if (value === undefined || (!Array.isArray(value) && isBlank(value))) continue;
    tables[table] = asMatrix(value, param);
  }
  return tables;
}

const MAX_CACHED = 16;
const cache = new Map<string, Promise<RunResult>>();

function where(issue: Issue): string {
  return [
    issue.table,
    issue.row !== null ? `rij ${issue.row}` : null,
    issue.column ? `kolom ${issue.column}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** Input errors as Controle shows them: table, row, column and the message, Dutch first. */
export function inputErrorMessage(issues: Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error");
  const first = errors[0];
  const more =
    errors.length > 1 ? ` (+${errors.length - 1} meer / more; zie Controle in het taakvenster)` : "";
  return `Invoerfout in ${where(first)}: ${first.message} / Input error: ${first.messageEn}${more}`;
}

async function compute(tables: WorkbookTables): Promise<RunResult> {
  const { plan, issues } = readPlan(tables);
  if (!plan) throw valueError(inputErrorMessage(issues));
  return runEngine(tables, plan);
}

/** The run for these tables: computed once per distinct set of values, shared while it is computing too. */
export function runFor(tables: WorkbookTables): Promise<RunResult> {
  const key = hashInputs(tables);
  let run = cache.get(key);
  if (run) {
    // Most recently used last, so that the oldest entry is dropped first.
    cache.delete(key);
  } else {
    run = compute(tables);
  }
  cache.set(key, run);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return run;
}

/** Forgets every cached run (tests and the benchmark measure a cold start with it). */
export function clearRunCache(): void {
  cache.clear();
}

function optional(value: unknown): unknown {
  return value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    isBlank(value)
    ? undefined
    : Array.isArray(value)
      ? value.flat()[0]
      : value;
}

/** FP.SCENARIO: the trajectory (header row plus a row per year), one measure's column, or one number. */
export async function scenarioValues(
  args: TableArgs,
  name: unknown,
  measure?: unknown,
  year?: unknown,
): Promise<(string | number)[][]> {
  const tables = tablesFromArgs(args);
  const wantedName = optional(name);
  if (wantedName === undefined) throw valueError(`${label("name")} is leeg: geef een scenario of Basis.`);
  const result = await runFor(tables);
  const key = normalizeName(wantedName);
  const scenario =
    result.scenarios.find((s) => normalizeName(s.name) === key) ??
    (BASELINE_ALIASES.includes(key) ? result.scenarios[0] : undefined);
  if (!scenario) {
    throw valueError(
      `Scenario '${String(wantedName)}' bestaat niet; wel / existing: ${result.scenarios.map((s) => s.name).join(", ")}.`,
    );
  }
  const wantedMeasure = optional(measure);
  const m = wantedMeasure === undefined ? undefined : findMeasure(wantedMeasure);
  if (wantedMeasure !== undefined && !m) {
    throw valueError(
      `Maatstaf '${String(wantedMeasure)}' bestaat niet; wel / existing: ${MEASURES.map((x) => x.nl).join(", ")} (of / or ${MEASURES.map((x) => x.key).join(", ")}).`,
    );
  }
  const wantedYear = optional(year);
  let years = scenario.years;
  if (wantedYear !== undefined) {
    years = years.filter((y) => y.year === Number(wantedYear));
    if (years.length === 0) {
      const all = scenario.years.map((y) => y.year);
      throw valueError(
        `${label("year")} ${String(wantedYear)} ligt niet in de planperiode ${all[0]}-${all[all.length - 1]} / is not in the plan period.`,
      );
    }
  }
  if (m) return years.map((y) => [y[m.key]]);
  if (wantedYear !== undefined) return [MEASURES.map((x) => years[0][x.key])];
  return [
    [YEAR_HEADER, ...MEASURES.map((x) => x.nl)],
    ...years.map((y) => [y.year, ...MEASURES.map((x) => y[x.key])]),
  ];
}

/** The command line's comparison table: the end year of every scenario against the cheese-slicer. */
export const COMPARE_HEADERS = [
  "Scenario",
  "Structurele besparing",
  "Taakstelling",
  "Taakstelling gehaald",
  "FTE",
  "Overhead %",
  "Overheadnorm gehaald",
  "Roemer %",
  "Roemernorm gehaald",
  "m2",
  "Primair behouden",
  "Primair bij kaasschaaf (zelfde besparing)",
  "Gedwongen uitstroom (FTE, totaal)",
];

export async function compareScenarios(args: TableArgs): Promise<(string | number)[][]> {
  const result = await runFor(tablesFromArgs(args));
  const yn = (b: boolean) => (b ? "ja" : "nee");
  return [
    COMPARE_HEADERS,
    ...result.comparison.map((c) => [
      c.name,
      c.endYear.structuralSavings,
      c.endYear.target,
      yn(c.meetsTarget),
      c.endYear.fte,
      c.endYear.overheadRatio,
      yn(c.meetsOverheadNorm),
      c.endYear.roemerShare,
      yn(c.meetsRoemernorm),
      c.endYear.m2,
      c.primaryRetained,
      c.cheesePrimaryRetained,
      c.cumulativeForcedExits,
    ]),
  ];
}
