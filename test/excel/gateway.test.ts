/** The Excel layer against a counting fake of Excel's API: round trips, request sizes, where writes land. */
import { ExcelGateway, MAX_REQUEST_BYTES } from "../../src/excel/gateway";
import { readPlan, runPlan } from "../../src/model";
import { buildReport, REPORT_MARKER } from "../../src/model/report";
import { FakeExcel, installExcelGlobals } from "./fake-excel";
import { smallTables } from "../model/helpers";

installExcelGlobals();

function workbookWith(formationRows: number): FakeExcel {
  const fake = new FakeExcel();
  const t = smallTables();
  const formation: (string | number)[][] = [t.Formatie![0] as string[]];
  for (let i = 0; i < formationRows; i++)
    formation.push([
      `Eenheid ${i % 40}`,
      ["Primair", "Bedrijfsvoering", "Lijnmanagement"][i % 3],
      4 + (i % 12),
      1 + (i % 7) / 10,
      80000,
      "nee",
    ]);
  fake.addSheet("Formatie", formation, "Formatie", [2, 1]);
  for (const name of ["Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
    fake.addSheet(name, t[name] as (string | number)[][], name);
  fake.addSheet("Mijn analyse", [["Eigen werk van de gebruiker"], [42]]);
  return fake;
}

test("reading is a bounded number of syncs, each response under 4 MB, with progress", async () => {
  const counts: number[] = [];
  for (const n of [1000, 150_000]) {
    const fake = workbookWith(n);
    const progress: [number, number][] = [];
    const read = await new ExcelGateway(fake.run).readTables({ onProgress: (d, t) => progress.push([d, t]) });
    expect(read.tables.Formatie!.length).toBe(n + 1);
    expect(read.tables.Formatie![n][0]).toBe(`Eenheid ${(n - 1) % 40}`);
    expect(read.locations.Formatie).toEqual({
      sheet: "Formatie",
      headerRow: 3,
      firstColumn: 2,
      source: "table",
    });
    expect(Math.max(...fake.responseBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const total = fake.responseBytes.reduce((a, b) => a + b, 0);
    // Names, sizes, then one sync per block of about 3 MB (plus the small first block).
    expect(fake.syncs).toBeLessThanOrEqual(4 + Math.ceil(total / (3 * 1024 * 1024)));
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
    counts.push(fake.syncs);
  }
  expect(counts[0]).toBeLessThanOrEqual(3);
  // 150,000 rows: about 10 MB of values, in a handful of round trips.
  expect(counts[1]).toBeLessThanOrEqual(9);
});

test("a sheet without a table is read when it is named after the table", async () => {
  const fake = new FakeExcel();
  fake.addSheet("Parameters", [
    ["Parameter", "Waarde"],
    ["Basisjaar", 2026],
    ["Eindjaar", 2030],
  ]);
  const read = await new ExcelGateway(fake.run).readTables();
  expect(read.tables.Parameters).toEqual([
    ["Parameter", "Waarde"],
    ["Basisjaar", 2026],
    ["Eindjaar", 2030],
  ]);
  expect(read.locations.Parameters.source).toBe("sheet");
});

test("selecting an issue selects the offending cell", async () => {
  const fake = workbookWith(10);
  const gateway = new ExcelGateway(fake.run);
  await gateway.readTables();
  await gateway.selectCell({ table: "Formatie", row: 4, column: "FTE" });
  // Table header at row index 2, column index 1; FTE is the 4th column; data row 4.
  expect(fake.selected).toEqual({ sheet: "Formatie", row: 6, col: 4 });
  expect(fake.active).toBe("Formatie");
});

test("the template adds only the missing tables on new sheets, with lists, formats and no example rows unless asked", async () => {
  const fake = new FakeExcel();
  const user = fake.addSheet("Formatie", [["Dit is mijn eigen blad"]]);
  fake.addSheet(
    "Inhuur",
    [
      ["Eenheid", "Categorie", "Bedrag"],
      ["A", 1, 5],
    ],
    "Inhuur",
  );
  const before = new Map(user.cells);
  const result = await new ExcelGateway(fake.run).insertTemplate({ examples: false });
  const created = result.created.map((c) => c.table);
  expect(created).not.toContain("Inhuur");
  // A sheet called Formatie already exists (the user's), so it counts as present and is left alone.
  expect(created).not.toContain("Formatie");
  expect(created).toEqual(["Huisvesting", "Prijzen", "Parameters", "Taakstelling", "Scenarios"]);
  expect(user.cells).toEqual(before);
  const writtenSheets = new Set(fake.writes);
  for (const s of writtenSheets) expect([...result.created.map((c) => c.sheet), "FP-lijsten"]).toContain(s);
  expect(fake.tableValues("Huisvesting")).toEqual([
    ["Locatie", "m2", "Kosten per m2"],
    ["", "", ""],
  ]);
  expect(fake.tableValues("Parameters")[1][0]).toBe("Basisjaar");
  expect(fake.tableValues("Parameters")[1][1]).toBe("");
  const scenarios = fake.sheet("Scenarios")!;
  expect(scenarios.validations.some((v) => JSON.stringify(v.rule).includes("Kaasschaaf"))).toBe(true);
  // Scales 1-18 as a drop-down list.
  expect(
    fake
      .sheet("Prijzen")!
      .validations.some((v) =>
        JSON.stringify(v.rule).includes('"source":"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18"'),
      ),
  ).toBe(true);
  expect(fake.sheet("Prijzen")!.numberFormats.get("1,1")).toMatch(/€/);
});

test("the template with examples fills the new tables; inserted on an empty workbook it reads as a valid plan", async () => {
  const fake = new FakeExcel();
  fake.addSheet("Blad1");
  const gateway = new ExcelGateway(fake.run);
  const result = await gateway.insertTemplate({ examples: true });
  expect(result.created).toHaveLength(7);
  const formation = fake.sheet("Formatie")!;
  expect(
    formation.validations.some((v) =>
      JSON.stringify(v.rule).includes("Primair,Bedrijfsvoering,Lijnmanagement"),
    ),
  ).toBe(true);
  expect(fake.sheet("Inhuur")!.validations.some((v) => JSON.stringify(v.rule).includes("FP-lijsten"))).toBe(
    true,
  );
  expect(fake.sheet("FP-lijsten")!.visibility).toBe("Hidden");
  const { plan, issues } = readPlan((await gateway.readTables()).tables);
  expect(issues).toEqual([]);
  expect(plan!.scenarios.map((s) => s.name)).toEqual(["Kaasschaaf auto", "Overhead naar 35%"]);
});

test("the English template in Excel: English headers, lists and input messages; read back it is a valid plan", async () => {
  const fake = new FakeExcel();
  fake.addSheet("Sheet1");
  const gateway = new ExcelGateway(fake.run);
  const result = await gateway.insertTemplate({ examples: true, lang: "en" });
  expect(result.created).toHaveLength(7);
  expect(fake.tableValues("Formatie")[0]).toEqual([
    "Unit",
    "Group",
    "Scale",
    "FTE",
    "Cost per FTE",
    "Protected",
  ]);
  const formation = fake.sheet("Formatie")!;
  expect(
    formation.validations.some((v) => JSON.stringify(v.rule).includes("Primary,Operations,Management")),
  ).toBe(true);
  expect(formation.validations.some((v) => JSON.stringify(v.rule).includes('"source":"yes,no"'))).toBe(true);
  expect(formation.prompts.map((p) => p.prompt.title)).toEqual(
    expect.arrayContaining(["Group", "Scale", "Protected"]),
  );
  // Every prompt lands on a range that also has a rule (set after it).
  for (const p of formation.prompts)
    expect(formation.validations.some((v) => JSON.stringify(v.address) === JSON.stringify(p.address))).toBe(
      true,
    );
  const { plan, issues } = readPlan((await gateway.readTables()).tables);
  expect(issues).toEqual([]);
  expect(plan!.scenarios.map((s) => s.name)).toEqual(["Cheese-slicer auto", "Overhead to 35%"]);
});

test("scenarios are stored in the Scenarios table in its own column order", async () => {
  const fake = new FakeExcel();
  fake.addSheet(
    "Scenarios",
    [
      ["Hefboom", "Scenario", "Waarde"],
      ["Kaasschaaf", "Oud", 0.1],
      ["Kaasschaaf", "Oud2", 0.2],
      ["Kaasschaaf", "Oud3", 0.3],
    ],
    "Scenarios",
  );
  await new ExcelGateway(fake.run).saveScenarios([
    ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
    ["Nieuw", "Roemernorm", 0.1, null, null, 1],
  ]);
  expect(fake.tableValues("Scenarios")).toEqual([
    ["Hefboom", "Scenario", "Waarde"],
    ["Roemernorm", "Nieuw", 0.1],
  ]);
  // The rows below the shrunken table are cleared.
  expect(fake.values(fake.sheet("Scenarios")!, 2, 0, 2, 3)).toEqual([
    ["", "", ""],
    ["", "", ""],
  ]);
});

test("saving refuses to empty columns it does not know", async () => {
  const fake = new FakeExcel();
  fake.addSheet(
    "Scenarios",
    [
      ["Scenario", "Hefboom", "Waarde", "Opmerking"],
      ["S", "Kaasschaaf", 0.1, "belangrijk"],
    ],
    "Scenarios",
  );
  await expect(
    new ExcelGateway(fake.run).saveScenarios([
      ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
    ]),
  ).rejects.toThrow(/Opmerking/);
  expect(fake.tableValues("Scenarios")[1][3]).toBe("belangrijk");
});

function reportFor(scenarios: number) {
  const rows = [
    ["Scenario", "Hefboom", "Waarde"],
    ...Array.from({ length: scenarios }, (_, i) => [`S${i}`, "Kaasschaaf", 0.01 * (i + 1)]),
  ];
  const { plan } = readPlan(smallTables({ Scenarios: rows }));
  return buildReport(runPlan(plan!), {
    createdAt: new Date(Date.UTC(2026, 10, 28, 12)),
    inputHash: "abc",
    version: "0.1.0",
  });
}

test("the report: values, formats, ja/nee colours, native charts, calculation suspended, few syncs", async () => {
  const fake = workbookWith(100);
  const result = await new ExcelGateway(fake.run).writeReport(reportFor(3));
  expect(result.renamed).toEqual([]);
  expect(result.sheets).toEqual([
    "Vergelijking",
    "Sc Basis",
    "Sc S0",
    "Sc S1",
    "Sc S2",
    "Definities en bronnen",
  ]);
  expect(fake.syncs).toBeLessThanOrEqual(5);
  expect(fake.calculationSuspended).toBeGreaterThan(0);
  const sheet = fake.sheet("Vergelijking")!;
  expect(sheet.cells.get("1,0")).toBe(REPORT_MARKER);
  expect(sheet.cells.get("4,0")).toBe("Scenario");
  expect(sheet.charts.map((c) => c.title)).toEqual([
    "Structurele besparing tegen taakstelling",
    "Overhead % per jaar",
    "Roemer % per jaar",
    "Primair behouden per jaar",
  ]);
  // three norm columns, then the target met in every year (issue 14)
  expect(sheet.conditional.map((c) => c.text)).toEqual(["ja", "nee", "ja", "nee", "ja", "nee", "ja", "nee"]);
  expect([...sheet.numberFormats.values()]).toContain("0.0%");
  expect(fake.active).toBe("Vergelijking");
});

test("a rerun replaces only the add-in's own sheets; a user's sheet with the same name is kept", async () => {
  const fake = workbookWith(10);
  const gateway = new ExcelGateway(fake.run);
  await gateway.writeReport(reportFor(1));
  const userSheet = fake.addSheet("Sc S1", [["Mijn eigen blad"]]);
  const before = new Map(userSheet.cells);
  const second = await gateway.writeReport(reportFor(2));
  expect(second.renamed).toEqual([{ wanted: "Sc S1", used: "Sc S1 (2)" }]);
  expect(userSheet.cells).toEqual(before);
  expect(userSheet.deleted).toBe(false);
  expect(fake.sheets.filter((s) => !s.deleted && s.name === "Vergelijking")).toHaveLength(1);
  // No write ever lands outside the add-in's own sheets.
  const own = new Set(["Vergelijking", "Sc Basis", "Sc S0", "Sc S1 (2)", "Definities en bronnen"]);
  for (const s of fake.writes) expect(own.has(s)).toBe(true);
  expect(fake.sheet("Mijn analyse")!.cells.get("1,0")).toBe(42);
});

test("a large report is written in chunks under the request limit: five syncs plus one per 4 MB", async () => {
  const sheets = reportFor(1);
  // A detail sheet of 60,000 rows, about 9 MB of values.
  const big = sheets[1];
  const width = Math.max(...big.cells.map((r) => r.length));
  for (let i = 0; i < 60_000; i++)
    big.cells.push([`Eenheid ${i}`, ...Array.from({ length: width - 1 }, (_, c) => 1234.5678 * (i + c))]);
  const fake = workbookWith(10);
  await new ExcelGateway(fake.run).writeReport(sheets);
  const totalBytes = fake.requestBytes.reduce((a, b) => a + b, 0);
  expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  expect(fake.syncs).toBeLessThanOrEqual(5 + Math.ceil(totalBytes / MAX_REQUEST_BYTES));
  expect(fake.syncs).toBeGreaterThan(3);
});
