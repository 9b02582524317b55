/**
 * The report in the planner's language. buildReport lays the sheets out in Dutch; this turns them into
 * English (headers, labels, ja/nee, provenance, notes, Optimaal's reasons, chart titles, the comparison
 * sheet's name) or, in Dutch, only tidies the engine's notes (Dutch number formats, no solver jargon).
 * Cells it does not know (scenario names, units, filters, numbers) are never touched.
 */
import { presentNote, presentReason, type NoteLanguage } from "./notes-text";
import type { ReportSheet } from "./report";

const EXACT: Record<string, string> = {
  "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.":
    "This sheet was made by Formatieplanner and is replaced by a new run.",
  "Detailblad; wordt bij een nieuwe berekening vervangen.": "Detail sheet; replaced by a new run.",
  "Kernvraag: hoeveel van het primaire proces houdt elk scenario bij dezelfde besparing, vergeleken met de kaasschaaf? Zie 'Primair behouden' tegenover 'Primair bij kaasschaaf'.":
    "Key question: how much of the primary process does each scenario keep for the same saving, compared with the cheese-slicer? See 'Primary kept' against 'Primary with cheese-slicer'.",
  "Basislijn: elke rij blijft op het niveau van het basisjaar (vertrekkers worden vervangen), alleen geïndexeerd.":
    "Baseline: every row stays at its base-year level (leavers are replaced), indexed only.",
  "Taakstelling gehaald binnen alle grenzen.": "Target met within all limits.",
  "Taakstelling gehaald; een norm is binnen de grenzen niet haalbaar en losgelaten.":
    "Target met; a norm cannot be met within the limits and was dropped.",
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
};

const PATTERNS: [RegExp, string][] = [
  [
    /^Formatieplanner: vergelijking van scenario's (\d+)-(\d+)$/,
    "Formatieplanner: comparison of scenarios $1-$2",
  ],
  [
    /^Eindjaar (\d+); bedragen in euro per jaar, geïndexeerd; besparing ten opzichte van de basislijn \(Basis\)\.$/,
    "End year $1; amounts in euro per year, indexed; saving against the baseline (Basis).",
  ],
  [
    /^NIET HAALBAAR binnen de grenzen; beperkend: (.+)\. Hoogst haalbare besparing van deze hefboom: (\S+) euro\.$/,
    "NOT ATTAINABLE within the limits; binding: $1. Best attainable saving of this lever: EUR $2.",
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

function english(text: string, column: string | undefined): string {
  if (column === "Hefboom" && LEVER_EN[text]) return LEVER_EN[text];
  if (column === "Waarom") return presentReason(text, "en");
  if (text in EXACT) return EXACT[text];
  for (const [pattern, out] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return out.replace(/\$(\d)/g, (_, i: string) => m[Number(i)]).replace(/ en (?=[A-Z])/g, " and ");
  }
  return presentNote(text, "en");
}

/** The report sheets for a planner in the given language (the input sheets are never changed). */
export function reportInLanguage(
  sheets: ReportSheet[],
  lang: NoteLanguage,
  scenarioNames: readonly string[] = [],
): ReportSheet[] {
  const names = new Set(scenarioNames);
  return sheets.map((sheet, index) => {
    // The column header above each cell, for the few columns whose values are translated by meaning.
    let header: string[] = [];
    const cells = sheet.cells.map((row) => {
      const out = row.map((value, c) => {
        // Scenario names are the user's; they are never translated.
        if (
          typeof value !== "string" ||
          names.has(value) ||
          (header[c] === "Scenario" && value !== "Scenario")
        )
          return value;
        if (lang === "nl")
          return header[c] === "Waarom" ? presentReason(value, "nl") : presentNote(value, "nl");
        return english(value, header[c]);
      });
      if (row.some((v) => v === "Hefboom" || v === "Waarom" || v === "Scenario"))
        header = row.map((v) => String(v ?? ""));
      else if (row.every((v) => v === null || v === undefined)) header = [];
      return out;
    });
    const name =
      lang === "en" && index === 0 && sheet.kind === "comparison" ? COMPARISON_SHEET_EN : sheet.name;
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
  });
}
