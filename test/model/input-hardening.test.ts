/** Input that used to give silently wrong numbers or unclear messages (issue 11), one test per class. */
import { readPlan, type Issue } from "../../src/model";
import { CellMarker, numberFromText } from "../../src/model/cells";
import { nearMiss } from "../../src/model/bind";
import { smallTables } from "./helpers";

const FORMATIE = ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"];
const SCEN = ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"];

function issuesOf(overrides: Record<string, unknown[][] | undefined>, otherNames: string[] = []): Issue[] {
  return readPlan(smallTables(overrides as never), { otherNames }).issues;
}
const errors = (list: Issue[]) => list.filter((i) => i.severity === "error");
const warnings = (list: Issue[]) => list.filter((i) => i.severity === "warning");
function formation(...rows: unknown[][]): Record<string, unknown[][]> {
  return { Formatie: [FORMATIE, ...rows] };
}

describe("thousands separators in text are read correctly or refused, never 85", () => {
  test.each([
    ["85.000", "ambiguous"],
    ["85,000", "ambiguous"],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["0,125", 0.125],
    ["0.06", 0.06],
    ["6%", 0.06],
    ["12", 12],
    ["85.00", 85],
    ["1.2.3", null],
    ["12,34,56", null],
  ])("%s", (text, expected) => {
    expect(numberFromText(text)).toBe(expected);
  });

  test("an ambiguous FTE is an error naming the cell", () => {
    const list = issuesOf(formation(["A", "Primair", 10, "85.000", 100000, "nee"]));
    expect(errors(list)).toEqual([
      expect.objectContaining({
        table: "Formatie",
        row: 1,
        column: "FTE",
        message: expect.stringMatching(/dubbelzinnig/),
      }),
    ]);
    const plan = readPlan(
      smallTables(formation(["A", "Primair", 10, "85.000,5", 100000, "nee"]) as never),
    ).plan!;
    expect(plan.formation.fte[0]).toBe(85000.5);
  });
});

test("a date in a number column is an error; in a text column a warning", () => {
  const list = issuesOf(
    formation([new CellMarker("date", 46023), "Primair", 10, new CellMarker("date", 46023), 100000, "nee"]),
  );
  expect(errors(list)).toEqual([
    expect.objectContaining({ row: 1, column: "FTE", message: expect.stringMatching(/datum/) }),
  ]);
  expect(warnings(list)).toContainEqual(
    expect.objectContaining({ row: 1, column: "Eenheid", message: expect.stringMatching(/datum/) }),
  );
});

test("a formula without a stored result is an error naming the cell, in every kind of column", () => {
  const f = new CellMarker("formula", "B2*2");
  const list = issuesOf({
    ...formation(["A", "Primair", 10, 5, f, "nee"]),
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["Indexatie", f],
    ],
    Scenarios: [SCEN, ["S", "Gerichte korting", 0.1, f, null, null]],
  });
  const where = errors(list).map((i) => `${i.table}/${i.row}/${i.column}`);
  expect(where).toEqual(["Parameters/3/Waarde", "Formatie/1/Kosten per FTE", "Scenarios/1/Filter"]);
  for (const i of errors(list))
    expect(i.message).toMatch(/Formule zonder berekende waarde: open en sla op in Excel/);
});

test("the covered cells of a merged range count as empty, with a warning", () => {
  const m = new CellMarker("merged");
  const list = issuesOf(
    formation(["A", "Primair", 10, 5, 100000, "nee"], ["A", "Primair", 10, m, 100000, "nee"]),
  );
  expect(warnings(list)).toContainEqual(
    expect.objectContaining({ table: "Formatie", message: expect.stringMatching(/Samengevoegde cellen/) }),
  );
  expect(errors(list)).toEqual([
    expect.objectContaining({ row: 2, column: "FTE", message: "Verplichte waarde ontbreekt." }),
  ]);
});

test("duplicate columns and two tables matching one name: errors naming both", () => {
  const dup = issuesOf({
    Formatie: [
      ["Eenheid", "Unit", "Functiegroep", "Schaal", "FTE"],
      ["A", "B", "Primair", 10, 5],
    ],
  });
  expect(errors(dup)[0].message).toMatch(/'Eenheid' \(kolom A\) en 'Unit' \(kolom B\)/);
  const twoFte = issuesOf({
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "FTE"],
      ["A", "Primair", 10, 5, 6],
    ],
  });
  expect(errors(twoFte)[0].message).toMatch(/Kolom 'FTE' staat meer dan eens/);
  const t = smallTables();
  const two = readPlan({ ...t, Formatie_: t.Formatie }).issues;
  expect(errors(two)[0].message).toMatch(
    /Twee tabellen passen bij de naam 'Formatie': 'Formatie' en 'Formatie_'/,
  );
});

test("implausibly large values are input errors, so no output can overflow", () => {
  const list = issuesOf({
    ...formation(["A", "Primair", 10, 1e308, 1e308, "nee"]),
    Inhuur: [
      ["Eenheid", "Categorie", "Bedrag"],
      ["A", 1, 1e300],
    ],
    Huisvesting: [
      ["Locatie", "m2", "Kosten per m2"],
      ["X", 1e300, 1e300],
    ],
    Taakstelling: [
      ["Jaar", "Bedrag"],
      [2030, 1e300],
    ],
  });
  expect(
    errors(list)
      .map((i) => `${i.table}/${i.column}`)
      .sort(),
  ).toEqual(
    [
      "Formatie/FTE",
      "Formatie/Kosten per FTE",
      "Huisvesting/Kosten per m2",
      "Huisvesting/m2",
      "Inhuur/Bedrag",
      "Taakstelling/Bedrag",
    ].sort(),
  );
  expect(errors(list)[0].message).toMatch(/buiten het toegestane bereik/);
});

test("near-miss table and sheet names are warned about; a missing Taakstelling is said", () => {
  expect(nearMiss("Inhuur 2026")).toBe("Inhuur");
  expect(nearMiss("Taakstellingen")).toBe("Taakstelling");
  expect(nearMiss("Scenario's")).toBe("Scenarios");
  expect(nearMiss("Vergelijking")).toBeUndefined();
  expect(nearMiss("Formatie")).toBeUndefined();
  const list = issuesOf({ Inhuur: undefined, Taakstelling: undefined }, [
    "Inhuur 2026",
    "Taakstellingen",
    "Toelichting",
  ]);
  const texts = warnings(list).map((i) => i.message);
  expect(texts).toContain(
    "Tabel of blad 'Inhuur 2026' wordt niet gelezen: bedoelde u Inhuur? Noem de tabel precies 'Inhuur'.",
  );
  expect(texts.some((t) => /bedoelde u Taakstelling\?/.test(t))).toBe(true);
  expect(texts).toContain("Geen tabel 'Taakstelling': de taakstelling is in elk jaar 0.");
  expect(errors(list)).toEqual([]);
});

test("a numeric filter is an error; a filter that selects no row is a warning naming scenario and lever", () => {
  const numeric = issuesOf({ Scenarios: [SCEN, ["S", "Gerichte korting", 0.1, "5", null, null]] });
  expect(errors(numeric)).toEqual([
    expect.objectContaining({
      table: "Scenarios",
      row: 1,
      column: "Filter",
      message: expect.stringMatching(/ja of nee/),
    }),
  ]);
  const none = issuesOf({
    Scenarios: [SCEN, ["Wonen", "Gerichte korting", 0.1, 'eenheid == "Wonen"', null, null]],
  });
  expect(errors(none)).toEqual([]);
  expect(warnings(none)).toContainEqual(
    expect.objectContaining({
      table: "Scenarios",
      row: 1,
      column: "Filter",
      message:
        "Scenario 'Wonen', hefboom Gerichte korting: het filter 'eenheid == \"Wonen\"' selecteert geen enkele formatierij; deze hefboom doet niets.",
    }),
  );
});

test("an empty required number says 'Verplichte waarde ontbreekt'; long values are quoted short", () => {
  const list = issuesOf(
    formation(["A", "Primair", "", 5, 100000, "nee"], ["A", "Primair", 10, "x".repeat(5000), 100000, "nee"]),
  );
  expect(errors(list)[0]).toEqual(
    expect.objectContaining({ row: 1, column: "Schaal", message: "Verplichte waarde ontbreekt." }),
  );
  expect(errors(list)[1].message.length).toBeLessThan(120);
});

test("implausible but valid values are warned about", () => {
  const list = issuesOf({
    ...formation(["A", "Primair", 10, 5, 0, "nee"], [true, "Primair", 10, 5, 100000, "nee"]),
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["Indexatie", 0.5],
      ["Natuurlijk verloop", 0.6],
    ],
    Scenarios: [SCEN, ["S", "Gerichte korting", 0.1, null, null, 1.5]],
  });
  expect(errors(list)).toEqual([]);
  const texts = warnings(list).map((i) => `${i.table}/${i.column}: ${i.message}`);
  expect(texts).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Parameters\/Waarde: Indexatie 0.5 is meer dan 20%/),
      expect.stringMatching(/^Parameters\/Waarde: Natuurlijk verloop 0.6 is meer dan 20%/),
      expect.stringMatching(/^Formatie\/Kosten per FTE: Kosten per FTE is 0/),
      expect.stringMatching(/^Formatie\/Eenheid: De waarde WAAR waar tekst hoort/),
      expect.stringMatching(/^Scenarios\/Volgorde: Volgorde 1.5 is geen geheel getal/),
    ]),
  );
});

test("a cell marker that crossed the planner worker (structured clone, no class) is still a marker", () => {
  const cloned = structuredClone(new CellMarker("date", 46113)) as unknown;
  expect(cloned instanceof CellMarker).toBe(true);
  expect({ kind: "date" } instanceof CellMarker).toBe(false);
  expect(("date" as unknown) instanceof CellMarker).toBe(false);
});
