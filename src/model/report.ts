/**
 * The report as plain data: sheets of values with their formats, conditional formats and chart
 * descriptions. The Excel layer (src/excel) and the .xlsx writer (src/xlsx) both render this one layout,
 * so the add-in's report and the command line's --out workbook say the same thing in the same place.
 */
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex } from "@noble/hashes/utils";
import { EURO_FORMAT, FTE_FORMAT, M2_FORMAT, PARAMETERS, PERCENT_FORMAT } from "./schema";
import type { WorkbookTables } from "./input";
import { appendYearlyChecks, reviewSheet, REVIEW_SHEET, type ReviewSources } from "./report-review";
import { appendUnitYears } from "./report-units";
import { fitColumns } from "./report-layout";
import type { PlanParameters, RunResult, ScenarioComparison, ScenarioResult, YearMetrics } from "./types";
import { notes as noteText, type NoteLanguage } from "./notes";

export type CellValue = string | number | boolean | null;

/** A rectangle on a sheet, 0-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FormatRange extends Area {
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  italic?: boolean;
  /** wrap the text (headers) */
  wrap?: boolean;
}

/** The ja/nee colours: Excel's own "Good" and "Bad" cell styles, for every writer of the report. */
export const YES_NO_COLOURS = {
  yes: { fill: "#C6EFCE", font: "#006100" },
  no: { fill: "#FFC7CE", font: "#9C0006" },
} as const;

/** Cells whose text is "ja" turn green and "nee" red: norms met and missed. */
export interface YesNoFormat extends Area {
  kind: "yesNo";
  /** the texts that turn green and red; "ja" and "nee" unless the report is in another language */
  yes?: string;
  no?: string;
}

export interface ChartSpec {
  type: "line" | "column";
  title: string;
  /** the data including one header row (series names) and one first column (categories) */
  data: Area;
  /** where the chart sits, in cells */
  anchor: { row: number; col: number };
  yFormat: string;
}

export interface ReportSheet {
  name: string;
  kind: "comparison" | "scenario" | "monitor" | "rijk" | "notes";
  /** rows of values, ragged (a row ends at its last cell; src/model/report.ts Grid.sheet) */
  cells: CellValue[][];
  formats: FormatRange[];
  conditional: YesNoFormat[];
  charts: ChartSpec[];
  /** in characters, fitted to the content (src/model/report-layout.ts) */
  columnWidths: number[];
  /** first rows and columns to freeze (titles, headers, the label column) */
  freezeRows?: number;
  freezeColumns?: number;
}

export interface SheetLayout {
  /** widest a column may get, per column (default MAX_WIDTH); longer texts wrap */
  maxWidths?: (number | undefined)[];
  freezeRows?: number;
  freezeColumns?: number;
}

export interface Provenance {
  createdAt: Date;
  inputHash: string;
  version: string;
  /** input file, when it was read, figures it marks as illustrative (src/model/report-review.ts) */
  sources?: Omit<ReviewSources, "inputHash">;
}

export const REPORT_MARKER = "Formatieplanner-rapport";

/** Whether a cell (1-based row and column) is an earlier report sheet's marker: REPORT_MARKER in A2. */
export function isReportMarker(row: number, col: number, value: unknown): boolean {
  return row === 2 && col === 1 && value === REPORT_MARKER;
}
export const COMPARISON_SHEET = "Vergelijking";
const TITLE_FILL = "#154273";
const HEADER_FILL = "#DCE6F0";

const yesNo = (b: boolean): string => (b ? "ja" : "nee");

/** Local time with its offset from UTC, as a reader in any time zone can place it: 2026-11-28 18:04:05 +01:00. */
export function localTimestamp(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** Stable hash of the input tables, for the provenance block: same inputs, same hash. */
export function hashInputs(tables: WorkbookTables): string {
  const names = Object.keys(tables).sort();
  const parts = names.map((n) => [n, tables[n] ?? null]);
  return bytesToHex(sha256(JSON.stringify(parts))).slice(0, 16);
}

/**
 * Excel sheet names: not empty, at most 31 characters, none of : \\ / ? * [ ], not starting or ending
 * with an apostrophe, and not "History" (reserved). Cut to 31 first and cleaned after, so that the cut
 * cannot bring back a trailing apostrophe or space; a plain loop, linear in the name's length.
 */
export function safeSheetName(name: string): string {
  let s = Array.from(name.slice(0, 200))
    .map((ch) => (/[:\\/?*[\]]/.test(ch) || ch < " " ? "-" : ch))
    .join("")
    .slice(0, 31);
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === "'" || s[start] === " ")) start++;
  while (end > start && (s[end - 1] === "'" || s[end - 1] === " ")) end--;
  s = s.slice(start, end);
  if (s === "" || s.toLowerCase() === "history") return "Scenario";
  return s;
}

/**
 * Excel's rules for sheet names: 1-31 characters, none of : \\ / ? * [ ], no apostrophe at the start or
 * the end, and not "History" (reserved by Excel).
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** Cut to at most `max` characters without leaving an apostrophe or space at either end. */
function trimSheetName(name: string, max: number): string {
  return safeSheetName(name.slice(0, max));
}

/** A sheet name not yet taken (case-insensitive): "Vergelijking", "Vergelijking (2)", ... within 31 characters. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = safeSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${trimSheetName(base, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The report's sheets, renamed where a sheet the workbook keeps (`kept`: its sheets but those of an earlier
 * report, which the report replaces) has the name: "Vergelijking (2)".
 */
export function nameReportSheets(
  sheets: ReportSheet[],
  kept: string[],
): { named: ReportSheet[]; renamed: { wanted: string; used: string }[] } {
  const taken = new Set(kept.map((n) => n.toLowerCase()));
  const renamed: { wanted: string; used: string }[] = [];
  const named = sheets.map((s) => {
    const used = uniqueSheetName(s.name, taken);
    taken.add(used.toLowerCase());
    if (used !== s.name) renamed.push({ wanted: s.name, used });
    return { ...s, name: used };
  });
  return { named, renamed };
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

export class Grid {
  cells: CellValue[][] = [];
  formats: FormatRange[] = [];
  conditional: YesNoFormat[] = [];
  charts: ChartSpec[] = [];
  get nextRow(): number {
    return this.cells.length;
  }
  put(row: number, col: number, value: CellValue): void {
    // Excel holds at most 32,767 characters in a cell; a longer text would make the file unreadable.
    if (typeof value === "string" && value.length > MAX_CELL_TEXT)
      // Not between the two halves of a character outside the BMP (an emoji): half a pair cannot be written.
      value = value.slice(0, MAX_CELL_TEXT - 1).replace(/[\uD800-\uDBFF]$/, "") + "…";
    while (this.cells.length <= row) this.cells.push([]);
    const r = this.cells[row];
    while (r.length < col) r.push(null);
    r[col] = value;
  }
  addRow(values: CellValue[]): number {
    const row = this.nextRow;
    values.forEach((v, c) => this.put(row, c, v));
    if (values.length === 0) this.cells.push([]);
    return row;
  }
  format(f: FormatRange): void {
    if (f.rows > 0 && f.cols > 0) this.formats.push(f);
  }
  title(text: string): void {
    const row = this.addRow([text]);
    this.format({ row, col: 0, rows: 1, cols: 1, bold: true, fontSize: 14, fontColor: TITLE_FILL });
  }
  /** A header row plus data rows, with a number format per column; returns the area including the header. */
  table(headers: CellValue[], rows: CellValue[][], formats: (string | undefined)[]): Area {
    const top = this.addRow(headers);
    this.format({
      row: top,
      col: 0,
      rows: 1,
      cols: headers.length,
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
    });
    for (const r of rows) this.addRow(r);
    formats.forEach((numberFormat, col) => {
      if (numberFormat) this.format({ row: top + 1, col, rows: rows.length, cols: 1, numberFormat });
    });
    return { row: top, col: 0, rows: rows.length + 1, cols: headers.length };
  }
  /**
   * The sheet, its rows as written (ragged: each row as long as its last cell). Not padded to a rectangle:
   * with many scenarios the comparison has blocks 10,000 columns wide over 20,000 rows, and padding made that
   * hundreds of millions of empty cells. A writer that needs a rectangle pads per chunk (src/excel).
   */
  sheet(name: string, kind: ReportSheet["kind"], layout: SheetLayout = {}): ReportSheet {
    const { widths, wraps } = fitColumns(this.cells, this.formats, layout.maxWidths);
    return {
      name,
      kind,
      cells: this.cells,
      formats: [...this.formats, ...wraps],
      conditional: this.conditional,
      charts: this.charts,
      columnWidths: widths,
      freezeRows: layout.freezeRows,
      freezeColumns: layout.freezeColumns,
    };
  }
}

const COMPARISON_HEADERS: [string, string | undefined][] = [
  ["Scenario", undefined],
  ["Structurele besparing", EURO_FORMAT],
  ["Taakstelling", EURO_FORMAT],
  ["Verschil", EURO_FORMAT],
  ["Taakstelling gehaald", undefined],
  ["FTE", FTE_FORMAT],
  ["FTE primair", FTE_FORMAT],
  ["Overhead %", PERCENT_FORMAT],
  ["Overheadnorm gehaald", undefined],
  ["Roemer %", PERCENT_FORMAT],
  ["Roemernorm gehaald", undefined],
  ["m2", M2_FORMAT],
  ["Primair behouden", PERCENT_FORMAT],
  ["Primair bij kaasschaaf (zelfde besparing)", PERCENT_FORMAT],
  ["Verschil met kaasschaaf", PERCENT_FORMAT],
  ["Gedwongen uitstroom (FTE, totaal)", FTE_FORMAT],
  ["Eenmalige kosten (totaal)", EURO_FORMAT],
];

function comparisonRow(c: ScenarioComparison): CellValue[] {
  const e = c.endYear;
  return [
    c.name,
    e.structuralSavings,
    e.target,
    e.gap,
    yesNo(c.meetsTarget),
    e.fte,
    e.ftePrimary,
    e.overheadRatio,
    yesNo(c.meetsOverheadNorm),
    e.roemerShare,
    yesNo(c.meetsRoemernorm),
    e.m2,
    c.primaryRetained,
    c.cheesePrimaryRetained,
    c.primaryAdvantage,
    c.cumulativeForcedExits,
    c.cumulativeOneOffCost,
  ];
}

function parameterRows(params: PlanParameters): CellValue[][] {
  return PARAMETERS.map((p) => {
    const value = (params as unknown as Record<string, number | null>)[p.key];
    return [p.name, value ?? "(niet opgegeven)"];
  });
}

/** One block per metric: years down, scenarios across, for the charts and for reading trajectories. */
function trajectoryBlock(
  grid: Grid,
  title: string,
  result: RunResult,
  pick: (y: YearMetrics) => number,
  format: string,
  extra?: { header: string; pick: (y: YearMetrics) => number },
): Area {
  grid.addRow([]);
  const titleRow = grid.addRow([title]);
  grid.format({ row: titleRow, col: 0, rows: 1, cols: 1, bold: true });
  const years = result.scenarios[0].years;
  // Years as numbers under a blank corner cell: Excel then takes the first column as the chart's categories.
  const headers = ["", ...result.scenarios.map((s) => s.name), ...(extra ? [extra.header] : [])];
  const rows = years.map((y, i) => [
    y.year,
    ...result.scenarios.map((s) => pick(s.years[i])),
    ...(extra ? [extra.pick(y)] : []),
  ]);
  const area = grid.table(headers, rows, ["0", ...headers.slice(1).map(() => format)]);
  return area;
}

export function comparisonSheet(
  result: RunResult,
  provenance: Provenance,
  name = COMPARISON_SHEET,
): ReportSheet {
  const grid = new Grid();
  const { params } = result;
  grid.title(`Formatieplanner: vergelijking van scenario's ${params.baseYear}-${params.endYear}`);
  const marker = grid.addRow([
    REPORT_MARKER,
    "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.",
  ]);
  grid.format({ row: marker, col: 0, rows: 1, cols: 2, italic: true, fontColor: "#605E5C" });
  grid.addRow([
    `Eindjaar ${params.endYear}; bedragen in euro per jaar, geïndexeerd; besparing ten opzichte van de basislijn (Basis).`,
  ]);
  grid.addRow([]);
  const area = grid.table(
    COMPARISON_HEADERS.map(([h]) => h),
    result.comparison.map(comparisonRow),
    COMPARISON_HEADERS.map(([, f]) => f),
  );
  for (const col of [4, 8, 10])
    grid.conditional.push({ kind: "yesNo", row: area.row + 1, col, rows: area.rows - 1, cols: 1 });
  const headline = grid.addRow([]);
  grid.put(
    headline + 1,
    0,
    "Kernvraag: hoeveel van het primaire proces houdt elk scenario bij dezelfde besparing, vergeleken met de kaasschaaf? Zie 'Primair behouden' tegenover 'Primair bij kaasschaaf'.",
  );

  const savings = trajectoryBlock(
    grid,
    "Structurele besparing per jaar",
    result,
    (y) => y.structuralSavings,
    EURO_FORMAT,
    {
      header: "Taakstelling",
      pick: (y) => y.target,
    },
  );
  const overhead = trajectoryBlock(
    grid,
    "Overhead % per jaar",
    result,
    (y) => y.overheadRatio,
    PERCENT_FORMAT,
  );
  const roemer = trajectoryBlock(grid, "Roemer % per jaar", result, (y) => y.roemerShare, PERCENT_FORMAT);
  const primary = trajectoryBlock(
    grid,
    "Primair behouden per jaar",
    result,
    (y) => y.primaryRetained,
    PERCENT_FORMAT,
  );

  appendYearlyChecks(grid, result);

  grid.addRow([]);
  const provTitle = grid.addRow(["Herkomst"]);
  grid.format({ row: provTitle, col: 0, rows: 1, cols: 1, bold: true });
  const provTop = grid.nextRow;
  grid.addRow(["Gemaakt op", localTimestamp(provenance.createdAt)]);
  grid.addRow(["Invoer-hash (SHA-256, eerste 16 tekens)", provenance.inputHash]);
  grid.addRow(["Versie Formatieplanner", provenance.version]);
  const paramsTop = grid.nextRow;
  for (const row of parameterRows(params)) grid.addRow(row);
  PARAMETERS.forEach((p, i) =>
    grid.format({ row: paramsTop + i, col: 1, rows: 1, cols: 1, numberFormat: p.numberFormat }),
  );
  grid.format({ row: provTop, col: 0, rows: grid.nextRow - provTop, cols: 1, italic: true });

  const chartCol = COMPARISON_HEADERS.length + 1;
  grid.charts.push(
    {
      type: "column",
      title: "Structurele besparing tegen taakstelling",
      data: savings,
      anchor: { row: savings.row - 1, col: chartCol },
      yFormat: EURO_FORMAT,
    },
    {
      type: "line",
      title: "Overhead % per jaar",
      data: overhead,
      anchor: { row: overhead.row - 1, col: chartCol },
      yFormat: PERCENT_FORMAT,
    },
    {
      type: "line",
      title: "Roemer % per jaar",
      data: roemer,
      anchor: { row: roemer.row - 1, col: chartCol },
      yFormat: PERCENT_FORMAT,
    },
    {
      type: "line",
      title: "Primair behouden per jaar",
      data: primary,
      anchor: { row: primary.row - 1, col: chartCol },
      yFormat: PERCENT_FORMAT,
    },
  );
  // The comparison table's header stays in view, and the scenario names beside the numbers.
  return grid.sheet(name, "comparison", { freezeRows: area.row + 1, freezeColumns: 1 });
}

const YEAR_HEADERS: [string, keyof YearMetrics, string][] = [
  ["Jaar", "year", "0"],
  ["FTE", "fte", FTE_FORMAT],
  ["FTE primair", "ftePrimary", FTE_FORMAT],
  ["FTE overhead", "fteOverhead", FTE_FORMAT],
  ["Overhead %", "overheadRatio", PERCENT_FORMAT],
  ["Personeelskosten", "personnelCost", EURO_FORMAT],
  ["Externe inhuur", "externalSpend", EURO_FORMAT],
  ["Roemer %", "roemerShare", PERCENT_FORMAT],
  ["m2", "m2", M2_FORMAT],
  ["Huisvestingskosten", "housingCost", EURO_FORMAT],
  ["Structurele kosten", "structuralCost", EURO_FORMAT],
  ["Eenmalige kosten", "oneOffCost", EURO_FORMAT],
  ["Structurele besparing", "structuralSavings", EURO_FORMAT],
  ["Taakstelling", "target", EURO_FORMAT],
  ["Verschil", "gap", EURO_FORMAT],
  ["Gedwongen uitstroom (FTE)", "forcedExits", FTE_FORMAT],
  ["Primair behouden", "primaryRetained", PERCENT_FORMAT],
];

/** A scenario's detail sheet; the engine's notes and reasons in `lang` (the rest is Dutch, see report-language.ts). */
export function scenarioSheet(
  scenario: ScenarioResult,
  name: string,
  lang: NoteLanguage = "nl",
): ReportSheet {
  const grid = new Grid();
  grid.title(`Scenario: ${scenario.name}`);
  const marker = grid.addRow([REPORT_MARKER, "Detailblad; wordt bij een nieuwe berekening vervangen."]);
  grid.format({ row: marker, col: 0, rows: 1, cols: 2, italic: true, fontColor: "#605E5C" });
  grid.addRow([]);
  if (scenario.levers.length > 0) {
    grid.table(
      ["Volgorde", "Hefboom", "Waarde", "Filter", "Inbesteden"],
      scenario.levers.map((l, i) => [
        i + 1,
        l.kind,
        l.value === null ? "(parameter)" : l.value,
        l.filter || "(alle rijen)",
        l.insourceShare,
      ]),
      ["0", undefined, "0.00##", undefined, PERCENT_FORMAT],
    );
  } else {
    grid.addRow([
      "Basislijn: elke rij blijft op het niveau van het basisjaar (vertrekkers worden vervangen), alleen geïndexeerd.",
    ]);
  }
  for (const note of scenario.notes) grid.addRow([note[lang]]);
  grid.addRow([]);
  grid.table(
    YEAR_HEADERS.map(([h]) => h),
    scenario.years.map((y) => YEAR_HEADERS.map(([, k]) => y[k] as number)),
    YEAR_HEADERS.map(([, , f]) => f),
  );
  grid.addRow([]);
  const unitTitle = grid.addRow([`Per eenheid (basisjaar tegen eindjaar)`]);
  grid.format({ row: unitTitle, col: 0, rows: 1, cols: 1, bold: true });
  grid.table(
    [
      "Eenheid",
      "FTE basis",
      "FTE eind",
      "Primair basis",
      "Primair eind",
      "Overhead basis",
      "Overhead eind",
      "Gedwongen uitstroom (FTE)",
    ],
    scenario.units.map((u) => [
      u.unit,
      u.baseFte,
      u.endFte,
      u.basePrimary,
      u.endPrimary,
      u.baseOverhead,
      u.endOverhead,
      u.forcedExits,
    ]),
    [undefined, FTE_FORMAT, FTE_FORMAT, FTE_FORMAT, FTE_FORMAT, FTE_FORMAT, FTE_FORMAT, FTE_FORMAT],
  );
  appendUnitYears(grid, scenario);
  if (scenario.optimal) {
    const o = scenario.optimal;
    grid.addRow([]);
    const title = grid.addRow(["Optimaal: wat per eenheid vervalt en waarom"]);
    grid.format({ row: title, col: 0, rows: 1, cols: 1, bold: true });
    grid.addRow([noteText.optimalStatus(o.status, o.binding, o.bestSaving)[lang]]);
    grid.addRow(["Inhuur minder (eindjaar)", o.hireCut]);
    grid.format({ row: grid.nextRow - 1, col: 1, rows: 1, cols: 1, numberFormat: EURO_FORMAT });
    grid.addRow(["m2 minder (eindjaar)", o.m2Cut]);
    grid.format({ row: grid.nextRow - 1, col: 1, rows: 1, cols: 1, numberFormat: M2_FORMAT });
    grid.table(
      [
        "Eenheid",
        "FTE voor",
        "Primair minder",
        "Overhead minder",
        "Inhuur minder",
        "Aandeel gekort",
        "Op grens",
        "Waarom",
      ],
      o.units.map((u) => [
        u.unit,
        u.fteBefore,
        u.primaryCut,
        u.overheadCut,
        u.hireCut,
        u.shareCut,
        u.atCap ? "ja" : "nee",
        u.reason[lang],
      ]),
      [undefined, FTE_FORMAT, FTE_FORMAT, FTE_FORMAT, EURO_FORMAT, PERCENT_FORMAT, undefined, undefined],
    );
  }
  // The title (which scenario) stays in view, and the labels of every block (years, units).
  return grid.sheet(name, "scenario", { freezeRows: 2, freezeColumns: 1 });
}

/** All report sheets: the comparison, then one detail sheet per scenario (the baseline included). */
export function buildReport(
  result: RunResult,
  provenance: Provenance,
  sheetName: (wanted: string) => string = (w) => w,
  /** more sheets after the scenarios (the monitor, src/model/report-monitor.ts), named through sheetName */
  extraSheets: ReportSheet[] = [],
  /** the language of the engine's notes; reportInLanguage (report-language.ts) translates the rest */
  lang: NoteLanguage = "nl",
): ReportSheet[] {
  return [...reportSheets(result, provenance, sheetName, extraSheets, lang)];
}

/**
 * The report's sheets one at a time, each made when it is asked for: a writer that writes and forgets each
 * sheet (the command line's streaming --out) holds one scenario sheet at a time, whatever their number.
 */
export function* reportSheets(
  result: RunResult,
  provenance: Provenance,
  sheetName: (wanted: string) => string = (w) => w,
  /** more sheets after the scenarios (the monitor, src/model/report-monitor.ts), named through sheetName */
  extraSheets: ReportSheet[] = [],
  /** the language of the engine's notes; reportInLanguage (report-language.ts) translates the rest */
  lang: NoteLanguage = "nl",
): Generator<ReportSheet> {
  const comparison = comparisonSheet(result, provenance, sheetName(COMPARISON_SHEET));
  yield comparison;
  const used = new Set<string>([comparison.name.toLowerCase()]);
  const next = new Map<string, number>();
  for (const s of result.scenarios) {
    const first = safeSheetName(`Sc ${s.name}`);
    let wanted = first;
    // The next free number per name, so that many scenarios with one prefix stay linear.
    for (let i = next.get(first.toLowerCase()) ?? 2; used.has(wanted.toLowerCase()); i++) {
      wanted = safeSheetName(`${first.slice(0, 31 - ` (${i})`.length)} (${i})`);
      next.set(first.toLowerCase(), i + 1);
    }
    const name = sheetName(wanted);
    used.add(name.toLowerCase());
    yield scenarioSheet(s, name, lang);
  }
  for (const extra of extraSheets) yield { ...extra, name: sheetName(extra.name) };
  yield reviewSheet({ ...provenance.sources, inputHash: provenance.inputHash }, sheetName(REVIEW_SHEET));
}
