/** The pane's v2 parts: the monitor at a glance on Doorrekenen, and the Rijksbreed tab in a Rijk workbook. */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { App } from "../../src/taskpane/App";
import { addInputTable } from "../../src/xlsx/workbook";
import { MemoryGateway } from "../taskpane/memory-gateway";
import { smallTables } from "../model/helpers";

(globalThis as unknown as { Office: unknown }).Office = {
  context: { displayLanguage: "nl-NL" },
  HostType: { Excel: "Excel" },
};

/** Renders the pane and waits for what it does on opening (reading the workbook), as test/taskpane does. */
async function renderPane(gateway: MemoryGateway, language: "nl" | "en" = "nl") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="Excel" language={language} gateway={gateway} />
    </FluentProvider>,
  );
  await screen.findByTestId("table-Parameters");
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Switches tab and waits for the next animation frame, where Fluent's tab indicator moves. */
async function openTab(tab: HTMLElement) {
  await act(async () => {
    fireEvent.click(tab);
  });
  await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** Clicks a button once it is enabled; act awaits the async work the click starts. */
/**
 * Reading the departments' workbooks (ExcelJS in jsdom) takes more than waitFor's default second when the
 * suite's other workers load the machine (one CI run timed out there).
 */
const SLOW = { timeout: 15_000 };

async function press(name: string) {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect(button).toBeEnabled(), SLOW);
  await act(async () => {
    fireEvent.click(button);
  });
}

test("Doorrekenen shows the latest peildatum's status at a glance", async () => {
  const gateway = new MemoryGateway({
    ...(smallTables() as Record<string, unknown[][]>),
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["Gekozen scenario", "Snijden"],
    ],
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["Snijden", "Kaasschaaf", 0.1],
    ],
    // 1 April 2027: plan 100 - 2.5 x 91/365 = 99.38 FTE; 99 is on track. 1 October: plan 98.12; 99 is not.
    Realisatie: [
      ["Peildatum", "FTE"],
      [46478, 99],
      [46661, 99],
    ],
  });
  await renderPane(gateway);
  expect(screen.queryByRole("tab", { name: "Rijksbreed" })).toBeNull();
  await openTab(screen.getByRole("tab", { name: "Doorrekenen" }));
  await press("Alle scenario's doorrekenen");
  const glance = await screen.findByTestId("monitor-glance");
  expect(glance).toHaveTextContent("2027-10-01");
  expect(glance).toHaveTextContent("0 van 1 op koers");
  expect(glance).toHaveTextContent("gekozen scenario: Snijden");
  expect(glance).toHaveTextContent("niet op koers: FTE");
});

async function departmentFile(name: string): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const t = smallTables() as Record<string, unknown[][]>;
  for (const table of ["Formatie", "Inhuur", "Huisvesting", "Parameters"])
    addInputTable(wb, table as never, t[table].slice(1) as never);
  const buffer = await wb.xlsx.writeBuffer();
  return new File([new Uint8Array(buffer as ArrayBuffer)], name);
}

test("a Rijk workbook gets a Rijksbreed tab: picked files, distribution, consolidation, report", async () => {
  const gateway = new MemoryGateway({
    Departementen: [
      ["Departement", "Apparaatsuitgaven", "Vrijgesteld", "Gewicht", "Werkmap"],
      ["Een", 300, "nee", 1, "een.xlsx"],
      ["Twee", 100, "nee", 1, "sub/twee.xlsx"],
      ["Drie", 100, "nee", 1, "drie.xlsx"],
    ],
    Rijkstaakstelling: [
      ["Jaar", "Bedrag"],
      [2030, 1000],
    ],
  });
  await renderPane(gateway);
  await openTab(await screen.findByRole("tab", { name: "Rijksbreed" }));
  // Five tabs: two shorter visible labels, the full names stay the tabs' accessible names.
  // (the label itself, not the hidden bold copy Fluent adds to reserve the selected label's width)
  const label = (x: HTMLElement) =>
    x.querySelector(".fui-Tab__content:not(.fui-Tab__content--reserved-space)")?.textContent;
  expect(screen.getAllByRole("tab").map(label)).toEqual([
    "Start",
    "Controle",
    "Scenario's",
    "Rekenen",
    "Rijk",
  ]);
  expect(screen.getByRole("tab", { name: "Doorrekenen" })).toHaveAttribute("title", "Doorrekenen");
  const input = screen.getByLabelText("Werkmappen van de departementen kiezen");
  const files = [await departmentFile("een.xlsx"), await departmentFile("twee.xlsx")];
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
  await press("Optellen");
  const panel = await screen.findByTestId("rijk-panel");
  await waitFor(() => expect(within(panel).getByText(/ONVOLLEDIG, zonder Drie/)).toBeInTheDocument(), SLOW);
  const items = within(panel).getAllByRole("listitem");
  expect(items).toHaveLength(3);
  expect(items[2]).toHaveTextContent(/telt niet mee: .*drie\.xlsx niet gekozen/);
  expect(items[0]).toHaveTextContent(/verdeelde taakstelling/);
  await press("Rapport Rijksbreed schrijven");
  await waitFor(() => expect(gateway.reports).toHaveLength(1), SLOW);
  expect(gateway.reports[0].map((s) => s.name)).toEqual(["Rijksbreed"]);
  expect(String(gateway.reports[0][0].cells[2][0])).toMatch(/^ONVOLLEDIG: Drie/);
  // the distribution in the report: 1000 over 300 / 100 / 100 gives 600, 200, 200
  const cells = gateway.reports[0][0].cells;
  const header = cells.findIndex((r) => r[0] === "Departement" && r[1] === "Apparaatsuitgaven");
  expect(cells.slice(header + 1, header + 4).map((r) => [r[0], r[4]])).toEqual([
    ["Een", 600],
    ["Twee", 200],
    ["Drie", 200],
  ]);
});

test("in English the Rijk-wide tab writes the Rijk-wide sheet in English", async () => {
  const gateway = new MemoryGateway({
    Departementen: [
      ["Departement", "Apparaatsuitgaven", "Vrijgesteld", "Gewicht", "Werkmap"],
      ["Een", 300, "nee", 1, "een.xlsx"],
    ],
    Rijkstaakstelling: [
      ["Jaar", "Bedrag"],
      [2030, 1000],
    ],
  });
  await renderPane(gateway, "en");
  await openTab(await screen.findByRole("tab", { name: "Rijk-wide" }));
  const input = screen.getByLabelText("Choose the departments' workbooks");
  const files = [await departmentFile("een.xlsx")];
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
  await press("Consolidate");
  await press("Write the Rijk-wide report");
  await waitFor(() => expect(gateway.reports).toHaveLength(1), SLOW);
  const [sheet] = gateway.reports[0];
  expect(sheet.name).toBe("Rijk-wide");
  const texts = sheet.cells.flat().filter((v): v is string => typeof v === "string");
  expect(texts).toEqual(
    expect.arrayContaining([
      "Complete: every department is included.",
      "Department",
      "Provenance",
      "(this workbook)",
    ]),
  );
  expect(texts).not.toContain("Departement");
  expect(texts).not.toContain("ja");
});
