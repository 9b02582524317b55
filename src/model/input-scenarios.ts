/**
 * Checking the Scenarios table: lever names, values, filters (type-checked, and warned about when they
 * select no formation row), insourcing shares and Volgorde; also used by the task pane's scenario form.
 */
import { compileFilter, filterMask, FilterError } from "./filter";
import { INPUT_LIMITS } from "./schema";
import { isBlank, normalizeName } from "./text";
import { CellMarker, excerpt, IssueList, readNumber, readText, type Cell } from "./cells";
import { cellOf, dataRows, type BoundTable } from "./bind";
import type { Formation, Lever, LeverKind, PlanParameters, Scenario } from "./types";

export const BASELINE_NAME = "Basis";
export const BASELINE_ALIASES = ["basis", "baseline"];

const LEVER_LOOKUP = new Map<string, LeverKind>([
  ["kaasschaaf", "Kaasschaaf"],
  ["cheeseslicer", "Kaasschaaf"],
  ["cheese slicer", "Kaasschaaf"],
  ["overheadnorm", "Overheadnorm"],
  ["overhead norm", "Overheadnorm"],
  ["roemernorm", "Roemernorm"],
  ["externalhirenorm", "Roemernorm"],
  ["external hire norm", "Roemernorm"],
  ["huisvestingsnorm", "Huisvestingsnorm"],
  ["housingnorm", "Huisvestingsnorm"],
  ["housing norm", "Huisvestingsnorm"],
  ["vacaturestop", "Vacaturestop"],
  ["hiringfreeze", "Vacaturestop"],
  ["hiring freeze", "Vacaturestop"],
  ["gerichte korting", "Gerichte korting"],
  ["targetedcut", "Gerichte korting"],
  ["targeted cut", "Gerichte korting"],
  ["optimaal", "Optimaal"],
  ["optimal", "Optimaal"],
]);

/** Levers that act on formation rows and therefore accept a filter. */
export const FILTERABLE_LEVERS: readonly LeverKind[] = ["Overheadnorm", "Vacaturestop", "Gerichte korting"];

/** Parses the value of a lever the way the Scenarios table holds it; used by the reader and the task pane form. */
export function readLeverValue(
  issues: IssueList,
  cell: Cell,
  kind: LeverKind,
  raw: unknown,
): number | "auto" | null | undefined {
  const blank = isBlank(raw);
  switch (kind) {
    case "Kaasschaaf":
      if (typeof raw === "string" && normalizeName(raw) === "auto") return "auto";
      if (blank) {
        issues.error(
          cell.table,
          cell.row,
          cell.column,
          `Kaasschaaf vraagt een fractie (0-1) of 'auto'.`,
          `CheeseSlicer needs a fraction (0-1) or 'auto'.`,
        );
        return undefined;
      }
      return readNumber(issues, cell, raw, { min: 0, max: 1 }) ?? undefined;
    case "Overheadnorm":
    case "Roemernorm":
      if (blank) return null;
      return readNumber(issues, cell, raw, { min: 0, max: 1, upperExclusive: true }) ?? undefined;
    case "Huisvestingsnorm":
      if (blank) return null;
      return readNumber(issues, cell, raw, { min: 0, max: 5 }) ?? undefined;
    case "Optimaal":
      if (blank) return null;
      issues.error(
        cell.table,
        cell.row,
        cell.column,
        `Optimaal heeft geen waarde: de grenzen staan in de Parameters (Maximale korting per eenheid, Maximale gedwongen uitstroom, Gewicht overhead).`,
        `Optimal takes no value: its limits are Parameters (Maximale korting per eenheid, Maximale gedwongen uitstroom, Gewicht overhead).`,
      );
      return undefined;
    case "Vacaturestop":
    case "Gerichte korting":
      if (blank) {
        issues.error(
          cell.table,
          cell.row,
          cell.column,
          `${kind} vraagt een fractie tussen 0 en 1.`,
          `${kind} needs a fraction between 0 and 1.`,
        );
        return undefined;
      }
      return readNumber(issues, cell, raw, { min: 0, max: 1 }) ?? undefined;
  }
}

export function leverKindOf(name: unknown): LeverKind | undefined {
  return LEVER_LOOKUP.get(normalizeName(name));
}

export function readScenarios(
  issues: IssueList,
  table: BoundTable | null,
  params: PlanParameters | null,
): Scenario[] {
  const T = "Scenarios";
  if (!table) return [];
  const byName = new Map<string, { scenario: Scenario; order: (number | null)[] }>();
  for (const [r, row] of dataRows(table)) {
    const name = readText(issues, { table: T, row: r, column: "Scenario" }, cellOf(table, "scenario", row));
    const leverText = readText(issues, { table: T, row: r, column: "Hefboom" }, cellOf(table, "lever", row));
    if (name !== null && BASELINE_ALIASES.includes(normalizeName(name))) {
      issues.error(
        T,
        r,
        "Scenario",
        `'${excerpt(name)}' is de naam van de basislijn; kies een andere scenarionaam.`,
        `'${excerpt(name)}' is the name of the baseline; choose another scenario name.`,
      );
      continue;
    }
    let kind: LeverKind | undefined;
    if (leverText !== null) {
      kind = leverKindOf(leverText);
      if (!kind) {
        issues.error(
          T,
          r,
          "Hefboom",
          `Onbekende hefboom '${excerpt(leverText)}'; kies uit ${[...new Set(LEVER_LOOKUP.values())].join(", ")}.`,
          `Unknown lever '${excerpt(leverText)}'; use CheeseSlicer, OverheadNorm, ExternalHireNorm, HousingNorm, HiringFreeze, TargetedCut or Optimal.`,
        );
      }
    }
    if (name === null || !kind) continue;
    const value = readLeverValue(
      issues,
      { table: T, row: r, column: "Waarde" },
      kind,
      cellOf(table, "value", row),
    );
    const filterRaw = cellOf(table, "filter", row);
    let filterOk = true;
    let filterText = "";
    if (filterRaw instanceof CellMarker) {
      const text = readText(issues, { table: T, row: r, column: "Filter" }, filterRaw);
      if (text === null) filterOk = false;
      else filterText = text;
    } else if (!isBlank(filterRaw)) filterText = String(filterRaw).trim();
    if (filterText !== "") {
      if (!FILTERABLE_LEVERS.includes(kind)) {
        issues.error(
          T,
          r,
          "Filter",
          `Hefboom ${kind} werkt niet met een filter; een filter kan bij ${FILTERABLE_LEVERS.join(", ")}.`,
          `Lever ${kind} takes no filter; filters apply to ${FILTERABLE_LEVERS.join(", ")}.`,
        );
        filterOk = false;
      } else {
        try {
          compileFilter(filterText);
        } catch (e) {
          if (!(e instanceof FilterError)) throw e;
          issues.error(T, r, "Filter", e.messageNl, e.messageEn);
          filterOk = false;
        }
      }
    }
    let insourceShare = 0;
    const insourceRaw = cellOf(table, "insource", row);
    if (!isBlank(insourceRaw)) {
      const s = readNumber(issues, { table: T, row: r, column: "Inbesteden" }, insourceRaw, {
        min: 0,
        max: 1,
      });
      if (s === null) filterOk = false;
      else if (kind !== "Roemernorm" && s > 0) {
        issues.error(
          T,
          r,
          "Inbesteden",
          `Inbesteden kan alleen bij de Roemernorm.`,
          `Insourcing only applies to the ExternalHireNorm lever.`,
        );
        filterOk = false;
      } else insourceShare = s;
    }
    const orderRaw = cellOf(table, "order", row);
    let order: number | null = null;
    if (!isBlank(orderRaw)) {
      order = readNumber(issues, { table: T, row: r, column: "Volgorde" }, orderRaw, {
        min: -INPUT_LIMITS.order,
        max: INPUT_LIMITS.order,
      });
      if (order === null) filterOk = false;
      else if (!Number.isInteger(order))
        issues.warning(
          T,
          r,
          "Volgorde",
          `Volgorde ${order} is geen geheel getal; de hefbomen worden op volgorde van dit getal gezet.`,
          `Order ${order} is not a whole number; levers are sorted by this number.`,
        );
    }
    if (kind === "Huisvestingsnorm" && params && params.m2PerWorkplace === null) {
      issues.error(
        T,
        r,
        "Hefboom",
        `De huisvestingsnorm vraagt de parameter 'm2 per werkplek'.`,
        `The housing norm needs the parameter 'm2 per werkplek' (m2 per workplace).`,
      );
      filterOk = false;
    }
    if (kind === "Vacaturestop" && params && params.attritionRate === 0) {
      issues.warning(
        T,
        r,
        "Hefboom",
        `Vacaturestop heeft geen effect: 'Natuurlijk verloop' is 0.`,
        `Hiring freeze has no effect: 'Natuurlijk verloop' (natural attrition) is 0.`,
      );
    }
    if (value === undefined || !filterOk) continue;
    const key = normalizeName(name);
    let entry = byName.get(key);
    if (!entry) {
      entry = { scenario: { name, levers: [] }, order: [] };
      byName.set(key, entry);
    }
    entry.scenario.levers.push({ kind, value, filter: filterText, insourceShare, sourceRow: r });
    entry.order.push(order);
  }
  return [...byName.values()].map(({ scenario, order }) => {
    // Volgorde first; rows without it keep their table order after those with it.
    const idx = scenario.levers.map((_, i) => i);
    idx.sort((a, b) => (order[a] ?? Infinity) - (order[b] ?? Infinity) || a - b);
    return { name: scenario.name, levers: idx.map((i) => scenario.levers[i]) as Lever[] };
  });
}

/** A filter that selects no formation row cuts nothing: said, naming scenario and lever. */
export function warnEmptyFilters(issues: IssueList, scenarios: Scenario[], formation: Formation): void {
  const cache = new Map<string, boolean>();
  for (const s of scenarios) {
    for (const lever of s.levers) {
      if (!lever.filter) continue;
      let any = cache.get(lever.filter);
      if (any === undefined) {
        const mask = filterMask(compileFilter(lever.filter), formation);
        any = mask.includes(1);
        cache.set(lever.filter, any);
      }
      if (!any)
        issues.warning(
          "Scenarios",
          lever.sourceRow,
          "Filter",
          `Scenario '${excerpt(s.name)}', hefboom ${lever.kind}: het filter '${excerpt(lever.filter)}' selecteert geen enkele formatierij; deze hefboom doet niets.`,
          `Scenario '${excerpt(s.name)}', lever ${lever.kind}: the filter '${excerpt(lever.filter)}' selects no formation row; this lever does nothing.`,
        );
    }
  }
}
