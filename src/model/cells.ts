/**
 * Reading one cell: numbers, text, yes/no, function groups and hire categories, each problem an Issue with
 * table, row and column in Dutch and English. Also the markers a workbook layer puts in a cell whose plain
 * value would mislead (a formula without a stored result, a date, the hidden part of a merged range).
 */
import { functionGroupIndex } from "./groups";
import { isBlank, isExcelError, normalizeName, perSpelling } from "./text";
import { FUNCTION_GROUPS, HIRE_CATEGORIES, type Issue, type Severity } from "./types";

/**
 * What a workbook layer reads in a cell when its plain value would be misleading:
 * - "formula": a formula without a stored result (the file was written by a tool that does not calculate);
 * - "date": a date, with its Excel serial number (Excel's API gives the serial for a date cell);
 * - "merged": a cell covered by a merged range other than its top-left cell (Excel's API reads it empty).
 */
export class CellMarker {
  constructor(
    readonly kind: "formula" | "date" | "merged",
    /** the serial number of a date; the formula's text for a formula */
    readonly detail: number | string = "",
  ) {}
  toJSON(): string {
    return `${this.kind}:${this.detail}`;
  }
  /**
   * A marker that crossed to or from the planner worker arrives as a plain { kind, detail } object (structured
   * clone keeps no class); it is still a marker. A workbook cell is never an object of that shape otherwise.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const { kind, detail } = value as { kind?: unknown; detail?: unknown };
    return (
      (kind === "formula" || kind === "date" || kind === "merged") &&
      (typeof detail === "number" || typeof detail === "string")
    );
  }
}

export class IssueList {
  readonly items: Issue[] = [];
  private errors = 0;
  add(
    severity: Severity,
    table: string,
    row: number | null,
    column: string | null,
    nl: string,
    en: string,
  ): void {
    if (severity === "error") this.errors++;
    this.items.push({ severity, table, row, column, message: nl, messageEn: en });
  }
  error(table: string, row: number | null, column: string | null, nl: string, en: string): void {
    this.add("error", table, row, column, nl, en);
  }
  warning(table: string, row: number | null, column: string | null, nl: string, en: string): void {
    this.add("warning", table, row, column, nl, en);
  }
  get hasErrors(): boolean {
    return this.errors > 0;
  }
}

/** A short quote of a cell's text for messages: a long value never floods a message. */
export function excerpt(value: unknown, max = 40): string {
  const text = String(value ?? "");
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} tekens)`;
}

/**
 * Text that reads as a number: 12, -3.5, 0,06, 6%, and thousands written out unambiguously (1.234.567,
 * 1.234,5, 1,234,567, 1,234.5). One separator followed by exactly three digits ("85.000", "85,000") is a
 * thousands separator in one language and a decimal point in the other: refused, never guessed.
 */
export function numberFromText(text: string): number | "ambiguous" | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  const m = /^([+-]?)([\d.,]+)(%?)$/.exec(t);
  if (!m) return null;
  const body = m[2];
  let plain: string | null = null;
  if (/^\d+$/.test(body)) plain = body;
  else if (/^\d+[.,]\d+$/.test(body)) {
    const [whole, fraction] = body.split(/[.,]/);
    if (fraction.length === 3 && !/^0+$/.test(whole)) return "ambiguous";
    plain = `${whole}.${fraction}`;
  } else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) plain = body.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) plain = body.replace(/,/g, "");
  if (plain === null) return null;
  const n = Number(`${m[1]}${plain}`);
  return m[3] ? n / 100 : n;
}

export interface Cell {
  table: string;
  row: number;
  column: string;
}

export interface NumberRule {
  min?: number;
  max?: number;
  upperExclusive?: boolean;
  integer?: boolean;
  what?: { nl: string; en: string };
}

function markerProblem(
  issues: IssueList,
  cell: Cell,
  value: CellMarker,
  wanted: string,
  wantedEn: string,
): null {
  if (value.kind === "formula") {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Formule zonder berekende waarde: open en sla op in Excel.`,
      `Formula without a calculated value: open and save the file in Excel.`,
    );
  } else if (value.kind === "date") {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Een datum waar ${wanted} hoort; maak de cel een getal (celeigenschappen: Getal of Standaard).`,
      `A date where ${wantedEn} belongs; format the cell as a number (Number or General).`,
    );
  }
  return null;
}

/** Reads a number from a cell, reporting text, error values and range violations. null when unusable. */
export function readNumber(
  issues: IssueList,
  cell: Cell,
  value: unknown,
  rule: NumberRule = {},
): number | null {
  let n: number;
  const { table, row, column } = cell;
  if (value instanceof CellMarker) {
    if (value.kind !== "merged") return markerProblem(issues, cell, value, "een getal", "a number");
    value = "";
  }
  if (isExcelError(value)) {
    issues.error(
      table,
      row,
      column,
      `Foutwaarde ${value} in plaats van een getal.`,
      `Error value ${value} instead of a number.`,
    );
    return null;
  }
  if (isBlank(value)) {
    issues.error(table, row, column, `Verplichte waarde ontbreekt.`, `Required value is missing.`);
    return null;
  }
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string") {
    const parsed = numberFromText(value);
    if (parsed === "ambiguous") {
      issues.error(
        table,
        row,
        column,
        `'${excerpt(value)}' is dubbelzinnig (duizendtallen of decimalen?); typ het als getal zonder scheidingsteken voor duizendtallen, bijvoorbeeld 85000 of 85,5.`,
        `'${excerpt(value)}' is ambiguous (thousands or decimals?); type it as a number without a thousands separator, e.g. 85000 or 85.5.`,
      );
      return null;
    }
    if (parsed === null) {
      issues.error(
        table,
        row,
        column,
        `Tekst '${excerpt(value)}' waar een getal hoort.`,
        `Text '${excerpt(value)}' where a number belongs.`,
      );
      return null;
    }
    issues.warning(
      table,
      row,
      column,
      `Getal opgeslagen als tekst ('${excerpt(value)}'), gelezen als ${parsed}.`,
      `Number stored as text ('${excerpt(value)}'), read as ${parsed}.`,
    );
    n = parsed;
  } else if (typeof value === "boolean") {
    issues.error(
      table,
      row,
      column,
      `Waarde ${value ? "WAAR" : "ONWAAR"} waar een getal hoort.`,
      `Value ${value} where a number belongs.`,
    );
    return null;
  } else {
    issues.error(table, row, column, `Geen getal: ${excerpt(value)}.`, `Not a number: ${excerpt(value)}.`);
    return null;
  }
  if (!Number.isFinite(n)) {
    issues.error(table, row, column, `Geen eindig getal.`, `Not a finite number.`);
    return null;
  }
  if (rule.integer && !Number.isInteger(n)) {
    issues.error(table, row, column, `${n} is geen geheel getal.`, `${n} is not a whole number.`);
    return null;
  }
  const below = rule.min !== undefined && n < rule.min;
  const above = rule.max !== undefined && (rule.upperExclusive ? n >= rule.max : n > rule.max);
  if (below || above) {
    const what = rule.what ?? { nl: "waarde", en: "value" };
    if (rule.min === 0 && below) {
      issues.error(table, row, column, `Negatieve ${what.nl} (${n}).`, `Negative ${what.en} (${n}).`);
      return null;
    }
    const max = rule.max ?? 0;
    const maxText = max >= 10000 ? max.toLocaleString("nl-NL") : String(max);
    const maxTextEn = max >= 10000 ? max.toLocaleString("en-GB") : String(max);
    const upper =
      rule.max === undefined
        ? ""
        : rule.upperExclusive
          ? ` en kleiner dan ${maxText}`
          : ` en hoogstens ${maxText}`;
    const upperEn =
      rule.max === undefined
        ? ""
        : rule.upperExclusive
          ? ` and below ${maxTextEn}`
          : ` and at most ${maxTextEn}`;
    const lower = rule.min === undefined ? "" : `minstens ${rule.min}`;
    const lowerEn = rule.min === undefined ? "" : `at least ${rule.min}`;
    issues.error(
      table,
      row,
      column,
      `${n} valt buiten het toegestane bereik: ${lower}${lower ? upper : upper.replace(/^ en /, "")}.`,
      `${n} is out of range: ${lowerEn}${lowerEn ? upperEn : upperEn.replace(/^ and /, "")}.`,
    );
    return null;
  }
  return n;
}

export function readText(issues: IssueList, cell: Cell, value: unknown): string | null {
  if (value instanceof CellMarker) {
    if (value.kind === "formula") return markerProblem(issues, cell, value, "tekst", "text");
    if (value.kind === "merged") value = "";
    else {
      // Excel's API gives a date cell's serial number; say so rather than use it silently.
      issues.warning(
        cell.table,
        cell.row,
        cell.column,
        `Een datum waar tekst hoort; gelezen als ${value.detail}.`,
        `A date where text belongs; read as ${value.detail}.`,
      );
      return String(value.detail);
    }
  }
  if (isExcelError(value)) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Foutwaarde ${value} in plaats van tekst.`,
      `Error value ${value} instead of text.`,
    );
    return null;
  }
  if (isBlank(value)) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Verplichte waarde ontbreekt.`,
      `Required value is missing.`,
    );
    return null;
  }
  if (typeof value === "boolean") {
    issues.warning(
      cell.table,
      cell.row,
      cell.column,
      `De waarde ${value ? "WAAR" : "ONWAAR"} waar tekst hoort; gelezen als tekst.`,
      `The value ${value ? "TRUE" : "FALSE"} where text belongs; read as text.`,
    );
    return value ? "WAAR" : "ONWAAR";
  }
  return String(value).trim();
}

const YES_WORDS = ["ja", "yes", "true", "waar", "j", "y", "x"];
const NO_WORDS = ["nee", "no", "false", "onwaar", "n"];
/** A yes/no word in any case and spacing (ja, nee, yes, no, waar, ...), or null. */
const yesNoWord = perSpelling((value): boolean | null => {
  const n = normalizeName(value);
  return YES_WORDS.includes(n) ? true : NO_WORDS.includes(n) ? false : null;
});

export function readBoolean(issues: IssueList, cell: Cell, value: unknown): boolean | null {
  if (value instanceof CellMarker) {
    if (value.kind === "merged") return false;
    return markerProblem(issues, cell, value, "ja/nee", "yes/no");
  }
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  const known = yesNoWord(value);
  if (known !== null) return known;
  issues.error(
    cell.table,
    cell.row,
    cell.column,
    `'${excerpt(value)}' is geen ja/nee.`,
    `'${excerpt(value)}' is not yes/no.`,
  );
  return null;
}

export function readGroup(issues: IssueList, cell: Cell, value: unknown): number | null {
  const text = readText(issues, cell, value);
  if (text === null) return null;
  const g = functionGroupIndex(text);
  if (g === undefined) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Onbekende functiegroep '${excerpt(text)}'; kies ${FUNCTION_GROUPS.join(", ")}.`,
      `Unknown function group '${excerpt(text)}'; use Primary, Operations or Management (or ${FUNCTION_GROUPS.join(", ")}).`,
    );
    return null;
  }
  return g;
}

const CATEGORY_LOOKUP = new Map<string, number>();
HIRE_CATEGORIES.forEach((name, i) => {
  CATEGORY_LOOKUP.set(normalizeName(name), i + 1);
  CATEGORY_LOOKUP.set(normalizeName(name.replace(/\s*\(.*\)\s*$/, "")), i + 1);
});

export function readCategory(issues: IssueList, cell: Cell, value: unknown): number | null {
  if (value instanceof CellMarker) {
    if (value.kind !== "merged") return markerProblem(issues, cell, value, "een categorie", "a category");
    value = "";
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1 && value <= 8) return value;
  } else if (!isBlank(value) && !isExcelError(value)) {
    const text = String(value).trim();
    const asNumber = Number(text);
    if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= 8) return asNumber;
    const byName =
      CATEGORY_LOOKUP.get(normalizeName(text)) ??
      CATEGORY_LOOKUP.get(normalizeName(text.replace(/^\d+\s*[.)-]?\s*/, "")));
    if (byName !== undefined) return byName;
  }
  if (isExcelError(value)) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Foutwaarde ${value} in plaats van een categorie.`,
      `Error value ${value} instead of a category.`,
    );
    return null;
  }
  if (isBlank(value)) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Verplichte waarde ontbreekt.`,
      `Required value is missing.`,
    );
    return null;
  }
  issues.error(
    cell.table,
    cell.row,
    cell.column,
    `Onbekende inhuurcategorie '${excerpt(value)}'; gebruik 1-8 of een van de 8 categorieën van RBV model 3.60.`,
    `Unknown hire category '${excerpt(value)}'; use 1-8 or one of the 8 categories of RBV model 3.60.`,
  );
  return null;
}

/** Whether a cell is empty for the reader: blank, or the hidden part of a merged range. */
export function isEmptyCell(value: unknown): boolean {
  return isBlank(value) || (value instanceof CellMarker && value.kind === "merged");
}
