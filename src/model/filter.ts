/**
 * Row filters of the Scenarios table, e.g. `functiegroep == "Bedrijfsvoering" and schaal >= 11`.
 *
 * Parsed by a private mathjs instance whose dangerous functions (import, createUnit, evaluate, parse,
 * simplify, ...) are replaced by functions that throw; the parsed tree is checked against a whitelist and
 * type-checked (filter-check.ts) and evaluated as plain closures (filter-eval.ts): only the row fields,
 * constants, comparison, logic and arithmetic operators and a few pure functions may appear, and the
 * whole must give yes or no for every row. Anything else is refused with a message that says what to write.
 */
import type { MathNode } from "mathjs";
// The number-only build and only its parser: filters are parsed here and evaluated as closures, so the rest
// of mathjs (loading all of it took about a second at every start of the command line) is not needed.
import { create, parseDependencies } from "mathjs/number";
import { FUNCTION_GROUPS, type Formation } from "./types";
import {
  DISABLED,
  EXAMPLE,
  fail,
  FilterError,
  FILTER_FIELDS,
  MAX_FILTER_LENGTH,
  precheck,
  short,
  typeOf,
  TYPE_EN,
  TYPE_NL,
  type FilterField,
} from "./filter-check";
import { toClosure } from "./filter-eval";

export { FilterError, FILTER_FIELDS, type FilterField };

const math = create({ parseDependencies });
const parseExpression = math.parse;
const disabledFunctions: Record<string, () => never> = {};
for (const name of DISABLED) {
  disabledFunctions[name] = () => {
    throw new Error(`Function ${name} is disabled`);
  };
}
math.import(disabledFunctions, { override: true });

export interface CompiledFilter {
  text: string;
  fields: FilterField[];
  evaluate: (row: Record<FilterField, string | number>) => boolean;
}

/** Checks a filter against the whitelist and its types and compiles it; throws FilterError (Dutch and English). */
export function compileFilter(text: string): CompiledFilter | null {
  const source = text.trim();
  if (source === "") return null;
  if (source.length > MAX_FILTER_LENGTH) {
    throw new FilterError(
      `Filter is te lang (meer dan ${MAX_FILTER_LENGTH} tekens).`,
      `Filter is too long (more than ${MAX_FILTER_LENGTH} characters).`,
    );
  }
  let known = compiledFilters.get(source);
  if (!known) {
    try {
      known = compileChecked(source);
    } catch (e) {
      // Never a library's message (or a stack overflow) to the user.
      known =
        e instanceof FilterError
          ? e
          : new FilterError(
              `Filter is geen geldige uitdrukking. Schrijf bijvoorbeeld: ${EXAMPLE}.`,
              `Filter is not a valid expression. Write for example: ${EXAMPLE}.`,
            );
    }
    if (compiledFilters.size >= MAX_CACHED_FILTERS) compiledFilters.clear();
    compiledFilters.set(source, known);
  }
  if (known instanceof FilterError) throw new FilterError(known.messageNl, known.messageEn);
  return known;
}

/**
 * Filters compiled before, by their text: a sweep of thousands of scenarios repeats a handful of filters,
 * and mathjs parsing each one again cost more than running the scenarios. A compiled filter holds no state.
 */
const compiledFilters = new Map<string, CompiledFilter | FilterError>();
const MAX_CACHED_FILTERS = 1000;

function compileChecked(source: string): CompiledFilter {
  precheck(source);
  let root: MathNode;
  try {
    root = parseExpression(source);
  } catch (e) {
    const at = /char (\d+)/.exec((e as Error).message)?.[1];
    throw new FilterError(
      `Filter is geen geldige uitdrukking${at ? ` (bij teken ${at})` : ""}. Schrijf bijvoorbeeld: ${EXAMPLE}.`,
      `Filter is not a valid expression${at ? ` (at character ${at})` : ""}. Write for example: ${EXAMPLE}.`,
    );
  }
  const fields = new Set<FilterField>();
  const type = typeOf(root, fields);
  if (type !== "bool")
    fail(
      `Een filter moet ja of nee geven voor elke rij, maar '${short(source)}' geeft ${TYPE_NL[type] === "getal" ? "een getal" : "tekst"}. Gebruik een vergelijking, bijvoorbeeld schaal >= 11.`,
      `A filter must give yes or no for every row, but '${short(source)}' gives ${TYPE_EN[type] === "number" ? "a number" : "text"}. Use a comparison, e.g. schaal >= 11.`,
    );

  const evaluate = toClosure(root);
  return {
    text: source,
    fields: [...fields],
    evaluate(row) {
      return evaluate(row) === true;
    },
  };
}

/** How many formation rows a filter selects (protected rows included); for warnings and the pane. */
export function countFilterMatches(filter: CompiledFilter | null, formation: Formation): number {
  const mask = filterMask(filter, formation);
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

export function groupName(group: number): string {
  return FUNCTION_GROUPS[group] ?? "";
}

/**
 * Evaluates a filter over formation rows [from, to). Without fte, results are cached per distinct
 * combination of unit, group and scale, so 150,000 rows cost a few hundred evaluations.
 */
export function filterMask(
  filter: CompiledFilter | null,
  formation: Formation,
  from = 0,
  to = formation.length,
): Uint8Array {
  const mask = new Uint8Array(to - from);
  if (!filter) {
    mask.fill(1);
    return mask;
  }
  const evaluateRow = (r: number): number =>
    filter.evaluate({
      eenheid: formation.unitNames[formation.unit[r]],
      functiegroep: groupName(formation.group[r]),
      schaal: formation.scale[r],
      fte: formation.fte[r],
    })
      ? 1
      : 0;
  if (filter.fields.includes("fte")) {
    // fte takes as many values as there are rows: evaluate each row (the closures are cheap).
    const row = { eenheid: "", functiegroep: "", schaal: 0, fte: 0 };
    for (let r = from; r < to; r++) {
      row.eenheid = formation.unitNames[formation.unit[r]];
      row.functiegroep = groupName(formation.group[r]);
      row.schaal = formation.scale[r];
      row.fte = formation.fte[r];
      mask[r - from] = filter.evaluate(row) ? 1 : 0;
    }
    return mask;
  }
  // Unit, group and scale take few distinct values: one evaluation per combination (-1 = not yet known).
  const cache = new Int8Array(formation.unitNames.length * 4 * 32).fill(-1);
  for (let r = from; r < to; r++) {
    const key = (formation.unit[r] * 4 + formation.group[r]) * 32 + formation.scale[r];
    let hit = cache[key];
    if (hit < 0) cache[key] = hit = evaluateRow(r);
    mask[r - from] = hit;
  }
  return mask;
}
