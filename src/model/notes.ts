/**
 * The engine's notes, each written once in Dutch and in English at the place it is made, with numbers in
 * each language's format (45,7 FTE and 10,00% in Dutch; 45.7 FTE and 10.00% in English) and no solver
 * jargon. The pane, the report and the command line pick the language; nothing is translated afterwards.
 */
import { displayFormats, type DisplayLanguage } from "./display";
import { PARAMETERS } from "./schema";

export type NoteLanguage = DisplayLanguage;

/** One note (or one reason in Optimaal's per-unit table) in both languages. */
export interface Note {
  nl: string;
  en: string;
}

const locale = (lang: NoteLanguage) => (lang === "nl" ? "nl-NL" : "en-GB");

/** Number formats for notes: percentages with two decimals, FTE with one, euros and m2 whole. */
function fmt(lang: NoteLanguage) {
  const d = displayFormats(lang);
  return {
    pct: (x: number) =>
      `${(x * 100).toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`,
    fte: d.fte,
    whole: d.whole,
    euros: d.euros,
    /** a plain factor or weight as typed (0,7 / 0.7) */
    plain: (x: number) => x.toLocaleString(locale(lang), { maximumFractionDigits: 4 }),
  };
}

/** Builds a note from one function that writes it for a given language. */
function both(write: (lang: NoteLanguage, f: ReturnType<typeof fmt>) => string): Note {
  return { nl: write("nl", fmt("nl")), en: write("en", fmt("en")) };
}

/** Joins a list: "a, b en c" / "a, b and c". */
function list(items: readonly string[], lang: NoteLanguage): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "nl" ? "en" : "and"} ${items[items.length - 1]}`;
}

/** What stops Optimaal from meeting the target (OptimalReport.binding holds these codes). */
export type BindingLimit = "maxCutPerUnit" | "maxForcedExits" | "capacity";

/** A limit by name: the Parameters table's Dutch name, or its English alias. */
export function limitName(limit: BindingLimit, lang: NoteLanguage): string {
  if (limit === "capacity")
    return lang === "nl"
      ? "onvoldoende onbeschermde formatie, inhuur en huisvesting"
      : "not enough unprotected formation, hire and housing";
  const p = PARAMETERS.find((x) => x.key === limit)!;
  return lang === "nl" ? p.name : p.alias;
}

export const notes = {
  cheeseAlreadyMet: (): Note =>
    both((l) =>
      l === "nl"
        ? "Kaasschaaf auto: de taakstelling was al gehaald vóór deze hefboom; geen korting."
        : "Kaasschaaf auto: the target was already met before this lever; no cut.",
    ),
  cheeseUnreachable: (): Note =>
    both((l) =>
      l === "nl"
        ? "Kaasschaaf auto: de taakstelling is niet haalbaar; alles gaat naar nul (100% korting)."
        : "Kaasschaaf auto: the target cannot be met; everything is cut to zero (100%).",
    ),
  cheeseCut: (p: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Kaasschaaf auto: elke FTE-, inhuur- en m2-rij ${f.pct(p)} minder.`
        : `Kaasschaaf auto: every FTE, hire and m2 row cut by ${f.pct(p)}.`,
    ),
  overheadMet: (norm: number, ratio: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Overheadnorm ${f.pct(norm)}: al gehaald (${f.pct(ratio)}).`
        : `Overhead norm ${f.pct(norm)}: already met (${f.pct(ratio)}).`,
    ),
  overheadNothing: (norm: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Overheadnorm ${f.pct(norm)}: geen onbeschermde overhead om te verminderen.`
        : `Overhead norm ${f.pct(norm)}: no unprotected overhead to reduce.`,
    ),
  overheadShort: (norm: number, available: number, needed: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Overheadnorm ${f.pct(norm)}: onvoldoende onbeschermde overhead; ${f.fte(available)} van de benodigde ${f.fte(needed)} FTE vervalt.`
        : `Overhead norm ${f.pct(norm)}: not enough unprotected overhead; ${f.fte(available)} of the ${f.fte(needed)} FTE needed is removed.`,
    ),
  overheadCut: (norm: number, fte: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Overheadnorm ${f.pct(norm)}: ${f.fte(fte)} FTE overhead minder.`
        : `Overhead norm ${f.pct(norm)}: ${f.fte(fte)} FTE less overhead.`,
    ),
  roemerNoAverage: (): Note =>
    both((l) =>
      l === "nl"
        ? "Roemernorm: inbesteden niet mogelijk zonder formatie (met kosten) om een gemiddelde prijs aan te ontlenen; gerekend met inbesteden 0."
        : "Roemer norm: insourcing is not possible without a formation (with a cost) to take an average price from; computed with insourcing 0.",
    ),
  roemerMet: (norm: number, share: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Roemernorm ${f.pct(norm)}: al gehaald (${f.pct(share)}).`
        : `Roemer norm ${f.pct(norm)}: already met (${f.pct(share)}).`,
    ),
  roemerCut: (norm: number, euros: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Roemernorm ${f.pct(norm)}: inhuur ${f.euros(euros)} lager.`
        : `Roemer norm ${f.pct(norm)}: external hire ${f.euros(euros)} lower.`,
    ),
  insourced: (fte: number, unit: string): Note =>
    both((l, f) =>
      l === "nl"
        ? `Inbesteden: ${f.fte(fte)} FTE erbij in eenheid '${unit}' (Bedrijfsvoering, dus de overhead stijgt).`
        : `Insourcing: ${f.fte(fte)} FTE added in unit '${unit}' (operations, so overhead rises).`,
    ),
  housingMet: (factor: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Huisvestingsnorm ${f.plain(factor)}: al binnen de norm.`
        : `Housing norm ${f.plain(factor)}: already within the norm.`,
    ),
  housingCut: (factor: number, m2: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Huisvestingsnorm ${f.plain(factor)}: ${f.whole(m2)} m2 minder.`
        : `Housing norm ${f.plain(factor)}: ${f.whole(m2)} m2 less.`,
    ),
  optimalSummary: (hire: number, fte: number, m2: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Optimaal: ${f.euros(hire)} inhuur, ${f.fte(fte)} FTE en ${f.whole(m2)} m2 minder.`
        : `Optimaal: ${f.euros(hire)} of external hire, ${f.fte(fte)} FTE and ${f.whole(m2)} m2 less.`,
    ),
  optimalPooling: (band: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `Optimaal: rijen gebundeld per eenheid, functiegroep, schaal en kostenband van ${f.plain(band * 100)}%; de besparing is exact, de keuze tussen rijen binnen een band tot op ${f.plain(band * 100)}% van de kosten.`
        : `Optimaal: rows grouped by unit, function group, scale and a cost band of ${f.plain(band * 100)}%; the saving is exact, the choice between rows within one band to within ${f.plain(band * 100)}% of their cost.`,
    ),
  optimalNormDropped: (overhead: boolean, roemer: boolean): Note =>
    both((l) => {
      if (overhead && roemer)
        return l === "nl"
          ? "De overheadnorm en de Roemernorm zijn binnen de grenzen niet haalbaar en zijn losgelaten."
          : "Neither the overhead norm nor the Roemer norm can be met within the limits; both were dropped.";
      const norm = overhead
        ? l === "nl"
          ? "overheadnorm"
          : "overhead norm"
        : l === "nl"
          ? "Roemernorm"
          : "Roemer norm";
      return l === "nl"
        ? `De ${norm} is binnen de grenzen niet haalbaar en is losgelaten.`
        : `The ${norm} cannot be met within the limits and was dropped.`;
    }),
  optimalInfeasible: (binding: readonly BindingLimit[], best: number, needed: number): Note =>
    both((l, f) => {
      const limits = list(
        binding.map((b) => limitName(b, l)),
        l,
      );
      return l === "nl"
        ? `Optimaal: de taakstelling is binnen de grenzen niet haalbaar; beperkend: ${limits}. Hoogst haalbare extra besparing: ${f.euros(best)} van de benodigde ${f.euros(needed)}. Dit scenario toont die hoogst haalbare besparing.`
        : `Optimaal: the target cannot be met within the limits; binding: ${limits}. Best attainable extra saving: ${f.euros(best)} of the ${f.euros(needed)} needed. This scenario shows that best attainable saving.`;
    }),
  /** The status line above Optimaal's per-unit table in the report. */
  optimalStatus: (
    status: "optimal" | "relaxed-norms" | "infeasible",
    binding: readonly BindingLimit[],
    best: number,
  ): Note =>
    both((l, f) => {
      if (status === "optimal")
        return l === "nl" ? "Taakstelling gehaald binnen alle grenzen." : "Target met within all limits.";
      if (status === "relaxed-norms")
        return l === "nl"
          ? "Taakstelling gehaald; een norm is binnen de grenzen niet haalbaar en losgelaten."
          : "Target met; a norm cannot be met within the limits and was dropped.";
      const limits = list(
        binding.map((b) => limitName(b, l)),
        l,
      );
      return l === "nl"
        ? `NIET HAALBAAR binnen de grenzen; beperkend: ${limits}. Hoogst haalbare besparing van deze hefboom: ${f.euros(best)}.`
        : `NOT ATTAINABLE within the limits; binding: ${limits}. Best attainable saving of this lever: ${f.euros(best)}.`;
    }),
};

/** Why Optimaal cut what it cut in one unit; reasons are joined with "; ". */
export const reasons = {
  overheadLighter: (weight: number): Note =>
    both((l, f) =>
      l === "nl"
        ? `overhead weegt lichter dan primair (gewicht ${f.plain(weight)})`
        : `overhead weighs less than primary (weight ${f.plain(weight)})`,
    ),
  primaryNeeded: (): Note =>
    both((l) =>
      l === "nl"
        ? "primaire capaciteit nodig om de taakstelling te halen"
        : "primary capacity needed to meet the target",
    ),
  capped: (): Note =>
    both((l) => (l === "nl" ? "begrensd door " : "capped by ") + limitName("maxCutPerUnit", l)),
  hireFirst: (): Note =>
    both((l) =>
      l === "nl" ? "inhuur eerst: minste schade per euro" : "external hire first: least harm per euro",
    ),
  notCut: (): Note => both((l) => (l === "nl" ? "niet gekort" : "not cut")),
  /** Several reasons as one, "a; b"; "niet gekort" when there are none. */
  join: (list: readonly Note[]): Note =>
    list.length === 0
      ? reasons.notCut()
      : { nl: list.map((r) => r.nl).join("; "), en: list.map((r) => r.en).join("; ") },
};
