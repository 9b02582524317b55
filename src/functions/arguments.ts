/**
 * Argument checks for the FP.* functions: every problem becomes an Excel error a user can act on,
 * #VALUE! with a Dutch message that names the argument, or #DIV/0! for a zero total.
 */
import { isBlank, isExcelError } from "../model/text";

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

/** A required number; text, errors, booleans and blanks are refused with the argument's name. */
export function requireNumber(
  value: unknown,
  name: string,
  rule: { min?: number; max?: number; integer?: boolean } = {},
): number {
  if (isExcelError(value)) throw valueError(`${name}: foutwaarde ${value}.`);
  if (isBlank(value)) throw valueError(`${name} is leeg.`);
  if (typeof value !== "number" || !Number.isFinite(value))
    throw valueError(`${name} moet een getal zijn, niet '${String(value)}'.`);
  if (rule.integer && !Number.isInteger(value)) throw valueError(`${name} moet een geheel getal zijn.`);
  if (rule.min !== undefined && value < rule.min) {
    throw valueError(
      rule.min === 0 ? `${name} mag niet negatief zijn.` : `${name} moet minstens ${rule.min} zijn.`,
    );
  }
  if (rule.max !== undefined && value > rule.max) throw valueError(`${name} mag hoogstens ${rule.max} zijn.`);
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
    throw valueError(`${name} moet een fractie tussen 0 en 1 zijn (bijvoorbeeld 0,35 of 35%).`);
  return n;
}

/** Flattens a range to rows x columns, checking it is a range at all. */
export function asMatrix(value: unknown, name: string): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) throw valueError(`${name} is leeg.`);
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

export function sameShape(a: unknown[][], b: unknown[][], nameA: string, nameB: string): void {
  const colsA = a[0]?.length ?? 0;
  const colsB = b[0]?.length ?? 0;
  if (a.length !== b.length || colsA !== colsB) {
    throw valueError(
      `${nameA} (${a.length}x${colsA}) en ${nameB} (${b.length}x${colsB}) moeten even groot zijn.`,
    );
  }
}
