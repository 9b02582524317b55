/**
 * The measures of FP.SCENARIO: the year fields of `formatieplanner run --json`, with the Dutch headers of the
 * report's detail sheet (a test checks they match) and English headers. A measure is named by its field,
 * or by either header.
 */
import type { YearMetrics } from "../model/types";
import { normalizeName } from "../model/text";

export interface Measure {
  key: Exclude<keyof YearMetrics, "year">;
  nl: string;
  en: string;
}

export const MEASURES: readonly Measure[] = [
  { key: "fte", nl: "FTE", en: "FTE" },
  { key: "ftePrimary", nl: "FTE primair", en: "Primary FTE" },
  { key: "fteOverhead", nl: "FTE overhead", en: "Overhead FTE" },
  { key: "overheadRatio", nl: "Overhead %", en: "Overhead ratio" },
  { key: "personnelCost", nl: "Personeelskosten", en: "Personnel cost" },
  { key: "externalSpend", nl: "Externe inhuur", en: "External hire" },
  { key: "roemerShare", nl: "Roemer %", en: "Roemer share" },
  { key: "m2", nl: "m2", en: "Office m2" },
  { key: "housingCost", nl: "Huisvestingskosten", en: "Housing cost" },
  { key: "structuralCost", nl: "Structurele kosten", en: "Structural cost" },
  { key: "oneOffCost", nl: "Eenmalige kosten", en: "One-off cost" },
  { key: "structuralSavings", nl: "Structurele besparing", en: "Structural savings" },
  { key: "target", nl: "Taakstelling", en: "Target" },
  { key: "gap", nl: "Verschil", en: "Gap" },
  { key: "forcedExits", nl: "Gedwongen uitstroom (FTE)", en: "Forced exits (FTE)" },
  { key: "primaryRetained", nl: "Primair behouden", en: "Primary kept" },
];

export const YEAR_HEADER = "Jaar";

export function findMeasure(name: unknown): Measure | undefined {
  const wanted = normalizeName(name);
  return MEASURES.find(
    (m) =>
      normalizeName(m.key) === wanted || normalizeName(m.nl) === wanted || normalizeName(m.en) === wanted,
  );
}
