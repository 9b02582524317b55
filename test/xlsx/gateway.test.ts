/** The preview's workbook layer (ExcelJS): the same behaviour as the Excel layer, on an .xlsx file. */
import ExcelJS from "exceljs";
import { readPlan, runPlan } from "../../src/model";
import { buildReport, REPORT_MARKER } from "../../src/model/report";
import { XlsxGateway } from "../../src/xlsx/gateway";
import { addInputTable, loadWorkbook } from "../../src/xlsx/workbook";

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

test("the template fills an empty workbook with valid tables and leaves a user's sheet alone", async () => {
  const workbook = new ExcelJS.Workbook();
  const mine = workbook.addWorksheet("Mijn blad");
  mine.getCell("A1").value = "eigen werk";
  const gateway = new XlsxGateway(workbook);
  const result = await gateway.insertTemplate({ examples: true });
  expect(result.created.map((c) => c.table)).toEqual([
    "Formatie",
    "Inhuur",
    "Huisvesting",
    "Prijzen",
    "Parameters",
    "Taakstelling",
    "Scenarios",
  ]);
  expect(mine.getCell("A1").value).toBe("eigen werk");
  const reread = new XlsxGateway(await roundTrip(workbook));
  const { plan, issues } = readPlan((await reread.readTables()).tables);
  expect(issues).toEqual([]);
  expect(plan!.formation.length).toBe(4);
  expect(workbook.getWorksheet("Formatie")!.getCell("B2").dataValidation.formulae).toEqual([
    '"Primair,Bedrijfsvoering,Lijnmanagement"',
  ]);
  expect(workbook.getWorksheet("FP-lijsten")!.state).toBe("hidden");
});

test("the English template: English headers, lists and input messages, Dutch table names; read back it is a valid plan", async () => {
  const gateway = new XlsxGateway(new ExcelJS.Workbook());
  const result = await gateway.insertTemplate({ examples: true, lang: "en" });
  expect(result.created.map((c) => c.sheet)).toEqual([
    "Formatie",
    "Inhuur",
    "Huisvesting",
    "Prijzen",
    "Parameters",
    "Taakstelling",
    "Scenarios",
  ]);
  const reread = await roundTrip(gateway.workbook);
  const read = await new XlsxGateway(reread).readTables();
  expect(read.tables.Formatie![0]).toEqual(["Unit", "Group", "Scale", "FTE", "Cost per FTE", "Protected"]);
  expect(read.tables.Formatie![1]).toEqual(["Policy Directorate", "Primary", 11, 24, "", "no"]);
  expect(read.tables.Parameters![1][0]).toBe("Base year");
  const { plan, issues } = readPlan(read.tables);
  expect(issues).toEqual([]);
  expect(plan!.formation.length).toBe(4);
  expect(plan!.scenarios.map((s) => s.name)).toEqual(["Cheese-slicer auto", "Overhead to 35%"]);
  // The plan runs: the English template is a working workbook.
  expect(runPlan(plan!).scenarios).toHaveLength(3);
  const group = reread.getWorksheet("Formatie")!.getCell("B2").dataValidation;
  expect(group.formulae).toEqual(['"Primary,Operations,Management"']);
  expect(group.promptTitle).toBe("Group");
  expect(group.prompt).toMatch(/Operations and Management count as overhead/);
  // A text column gets its input message too (validation "any value").
  expect(reread.getWorksheet("Formatie")!.getCell("A2").dataValidation.prompt).toMatch(/organisational unit/);
  expect(reread.getWorksheet("Scenarios")!.getCell("B2").dataValidation.formulae[0]).toMatch(/Kaasschaaf/);
});

test("scenarios are saved into the table, which grows and shrinks", async () => {
  const workbook = new ExcelJS.Workbook();
  addInputTable(workbook, "Scenarios", [
    ["A", "Kaasschaaf", 0.1, null, null, 1],
    ["B", "Kaasschaaf", 0.2, null, null, 1],
  ]);
  const gateway = new XlsxGateway(workbook);
  await gateway.saveScenarios([
    ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
    ["Nieuw", "Gerichte korting", 0.1, "schaal > 10", null, 1],
  ]);
  const read = await new XlsxGateway(await roundTrip(workbook)).readTables();
  expect(read.tables.Scenarios).toEqual([
    ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
    ["Nieuw", "Gerichte korting", 0.1, "schaal > 10", "", 1],
  ]);
});

test("the report replaces only its own sheets and renames around a user's sheet", async () => {
  const { plan } = readPlan({
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE"],
      ["A", "Primair", 10, 5, 90000],
    ],
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2028],
    ],
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["K", "Kaasschaaf", 0.1],
    ],
  });
  const sheets = () =>
    buildReport(runPlan(plan!), { createdAt: new Date(), inputHash: "x", version: "0.1.0" });
  const workbook = new ExcelJS.Workbook();
  const user = workbook.addWorksheet("Sc K");
  user.getCell("A1").value = "van de gebruiker";
  const gateway = new XlsxGateway(workbook);
  expect((await gateway.writeReport(sheets())).renamed).toEqual([{ wanted: "Sc K", used: "Sc K (2)" }]);
  const second = await gateway.writeReport(sheets());
  expect(second.renamed).toEqual([{ wanted: "Sc K", used: "Sc K (2)" }]);
  expect(workbook.worksheets.map((w) => w.name).sort()).toEqual([
    "Definities en bronnen",
    "Sc Basis",
    "Sc K",
    "Sc K (2)",
    "Vergelijking",
  ]);
  expect(workbook.getWorksheet("Sc K")!.getCell("A1").value).toBe("van de gebruiker");
  expect(workbook.worksheets.filter((w) => w.name === "Vergelijking")).toHaveLength(1);
  expect(workbook.getWorksheet("Vergelijking")!.getCell("A2").value).toBe(REPORT_MARKER);
});

test("selecting an issue reports the cell address", async () => {
  const workbook = new ExcelJS.Workbook();
  addInputTable(workbook, "Formatie", [["A", "Primair", 10, -1, 90000, "nee"]], { note: "boven de tabel" });
  const gateway = new XlsxGateway(workbook);
  const seen: string[] = [];
  gateway.onSelect = (s) => seen.push(`${s.sheet}!${s.address}`);
  await gateway.selectCell({ table: "Formatie", row: 1, column: "FTE" });
  expect(seen).toEqual(["Formatie!D4"]);
});
