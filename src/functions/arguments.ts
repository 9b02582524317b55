/**
 * Argument checks for the FP.* functions: every problem becomes an Excel error a user can act on,
 * #VALUE! with a Dutch message that names the argument (Dutch name, English name in brackets), or #DIV/0!
 * for a zero total. Excel shows a custom message only with #VALUE! and #N/A ("Custom messages are only
 * available with certain error codes", CustomFunctions.ErrorCode: "A custom error message can't be used"
 * for #DIV/0!), so a #DIV/0! carries no message and its reasons are in the help pages.
 */
import { isBlank, isExcelError } from "../model/text";
import nl from "./functions-nl.json";

export type ErrorKind = "value" | "divisionByZero" | "notAvailable";

/** A problem with the arguments, turned into a CustomFunctions.Error at the edge. */
export class ArgumentError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function valueError(message: string): ArgumentError {
  return new ArgumentError("value", message);
}

/** #DIV/0!: the reason stays in the help page, since Excel cannot show a message with it. */
export function divisionByZero(): ArgumentError {
  return new ArgumentError("divisionByZero", "");
}

const DUTCH_NAMES: Record<string, string> = nl.parameterNames;

/** How a message names an argument: the Dutch parameter name, with the English one when it differs. */
export function label(name: string): string {
  const dutch = DUTCH_NAMES[name];
  return dutch && dutch !== name ? `${dutch} (${name})` : name;
}

/** Cell values of Excel's data types (Excel JavaScript API "CellValue" types) as custom functions get them. */
interface DataTypeValue {
  type?: unknown;
  basicValue?: unknown;
  text?: unknown;
}

/**
 * A plain cell value. A formatted number or a plain data-type value gives its basic value; an entity
 * (a stock, a geography, a card of your own) is refused with a message, never as "[object Object]".
 * "Custom functions can recognize data types and accept them as parameter values ... Custom functions use
 * the same JSON schema for data types as the Excel JavaScript API" (Use data types with custom functions).
 */
export function plain(value: unknown, name: string): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const v = value as DataTypeValue;
  const type = typeof v.type === "string" ? v.type : "";
  const basic = v.basicValue;
  if (
    ["Double", "FormattedNumber", "String", "Boolean"].includes(type) &&
    (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean")
  )
    return basic;
  const what = typeof v.text === "string" && v.text ? ` '${v.text}'` : "";
  throw valueError(
    `${label(name)} is een gegevenstype${type ? ` (${type})` : ""}${what}, geen getal of tekst: verwijs naar een veld ervan, bijvoorbeeld =A2.FTE. / ${name} is a data type, not a number or text: refer to one of its fields.`,
  );
}

/** A required number; text, errors, booleans and blanks are refused with the argument's name. */
export function requireNumber(
  raw: unknown,
  name: string,
  rule: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const value = plain(raw, name);
  const n = label(name);
  if (isExcelError(value)) throw valueError(`${n}: foutwaarde ${value}.`);
  if (isBlank(value)) throw valueError(`${n} is leeg.`);
  if (typeof value !== "number" || !Number.isFinite(value))
    throw valueError(`${n} moet een getal zijn, niet '${String(value)}'.`);
  if (rule.integer && !Number.isInteger(value)) throw valueError(`${n} moet een geheel getal zijn.`);
  if (rule.min !== undefined && value < rule.min) {
    throw valueError(
      rule.min === 0 ? `${n} mag niet negatief zijn.` : `${n} moet minstens ${rule.min} zijn.`,
    );
  }
  if (rule.max !== undefined && value > rule.max) throw valueError(`${n} mag hoogstens ${rule.max} zijn.`);
  return value;
}

/** An optional number: blank or omitted gives the default. */
export function optionalNumber(
  value: unknown,
  name: string,
  fallback: number,
  rule: { min?: number; max?: number } = {},
): number {
  if (value === undefined || isBlank(value)) return fallback;
  return requireNumber(value, name, rule);
}

/** A norm: a fraction from 0 to 1 (exclusive of 1 where the formula divides by 1 - norm). */
export function fraction(value: unknown, name: string, fallback: number, allowOne = false): number {
  const n = optionalNumber(value, name, fallback);
  if (n < 0 || n > 1 || (!allowOne && n === 1))
    throw valueError(`${label(name)} moet een fractie tussen 0 en 1 zijn (bijvoorbeeld 0,35 of 35%).`);
  return n;
}

/** Flattens a range to rows x columns of plain values, checking it is a range at all. */
export function asMatrix(value: unknown, name: string): unknown[][] {
  if (!Array.isArray(value)) return [[plain(value, name)]];
  if (value.length === 0) throw valueError(`${label(name)} is leeg.`);
  return value.map((row, r) =>
    (Array.isArray(row) ? row : [row]).map((cell, c) =>
      cell !== null && typeof cell === "object"
        ? plain(cell, `${name} (rij ${r + 1}, kolom ${c + 1})`)
        : cell,
    ),
  );
}

export function sameShape(a: unknown[][], b: unknown[][], nameA: string, nameB: string): void {
  const colsA = a[0]?.length ?? 0;
  const colsB = b[0]?.length ?? 0;
  if (a.length !== b.length || colsA !== colsB) {
    throw valueError(
      `${label(nameA)} (${a.length}x${colsA}) en ${label(nameB)} (${b.length}x${colsB}) moeten even groot zijn.`,
    );
  }
}

/**
 * Excel passes at most 5 MB to a custom function ("Resource limits and performance optimization for Office
 * Add-ins": Excel on the web has a 5 MB limit for requests and responses); beyond it Excel on the web fails
 * the call. The same limit applies everywhere, so that a workbook behaves alike on the web and on the
 * desktop, and the message says what to do instead.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Roughly the JSON size Excel sends for these ranges (the exact wire format is Excel's own). */
export function payloadBytes(ranges: unknown[]): number {
  let bytes = 0;
  for (const range of ranges) {
    if (!Array.isArray(range)) {
      bytes += String(range ?? "").length + 3;
      continue;
    }
    for (const row of range) {
      bytes += 2;
      for (const cell of Array.isArray(row) ? row : [row]) {
        bytes += typeof cell === "string" ? cell.length + 3 : typeof cell === "number" ? 12 : 6;
      }
    }
  }
  return bytes;
}

export function checkPayload(ranges: unknown[]): void {
  const bytes = payloadBytes(ranges);
  if (bytes <= PAYLOAD_LIMIT_BYTES) return;
  const mb = (bytes / 1024 / 1024).toFixed(1).replace(".", ",");
  throw valueError(
    `De bereiken zijn samen ongeveer ${mb} MB; Excel geeft een functie hoogstens 5 MB door. Verwijs naar tabelkolommen zoals Formatie[FTE] in plaats van hele kolommen, of gebruik voor zulke grote tabellen het taakvenster en het rapport. / The ranges total about ${mb} MB; Excel passes at most 5 MB to a function: use table references such as Formatie[FTE], not whole columns, or the task pane for tables this large.`,
  );
}
