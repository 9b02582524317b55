/** Consolidating departments (MODEL.md v2): sums, ratios from sums, common years, departments left out. */
import { consolidateRijk, type DepartmentSource } from "../../src/model/rijk/consolidation";
import type { WorkbookTables } from "../../src/model";
import { smallTables } from "../model/helpers";

const FORMATION_HEADER = ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"];
const PARAMS = (end = 2028, extra: unknown[][] = []) => [
  ["Parameter", "Waarde"],
  ["Basisjaar", 2026],
  ["Eindjaar", end],
  ...extra,
];

/**
 * Department A: 100 FTE, 50 overhead (50%), personnel 8 M, hire 2 M (Roemer 20%).
 * Department B: 300 FTE, 60 overhead (20%), personnel 18 M, hire 0.5 M (Roemer 2.7%).
 * Rijk: overhead 110 / 400 = 27.5% (the average of the ratios would be 35%); Roemer 2.5 / 28.5 = 8.77%
 * (average 11.35%).
 */
const A: WorkbookTables = smallTables({
  Formatie: [
    FORMATION_HEADER,
    ["X", "Primair", 10, 50, 80_000, "nee"],
    ["X", "Bedrijfsvoering", 8, 50, 80_000, "nee"],
  ],
  Inhuur: [
    ["Eenheid", "Categorie", "Bedrag"],
    ["X", 6, 2_000_000],
  ],
  Huisvesting: [
    ["Locatie", "m2", "Kosten per m2"],
    ["Den Haag", 1000, 200],
  ],
  Parameters: PARAMS(2028, [["Gekozen scenario", "Basis"]]),
  Taakstelling: [["Jaar", "Bedrag"]],
});
const B: WorkbookTables = smallTables({
  Formatie: [
    FORMATION_HEADER,
    ["Y", "Primair", 10, 240, 60_000, "nee"],
    ["Y", "Lijnmanagement", 12, 60, 60_000, "nee"],
  ],
  Inhuur: [
    ["Eenheid", "Categorie", "Bedrag"],
    ["Y", 8, 500_000],
  ],
  Huisvesting: [
    ["Locatie", "m2", "Kosten per m2"],
    ["Utrecht", 3000, 100],
  ],
  Parameters: PARAMS(2029),
  Taakstelling: [
    ["Jaar", "Bedrag"],
    [2028, 123],
  ],
  Scenarios: [
    ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
    ["Snijden", "Kaasschaaf", 0.1, null, null, null],
  ],
});
const BROKEN: WorkbookTables = smallTables({
  Formatie: [FORMATION_HEADER, ["Z", "Primair", 10, "veel", 80_000, "nee"]],
});

const rijkTables = (rows: unknown[][]): WorkbookTables => ({
  Departementen: [
    ["Departement", "Apparaatsuitgaven", "Vrijgesteld", "Gewicht", "Werkmap", "Scenario"],
    ...rows,
  ],
  Rijkstaakstelling: [
    ["Jaar", "Bedrag"],
    [2027, 1000],
    [2028, 3001],
  ],
});

const loader =
  (files: Record<string, WorkbookTables>) =>
  async (d: { workbook: string | null }): Promise<DepartmentSource> =>
    files[d.workbook!]
      ? { file: d.workbook, tables: files[d.workbook!], readAt: new Date(0) }
      : { file: d.workbook, tables: null, loadError: { nl: "niet gevonden", en: "not found" } };

test("ratios from sums, never averaged; sums of amounts; common years with a warning", async () => {
  const result = await consolidateRijk(
    rijkTables([
      ["A", 1000, null, null, "a.xlsx", null],
      ["B", 2000, null, null, "b.xlsx", "Snijden"],
    ]),
    loader({ "a.xlsx": A, "b.xlsx": B }),
  );
  expect(result.ok).toBe(true);
  expect(result.rijk.complete).toBe(true);
  // A plans 2026-2028, B 2026-2029: 2029 is dropped, with a warning naming it
  expect(result.rijk.years.map((y) => y.year)).toEqual([2026, 2027, 2028]);
  expect(result.issues).toEqual([
    expect.objectContaining({ severity: "warning", message: expect.stringContaining("2029") }),
  ]);
  const base = result.rijk.years[0];
  expect(base.fte).toBe(400);
  expect(base.fteOverhead).toBe(110);
  expect(base.overheadRatio).toBeCloseTo(110 / 400, 12); // 27.5%, not (50% + 20%) / 2
  expect(base.personnelCost).toBeCloseTo(8e6 + 18e6, 4);
  expect(base.externalSpend).toBeCloseTo(2.5e6, 6);
  expect(base.roemerShare).toBeCloseTo(2.5 / 28.5, 12);
  expect(base.m2).toBe(4000);
  expect(base.housingCost).toBeCloseTo(200_000 + 300_000, 6);
  // B cuts 10% linearly over 3 years: 2028 is 2/3 of the way: B's primary 240 -> 232; A keeps 50
  const y2028 = result.rijk.years[2];
  const b2028 = result.departments[1].years.find((y) => y.year === 2028)!;
  expect(b2028.ftePrimary).toBeCloseTo(240 * (1 - 0.1 * (2 / 3)), 9);
  expect(y2028.ftePrimary).toBeCloseTo(50 + 240 * (1 - 0.1 * (2 / 3)), 9);
  expect(y2028.primaryRetained).toBeCloseTo(y2028.ftePrimary / 290, 12);
  expect(y2028.overheadRatio).toBeCloseTo(y2028.fteOverhead / y2028.fte, 12);
  // targets: A has an empty Taakstelling, so its distributed share (1/3 of the Rijk's); B its own
  expect(result.departments.map((d) => [d.name, d.scenario, d.targetSource, d.included])).toEqual([
    ["A", "Basis", "distributed", true],
    ["B", "Snijden", "own", true],
  ]);
  expect(result.distribution.filter((e) => e.year === 2028).map((e) => e.target)).toEqual([1000, 2001]);
  expect(result.departments[0].years.find((y) => y.year === 2028)!.target).toBe(1000);
  expect(b2028.target).toBe(123);
  expect(y2028.target).toBe(1123);
  expect(y2028.structuralSavings).toBeCloseTo(b2028.structuralSavings, 6);
  expect(y2028.gap).toBeCloseTo(b2028.structuralSavings - 1123, 6);
});

test("a department with input errors, and one without a workbook, are left out and named: complete false", async () => {
  const result = await consolidateRijk(
    rijkTables([
      ["A", 1000, null, null, "a.xlsx", null],
      ["Kapot", 500, null, null, "kapot.xlsx", null],
      ["Weg", 500, null, null, "weg.xlsx", null],
      ["Onbekend scenario", 500, null, null, "a.xlsx", "Bestaat niet"],
    ]),
    loader({ "a.xlsx": A, "kapot.xlsx": BROKEN }),
  );
  expect(result.ok).toBe(true);
  expect(result.rijk.complete).toBe(false);
  expect(result.rijk.leftOut).toEqual(["Kapot", "Weg", "Onbekend scenario"]);
  const [a, broken, gone, unknown] = result.departments;
  expect(a.included).toBe(true);
  expect(broken.included).toBe(false);
  expect(broken.years).toEqual([]);
  expect(broken.issues.filter((i) => i.severity === "error")).toEqual([
    expect.objectContaining({ severity: "error", table: "Formatie", row: 1, column: "FTE" }),
  ]);
  // no Gekozen scenario in that workbook: Basis, with a warning (the choice matters for the Rijk)
  expect(broken.issues.filter((i) => i.severity === "warning")).toEqual([
    expect.objectContaining({ table: "Parameters", message: expect.stringContaining("Gekozen scenario") }),
  ]);
  expect(gone.issues).toEqual([
    expect.objectContaining({ severity: "error", table: "Departementen", row: 3, column: "Werkmap" }),
  ]);
  expect(gone.issues[0].message).toMatch(/Weg.*niet gevonden/);
  expect(unknown.issues).toEqual([
    expect.objectContaining({ severity: "error", table: "Departementen", row: 4, column: "Scenario" }),
  ]);
  // the Rijk's totals are A's alone, and the issues say they are incomplete, naming who is missing
  expect(result.rijk.years[0].fte).toBe(100);
  expect(result.issues[0].message).toMatch(/Onvolledig: Kapot, Weg, Onbekend scenario/);
});

test("errors in the Rijk workbook stop everything: nothing consolidated, ok false", async () => {
  const result = await consolidateRijk(
    { ...rijkTables([["A", 0, null, null, "a.xlsx", null]]) },
    loader({ "a.xlsx": A }),
  );
  expect(result.ok).toBe(false);
  expect(result.departments).toEqual([]);
  expect(result.issues).toEqual([
    expect.objectContaining({ severity: "error", table: "Rijkstaakstelling", row: 1 }),
    expect.objectContaining({ severity: "error", table: "Rijkstaakstelling", row: 2 }),
  ]);
});
