/**
 * Cancelling Optimaal inside the solve: HiGHS runs in a worker of its own (src/worker/solver-client.ts) that a
 * cancel ends. Here a fake solver worker that never answers (a solve that takes forever): cancel rejects with
 * CancelledError at once and terminates it; the next solve starts a fresh worker. Then the same through
 * runPlanAsync (stages and elapsed time as progress) and through the planner worker's handlers.
 */
import { readPlan, runPlan, runPlanAsync, CancelledError, loadSolver, setSolverPort } from "../../src/model";
import type { RunStep } from "../../src/model";
import {
  workerSolver,
  type FromSolver,
  type SolverWorker,
  type ToSolver,
} from "../../src/worker/solver-client";
import { createHandler } from "../../src/worker/handlers";
import type { FromWorker } from "../../src/worker/protocol";
import { oneVariableLp, smallTables } from "../model/helpers";
import type { LpSolver } from "../../src/model/solver";

/** A solver worker that receives and never answers, or answers with HiGHS when `answer` is set. */
class FakeSolverWorker implements SolverWorker {
  onmessage: ((e: MessageEvent<FromSolver>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: ToSolver[] = [];
  terminated = false;
  constructor(private answer?: LpSolver) {}
  postMessage(message: ToSolver): void {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.received.push(message);
    if (this.answer) {
      const solution = this.answer(message.lp);
      setTimeout(
        () => this.onmessage?.({ data: { id: message.id, solution } } as MessageEvent<FromSolver>),
        0,
      );
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

const optimalPlan = () =>
  readPlan(
    smallTables({
      Scenarios: [
        ["Scenario", "Hefboom", "Waarde"],
        ["Minste schade", "Optimaal", null],
      ],
    }),
  ).plan!;

test("cancel rejects a solve that never ends with CancelledError, ends its worker; the next solve gets a new one", async () => {
  const started: FakeSolverWorker[] = [];
  const solve = workerSolver(() => {
    const w = new FakeSolverWorker();
    started.push(w);
    return w;
  });
  const abort = new AbortController();
  const pending = solve(oneVariableLp(0, 1), abort.signal);
  await new Promise((r) => setTimeout(r, 20));
  expect(started).toHaveLength(1);
  expect(started[0].received).toHaveLength(1);
  const t0 = Date.now();
  abort.abort();
  await expect(pending).rejects.toBeInstanceOf(CancelledError);
  expect(Date.now() - t0).toBeLessThan(100);
  expect(started[0].terminated).toBe(true);
  // A new solve after a cancel: a fresh worker, the old one never used again.
  const again = solve(oneVariableLp(0, 1), new AbortController().signal);
  await new Promise((r) => setTimeout(r, 0));
  expect(started).toHaveLength(2);
  expect(started[1].received).toHaveLength(1);
  expect(started[1].terminated).toBe(false);
  void again.catch(() => undefined);
  // An abort that comes after the answer ends nothing.
  const highs = await loadSolver();
  const answering = new FakeSolverWorker(highs);
  const solve2 = workerSolver(() => answering);
  const late = new AbortController();
  const solution = await solve2(oneVariableLp(1, 2), late.signal);
  expect(solution.status).toBe("Optimal");
  expect(solution.colValue[0]).toBeCloseTo(1);
  late.abort();
  expect(answering.terminated).toBe(false);
});

test("runPlanAsync: Optimaal's stages and solving time are progress; cancel during the solve stops the run", async () => {
  const workers: FakeSolverWorker[] = [];
  const solveAsync = workerSolver(() => {
    const w = new FakeSolverWorker();
    workers.push(w);
    return w;
  });
  const abort = new AbortController();
  const steps: RunStep[] = [];
  let cancelledAt = 0;
  const run = runPlanAsync(optimalPlan(), {
    solveAsync,
    signal: abort.signal,
    onProgress: (_done, _total, scenario, step) => {
      if (!step) return;
      expect(scenario).toBe("Minste schade");
      steps.push(step);
      // Cancel once the solve has run a little over a second (one elapsed-time tick).
      if (step.stage === "solving" && step.elapsedMs >= 1000 && !cancelledAt) {
        cancelledAt = Date.now();
        abort.abort();
      }
    },
  });
  await expect(run).rejects.toBeInstanceOf(CancelledError);
  expect(Date.now() - cancelledAt).toBeLessThan(1000);
  expect(steps.map((s) => s.stage).slice(0, 3)).toEqual(["pooling", "building", "solving"]);
  expect(steps.filter((s) => s.stage === "solving").length).toBeGreaterThanOrEqual(2);
  expect(workers).toHaveLength(1);
  expect(workers[0].terminated).toBe(true);
  // The pooled LP: one column per pool at least, the cost row and the norms.
  expect(workers[0].received[0].lp.numCols).toBeGreaterThan(1);
  expect(workers[0].received[0].lp.numRows).toBeGreaterThanOrEqual(3);
}, 10_000);

test("with an answering solver worker the run equals the in-thread run", async () => {
  const highs = await loadSolver();
  const solveAsync = workerSolver(() => new FakeSolverWorker(highs));
  const stages: string[] = [];
  const viaWorker = await runPlanAsync(optimalPlan(), {
    solveAsync,
    onProgress: (_d, _t, _s, step) => step && stages.push(step.stage),
  });
  const direct = runPlan(optimalPlan(), { solver: highs });
  expect(viaWorker.comparison).toEqual(direct.comparison);
  expect(stages).toContain("distributing");
});

test("the planner worker's handlers: a cancel message ends the solve under way", async () => {
  const workers: FakeSolverWorker[] = [];
  setSolverPort(
    workerSolver(() => {
      const w = new FakeSolverWorker();
      workers.push(w);
      return w;
    }),
  );
  try {
    const messages: FromWorker[] = [];
    let handle: ReturnType<typeof createHandler>;
    const finished = new Promise<FromWorker>((resolve) => {
      handle = createHandler((m) => {
        messages.push(m);
        // The user presses cancel while HiGHS is busy.
        if (m.kind === "progress" && m.step?.stage === "solving")
          setTimeout(() => void handle({ id: 1, kind: "cancel" }), 50);
        if (m.kind !== "progress") resolve(m);
      });
    });
    const t0 = Date.now();
    void handle!({
      id: 1,
      kind: "start",
      request: {
        task: "run",
        tables: smallTables({
          Scenarios: [
            ["Scenario", "Hefboom", "Waarde"],
            ["Minste schade", "Optimaal", null],
          ],
        }),
      },
    });
    const last = await finished;
    expect(last).toMatchObject({ kind: "failed", cancelled: true });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(workers).toHaveLength(1);
    expect(workers[0].received).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
    expect(messages.some((m) => m.kind === "progress" && m.step?.stage === "pooling")).toBe(true);
  } finally {
    setSolverPort(null);
  }
});

test("while Optimaal's LP is being solved the other scenarios run; the results keep the plan's order", async () => {
  const highs = await loadSolver();
  const plan = readPlan(
    smallTables({
      Scenarios: [
        ["Scenario", "Hefboom", "Waarde"],
        ["Kaas", "Kaasschaaf", 0.02],
        ["Minste schade", "Optimaal", null],
        ["Vacatures", "Vacaturestop", 0.5],
      ],
    }),
  ).plan!;
  const events: string[] = [];
  const solveAsync = async (lp: Parameters<LpSolver>[0]) => {
    events.push("LP sent");
    await new Promise((resolve) => setTimeout(resolve, 30));
    events.push("LP solved");
    return highs(lp);
  };
  const ran = await runPlanAsync(plan, {
    solveAsync,
    onProgress: (_done, _total, scenario, step) => !step && events.push(`${scenario} done`),
  });
  // The first LP went out before any other scenario was worked on, and those finished while it was solved.
  expect(events.slice(0, 4)).toEqual(["Basis done", "LP sent", "Kaas done", "Vacatures done"]);
  expect(events.indexOf("Minste schade done")).toBeGreaterThan(events.indexOf("LP solved"));
  expect(ran.scenarios.map((s) => s.name)).toEqual(["Basis", "Kaas", "Minste schade", "Vacatures"]);
  const direct = runPlan(plan, { solver: highs });
  expect(ran.comparison).toEqual(direct.comparison);
});
