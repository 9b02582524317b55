/**
 * Values as Excel must receive them. Excel parses every string written to Range.values as if it were
 * typed ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 * interprets this value as a formula"; "001" becomes 1, "1-3" a date). A leading apostrophe makes Excel
 * store the rest as text, and is not part of the value. And null in a 2-D array leaves a cell unchanged
 * ("Use null in 2-D arrays to leave specific cells unchanged"): to clear a cell, write "".
 */
export type ExcelInput = string | number | boolean;

export function asText(value: string): string {
  return value === "" ? "" : `'${value}`;
}

/** A cell value to write: text stays text, null and undefined clear the cell. */
export function toExcel(value: unknown): ExcelInput {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return asText(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  return asText(String(value));
}

export function rowsToExcel(rows: readonly (readonly unknown[])[]): ExcelInput[][] {
  return rows.map((r) => r.map(toExcel));
}

/** Rough size of a value in a request or response: its JSON text. */
export function payloadSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** Excel's error for a request or response over the 5 MB payload limit of Excel on the web. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}
