import type { WorkbookTables } from "../../src/model";
import type { LpModel } from "../../src/model/solver";

/** A small plan in table form, editable per test. */
export function smallTables(overrides: Partial<Record<string, unknown[][]>> = {}): WorkbookTables {
  return {
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"],
      ["A", "Primair", 10, 60, 100000, "nee"],
      ["A", "Bedrijfsvoering", 8, 30, 80000, "nee"],
      ["B", "Lijnmanagement", 13, 10, 120000, "nee"],
    ],
    Inhuur: [
      ["Eenheid", "Categorie", "Bedrag"],
      ["A", 6, 1_000_000],
      ["B", "Uitzendkrachten", 500_000],
    ],
    Huisvesting: [
      ["Locatie", "m2", "Kosten per m2"],
      ["Den Haag", 2000, 300],
    ],
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
    ],
    Taakstelling: [
      ["Jaar", "Bedrag"],
      [2030, 1_000_000],
    ],
    Scenarios: [["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"]],
    ...overrides,
  };
}

/** The smallest LP for the solver's tests: minimise x over lower <= x <= upper, and x >= atLeast when given. */
export function oneVariableLp(lower: number, upper: number, atLeast?: number): LpModel {
  const rows = atLeast === undefined ? 0 : 1;
  return {
    numCols: 1,
    numRows: rows,
    colCost: Float64Array.of(1),
    colLower: Float64Array.of(lower),
    colUpper: Float64Array.of(upper),
    rowLower: Float64Array.from(rows ? [atLeast!] : []),
    rowUpper: Float64Array.from(rows ? [Infinity] : []),
    matrix: {
      format: "csr",
      numRows: rows,
      numCols: 1,
      starts: Int32Array.from(rows ? [0, 1] : [0]),
      indices: Int32Array.from(rows ? [0] : []),
      values: Float64Array.from(rows ? [1] : []),
    },
  };
}
