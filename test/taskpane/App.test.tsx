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

/** Renders the pane and waits for what it does on opening (reading the workbook), so no update lands unobserved. */
async function renderPane(
  gateway: MemoryGateway | null,
  language: "nl" | "en" = "nl",
  host: string | null = "Excel",
) {
  const rendered = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} language={language} gateway={gateway} />
    </FluentProvider>,
  );
  if (gateway) await screen.findByTestId("table-Formatie");
  return rendered;
}

function plan(extra: Record<string, unknown[][]> = {}) {
  return new MemoryGateway({ ...(smallTables() as Record<string, unknown[][]>), ...extra });
}

const FILTER = "Filter als uitdrukking (voor gevorderden)";
const RUN = "Alle scenario's doorrekenen";

/** Switches tab and waits for the next animation frame, where Fluent's tab indicator moves. */
async function openTab(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
  });
  await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** Clicks a button once it is enabled (the pane disables actions while it reads the workbook). */
async function press(name: string) {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect(button).toBeEnabled());
  // The click starts async work (reading the workbook, then the action): act awaits it, so its updates are seen.
  await act(async () => {
    fireEvent.click(button);
  });
}

test("in English the pane inserts the English template, which reads back as the tables", async () => {
  const gateway = plan();
  delete gateway.tables.Prijzen;
  await renderPane(gateway, "en");
  await waitFor(() => expect(screen.getByTestId("table-Prijzen")).toHaveTextContent("missing"));
  fireEvent.click(screen.getByRole("button", { name: "Insert template" }));
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Template inserted"));
  expect(gateway.templates).toEqual([{ examples: false, lang: "en" }]);
  expect(gateway.tables.Prijzen[0]).toEqual(["Scale", "Cost per FTE"]);
  await waitFor(() => expect(screen.getByTestId("table-Prijzen")).toHaveTextContent("found"));
});

test("outside Office the pane says to open it in Excel", async () => {
  await renderPane(null, "nl", null);
  expect(screen.getByTestId("open-in-excel")).toHaveTextContent("Niet geopend in Excel");
  expect(languageFor("en-US")).toBe("en");
  expect(languageFor("nl-BE")).toBe("nl");
});

test("Start shows the tables found and missing, and inserts the template for the missing ones", async () => {
  const gateway = plan();
  delete gateway.tables.Prijzen;
  delete gateway.tables.Scenarios;
  await renderPane(gateway);
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent("gevonden"));
  expect(screen.getByTestId("table-Formatie")).toHaveTextContent("3 rijen");
  expect(screen.getByTestId("table-Prijzen")).toHaveTextContent("ontbreekt");
  fireEvent.click(screen.getByRole("checkbox", { name: "Met voorbeeldrijen" }));
  fireEvent.click(screen.getByRole("button", { name: "Sjabloon invoegen" }));
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Sjabloon ingevoegd"));
  expect(gateway.templates).toEqual([{ examples: true, lang: "nl" }]);
  expect(screen.getByTestId("message")).toHaveTextContent("Prijzen");
  await waitFor(() => expect(screen.getByTestId("table-Prijzen")).toHaveTextContent("gevonden"));
  expect(screen.getByTestId("next-step")).toHaveTextContent("De invoer is in orde");
});

test("Start shows a table with errors and leads to Controle", async () => {
  const gateway = plan({
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE"],
      ["A", "Primair", 10, -2],
      ["A", "Primair", 11, -3],
    ],
  });
  await renderPane(gateway);
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent(/met \d+ fouten/), {
    onTimeout: (e) => new Error(`${e.message}: ${screen.getByTestId("table-Formatie").textContent}`),
  });
  expect(screen.getByTestId("table-Parameters")).toHaveTextContent("gevonden");
  expect(screen.getByTestId("table-Parameters")).toHaveTextContent("2 rijen");
  fireEvent.click(within(screen.getByTestId("next-step")).getByRole("button", { name: "Naar Controle" }));
  expect(screen.getByRole("tab", { name: "Controle" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getAllByTestId("issue")[0]).toHaveTextContent("Formatie!D2");
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
  await renderPane(gateway);
  await openTab("Controle");
  await waitFor(() => expect(screen.getByText(/Negatieve FTE/)).toBeInTheDocument());
  expect(screen.getByRole("status")).toHaveTextContent("1 fout, 0 waarschuwingen");
  // The cell as Excel names it, next to the row within the table.
  expect(screen.getByTestId("issue")).toHaveTextContent("Formatie!D2 (Formatie, rij 1, kolom FTE)");
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
  await renderPane(gateway);
  await openTab("Scenario's");
  await waitFor(() => expect(screen.getByDisplayValue("Oud")).toBeInTheDocument());
  fireEvent.click(screen.getByRole("button", { name: "Nieuw scenario" }));
  const name = screen.getByRole("textbox", { name: "Naam" });
  fireEvent.change(name, { target: { value: "Gericht" } });
  // Change the lever to a targeted cut with a bad filter.
  fireEvent.click(screen.getByRole("combobox", { name: "Hefboom 1" }));
  fireEvent.click(screen.getByRole("option", { name: "Gerichte korting" }));
  fireEvent.change(screen.getByRole("textbox", { name: "Waarde" }), { target: { value: "10%" } });
  fireEvent.change(screen.getByRole("textbox", { name: FILTER }), { target: { value: "salaris > 3" } });
  expect(await screen.findAllByText(/Onbekend veld 'salaris'/)).not.toHaveLength(0);
  const save = screen.getByRole("button", { name: "Opslaan in tabel Scenarios" });
  expect(save).toBeDisabled();
  fireEvent.change(screen.getByRole("textbox", { name: FILTER }), {
    target: { value: 'functiegroep == "Bedrijfsvoering"' },
  });
  expect(screen.getByTestId("lever-0-count")).toHaveTextContent(
    "Selecteert 1 van 3 rijen, 30,0 van 100,0 FTE.",
  );
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
  // Focus lands on the result of the action.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("message-region")));
});

test("copy and delete scenarios; the baseline name is refused", async () => {
  const gateway = plan({
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["K", "Kaasschaaf", "auto"],
    ],
  });
  await renderPane(gateway);
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
  await renderPane(gateway);
  await openTab("Doorrekenen");
  await press(RUN);
  await waitFor(() => expect(screen.getByTestId("result-Kaasschaaf auto")).toBeInTheDocument());
  await waitFor(() => expect(document.activeElement).toBe(document.getElementById("results-title")));
  expect(screen.getByTestId("result-Kaasschaaf auto")).toHaveTextContent(
    /€ 1,0 mln\s*taakstelling € 1,0 mln: gehaald/,
  );
  expect(within(screen.getByTestId("result-Overhead")).getAllByText("100,0%")).not.toHaveLength(0);
  // The chart comes with the rest of the cards, a frame after the first ones.
  expect(
    await screen.findByRole("img", { name: /Primair behouden tegenover de kaasschaaf/ }),
  ).toBeInTheDocument();
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
  expect(screen.getByTestId("message")).toHaveTextContent("Rapport geschreven op 5 bladen");
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("message-region")));
});

test("in English the run's notes and the report are English", async () => {
  const gateway = plan({
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["Kaasschaaf auto", "Kaasschaaf", "auto"],
      ["Overhead", "Overheadnorm", 0.35],
    ],
  });
  await renderPane(gateway, "en");
  await openTab("Run");
  await press("Run all scenarios");
  await waitFor(() => expect(screen.getByTestId("result-Kaasschaaf auto")).toBeInTheDocument());
  // A card's notes are made when its details are opened.
  expect(screen.getByTestId("result-Kaasschaaf auto")).not.toHaveTextContent(/every FTE, hire and m2 row/);
  for (const name of ["Kaasschaaf auto", "Overhead"]) {
    const details = within(screen.getByTestId(`result-${name}`))
      .getByText("More about this scenario")
      .closest("details")!;
    details.open = true;
    fireEvent(details, new Event("toggle"));
  }
  expect(screen.getByTestId("result-Kaasschaaf auto")).toHaveTextContent(
    /Kaasschaaf auto: every FTE, hire and m2 row cut by \d+\.\d\d%\./,
  );
  expect(screen.getByTestId("result-Overhead")).toHaveTextContent(/Overhead norm 35\.00%/);
  await press("Write report");
  await waitFor(() => expect(gateway.reports).toHaveLength(1));
  const sheets = gateway.reports[0];
  expect(sheets.map((s) => s.name)).toEqual([
    "Comparison",
    "Sc Basis",
    "Sc Kaasschaaf auto",
    "Sc Overhead",
    "Definitions and sources",
  ]);
  const detail = sheets[2].cells.flat().filter((v) => typeof v === "string") as string[];
  expect(detail.some((v) => /^Kaasschaaf auto: every FTE, hire and m2 row cut by/.test(v))).toBe(true);
});

test("a run with input errors says so and points to Controle", async () => {
  const gateway = plan({
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
    ],
  });
  await renderPane(gateway);
  await openTab("Doorrekenen");
  await press(RUN);
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("De invoer heeft 1 fout."));
  fireEvent.click(within(screen.getByTestId("message")).getByRole("button", { name: "Naar Controle" }));
  expect(screen.getByRole("tab", { name: "Controle" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getAllByText(/Eindjaar/).length).toBeGreaterThan(0);
});

test("English follows Office's display language", async () => {
  await renderPane(plan(), "en");
  expect(screen.getByRole("tab", { name: "Check" })).toBeInTheDocument();
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent("found"));
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  // A tab and a button never share an accessible name.
  expect(screen.getByRole("button", { name: "Check again" })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Check" })).toBeNull();
});

test("no serious or critical accessibility violations on any tab", async () => {
  const { container } = await renderPane(
    plan({
      Scenarios: [
        ["Scenario", "Hefboom", "Waarde"],
        ["K", "Kaasschaaf", "auto"],
      ],
    }),
  );
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toBeInTheDocument());
  for (const tab of ["Start", "Controle", "Scenario's", "Doorrekenen"]) {
    await openTab(tab);
    if (tab === "Doorrekenen") {
      await press(RUN);
      // All of the results: the baseline's card comes with the rest, a frame after the first cards.
      await waitFor(() => expect(screen.getByTestId("result-Basis")).toBeInTheDocument());
    }
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${tab}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  }
});
