/** Bad input: every problem is an issue with table, row, column and a Dutch and English message. */
import { readPlan, type Issue } from "../../src/model";
import { smallTables } from "./helpers";

function issuesOf(overrides: Record<string, unknown[][] | undefined>): Issue[] {
  const tables = { ...smallTables(), ...overrides };
  return readPlan(tables).issues;
}
function errorsOf(overrides: Record<string, unknown[][] | undefined>): Issue[] {
  return issuesOf(overrides).filter((i) => i.severity === "error");
}
const formation = (...rows: unknown[][]) => [
  ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"],
  ...rows,
];
const scenarios = (...rows: unknown[][]) => [
  ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
  ...rows,
];
const okRow = ["A", "Primair", 10, 5, 90000, "nee"];

test("the sample plan in helpers is clean", () => {
  const { plan, issues } = readPlan(smallTables());
  expect(issues).toEqual([]);
  expect(plan!.formation.length).toBe(3);
});

test("a missing required table stops the run; a missing optional one counts as empty", () => {
  const tables = { ...smallTables() } as Record<string, unknown>;
  delete tables.Formatie;
  delete tables.Inhuur;
  const { plan, issues } = readPlan(tables as never);
  expect(plan).toBeNull();
  expect(issues).toContainEqual(expect.objectContaining({ severity: "error", table: "Formatie", row: null }));
  expect(issues.some((i) => i.table === "Inhuur")).toBe(false);
});

test("table names and headers match case- and accent-insensitively, English aliases too", () => {
  const { plan, issues } = readPlan({
    ...smallTables(),
    Formatie: undefined,
    formatie: [
      ["unit", "GROUP", "Scale", "fte", "Cost per FTE", "Protected"],
      ["A", "Operations", 8, 3, 70000, "yes"],
    ],
    Huisvesting: [
      ["Locatie", "M²", "Kosten per m2"],
      ["X", 10, 100],
    ],
  });
  expect(issues).toEqual([]);
  expect(plan!.formation.group[0]).toBe(1);
  expect(plan!.formation.protectedRow[0]).toBe(1);
  expect(plan!.housing.m2[0]).toBe(10);
});

test("a missing required column names the table and the column", () => {
  const errors = errorsOf({
    Formatie: [
      ["Eenheid", "Functiegroep", "FTE"],
      ["A", "Primair", 3],
    ],
  });
  expect(errors).toContainEqual(expect.objectContaining({ table: "Formatie", column: "Schaal", row: null }));
  expect(errors[0].message).toMatch(/Verplichte kolom 'Schaal'/);
  expect(errors[0].messageEn).toMatch(/Required column 'Schaal'/);
});

test("text where a number belongs, with row and column", () => {
  const errors = errorsOf({ Formatie: formation(okRow, ["A", "Primair", 10, "veel", 90000, "nee"]) });
  expect(errors).toEqual([expect.objectContaining({ table: "Formatie", row: 2, column: "FTE" })]);
  expect(errors[0].message).toMatch(/Tekst 'veel'/);
});

test("a number stored as text is read, with a warning", () => {
  const { plan, issues } = readPlan({
    ...smallTables(),
    Formatie: formation(["A", "Primair", 10, "5,5", 90000, "nee"]),
  });
  expect(plan!.formation.fte[0]).toBe(5.5);
  expect(issues).toEqual([expect.objectContaining({ severity: "warning", row: 1, column: "FTE" })]);
});

test("negative FTE, amounts and m2 are errors", () => {
  expect(errorsOf({ Formatie: formation(["A", "Primair", 10, -1, 90000, "nee"]) })).toEqual([
    expect.objectContaining({
      table: "Formatie",
      row: 1,
      column: "FTE",
      message: expect.stringMatching(/Negatieve FTE/),
    }),
  ]);
  expect(
    errorsOf({
      Inhuur: [
        ["Eenheid", "Categorie", "Bedrag"],
        ["A", 1, -5],
      ],
    }),
  ).toEqual([expect.objectContaining({ table: "Inhuur", row: 1, column: "Bedrag" })]);
  expect(
    errorsOf({
      Huisvesting: [
        ["Locatie", "m2", "Kosten per m2"],
        ["X", -10, 100],
      ],
    }),
  ).toEqual([expect.objectContaining({ table: "Huisvesting", row: 1, column: "m2" })]);
});

test("a scale outside 1-18 or not whole", () => {
  const errors = errorsOf({
    Formatie: formation(
      ["A", "Primair", 19, 1, 90000, "nee"],
      ["A", "Primair", 10.5, 1, 90000, "nee"],
      ["A", "Primair", 0, 1, 90000, "nee"],
    ),
  });
  expect(errors.map((e) => [e.row, e.column])).toEqual([
    [1, "Schaal"],
    [2, "Schaal"],
    [3, "Schaal"],
  ]);
  expect(errors[1].message).toMatch(/geen geheel getal/);
});

test("an unknown function group or hire category", () => {
  expect(errorsOf({ Formatie: formation(["A", "Beleid", 10, 1, 90000, "nee"]) })).toEqual([
    expect.objectContaining({
      row: 1,
      column: "Functiegroep",
      message: expect.stringMatching(/Onbekende functiegroep 'Beleid'/),
    }),
  ]);
  const hire = errorsOf({
    Inhuur: [
      ["Eenheid", "Categorie", "Bedrag"],
      ["A", 9, 5],
      ["A", "Overige", 5],
      ["A", "Beleidsadvies", 5],
      ["A", "8", 5],
    ],
  });
  expect(hire.map((e) => e.row)).toEqual([1, 2]);
});

test("Excel error values are reported, never read as numbers", () => {
  const errors = errorsOf({
    Formatie: formation(
      ["A", "Primair", 10, "#N/A", 90000, "nee"],
      ["A", "Primair", 10, 3, "#DIV/0!", "nee"],
    ),
  });
  expect(errors.map((e) => [e.row, e.column])).toEqual([
    [1, "FTE"],
    [2, "Kosten per FTE"],
  ]);
  expect(errors[0].message).toMatch(/#N\/A/);
});

test("empty rows are skipped but keep row numbering", () => {
  const { plan, issues } = readPlan({
    ...smallTables(),
    Formatie: formation(
      okRow,
      ["", "", "", "", "", ""],
      [null, null, null, null, null, null],
      ["B", "Primair", 10, "x", 1, "nee"],
    ),
  });
  expect(plan).toBeNull();
  expect(issues).toEqual([expect.objectContaining({ row: 4, column: "FTE" })]);
});

test("a duplicate parameter, a missing base year, end year not after base year", () => {
  const dup = errorsOf({
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["eindjaar", 2031],
    ],
  });
  expect(dup).toEqual([
    expect.objectContaining({
      table: "Parameters",
      row: 3,
      column: "Parameter",
      message: expect.stringMatching(/dubbel/),
    }),
  ]);
  const missing = errorsOf({
    Parameters: [
      ["Parameter", "Waarde"],
      ["Eindjaar", 2030],
    ],
  });
  expect(missing).toEqual([
    expect.objectContaining({ table: "Parameters", message: expect.stringMatching(/Basisjaar/) }),
  ]);
  const order = errorsOf({
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2026],
    ],
  });
  expect(order).toEqual([
    expect.objectContaining({ row: 2, column: "Waarde", message: expect.stringMatching(/na het basisjaar/) }),
  ]);
});

test("a norm out of range and an unknown parameter", () => {
  const issues = issuesOf({
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["Roemernorm", 10],
      ["Onzin", 3],
    ],
  });
  expect(issues).toEqual([
    expect.objectContaining({ severity: "error", row: 3, column: "Waarde" }),
    expect.objectContaining({ severity: "warning", row: 4, column: "Parameter" }),
  ]);
});

test("an unknown lever, and levers in English", () => {
  const errors = errorsOf({
    Scenarios: scenarios(
      ["S", "Snijden", 0.1],
      ["T", "CheeseSlicer", 0.1],
      ["U", "TargetedCut", 0.1, "schaal > 10"],
    ),
  });
  expect(errors).toEqual([
    expect.objectContaining({
      table: "Scenarios",
      row: 1,
      column: "Hefboom",
      message: expect.stringMatching(/Onbekende hefboom 'Snijden'/),
    }),
  ]);
});

test("lever values are checked: fraction, auto, required", () => {
  const errors = errorsOf({
    Scenarios: scenarios(
      ["S", "Kaasschaaf", 1.5],
      ["S", "Kaasschaaf", "bijna"],
      ["S", "Gerichte korting", null],
      ["S", "Kaasschaaf", "AUTO"],
    ),
  });
  expect(errors.map((e) => [e.row, e.column])).toEqual([
    [1, "Waarde"],
    [2, "Waarde"],
    [3, "Waarde"],
  ]);
});

test("a filter that does not parse or names an unknown field", () => {
  const errors = errorsOf({
    Scenarios: scenarios(
      ["S", "Gerichte korting", 0.1, "schaal >"],
      ["S", "Gerichte korting", 0.1, "salaris > 3"],
      ["S", "Kaasschaaf", 0.1, "schaal > 3"],
    ),
  });
  expect(errors.map((e) => [e.row, e.column])).toEqual([
    [1, "Filter"],
    [2, "Filter"],
    [3, "Filter"],
  ]);
  expect(errors[1].message).toMatch(/Onbekend veld 'salaris'/);
  expect(errors[2].message).toMatch(/werkt niet met een filter/);
});

test("no price for a scale that a row needs", () => {
  const errors = errorsOf({
    Formatie: formation(["A", "Primair", 11, 2, null, "nee"], ["A", "Primair", 10, 2, null, "nee"]),
    Prijzen: [
      ["Schaal", "Kosten per FTE"],
      [10, 88000],
    ],
  });
  expect(errors).toEqual([
    expect.objectContaining({
      table: "Formatie",
      row: 1,
      column: "Kosten per FTE",
      message: expect.stringMatching(/schaal 11/),
    }),
  ]);
});

test("the price table fills in rows without their own cost", () => {
  const { plan } = readPlan({
    ...smallTables(),
    Formatie: formation(["A", "Primair", 10, 2, null, "nee"]),
    Prijzen: [
      ["Schaal", "Kosten per FTE"],
      [10, 88000],
    ],
  });
  expect(plan!.formation.costPerFte[0]).toBe(88000);
});

test("the housing norm needs m2 per workplace; a hiring freeze without attrition warns", () => {
  const issues = issuesOf({
    Scenarios: scenarios(["S", "Huisvestingsnorm", 0.7], ["T", "Vacaturestop", 0.5]),
  });
  expect(issues).toEqual([
    expect.objectContaining({
      severity: "error",
      row: 1,
      column: "Hefboom",
      message: expect.stringMatching(/m2 per werkplek/),
    }),
    expect.objectContaining({ severity: "warning", row: 2 }),
  ]);
});

test("the baseline name is reserved; insourcing only with the Roemernorm", () => {
  const errors = errorsOf({
    Scenarios: scenarios(["Basis", "Kaasschaaf", 0.1], ["S", "Kaasschaaf", 0.1, null, 0.5]),
  });
  expect(errors.map((e) => [e.row, e.column])).toEqual([
    [1, "Scenario"],
    [2, "Inbesteden"],
  ]);
});

test("every issue carries both languages", () => {
  const issues = issuesOf({ Formatie: formation(["A", "X", 30, -1, "#REF!", "misschien"]) });
  expect(issues.length).toBeGreaterThanOrEqual(4);
  for (const i of issues) {
    expect(i.message.length).toBeGreaterThan(5);
    expect(i.messageEn.length).toBeGreaterThan(5);
    expect(i.message).not.toBe(i.messageEn);
  }
});
