/**
 * The scenario sheet's per-unit figures per year (issue 14, part 4): one plain block per measure, units down
 * and years across (years as numbers), so a reviewer reads a unit's trajectory along its row.
 */
import { EURO_FORMAT, FTE_FORMAT } from "./schema";
import type { Grid } from "./report";
import type { ScenarioResult, UnitYears } from "./types";

export const UNIT_YEAR_BLOCKS: [title: string, key: keyof UnitYears, format: string][] = [
  ["Per eenheid per jaar: FTE", "fte", FTE_FORMAT],
  ["Per eenheid per jaar: FTE primair", "ftePrimary", FTE_FORMAT],
  ["Per eenheid per jaar: FTE overhead", "fteOverhead", FTE_FORMAT],
  ["Per eenheid per jaar: personeelskosten", "personnelCost", EURO_FORMAT],
  ["Per eenheid per jaar: externe inhuur", "externalSpend", EURO_FORMAT],
  ["Per eenheid per jaar: gedwongen uitstroom (FTE)", "forcedExits", FTE_FORMAT],
];

export function appendUnitYears(grid: Grid, scenario: ScenarioResult): void {
  const years = scenario.years.map((y) => y.year);
  for (const [title, key, format] of UNIT_YEAR_BLOCKS) {
    grid.addRow([]);
    const t = grid.addRow([title]);
    grid.format({ row: t, col: 0, rows: 1, cols: 1, bold: true });
    const area = grid.table(
      // Years as numbers in the header (Grid.table types headers as text; any cell value is written).
      ["Eenheid", ...(years as unknown as string[])],
      scenario.units.map((u) => [u.unit, ...u.perYear[key]]),
      [undefined, ...years.map(() => format)],
    );
    grid.format({ row: area.row, col: 1, rows: 1, cols: years.length, numberFormat: "0" });
  }
}
