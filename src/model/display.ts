/** How numbers read on screen (command line and task pane alike): Dutch formats first, English too. */
export type DisplayLanguage = "nl" | "en";

const locale = (lang: DisplayLanguage) => (lang === "nl" ? "nl-NL" : "en-GB");
const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

// One formatter per language, made once: toLocaleString makes a new one per call, which thousands of
// scenarios' notes pay for.
const formatters = new Map<DisplayLanguage, { whole: Intl.NumberFormat; oneDecimal: Intl.NumberFormat }>();
function formattersOf(lang: DisplayLanguage) {
  let f = formatters.get(lang);
  if (!f) {
    f = {
      whole: new Intl.NumberFormat(locale(lang)),
      oneDecimal: new Intl.NumberFormat(locale(lang), oneDecimal),
    };
    formatters.set(lang, f);
  }
  return f;
}

export function displayFormats(lang: DisplayLanguage) {
  const { whole, oneDecimal: one } = formattersOf(lang);
  return {
    euros: (v: number) => `€ ${whole.format(Math.round(v))}`,
    millions: (v: number) => `€ ${one.format(v / 1e6)} mln`,
    percent: (v: number) => `${one.format(v * 100)}%`,
    fte: (v: number) => one.format(v),
    whole: (v: number) => whole.format(Math.round(v)),
  };
}
