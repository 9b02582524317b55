/**
 * The shared runtime's lifecycle and the report's provenance: the pane reads the workbook only while it
 * is visible and again when it becomes visible; a report written after the inputs changed never carries
 * the old inputs' hash.
 */
import * as React from "react";
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { usePlanner } from "../../src/taskpane/usePlanner";
import { watchVisibility } from "../../src/taskpane/visibility";
import { hashInputs } from "../../src/model/report";
import type { ReadOptions } from "../../src/model/ports";
import { MemoryGateway } from "./memory-gateway";
import { smallTables } from "../model/helpers";

class CountingGateway extends MemoryGateway {
  /** reads of the input tables */
  reads = 0;
  /** every read, including the pane's look for a Rijk workbook's Departementen */
  allReads = 0;
  async readTables(options?: ReadOptions) {
    this.allReads++;
    if (!options?.names) this.reads++;
    options?.onProgress?.(1, 1);
    return super.readTables();
  }
}

const tables = () => smallTables() as Record<string, unknown[][]>;

function pane(gateway: MemoryGateway, visible: boolean) {
  return (
    <FluentProvider theme={webLightTheme}>
      <App host="Excel" language="nl" gateway={gateway} visible={visible} />
    </FluentProvider>
  );
}

test("a hidden pane does not read the workbook; it reads when shown, and again when shown again", async () => {
  const gateway = new CountingGateway(tables());
  const { rerender } = render(pane(gateway, false));
  await new Promise((r) => setTimeout(r, 50));
  expect(gateway.allReads).toBe(0);
  rerender(pane(gateway, true));
  await waitFor(() => expect(gateway.reads).toBe(1));
  rerender(pane(gateway, false));
  rerender(pane(gateway, true));
  await waitFor(() => expect(gateway.reads).toBe(2));
});

test("Office.addin.onVisibilityModeChanged drives the visibility; the handler is removed on stop", async () => {
  let handler: ((args: { visibilityMode: string }) => void) | null = null;
  const removed: boolean[] = [];
  const office = {
    addin: {
      onVisibilityModeChanged: (h: (args: { visibilityMode: string }) => void) => {
        handler = h;
        return Promise.resolve(async () => {
          removed.push(true);
        });
      },
    },
  };
  const seen: boolean[] = [];
  const stop = watchVisibility((v) => seen.push(v), office, document);
  await Promise.resolve();
  handler!({ visibilityMode: "Taskpane" });
  handler!({ visibilityMode: "Hidden" });
  expect(seen).toEqual([true, false]);
  await new Promise((r) => setTimeout(r, 0));
  stop();
  expect(removed).toEqual([true]);
});

test("reading reports progress to the pane", async () => {
  let release = () => {};
  const gateway = new (class extends MemoryGateway {
    async readTables(options?: ReadOptions) {
      options?.onProgress?.(1, 2);
      await new Promise<void>((r) => (release = r));
      return super.readTables();
    }
  })(tables());
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  act(() => void result.current.refresh());
  await waitFor(() => expect(result.current.state.busy?.progress).toBe(0.5));
  await act(async () => release());
  await waitFor(() => expect(result.current.state.busy).toBeNull());
});

test("a report after the inputs changed is refused; after a new run it carries the new inputs' hash", async () => {
  const gateway = new MemoryGateway({
    ...tables(),
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["K", "Kaasschaaf", "auto"],
    ],
  });
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  await act(async () => {
    await result.current.run();
  });
  await waitFor(() => expect(result.current.state.result).not.toBeNull());
  // The controller edits the formation after the run.
  (gateway.tables.Formatie[1] as unknown[])[3] = 99;
  await act(async () => {
    await result.current.writeReport();
  });
  expect(gateway.reports).toHaveLength(0);
  expect(result.current.state.message?.text).toMatch(/gewijzigd sinds het doorrekenen/);
  await act(async () => {
    await result.current.run();
  });
  await act(async () => {
    await result.current.writeReport();
  });
  expect(gateway.reports).toHaveLength(1);
  const provenance = JSON.stringify(gateway.reports[0][0].cells);
  expect(provenance).toContain(hashInputs((await gateway.readTables()).tables));
});
