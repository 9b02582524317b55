/**
 * The engine's notes as a planner reads them: numbers in the language's format (10,00% in Dutch), no
 * solver jargon (pools, milliseconds), and in English when asked. The engine writes its notes in Dutch
 * with plain decimal points; this is the one place that turns them into text for the pane and the report.
 * A note this file does not know stays as it is, with only its numbers reformatted.
 */
export type NoteLanguage = "nl" | "en";

type Rule = [RegExp, string, string];

// [pattern on the engine's Dutch note, Dutch text, English text]
const RULES: Rule[] = [
  [
    /^Kaasschaaf auto: doel al gehaald vóór deze hefboom; geen korting \(p = 0\)\.$/,
    "Kaasschaaf auto: de taakstelling was al gehaald vóór deze hefboom; geen korting.",
    "Kaasschaaf auto: the target was already met before this lever; no cut.",
  ],
  [
    /^Kaasschaaf auto: doel niet haalbaar, alles naar nul \(p = 100%\)\.$/,
    "Kaasschaaf auto: de taakstelling is niet haalbaar; alles gaat naar nul (100% korting).",
    "Kaasschaaf auto: the target cannot be met; everything is cut to zero (100%).",
  ],
  [
    /^Kaasschaaf auto: p = (\S+)\.$/,
    "Kaasschaaf auto: elke FTE-, inhuur- en m2-rij $1 minder.",
    "Kaasschaaf auto: every FTE, hire and m2 row cut by $1.",
  ],
  [/^Overheadnorm (\S+): al gehaald \((\S+)\)\.$/, "$0", "Overhead norm $1: already met ($2)."],
  [
    /^Overheadnorm (\S+): geen onbeschermde overhead om te verminderen\.$/,
    "$0",
    "Overhead norm $1: no unprotected overhead to reduce.",
  ],
  [
    /^Overheadnorm (\S+): onvoldoende onbeschermde overhead; (\S+) van de benodigde (\S+) FTE vervalt\.$/,
    "$0",
    "Overhead norm $1: not enough unprotected overhead; $2 of the $3 FTE needed is removed.",
  ],
  [/^Overheadnorm (\S+): (\S+) FTE overhead minder\.$/, "$0", "Overhead norm $1: $2 FTE less overhead."],
  [/^Roemernorm (\S+): al gehaald \((\S+)\)\.$/, "$0", "Roemer norm $1: already met ($2)."],
  [/^Roemernorm (\S+): inhuur (\S+) euro lager\.$/, "$0", "Roemer norm $1: external hire EUR $2 lower."],
  [
    /^Roemernorm: inbesteden niet mogelijk zonder formatie om een gemiddelde prijs aan te ontlenen\.$/,
    "$0",
    "Roemer norm: insourcing is not possible without a formation to take an average price from.",
  ],
  [
    /^Inbesteden: (\S+) FTE erbij in eenheid '([^']+)' \(Bedrijfsvoering\)\.$/,
    "$0",
    "Insourcing: $1 FTE added in unit '$2' (operations, so overhead rises).",
  ],
  [/^Huisvestingsnorm (\S+): al binnen de norm\.$/, "$0", "Housing norm $1: already within the norm."],
  [/^Huisvestingsnorm (\S+): (\S+) m2 minder\.$/, "$0", "Housing norm $1: $2 m2 less."],
  [
    /^Optimaal: (\S+) euro inhuur, (\S+) FTE en (\S+) m2 minder(?: \(\d+ pools, \d+ ms\))?\.$/,
    "Optimaal: $1 euro inhuur, $2 FTE en $3 m2 minder.",
    "Optimaal: EUR $1 of external hire, $2 FTE and $3 m2 less.",
  ],
  [
    /^De overheadnorm is binnen de grenzen niet haalbaar en is losgelaten\.$/,
    "$0",
    "The overhead norm cannot be met within the limits and was dropped.",
  ],
  [
    /^De Roemernorm is binnen de grenzen niet haalbaar en is losgelaten\.$/,
    "$0",
    "The Roemer norm cannot be met within the limits and was dropped.",
  ],
  [
    /^De overheadnorm en de Roemernorm zijn binnen de grenzen niet haalbaar en zijn losgelaten\.$/,
    "$0",
    "Neither the overhead norm nor the Roemer norm can be met within the limits; both were dropped.",
  ],
  [
    /^Optimaal: de taakstelling is binnen de grenzen niet haalbaar; beperkend: (.+)\. Hoogst haalbare extra besparing: (\S+) euro van de benodigde (\S+) euro\. Dit scenario toont die hoogst haalbare besparing\.$/,
    "$0",
    "Optimaal: the target cannot be met within the limits; binding: $1. Best attainable extra saving: EUR $2 of the EUR $3 needed. This scenario shows that best attainable saving.",
  ],
];

// Reasons in Optimaal's per-unit table, joined by "; ".
const REASONS: Rule[] = [
  [
    /^overhead weegt lichter dan primair \(gewicht (\S+)\)$/,
    "$0",
    "overhead weighs less than primary (weight $1)",
  ],
  [
    /^primaire capaciteit nodig om de taakstelling te halen$/,
    "$0",
    "primary capacity needed to meet the target",
  ],
  [/^begrensd door (.+)$/, "$0", "capped by $1"],
  [/^inhuur eerst: minste schade per euro$/, "$0", "external hire first: least harm per euro"],
  [/^niet gekort$/, "$0", "not cut"],
];

/** Plain decimals (12.5, 10.00%) in Dutch take a comma; Dutch thousands (1.234.567) in English a comma. */
function numbers(text: string, lang: NoteLanguage): string {
  if (lang === "nl") return text.replace(/(\d)\.(\d{1,2})(?!\d)/g, "$1,$2");
  return text.replace(/\d{1,3}(?:\.\d{3})+(?!\d)/g, (m) => m.replace(/\./g, ","));
}

/** The text for a known note, numbers in the language's format; null for text no rule knows. */
function apply(rules: Rule[], text: string, lang: NoteLanguage): string | null {
  for (const [pattern, nl, en] of rules) {
    const m = pattern.exec(text);
    if (!m) continue;
    const out = (lang === "nl" ? nl : en).replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? "");
    // Joined lists of parameter names read "a en b" in Dutch, "a and b" in English.
    return numbers(lang === "en" ? out.replace(/ en (?=[A-Z])/g, " and ") : out, lang);
  }
  return null;
}

/** One engine note, for a planner in the given language; text that is not a known note stays as it is. */
export function presentNote(note: string, lang: NoteLanguage): string {
  return apply(RULES, note, lang) ?? note;
}

/** An Optimaal per-unit reason ("a; b"), for a planner in the given language. */
export function presentReason(reason: string, lang: NoteLanguage): string {
  return reason
    .split("; ")
    .map((r) => apply(REASONS, r, lang) ?? r)
    .join("; ");
}
