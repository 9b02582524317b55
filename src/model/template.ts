/**
 * What "Sjabloon invoegen" puts in a new input table: the header, the drop-down lists, an input message
 * per column, and example rows only when asked; in Dutch or in English.
 *
 * In English the headers are the schema's English aliases (the reader accepts both), the function groups
 * Primary / Operations / Management and yes/no; the table names stay the canonical Dutch ones (Formatie,
 * Scenarios, ...) because formulas (`Formatie[FTE]`), the functions and the command line find the tables
 * by those names, and the lever names and hire categories stay Dutch because they are values the reader
 * matches (levers) or the RBV's own names (categories; 1-8 works too).
 */
import { PARAMETERS, tableSchema, type ColumnSchema, type TableName } from "./schema";
import { FUNCTION_GROUPS } from "./types";

export type TemplateLanguage = "nl" | "en";

type Row = (string | number | null)[];

/** Example tables that hold only numbers: the same in every language. */
const NUMBERS_ONLY: Pick<Record<TableName, Row[]>, "Prijzen" | "Parameters" | "Taakstelling"> = {
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
};

/** Small example rows per table; the Parameters table always lists its parameter names. */
const EXAMPLES: Record<TemplateLanguage, Record<TableName, Row[]>> = {
  nl: {
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
    ...NUMBERS_ONLY,
    Scenarios: [
      ["Kaasschaaf auto", "Kaasschaaf", "auto", null, null, 1],
      ["Overhead naar 35%", "Overheadnorm", 0.35, null, null, 1],
    ],
  },
  en: {
    Formatie: [
      ["Policy Directorate", "Primary", 11, 24, null, "no"],
      ["Policy Directorate", "Management", 14, 3, null, "no"],
      ["Corporate Services", "Operations", 8, 18.5, null, "no"],
      ["Inspectorate", "Primary", 10, 30, 95000, "yes"],
    ],
    Inhuur: [
      ["Policy Directorate", 3, 250000],
      ["Corporate Services", 6, 900000],
    ],
    Huisvesting: [["Head office", 3000, 300]],
    ...NUMBERS_ONLY,
    // Lever names are the Scenarios table's values and stay Dutch; the scenario names are the planner's.
    Scenarios: [
      ["Cheese-slicer auto", "Kaasschaaf", "auto", null, null, 1],
      ["Overhead to 35%", "Overheadnorm", 0.35, null, null, 1],
    ],
  },
};

const PARAMETER_EXAMPLES: Record<string, number> = { baseYear: 2026, endYear: 2030 };

const GROUPS_EN = ["Primary", "Operations", "Management"] as const;

export function templateRows(table: TableName, examples: boolean, lang: TemplateLanguage = "nl"): Row[] {
  if (table === "Parameters") {
    // The names are the table's structure; values only as examples (defaults shown where MODEL.md has one).
    return PARAMETERS.map((p) => [
      lang === "nl" ? p.name : p.alias,
      examples ? (PARAMETER_EXAMPLES[p.key] ?? p.defaultValue) : null,
    ]);
  }
  return examples ? EXAMPLES[lang][table].map((r) => [...r]) : [];
}

export function templateHeaders(table: TableName, lang: TemplateLanguage = "nl"): string[] {
  return tableSchema(table).columns.map((c) => (lang === "nl" ? c.header : c.alias));
}

/** The drop-down list of a column in the template's language (levers, scales and categories stay as they are). */
export function templateList(
  column: ColumnSchema,
  lang: TemplateLanguage = "nl",
): readonly string[] | undefined {
  if (!column.list || lang === "nl") return column.list;
  if (column.kind === "group") return GROUPS_EN;
  if (column.kind === "boolean") return ["yes", "no"];
  return column.list;
}

/** Every group name of the template's list maps to the group the reader gives it (kept in step by a test). */
export const TEMPLATE_GROUPS: Record<TemplateLanguage, readonly string[]> = {
  nl: FUNCTION_GROUPS,
  en: GROUPS_EN,
};

type Help = Record<TemplateLanguage, string>;

/** The input message Excel shows when a cell of the column is selected (at most 255 characters). */
const HELP: Record<string, Help> = {
  "Formatie.unit": {
    nl: "Naam van de organisatie-eenheid (directie, dienst).",
    en: "Name of the organisational unit (directorate, agency).",
  },
  "Formatie.group": {
    nl: "Primair, Bedrijfsvoering of Lijnmanagement. Bedrijfsvoering en Lijnmanagement tellen als overhead.",
    en: "Primary, Operations or Management. Operations and Management count as overhead.",
  },
  "Formatie.scale": {
    nl: "Salarisschaal, een geheel getal van 1 tot en met 18.",
    en: "Salary scale, a whole number from 1 to 18.",
  },
  "Formatie.fte": { nl: "FTE in deze rij (een fractie mag).", en: "FTE in this row (a fraction is fine)." },
  "Formatie.costPerFte": {
    nl: "Jaarkosten per FTE in euro. Leeg: de prijs van de schaal uit de tabel Prijzen.",
    en: "Yearly cost per FTE in euro. Empty: the scale's price from the Prijzen table.",
  },
  "Formatie.protected": {
    nl: "ja: normen, gerichte hefbomen en Optimaal korten deze rij niet (de kaasschaaf wel).",
    en: "yes: norms, targeted levers and Optimaal never cut this row (the cheese-slicer does).",
  },
  "Inhuur.unit": { nl: "Eenheid die de inhuur betaalt.", en: "Unit that pays for the hire." },
  "Inhuur.category": {
    nl: "Categorie van RBV-model 3.60: een naam uit de lijst of het nummer 1-8.",
    en: "Category of RBV model 3.60: a name from the list (Dutch, as the RBV names them) or its number 1-8.",
  },
  "Inhuur.amount": {
    nl: "Uitgaven aan externe inhuur per jaar, in euro.",
    en: "Yearly spending on external hire, in euro.",
  },
  "Huisvesting.location": { nl: "Naam van de kantoorlocatie.", en: "Name of the office location." },
  "Huisvesting.m2": { nl: "Vierkante meters kantoor.", en: "Square metres of office space." },
  "Huisvesting.costPerM2": { nl: "Kosten per m2 per jaar, in euro.", en: "Cost per m2 a year, in euro." },
  "Prijzen.scale": { nl: "Salarisschaal 1-18.", en: "Salary scale 1-18." },
  "Prijzen.costPerFte": {
    nl: "Jaarkosten per FTE in euro voor deze schaal.",
    en: "Yearly cost per FTE in euro for this scale.",
  },
  "Parameters.name": {
    nl: "Naam van de parameter; Basisjaar en Eindjaar zijn verplicht.",
    en: "Name of the parameter; Base year and End year are required.",
  },
  "Parameters.value": {
    nl: "Waarde; percentages als fractie (0,35 of 35%).",
    en: "Value; percentages as a fraction (0.35 or 35%).",
  },
  "Taakstelling.year": { nl: "Planjaar.", en: "Plan year." },
  "Taakstelling.amount": {
    nl: "Vereiste structurele besparing in dat jaar, in euro.",
    en: "Required structural saving in that year, in euro.",
  },
  "Scenarios.scenario": {
    nl: "Naam van het scenario; rijen met dezelfde naam vormen één scenario.",
    en: "Name of the scenario; rows with the same name form one scenario.",
  },
  "Scenarios.lever": {
    nl: "Hefboom uit de lijst.",
    en: "Lever from the list (Dutch names: Kaasschaaf = cheese-slicer, Overheadnorm = overhead norm, Roemernorm = external-hire norm, Huisvestingsnorm = housing norm, Vacaturestop = hiring freeze, Gerichte korting = targeted cut, Optimaal = least-harm plan).",
  },
  "Scenarios.value": {
    nl: "Fractie (0,1 = 10%), auto bij Kaasschaaf, leeg = de parameter of bij Optimaal.",
    en: "Fraction (0.1 = 10%), auto for Kaasschaaf, empty = the parameter, or for Optimaal.",
  },
  "Scenarios.filter": {
    nl: 'Welke rijen, bijv. functiegroep == "Bedrijfsvoering" and schaal >= 11. Leeg: alle rijen.',
    en: 'Which rows, e.g. functiegroep == "Operations" and schaal >= 11. Empty: all rows.',
  },
  "Scenarios.insource": {
    nl: "Roemernorm: deel van de geschrapte inhuur dat als eigen personeel terugkomt (0-1).",
    en: "Roemernorm: share of the hire removed that returns as own staff (0-1).",
  },
  "Scenarios.order": {
    nl: "Volgorde van de hefbomen binnen het scenario.",
    en: "Order of the levers within the scenario.",
  },
};

/** The input message for a column: its header as title (at most 32 characters) and a short help text. */
export function templatePrompt(
  table: TableName,
  column: ColumnSchema,
  lang: TemplateLanguage = "nl",
): { title: string; message: string } | undefined {
  const help = HELP[`${table}.${column.key}`];
  if (!help) return undefined;
  return { title: (lang === "nl" ? column.header : column.alias).slice(0, 32), message: help[lang] };
}
