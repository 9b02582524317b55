/**
 * Cell values that are not plain numbers, text or booleans: Excel's data types (Excel.CellValue in
 * Microsoft's "Overview of data types in Excel add-ins": an object with a `type` such as "Entity",
 * "LinkedEntity", "Double", "FormattedNumber", "String", "Boolean", "Error", and a `basicValue`). A
 * function or reader that meets one must say so clearly instead of printing "[object Object]".
 * Pure: used by the FP.* functions and the input readers alike.
 */
export interface DataTypeValue {
  type: string;
  basicValue?: unknown;
  text?: string;
}

export function isDataTypeValue(value: unknown): value is DataTypeValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

const WRAPPED = new Set(["Double", "FormattedNumber", "String", "Boolean", "Error", "Empty"]);

/** The plain value inside a simple data type (a formatted number is a number); others are returned as they are. */
export function plainCellValue(value: unknown): unknown {
  if (isDataTypeValue(value) && WRAPPED.has(value.type))
    return value.type === "Empty" ? "" : (value.basicValue ?? "");
  return value;
}

/** Readable text for any value, for messages: never "[object Object]". */
export function describeCellValue(value: unknown): string {
  if (isDataTypeValue(value)) {
    const label = value.text ?? (typeof value.basicValue === "string" ? value.basicValue : undefined);
    return label ? `${value.type} '${label}'` : value.type;
  }
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "een bereik / a range" : "?";
  return String(value);
}

/** The message for a data-type cell where a number or text is needed, naming the argument or column. */
export function dataTypeMessage(name: string, value: unknown): { nl: string; en: string } {
  const what = describeCellValue(value);
  return {
    nl: `${name} bevat een gegevenstype (${what}), geen getal of tekst. Verwijs naar een veld ervan, bijvoorbeeld A1.Bevolking, of typ de waarde.`,
    en: `${name} holds a data type (${what}), not a number or text. Refer to one of its fields, for example A1.Population, or type the value.`,
  };
}
