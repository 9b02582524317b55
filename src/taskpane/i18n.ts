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
  tablesTitle: { nl: "Invoertabellen", en: "Input tables" },
  refresh: { nl: "Opnieuw lezen", en: "Read again" },
  found: { nl: "gevonden", en: "found" },
  missing: { nl: "ontbreekt", en: "missing" },
  missingOptional: { nl: "ontbreekt (telt als leeg)", en: "missing (counts as empty)" },
  rows: { nl: "rijen", en: "rows" },
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
  check: { nl: "Controleren", en: "Check" },
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
  saved: {
    nl: "Scenario's opgeslagen in de tabel Scenarios.",
    en: "Scenarios saved to the Scenarios table.",
  },
  unsaved: { nl: "Niet opgeslagen wijzigingen", en: "Unsaved changes" },
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
  run: { nl: "Doorrekenen", en: "Run" },
  cancel: { nl: "Annuleren", en: "Cancel" },
  cancelled: { nl: "Doorrekenen afgebroken.", en: "Run cancelled." },
  running: { nl: "Bezig met doorrekenen", en: "Running" },
  reading: { nl: "Werkmap lezen", en: "Reading the workbook" },
  writing: { nl: "Rapport schrijven", en: "Writing the report" },
  writeReport: { nl: "Rapport schrijven", en: "Write report" },
  reportDone: { nl: "Rapport geschreven op", en: "Report written to" },
  renamedNote: { nl: "Een blad van u heeft al de naam", en: "A sheet of yours already has the name" },
  renamedUsed: { nl: "daarom gebruikt", en: "so used" },
  inputErrors: { nl: "De invoer heeft fouten; zie Controle.", en: "The input has errors; see Check." },
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
  notes: { nl: "Toelichting per scenario", en: "Notes per scenario" },
  optimalTitle: { nl: "wat per eenheid vervalt en waarom", en: "what is cut per unit and why" },
  unit: { nl: "Eenheid", en: "Unit" },
  primaryCut: { nl: "Primair minder (FTE)", en: "Primary cut (FTE)" },
  overheadCut: { nl: "Overhead minder (FTE)", en: "Overhead cut (FTE)" },
  hireCut: { nl: "Inhuur minder", en: "Hire cut" },
  why: { nl: "Waarom", en: "Why" },
} as const;

export type StringKey = keyof typeof strings;

export function translate(language: Language, key: StringKey): string {
  return strings[key][language];
}
