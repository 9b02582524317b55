/**
 * In Excel's pane the tables are checked on the page and run in the planner worker: a check that finds
 * Optimaal sends the worker a warmSolver task, so that HiGHS warms up (src/model/solver.ts) before the run.
 */
import { act, renderHook } from "@testing-library/react";
import { usePlanner } from "../../src/taskpane/usePlanner";
import { loadSolver, setSolverPort, type LpModel } from "../../src/model/solver";
import { MemoryGateway } from "./memory-gateway";
import { smallTables } from "../model/helpers";

afterEach(() => setSolverPort(null));

async function checkedWith(scenarios: unknown[][]): Promise<LpModel[]> {
  const solve = await loadSolver();
  const sent: LpModel[] = [];
  setSolverPort(async (lp) => {
    sent.push(lp);
    return solve(lp);
  });
  const gateway = new MemoryGateway(smallTables({ Scenarios: scenarios }) as Record<string, unknown[][]>);
  const { result } = renderHook(() => usePlanner(gateway, "nl"));
  await act(async () => {
    await result.current.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  return sent;
}

test("a check that finds Optimaal warms the solver; one without it does not", async () => {
  const header = ["Scenario", "Hefboom", "Waarde"];
  expect(await checkedWith([header, ["Minste schade", "Optimaal", null]])).not.toHaveLength(0);
  expect(await checkedWith([header, ["Kaas", "Kaasschaaf", 0.02]])).toHaveLength(0);
});
