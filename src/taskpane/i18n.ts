/** Dutch first; English when Office's display language is not Dutch. */
export type Language = "nl" | "en";

export function languageFor(displayLanguage: string | undefined | null): Language {
  if (!displayLanguage) return "nl";
  return displayLanguage.toLowerCase().startsWith("nl") ? "nl" : "en";
}

const strings = {
  appTitle: { nl: "Formatieplanner", en: "Formatieplanner" },
  openInExcel: {
    nl: "Open Formatieplanner in Excel: laad de invoegtoepassing via manifest.xml (Excel op het web: Invoegtoepassingen > Mijn invoegtoepassing uploaden; Excel voor Windows of Mac: npm start).",
    en: "Open Formatieplanner in Excel: load the add-in from manifest.xml (Excel on the web: Add-ins > Upload My Add-in; Excel for Windows or Mac: npm start).",
  },
  notInExcelTitle: { nl: "Niet geopend in Excel", en: "Not opened in Excel" },
  loading: { nl: "Laden…", en: "Loading…" },
  tabStart: { nl: "Start", en: "Start" },
  tabCheck: { nl: "Controle", en: "Check" },
  tabScenarios: { nl: "Scenario's", en: "Scenarios" },
  tabRun: { nl: "Doorrekenen", en: "Run" },
  tabRijk: { nl: "Rijksbreed", en: "Rijk-wide" },
  // Visible labels when the fifth tab (Rijksbreed) is shown: five tabs on one line at 320 px. Each is the
  // start or end of the tab's full name, which stays its accessible name (WCAG 2.5.3, label in name).
  tabRunShort: { nl: "Rekenen", en: "Run" },
  tabRijkShort: { nl: "Rijk", en: "Rijk" },
  tablesTitle: { nl: "Invoertabellen", en: "Input tables" },
  refresh: { nl: "Opnieuw lezen", en: "Read again" },
  found: { nl: "gevonden", en: "found" },
  missing: { nl: "ontbreekt", en: "missing" },
  missingOptional: { nl: "ontbreekt (telt als leeg)", en: "missing (counts as empty)" },
  rows: { nl: "rijen", en: "rows" },
  rowOne: { nl: "rij", en: "row" },
  errorOne: { nl: "fout", en: "error" },
  warningOne: { nl: "waarschuwing", en: "warning" },
  withErrors: { nl: "met", en: "with" },
  nextStep: { nl: "Volgende stap", en: "Next step" },
  nextInsert: {
    nl: "Er ontbreken verplichte tabellen. Voeg het sjabloon in en vul de tabellen.",
    en: "Required tables are missing. Insert the template and fill in the tables.",
  },
  nextFix: {
    nl: "De invoer heeft fouten. Open Controle: kies een melding en Excel selecteert de cel.",
    en: "The input has errors. Open Check: choose an issue and Excel selects the cell.",
  },
  nextScenarios: {
    nl: "De invoer is in orde. Maak of kies scenario's en reken ze door.",
    en: "The input is in order. Create or choose scenarios and run them.",
  },
  goToScenarios: { nl: "Naar Scenario's", en: "Go to Scenarios" },
  goToRun: { nl: "Naar Doorrekenen", en: "Go to Run" },
  onSheet: { nl: "op blad", en: "on sheet" },
  required: { nl: "verplicht", en: "required" },
  insertTemplate: { nl: "Sjabloon invoegen", en: "Insert template" },
  withExamples: { nl: "Met voorbeeldrijen", en: "With example rows" },
  templateHint: {
    nl: "Voegt alleen ontbrekende tabellen toe, elk op een nieuw blad. Bestaande bladen en gegevens blijven onaangeroerd.",
    en: "Adds only the missing tables, each on a new sheet. Existing sheets and data are never touched.",
  },
  templateDone: { nl: "Sjabloon ingevoegd", en: "Template inserted" },
  nothingMissing: { nl: "Alle tabellen zijn er al.", en: "All tables are present." },
  check: { nl: "Opnieuw controleren", en: "Check again" },
  checkOk: { nl: "Geen problemen gevonden.", en: "No problems found." },
  errors: { nl: "fouten", en: "errors" },
  warnings: { nl: "waarschuwingen", en: "warnings" },
  error: { nl: "Fout", en: "Error" },
  warning: { nl: "Waarschuwing", en: "Warning" },
  row: { nl: "rij", en: "row" },
  column: { nl: "kolom", en: "column" },
  selectHint: { nl: "Kies een melding om de cel te selecteren.", en: "Choose an issue to select its cell." },
  scenarioList: { nl: "Scenario's", en: "Scenarios" },
  newScenario: { nl: "Nieuw scenario", en: "New scenario" },
  copy: { nl: "Kopiëren", en: "Copy" },
  remove: { nl: "Verwijderen", en: "Delete" },
  name: { nl: "Naam", en: "Name" },
  lever: { nl: "Hefboom", en: "Lever" },
  value: { nl: "Waarde", en: "Value" },
  filter: { nl: "Filter", en: "Filter" },
  insource: { nl: "Inbesteden", en: "Insource" },
  addLever: { nl: "Hefboom toevoegen", en: "Add lever" },
  moveUp: { nl: "Omhoog", en: "Move up" },
  moveDown: { nl: "Omlaag", en: "Move down" },
  removeLever: { nl: "Hefboom verwijderen", en: "Remove lever" },
  save: { nl: "Opslaan in tabel Scenarios", en: "Save to the Scenarios table" },
  saving_: { nl: "Scenario's opslaan", en: "Saving the scenarios" },
  saved: {
    nl: "Scenario's opgeslagen in de tabel Scenarios.",
    en: "Scenarios saved to the Scenarios table.",
  },
  unsaved: { nl: "Niet opgeslagen wijzigingen", en: "Unsaved changes" },
  unsavedMark: { nl: "niet opgeslagen", en: "not saved" },
  unsavedReportTitle: { nl: "Eerst opslaan", en: "Save first" },
  unsavedReportOne: {
    nl: "Scenario {names} is niet opgeslagen. Sla het eerst op, zodat elk scenario in het rapport naar een rij van de tabel Scenarios verwijst.",
    en: "Scenario {names} is not saved. Save it first, so that every scenario in the report traces to a row of the Scenarios table.",
  },
  unsavedReportMany: {
    nl: "De scenario's {names} zijn niet opgeslagen. Sla ze eerst op, zodat elk scenario in het rapport naar een rij van de tabel Scenarios verwijst.",
    en: "The scenarios {names} are not saved. Save them first, so that every scenario in the report traces to a row of the Scenarios table.",
  },
  unsavedDeleted: {
    nl: "Er zijn niet opgeslagen wijzigingen in de scenario's. Sla ze eerst op, zodat het rapport de tabel Scenarios volgt.",
    en: "There are unsaved changes to the scenarios. Save them first, so that the report follows the Scenarios table.",
  },
  saveAndReport: { nl: "Opslaan en rapport schrijven", en: "Save and write report" },
  cannotSave: {
    nl: "Opslaan kan niet: herstel eerst de fouten in het scenario-overzicht.",
    en: "Cannot save: first fix the errors in the scenario editor.",
  },
  copyOf: { nl: "Kopie van", en: "Copy of" },
  scenario: { nl: "Scenario", en: "Scenario" },
  noScenarios: {
    nl: "Nog geen scenario's. Maak er een of voeg het sjabloon met voorbeelden in.",
    en: "No scenarios yet. Create one or insert the template with examples.",
  },
  filterHelp: {
    nl: 'Bijvoorbeeld: functiegroep == "Bedrijfsvoering" and schaal >= 11. Velden: eenheid, functiegroep, schaal, fte.',
    en: 'For example: functiegroep == "Bedrijfsvoering" and schaal >= 11. Fields: eenheid, functiegroep, schaal, fte.',
  },
  valueHelp: {
    nl: "Fractie (0,1 of 10%), of 'auto' bij de kaasschaaf; leeg = parameter.",
    en: "Fraction (0.1 or 10%), or 'auto' for the cheese-slicer; empty = parameter.",
  },
  run: { nl: "Alle scenario's doorrekenen", en: "Run all scenarios" },
  cancel: { nl: "Annuleren", en: "Cancel" },
  cancelled: { nl: "Doorrekenen afgebroken.", en: "Run cancelled." },
  running: { nl: "Bezig met doorrekenen", en: "Running" },
  optimalStep: { nl: "Optimaal: {stage}, {s} s", en: "Optimaal: {stage}, {s} s" },
  optimal_pooling: { nl: "rijen bundelen", en: "pooling rows" },
  optimal_building: { nl: "model opbouwen", en: "building the model" },
  optimal_solving: { nl: "oplossen", en: "solving" },
  optimal_distributing: { nl: "verdelen", en: "distributing" },
  reading: { nl: "Werkmap lezen", en: "Reading the workbook" },
  checking: { nl: "Tabellen controleren", en: "Checking the tables" },
  notChecked: {
    nl: "De tabellen zijn niet gecontroleerd: zie de melding en kies Opnieuw lezen.",
    en: "The tables have not been checked: see the message and choose Read again.",
  },
  writing: { nl: "Rapport schrijven", en: "Writing the report" },
  writeReport: { nl: "Rapport schrijven", en: "Write report" },
  reportDone: { nl: "Rapport geschreven op", en: "Report written to" },
  sheetsOne: { nl: "blad", en: "sheet" },
  sheetsMany: { nl: "bladen", en: "sheets" },
  renamedNote: { nl: "Een blad van u heeft al de naam", en: "A sheet of yours already has the name" },
  renamedUsed: { nl: "daarom gebruikt", en: "so used" },
  inputErrorsTitle: { nl: "De invoer heeft fouten", en: "The input has errors" },
  inputErrorsOne: {
    nl: "De invoer heeft 1 fout. Herstel die eerst; Controle wijst de cel aan.",
    en: "The input has 1 error. Fix it first; Check points at the cell.",
  },
  inputErrorsMany: {
    nl: "De invoer heeft {n} fouten. Herstel die eerst; Controle wijst de cellen aan.",
    en: "The input has {n} errors. Fix them first; Check points at the cells.",
  },
  goToCheck: { nl: "Naar Controle", en: "Go to Check" },
  endYear: { nl: "Eindjaar", en: "End year" },
  saving: { nl: "Besparing", en: "Saving" },
  target: { nl: "Taakstelling", en: "Target" },
  met: { nl: "gehaald", en: "met" },
  notMet: { nl: "niet gehaald", en: "not met" },
  overhead: { nl: "Overhead", en: "Overhead" },
  roemer: { nl: "Roemer", en: "Roemer" },
  primaryKept: { nl: "Primair behouden", en: "Primary kept" },
  cheeseSame: { nl: "Kaasschaaf bij zelfde besparing", en: "Cheese-slicer at same saving" },
  forced: { nl: "Gedwongen uitstroom", en: "Forced exits" },
  chartTitle: {
    nl: "Primair behouden tegenover de kaasschaaf bij dezelfde besparing",
    en: "Primary capacity kept against the cheese-slicer at the same saving",
  },
  whatToDo: { nl: "Wat nu", en: "What to do" },
  tryAgain: {
    nl: "Probeer het opnieuw; blijft het misgaan, controleer dan de tabellen.",
    en: "Try again; if it keeps failing, check the tables.",
  },
  dismiss: { nl: "Sluiten", en: "Dismiss" },
  requirementsTitle: { nl: "Excel-versie", en: "Excel version" },
  inputsChanged: {
    nl: "De invoer is gewijzigd sinds het doorrekenen. Reken opnieuw door; daarna kunt u het rapport schrijven.",
    en: "The input has changed since the run. Run again; then you can write the report.",
  },
  notes: { nl: "Toelichting per scenario", en: "Notes per scenario" },
  optimalTitle: { nl: "wat per eenheid vervalt en waarom", en: "what is cut per unit and why" },
  unit: { nl: "Eenheid", en: "Unit" },
  primaryCut: { nl: "Primair minder (FTE)", en: "Primary cut (FTE)" },
  overheadCut: { nl: "Overhead minder (FTE)", en: "Overhead cut (FTE)" },
  hireCut: { nl: "Inhuur minder", en: "Hire cut" },
  why: { nl: "Waarom", en: "Why" },
  cell: { nl: "cel", en: "cell" },
  ranking: { nl: "Rangorde", en: "Ranking" },
  rankingHelp: {
    nl: "Eerst de scenario's die de taakstelling en beide normen halen, dan die alleen de taakstelling halen, dan de rest; binnen elke groep het meeste primair behouden eerst.",
    en: "First the scenarios that meet the target and both norms, then those meeting only the target, then the rest; within each group the most primary capacity kept first.",
  },
  tierAll: { nl: "haalt alles", en: "meets all" },
  tierTarget: { nl: "norm gemist", en: "norm missed" },
  tierMissed: { nl: "taakstelling gemist", en: "target missed" },
  savingVsTarget: { nl: "Besparing / taakstelling", en: "Saving / target" },
  norms: { nl: "Normen", en: "Norms" },
  cheeseShort: { nl: "kaasschaaf", en: "cheese-slicer" },
  more: { nl: "Meer over dit scenario", en: "More about this scenario" },
  baselineNote: {
    nl: "De basislijn (Basis) is de maatstaf: de formatie met indexatie, zonder ingrepen.",
    en: "The baseline (Basis) is the reference: the formation with indexation, without measures.",
  },
  explainSaving: {
    nl: "Besparing is hoeveel lager de structurele kosten in het eindjaar uitkomen dan de basislijn met indexatie; de kaasschaaf bij zelfde besparing haalt dat bedrag met een gelijk percentage op elke FTE, inhuur en m2, en verliest dus dat percentage van het primaire proces.",
    en: "Saving is how much lower the end-year structural cost is than the indexed baseline; the cheese-slicer at the same saving takes that amount with one percentage off every FTE, hire and m2, and so loses that percentage of the primary process.",
  },
  formula: { nl: "Formule", en: "Formula" },
  formulaText: {
    nl: "besparing = structurele kosten basislijn (eindjaar) − structurele kosten scenario (eindjaar); p = besparing / structurele kosten basislijn; kaasschaaf behoudt 1 − p van het primaire proces.",
    en: "saving = baseline structural cost (end year) − scenario structural cost (end year); p = saving / baseline structural cost; the cheese-slicer keeps 1 − p of the primary process.",
  },
  oneOff: { nl: "Eenmalige kosten (totaal)", en: "One-off costs (total)" },
  forcedTotal: { nl: "Gedwongen uitstroom (totaal, FTE)", en: "Forced exits (total, FTE)" },
  fteEnd: { nl: "FTE in eindjaar", en: "FTE in end year" },
  m2End: { nl: "m2 in eindjaar", en: "m2 in end year" },
  noNotes: { nl: "Geen toelichting.", en: "No notes." },
  levers: { nl: "Hefbomen", en: "Levers" },
  perUnit: { nl: "Optimaal per eenheid", en: "Optimaal per unit" },
  atCap: { nl: "aan de grens per eenheid", en: "at the unit cap" },
  chartAxis: { nl: "Primair behouden", en: "Primary kept" },
  chartScenario: { nl: "scenario", en: "scenario" },
  chartCheese: { nl: "kaasschaaf bij zelfde besparing", en: "cheese-slicer at same saving" },
  resultsTitle: { nl: "Resultaat", en: "Result" },
  filterBuilder: { nl: "Filter samenstellen", en: "Build the filter" },
  units: { nl: "Eenheden", en: "Units" },
  groups: { nl: "Functiegroepen", en: "Function groups" },
  scaleFrom: { nl: "Schaal vanaf", en: "Scale from" },
  scaleTo: { nl: "Schaal tot en met", en: "Scale up to" },
  all: { nl: "alle", en: "all" },
  anyScale: { nl: "elke", en: "any" },
  expression: { nl: "Filter als uitdrukking (voor gevorderden)", en: "Filter as an expression (advanced)" },
  handWritten: {
    nl: "Dit filter is met de hand geschreven; een keuze hierboven vervangt het.",
    en: "This filter was written by hand; a choice above replaces it.",
  },
  selects: { nl: "Selecteert", en: "Selects" },
  of: { nl: "van", en: "of" },
  zeroRows: {
    nl: "Dit filter selecteert geen enkele rij van de Formatie: de hefboom zou niets doen. Controleer de namen (hoofdletters maken niet uit).",
    en: "This filter selects no row of the Formatie table: the lever would do nothing. Check the names (case does not matter).",
  },
  didYouMean: { nl: "Bedoelt u {pct} ({frac})?", en: "Do you mean {pct} ({frac})?" },
  useValue: { nl: "Gebruik {frac}", en: "Use {frac}" },
  valueAuto: {
    nl: "Fractie (0,10 of 10%) of 'auto': de kaasschaaf kiest zelf het percentage dat de taakstelling haalt.",
    en: "Fraction (0.10 or 10%) or 'auto': the cheese-slicer picks the percentage that meets the target.",
  },
  valueNorm: {
    nl: "De norm als fractie (0,35 of 35%); leeg = de norm uit Parameters.",
    en: "The norm as a fraction (0.35 or 35%); empty = the norm in Parameters.",
  },
  valueHousing: {
    nl: "Werkplekfactor (bijvoorbeeld 0,7); leeg = de factor uit Parameters.",
    en: "Workplace factor (e.g. 0.7); empty = the factor in Parameters.",
  },
  valueFreeze: {
    nl: "Deel van de vertrekkers dat niet wordt vervangen (0,5 of 50%).",
    en: "Share of leavers not replaced (0.5 or 50%).",
  },
  valueCut: { nl: "Korting als fractie (0,10 of 10%).", en: "Cut as a fraction (0.10 or 10%)." },
  optimalHelp: {
    nl: "Optimaal heeft geen waarde: het kiest zelf het plan met de minste schade aan het primaire proces, binnen de grenzen uit Parameters.",
    en: "Optimaal takes no value: it picks the plan that harms the primary process least, within the limits in Parameters.",
  },
  insourceHelp: {
    nl: "Deel van de weggenomen inhuur dat in eigen dienst komt (0 tot 1).",
    en: "Share of the removed hire brought in-house (0 to 1).",
  },
  unsavedList: { nl: "niet opgeslagen", en: "not saved" },
  noResultYet: {
    nl: "Nog niet doorgerekend. Kies 'Alle scenario's doorrekenen'.",
    en: "Not run yet. Choose 'Run all scenarios'.",
  },
} as const;

export type StringKey = keyof typeof strings;

/** The text for a key; {name} placeholders filled from vars. */
export function translate(
  language: Language,
  key: StringKey,
  vars?: Record<string, string | number>,
): string {
  const text: string = strings[key][language];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** Lever names stay Dutch (they are the Scenarios table's values); in English their meaning follows. */
const LEVER_MEANING: Record<string, string> = {
  Kaasschaaf: "cheese-slicer",
  Overheadnorm: "overhead norm",
  Roemernorm: "external-hire norm",
  Huisvestingsnorm: "housing norm",
  Vacaturestop: "hiring freeze",
  "Gerichte korting": "targeted cut",
  Optimaal: "least-harm plan",
};

export function leverLabel(language: Language, lever: string): string {
  const meaning = LEVER_MEANING[lever];
  return language === "en" && meaning ? `${lever} (${meaning})` : lever;
}
