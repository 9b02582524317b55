/**
 * Office's documented rules that the Excel layer must follow (issue 10), each against the fake that
 * enforces it (test/excel/fake-excel.ts quotes the documentation per rule).
 */
import { ExcelGateway, REPORT_SETTING } from "../../src/excel/gateway";
import { missingRequirements, requirementMessage } from "../../src/excel/requirements";
import { readPlan, runPlan } from "../../src/model";
import { buildReport } from "../../src/model/report";
import { FakeExcel, FakeExcelError, installExcelGlobals, type Cell } from "./fake-excel";
import { smallTables } from "../model/helpers";

installExcelGlobals();

const SCENARIO_HEADER = ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"];

function inputWorkbook(scenarios?: (string | number)[][]): FakeExcel {
  const fake = new FakeExcel();
  const t = smallTables(scenarios ? { Scenarios: scenarios } : {});
  for (const name of ["Formatie", "Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
    fake.addSheet(name, t[name] as Cell[][], name);
  if (scenarios) fake.addSheet("Scenarios", scenarios, "Scenarios");
  return fake;
}

function reportFor(names: string[]) {
  const rows = [["Scenario", "Hefboom", "Waarde"], ...names.map((n, i) => [n, "Kaasschaaf", 0.01 * (i + 1)])];
  const { plan, issues } = readPlan(smallTables({ Scenarios: rows }));
  if (!plan) throw new Error(JSON.stringify(issues));
  return buildReport(runPlan(plan), {
    createdAt: new Date(Date.UTC(2026, 10, 28, 12)),
    inputHash: "abc",
    version: "0.1.0",
  });
}

describe("the fake keeps Excel's rules", () => {
  test("a load over 5 MB in one sync is refused, as Excel on the web does", async () => {
    const fake = new FakeExcel();
    const rows: Cell[][] = [["Eenheid", "Functiegroep", "Schaal", "FTE"]];
    for (let i = 0; i < 150_000; i++) rows.push([`Eenheid ${i % 40}`, "Bedrijfsvoering", 8, 1.25]);
    fake.addSheet("Formatie", rows, "Formatie");
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.tables.getItemOrNullObject("Formatie").getRange().load("values");
        await context.sync();
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("strings are parsed as if typed; null keeps the cell, an apostrophe or the text format keeps text", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("Blad1", [["oud", "oud"]]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRangeByIndexes(0, 0, 1, 2).values = [[null, ""]] as unknown as string[][];
      ws.getRangeByIndexes(1, 0, 1, 6).values = [
        ["-10% kaasschaaf", "001", "1-3", "2026", "=WEBSERVICE(1)", "'001"],
      ];
      ws.getRangeByIndexes(2, 0, 1, 1).numberFormat = [["@"]];
      ws.getRangeByIndexes(2, 0, 1, 1).values = [["=HYPERLINK(1)"]];
      await context.sync();
    });
    expect(fake.values(sheet, 0, 0, 3, 6)).toEqual([
      ["oud", "", "", "", "", ""],
      ["#NAME?", 1, 46025, 2026, "#NAME?", "001"],
      ["=HYPERLINK(1)", "", "", "", "", ""],
    ]);
    expect([...sheet.formulas.values()]).toEqual(["=-10% kaasschaaf", "=WEBSERVICE(1)"]);
  });

  test("sheet names follow Excel's rules", () => {
    const fake = new FakeExcel();
    for (const bad of ["History", "a/b", "x".repeat(32), "'quoted", "quoted'", "a[1]", ""])
      expect(() => fake.addSheet(bad)).toThrow(FakeExcelError);
    expect(() => fake.addSheet("Jan's blad")).not.toThrow();
  });
});

describe("1. null leaves cells unchanged: saving clears with empty strings", () => {
  test("an old filter, insourcing share and value are cleared, not kept", async () => {
    const fake = inputWorkbook([
      SCENARIO_HEADER,
      ["Gericht", "Overheadnorm", 0.3, 'functiegroep == "Bedrijfsvoering"', 0.5, 1],
    ]);
    await new ExcelGateway(fake.run).saveScenarios([
      SCENARIO_HEADER,
      ["Gericht", "Overheadnorm", null, null, null, 1],
    ]);
    expect(fake.tableValues("Scenarios")).toEqual([
      SCENARIO_HEADER,
      ["Gericht", "Overheadnorm", "", "", "", 1],
    ]);
  });
});

describe("2. strings are written as text", () => {
  const names = ["-10% kaasschaaf", '=HYPERLINK("http://x";"klik")', "001", "1-3", "+31 plan"];

  test("scenario names that look like formulas, numbers or dates survive a save and a read", async () => {
    const fake = inputWorkbook([SCENARIO_HEADER, ["Oud", "Kaasschaaf", 0.1, "", "", 1]]);
    const gateway = new ExcelGateway(fake.run);
    await gateway.saveScenarios([
      SCENARIO_HEADER,
      ...names.map((n, i) => [n, "Kaasschaaf", "auto", null, null, i + 1]),
    ]);
    const read = await gateway.readTables();
    expect(read.tables.Scenarios!.slice(1).map((r) => r[0])).toEqual(names);
    expect(read.tables.Scenarios![1][2]).toBe("auto");
    expect(fake.sheet("Scenarios")!.formulas.size).toBe(0);
  });

  test("the report keeps names as text, and charts take explicit years as categories", async () => {
    const fake = inputWorkbook();
    const sheets = reportFor(names);
    await new ExcelGateway(fake.run).writeReport(sheets);
    for (const s of fake.liveSheets()) expect(s.formulas.size).toBe(0);
    const comparison = fake.sheet("Vergelijking")!;
    const cellTexts = [...comparison.cells.values()].filter((v) => typeof v === "string");
    for (const n of names) expect(cellTexts).toContain(n);
    const years = sheets[0].charts[0].data;
    const expectedYears = sheets[0].cells
      .slice(years.row + 1, years.row + years.rows)
      .map((r) => r[years.col]);
    // Years are numbers (MODEL.md: calendar years), under a blank corner cell; the charts name them as categories.
    expect(expectedYears.every((y) => typeof y === "number")).toBe(true);
    for (const chart of comparison.charts) {
      expect(chart.series.map((s) => s.name)).not.toContain("Jaar");
      for (const s of chart.series) expect(s.categories).toEqual(expectedYears);
    }
    // One series per scenario (Basis and the five), plus the target in the savings chart.
    expect(comparison.charts[1].series.map((s) => s.name)).toEqual(["Basis", ...names]);
  });
});

describe("4. tables: header and data body, never the totals row; filters; growing", () => {
  test("the totals row is not read as a data row", async () => {
    const fake = inputWorkbook();
    fake.showTotals("Formatie");
    const read = await new ExcelGateway(fake.run).readTables();
    const rows = read.tables.Formatie!;
    expect(rows.length).toBe(fake.table("Formatie").rows);
    expect(rows.map((r) => r[0])).not.toContain("Totaal");
    expect(readPlan(read.tables).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a filter on the Scenarios table is cleared before saving; rows then grow with rows.add", async () => {
    const fake = inputWorkbook([
      SCENARIO_HEADER,
      ["A", "Kaasschaaf", 0.1, "", "", 1],
      ["B", "Kaasschaaf", 0.2, "", "", 1],
    ]);
    fake.filterTable("Scenarios", 0, (v) => v === "A");
    await new ExcelGateway(fake.run).saveScenarios([
      SCENARIO_HEADER,
      ...["A", "B", "C"].map((n) => [n, "Kaasschaaf", 0.1, null, null, 1]),
    ]);
    expect(fake.table("Scenarios").filterHidden.size).toBe(0);
    expect(fake.tableValues("Scenarios").map((r) => r[0])).toEqual(["Scenario", "A", "B", "C"]);
  });

  test("rows hidden by hand make saving refuse with a message naming the table", async () => {
    const fake = inputWorkbook([SCENARIO_HEADER, ["A", "Kaasschaaf", 0.1, "", "", 1]]);
    fake.sheet("Scenarios")!.hiddenRows.add(1);
    await expect(
      new ExcelGateway(fake.run).saveScenarios([SCENARIO_HEADER, ["B", "Kaasschaaf", 0.1, null, null, 1]]),
    ).rejects.toThrow(/tabel Scenarios.*verborgen rijen/);
    expect(fake.tableValues("Scenarios")[1][0]).toBe("A");
  });

  test("growing the table moves what is below it down instead of overwriting it; shrinking moves it up", async () => {
    const fake = inputWorkbook([SCENARIO_HEADER, ["A", "Kaasschaaf", 0.1, "", "", 1]]);
    const sheet = fake.sheet("Scenarios")!;
    sheet.cells.set("3,0", "Mijn notitie onder de tabel");
    const gateway = new ExcelGateway(fake.run);
    await gateway.saveScenarios([
      SCENARIO_HEADER,
      ...["A", "B", "C", "D"].map((n) => [n, "Kaasschaaf", 0.1, null, null, 1]),
    ]);
    expect(fake.tableValues("Scenarios").map((r) => r[0])).toEqual(["Scenario", "A", "B", "C", "D"]);
    expect(sheet.cells.get("6,0")).toBe("Mijn notitie onder de tabel");
    await gateway.saveScenarios([SCENARIO_HEADER, ["E", "Kaasschaaf", 0.1, null, null, 1]]);
    expect(fake.tableValues("Scenarios").map((r) => r[0])).toEqual(["Scenario", "E"]);
    expect([...sheet.cells.values()]).toContain("Mijn notitie onder de tabel");
  });
});

describe("5. requirement sets", () => {
  test("without ExcelApi 1.7 an action fails with the Excel version it needs", async () => {
    const fake = inputWorkbook();
    fake.supportedSets = { ExcelApi: "1.6" };
    installExcelGlobals(fake);
    try {
      await expect(new ExcelGateway(fake.run).readTables()).rejects.toThrow(/ExcelApi 1\.7: Excel 2019/);
    } finally {
      installExcelGlobals();
    }
  });

  test("missing optional sets are named for the pane; the template comes without drop-downs", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Blad1");
    fake.supportedSets = { ExcelApi: "1.7", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" };
    installExcelGlobals(fake);
    try {
      const missing = missingRequirements();
      expect(missing.map((r) => `${r.set} ${r.version}`)).toEqual([
        "ExcelApi 1.8",
        "ExcelApi 1.11",
        "CustomFunctionsRuntime 1.3",
      ]);
      expect(requirementMessage(missing, "nl")).toMatch(
        /keuzelijsten in het sjabloon \(ExcelApi 1\.8: Excel 2021/,
      );
      expect(requirementMessage([], "en")).toBeNull();
      await new ExcelGateway(fake.run).insertTemplate({ examples: false });
      expect(fake.liveSheets().flatMap((s) => s.validations)).toEqual([]);
    } finally {
      installExcelGlobals();
    }
  });
});

describe("11. rewriting the report loses nothing", () => {
  test("a user's copy of a report sheet, with notes, is never touched", async () => {
    const fake = inputWorkbook();
    const gateway = new ExcelGateway(fake.run);
    await gateway.writeReport(reportFor(["S0"]));
    const copy = fake.copySheet("Sc S0", "Sc S0 (mijn kopie)");
    copy.cells.set("0,5", "Mijn aantekening");
    const before = new Map(copy.cells);
    await gateway.writeReport(reportFor(["S1"]));
    expect(copy.deleted).toBe(false);
    expect(copy.cells).toEqual(before);
    // The add-in's own old sheet is gone; the new one is there.
    expect(fake.sheet("Sc S0")).toBeUndefined();
    expect(fake.sheet("Sc S1")).toBeDefined();
  });

  test("a report sheet the user renamed is theirs now and kept", async () => {
    const fake = inputWorkbook();
    const gateway = new ExcelGateway(fake.run);
    await gateway.writeReport(reportFor(["S0"]));
    fake.sheet("Sc S0")!.name = "Bewaard";
    await gateway.writeReport(reportFor(["S1"]));
    expect(fake.sheet("Bewaard")).toBeDefined();
  });

  test("kept report sheets are the same sheet objects, cleared and rewritten (formulas pointing at them stay valid)", async () => {
    const fake = inputWorkbook();
    const gateway = new ExcelGateway(fake.run);
    await gateway.writeReport(reportFor(["S0", "S1"]));
    const id = fake.sheet("Vergelijking")!.id;
    const old = fake.sheet("Sc S1")!;
    old.cells.set("500,0", "oude rest");
    await gateway.writeReport(reportFor(["S0"]));
    expect(fake.sheet("Vergelijking")!.id).toBe(id);
    expect(fake.sheet("Vergelijking")!.charts.filter((c) => !c.deleted)).toHaveLength(4);
    // Conditional formats are replaced, not piled up.
    expect(fake.sheet("Vergelijking")!.conditional).toHaveLength(8);
    expect(old.deleted).toBe(true);
    const listed = fake.settings.get(REPORT_SETTING) as { sheets: { id: string; name: string }[] };
    expect(listed.sheets.map((s) => s.name)).toEqual([
      "Vergelijking",
      "Sc Basis",
      "Sc S0",
      "Definities en bronnen",
    ]);
  });

  test("a failure halfway leaves the old report in place", async () => {
    const fake = inputWorkbook();
    const gateway = new ExcelGateway(fake.run);
    await gateway.writeReport(reportFor(["S0"]));
    const old = fake.sheet("Sc S0")!;
    const before = new Map(old.cells);
    // The sync that carries the new report's values fails.
    fake.failAtSync = fake.syncs + 3;
    await expect(gateway.writeReport(reportFor(["S1"]))).rejects.toThrow(/connection lost/);
    expect(old.deleted).toBe(false);
    expect(old.cells).toEqual(before);
  });

  test("scenario names that break Excel's sheet-name rules still give valid sheet names", async () => {
    const fake = inputWorkbook();
    const result = await new ExcelGateway(fake.run).writeReport(
      reportFor(["History", "'quoted'", "a/b:c", `${"x".repeat(27)}'yy`]),
    );
    expect(result.sheets).toHaveLength(7);
    for (const name of result.sheets) expect(fake.sheet(name)).toBeDefined();
  });
});

describe("14. actions started while a cell is being edited wait for the edit", () => {
  test("every batch runs with delayForCellEdit", async () => {
    const fake = inputWorkbook();
    fake.cellEditMode = true;
    await expect(fake.run(async () => 1)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const read = await new ExcelGateway(fake.run).readTables();
    expect(read.tables.Formatie).toBeDefined();
    expect(fake.waitedForCellEdit).toBe(1);
  });
});
