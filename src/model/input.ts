/**
 * From table rows (a header row plus value rows, exactly as Excel's range.values and our ExcelJS reader
 * give them) to a typed, columnar plan: checking each table. Binding tables and columns is in bind.ts,
 * reading one cell in cells.ts. Every problem becomes an Issue with table, row, column and a Dutch and
 * English message; errors stop the run, warnings do not, and no bad row is ever used silently.
 */
import { compileFilter, filterMask, FilterError } from "./filter";
import { INPUT_LIMITS, PARAMETERS, TABLES, type TableName } from "./schema";
import { isBlank, normalizeName } from "./text";
import {
  CellMarker,
  excerpt,
  IssueList,
  readBoolean,
  readCategory,
  readGroup,
  readNumber,
  readText,
  type Cell,
} from "./cells";
import {
  bindTable,
  cellOf,
  dataRows,
  headerOf,
  warnNearMisses,
  type BoundTable,
  type TableRows,
  type WorkbookTables,
} from "./bind";
import type {
  Formation,
  Hire,
  Housing,
  Issue,
  Lever,
  LeverKind,
  Plan,
  PlanParameters,
  Scenario,
} from "./types";

export type { TableRows, WorkbookTables };

export interface ReadResult {
  plan: Plan | null;
  issues: Issue[];
}

export interface ReadOptions {
  /** every table and sheet name of the workbook, to warn about names that nearly match an expected table */
  otherNames?: readonly string[];
}

export const BASELINE_NAME = "Basis";
export const BASELINE_ALIASES = ["basis", "baseline"];

function readParameters(issues: IssueList, table: BoundTable | null): PlanParameters | null {
  const values = new Map<string, number>();
  const seen = new Map<string, number>();
  const T = "Parameters";
  if (table) {
    for (const [r, row] of dataRows(table)) {
      const nameCell: Cell = { table: T, row: r, column: "Parameter" };
      const name = readText(issues, nameCell, cellOf(table, "name", row));
      if (name === null) continue;
      const spec = PARAMETERS.find(
        (p) =>
          normalizeName(p.name) === normalizeName(name) || normalizeName(p.alias) === normalizeName(name),
      );
      if (!spec) {
        issues.warning(
          T,
          r,
          "Parameter",
          `Onbekende parameter '${excerpt(name)}' wordt genegeerd.`,
          `Unknown parameter '${excerpt(name)}' is ignored.`,
        );
        continue;
      }
      if (seen.has(spec.key)) {
        issues.error(
          T,
          r,
          "Parameter",
          `Parameter '${spec.name}' staat dubbel (ook in rij ${seen.get(spec.key)}).`,
          `Parameter '${spec.name}' is duplicated (also in row ${seen.get(spec.key)}).`,
        );
        continue;
      }
      seen.set(spec.key, r);
      const raw = cellOf(table, "value", row);
      if (isBlank(raw)) {
        if (spec.required)
          issues.error(
            T,
            r,
            "Waarde",
            `Waarde van '${spec.name}' ontbreekt.`,
            `Value of '${spec.alias}' is missing.`,
          );
        continue;
      }
      const n = readNumber(issues, { table: T, row: r, column: "Waarde" }, raw, {
        min: spec.min,
        max: spec.max,
        upperExclusive: spec.upperExclusive,
        integer: spec.integer,
      });
      if (n !== null) values.set(spec.key, n);
      if (
        n !== null &&
        (spec.key === "indexation" || spec.key === "attritionRate") &&
        n > INPUT_LIMITS.plausibleRate
      ) {
        issues.warning(
          T,
          r,
          "Waarde",
          `${spec.name} ${n} is meer dan ${INPUT_LIMITS.plausibleRate * 100}% per jaar; bedoelde u ${n / 100} (${n}%)?`,
          `${spec.alias} ${n} is more than ${INPUT_LIMITS.plausibleRate * 100}% a year; did you mean ${n / 100} (${n}%)?`,
        );
      }
    }
  }
  for (const spec of PARAMETERS) {
    if (spec.required && !values.has(spec.key) && !seen.has(spec.key)) {
      issues.error(
        T,
        null,
        "Parameter",
        `Verplichte parameter '${spec.name}' ontbreekt.`,
        `Required parameter '${spec.alias}' is missing.`,
      );
    }
  }
  const base = values.get("baseYear");
  const end = values.get("endYear");
  if (base !== undefined && end !== undefined && end <= base) {
    issues.error(
      T,
      seen.get("endYear") ?? null,
      "Waarde",
      `Eindjaar (${end}) moet na het basisjaar (${base}) liggen.`,
      `End year (${end}) must be after the base year (${base}).`,
    );
    return null;
  }
  if (base === undefined || end === undefined) return null;
  const get = (key: string): number =>
    values.get(key) ?? (PARAMETERS.find((p) => p.key === key)!.defaultValue as number);
  return {
    baseYear: base,
    endYear: end,
    indexation: get("indexation"),
    overheadNorm: get("overheadNorm"),
    roemerNorm: get("roemerNorm"),
    workplaceFactor: get("workplaceFactor"),
    m2PerWorkplace: values.get("m2PerWorkplace") ?? null,
    attritionRate: get("attritionRate"),
    severanceMultiple: get("severanceMultiple"),
    insourceCostFactor: get("insourceCostFactor"),
    maxCutPerUnit: get("maxCutPerUnit"),
    maxForcedExits: get("maxForcedExits"),
    overheadWeight: get("overheadWeight"),
  };
}

function readPrices(issues: IssueList, table: BoundTable | null): Map<number, number> {
  const prices = new Map<number, number>();
  if (!table) return prices;
  const T = "Prijzen";
  const rowOf = new Map<number, number>();
  for (const [r, row] of dataRows(table)) {
    const scale = readNumber(issues, { table: T, row: r, column: "Schaal" }, cellOf(table, "scale", row), {
      min: 1,
      max: 18,
      integer: true,
    });
    const cost = readNumber(
      issues,
      { table: T, row: r, column: "Kosten per FTE" },
      cellOf(table, "costPerFte", row),
      { min: 0, max: INPUT_LIMITS.costPerFte, what: { nl: "kosten", en: "cost" } },
    );
    if (scale === null || cost === null) continue;
    if (cost === 0) warnZeroCost(issues, { table: T, row: r, column: "Kosten per FTE" });
    if (rowOf.has(scale)) {
      issues.error(
        T,
        r,
        "Schaal",
        `Schaal ${scale} staat dubbel (ook in rij ${rowOf.get(scale)}).`,
        `Scale ${scale} is duplicated (also in row ${rowOf.get(scale)}).`,
      );
      continue;
    }
    rowOf.set(scale, r);
    prices.set(scale, cost);
  }
  return prices;
}

class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

function readFormation(issues: IssueList, table: BoundTable | null, prices: Map<number, number>): Formation {
  const T = "Formatie";
  const capacity = table ? table.rows.length : 0;
  const units = new Interner();
  const f: Formation = {
    length: 0,
    unitNames: units.names,
    unit: new Int32Array(capacity),
    group: new Uint8Array(capacity),
    scale: new Uint8Array(capacity),
    fte: new Float64Array(capacity),
    costPerFte: new Float64Array(capacity),
    protectedRow: new Uint8Array(capacity),
    sourceRow: new Int32Array(capacity),
  };
  if (!table) return f;
  const hasCost = table.index.costPerFte >= 0;
  const hasProtected = table.index.protected >= 0;
  let n = 0;
  let seen = 0;
  for (const [r, row] of dataRows(table)) {
    seen++;
    const unit = readText(issues, { table: T, row: r, column: "Eenheid" }, cellOf(table, "unit", row));
    const group = readGroup(
      issues,
      { table: T, row: r, column: "Functiegroep" },
      cellOf(table, "group", row),
    );
    const scale = readNumber(issues, { table: T, row: r, column: "Schaal" }, cellOf(table, "scale", row), {
      min: 1,
      max: 18,
      integer: true,
    });
    const fte = readNumber(issues, { table: T, row: r, column: "FTE" }, cellOf(table, "fte", row), {
      min: 0,
      max: INPUT_LIMITS.ftePerRow,
      what: { nl: "FTE", en: "FTE" },
    });
    let cost: number | null = null;
    const ownCost = hasCost ? cellOf(table, "costPerFte", row) : undefined;
    if (!isBlank(ownCost)) {
      cost = readNumber(issues, { table: T, row: r, column: "Kosten per FTE" }, ownCost, {
        min: 0,
        max: INPUT_LIMITS.costPerFte,
        what: { nl: "kosten", en: "cost" },
      });
      if (cost === 0) warnZeroCost(issues, { table: T, row: r, column: "Kosten per FTE" });
    } else if (scale !== null) {
      const price = prices.get(scale);
      if (price === undefined) {
        issues.error(
          T,
          r,
          "Kosten per FTE",
          `Geen kosten per FTE: de rij heeft er zelf geen en de tabel 'Prijzen' heeft geen prijs voor schaal ${scale}.`,
          `No cost per FTE: the row has none and table 'Prijzen' has no price for scale ${scale}.`,
        );
      } else {
        cost = price;
      }
    }
    const prot = hasProtected
      ? readBoolean(issues, { table: T, row: r, column: "Beschermd" }, cellOf(table, "protected", row))
      : false;
    if (unit === null || group === null || scale === null || fte === null || cost === null || prot === null)
      continue;
    f.unit[n] = units.of(unit);
    f.group[n] = group;
    f.scale[n] = scale;
    f.fte[n] = fte;
    f.costPerFte[n] = cost;
    f.protectedRow[n] = prot ? 1 : 0;
    f.sourceRow[n] = r;
    n++;
  }
  f.length = n;
  if (seen === 0)
    issues.error(T, null, null, `Tabel 'Formatie' bevat geen rijen.`, `Table 'Formatie' has no rows.`);
  return f;
}

function readHire(issues: IssueList, table: BoundTable | null): Hire {
  const T = "Inhuur";
  const capacity = table ? table.rows.length : 0;
  const units = new Interner();
  const h: Hire = {
    length: 0,
    unitNames: units.names,
    unit: new Int32Array(capacity),
    category: new Uint8Array(capacity),
    amount: new Float64Array(capacity),
    sourceRow: new Int32Array(capacity),
  };
  if (!table) return h;
  let n = 0;
  for (const [r, row] of dataRows(table)) {
    const unit = readText(issues, { table: T, row: r, column: "Eenheid" }, cellOf(table, "unit", row));
    const category = readCategory(
      issues,
      { table: T, row: r, column: "Categorie" },
      cellOf(table, "category", row),
    );
    const amount = readNumber(issues, { table: T, row: r, column: "Bedrag" }, cellOf(table, "amount", row), {
      min: 0,
      max: INPUT_LIMITS.hireAmount,
      what: { nl: "bedrag", en: "amount" },
    });
    if (unit === null || category === null || amount === null) continue;
    h.unit[n] = units.of(unit);
    h.category[n] = category;
    h.amount[n] = amount;
    h.sourceRow[n] = r;
    n++;
  }
  h.length = n;
  return h;
}

function readHousing(issues: IssueList, table: BoundTable | null): Housing {
  const T = "Huisvesting";
  const capacity = table ? table.rows.length : 0;
  const h: Housing = {
    length: 0,
    locations: [],
    m2: new Float64Array(capacity),
    costPerM2: new Float64Array(capacity),
    sourceRow: new Int32Array(capacity),
  };
  if (!table) return h;
  let n = 0;
  for (const [r, row] of dataRows(table)) {
    const location = readText(
      issues,
      { table: T, row: r, column: "Locatie" },
      cellOf(table, "location", row),
    );
    const m2 = readNumber(issues, { table: T, row: r, column: "m2" }, cellOf(table, "m2", row), {
      min: 0,
      max: INPUT_LIMITS.m2,
      what: { nl: "m2", en: "m2" },
    });
    const cost = readNumber(
      issues,
      { table: T, row: r, column: "Kosten per m2" },
      cellOf(table, "costPerM2", row),
      {
        min: 0,
        max: INPUT_LIMITS.costPerM2,
        what: { nl: "kosten", en: "cost" },
      },
    );
    if (location === null || m2 === null || cost === null) continue;
    h.locations.push(location);
    h.m2[n] = m2;
    h.costPerM2[n] = cost;
    h.sourceRow[n] = r;
    n++;
  }
  h.length = n;
  return h;
}

function readTargets(
  issues: IssueList,
  table: BoundTable | null,
  params: PlanParameters | null,
): Map<number, number> {
  const T = "Taakstelling";
  const targets = new Map<number, number>();
  if (!table || table.rows.length === 0) {
    issues.warning(
      T,
      null,
      null,
      `Geen tabel 'Taakstelling': de taakstelling is in elk jaar 0.`,
      `No table 'Taakstelling' (targets): the target is 0 in every year.`,
    );
    return targets;
  }
  const rowOf = new Map<number, number>();
  for (const [r, row] of dataRows(table)) {
    const year = readNumber(issues, { table: T, row: r, column: "Jaar" }, cellOf(table, "year", row), {
      min: 1990,
      max: 2150,
      integer: true,
    });
    const amount = readNumber(issues, { table: T, row: r, column: "Bedrag" }, cellOf(table, "amount", row), {
      min: 0,
      max: INPUT_LIMITS.target,
      what: { nl: "bedrag", en: "amount" },
    });
    if (year === null || amount === null) continue;
    if (rowOf.has(year)) {
      issues.error(
        T,
        r,
        "Jaar",
        `Jaar ${year} staat dubbel (ook in rij ${rowOf.get(year)}).`,
        `Year ${year} is duplicated (also in row ${rowOf.get(year)}).`,
      );
      continue;
    }
    rowOf.set(year, r);
    if (params && (year < params.baseYear || year > params.endYear)) {
      issues.warning(
        T,
        r,
        "Jaar",
        `Jaar ${year} valt buiten de planperiode ${params.baseYear}-${params.endYear} en telt niet mee.`,
        `Year ${year} is outside the plan period ${params.baseYear}-${params.endYear} and is not used.`,
      );
    }
    targets.set(year, amount);
  }
  return targets;
}

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

function readScenarios(
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

/** Reads and checks all input tables. `plan` is null whenever there is at least one error. */
export function readPlan(tables: WorkbookTables, options: ReadOptions = {}): ReadResult {
  const issues = new IssueList();
  const bound: Partial<Record<TableName, BoundTable | null>> = {};
  for (const schema of TABLES) bound[schema.name] = bindTable(issues, tables, schema.name);
  warnNearMisses(issues, tables, [...Object.keys(tables), ...(options.otherNames ?? [])]);
  const params = readParameters(issues, bound.Parameters ?? null);
  const prices = readPrices(issues, bound.Prijzen ?? null);
  const formation = readFormation(issues, bound.Formatie ?? null, prices);
  const hire = readHire(issues, bound.Inhuur ?? null);
  const housing = readHousing(issues, bound.Huisvesting ?? null);
  const targets = readTargets(issues, bound.Taakstelling ?? null, params);
  const scenarios = readScenarios(issues, bound.Scenarios ?? null, params);
  if (!issues.hasErrors) warnEmptyFilters(issues, scenarios, formation);
  if (issues.hasErrors || !params) return { plan: null, issues: issues.items };
  return { plan: { formation, hire, housing, params, targets, scenarios }, issues: issues.items };
}

function warnZeroCost(issues: IssueList, cell: Cell): void {
  issues.warning(
    cell.table,
    cell.row,
    cell.column,
    `Kosten per FTE is 0: deze formatie kost niets en levert bij korten niets op.`,
    `Cost per FTE is 0: this formation costs nothing and cutting it saves nothing.`,
  );
}

/** A filter that selects no formation row cuts nothing: said, naming scenario and lever. */
function warnEmptyFilters(issues: IssueList, scenarios: Scenario[], formation: Formation): void {
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

export { IssueList, headerOf };
