/**
 * MODEL.md v2: the chosen scenario (parameter `Gekozen scenario`) and the monitor (table `Realisatie`):
 * realised values at a peildatum against the chosen scenario's plan interpolated to that date.
 */
import {
  bindSchema,
  bindTable,
  cellOf,
  dataRows,
  IssueList,
  readNumber,
  readText,
  BASELINE_ALIASES,
  BASELINE_NAME,
  type BindableSchema,
  type WorkbookTables,
} from "./input";
import { CellMarker } from "./cells";
import { EURO_FORMAT, FTE_FORMAT, M2_FORMAT, TEXT_PARAMETERS, type ColumnSchema } from "./schema";
import { isBlank, isExcelError, normalizeName } from "./text";
import type { Issue, Plan, PlanParameters, RunResult, ScenarioResult, YearMetrics } from "./types";

export const REALISATIE_TABLE = "Realisatie";

const col = (
  key: string,
  header: string,
  alias: string,
  required: boolean,
  numberFormat?: string,
): ColumnSchema => ({
  key,
  header,
  alias,
  required,
  kind: key === "date" ? "any" : "number",
  numberFormat,
});

export const REALISATIE_SCHEMA: BindableSchema & { descriptionNl: string; descriptionEn: string } = {
  name: REALISATIE_TABLE,
  required: false,
  descriptionNl: "Realisatie per peildatum (monitor)",
  descriptionEn: "Actuals per date (monitor)",
  columns: [
    col("date", "Peildatum", "Date", true, "yyyy-mm-dd"),
    col("fte", "FTE", "FTE", false, FTE_FORMAT),
    col("fteOverhead", "FTE overhead", "Overhead FTE", false, FTE_FORMAT),
    col("personnelCost", "Personele uitgaven", "Personnel spending", false, EURO_FORMAT),
    col("externalSpend", "Inhuur", "Hire", false, EURO_FORMAT),
    col("m2", "m2", "m2", false, M2_FORMAT),
    col("structuralSavings", "Besparing", "Savings", false, EURO_FORMAT),
  ],
};

/** The measures of MODEL.md v2, in the order the monitor lists them. */
export const MEASURES = [
  "fte",
  "fteOverhead",
  "overheadRatio",
  "personnelCost",
  "externalSpend",
  "roemerShare",
  "m2",
  "structuralSavings",
] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, { nl: string; en: string }> = {
  fte: { nl: "FTE", en: "FTE" },
  fteOverhead: { nl: "FTE overhead", en: "Overhead FTE" },
  overheadRatio: { nl: "Overhead %", en: "Overhead ratio" },
  personnelCost: { nl: "Personele uitgaven", en: "Personnel spending" },
  externalSpend: { nl: "Inhuur", en: "External hire" },
  roemerShare: { nl: "Roemer %", en: "Roemer share" },
  m2: { nl: "m2", en: "m2" },
  structuralSavings: { nl: "Besparing", en: "Savings" },
};

/** Measures where more is better; every other is on track at or below plan (README: personnel spending too). */
const HIGHER_IS_BETTER: ReadonlySet<Measure> = new Set<Measure>(["structuralSavings"]);

type BaseMeasure = "fte" | "fteOverhead" | "personnelCost" | "externalSpend" | "m2" | "structuralSavings";
const BASE_MEASURES: readonly BaseMeasure[] = [
  "fte",
  "fteOverhead",
  "personnelCost",
  "externalSpend",
  "m2",
  "structuralSavings",
];

export interface RealisationRow {
  /** ISO date yyyy-mm-dd */
  date: string;
  /** 1-based data row in Realisatie */
  row: number;
  values: Partial<Record<BaseMeasure, number>>;
}

export interface MonitorEntry {
  date: string;
  scenario: string;
  measure: Measure;
  realised: number;
  plan: number;
  onTrack: boolean;
  /** overheadRatio and roemerShare only: the realised value at or below the norm */
  normMet?: boolean;
  norm?: number;
}

// ---- dates ---------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Excel's 1900 date system: serial 1 is 1900-01-01, with Excel's phantom 29 February 1900 (serial 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day of year, 1 January = 1, and the number of days in that year. */
export function dayOfYear(iso: string): { year: number; day: number; days: number } {
  const [y, m, d] = iso.split("-").map(Number);
  const day = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / DAY_MS + 1;
  return { year: y, day, days: isLeap(y) ? 366 : 365 };
}

// ---- reading -------------------------------------------------------------------------------

/** Reads the date cell: an Excel date (serial number), or text yyyy-mm-dd / dd-mm-yyyy with a warning. */
function readDate(issues: IssueList, row: number, raw: unknown): string | null {
  const column = "Peildatum";
  // The .xlsx reader marks a date-formatted cell (src/model/cells.ts) so that number columns can refuse it;
  // here a date is what belongs, and its serial number is what Excel's API would give.
  if (raw instanceof CellMarker && raw.kind === "date" && typeof raw.detail === "number") raw = raw.detail;
  if (typeof raw === "number" && Number.isFinite(raw) && raw >= 1 && raw < 2958466)
    return excelSerialToIso(raw);
  if (typeof raw === "string" && !isExcelError(raw) && !isBlank(raw)) {
    const t = String(raw).trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    let ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
    m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(t);
    if (!ymd && m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
    if (ymd) {
      const date = new Date(Date.UTC(ymd[0], ymd[1] - 1, ymd[2]));
      if (date.getUTCMonth() === ymd[1] - 1 && date.getUTCDate() === ymd[2]) {
        const iso = date.toISOString().slice(0, 10);
        issues.warning(
          REALISATIE_TABLE,
          row,
          column,
          `Datum opgeslagen als tekst ('${t}'), gelezen als ${iso}.`,
          `Date stored as text ('${t}'), read as ${iso}.`,
        );
        return iso;
      }
    }
  }
  if (isBlank(raw)) {
    issues.error(REALISATIE_TABLE, row, column, `Peildatum ontbreekt.`, `Date is missing.`);
  } else {
    issues.error(
      REALISATIE_TABLE,
      row,
      column,
      `'${String(raw)}' is geen datum; gebruik een Excel-datum.`,
      `'${String(raw)}' is not a date; use an Excel date.`,
    );
  }
  return null;
}

/** Reads `Realisatie`; absent means no rows. Rows sorted by date. */
export function readRealisation(tables: WorkbookTables): { rows: RealisationRow[]; issues: Issue[] } {
  const issues = new IssueList();
  const table = bindSchema(issues, tables, REALISATIE_SCHEMA);
  const rows: RealisationRow[] = [];
  if (!table) return { rows, issues: issues.items };
  const seen = new Map<string, number>();
  for (const [r, row] of dataRows(table)) {
    const date = readDate(issues, r, cellOf(table, "date", row));
    const values: RealisationRow["values"] = {};
    let ok = true;
    for (const key of BASE_MEASURES) {
      const raw = cellOf(table, key, row);
      if (isBlank(raw)) continue;
      const spec = REALISATIE_SCHEMA.columns.find((c) => c.key === key)!;
      // Savings may be negative (costs rose); everything else is a stock or spending, never negative.
      const n = readNumber(
        issues,
        { table: REALISATIE_TABLE, row: r, column: spec.header },
        raw,
        key === "structuralSavings" ? {} : { min: 0, what: { nl: "waarde", en: "value" } },
      );
      if (n === null) ok = false;
      else values[key] = n;
    }
    if (ok && Object.keys(values).length === 0) {
      issues.error(
        REALISATIE_TABLE,
        r,
        null,
        `Rij zonder meetwaarde: vul minstens een van FTE, FTE overhead, Personele uitgaven, Inhuur, m2 of Besparing.`,
        `Row without a measure: fill at least one of FTE, Overhead FTE, Personnel spending, Hire, m2 or Savings.`,
      );
      ok = false;
    }
    if (date === null || !ok) continue;
    if (seen.has(date)) {
      issues.error(
        REALISATIE_TABLE,
        r,
        "Peildatum",
        `Peildatum ${date} staat dubbel (ook in rij ${seen.get(date)}).`,
        `Date ${date} is duplicated (also in row ${seen.get(date)}).`,
      );
      continue;
    }
    seen.set(date, r);
    rows.push({ date, row: r, values });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { rows, issues: issues.items };
}

export interface ChosenScenario {
  /** the scenario's name as the run result has it; "Basis" when none was chosen */
  name: string;
  /** whether the workbook (or an override) named one */
  explicit: boolean;
}

/**
 * Reads `Gekozen scenario` from Parameters, or takes `override` (the Rijk's Departementen.Scenario).
 * A name that is not a scenario of the plan is an error; absent gives Basis with a warning when `warnIfAbsent`.
 */
export function readChosenScenario(
  tables: WorkbookTables,
  plan: Plan | null,
  options: {
    override?: string | null;
    warnIfAbsent?: boolean;
    overrideSource?: { table: string; row: number };
  } = {},
): { chosen: ChosenScenario; issues: Issue[] } {
  const issues = new IssueList();
  const spec = TEXT_PARAMETERS.find((p) => p.key === "chosenScenario")!;
  let name: string | null = null;
  let where: { table: string; row: number | null; column: string } = {
    table: "Parameters",
    row: null,
    column: "Waarde",
  };
  if (options.override && options.override.trim() !== "") {
    name = options.override.trim();
    where = {
      table: options.overrideSource?.table ?? "Departementen",
      row: options.overrideSource?.row ?? null,
      column: "Scenario",
    };
  } else {
    // Bound silently: readPlan reports the Parameters table's own problems.
    const table = bindTable(new IssueList(), tables, "Parameters");
    if (table) {
      for (const [r, row] of dataRows(table)) {
        const key = normalizeName(cellOf(table, "name", row));
        if (key !== normalizeName(spec.name) && key !== normalizeName(spec.alias)) continue;
        const value = readText(
          issues,
          { table: "Parameters", row: r, column: "Waarde" },
          cellOf(table, "value", row),
        );
        if (value !== null) {
          name = value;
          where = { table: "Parameters", row: r, column: "Waarde" };
        }
      }
    }
  }
  if (name === null) {
    if (options.warnIfAbsent)
      issues.warning(
        "Parameters",
        null,
        "Parameter",
        `Geen 'Gekozen scenario': de basislijn (Basis) telt als gekozen scenario.`,
        `No 'Gekozen scenario' (chosen scenario): the baseline (Basis) counts as the chosen scenario.`,
      );
    return { chosen: { name: BASELINE_NAME, explicit: false }, issues: issues.items };
  }
  if (BASELINE_ALIASES.includes(normalizeName(name))) {
    return { chosen: { name: BASELINE_NAME, explicit: true }, issues: issues.items };
  }
  const match = plan?.scenarios.find((s) => normalizeName(s.name) === normalizeName(name));
  if (plan && !match) {
    issues.error(
      where.table,
      where.row,
      where.column,
      `Gekozen scenario '${name}' is geen scenario van de werkmap; kies uit Basis${plan.scenarios.map((s) => ", " + s.name).join("")}.`,
      `Chosen scenario '${name}' is not a scenario of the workbook; choose Basis${plan.scenarios.map((s) => ", " + s.name).join("")}.`,
    );
  }
  return { chosen: { name: match?.name ?? name, explicit: true }, issues: issues.items };
}

// ---- the plan at a date --------------------------------------------------------------------

/**
 * The plan value of a series at date `iso`: V(Y-1) + (V(Y) - V(Y-1)) x day/days, V(base) up to the end of
 * the base year, V(end) after the end year (MODEL.md v2). `years` are the scenario's yearly values.
 */
export function interpolateAt(
  years: readonly YearMetrics[],
  iso: string,
  pick: (y: YearMetrics) => number,
): number {
  const { year, day, days } = dayOfYear(iso);
  const base = years[0].year;
  const end = years[years.length - 1].year;
  if (year <= base) return pick(years[0]);
  if (year > end) return pick(years[years.length - 1]);
  const prev = pick(years[year - 1 - base]);
  const next = pick(years[year - base]);
  return prev + ((next - prev) * day) / days;
}

/** All measures of the plan at a date; ratios from the interpolated parts. */
export function planAt(years: readonly YearMetrics[], iso: string): Record<Measure, number> {
  const v = (k: BaseMeasure) => interpolateAt(years, iso, (y) => y[k]);
  const fte = v("fte");
  const fteOverhead = v("fteOverhead");
  const personnelCost = v("personnelCost");
  const externalSpend = v("externalSpend");
  return {
    fte,
    fteOverhead,
    overheadRatio: ratio(fteOverhead, fte),
    personnelCost,
    externalSpend,
    roemerShare: ratio(externalSpend, personnelCost + externalSpend),
    m2: v("m2"),
    structuralSavings: v("structuralSavings"),
  };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** Realised at or below (or, for savings, at or above) plan, with a hair of slack for rounding. */
export function isOnTrack(measure: Measure, realised: number, plan: number): boolean {
  const slack =
    measure === "overheadRatio" || measure === "roemerShare" ? 1e-9 : 1e-9 * Math.max(1, Math.abs(plan));
  return HIGHER_IS_BETTER.has(measure) ? realised >= plan - slack : realised <= plan + slack;
}

/** Realised measures of one row; ratios only when both parts are filled. */
export function realisedMeasures(row: RealisationRow): Partial<Record<Measure, number>> {
  const v = row.values;
  const out: Partial<Record<Measure, number>> = {};
  for (const m of MEASURES) {
    if (m === "overheadRatio") {
      if (v.fte !== undefined && v.fteOverhead !== undefined) out.overheadRatio = ratio(v.fteOverhead, v.fte);
    } else if (m === "roemerShare") {
      if (v.personnelCost !== undefined && v.externalSpend !== undefined)
        out.roemerShare = ratio(v.externalSpend, v.personnelCost + v.externalSpend);
    } else if (v[m] !== undefined) out[m] = v[m];
  }
  return out;
}

/** The monitor: one entry per filled measure of every Realisatie row, in date order. */
export function monitorEntries(
  scenario: ScenarioResult,
  rows: readonly RealisationRow[],
  params: PlanParameters,
): MonitorEntry[] {
  const entries: MonitorEntry[] = [];
  for (const row of rows) {
    const plan = planAt(scenario.years, row.date);
    const realised = realisedMeasures(row);
    for (const m of MEASURES) {
      const r = realised[m];
      if (r === undefined) continue;
      const entry: MonitorEntry = {
        date: row.date,
        scenario: scenario.name,
        measure: m,
        realised: r,
        plan: plan[m],
        onTrack: isOnTrack(m, r, plan[m]),
      };
      if (m === "overheadRatio") {
        entry.norm = params.overheadNorm;
        entry.normMet = r <= params.overheadNorm + 1e-9;
      } else if (m === "roemerShare") {
        entry.norm = params.roemerNorm;
        entry.normMet = r <= params.roemerNorm + 1e-9;
      }
      entries.push(entry);
    }
  }
  return entries;
}

export interface MonitorStatus {
  date: string;
  onTrack: number;
  measures: number;
  offTrack: Measure[];
  normsMissed: Measure[];
}

/** The latest peildatum at a glance: how many measures are on track, and which are not. */
export function latestStatus(entries: readonly MonitorEntry[]): MonitorStatus | null {
  if (entries.length === 0) return null;
  const date = entries.reduce((a, e) => (e.date > a ? e.date : a), entries[0].date);
  const latest = entries.filter((e) => e.date === date);
  return {
    date,
    onTrack: latest.filter((e) => e.onTrack).length,
    measures: latest.length,
    offTrack: latest.filter((e) => !e.onTrack).map((e) => e.measure),
    normsMissed: latest.filter((e) => e.normMet === false).map((e) => e.measure),
  };
}

export interface MonitorInput {
  chosen: ChosenScenario;
  rows: RealisationRow[];
  issues: Issue[];
}

/**
 * Everything v2 reads from a department's workbook besides readPlan: the chosen scenario and Realisatie.
 * Without Realisatie rows the choice does not matter, so its absence is only warned about with rows.
 */
export function readMonitorInput(
  tables: WorkbookTables,
  plan: Plan | null,
  options: {
    override?: string | null;
    warnIfAbsent?: boolean;
    overrideSource?: { table: string; row: number };
  } = {},
): MonitorInput {
  const realisation = readRealisation(tables);
  const chosen = readChosenScenario(tables, plan, {
    ...options,
    warnIfAbsent: options.warnIfAbsent ?? realisation.rows.length > 0,
  });
  return { chosen: chosen.chosen, rows: realisation.rows, issues: [...chosen.issues, ...realisation.issues] };
}

/** The chosen scenario's result in a run (the baseline when the name is not found). */
export function chosenResult(result: RunResult, chosen: ChosenScenario): ScenarioResult {
  return (
    result.scenarios.find((s) => normalizeName(s.name) === normalizeName(chosen.name)) ?? result.scenarios[0]
  );
}

/** The monitor of a run: entries for the chosen scenario. */
export function monitorOf(result: RunResult, input: MonitorInput): MonitorEntry[] {
  return monitorEntries(chosenResult(result, input.chosen), input.rows, result.params);
}
