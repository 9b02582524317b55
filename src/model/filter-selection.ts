/**
 * What a filter selects, for the task pane's filter builder: the values the workbook offers (units,
 * function groups, scales), how many formation rows and FTE a filter picks, and the filter text a set of
 * choices stands for (and back). Pure: reads the Formatie table's raw rows, never Office.
 */
import { compileFilter, FilterError, groupName, type CompiledFilter } from "./filter";
import { functionGroupIndex } from "./groups";
import { tableSchema } from "./schema";
import { normalizeName } from "./text";
import { FUNCTION_GROUPS } from "./types";

/** The formation rows a filter can read, from the table as it stands (rows that cannot be read are left out). */
export interface SelectionRows {
  unit: string[];
  group: string[];
  scale: number[];
  fte: number[];
  /** how many formation rows each entry stands for (compactSelectionRows); 1 each when absent */
  count?: number[];
}

export interface FilterChoices {
  units: string[];
  groups: string[];
  scaleMin: number | null;
  scaleMax: number | null;
}

const number = (v: unknown): number => {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "") return Number(v.trim().replace(",", "."));
  return NaN;
};

/** Reads the Formatie table's rows (header first) leniently: the checks proper are readPlan's job. */
export function selectionRows(rows: readonly (readonly unknown[])[] | undefined): SelectionRows {
  const out: SelectionRows = { unit: [], group: [], scale: [], fte: [] };
  eachSelectionRow(rows, (unit, group, scale, fte) => {
    out.unit.push(unit);
    out.group.push(group);
    out.scale.push(scale);
    out.fte.push(fte);
  });
  return out;
}

/**
 * The rows selectionRows reads, with alike rows (same unit, group, scale and FTE) kept once with their number,
 * in the order of their first appearance: what a filter selects and the values offered stay the same, and a
 * workbook of 150,000 rows becomes a summary small enough to send to the page. One pass, without the full
 * rows in between (half the time of reading them all first).
 */
export function compactSelectionRows(rows: readonly (readonly unknown[])[] | undefined): SelectionRows {
  const alike = new AlikeRows();
  eachSelectionRow(rows, (unit, group, scale, fte) => alike.add(unit, group, scale, fte, 1));
  return alike.rows;
}

/** Each readable row of the Formatie table (header first), as selectionRows reads it. */
function eachSelectionRow(
  rows: readonly (readonly unknown[])[] | undefined,
  visit: (unit: string, group: string, scale: number, fte: number) => void,
): void {
  if (!rows || rows.length === 0) return;
  const schema = tableSchema("Formatie");
  const header = rows[0].map(normalizeName);
  const at = (key: string) => {
    const c = schema.columns.find((x) => x.key === key)!;
    return header.findIndex((h) => h === normalizeName(c.header) || h === normalizeName(c.alias));
  };
  const [u, g, s, f] = [at("unit"), at("group"), at("scale"), at("fte")];
  if (u < 0 || g < 0 || s < 0 || f < 0) return;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const group = functionGroupIndex(row[g]);
    const scale = number(row[s]);
    const fte = number(row[f]);
    const unit = String(row[u] ?? "").trim();
    if (!unit || group === undefined || !Number.isFinite(scale) || !Number.isFinite(fte)) continue;
    visit(unit, groupName(group), scale, fte);
  }
}

/** Alike rows counted once, in the order of their first appearance (compactSelectionRows). */
class AlikeRows {
  readonly rows: Required<SelectionRows> = { unit: [], group: [], scale: [], fte: [], count: [] };
  // Looked up by unit, then group, scale and FTE, each by its own value: a joined text key per row cost a
  // third of the check on 150,000 rows.
  private readonly at = new Map<string, Map<string, Map<number, Map<number, number>>>>();

  add(unit: string, group: string, scale: number, fte: number, n: number): void {
    const out = this.rows;
    let byGroup = this.at.get(unit);
    if (!byGroup) this.at.set(unit, (byGroup = new Map()));
    let byScale = byGroup.get(group);
    if (!byScale) byGroup.set(group, (byScale = new Map()));
    let byFte = byScale.get(scale);
    if (!byFte) byScale.set(scale, (byFte = new Map()));
    const j = byFte.get(fte);
    if (j !== undefined) {
      out.count[j] += n;
      return;
    }
    byFte.set(fte, out.unit.length);
    out.unit.push(unit);
    out.group.push(group);
    out.scale.push(scale);
    out.fte.push(fte);
    out.count.push(n);
  }
}

/** The formation rows and FTE the selection holds in all. */
export function selectionTotals(rows: SelectionRows): { rows: number; fte: number } {
  let count = 0;
  let fte = 0;
  for (let i = 0; i < rows.unit.length; i++) {
    const n = rows.count?.[i] ?? 1;
    count += n;
    fte += rows.fte[i] * n;
  }
  return { rows: count, fte };
}

/** The values a planner can pick: units in table order, the function groups present, the scales present. */
export function filterOptions(rows: SelectionRows): { units: string[]; groups: string[]; scales: number[] } {
  const units = [...new Set(rows.unit)];
  const present = new Set(rows.group);
  const groups = FUNCTION_GROUPS.filter((g) => present.has(g));
  const scales = [...new Set(rows.scale)].sort((a, b) => a - b);
  return { units, groups, scales };
}

export type SelectionCount = { rows: number; fte: number } | { error: FilterError };

/** How many rows and FTE a filter selects ("" selects everything); a filter that does not compile gives its error. */
export function countSelection(filterText: string, rows: SelectionRows): SelectionCount {
  let filter: CompiledFilter | null;
  try {
    filter = compileFilter(filterText);
  } catch (e) {
    if (e instanceof FilterError) return { error: e };
    throw e;
  }
  let count = 0;
  let fte = 0;
  for (let i = 0; i < rows.unit.length; i++) {
    let hit = true;
    if (filter) {
      try {
        hit = filter.evaluate({
          eenheid: rows.unit[i],
          functiegroep: rows.group[i],
          schaal: rows.scale[i],
          fte: rows.fte[i],
        });
      } catch (e) {
        if (e instanceof FilterError) return { error: e };
        throw e;
      }
    }
    if (hit) {
      const n = rows.count?.[i] ?? 1;
      count += n;
      fte += rows.fte[i] * n;
    }
  }
  return { rows: count, fte };
}

const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

function anyOf(field: string, values: string[]): string {
  const parts = values.map((v) => `${field} == ${quote(v)}`);
  return parts.length > 1 ? `(${parts.join(" or ")})` : parts[0];
}

/** The filter text for a set of choices; "" when nothing is chosen (all rows). */
export function filterFromChoices(c: FilterChoices): string {
  const parts: string[] = [];
  if (c.units.length) parts.push(anyOf("eenheid", c.units));
  if (c.groups.length) parts.push(anyOf("functiegroep", c.groups));
  if (c.scaleMin !== null && c.scaleMax !== null && c.scaleMin === c.scaleMax)
    parts.push(`schaal == ${c.scaleMin}`);
  else {
    if (c.scaleMin !== null) parts.push(`schaal >= ${c.scaleMin}`);
    if (c.scaleMax !== null) parts.push(`schaal <= ${c.scaleMax}`);
  }
  return parts.join(" and ");
}

/**
 * The choices a filter text stands for, when it has the builder's shape (units, groups and a scale range
 * joined by `and`); null for anything else, which then stays the expert's expression.
 */
export function choicesFromFilter(text: string): FilterChoices | null {
  const choices: FilterChoices = { units: [], groups: [], scaleMin: null, scaleMax: null };
  const source = text.trim();
  if (source === "") return choices;
  const str = String.raw`"((?:[^"\\]|\\.)*)"`;
  const terms = splitTopLevel(source, " and ");
  if (!terms) return null;
  for (const term of terms) {
    const inner = term.startsWith("(") && term.endsWith(")") ? term.slice(1, -1) : term;
    const alts = splitTopLevel(inner, " or ");
    if (!alts) return null;
    const eq = alts.map((a) => new RegExp(`^(eenheid|functiegroep)\\s*==\\s*${str}$`).exec(a.trim()));
    if (eq.every(Boolean)) {
      const field = eq[0]![1];
      if (eq.some((m) => m![1] !== field)) return null;
      const values = eq.map((m) => m![2].replace(/\\(.)/g, "$1"));
      const list = field === "eenheid" ? choices.units : choices.groups;
      if (list.length) return null;
      list.push(...values);
      continue;
    }
    if (alts.length > 1) return null;
    const cmp = /^schaal\s*(==|>=|<=)\s*(\d+)$/.exec(inner.trim());
    if (!cmp) return null;
    const n = Number(cmp[2]);
    if (cmp[1] === "==") {
      if (choices.scaleMin !== null || choices.scaleMax !== null) return null;
      choices.scaleMin = choices.scaleMax = n;
    } else if (cmp[1] === ">=") {
      if (choices.scaleMin !== null) return null;
      choices.scaleMin = n;
    } else {
      if (choices.scaleMax !== null) return null;
      choices.scaleMax = n;
    }
  }
  return choices;
}

/** Splits on a separator outside quotes and parentheses; null when quotes or parentheses do not balance. */
function splitTopLevel(text: string, separator: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === "\\") i++;
      else if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') inQuote = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
      i += separator.length - 1;
    }
    if (depth < 0) return null;
  }
  if (inQuote || depth !== 0) return null;
  parts.push(text.slice(start).trim());
  return parts;
}

/** Text comparison as the filter does it, for matching picked values against the workbook's. */
export const sameText = (a: string, b: string) => normalizeName(a) === normalizeName(b);
