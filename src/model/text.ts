/** Header and name matching: case-, accent- and spacing-insensitive, with m² read as m2. */
export function normalizeName(value: unknown): string {
  const text = String(value ?? "");
  // Plain ASCII needs no accent folding, which is the slow part on large tables.
  const folded = /^[\x20-\x7e]*$/.test(text)
    ? text
    : text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/²/g, "2");
  return folded
    .replace(/[_\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * `read` remembered per cell value: a table repeats the same few spellings ("Primair", "ja") on every row, so
 * each is read once. Bounded, so odd input cannot grow it forever.
 */
export function perSpelling<T>(read: (value: unknown) => T): (value: unknown) => T {
  const seen = new Map<unknown, T>();
  return (value) => {
    if (seen.has(value)) return seen.get(value) as T;
    const result = read(value);
    if (seen.size < 1000) seen.set(value, result);
    return result;
  };
}

/** Names of Excel's error values, as range.values and our .xlsx reader give them. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

export function isExcelError(value: unknown): value is string {
  // Every error's name has a "#": other texts (nearly all, on every row of a large table) need no copy.
  return typeof value === "string" && value.includes("#") && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Format a number the Dutch way for messages: 1.234,5. */
export function formatNumberNl(value: number, digits = 2): string {
  return value.toLocaleString("nl-NL", { maximumFractionDigits: digits });
}
