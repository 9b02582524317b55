/**
 * Per unit and per year (issue 14, part 4): FTE, primary and overhead FTE, cost, hire and forced exits of each
 * unit in each plan year, on a plan small enough to work out by hand.
 */
import { readPlan, runPlan } from "../../src/model";
import { scenarioSheet } from "../../src/model/report";

/**
 * Units A (10 primary FTE at 50,000, 5 operations FTE at 40,000; hire 100,000) and B (20 primary FTE at
 * 60,000); unit C has hire only (50,000). 2026-2028, indexation 2%, attrition 5% a year.
 */
const tables = {
  Formatie: [
    ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"],
    ["A", "Primair", 10, 10, 50000, "nee"],
    ["A", "Bedrijfsvoering", 8, 5, 40000, "nee"],
    ["B", "Primair", 11, 20, 60000, "nee"],
  ],
  Inhuur: [
    ["Eenheid", "Categorie", "Bedrag"],
    ["A", 6, 100_000],
    ["C", 6, 50_000],
  ],
  Parameters: [
    ["Parameter", "Waarde"],
    ["Basisjaar", 2026],
    ["Eindjaar", 2028],
    ["Indexatie", 0.02],
    ["Natuurlijk verloop", 0.05],
  ],
  Taakstelling: [
    ["Jaar", "Bedrag"],
    [2028, 0],
  ],
  Scenarios: [
    ["Scenario", "Hefboom", "Waarde", "Filter"],
    ["Kaasschaaf 20%", "Kaasschaaf", 0.2, ""],
    ["B gehalveerd", "Gerichte korting", 0.5, 'eenheid == "B"'],
  ],
};

const close = (actual: number[], expected: number[]) =>
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 6));

function run() {
  const { plan, issues } = readPlan(tables);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return runPlan(plan!);
}

test("cheese-slicer 20%: every unit 1, 0.9, 0.8 of its base (phase-in 0, 1/2, 1), amounts indexed 1, 1.02, 1.0404", () => {
  const s = run().scenarios[1];
  expect(s.units.map((u) => u.unit)).toEqual(["A", "B", "C"]);
  const [a, b, c] = s.units;
  close(a.perYear.fte, [15, 13.5, 12]);
  close(a.perYear.ftePrimary, [10, 9, 8]);
  close(a.perYear.fteOverhead, [5, 4.5, 4]);
  // 10 x 50,000 + 5 x 40,000 = 700,000 at base prices: 700,000; 630,000 x 1.02; 560,000 x 1.0404
  close(a.perYear.personnelCost, [700_000, 642_600, 582_624]);
  close(a.perYear.externalSpend, [100_000, 91_800, 83_232]);
  close(b.perYear.fte, [20, 18, 16]);
  close(b.perYear.personnelCost, [1_200_000, 1_101_600, 998_784]);
  // C: hire only
  close(c.perYear.fte, [0, 0, 0]);
  close(c.perYear.externalSpend, [50_000, 45_900, 41_616]);
  // forced exits: F(y) = 1 - curve - attrition = 1 - 0.9 - 0.05 = 0.05, then 1 - 0.8 - 0.0975 = 0.1025
  close(a.perYear.forcedExits, [0, 0.75, 0.7875]);
  close(b.perYear.forcedExits, [0, 1, 1.05]);
  expect(a.forcedExits).toBeCloseTo(1.5375, 9);
  // the units add up to the scenario's yearly totals
  s.years.forEach((y, i) => {
    expect(s.units.reduce((t, u) => t + u.perYear.fte[i], 0)).toBeCloseTo(y.fte, 6);
    expect(s.units.reduce((t, u) => t + u.perYear.personnelCost[i], 0)).toBeCloseTo(y.personnelCost, 4);
    expect(s.units.reduce((t, u) => t + u.perYear.externalSpend[i], 0)).toBeCloseTo(y.externalSpend, 4);
    expect(s.units.reduce((t, u) => t + u.perYear.forcedExits[i], 0)).toBeCloseTo(y.forcedExits, 6);
  });
});

test("a targeted cut on B: B 20, 15, 10 FTE with 4 and 4.05 forced exits; A untouched", () => {
  const s = run().scenarios[2];
  const [a, b] = s.units;
  close(a.perYear.fte, [15, 15, 15]);
  close(a.perYear.forcedExits, [0, 0, 0]);
  close(b.perYear.fte, [20, 15, 10]);
  close(b.perYear.ftePrimary, [20, 15, 10]);
  // 1 - 0.75 - 0.05 = 0.2; 1 - 0.5 - 0.0975 = 0.4025: 0.2 and 0.2025 more, x 20 FTE
  close(b.perYear.forcedExits, [0, 4, 4.05]);
  close(b.perYear.personnelCost, [1_200_000, 918_000, 624_240]);
});

test("the scenario sheet shows each unit per year, years as numbers", () => {
  const s = run().scenarios[2];
  const sheet = scenarioSheet(s, "Sc B");
  const at = sheet.cells.findIndex((r) => r[0] === "Per eenheid per jaar: FTE");
  expect(at).toBeGreaterThan(0);
  expect(sheet.cells[at + 1].slice(0, 4)).toEqual(["Eenheid", 2026, 2027, 2028]);
  const row = sheet.cells.slice(at + 2).find((r) => r[0] === "B")!;
  expect(row.slice(1, 4).map((v) => Math.round((v as number) * 1000) / 1000)).toEqual([20, 15, 10]);
  for (const title of [
    "Per eenheid per jaar: FTE primair",
    "Per eenheid per jaar: FTE overhead",
    "Per eenheid per jaar: personeelskosten",
    "Per eenheid per jaar: externe inhuur",
    "Per eenheid per jaar: gedwongen uitstroom (FTE)",
  ])
    expect(sheet.cells.some((r) => r[0] === title)).toBe(true);
});
