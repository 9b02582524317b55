/**
 * From table rows (a header row plus value rows, exactly as Excel's range.values and our ExcelJS reader
 * give them) to a typed, columnar plan. Every problem becomes an Issue with table, row, column and a
 * Dutch and English message; errors stop the run, warnings do not, and no bad row is ever used silently.
 */
import { compileFilter, FilterError } from "./filter";
import {
  PARAMETERS,
  TABLES,
  TEXT_PARAMETERS,
  tableSchema,
  type ColumnSchema,
  type TableName,
  type TableSchema,
} from "./schema";
import { isBlank, isExcelError, normalizeName } from "./text";
import { functionGroupIndex } from "./groups";
import {
  FUNCTION_GROUPS,
  HIRE_CATEGORIES,
  type Formation,
  type Hire,
  type Housing,
  type Issue,
  type Lever,
  type LeverKind,
  type Plan,
  type PlanParameters,
  type Scenario,
  type Severity,
} from "./types";

export type TableRows = readonly (readonly unknown[])[];
/** Input tables by name (matched case-insensitively); a missing optional table counts as empty. */
export type WorkbookTables = Readonly<Record<string, TableRows | undefined>>;

export interface ReadResult {
  plan: Plan | null;
  issues: Issue[];
}

export const BASELINE_NAME = "Basis";
export const BASELINE_ALIASES = ["basis", "baseline"];

class IssueList {
  readonly items: Issue[] = [];
  add(
    severity: Severity,
    table: string,
    row: number | null,
    column: string | null,
    nl: string,
    en: string,
  ): void {
    this.items.push({ severity, table, row, column, message: nl, messageEn: en });
  }
  error(table: string, row: number | null, column: string | null, nl: string, en: string): void {
    this.add("error", table, row, column, nl, en);
  }
  warning(table: string, row: number | null, column: string | null, nl: string, en: string): void {
    this.add("warning", table, row, column, nl, en);
  }
  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === "error");
  }
}

/** Text that reads as a number: 12, -3.5, 0,06, 6%, with thousands separators refused as ambiguous. */
function numberFromText(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?(%?)$/.exec(t);
  if (!m) return null;
  const n = Number(`${m[1]}${m[2]}.${m[3] ?? "0"}`);
  return m[4] ? n / 100 : n;
}

interface Cell {
  table: string;
  row: number;
  column: string;
}

interface NumberRule {
  min?: number;
  max?: number;
  upperExclusive?: boolean;
  integer?: boolean;
  what?: { nl: string; en: string };
}

/** Reads a number from a cell, reporting text, error values and range violations. null when unusable. */
function readNumber(issues: IssueList, cell: Cell, value: unknown, rule: NumberRule = {}): number | null {
  let n: number;
  if (isExcelError(value)) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Foutwaarde ${value} in plaats van een getal.`,
      `Error value ${value} instead of a number.`,
    );
    return null;
  }
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string") {
    const parsed = numberFromText(value);
    if (parsed === null) {
      issues.error(
        cell.table,
        cell.row,
        cell.column,
        `Tekst '${value}' waar een getal hoort.`,
        `Text '${value}' where a number belongs.`,
      );
      return null;
    }
    issues.warning(
      cell.table,
      cell.row,
      cell.column,
      `Getal opgeslagen als tekst ('${value}'), gelezen als ${parsed}.`,
      `Number stored as text ('${value}'), read as ${parsed}.`,
    );
    n = parsed;
  } else if (typeof value === "boolean") {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Waarde ${value ? "WAAR" : "ONWAAR"} waar een getal hoort.`,
      `Value ${value} where a number belongs.`,
    );
    return null;
  } else {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Geen getal: ${String(value)}.`,
      `Not a number: ${String(value)}.`,
    );
    return null;
  }
  if (!Number.isFinite(n)) {
    issues.error(cell.table, cell.row, cell.column, `Geen eindig getal.`, `Not a finite number.`);
    return null;
  }
  if (rule.integer && !Number.isInteger(n)) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `${n} is geen geheel getal.`,
      `${n} is not a whole number.`,
    );
    return null;
  }
  const below = rule.min !== undefined && n < rule.min;
  const above = rule.max !== undefined && (rule.upperExclusive ? n >= rule.max : n > rule.max);
  if (below || above) {
    const upper =
      rule.max === undefined
        ? ""
        : rule.upperExclusive
          ? ` en kleiner dan ${rule.max}`
          : ` en hoogstens ${rule.max}`;
    const upperEn =
      rule.max === undefined
        ? ""
        : rule.upperExclusive
          ? ` and below ${rule.max}`
          : ` and at most ${rule.max}`;
    if (rule.min === 0 && below && rule.max === undefined) {
      const what = rule.what ?? { nl: "waarde", en: "value" };
      issues.error(
        cell.table,
        cell.row,
        cell.column,
        `Negatieve ${what.nl} (${n}).`,
        `Negative ${what.en} (${n}).`,
      );
    } else {
      issues.error(
        cell.table,
        cell.row,
        cell.column,
        `${n} valt buiten het toegestane bereik: minstens ${rule.min}${upper}.`,
        `${n} is out of range: at least ${rule.min}${upperEn}.`,
      );
    }
    return null;
  }
  return n;
}

function readText(issues: IssueList, cell: Cell, value: unknown): string | null {
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
  return String(value).trim();
}

function readBoolean(issues: IssueList, cell: Cell, value: unknown): boolean | null {
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  const n = normalizeName(value);
  if (["ja", "yes", "true", "waar", "j", "y", "x"].includes(n)) return true;
  if (["nee", "no", "false", "onwaar", "n"].includes(n)) return false;
  issues.error(
    cell.table,
    cell.row,
    cell.column,
    `'${String(value)}' is geen ja/nee.`,
    `'${String(value)}' is not yes/no.`,
  );
  return null;
}

function readGroup(issues: IssueList, cell: Cell, value: unknown): number | null {
  const text = readText(issues, cell, value);
  if (text === null) return null;
  const g = functionGroupIndex(text);
  if (g === undefined) {
    issues.error(
      cell.table,
      cell.row,
      cell.column,
      `Onbekende functiegroep '${text}'; kies ${FUNCTION_GROUPS.join(", ")}.`,
      `Unknown function group '${text}'; use Primary, Operations or Management (or ${FUNCTION_GROUPS.join(", ")}).`,
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

function readCategory(issues: IssueList, cell: Cell, value: unknown): number | null {
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
  issues.error(
    cell.table,
    cell.row,
    cell.column,
    `Onbekende inhuurcategorie '${String(value ?? "")}'; gebruik 1-8 of een van de 8 categorieën van RBV model 3.60.`,
    `Unknown hire category '${String(value ?? "")}'; use 1-8 or one of the 8 categories of RBV model 3.60.`,
  );
  return null;
}

/** What binding needs of a table's schema; the Rijk tables (src/model/rijk) bind through the same code. */
type BindableSchema = Pick<TableSchema, "required" | "columns"> & { name: string };

interface BoundTable {
  schema: BindableSchema;
  /** column index per schema key, -1 when absent */
  index: Record<string, number>;
  rows: TableRows;
}

function findTable(tables: WorkbookTables, name: string): TableRows | undefined {
  const wanted = normalizeName(name);
  for (const [key, rows] of Object.entries(tables)) {
    if (rows && normalizeName(key) === wanted) return rows;
  }
  return undefined;
}

function matchesHeader(header: unknown, column: ColumnSchema): boolean {
  const h = normalizeName(header);
  return h === normalizeName(column.header) || h === normalizeName(column.alias);
}

/** Binds a table's header row to the schema; reports a missing table or required column. */
function bindTable(issues: IssueList, tables: WorkbookTables, name: TableName): BoundTable | null {
  return bindSchema(issues, tables, tableSchema(name));
}

function bindSchema(issues: IssueList, tables: WorkbookTables, schema: BindableSchema): BoundTable | null {
  const name = schema.name;
  const rows = findTable(tables, name);
  if (!rows || rows.length === 0) {
    if (schema.required) {
      issues.error(
        name,
        null,
        null,
        `Verplichte tabel '${name}' ontbreekt.`,
        `Required table '${name}' is missing.`,
      );
    }
    return rows ? { schema, index: {}, rows: [] } : null;
  }
  const header = rows[0];
  const index: Record<string, number> = {};
  let ok = true;
  for (const column of schema.columns) {
    const at = header.findIndex((h) => matchesHeader(h, column));
    index[column.key] = at;
    if (at < 0 && column.required) {
      ok = false;
      issues.error(
        name,
        null,
        column.header,
        `Verplichte kolom '${column.header}' ontbreekt in tabel '${name}'.`,
        `Required column '${column.header}' (${column.alias}) is missing from table '${name}'.`,
      );
    }
  }
  return ok ? { schema, index, rows } : null;
}

/** Data rows with their 1-based number, skipping rows that are entirely empty. */
function* dataRows(table: BoundTable): Generator<[number, readonly unknown[]]> {
  for (let i = 1; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (row.every(isBlank)) continue;
    yield [i, row];
  }
}

function cellOf(table: BoundTable, key: string, row: readonly unknown[]): unknown {
  const at = table.index[key];
  return at === undefined || at < 0 ? undefined : row[at];
}

function headerOf(table: BoundTable, key: string): string {
  return table.schema.columns.find((c) => c.key === key)!.header;
}

function readParameters(issues: IssueList, table: BoundTable | null): PlanParameters | null {
  const values = new Map<string, number>();
  const seen = new Map<string, number>();
  const T = "Parameters";
  if (table) {
    for (const [r, row] of dataRows(table)) {
      const nameCell: Cell = { table: T, row: r, column: "Parameter" };
      const name = readText(issues, nameCell, cellOf(table, "name", row));
      if (name === null) continue;
      const spec = PARAMETERS.find(
        (p) =>
          normalizeName(p.name) === normalizeName(name) || normalizeName(p.alias) === normalizeName(name),
      );
      // Text parameters (Gekozen scenario) are read by their own module (src/model/monitor.ts).
      if (
        !spec &&
        TEXT_PARAMETERS.some((p) => [p.name, p.alias].some((n) => normalizeName(n) === normalizeName(name)))
      )
        continue;
      if (!spec) {
        issues.warning(
          T,
          r,
          "Parameter",
          `Onbekende parameter '${name}' wordt genegeerd.`,
          `Unknown parameter '${name}' is ignored.`,
        );
        continue;
      }
      if (seen.has(spec.key)) {
        issues.error(
          T,
          r,
          "Parameter",
          `Parameter '${spec.name}' staat dubbel (ook in rij ${seen.get(spec.key)}).`,
          `Parameter '${spec.name}' is duplicated (also in row ${seen.get(spec.key)}).`,
        );
        continue;
      }
      seen.set(spec.key, r);
      const raw = cellOf(table, "value", row);
      if (isBlank(raw)) {
        if (spec.required)
          issues.error(
            T,
            r,
            "Waarde",
            `Waarde van '${spec.name}' ontbreekt.`,
            `Value of '${spec.alias}' is missing.`,
          );
        continue;
      }
      const n = readNumber(issues, { table: T, row: r, column: "Waarde" }, raw, {
        min: spec.min,
        max: spec.max,
        upperExclusive: spec.upperExclusive,
        integer: spec.integer,
      });
      if (n !== null) values.set(spec.key, n);
    }
  }
  for (const spec of PARAMETERS) {
    if (spec.required && !values.has(spec.key) && !seen.has(spec.key)) {
      issues.error(
        T,
        null,
        "Parameter",
        `Verplichte parameter '${spec.name}' ontbreekt.`,
        `Required parameter '${spec.alias}' is missing.`,
      );
    }
  }
  const base = values.get("baseYear");
  const end = values.get("endYear");
  if (base !== undefined && end !== undefined && end <= base) {
    issues.error(
      T,
      seen.get("endYear") ?? null,
      "Waarde",
      `Eindjaar (${end}) moet na het basisjaar (${base}) liggen.`,
      `End year (${end}) must be after the base year (${base}).`,
    );
    return null;
  }
  if (base === undefined || end === undefined) return null;
  const get = (key: string): number =>
    values.get(key) ?? (PARAMETERS.find((p) => p.key === key)!.defaultValue as number);
  return {
    baseYear: base,
    endYear: end,
    indexation: get("indexation"),
    overheadNorm: get("overheadNorm"),
    roemerNorm: get("roemerNorm"),
    workplaceFactor: get("workplaceFactor"),
    m2PerWorkplace: values.get("m2PerWorkplace") ?? null,
    attritionRate: get("attritionRate"),
    severanceMultiple: get("severanceMultiple"),
    insourceCostFactor: get("insourceCostFactor"),
    maxCutPerUnit: get("maxCutPerUnit"),
    maxForcedExits: get("maxForcedExits"),
    overheadWeight: get("overheadWeight"),
  };
}

function readPrices(issues: IssueList, table: BoundTable | null): Map<number, number> {
  const prices = new Map<number, number>();
  if (!table) return prices;
  const T = "Prijzen";
  const rowOf = new Map<number, number>();
  for (const [r, row] of dataRows(table)) {
    const scale = readNumber(issues, { table: T, row: r, column: "Schaal" }, cellOf(table, "scale", row), {
      min: 1,
      max: 18,
      integer: true,
    });
    const cost = readNumber(
      issues,
      { table: T, row: r, column: "Kosten per FTE" },
      cellOf(table, "costPerFte", row),
      {
        min: 0,
        what: { nl: "kosten", en: "cost" },
      },
    );
    if (scale === null || cost === null) continue;
    if (rowOf.has(scale)) {
      issues.error(
        T,
        r,
        "Schaal",
        `Schaal ${scale} staat dubbel (ook in rij ${rowOf.get(scale)}).`,
        `Scale ${scale} is duplicated (also in row ${rowOf.get(scale)}).`,
      );
      continue;
    }
    rowOf.set(scale, r);
    prices.set(scale, cost);
  }
  return prices;
}

class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

function readFormation(issues: IssueList, table: BoundTable | null, prices: Map<number, number>): Formation {
  const T = "Formatie";
  const capacity = table ? table.rows.length : 0;
  const units = new Interner();
  const f: Formation = {
    length: 0,
    unitNames: units.names,
    unit: new Int32Array(capacity),
    group: new Uint8Array(capacity),
    scale: new Uint8Array(capacity),
    fte: new Float64Array(capacity),
    costPerFte: new Float64Array(capacity),
    protectedRow: new Uint8Array(capacity),
    sourceRow: new Int32Array(capacity),
  };
  if (!table) return f;
  const hasCost = table.index.costPerFte >= 0;
  const hasProtected = table.index.protected >= 0;
  let n = 0;
  let seen = 0;
  for (const [r, row] of dataRows(table)) {
    seen++;
    const unit = readText(issues, { table: T, row: r, column: "Eenheid" }, cellOf(table, "unit", row));
    const group = readGroup(
      issues,
      { table: T, row: r, column: "Functiegroep" },
      cellOf(table, "group", row),
    );
    const scale = readNumber(issues, { table: T, row: r, column: "Schaal" }, cellOf(table, "scale", row), {
      min: 1,
      max: 18,
      integer: true,
    });
    const fte = readNumber(issues, { table: T, row: r, column: "FTE" }, cellOf(table, "fte", row), {
      min: 0,
      what: { nl: "FTE", en: "FTE" },
    });
    let cost: number | null = null;
    const ownCost = hasCost ? cellOf(table, "costPerFte", row) : undefined;
    if (!isBlank(ownCost)) {
      cost = readNumber(issues, { table: T, row: r, column: "Kosten per FTE" }, ownCost, {
        min: 0,
        what: { nl: "kosten", en: "cost" },
      });
    } else if (scale !== null) {
      const price = prices.get(scale);
      if (price === undefined) {
        issues.error(
          T,
          r,
          "Kosten per FTE",
          `Geen kosten per FTE: de rij heeft er zelf geen en de tabel 'Prijzen' heeft geen prijs voor schaal ${scale}.`,
          `No cost per FTE: the row has none and table 'Prijzen' has no price for scale ${scale}.`,
        );
      } else {
        cost = price;
      }
    }
    const prot = hasProtected
      ? readBoolean(issues, { table: T, row: r, column: "Beschermd" }, cellOf(table, "protected", row))
      : false;
    if (unit === null || group === null || scale === null || fte === null || cost === null || prot === null)
      continue;
    f.unit[n] = units.of(unit);
    f.group[n] = group;
    f.scale[n] = scale;
    f.fte[n] = fte;
    f.costPerFte[n] = cost;
    f.protectedRow[n] = prot ? 1 : 0;
    f.sourceRow[n] = r;
    n++;
  }
  f.length = n;
  if (seen === 0)
    issues.error(T, null, null, `Tabel 'Formatie' bevat geen rijen.`, `Table 'Formatie' has no rows.`);
  return f;
}

function readHire(issues: IssueList, table: BoundTable | null): Hire {
  const T = "Inhuur";
  const capacity = table ? table.rows.length : 0;
  const units = new Interner();
  const h: Hire = {
    length: 0,
    unitNames: units.names,
    unit: new Int32Array(capacity),
    category: new Uint8Array(capacity),
    amount: new Float64Array(capacity),
    sourceRow: new Int32Array(capacity),
  };
  if (!table) return h;
  let n = 0;
  for (const [r, row] of dataRows(table)) {
    const unit = readText(issues, { table: T, row: r, column: "Eenheid" }, cellOf(table, "unit", row));
    const category = readCategory(
      issues,
      { table: T, row: r, column: "Categorie" },
      cellOf(table, "category", row),
    );
    const amount = readNumber(issues, { table: T, row: r, column: "Bedrag" }, cellOf(table, "amount", row), {
      min: 0,
      what: { nl: "bedrag", en: "amount" },
    });
    if (unit === null || category === null || amount === null) continue;
    h.unit[n] = units.of(unit);
    h.category[n] = category;
    h.amount[n] = amount;
    h.sourceRow[n] = r;
    n++;
  }
  h.length = n;
  return h;
}

function readHousing(issues: IssueList, table: BoundTable | null): Housing {
  const T = "Huisvesting";
  const capacity = table ? table.rows.length : 0;
  const h: Housing = {
    length: 0,
    locations: [],
    m2: new Float64Array(capacity),
    costPerM2: new Float64Array(capacity),
    sourceRow: new Int32Array(capacity),
  };
  if (!table) return h;
  let n = 0;
  for (const [r, row] of dataRows(table)) {
    const location = readText(
      issues,
      { table: T, row: r, column: "Locatie" },
      cellOf(table, "location", row),
    );
    const m2 = readNumber(issues, { table: T, row: r, column: "m2" }, cellOf(table, "m2", row), {
      min: 0,
      what: { nl: "m2", en: "m2" },
    });
    const cost = readNumber(
      issues,
      { table: T, row: r, column: "Kosten per m2" },
      cellOf(table, "costPerM2", row),
      {
        min: 0,
        what: { nl: "kosten", en: "cost" },
      },
    );
    if (location === null || m2 === null || cost === null) continue;
    h.locations.push(location);
    h.m2[n] = m2;
    h.costPerM2[n] = cost;
    h.sourceRow[n] = r;
    n++;
  }
  h.length = n;
  return h;
}

function readTargets(
  issues: IssueList,
  table: BoundTable | null,
  params: PlanParameters | null,
): Map<number, number> {
  const T = "Taakstelling";
  const targets = new Map<number, number>();
  if (!table) return targets;
  const rowOf = new Map<number, number>();
  for (const [r, row] of dataRows(table)) {
    const year = readNumber(issues, { table: T, row: r, column: "Jaar" }, cellOf(table, "year", row), {
      min: 1990,
      max: 2150,
      integer: true,
    });
    const amount = readNumber(issues, { table: T, row: r, column: "Bedrag" }, cellOf(table, "amount", row), {
      min: 0,
      what: { nl: "bedrag", en: "amount" },
    });
    if (year === null || amount === null) continue;
    if (rowOf.has(year)) {
      issues.error(
        T,
        r,
        "Jaar",
        `Jaar ${year} staat dubbel (ook in rij ${rowOf.get(year)}).`,
        `Year ${year} is duplicated (also in row ${rowOf.get(year)}).`,
      );
      continue;
    }
    rowOf.set(year, r);
    if (params && (year < params.baseYear || year > params.endYear)) {
      issues.warning(
        T,
        r,
        "Jaar",
        `Jaar ${year} valt buiten de planperiode ${params.baseYear}-${params.endYear} en telt niet mee.`,
        `Year ${year} is outside the plan period ${params.baseYear}-${params.endYear} and is not used.`,
      );
    }
    targets.set(year, amount);
  }
  return targets;
}

const LEVER_LOOKUP = new Map<string, LeverKind>([
  ["kaasschaaf", "Kaasschaaf"],
  ["cheeseslicer", "Kaasschaaf"],
  ["cheese slicer", "Kaasschaaf"],
  ["overheadnorm", "Overheadnorm"],
  ["overhead norm", "Overheadnorm"],
  ["roemernorm", "Roemernorm"],
  ["externalhirenorm", "Roemernorm"],
  ["external hire norm", "Roemernorm"],
  ["huisvestingsnorm", "Huisvestingsnorm"],
  ["housingnorm", "Huisvestingsnorm"],
  ["housing norm", "Huisvestingsnorm"],
  ["vacaturestop", "Vacaturestop"],
  ["hiringfreeze", "Vacaturestop"],
  ["hiring freeze", "Vacaturestop"],
  ["gerichte korting", "Gerichte korting"],
  ["targetedcut", "Gerichte korting"],
  ["targeted cut", "Gerichte korting"],
  ["optimaal", "Optimaal"],
  ["optimal", "Optimaal"],
]);

/** Levers that act on formation rows and therefore accept a filter. */
export const FILTERABLE_LEVERS: readonly LeverKind[] = ["Overheadnorm", "Vacaturestop", "Gerichte korting"];

/** Parses the value of a lever the way the Scenarios table holds it; used by the reader and the task pane form. */
export function readLeverValue(
  issues: IssueList,
  cell: Cell,
  kind: LeverKind,
  raw: unknown,
): number | "auto" | null | undefined {
  const blank = isBlank(raw);
  switch (kind) {
    case "Kaasschaaf":
      if (typeof raw === "string" && normalizeName(raw) === "auto") return "auto";
      if (blank) {
        issues.error(
          cell.table,
          cell.row,
          cell.column,
          `Kaasschaaf vraagt een fractie (0-1) of 'auto'.`,
          `CheeseSlicer needs a fraction (0-1) or 'auto'.`,
        );
        return undefined;
      }
      return readNumber(issues, cell, raw, { min: 0, max: 1 }) ?? undefined;
    case "Overheadnorm":
    case "Roemernorm":
      if (blank) return null;
      return readNumber(issues, cell, raw, { min: 0, max: 1, upperExclusive: true }) ?? undefined;
    case "Huisvestingsnorm":
      if (blank) return null;
      return readNumber(issues, cell, raw, { min: 0, max: 5 }) ?? undefined;
    case "Optimaal":
      if (blank) return null;
      issues.error(
        cell.table,
        cell.row,
        cell.column,
        `Optimaal heeft geen waarde: de grenzen staan in de Parameters (Maximale korting per eenheid, Maximale gedwongen uitstroom, Gewicht overhead).`,
        `Optimal takes no value: its limits are Parameters (Maximale korting per eenheid, Maximale gedwongen uitstroom, Gewicht overhead).`,
      );
      return undefined;
    case "Vacaturestop":
    case "Gerichte korting":
      if (blank) {
        issues.error(
          cell.table,
          cell.row,
          cell.column,
          `${kind} vraagt een fractie tussen 0 en 1.`,
          `${kind} needs a fraction between 0 and 1.`,
        );
        return undefined;
      }
      return readNumber(issues, cell, raw, { min: 0, max: 1 }) ?? undefined;
  }
}

export function leverKindOf(name: unknown): LeverKind | undefined {
  return LEVER_LOOKUP.get(normalizeName(name));
}

function readScenarios(
  issues: IssueList,
  table: BoundTable | null,
  params: PlanParameters | null,
): Scenario[] {
  const T = "Scenarios";
  if (!table) return [];
  const byName = new Map<string, { scenario: Scenario; order: (number | null)[] }>();
  for (const [r, row] of dataRows(table)) {
    const name = readText(issues, { table: T, row: r, column: "Scenario" }, cellOf(table, "scenario", row));
    const leverText = readText(issues, { table: T, row: r, column: "Hefboom" }, cellOf(table, "lever", row));
    if (name !== null && BASELINE_ALIASES.includes(normalizeName(name))) {
      issues.error(
        T,
        r,
        "Scenario",
        `'${name}' is de naam van de basislijn; kies een andere scenarionaam.`,
        `'${name}' is the name of the baseline; choose another scenario name.`,
      );
      continue;
    }
    let kind: LeverKind | undefined;
    if (leverText !== null) {
      kind = leverKindOf(leverText);
      if (!kind) {
        issues.error(
          T,
          r,
          "Hefboom",
          `Onbekende hefboom '${leverText}'; kies uit ${[...new Set(LEVER_LOOKUP.values())].join(", ")}.`,
          `Unknown lever '${leverText}'; use CheeseSlicer, OverheadNorm, ExternalHireNorm, HousingNorm, HiringFreeze, TargetedCut or Optimal.`,
        );
      }
    }
    if (name === null || !kind) continue;
    const value = readLeverValue(
      issues,
      { table: T, row: r, column: "Waarde" },
      kind,
      cellOf(table, "value", row),
    );
    const filterRaw = cellOf(table, "filter", row);
    const filterText = isBlank(filterRaw) ? "" : String(filterRaw).trim();
    let filterOk = true;
    if (filterText !== "") {
      if (!FILTERABLE_LEVERS.includes(kind)) {
        issues.error(
          T,
          r,
          "Filter",
          `Hefboom ${kind} werkt niet met een filter; een filter kan bij ${FILTERABLE_LEVERS.join(", ")}.`,
          `Lever ${kind} takes no filter; filters apply to ${FILTERABLE_LEVERS.join(", ")}.`,
        );
        filterOk = false;
      } else {
        try {
          compileFilter(filterText);
        } catch (e) {
          if (!(e instanceof FilterError)) throw e;
          issues.error(T, r, "Filter", e.messageNl, e.messageEn);
          filterOk = false;
        }
      }
    }
    let insourceShare = 0;
    const insourceRaw = cellOf(table, "insource", row);
    if (!isBlank(insourceRaw)) {
      const s = readNumber(issues, { table: T, row: r, column: "Inbesteden" }, insourceRaw, {
        min: 0,
        max: 1,
      });
      if (s === null) filterOk = false;
      else if (kind !== "Roemernorm" && s > 0) {
        issues.error(
          T,
          r,
          "Inbesteden",
          `Inbesteden kan alleen bij de Roemernorm.`,
          `Insourcing only applies to the ExternalHireNorm lever.`,
        );
        filterOk = false;
      } else insourceShare = s;
    }
    const orderRaw = cellOf(table, "order", row);
    let order: number | null = null;
    if (!isBlank(orderRaw)) {
      order = readNumber(issues, { table: T, row: r, column: "Volgorde" }, orderRaw, {});
      if (order === null) filterOk = false;
    }
    if (kind === "Huisvestingsnorm" && params && params.m2PerWorkplace === null) {
      issues.error(
        T,
        r,
        "Hefboom",
        `De huisvestingsnorm vraagt de parameter 'm2 per werkplek'.`,
        `The housing norm needs the parameter 'm2 per werkplek' (m2 per workplace).`,
      );
      filterOk = false;
    }
    if (kind === "Vacaturestop" && params && params.attritionRate === 0) {
      issues.warning(
        T,
        r,
        "Hefboom",
        `Vacaturestop heeft geen effect: 'Natuurlijk verloop' is 0.`,
        `Hiring freeze has no effect: 'Natuurlijk verloop' (natural attrition) is 0.`,
      );
    }
    if (value === undefined || !filterOk) continue;
    const key = normalizeName(name);
    let entry = byName.get(key);
    if (!entry) {
      entry = { scenario: { name, levers: [] }, order: [] };
      byName.set(key, entry);
    }
    entry.scenario.levers.push({ kind, value, filter: filterText, insourceShare, sourceRow: r });
    entry.order.push(order);
  }
  return [...byName.values()].map(({ scenario, order }) => {
    // Volgorde first; rows without it keep their table order after those with it.
    const idx = scenario.levers.map((_, i) => i);
    idx.sort((a, b) => (order[a] ?? Infinity) - (order[b] ?? Infinity) || a - b);
    return { name: scenario.name, levers: idx.map((i) => scenario.levers[i]) as Lever[] };
  });
}

/** Reads and checks all input tables. `plan` is null whenever there is at least one error. */
export function readPlan(tables: WorkbookTables): ReadResult {
  const issues = new IssueList();
  const bound: Partial<Record<TableName, BoundTable | null>> = {};
  for (const schema of TABLES) bound[schema.name] = bindTable(issues, tables, schema.name);
  const params = readParameters(issues, bound.Parameters ?? null);
  const prices = readPrices(issues, bound.Prijzen ?? null);
  const formation = readFormation(issues, bound.Formatie ?? null, prices);
  const hire = readHire(issues, bound.Inhuur ?? null);
  const housing = readHousing(issues, bound.Huisvesting ?? null);
  const targets = readTargets(issues, bound.Taakstelling ?? null, params);
  const scenarios = readScenarios(issues, bound.Scenarios ?? null, params);
  if (issues.hasErrors || !params) return { plan: null, issues: issues.items };
  return { plan: { formation, hire, housing, params, targets, scenarios }, issues: issues.items };
}

export { IssueList, headerOf };
// Shared with the Rijk and monitor readers (src/model/rijk, src/model/monitor.ts): one parser of tables and cells.
export { bindSchema, bindTable, dataRows, cellOf, readNumber, readText, readBoolean };
export type { BindableSchema, BoundTable, Cell };
