/**
 * From table rows (a header row plus value rows, exactly as Excel's range.values and our ExcelJS reader
 * give them) to a typed, columnar plan: checking each table. Binding tables and columns is in bind.ts,
 * reading one cell in cells.ts. Every problem becomes an Issue with table, row, column and a Dutch and
 * English message; errors stop the run, warnings do not, and no bad row is ever used silently.
 */
import { INPUT_LIMITS, PARAMETERS, TABLES, TEXT_PARAMETERS, type TableName } from "./schema";
import { isBlank, normalizeName } from "./text";
import {
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
  isDataRow,
  warnNearMisses,
  type BoundTable,
  type TableRows,
  type WorkbookTables,
} from "./bind";
import type { Formation, Hire, Housing, Issue, Plan, PlanParameters } from "./types";

export type { TableRows, WorkbookTables };

export interface ReadResult {
  plan: Plan | null;
  issues: Issue[];
}

export interface ReadOptions {
  /** every table and sheet name of the workbook, to warn about names that nearly match an expected table */
  otherNames?: readonly string[];
}

import { readScenarios, warnEmptyFilters } from "./input-scenarios";

export {
  BASELINE_ALIASES,
  BASELINE_NAME,
  FILTERABLE_LEVERS,
  leverKindOf,
  readLeverValue,
} from "./input-scenarios";

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
      // Text parameters (Gekozen scenario) are read by their own module (src/model/monitor.ts).
      if (
        !spec &&
        TEXT_PARAMETERS.some((p) => [p.name, p.alias].some((n) => normalizeName(n) === normalizeName(name)))
      )
        continue;
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

// What a formation row's numbers may be (made once: readFormation reads them on every row).
const SCALE_RANGE = { min: 1, max: 18, integer: true };
const FTE_RANGE = { min: 0, max: INPUT_LIMITS.ftePerRow, what: { nl: "FTE", en: "FTE" } };
const COST_RANGE = { min: 0, max: INPUT_LIMITS.costPerFte, what: { nl: "kosten", en: "cost" } };

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
  // One place per column, its row set as the loop goes: the readers only quote it in an issue, and an object
  // per cell was 900,000 objects for 150,000 rows (a tenth of a cold check in the browser).
  const at = (column: string): Cell => ({ table: T, row: 0, column });
  const unitCell = at("Eenheid");
  const groupCell = at("Functiegroep");
  const scaleCell = at("Schaal");
  const fteCell = at("FTE");
  const costCell = at("Kosten per FTE");
  const protectedCell = at("Beschermd");
  let n = 0;
  let seen = 0;
  const { rows } = table;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!isDataRow(row)) continue;
    seen++;
    unitCell.row = groupCell.row = scaleCell.row = fteCell.row = costCell.row = protectedCell.row = r;
    const unit = readText(issues, unitCell, cellOf(table, "unit", row));
    const group = readGroup(issues, groupCell, cellOf(table, "group", row));
    const scale = readNumber(issues, scaleCell, cellOf(table, "scale", row), SCALE_RANGE);
    const fte = readNumber(issues, fteCell, cellOf(table, "fte", row), FTE_RANGE);
    let cost: number | null = null;
    const ownCost = hasCost ? cellOf(table, "costPerFte", row) : undefined;
    if (!isBlank(ownCost)) {
      cost = readNumber(issues, costCell, ownCost, COST_RANGE);
      if (cost === 0) warnZeroCost(issues, costCell);
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
    const prot = hasProtected ? readBoolean(issues, protectedCell, cellOf(table, "protected", row)) : false;
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

export { IssueList, headerOf };
// Shared with the Rijk and monitor readers (src/model/rijk, src/model/monitor.ts): one parser of tables and cells.
export { bindSchema, bindTable, dataRows, cellOf } from "./bind";
export { readNumber, readText, readBoolean } from "./cells";
export type { BindableSchema, BoundTable } from "./bind";
export type { Cell } from "./cells";
