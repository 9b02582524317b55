/**
 * The report in the planner's language. buildReport lays the sheets out in Dutch, with the engine's notes
 * and Optimaal's reasons already in the language asked for (they are written in both, src/model/notes.ts);
 * this turns the report's own fixed texts into English (headers, labels, ja/nee, provenance, chart titles,
 * the comparison sheet's name). Cells it does not know (scenario names, units, filters, notes, numbers)
 * are never touched.
 */
import type { NoteLanguage } from "./notes";
import type { ReportSheet } from "./report";
import { DEFINITIONS, REVIEW_SHEET } from "./report-review";
import { MEASURE_LABELS } from "./monitor";
import { PARAMETERS, TEXT_PARAMETERS } from "./schema";

/** DEFINITIONS (report-review.ts) in English, row for row: term, definition, source. */
export const DEFINITIONS_EN: [string, string, string][] = [
  [
    "Saving (structural)",
    "Structural cost of the baseline minus that of the scenario in the same year. The baseline keeps every row at its base-year level (leavers are replaced), indexed only with the Indexation: the saving is measured against the indexed baseline, not against the budget or the actuals.",
    "MODEL.md, State and metrics",
  ],
  [
    "Structural cost",
    "Personnel spending (FTE x indexed cost per FTE) + external hire + housing cost (m2 x indexed cost per m2).",
    "MODEL.md",
  ],
  [
    "Target met",
    "Saving minus target is at least -0.50 euro, in every year of the plan period (not only the end year).",
    "MODEL.md; README (rounding)",
  ],
  [
    "Cheese-slicer comparison",
    "A cheese-slicer cuts every FTE, hire and m2 row by the same percentage. For the same saving in the end year, p = saving / structural cost of the baseline in the end year; the cheese-slicer then keeps 1 - p of the primary process. 'Difference with cheese-slicer' = primary kept by the scenario - (1 - p).",
    "MODEL.md, Outputs; README",
  ],
  [
    "Overhead %",
    "Overhead FTE (operations + line management) / total FTE; policy staff count as primary process. Norm: 35% (parameter Overheadnorm).",
    "Definition of overhead by the Minister of the Interior (BZK), October 2024; cabinet goal June 2026 (from 50% to 35%)",
  ],
  [
    "Roemer %",
    "External hire / (own personnel spending + external hire). Norm: at most 10% (parameter Roemernorm).",
    "Motion Roemer (House of Representatives, 2010)",
  ],
  [
    "Forced exits",
    "FTE that leave in a year beyond what natural attrition allows; one-off cost = forced exits x Severance cost x the row's yearly cost.",
    "MODEL.md, Natural attrition and forced exits",
  ],
  [
    "Input hash",
    'SHA-256 over the JSON text of the list [[table name, rows], ...] of all tables read, sorted by table name; rows as Excel gives them (header first, empty cell "", date as Excel serial number); the first 16 hexadecimal characters. Same input, same hash: anyone can recompute it with any SHA-256 program.',
    "src/model/report.ts, hashInputs",
  ],
];

export const REVIEW_SHEET_EN = "Definitions and sources";

const EXACT: Record<string, string> = {
  "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.":
    "This sheet was made by Formatieplanner and is replaced by a new run.",
  "Detailblad; wordt bij een nieuwe berekening vervangen.": "Detail sheet; replaced by a new run.",
  "Kernvraag: hoeveel van het primaire proces houdt elk scenario bij dezelfde besparing, vergeleken met de kaasschaaf? Zie 'Primair behouden' tegenover 'Primair bij kaasschaaf'.":
    "Key question: how much of the primary process does each scenario keep for the same saving, compared with the cheese-slicer? See 'Primary kept' against 'Primary with cheese-slicer'.",
  "Basislijn: elke rij blijft op het niveau van het basisjaar (vertrekkers worden vervangen), alleen geïndexeerd.":
    "Baseline: every row stays at its base-year level (leavers are replaced), indexed only.",
  "Per eenheid (basisjaar tegen eindjaar)": "Per unit (base year against end year)",
  "Optimaal: wat per eenheid vervalt en waarom": "Optimaal: what is cut per unit and why",
  ja: "yes",
  nee: "no",
  Herkomst: "Provenance",
  "Gemaakt op": "Created",
  "Invoer-hash (SHA-256, eerste 16 tekens)": "Input hash (SHA-256, first 16 characters)",
  "Versie Formatieplanner": "Formatieplanner version",
  "(niet opgegeven)": "(not given)",
  "(parameter)": "(parameter)",
  "(alle rijen)": "(all rows)",
  Scenario: "Scenario",
  "Structurele besparing": "Structural saving",
  Taakstelling: "Target",
  Verschil: "Gap",
  "Taakstelling gehaald": "Target met",
  "FTE primair": "Primary FTE",
  "FTE overhead": "Overhead FTE",
  "Overhead %": "Overhead %",
  "Overheadnorm gehaald": "Overhead norm met",
  "Roemer %": "Roemer %",
  "Roemernorm gehaald": "Roemer norm met",
  "Primair behouden": "Primary kept",
  "Primair bij kaasschaaf (zelfde besparing)": "Primary with cheese-slicer (same saving)",
  "Verschil met kaasschaaf": "Difference with cheese-slicer",
  "Gedwongen uitstroom (FTE, totaal)": "Forced exits (FTE, total)",
  "Gedwongen uitstroom (FTE)": "Forced exits (FTE)",
  "Eenmalige kosten (totaal)": "One-off costs (total)",
  "Eenmalige kosten": "One-off costs",
  Jaar: "Year",
  Personeelskosten: "Personnel cost",
  "Externe inhuur": "External hire",
  Huisvestingskosten: "Housing cost",
  "Structurele kosten": "Structural cost",
  "Structurele besparing per jaar": "Structural saving per year",
  "Structurele besparing tegen taakstelling": "Structural saving against target",
  "Overhead % per jaar": "Overhead % per year",
  "Roemer % per jaar": "Roemer % per year",
  "Primair behouden per jaar": "Primary kept per year",
  Volgorde: "Order",
  Hefboom: "Lever",
  Waarde: "Value",
  Filter: "Filter",
  Inbesteden: "Insource",
  Eenheid: "Unit",
  "Per eenheid per jaar: FTE": "Per unit per year: FTE",
  "Per eenheid per jaar: FTE primair": "Per unit per year: primary FTE",
  "Per eenheid per jaar: FTE overhead": "Per unit per year: overhead FTE",
  "Per eenheid per jaar: personeelskosten": "Per unit per year: personnel cost",
  "Per eenheid per jaar: externe inhuur": "Per unit per year: external hire",
  "Per eenheid per jaar: gedwongen uitstroom (FTE)": "Per unit per year: forced exits (FTE)",
  "FTE basis": "FTE base",
  "FTE eind": "FTE end",
  "Primair basis": "Primary base",
  "Primair eind": "Primary end",
  "Overhead basis": "Overhead base",
  "Overhead eind": "Overhead end",
  "FTE voor": "FTE before",
  "Primair minder": "Primary cut",
  "Overhead minder": "Overhead cut",
  "Inhuur minder": "Hire cut",
  "Inhuur minder (eindjaar)": "Hire cut (end year)",
  "m2 minder (eindjaar)": "m2 cut (end year)",
  "Aandeel gekort": "Share cut",
  "Op grens": "At cap",
  Waarom: "Why",
  // The comparison sheet's yearly checks (report-review.ts, appendYearlyChecks)
  "Taakstelling gehaald in elk jaar": "Target met in every year",
  "Elk jaar gehaald": "Met every year",
  "FTE per jaar": "FTE per year",
  "m2 per jaar": "m2 per year",
  "Eenmalige kosten per jaar": "One-off costs per year",
  // The definitions and sources sheet (report-review.ts)
  "Definities en bronnen": REVIEW_SHEET_EN,
  Definities: "Definitions",
  Begrip: "Term",
  Definitie: "Definition",
  Bron: "Source",
  Bronnen: "Sources",
  Invoerbestand: "Input file",
  "(de geopende werkmap)": "(the open workbook)",
  "Ingelezen op": "Read at",
  "(niet bekend)": "(not known)",
  "Invoer-hash": "Input hash",
  "Illustratieve of niet-geverifieerde cijfers": "Illustrative or unverified figures",
  "Niet nagegaan voor dit rapport: kijk in de invoerwerkmap zelf naar cijfers die als illustratief of niet-geverifieerd gemarkeerd zijn.":
    "Not checked for this report: look in the input workbook itself for figures marked as illustrative or unverified.",
  "In de invoer is niets als illustratief of niet-geverifieerd gemarkeerd.":
    "Nothing in the input is marked as illustrative or unverified.",
  "LET OP: illustratieve of niet-geverifieerde cijfers": "NOTE: illustrative or unverified figures",
  "De invoer markeert de volgende cijfers zelf als illustratief of niet-geverifieerd; uitkomsten die erop rusten zijn dat ook.":
    "The input itself marks the following figures as illustrative or unverified; results that rest on them are so too.",
  Blad: "Sheet",
  Cel: "Cell",
  Markering: "Mark",
  // The Monitor sheet (report-monitor.ts)
  "Plan op de peildatum: de jaarwaarden V(j) van het gekozen scenario (stand aan het eind van jaar j), lineair tussen V(j-1) en V(j) naar de dag van het jaar. Ratio's uit de geïnterpoleerde delen.":
    "Plan at the reference date: the yearly values V(y) of the chosen scenario (as at the end of year y), linear between V(y-1) and V(y) by the day of the year. Ratios from the interpolated parts.",
  "Op koers: realisatie hoogstens het plan (FTE, FTE overhead, overhead %, personele uitgaven, inhuur, Roemer %, m2), minstens het plan (besparing). Normen gelden voor de realisatie.":
    "On track: actual at most the plan (FTE, overhead FTE, overhead %, personnel spending, hire, Roemer %, m2), at least the plan (saving). Norms apply to the actuals.",
  "Geen realisatie ingevuld (tabel Realisatie).": "No actuals filled in (table Realisatie).",
  Peildatum: "Reference date",
  Maatstaf: "Measure",
  Realisatie: "Actual",
  Plan: "Plan",
  "Op koers": "On track",
  Norm: "Norm",
  "Norm gehaald": "Norm met",
  Toelichting: "Explanation",
  "Verloop van plan en realisatie": "Plan and actuals over time",
  Moment: "Moment",
  "Grafiekgegevens FTE": "Chart data FTE",
  "FTE plan": "FTE plan",
  "FTE realisatie": "FTE actual",
  "FTE: plan en realisatie": "FTE: plan and actuals",
  ...Object.fromEntries(
    Object.values(MEASURE_LABELS).flatMap((m) => [
      [`${m.nl} plan`, `${m.en} plan`],
      [`${m.nl} realisatie`, `${m.en} actual`],
    ]),
  ),
  // Parameter names in the provenance block: their English names (the Parameters table accepts both)
  ...Object.fromEntries([...PARAMETERS, ...TEXT_PARAMETERS].map((p) => [p.name, p.alias])),
  ...Object.fromEntries(DEFINITIONS.flatMap((d, i) => d.map((text, j) => [text, DEFINITIONS_EN[i][j]]))),
};

// The monitor's measures by name; a name the report already translates (Overhead %) keeps that translation.
for (const m of Object.values(MEASURE_LABELS)) EXACT[m.nl] ??= m.en;

const PATTERNS: [RegExp, string][] = [
  [
    /^Monitor: realisatie tegen het gekozen scenario '(.*)'$/s,
    "Monitor: actuals against the chosen scenario '$1'",
  ],
  [
    /^Formatieplanner: vergelijking van scenario's (\d+)-(\d+)$/,
    "Formatieplanner: comparison of scenarios $1-$2",
  ],
  [
    /^Eindjaar (\d+); bedragen in euro per jaar, geïndexeerd; besparing ten opzichte van de basislijn \(Basis\)\.$/,
    "End year $1; amounts in euro per year, indexed; saving against the baseline (Basis).",
  ],
];

const LEVER_EN: Record<string, string> = {
  Kaasschaaf: "Kaasschaaf (cheese-slicer)",
  Overheadnorm: "Overheadnorm (overhead norm)",
  Roemernorm: "Roemernorm (external-hire norm)",
  Huisvestingsnorm: "Huisvestingsnorm (housing norm)",
  Vacaturestop: "Vacaturestop (hiring freeze)",
  "Gerichte korting": "Gerichte korting (targeted cut)",
  Optimaal: "Optimaal (least-harm plan)",
};

export const COMPARISON_SHEET_EN = "Comparison";

/** Columns whose cells are the user's data (names, units, filters, cells): never translated. */
const DATA_COLUMNS = new Set(["Scenario", "Eenheid", "Filter", "Blad", "Cel", "Markering"]);
/** The report's own words in a data column (a lever without filter or value). */
const PLACEHOLDERS = new Set(["(alle rijen)", "(parameter)"]);
/** A row holding one of these is a table's header row: it says which column is which below it. */
const HEADER_MARKS = new Set([...DATA_COLUMNS, "Hefboom", "Waarom", "Maatstaf"]);

function english(text: string, column: string | undefined): string {
  if (column === "Hefboom" && LEVER_EN[text]) return LEVER_EN[text];
  if (text in EXACT) return EXACT[text];
  for (const [pattern, out] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return out.replace(/\$(\d)/g, (_, i: string) => m[Number(i)]);
  }
  return text;
}

/** The report sheets for a planner in the given language (the input sheets are never changed). */
export function reportInLanguage(
  sheets: ReportSheet[],
  lang: NoteLanguage,
  scenarioNames: readonly string[] = [],
): ReportSheet[] {
  const names = new Set(scenarioNames);
  return sheets.map((sheet, index) => sheetInLanguage(sheet, index, lang, names));
}

/** One report sheet in the given language; `index` is its place in the report (the comparison is first). */
export function sheetInLanguage(
  sheet: ReportSheet,
  index: number,
  lang: NoteLanguage,
  names: ReadonlySet<string>,
): ReportSheet {
  // The column header above each cell, for the few columns whose values are translated by meaning.
  let header: string[] = [];
  const cells = sheet.cells.map((row) => {
    const out = row.map((value, c) => {
      // Scenario names, units, filters and cells are the user's; they are never translated.
      if (
        typeof value !== "string" ||
        names.has(value) ||
        (DATA_COLUMNS.has(header[c]) && value !== header[c] && !PLACEHOLDERS.has(value))
      )
        return value;
      if (lang === "nl" || header[c] === "Waarom") return value;
      return english(value, header[c]);
    });
    if (row.some((v) => typeof v === "string" && HEADER_MARKS.has(v)))
      header = row.map((v) => String(v ?? ""));
    else if (row.every((v) => v === null || v === undefined)) header = [];
    return out;
  });
  const name =
    lang !== "en"
      ? sheet.name
      : index === 0 && sheet.kind === "comparison"
        ? COMPARISON_SHEET_EN
        : sheet.kind === "notes" && sheet.name.startsWith(REVIEW_SHEET)
          ? REVIEW_SHEET_EN + sheet.name.slice(REVIEW_SHEET.length)
          : sheet.name;
  return {
    ...sheet,
    name,
    cells,
    charts: sheet.charts.map((c) => ({
      ...c,
      title: lang === "en" ? english(c.title, undefined) : c.title,
    })),
    conditional: sheet.conditional.map((cf) => (lang === "en" ? { ...cf, yes: "yes", no: "no" } : cf)),
  };
}
