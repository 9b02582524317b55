/**
 * Binding the workbook's tables to the schema: which table is which (refusing two that match one name),
 * which column is which (refusing a column given twice), names that nearly match an expected table, and
 * the hidden parts of merged ranges read as empty, as Excel's API reads them.
 */
import { CellMarker, IssueList } from "./cells";
import { tableSchema, TABLES, type ColumnSchema, type TableName, type TableSchema } from "./schema";
import { isBlank, normalizeName } from "./text";

export type TableRows = readonly (readonly unknown[])[];
/** Input tables by name (matched case-insensitively); a missing optional table counts as empty. */
export type WorkbookTables = Readonly<Record<string, TableRows | undefined>>;

/** What binding needs of a table's schema; the Rijk tables (src/model/rijk) bind through the same code. */
export type BindableSchema = Pick<TableSchema, "required" | "columns"> & { name: string };

export interface BoundTable {
  schema: BindableSchema;
  /** column index per schema key, -1 when absent */
  index: Record<string, number>;
  rows: TableRows;
}

function findTables(tables: WorkbookTables, name: string): [string, TableRows][] {
  const wanted = normalizeName(name);
  const found: [string, TableRows][] = [];
  for (const [key, rows] of Object.entries(tables)) {
    if (rows && normalizeName(key) === wanted) found.push([key, rows]);
  }
  return found;
}

function matchesHeader(header: unknown, column: ColumnSchema): boolean {
  const h = normalizeName(header);
  return h === normalizeName(column.header) || h === normalizeName(column.alias);
}

function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The hidden cells of merged ranges become empty (only the top-left cell holds the value, as in Excel's
 * API), with one warning per table naming the first such cell; rows are copied only where needed.
 */
function unmerge(issues: IssueList, name: string, rows: TableRows): TableRows {
  let first = null as [number, number] | null;
  let count = 0;
  const out = rows.map((row, r) => {
    let copy: unknown[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof CellMarker && v.kind === "merged") {
        copy ??= row.slice();
        copy[c] = "";
        count++;
        first ??= [r, c];
      }
    }
    return copy ?? row;
  });
  if (first) {
    const [r, c] = first;
    issues.warning(
      name,
      r === 0 ? null : r,
      r === 0 ? null : String(rows[0][c] ?? columnLetter(c)),
      `Samengevoegde cellen in tabel '${name}' (${count} verborgen cel(len), de eerste in rij ${r}, kolom ${columnLetter(c)}): alleen de cel linksboven telt, zoals in Excel; de andere tellen als leeg. Maak de samenvoeging ongedaan.`,
      `Merged cells in table '${name}' (${count} covered cell(s), the first in row ${r}, column ${columnLetter(c)}): only the top-left cell counts, as in Excel; the others count as empty. Unmerge them.`,
    );
  }
  return out;
}

/** Binds a table's header row to the schema; reports a missing table, a required column or a duplicate. */
export function bindTable(issues: IssueList, tables: WorkbookTables, name: TableName): BoundTable | null {
  return bindSchema(issues, tables, tableSchema(name));
}

/** The same for any schema with a name, required flag and columns (the Rijk's tables). */
export function bindSchema(
  issues: IssueList,
  tables: WorkbookTables,
  schema: BindableSchema,
): BoundTable | null {
  const name = schema.name;
  const found = findTables(tables, name);
  if (found.length > 1) {
    const names = found.map(([k]) => `'${k}'`).join(" en ");
    issues.error(
      name,
      null,
      null,
      `Twee tabellen passen bij de naam '${name}': ${names}; hernoem of verwijder er een.`,
      `Two tables match the name '${name}': ${found.map(([k]) => `'${k}'`).join(" and ")}; rename or remove one.`,
    );
    return null;
  }
  const raw = found[0]?.[1];
  if (!raw || raw.length === 0) {
    if (schema.required) {
      issues.error(
        name,
        null,
        null,
        `Verplichte tabel '${name}' ontbreekt.`,
        `Required table '${name}' is missing.`,
      );
    }
    return raw ? { schema, index: {}, rows: [] } : null;
  }
  const rows = unmerge(issues, name, raw);
  const header = rows[0];
  const index: Record<string, number> = {};
  let ok = true;
  for (const column of schema.columns) {
    const at: number[] = [];
    header.forEach((h, i) => {
      if (matchesHeader(h, column)) at.push(i);
    });
    index[column.key] = at.length ? at[0] : -1;
    if (at.length > 1) {
      ok = false;
      const which = at.map((i) => `'${String(header[i])}' (kolom ${columnLetter(i)})`).join(" en ");
      const whichEn = at.map((i) => `'${String(header[i])}' (column ${columnLetter(i)})`).join(" and ");
      issues.error(
        name,
        null,
        column.header,
        `Kolom '${column.header}' staat meer dan eens in tabel '${name}': ${which}; houd er een.`,
        `Column '${column.header}' appears more than once in table '${name}': ${whichEn}; keep one.`,
      );
    }
    if (at.length === 0 && column.required) {
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

/** Whether a table row counts as data: rows that are entirely empty are skipped. */
export function isDataRow(row: readonly unknown[]): boolean {
  return !row.every(isBlank);
}

/** Data rows with their 1-based number, skipping rows that are entirely empty. */
export function* dataRows(table: BoundTable): Generator<[number, readonly unknown[]]> {
  for (let i = 1; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (isDataRow(row)) yield [i, row];
  }
}

export function cellOf(table: BoundTable, key: string, row: readonly unknown[]): unknown {
  const at = table.index[key];
  return at === undefined || at < 0 ? undefined : row[at];
}

export function headerOf(table: BoundTable, key: string): string {
  return table.schema.columns.find((c) => c.key === key)!.header;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The expected table a name nearly matches ('Inhuur 2026', 'Taakstellingen', "Scenario's"), if any. */
export function nearMiss(name: string): TableName | undefined {
  const n = normalizeName(name);
  const letters = n.replace(/[^a-z]/g, "");
  for (const t of TABLES) {
    const want = normalizeName(t.name);
    if (n === want) return undefined;
    if (
      letters === want ||
      distance(letters, want) <= 2 ||
      (letters.length > want.length && letters.startsWith(want)) ||
      (want.length > letters.length && letters.length >= 5 && want.startsWith(letters))
    )
      return t.name;
  }
  return undefined;
}

/** Warnings for table and sheet names that nearly match an expected table the workbook lacks. */
export function warnNearMisses(
  issues: IssueList,
  tables: WorkbookTables,
  otherNames: readonly string[],
): void {
  const seen = new Set<string>();
  for (const other of otherNames) {
    const meant = nearMiss(other);
    if (!meant || findTables(tables, meant).length > 0 || seen.has(`${meant}|${other}`)) continue;
    seen.add(`${meant}|${other}`);
    issues.warning(
      meant,
      null,
      null,
      `Tabel of blad '${other}' wordt niet gelezen: bedoelde u ${meant}? Noem de tabel precies '${meant}'.`,
      `Table or sheet '${other}' is not read: did you mean ${meant}? Name the table exactly '${meant}'.`,
    );
  }
}
