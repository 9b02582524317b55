/** How numbers read on screen (command line and task pane alike): Dutch formats first, English too. */
export type DisplayLanguage = "nl" | "en";

const locale = (lang: DisplayLanguage) => (lang === "nl" ? "nl-NL" : "en-GB");
const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

export function displayFormats(lang: DisplayLanguage) {
  const l = locale(lang);
  return {
    euros: (v: number) => `€ ${Math.round(v).toLocaleString(l)}`,
    millions: (v: number) => `€ ${(v / 1e6).toLocaleString(l, oneDecimal)} mln`,
    percent: (v: number) => `${(v * 100).toLocaleString(l, oneDecimal)}%`,
    fte: (v: number) => v.toLocaleString(l, oneDecimal),
    whole: (v: number) => Math.round(v).toLocaleString(l),
  };
}
