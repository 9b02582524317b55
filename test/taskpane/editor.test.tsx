/**
 * The scenario editor never traps and cannot be misled: hidden fields drop their values and errors, a
 * filter that selects nothing is an error, 10 where a fraction belongs asks whether 10% was meant, the
 * filter builder and the expression write the same text; unsaved scenarios are marked and the report asks
 * to save them first; Controle warns about a stored filter that selects nothing.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { MemoryGateway } from "./memory-gateway";
import { smallTables } from "../model/helpers";

const FILTER = "Filter als uitdrukking (voor gevorderden)";
const SAVE = "Opslaan in tabel Scenarios";

function renderPane(scenarios: unknown[][], language: "nl" | "en" = "nl") {
  const gateway = new MemoryGateway({
    ...(smallTables() as Record<string, unknown[][]>),
    Scenarios: [["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden"], ...scenarios],
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="Excel" language={language} gateway={gateway} />
    </FluentProvider>,
  );
  return gateway;
}

async function openScenarios(first: string) {
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent("gevonden"));
  fireEvent.click(screen.getByRole("tab", { name: "Scenario's" }));
  await waitFor(() => expect(screen.getByDisplayValue(first)).toBeInTheDocument());
}

async function chooseLever(label: string, option: string) {
  fireEvent.click(screen.getByRole("combobox", { name: label }));
  fireEvent.click(await screen.findByRole("option", { name: option }));
}

test("switching lever hides the fields it does not use and drops their values and errors (no trap)", async () => {
  renderPane([["R", "Roemernorm", 0.1, null, -1]]);
  await openScenarios("R");
  const insource = screen.getByRole("textbox", { name: "Inbesteden" });
  expect(insource).toHaveValue("-1");
  expect(screen.getAllByText(/Inbesteden is een fractie/).length).toBeGreaterThan(0);
  // Roemernorm takes no filter: no filter field.
  expect(screen.queryByRole("textbox", { name: FILTER })).toBeNull();
  fireEvent.change(screen.getByRole("textbox", { name: "Naam" }), { target: { value: "R2" } });
  expect(screen.getByRole("button", { name: SAVE })).toBeDisabled();

  await chooseLever("Hefboom 1", "Kaasschaaf");
  expect(screen.queryByRole("textbox", { name: "Inbesteden" })).toBeNull();
  expect(screen.queryByText(/Inbesteden is een fractie/)).toBeNull();
  expect(screen.getByRole("textbox", { name: "Waarde" })).toHaveValue("auto");
  expect(screen.getByRole("button", { name: SAVE })).toBeEnabled();

  // From Kaasschaaf to a targeted cut: no 'auto' left behind, and the filter appears.
  await chooseLever("Hefboom 1", "Gerichte korting");
  expect(screen.getByRole("textbox", { name: "Waarde" })).toHaveValue("0,1");
  expect(screen.getByRole("textbox", { name: FILTER })).toBeInTheDocument();
  // To Optimaal: no value field at all.
  await chooseLever("Hefboom 1", "Optimaal");
  expect(screen.queryByRole("textbox", { name: "Waarde" })).toBeNull();
  expect(screen.queryByRole("textbox", { name: FILTER })).toBeNull();
  expect(screen.getByRole("button", { name: SAVE })).toBeEnabled();
});

test("a filter stored on a lever that takes none stays visible with its error, so it can be cleared", async () => {
  renderPane([["K", "Kaasschaaf", "auto", 'eenheid == "A"', null]]);
  await openScenarios("K");
  const filter = screen.getByRole("textbox", { name: FILTER });
  expect(screen.getAllByText(/Een filter kan alleen bij/).length).toBeGreaterThan(0);
  fireEvent.change(filter, { target: { value: "" } });
  expect(screen.queryByRole("textbox", { name: FILTER })).toBeNull();
  expect(screen.getByRole("button", { name: SAVE })).toBeEnabled();
});

test("a filter that selects no row is an error in the editor; the builder counts rows and FTE live", async () => {
  renderPane([["G", "Gerichte korting", 0.1, 'eenheid == "A"', null]]);
  await openScenarios("G");
  expect(screen.getByTestId("lever-0-count")).toHaveTextContent(
    "Selecteert 2 van 3 rijen, 90,0 van 100,0 FTE.",
  );
  const filter = screen.getByRole("textbox", { name: FILTER });
  fireEvent.change(filter, { target: { value: 'eenheid == "Directie Z"' } });
  expect(screen.getByTestId("lever-0-count")).toHaveTextContent(
    "Selecteert 0 van 3 rijen, 0,0 van 100,0 FTE.",
  );
  expect(screen.getAllByText(/selecteert geen enkele rij van de Formatie/).length).toBeGreaterThan(0);
  expect(screen.getByRole("button", { name: SAVE })).toBeDisabled();

  // The builder writes the same Filter text: pick unit B and a scale range.
  fireEvent.click(screen.getByRole("combobox", { name: "Eenheden" }));
  fireEvent.click(await screen.findByRole("menuitemcheckbox", { name: "B" }));
  // The hand-written unit 'Directie Z' is not one of the workbook's, so the builder starts from it plus B.
  await waitFor(() => expect(filter).toHaveValue('(eenheid == "Directie Z" or eenheid == "B")'));
  fireEvent.change(filter, { target: { value: "" } });
  fireEvent.click(screen.getByRole("combobox", { name: "Functiegroepen" }));
  fireEvent.click(await screen.findByRole("menuitemcheckbox", { name: "Bedrijfsvoering" }));
  fireEvent.click(screen.getByRole("menuitemcheckbox", { name: "Primair" }));
  expect(filter).toHaveValue('(functiegroep == "Primair" or functiegroep == "Bedrijfsvoering")');
  fireEvent.click(screen.getByRole("combobox", { name: "Schaal vanaf" }));
  fireEvent.click(await screen.findByRole("option", { name: "10" }));
  expect(filter).toHaveValue(
    '(functiegroep == "Primair" or functiegroep == "Bedrijfsvoering") and schaal >= 10',
  );
  expect(screen.getByTestId("lever-0-count")).toHaveTextContent(
    "Selecteert 1 van 3 rijen, 60,0 van 100,0 FTE.",
  );
  expect(screen.getByRole("button", { name: SAVE })).toBeEnabled();
});

test("10 where a fraction belongs asks 'bedoelt u 10% (0,10)?' and offers the fraction", async () => {
  renderPane([["G", "Gerichte korting", 0.1, null, null]]);
  await openScenarios("G");
  fireEvent.change(screen.getByRole("textbox", { name: "Waarde" }), { target: { value: "10" } });
  expect(screen.getAllByText("Bedoelt u 10% (0,10)?").length).toBeGreaterThan(0);
  expect(screen.getByRole("button", { name: SAVE })).toBeDisabled();
  fireEvent.click(screen.getByRole("button", { name: "Gebruik 0,10" }));
  expect(screen.getByRole("textbox", { name: "Waarde" })).toHaveValue("0,10");
  expect(screen.queryByText(/Bedoelt u/)).toBeNull();
  expect(screen.getByRole("button", { name: SAVE })).toBeEnabled();
});

test("Controle warns about a stored filter that selects no row, naming scenario and lever", async () => {
  renderPane([["G", "Gerichte korting", 0.1, 'eenheid == "Directie Z"', null]]);
  await waitFor(() => expect(screen.getByTestId("table-Scenarios")).toHaveTextContent("gevonden"));
  fireEvent.click(screen.getByRole("tab", { name: "Controle" }));
  const issue = await screen.findByTestId("issue");
  expect(issue).toHaveTextContent(
    "Scenario 'G', hefboom Gerichte korting: het filter 'eenheid == \"Directie Z\"' selecteert geen enkele formatierij",
  );
  expect(issue).toHaveTextContent("Scenarios!D2 (Scenarios, rij 1, kolom Filter)");
});

test("unsaved scenarios are marked and the report asks to save them first", async () => {
  const gateway = renderPane([["K", "Kaasschaaf", 0.1, null, null]]);
  await openScenarios("K");
  fireEvent.click(screen.getByRole("button", { name: "Nieuw scenario" }));
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: "Scenario" })).toHaveTextContent(
      "Nieuw scenario (niet opgeslagen)",
    ),
  );
  expect(screen.getByText(/Niet opgeslagen wijzigingen: Nieuw scenario/)).toBeInTheDocument();

  fireEvent.click(screen.getByRole("tab", { name: "Doorrekenen" }));
  fireEvent.click(screen.getByRole("button", { name: "Alle scenario's doorrekenen" }));
  const card = await screen.findByTestId("result-Nieuw scenario");
  expect(card).toHaveTextContent("niet opgeslagen");
  expect(screen.getByTestId("result-K")).not.toHaveTextContent("niet opgeslagen");

  fireEvent.click(screen.getByRole("button", { name: "Rapport schrijven" }));
  const message = await screen.findByTestId("message");
  expect(message).toHaveTextContent("Scenario 'Nieuw scenario' is niet opgeslagen. Sla het eerst op");
  expect(gateway.reports).toHaveLength(0);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("message-region")));
  fireEvent.click(within(message).getByRole("button", { name: "Opslaan en rapport schrijven" }));
  await waitFor(() => expect(gateway.reports).toHaveLength(1));
  expect(gateway.saved).toHaveLength(1);
  expect(gateway.reports[0].map((s) => s.name)).toContain("Sc Nieuw scenario");
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Rapport geschreven op"));
  expect(screen.getByTestId("result-Nieuw scenario")).not.toHaveTextContent("niet opgeslagen");
});

test("the results rank a scenario that misses the target below one that meets it, with a verdict", async () => {
  renderPane([
    ["Klein", "Gerichte korting", 0.01, null, null],
    ["Kaasschaaf auto", "Kaasschaaf", "auto", null, null],
  ]);
  await waitFor(() => expect(screen.getByTestId("table-Scenarios")).toHaveTextContent("gevonden"), {
    onTimeout: (e) => new Error(`${e.message}: ${screen.getByTestId("table-Scenarios").textContent}`),
  });
  fireEvent.click(screen.getByRole("tab", { name: "Doorrekenen" }));
  fireEvent.click(screen.getByRole("button", { name: "Alle scenario's doorrekenen" }));
  await screen.findByTestId("result-Klein");
  const cards = within(screen.getByRole("list", { name: /Rangorde/ }))
    .getAllByRole("listitem")
    .filter((li) => li.hasAttribute("data-testid"));
  const names = cards.map((c) => c.getAttribute("data-testid"));
  expect(names).toEqual(["result-Kaasschaaf auto", "result-Klein"]);
  expect(within(cards[1]).getByTestId("verdict")).toHaveTextContent(
    /^haalt de taakstelling niet \(€ 0,\d mln van € 1,0 mln\)/,
  );
  expect(within(cards[0]).getByTestId("verdict")).toHaveTextContent(/^haalt de taakstelling/);
});

test("English: lever names with their meaning, messages in English", async () => {
  renderPane([["G", "Gerichte korting", 0.1, null, null]], "en");
  await waitFor(() => expect(screen.getByTestId("table-Formatie")).toHaveTextContent("found"));
  fireEvent.click(screen.getByRole("tab", { name: "Scenarios" }));
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: "Lever 1" })).toHaveTextContent(
      "Gerichte korting (targeted cut)",
    ),
  );
  fireEvent.change(screen.getByRole("textbox", { name: "Value" }), { target: { value: "10" } });
  expect(screen.getAllByText("Do you mean 10% (0.10)?").length).toBeGreaterThan(0);
});
