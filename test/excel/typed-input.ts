/**
 * How Excel stores a value written through Range.values: as if the user typed it (en-US, like Excel on
 * the web in English). Followed documentation:
 * - Excel.Range, values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 *   ("="), Excel interprets this value as a formula."
 * - "Excel add-ins: blank and null values" writes `range.values = [['Eurasia', '29.96', '0.25', '15-Feb']]`
 *   and then gives the fourth cell a date format: number-like and date-like text becomes numbers and dates.
 * - Microsoft Support, "Format numbers as text": cells in the Text number format ("@") keep what is
 *   typed as text; "type an apostrophe (') before the number" does the same for one entry, and the
 *   apostrophe is not part of the value.
 */
export type Cell = string | number | boolean;

export const TEXT_FORMAT = "@";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's date serial (1900 system) of a calendar date. */
function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function dateLike(text: string): number | null {
  const year = 2026;
  let m = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?$/.exec(text);
  if (m) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return serial(m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : year, month, day);
  }
  m = /^(\d{1,2})[- ]([a-z]{3})[a-z]*(?:[- ](\d{2,4}))?$/i.exec(text);
  if (m && MONTHS.includes(m[2].toLowerCase()))
    return serial(m[3] ? Number(m[3]) : year, MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1]));
  return null;
}

export function parseTyped(x: Cell, numberFormat: string | undefined): { value: Cell; formula?: string } {
  if (typeof x !== "string") return { value: x };
  if (numberFormat === TEXT_FORMAT) return { value: x };
  if (x.startsWith("'")) return { value: x.slice(1) };
  const t = x.trim();
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?(%)?$/i.exec(t);
  if (number) {
    const n = Number(t.replace("%", ""));
    return { value: number[4] ? n / 100 : n };
  }
  if (x.startsWith("=") || x.startsWith("+") || x.startsWith("-"))
    return { value: "#NAME?", formula: x.startsWith("=") ? x : `=${x}` };
  const date = dateLike(t);
  if (date !== null) return { value: date };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: x };
}
