/**
 * The editor's checks on one lever, on top of the reader's (checkLeverDraft): a whole number where a
 * fraction belongs asks whether a percentage was meant, and a filter that selects no formation row is an
 * error. Only the fields the lever uses are checked, so a hidden field can never hold an error.
 */
import { FILTERABLE_LEVERS, leverKindOf, type LeverKind } from "../../model";
import { countSelection, type SelectionRows } from "../../model/filter-selection";
import { checkLeverDraft, type FieldErrors, type LeverDraft } from "../../model/scenarios";
import { translate, type Language } from "../i18n";
import { formats } from "./text";

/** Levers whose value is a fraction 0-1 (the housing norm is a workplace factor). */
const FRACTION_LEVERS: readonly LeverKind[] = [
  "Kaasschaaf",
  "Overheadnorm",
  "Roemernorm",
  "Vacaturestop",
  "Gerichte korting",
];

/** A value the lever starts with when chosen: what a planner most often means. */
export const DEFAULT_VALUE: Record<LeverKind, string> = {
  Kaasschaaf: "auto",
  Overheadnorm: "",
  Roemernorm: "",
  Huisvestingsnorm: "",
  Vacaturestop: "0,5",
  "Gerichte korting": "0,1",
  Optimaal: "",
};

export interface LeverFields {
  value: boolean;
  filter: boolean;
  insource: boolean;
}

/** The fields a lever uses. A field still holding text it does not use stays visible, so it can be cleared. */
export function leverFields(draft: LeverDraft): LeverFields {
  const kind = leverKindOf(draft.lever);
  return {
    value: kind !== "Optimaal" || draft.value.trim() !== "",
    filter: (!!kind && FILTERABLE_LEVERS.includes(kind)) || draft.filter.trim() !== "",
    insource: kind === "Roemernorm" || draft.insource.trim() !== "",
  };
}

/** The lever switched to another kind: its value reset, fields the new lever does not use emptied. */
export function switchLever(draft: LeverDraft, lever: string): LeverDraft {
  const kind = leverKindOf(lever);
  if (!kind) return { ...draft, lever };
  return {
    lever: kind,
    value: DEFAULT_VALUE[kind],
    filter: FILTERABLE_LEVERS.includes(kind) ? draft.filter : "",
    insource: kind === "Roemernorm" ? draft.insource : "",
  };
}

/** A whole number typed where a fraction belongs (10 for 10%): the fraction meant, else null. */
export function percentMeant(text: string): number | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1].replace(",", "."));
  return n > 1 && n <= 100 ? n / 100 : null;
}

export interface LeverCheck {
  errors: FieldErrors;
  /** the fraction a too-large number probably meant, per field */
  suggest: { value?: number; insource?: number };
}

export function checkLever(draft: LeverDraft, lang: Language, selection: SelectionRows): LeverCheck {
  const errors = checkLeverDraft(draft, lang);
  const suggest: LeverCheck["suggest"] = {};
  const kind = leverKindOf(draft.lever);
  const f = formats(lang);
  const ask = (fraction: number) =>
    translate(lang, "didYouMean", {
      pct: f.percent(fraction).replace(/[.,]0%$/, "%"),
      frac: f.fraction(fraction),
    });
  if (kind && FRACTION_LEVERS.includes(kind)) {
    const meant = percentMeant(draft.value);
    if (meant !== null) {
      errors.value = ask(meant);
      suggest.value = meant;
    }
  }
  const insource = percentMeant(draft.insource);
  if (kind === "Roemernorm" && insource !== null) {
    errors.insource = ask(insource);
    suggest.insource = insource;
  }
  if (!errors.filter && draft.filter.trim() !== "" && selection.unit.length > 0) {
    const count = countSelection(draft.filter, selection);
    if (!("error" in count) && count.rows === 0) errors.filter = translate(lang, "zeroRows");
  }
  return { errors, suggest };
}
