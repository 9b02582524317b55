/**
 * Small helpers for what the pane says: numbers the Dutch way in Dutch text, singular and plural, and a
 * cell named as Excel names it (Formatie!D14).
 */
import { displayFormats } from "../../model/display";
import type { ReadTables } from "../../model/workbook-types";
import { normalizeName } from "../../model/text";
import { TABLES } from "../../model/schema";
import type { Language } from "../i18n";

export function formats(lang: Language) {
  const f = displayFormats(lang);
  const l = lang === "nl" ? "nl-NL" : "en-GB";
  return {
    ...f,
    /** a count: 50.000 (nl), 50,000 (en) */
    count: (n: number) => n.toLocaleString(l, { maximumFractionDigits: 0 }),
    /** a fraction as the planner types it: 0,10 */
    fraction: (n: number) => n.toLocaleString(l, { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
    /** percentage points: 0,8 */
    points: (n: number) =>
      (n * 100).toLocaleString(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  };
}

/** "1 rij", "2 rijen": the count formatted for the language, the noun agreeing with it. */
export function plural(lang: Language, n: number, one: string, many: string): string {
  return `${formats(lang).count(n)} ${n === 1 ? one : many}`;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The cell an issue points at, as Excel names it (`Formatie!D14`); the header cell when the row is null,
 * the row's first cell when the column is unknown; null when the table was not read.
 */
export function cellAddress(
  read: ReadTables | null,
  issue: { table: string; row: number | null; column: string | null },
): string | null {
  const location = read?.locations[issue.table];
  const rows = read?.tables[issue.table];
  if (!location || !rows) return null;
  let offset = 0;
  if (issue.column) {
    // The message names the column as the schema does; the table may use the English alias.
    const wanted = new Set([normalizeName(issue.column)]);
    const schema = TABLES.find((t) => t.name === issue.table);
    for (const c of schema?.columns ?? [])
      if ([c.header, c.alias].some((n) => wanted.has(normalizeName(n))))
        [c.header, c.alias].forEach((n) => wanted.add(normalizeName(n)));
    const i = (rows[0] ?? []).findIndex((h) => wanted.has(normalizeName(h)));
    if (i < 0 && issue.row === null) return null;
    offset = Math.max(0, i);
  }
  const row = location.headerRow + (issue.row ?? 0);
  return `${sheetRef(location.sheet)}!${columnLetters(location.firstColumn + offset)}${row}`;
}
