/**
 * The pane over a gateway that plans by itself (the preview's WorkerGateway, its worker's handlers on this
 * thread): the pane shows the same check as from the rows, runs and reports through the gateway, and never
 * reads the input tables onto the page.
 */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { usePlanner } from "../../src/taskpane/usePlanner";
import { WorkerGateway } from "../../src/preview/worker-gateway";
import { readPlan, runPlan, loadSolver } from "../../src/model";
import { selectionRows, selectionTotals } from "../../src/model/filter-selection";
import { draftsFromRows } from "../../src/model/scenarios";
import { runInWorker } from "../../src/worker/client";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

async function opened() {
  const gateway = await WorkerGateway.open(new Uint8Array(fs.readFileSync(SAMPLE)).buffer);
  // What the add-in's pane would have read, to compare with; then no more reads of the tables allowed.
  const rows = await runInWorker({ task: "readTables" });
  const readTables = jest.spyOn(gateway, "readTables");
  return { gateway, rows, readTables };
}

test("check, run and report go through the gateway; the rows never come to the pane", async () => {
  const { gateway, rows, readTables } = await opened();
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  await act(async () => {
    await result.current.refresh();
  });
  const state = result.current.state;
  expect(state.issues).toEqual(readPlan(rows.tables).issues);
  expect(state.status?.find((s) => s.name === "Formatie")?.rows).toBe(rows.tables.Formatie!.length - 1);
  expect(state.read?.tables.Formatie).toEqual([rows.tables.Formatie![0]]);
  expect(state.savedDrafts).toEqual(draftsFromRows(rows.tables.Scenarios ?? []));
  const full = selectionRows(rows.tables.Formatie);
  expect(selectionTotals(result.current.selection).rows).toBe(full.unit.length);
  expect(selectionTotals(result.current.selection).fte).toBeCloseTo(selectionTotals(full).fte, 6);

  const before = result.current.selection;
  await act(async () => {
    await result.current.run();
  });
  expect(result.current.selection).toEqual(before);
  // The run checked again: the worker kept the rows the page has, the gateway gives the same ones.
  const held = result.current.selection;
  expect(selectionTotals(held).rows).toBe(full.unit.length);
  const ran = result.current.state.result!;
  const direct = runPlan(readPlan(rows.tables).plan!, { solver: await loadSolver() });
  expect(ran.comparison.map((c) => c.name)).toEqual(direct.comparison.map((c) => c.name));
  expect(ran.comparison[1].endYear.fte).toBeCloseTo(direct.comparison[1].endYear.fte, 6);

  await act(async () => {
    await result.current.writeReport();
  });
  expect(result.current.state.message?.text).toMatch(
    /Rapport geschreven op \d+ bladen: Vergelijking, Sc Basis/,
  );
  expect(readTables).not.toHaveBeenCalled();
}, 60_000);

test("just opened, the pane shows the tables as read at once, and the check's issues when it is made", async () => {
  const { gateway, rows } = await opened();
  // The open's own read: the same status as the check gives.
  expect(gateway.planning.found).toEqual((await gateway.planning.check()).status);
  let answerCheck!: () => void;
  const check = gateway.planning.check;
  gateway.planning.check = async () => {
    await new Promise<void>((resolve) => (answerCheck = resolve));
    return check();
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="Preview" language="nl" gateway={gateway} />
    </FluentProvider>,
  );
  // Before the check has answered: found, with its rows, and the check under way (not yet "in order").
  const formatie = screen.getByTestId("table-Formatie");
  expect(formatie).toHaveTextContent("gevonden");
  expect(formatie).toHaveTextContent(`${(rows.tables.Formatie!.length - 1).toLocaleString("nl-NL")} rijen`);
  await waitFor(() => expect(answerCheck).toBeDefined());
  expect(screen.getByTestId("next-step")).toHaveTextContent("Tabellen controleren…");
  expect(screen.getByTestId("next-step")).not.toHaveTextContent("in orde");
  expect(within(screen.getByRole("tabpanel")).queryByRole("button", { name: "Naar Scenario's" })).toBeNull();
  expect(screen.getAllByRole("status").some((s) => /Tabellen controleren/.test(s.textContent ?? ""))).toBe(
    true,
  );
  await act(async () => answerCheck());
  await waitFor(() => expect(screen.getByTestId("next-step")).toHaveTextContent("De invoer is in orde"));
  expect(screen.getByTestId("table-Formatie")).toHaveTextContent("gevonden");
});

test("a first check that fails leaves the tables shown and says they were not checked", async () => {
  const { gateway } = await opened();
  gateway.planning.check = async () => {
    throw new Error("kapot / broken");
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="Preview" language="nl" gateway={gateway} />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("kapot / broken"));
  expect(screen.getByTestId("table-Formatie")).toHaveTextContent("gevonden");
  expect(screen.getByTestId("next-step")).toHaveTextContent("niet gecontroleerd");
  expect(screen.getByTestId("next-step")).not.toHaveTextContent("in orde");
});

test("a workbook opened without its tables read (the in-memory reader) shows them after the check", async () => {
  const gateway = new WorkerGateway();
  expect(gateway.planning.found).toBeNull();
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  expect(result.current.state.status).toBeNull();
});

test("unsaved drafts run as they are on screen, and their report waits for a save", async () => {
  const { gateway, readTables } = await opened();
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  await act(async () => {
    await result.current.refresh();
  });
  act(() =>
    result.current.setDrafts([
      {
        name: "Concept",
        levers: [{ lever: "Kaasschaaf", value: "5%", filter: "", insource: "" }],
      },
    ]),
  );
  await act(async () => {
    await result.current.run();
  });
  await waitFor(() => expect(result.current.state.result).not.toBeNull());
  expect(result.current.state.result!.scenarios.map((s) => s.name)).toEqual(["Basis", "Concept"]);
  expect(result.current.state.resultUnsaved).toEqual(["Concept"]);
  await act(async () => {
    await result.current.writeReport();
  });
  expect(result.current.state.message?.confirmSave).toBe(true);
  expect(readTables).not.toHaveBeenCalled();
}, 60_000);

test("a run does not wait for the pane's check: both are asked at once, and the busy state is the run's", async () => {
  const { gateway } = await opened();
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  await act(async () => {
    await result.current.refresh();
  });
  const order: string[] = [];
  let answerCheck!: () => void;
  const check = gateway.planning.check;
  gateway.planning.check = async () => {
    order.push("check");
    await new Promise<void>((resolve) => (answerCheck = resolve));
    return check();
  };
  const run = gateway.planning.run;
  gateway.planning.run = (options) => {
    order.push("run");
    return run(options);
  };
  let running!: Promise<unknown>;
  act(() => {
    running = result.current.run();
  });
  await waitFor(() => expect(order).toEqual(["check", "run"]));
  // The check has not answered, and the pane shows the run as under way (not "reading"): running, or the stage
  // of Optimaal, which goes first.
  expect(result.current.state.busy?.label).toMatch(/doorreken|optimaal/i);
  expect(result.current.state.busy?.cancellable).toBe(true);
  answerCheck();
  await act(async () => {
    await running;
  });
  expect(result.current.state.result?.comparison.length).toBeGreaterThan(1);
  expect(result.current.state.busy).toBeNull();
});
