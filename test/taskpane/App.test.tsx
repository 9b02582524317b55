/** The task pane with @testing-library/react, a stubbed Office and an in-memory workbook. */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import axe from "axe-core";
import { App } from "../../src/taskpane/App";
import { languageFor } from "../../src/taskpane/i18n";
import { MemoryGateway } from "./memory-gateway";
import { smallTables } from "../model/helpers";

// A stubbed Office: the pane itself never calls it, index.tsx reads the language and theme from it.
(globalThis as unknown as { Office: unknown }).Office = {
  context: { displayLanguage: "nl-NL" },
  HostType: { Excel: "Excel" },
};

function renderPane(
  gateway: MemoryGateway | null,
  language: "nl" | "en" = "nl",
  host: string | null = "Excel",
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} language={language} gateway={gateway} />
    </FluentProvider>,
  );
}

function plan(extra: Record<string, unknown[][]> = {}) {
  return new MemoryGateway({ ...(smallTables() as Record<string, unknown[][]>), ...extra });
}

async function openTab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

/** Clicks a button once it is enabled (the pane disables actions while it reads the workbook). */
async function press(name: string) {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect(button).toBeEnabled());
  fireEvent.click(button);
}

test("outside Office the pane says to open it in Excel", () => {
  renderPane(null, "nl", null);
  expect(screen.getByTestId("open-in-excel")).toHaveTextContent("Niet geopend in Excel");
  expect(languageFor("en-US")).toBe("en");
  expect(languageFor("nl-BE")).toBe("nl");
});

test("Start shows the tables found and missing, and inserts the template for the missing ones", async () => {
  const gateway = plan();
  delete gateway.tables.Prijzen;
  delete gateway.tables.Scenarios;
  renderPane(gateway);
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent("gevonden"));
  expect(screen.getByTestId("table-Formatie")).toHaveTextContent("3 rijen");
  expect(screen.getByTestId("table-Prijzen")).toHaveTextContent("ontbreekt");
  fireEvent.click(screen.getByRole("checkbox", { name: "Met voorbeeldrijen" }));
  fireEvent.click(screen.getByRole("button", { name: "Sjabloon invoegen" }));
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Sjabloon ingevoegd"));
  expect(gateway.templates).toEqual([{ examples: true }]);
  expect(screen.getByTestId("message")).toHaveTextContent("Prijzen");
  await waitFor(() => expect(screen.getByTestId("table-Prijzen")).toHaveTextContent("gevonden"));
});

test("Controle lists the issues; choosing one selects its cell", async () => {
  const gateway = plan({
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE"],
      ["A", "Primair", 10, -2],
    ],
    Prijzen: [
      ["Schaal", "Kosten per FTE"],
      [10, 90000],
    ],
  });
  renderPane(gateway);
  await openTab("Controle");
  await waitFor(() => expect(screen.getByText(/Negatieve FTE/)).toBeInTheDocument());
  expect(screen.getByRole("status")).toHaveTextContent("1 fouten");
  fireEvent.click(screen.getByText(/Negatieve FTE/));
  await waitFor(() => expect(gateway.selected).toEqual([{ table: "Formatie", row: 1, column: "FTE" }]));
});

test("Scenario's: create, validate the filter as you type, save to the Scenarios table", async () => {
  const gateway = plan({
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde", "Filter"],
      ["Oud", "Kaasschaaf", 0.1, null],
    ],
  });
  renderPane(gateway);
  await openTab("Scenario's");
  await waitFor(() => expect(screen.getByDisplayValue("Oud")).toBeInTheDocument());
  fireEvent.click(screen.getByRole("button", { name: "Nieuw scenario" }));
  const name = screen.getByRole("textbox", { name: "Naam" });
  fireEvent.change(name, { target: { value: "Gericht" } });
  // Change the lever to a targeted cut with a bad filter.
  fireEvent.click(screen.getByRole("combobox", { name: "Hefboom 1" }));
  fireEvent.click(screen.getByRole("option", { name: "Gerichte korting" }));
  fireEvent.change(screen.getByRole("textbox", { name: "Waarde" }), { target: { value: "10%" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Filter" }), { target: { value: "salaris > 3" } });
  expect(await screen.findAllByText(/Onbekend veld 'salaris'/)).not.toHaveLength(0);
  const save = screen.getByRole("button", { name: "Opslaan in tabel Scenarios" });
  expect(save).toBeDisabled();
  fireEvent.change(screen.getByRole("textbox", { name: "Filter" }), {
    target: { value: 'functiegroep == "Bedrijfsvoering"' },
  });
  await waitFor(() => expect(screen.queryByText(/Onbekend veld/)).toBeNull());
  expect(save).toBeEnabled();
  fireEvent.click(save);
  await waitFor(() => expect(gateway.saved).toHaveLength(1));
  expect(gateway.saved[0]).toEqual([
    ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
    ["Oud", "Kaasschaaf", 0.1, null, null, 1],
    ["Gericht", "Gerichte korting", 0.1, 'functiegroep == "Bedrijfsvoering"', null, 1],
  ]);
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("opgeslagen"));
});

test("copy and delete scenarios; the baseline name is refused", async () => {
  const gateway = plan({
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["K", "Kaasschaaf", "auto"],
    ],
  });
  renderPane(gateway);
  await openTab("Scenario's");
  await waitFor(() => expect(screen.getByDisplayValue("K")).toBeInTheDocument());
  fireEvent.click(screen.getByRole("button", { name: "Kopiëren" }));
  await waitFor(() => expect(screen.getByDisplayValue("Kopie van K")).toBeInTheDocument());
  fireEvent.change(screen.getByRole("textbox", { name: "Naam" }), { target: { value: "Basis" } });
  expect(await screen.findByText(/naam van de basislijn/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Verwijderen" }));
  await waitFor(() => expect(screen.getByDisplayValue("K")).toBeInTheDocument());
  expect(screen.queryByText(/naam van de basislijn/)).toBeNull();
});

test("Doorrekenen shows the comparison and writes the report; a renamed sheet is reported", async () => {
  const gateway = plan({
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["Kaasschaaf auto", "Kaasschaaf", "auto"],
      ["Overhead", "Overheadnorm", 0.35],
    ],
  });
  gateway.renameOnReport = [{ wanted: "Vergelijking", used: "Vergelijking (2)" }];
  renderPane(gateway);
  await openTab("Doorrekenen");
  await press("Doorrekenen");
  await waitFor(() => expect(screen.getByTestId("result-Kaasschaaf auto")).toBeInTheDocument());
  expect(screen.getByTestId("result-Kaasschaaf auto")).toHaveTextContent(/€ 1,0 mln\s*€ 1,0 mln gehaald/);
  expect(within(screen.getByTestId("result-Overhead")).getAllByText("100,0%")).not.toHaveLength(0);
  expect(screen.getByRole("img", { name: /Primair behouden tegenover de kaasschaaf/ })).toBeInTheDocument();
  await press("Rapport schrijven");
  await waitFor(() => expect(gateway.reports).toHaveLength(1));
  expect(gateway.reports[0].map((s) => s.name)).toEqual([
    "Vergelijking",
    "Sc Basis",
    "Sc Kaasschaaf auto",
    "Sc Overhead",
    "Definities en bronnen",
  ]);
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Vergelijking (2)"));
});

test("a run with input errors says so and points to Controle", async () => {
  const gateway = plan({
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
    ],
  });
  renderPane(gateway);
  await openTab("Doorrekenen");
  await press("Doorrekenen");
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("zie Controle"));
});

test("English follows Office's display language", async () => {
  renderPane(plan(), "en");
  expect(screen.getByRole("tab", { name: "Check" })).toBeInTheDocument();
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent("found"));
});

test("no serious or critical accessibility violations on any tab", async () => {
  const { container } = renderPane(
    plan({
      Scenarios: [
        ["Scenario", "Hefboom", "Waarde"],
        ["K", "Kaasschaaf", "auto"],
      ],
    }),
  );
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toBeInTheDocument());
  for (const tab of ["Start", "Controle", "Scenario's", "Doorrekenen"]) {
    await act(async () => openTab(tab));
    if (tab === "Doorrekenen") {
      await press("Doorrekenen");
      await waitFor(() => expect(screen.getByTestId("result-K")).toBeInTheDocument());
    }
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${tab}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  }
});
