/**
 * The Rijk workbook's tables (MODEL.md v2): `Departementen` and `Rijkstaakstelling`, read with the same
 * binding and cell readers as a department's tables (src/model/input.ts).
 */
import {
  bindSchema,
  cellOf,
  dataRows,
  IssueList,
  readBoolean,
  readNumber,
  readText,
  type BindableSchema,
  type WorkbookTables,
} from "../input";
import { EURO_FORMAT, type ColumnSchema } from "../schema";
import { isBlank, normalizeName } from "../text";
import type { Issue } from "../types";

export const DEPARTMENTS_TABLE = "Departementen";
export const RIJK_TARGET_TABLE = "Rijkstaakstelling";
/** Every table a Rijk workbook may hold, for the .xlsx and Excel readers. */
export const RIJK_TABLE_NAMES = [DEPARTMENTS_TABLE, RIJK_TARGET_TABLE] as const;

const col = (
  key: string,
  header: string,
  alias: string,
  required: boolean,
  kind: ColumnSchema["kind"],
  extra: Partial<ColumnSchema> = {},
): ColumnSchema => ({ key, header, alias, required, kind, ...extra });

export type RijkTableSchema = BindableSchema & { descriptionNl: string; descriptionEn: string };

export const DEPARTMENTS_SCHEMA: RijkTableSchema = {
  name: DEPARTMENTS_TABLE,
  required: true,
  descriptionNl: "Departementen met apparaatsuitgaven, vrijstelling, gewicht en werkmap",
  descriptionEn: "Departments with operating expenditure, exemption, weight and workbook",
  columns: [
    col("name", "Departement", "Department", true, "text"),
    col("expenditure", "Apparaatsuitgaven", "Operating expenditure", true, "number", {
      numberFormat: EURO_FORMAT,
    }),
    col("exempt", "Vrijgesteld", "Exempt", false, "boolean", { list: ["ja", "nee"] }),
    col("weight", "Gewicht", "Weight", false, "number", { numberFormat: "0.00" }),
    col("workbook", "Werkmap", "Workbook", false, "text"),
    col("scenario", "Scenario", "Scenario", false, "text"),
  ],
};

export const RIJK_TARGET_SCHEMA: RijkTableSchema = {
  name: RIJK_TARGET_TABLE,
  required: true,
  descriptionNl: "Rijksbrede taakstelling per jaar",
  descriptionEn: "Rijk-wide target per year",
  columns: [
    col("year", "Jaar", "Year", true, "integer", { numberFormat: "0" }),
    col("amount", "Bedrag", "Amount", true, "number", { numberFormat: EURO_FORMAT }),
  ],
};

export interface Department {
  name: string;
  expenditure: number;
  exempt: boolean;
  weight: number;
  /** path relative to the Rijk workbook, null when not given */
  workbook: string | null;
  /** overrides the workbook's Gekozen scenario */
  scenario: string | null;
  /** 1-based data row in Departementen */
  row: number;
}

export interface RijkTarget {
  year: number;
  amount: number;
  row: number;
}

export interface RijkInput {
  departments: Department[];
  targets: RijkTarget[];
  issues: Issue[];
  /** false when there is at least one error */
  ok: boolean;
}

function optionalText(
  table: NonNullable<ReturnType<typeof bindSchema>>,
  key: string,
  row: readonly unknown[],
) {
  const raw = cellOf(table, key, row);
  return isBlank(raw) ? null : String(raw).trim();
}

export function readRijk(tables: WorkbookTables): RijkInput {
  const issues = new IssueList();
  const departments: Department[] = [];
  const targets: RijkTarget[] = [];
  const deps = bindSchema(issues, tables, DEPARTMENTS_SCHEMA);
  const D = DEPARTMENTS_TABLE;
  if (deps) {
    const seen = new Map<string, number>();
    for (const [r, row] of dataRows(deps)) {
      const name = readText(issues, { table: D, row: r, column: "Departement" }, cellOf(deps, "name", row));
      const expenditure = readNumber(
        issues,
        { table: D, row: r, column: "Apparaatsuitgaven" },
        cellOf(deps, "expenditure", row),
        { min: 0, what: { nl: "apparaatsuitgaven", en: "operating expenditure" } },
      );
      const exempt = readBoolean(
        issues,
        { table: D, row: r, column: "Vrijgesteld" },
        cellOf(deps, "exempt", row),
      );
      const weightRaw = cellOf(deps, "weight", row);
      let weight: number | null = 1;
      if (!isBlank(weightRaw)) {
        weight = readNumber(issues, { table: D, row: r, column: "Gewicht" }, weightRaw, {});
        if (weight !== null && !(weight > 0)) {
          issues.error(
            D,
            r,
            "Gewicht",
            `Gewicht moet groter dan 0 zijn (${weight}).`,
            `Weight must be above 0 (${weight}).`,
          );
          weight = null;
        }
      }
      if (name !== null) {
        const key = normalizeName(name);
        if (seen.has(key)) {
          issues.error(
            D,
            r,
            "Departement",
            `Departement '${name}' staat dubbel (ook in rij ${seen.get(key)}).`,
            `Department '${name}' is duplicated (also in row ${seen.get(key)}).`,
          );
          continue;
        }
        seen.set(key, r);
      }
      if (name === null || expenditure === null || exempt === null || weight === null) continue;
      departments.push({
        name,
        expenditure,
        exempt,
        weight,
        workbook: optionalText(deps, "workbook", row),
        scenario: optionalText(deps, "scenario", row),
        row: r,
      });
    }
    if (seen.size === 0)
      issues.error(
        D,
        null,
        null,
        `Tabel 'Departementen' bevat geen rijen.`,
        `Table 'Departementen' has no rows.`,
      );
  }
  const tt = bindSchema(issues, tables, RIJK_TARGET_SCHEMA);
  const T = RIJK_TARGET_TABLE;
  if (tt) {
    const seen = new Map<number, number>();
    for (const [r, row] of dataRows(tt)) {
      const year = readNumber(issues, { table: T, row: r, column: "Jaar" }, cellOf(tt, "year", row), {
        min: 1990,
        max: 2150,
        integer: true,
      });
      const amount = readNumber(issues, { table: T, row: r, column: "Bedrag" }, cellOf(tt, "amount", row), {
        min: 0,
        what: { nl: "bedrag", en: "amount" },
      });
      if (year === null || amount === null) continue;
      if (seen.has(year)) {
        issues.error(
          T,
          r,
          "Jaar",
          `Jaar ${year} staat dubbel (ook in rij ${seen.get(year)}).`,
          `Year ${year} is duplicated (also in row ${seen.get(year)}).`,
        );
        continue;
      }
      seen.set(year, r);
      if (!Number.isInteger(amount)) {
        issues.warning(
          T,
          r,
          "Bedrag",
          `Bedrag ${amount} is geen heel aantal euro's; verdeeld wordt ${Math.round(amount)}.`,
          `Amount ${amount} is not whole euros; ${Math.round(amount)} is distributed.`,
        );
      }
      targets.push({ year, amount: Math.round(amount), row: r });
    }
    targets.sort((a, b) => a.year - b.year);
  }
  return { departments, targets, issues: issues.items, ok: !issues.hasErrors };
}
