/** What "Sjabloon invoegen" puts in a new input table: the header, and example rows only when asked. */
import { PARAMETERS, tableSchema, type TableName } from "./schema";

type Row = (string | number | null)[];

/** Small example rows per table; the Parameters table always lists its parameter names. */
const EXAMPLES: Record<TableName, Row[]> = {
  Formatie: [
    ["Directie Beleid", "Primair", 11, 24, null, "nee"],
    ["Directie Beleid", "Lijnmanagement", 14, 3, null, "nee"],
    ["Directie Bedrijfsvoering", "Bedrijfsvoering", 8, 18.5, null, "nee"],
    ["Inspectie", "Primair", 10, 30, 95000, "ja"],
  ],
  Inhuur: [
    ["Directie Beleid", 3, 250000],
    ["Directie Bedrijfsvoering", 6, 900000],
  ],
  Huisvesting: [["Hoofdkantoor", 3000, 300]],
  Prijzen: [
    [8, 71000],
    [10, 88000],
    [11, 101000],
    [14, 148000],
  ],
  Parameters: [],
  Taakstelling: [
    [2027, 250000],
    [2030, 1000000],
  ],
  Scenarios: [
    ["Kaasschaaf auto", "Kaasschaaf", "auto", null, null, 1],
    ["Overhead naar 35%", "Overheadnorm", 0.35, null, null, 1],
  ],
};

const PARAMETER_EXAMPLES: Record<string, number> = { baseYear: 2026, endYear: 2030 };

export function templateRows(table: TableName, examples: boolean): Row[] {
  if (table === "Parameters") {
    // The names are the table's structure; values only as examples (defaults shown where MODEL.md has one).
    return PARAMETERS.map((p) => [p.name, examples ? (PARAMETER_EXAMPLES[p.key] ?? p.defaultValue) : null]);
  }
  return examples ? EXAMPLES[table].map((r) => [...r]) : [];
}

export function templateHeaders(table: TableName): string[] {
  return tableSchema(table).columns.map((c) => c.header);
}
