/**
 * The input tables of MODEL.md: names, headers (Dutch, with the English alias), which are required,
 * and what the template puts in them (validation lists, number formats). The reader, the template
 * writer in the task pane and the .xlsx sample all use this one description.
 */
import { FUNCTION_GROUPS, HIRE_CATEGORIES } from "./types";

export type ColumnKind = "text" | "number" | "integer" | "group" | "category" | "boolean" | "lever" | "any";

export interface ColumnSchema {
  key: string;
  header: string;
  alias: string;
  required: boolean;
  kind: ColumnKind;
  /** Excel number format the template and report use */
  numberFormat?: string;
  /** values offered by the template's data validation list */
  list?: readonly string[];
  /** whole-number validation range for the template */
  range?: [number, number];
}

export interface TableSchema {
  name: TableName;
  required: boolean;
  columns: ColumnSchema[];
  descriptionNl: string;
  descriptionEn: string;
}

export type TableName =
  "Formatie" | "Inhuur" | "Huisvesting" | "Prijzen" | "Parameters" | "Taakstelling" | "Scenarios";

export const LEVER_NAMES = [
  "Kaasschaaf",
  "Overheadnorm",
  "Roemernorm",
  "Huisvestingsnorm",
  "Vacaturestop",
  "Gerichte korting",
  "Optimaal",
] as const;

/** Salary scales 1-18, as the template's drop-down list. */
export const SCALES = Array.from({ length: 18 }, (_, i) => String(i + 1));

export const EURO_FORMAT = "€ #,##0;[Red]-€ #,##0";
export const FTE_FORMAT = "#,##0.0";
export const PERCENT_FORMAT = "0.0%";
export const M2_FORMAT = "#,##0";

const col = (
  key: string,
  header: string,
  alias: string,
  required: boolean,
  kind: ColumnKind,
  extra: Partial<ColumnSchema> = {},
): ColumnSchema => ({ key, header, alias, required, kind, ...extra });

export const TABLES: readonly TableSchema[] = [
  {
    name: "Formatie",
    required: true,
    descriptionNl: "Formatie: FTE per eenheid, functiegroep en schaal",
    descriptionEn: "Formation: FTE by unit, function group and scale",
    columns: [
      col("unit", "Eenheid", "Unit", true, "text"),
      col("group", "Functiegroep", "Group", true, "group", { list: FUNCTION_GROUPS }),
      col("scale", "Schaal", "Scale", true, "integer", { list: SCALES, range: [1, 18], numberFormat: "0" }),
      col("fte", "FTE", "FTE", true, "number", { numberFormat: FTE_FORMAT }),
      col("costPerFte", "Kosten per FTE", "Cost per FTE", false, "number", { numberFormat: EURO_FORMAT }),
      col("protected", "Beschermd", "Protected", false, "boolean", { list: ["ja", "nee"] }),
    ],
  },
  {
    name: "Inhuur",
    required: false,
    descriptionNl: "Externe inhuur per eenheid en categorie (RBV model 3.60)",
    descriptionEn: "External hire by unit and category (RBV model 3.60)",
    columns: [
      col("unit", "Eenheid", "Unit", true, "text"),
      col("category", "Categorie", "Category", true, "category", { list: HIRE_CATEGORIES }),
      col("amount", "Bedrag", "Amount", true, "number", { numberFormat: EURO_FORMAT }),
    ],
  },
  {
    name: "Huisvesting",
    required: false,
    descriptionNl: "Kantoorlocaties met m2 en kosten per m2",
    descriptionEn: "Office locations with m2 and cost per m2",
    columns: [
      col("location", "Locatie", "Location", true, "text"),
      col("m2", "m2", "m2", true, "number", { numberFormat: M2_FORMAT }),
      col("costPerM2", "Kosten per m2", "Cost per m2", true, "number", { numberFormat: EURO_FORMAT }),
    ],
  },
  {
    name: "Prijzen",
    required: false,
    descriptionNl: "Kosten per FTE per schaal",
    descriptionEn: "Cost per FTE by scale",
    columns: [
      col("scale", "Schaal", "Scale", true, "integer", { list: SCALES, range: [1, 18], numberFormat: "0" }),
      col("costPerFte", "Kosten per FTE", "Cost per FTE", true, "number", { numberFormat: EURO_FORMAT }),
    ],
  },
  {
    name: "Parameters",
    required: true,
    descriptionNl: "Parameters (basisjaar, eindjaar, normen, verloop)",
    descriptionEn: "Parameters (base year, end year, norms, attrition)",
    columns: [
      col("name", "Parameter", "Parameter", true, "text"),
      col("value", "Waarde", "Value", true, "any"),
    ],
  },
  {
    name: "Taakstelling",
    required: false,
    descriptionNl: "Taakstelling: vereiste structurele besparing per jaar",
    descriptionEn: "Targets: required structural saving per year",
    columns: [
      col("year", "Jaar", "Year", true, "integer", { numberFormat: "0" }),
      col("amount", "Bedrag", "Amount", true, "number", { numberFormat: EURO_FORMAT }),
    ],
  },
  {
    name: "Scenarios",
    required: false,
    descriptionNl: "Scenario's: hefbomen met waarde en filter",
    descriptionEn: "Scenarios: levers with value and filter",
    columns: [
      col("scenario", "Scenario", "Scenario", true, "text"),
      col("lever", "Hefboom", "Lever", true, "lever", { list: LEVER_NAMES }),
      col("value", "Waarde", "Value", true, "any"),
      col("filter", "Filter", "Filter", false, "text"),
      col("insource", "Inbesteden", "Insource", false, "number", { numberFormat: PERCENT_FORMAT }),
      col("order", "Volgorde", "Order", false, "integer", { numberFormat: "0" }),
    ],
  },
];

/**
 * What is plausible for one input row: far above any real department, far below where sums could lose
 * precision or overflow. A value beyond is an input error, so that no output can become non-finite.
 */
export const INPUT_LIMITS = {
  /** FTE in one formation row (the whole Rijk has about 130,000 FTE) */
  ftePerRow: 100_000,
  /** yearly cost of one FTE in euros */
  costPerFte: 10_000_000,
  /** euros of hire in one row */
  hireAmount: 10_000_000_000,
  /** m2 in one housing row */
  m2: 10_000_000,
  /** euros per m2 a year */
  costPerM2: 10_000,
  /** euros of Taakstelling in one year */
  target: 100_000_000_000,
  /** Volgorde */
  order: 1_000_000,
  /** rates above this are valid but implausible: a warning (Indexatie, Natuurlijk verloop) */
  plausibleRate: 0.2,
} as const;

export function tableSchema(name: TableName): TableSchema {
  const t = TABLES.find((s) => s.name === name);
  if (!t) throw new Error(`Unknown table ${name}`);
  return t;
}

export interface ParameterSchema {
  key: string;
  name: string;
  alias: string;
  required: boolean;
  defaultValue: number | null;
  /** inclusive lower bound, exclusive upper bound where `upperExclusive` */
  min: number;
  max: number;
  upperExclusive?: boolean;
  integer?: boolean;
  descriptionNl: string;
  numberFormat: string;
}

/** Parameters whose value is text; not part of PlanParameters (MODEL.md v2). */
export const TEXT_PARAMETERS: readonly { key: string; name: string; alias: string; descriptionNl: string }[] =
  [
    {
      key: "chosenScenario",
      name: "Gekozen scenario",
      alias: "Chosen scenario",
      descriptionNl: "Het scenario dat het departement heeft gekozen (monitor en rijksbrede optelling)",
    },
  ];

export const PARAMETERS: readonly ParameterSchema[] = [
  {
    key: "baseYear",
    name: "Basisjaar",
    alias: "Base year",
    required: true,
    defaultValue: null,
    min: 1990,
    max: 2100,
    integer: true,
    descriptionNl: "Eerste planjaar",
    numberFormat: "0",
  },
  {
    key: "endYear",
    name: "Eindjaar",
    alias: "End year",
    required: true,
    defaultValue: null,
    min: 1990,
    max: 2150,
    integer: true,
    descriptionNl: "Laatste planjaar (na het basisjaar)",
    numberFormat: "0",
  },
  {
    key: "indexation",
    name: "Indexatie",
    alias: "Indexation",
    required: false,
    defaultValue: 0,
    min: -0.5,
    max: 1,
    descriptionNl: "Jaarlijkse loon- en prijsindex",
    numberFormat: PERCENT_FORMAT,
  },
  {
    key: "overheadNorm",
    name: "Overheadnorm",
    alias: "Overhead norm",
    required: false,
    defaultValue: 0.35,
    min: 0,
    max: 1,
    upperExclusive: true,
    descriptionNl: "Maximaal aandeel overhead in de formatie",
    numberFormat: PERCENT_FORMAT,
  },
  {
    key: "roemerNorm",
    name: "Roemernorm",
    alias: "External hire norm",
    required: false,
    defaultValue: 0.1,
    min: 0,
    max: 1,
    upperExclusive: true,
    descriptionNl: "Maximaal aandeel inhuur in de personele uitgaven",
    numberFormat: PERCENT_FORMAT,
  },
  {
    key: "workplaceFactor",
    name: "Werkplekfactor",
    alias: "Workplace factor",
    required: false,
    defaultValue: 0.7,
    min: 0,
    max: 5,
    descriptionNl: "Werkplekken per FTE",
    numberFormat: "0.00",
  },
  {
    key: "m2PerWorkplace",
    name: "m2 per werkplek",
    alias: "m2 per workplace",
    required: false,
    defaultValue: null,
    min: 0,
    max: 1000,
    descriptionNl: "Vierkante meters per werkplek (nodig voor de huisvestingsnorm)",
    numberFormat: "0.0",
  },
  {
    key: "attritionRate",
    name: "Natuurlijk verloop",
    alias: "Natural attrition",
    required: false,
    defaultValue: 0,
    min: 0,
    max: 1,
    descriptionNl: "Aandeel FTE dat jaarlijks vertrekt",
    numberFormat: PERCENT_FORMAT,
  },
  {
    key: "severanceMultiple",
    name: "Afvloeiingskosten",
    alias: "Severance cost",
    required: false,
    defaultValue: 1,
    min: 0,
    max: 20,
    descriptionNl: "Eenmalige kosten van gedwongen vertrek, in jaarkosten van de rij",
    numberFormat: "0.00",
  },
  {
    key: "insourceCostFactor",
    name: "Inbesteden kostenfactor",
    alias: "Insourcing cost factor",
    required: false,
    defaultValue: 0.75,
    min: 0,
    max: 10,
    descriptionNl: "Interne kosten per euro vervangen inhuur",
    numberFormat: "0.00",
  },
  {
    key: "maxCutPerUnit",
    name: "Maximale korting per eenheid",
    alias: "Maximum cut per unit",
    required: false,
    defaultValue: 0.25,
    min: 0,
    max: 1,
    descriptionNl: "Optimaal: maximaal aandeel FTE dat een eenheid verliest",
    numberFormat: PERCENT_FORMAT,
  },
  {
    key: "maxForcedExits",
    name: "Maximale gedwongen uitstroom",
    alias: "Maximum forced exits",
    required: false,
    defaultValue: 0,
    min: 0,
    max: 1e9,
    descriptionNl: "Optimaal: maximaal aantal gedwongen vertrekken (FTE)",
    numberFormat: FTE_FORMAT,
  },
  {
    key: "overheadWeight",
    name: "Gewicht overhead",
    alias: "Overhead weight",
    required: false,
    defaultValue: 0.2,
    min: 0,
    max: 1,
    descriptionNl: "Optimaal: gewicht van verloren overhead-FTE ten opzichte van primair",
    numberFormat: "0.00",
  },
];
