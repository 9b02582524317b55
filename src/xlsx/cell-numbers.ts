/**
 * A cell's `<v>` text as a number without making a string of it: what ExcelJS's cell parser gets from
 * parseFloat and parseInt, read from the sheet's text (sheet-data-scanner.ts) or its bytes
 * (sheet-bytes-scanner.ts). Anything but plain digits goes to parseFloat / parseInt themselves.
 */

/** Reads one character code (text) or byte (bytes) at a position. */
type CodeAt<S> = (source: S, i: number) => number;
/** The text between two positions, for parseFloat / parseInt. */
type Slice<S> = (source: S, start: number, end: number) => string;

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

function integerOf<S>(source: S, start: number, end: number, codeAt: CodeAt<S>, slice: Slice<S>): number {
  if (end - start > 15) return parseInt(slice(source, start, end), 10);
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = codeAt(source, i) - 48;
    if (d < 0 || d > 9) return parseInt(slice(source, start, end), 10);
    value = value * 10 + d;
  }
  return value;
}

/**
 * At most 15 digits make an integer below 2^53 and 10^k (k <= 15) is exact, so the one rounding of their
 * quotient is parseFloat's own correctly rounded result. Anything else (an exponent, spaces, more digits)
 * is parseFloat's.
 */
function numberOf<S>(source: S, start: number, end: number, codeAt: CodeAt<S>, slice: Slice<S>): number {
  let i = start;
  const negative = codeAt(source, i) === 45;
  if (negative) i++;
  let digits = 0;
  let decimals = -1;
  let mantissa = 0;
  for (; i < end; i++) {
    const c = codeAt(source, i);
    if (c === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return parseFloat(slice(source, start, end));
    mantissa = mantissa * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15) return parseFloat(slice(source, start, end));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

const textCode: CodeAt<string> = (text, i) => text.charCodeAt(i);
const textSlice: Slice<string> = (text, start, end) => text.slice(start, end);
const byteCode: CodeAt<Uint8Array> = (bytes, i) => (i < bytes.length ? bytes[i] : NaN);
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const byteSlice: Slice<Uint8Array> = (bytes, start, end) => utf8.decode(bytes.subarray(start, end));

/** parseInt(text.slice(start, end), 10), without the slice for plain digits. */
export function integerAt(text: string, start: number, end: number): number {
  return integerOf(text, start, end, textCode, textSlice);
}

/** parseFloat(text.slice(start, end)), without the slice for a plain decimal ("-12.75"). */
export function numberAt(text: string, start: number, end: number): number {
  return numberOf(text, start, end, textCode, textSlice);
}

/** integerAt for UTF-8 bytes: parseInt of their text. */
export function integerInBytes(bytes: Uint8Array, start: number, end: number): number {
  return integerOf(bytes, start, end, byteCode, byteSlice);
}

/** numberAt for UTF-8 bytes: parseFloat of their text. */
export function numberInBytes(bytes: Uint8Array, start: number, end: number): number {
  return numberOf(bytes, start, end, byteCode, byteSlice);
}
