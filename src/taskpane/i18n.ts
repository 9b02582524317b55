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
} as const;

export type StringKey = keyof typeof strings;

export function translate(language: Language, key: StringKey): string {
  return strings[key][language];
}
