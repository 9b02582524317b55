/**
 * The pane writes the same full report as the command line's --out (src/model/report-full.ts): the Monitor
 * sheet when the workbook has Realisatie, the input file's name and the figures it marks as illustrative.
 */
import * as path from "path";
import { act, renderHook, waitFor } from "@testing-library/react";
import { usePlanner } from "../../src/taskpane/usePlanner";
import { XlsxGateway } from "../../src/xlsx/gateway";
import { loadWorkbook } from "../../src/xlsx/workbook";
import type { ReportSheet } from "../../src/model/report";

const KUST = path.resolve(__dirname, "../../samples/rijk/kustbeheer.xlsx");

class RecordingGateway extends XlsxGateway {
  reports: ReportSheet[][] = [];
  async writeReport(sheets: ReportSheet[]) {
    this.reports.push(sheets);
    return super.writeReport(sheets);
  }
}

test("the pane's report has Monitor, the file's name and the illustrative marks, like --out", async () => {
  const gateway = new RecordingGateway(await loadWorkbook(KUST), "kustbeheer.xlsx");
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  await act(async () => {
    await result.current.run();
  });
  await waitFor(() => expect(result.current.state.result).not.toBeNull());
  await act(async () => {
    await result.current.writeReport();
  });
  expect(gateway.reports).toHaveLength(1);
  const sheets = gateway.reports[0];
  expect(sheets.map((s) => s.name)).toContain("Monitor");
  const monitor = sheets.find((s) => s.name === "Monitor")!;
  expect(monitor.cells.some((r) => r[0] === "Peildatum")).toBe(true);
  const review = sheets.find((s) => s.kind === "notes")!;
  const row = (label: string) => review.cells.find((r) => r[0] === label);
  expect(row("Invoerbestand")![1]).toBe("kustbeheer.xlsx");
  expect(row("Ingelezen op")![1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/);
  expect(review.cells.some((r) => r[0] === "Prijzen" && /ILLUSTRATIEF/.test(String(r[2])))).toBe(true);
}, 60000);
