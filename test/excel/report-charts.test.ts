/**
 * Native charts of the Monitor and Rijksbreed sheets in the add-in (issue 14): each series named, its values
 * the numbers of the chart's data block, its categories set explicitly (dates, years, departments), never a
 * column of years guessed to be a series.
 */
import * as path from "path";
import { ExcelGateway } from "../../src/excel/gateway";
import { readPlan, runPlan } from "../../src/model";
import { fullReport } from "../../src/model/report-full";
import { rijkSheet } from "../../src/model/report-rijk";
import { consolidateRijk } from "../../src/model/rijk/consolidation";
import { TABLES } from "../../src/model/schema";
import { REALISATIE_TABLE } from "../../src/model/monitor";
import type { ReportSheet } from "../../src/model/report";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { FakeExcel, installExcelGlobals } from "./fake-excel";

const RIJK = path.resolve(__dirname, "../../samples/rijk");
const NAMES = [...TABLES.map((t) => t.name), REALISATIE_TABLE];

async function write(sheets: ReportSheet[]): Promise<FakeExcel> {
  const fake = new FakeExcel();
  installExcelGlobals(fake);
  fake.addSheet("Invoer", [["x"]]);
  await new ExcelGateway(fake.run).writeReport(sheets);
  return fake;
}

/** The series as the spec says they should be: names from the header, values and categories from the block. */
function expectChartsAsSpecified(fake: FakeExcel, sheet: ReportSheet) {
  const charts = fake.sheet(sheet.name)!.charts;
  expect(charts.map((c) => c.title)).toEqual(sheet.charts.map((c) => c.title));
  sheet.charts.forEach((spec, i) => {
    const d = spec.data;
    const body = sheet.cells.slice(d.row + 1, d.row + d.rows);
    expect(charts[i].series.map((s) => s.name)).toEqual(sheet.cells[d.row].slice(d.col + 1, d.col + d.cols));
    charts[i].series.forEach((s, k) => {
      expect(s.values).toEqual([d.row + 1, d.col + 1 + k, d.rows - 1, 1]);
      expect(s.categories).toEqual(body.map((r) => r[d.col]));
    });
  });
  return charts;
}

test("Monitor: FTE plan against realisation, categories the moments", async () => {
  const { tables } = tablesFromWorkbook(await loadWorkbook(path.join(RIJK, "kustbeheer.xlsx")), NAMES);
  const { plan } = readPlan(tables);
  const sheets = fullReport({ plan: plan!, result: runPlan(plan!), tables });
  const monitor = sheets.find((s) => s.kind === "monitor")!;
  const fake = await write(sheets);
  const [chart] = expectChartsAsSpecified(fake, monitor);
  expect(chart.type).toBe("Line");
  expect(chart.series.map((s) => s.name)).toEqual(["FTE plan", "FTE realisatie"]);
  // the April and October peildatum among the year ends
  expect(chart.series[0].categories).toEqual(
    expect.arrayContaining(["01-04-2027", "01-10-2027", "31-12-2027"]),
  );
}, 60000);

test("Rijksbreed: the Rijk's saving and ratios per year, and each department's saving against its target", async () => {
  const rijkWb = await loadWorkbook(path.join(RIJK, "rijk.xlsx"));
  const { tables } = tablesFromWorkbook(rijkWb, ["Departementen", "Rijkstaakstelling", "Parameters"]);
  const result = await consolidateRijk(tables, async (d) => ({
    file: d.workbook!,
    tables: tablesFromWorkbook(await loadWorkbook(path.join(RIJK, d.workbook!)), NAMES).tables,
    readAt: new Date(),
  }));
  const sheet = rijkSheet(result, {
    createdAt: new Date(),
    version: "test",
    file: "rijk.xlsx",
    inputHash: "x",
  });
  const fake = await write([sheet]);
  const charts = expectChartsAsSpecified(fake, sheet);
  expect(charts.map((c) => c.type)).toEqual(["ColumnClustered", "Line", "ColumnClustered"]);
  // years as numbers are the categories, never a series
  expect(charts[0].series.map((s) => s.name)).toEqual(["Geplande besparing", "Taakstelling"]);
  expect(charts[0].series[0].categories!.every((y) => typeof y === "number")).toBe(true);
  const perDepartment = charts[2];
  const included = result.departments.filter((d) => d.included).map((d) => d.name);
  expect(perDepartment.series[0].categories).toEqual(included);
  expect(included.length).toBeGreaterThanOrEqual(3);
}, 60000);
