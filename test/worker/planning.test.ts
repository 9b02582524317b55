/**
 * The preview's planning in the worker (check, runHeld, reportHeld): the same issues, statuses, filter counts
 * and hash as the pane computes from the rows on the page, the same run, a report only for unchanged inputs,
 * and no message to the page that carries the formation rows.
 */
import ExcelJS from "exceljs";
import { readPlan, runPlan, loadSolver } from "../../src/model";
import { countSelection, selectionRows, selectionTotals } from "../../src/model/filter-selection";
import * as reportModule from "../../src/model/report";
import * as inputModule from "../../src/model/input";
import { hashInputs } from "../../src/model/report";
import { TABLES, type TableName } from "../../src/model/schema";
import * as portsModule from "../../src/model/ports";
import { tableStatus } from "../../src/model/ports";
import { addInputTable } from "../../src/xlsx/workbook";
import { createHandler } from "../../src/worker/handlers";
import {
  setSolverPort,
  solverPort,
  warmSolver,
  WARM_UP_POOLS,
  WARM_UP_ROUNDS,
  type LpModel,
  type LpSolution,
} from "../../src/model/solver";
import type { FromWorker, TaskOutput, TaskRequest } from "../../src/worker/protocol";
import { oneVariableLp, smallTables } from "../model/helpers";

type Row = (string | number | null)[];

/** The handlers on this thread; every message they post is kept, as the page would receive it. */
function worker() {
  const messages: FromWorker[] = [];
  let next = 1;
  const waiting = new Map<number, (m: FromWorker) => void>();
  const handle = createHandler((message) => {
    messages.push(structuredClone(message));
    if (message.kind !== "progress") waiting.get(message.id)?.(message);
  });
  async function call<R extends TaskRequest>(request: R): Promise<TaskOutput<R>> {
    const id = next++;
    const answer = new Promise<FromWorker>((resolve) => waiting.set(id, resolve));
    await handle({ id, kind: "start", request: structuredClone(request) });
    const m = await answer;
    if (m.kind === "failed") throw new Error(m.message);
    return (m as { output: TaskOutput<R> }).output;
  }
  return { call, messages };
}

/** A workbook with `rows` formation rows (many alike, as in a real department) and the small plan's tables. */
async function workbookBytes(rows: number, overrides: Partial<Record<TableName, Row[]>> = {}) {
  const base = smallTables() as Record<string, Row[]>;
  const units = ["Directie A", "Directie B", "Directie C", "Staf"];
  const groups = ["Primair", "Bedrijfsvoering", "Lijnmanagement"];
  const formation: Row[] = [];
  for (let i = 0; i < rows; i++)
    formation.push([
      units[i % 4],
      groups[i % 3],
      6 + (i % 7),
      [0.5, 0.8, 1][i % 3],
      60_000 + (i % 5) * 10_000,
      "nee",
    ]);
  const tables: Record<string, Row[]> = { ...base, Formatie: [base.Formatie[0], ...formation], ...overrides };
  const wb = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries(tables)) addInputTable(wb, name as TableName, data.slice(1));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

const scenarioRows: Row[] = [
  ["Scenario", "Hefboom", "Waarde", "Filter"],
  ["Kaasschaaf", "Kaasschaaf", 0.05, null],
  ["Staf eruit", "Gerichte korting", 0.2, 'eenheid == "Staf"'],
];

describe("check, run and report where the workbook is", () => {
  test("check gives what the pane would compute from the rows, without the rows", async () => {
    const w = worker();
    await w.call({ task: "open", bytes: await workbookBytes(3000, { Scenarios: scenarioRows }) });
    const first = await w.call({ task: "check" });
    const selection = first.selection!;
    const checked = { ...first, selection };
    // What the pane computes when the rows come to the page (the add-in's path).
    const read = await w.call({ task: "readTables" });
    expect(checked.issues).toEqual(readPlan(read.tables).issues);
    expect(checked.status).toEqual(tableStatus(read, TABLES));
    // The hash is the run's (made after the check's answer, for the run and the report).
    expect(checked).not.toHaveProperty("inputHash");
    expect((await w.call({ task: "runHeld", scenarios: null })).inputHash).toBe(hashInputs(read.tables));
    expect(checked.scenarios).toEqual(read.tables.Scenarios);
    expect(checked.read.locations).toEqual(read.locations);
    for (const [name, rows] of Object.entries(read.tables))
      expect(checked.read.tables[name]).toEqual([rows![0]]);

    // The filter builder: same values, same counts, from far fewer entries.
    const full = selectionRows(read.tables.Formatie);
    expect(checked.selection.unit.length).toBeLessThan(full.unit.length / 10);
    expect(selectionTotals(checked.selection).rows).toBe(3000);
    expect(selectionTotals(checked.selection).fte).toBeCloseTo(selectionTotals(full).fte, 6);
    for (const filter of [
      'eenheid == "Staf"',
      'schaal >= 9 and functiegroep == "Primair"',
      "fte < 0.9",
      "",
    ]) {
      const [a, b] = [countSelection(filter, checked.selection), countSelection(filter, full)];
      expect("rows" in a && a.rows).toBe("rows" in b && b.rows);
      if ("fte" in a && "fte" in b) expect(a.fte).toBeCloseTo(b.fte, 6);
    }

    // Asked again with the tables unchanged, the worker leaves out the rows the page already has.
    const again = await w.call({ task: "check", known: first.generation });
    expect(again.selection).toBeNull();
    expect(again.issues).toEqual(first.issues);
    expect(again.generation).toBe(first.generation);

    // Nothing the page receives from check carries the formation rows: far smaller than the table itself.
    const sent = JSON.stringify(w.messages.filter((m) => m.kind === "done").slice(1, 2));
    expect(sent.length).toBeLessThan(JSON.stringify(read.tables.Formatie).length / 10);
    expect(sent).not.toContain("60000");
  });

  test("check reports the same errors as the page for broken input", async () => {
    const w = worker();
    const bytes = await workbookBytes(5, {
      Parameters: [["Parameter", "Waarde"]],
      Scenarios: [...scenarioRows, ["Kapot", "Bestaat niet", 1, null]],
    });
    await w.call({ task: "open", bytes });
    const checked = await w.call({ task: "check" });
    const read = await w.call({ task: "readTables" });
    expect(checked.issues.length).toBeGreaterThan(0);
    expect(checked.issues).toEqual(readPlan(read.tables).issues);
    const ran = await w.call({ task: "runHeld", scenarios: null });
    expect(ran.result).toBeNull();
    expect(ran.issues).toEqual(checked.issues);
  });

  test("runHeld runs the held tables, or the given scenarios instead of the stored ones", async () => {
    const w = worker();
    // Enough rows that the result (per year and per unit, whatever the number of rows) is far smaller.
    await w.call({ task: "open", bytes: await workbookBytes(6000, { Scenarios: scenarioRows }) });
    const read = await w.call({ task: "readTables" });
    const solver = await loadSolver();

    const ran = await w.call({ task: "runHeld", scenarios: null });
    expect(ran.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(ran.inputHash).toBe(hashInputs(read.tables));
    expect(ran.result!.comparison).toEqual(runPlan(readPlan(read.tables).plan!, { solver }).comparison);

    const drafts: Row[] = [
      ["Scenario", "Hefboom", "Waarde"],
      ["Alleen concept", "Kaasschaaf", 0.1],
    ];
    const edited = { ...read.tables, Scenarios: drafts };
    const draft = await w.call({ task: "runHeld", scenarios: drafts });
    expect(draft.result!.scenarios.map((s) => s.name)).toEqual(["Basis", "Alleen concept"]);
    expect(draft.result!.comparison).toEqual(runPlan(readPlan(edited).plan!, { solver }).comparison);
    expect(draft.inputHash).toBe(hashInputs(edited));
    // The run's answer is the result (per year, per unit), not the rows.
    expect(Object.keys(draft).sort()).toEqual(["inputHash", "issues", "result"]);
    const answer = JSON.stringify(w.messages.filter((m) => m.kind === "done").at(-1));
    expect(answer.length).toBeLessThan(JSON.stringify(read.tables.Formatie).length / 10);

    // The scenarios on screen equal to the stored ones (the usual case): the held plan, hash and result.
    const same = await w.call({ task: "runHeld", scenarios: read.tables.Scenarios as Row[] });
    expect(same.inputHash).toBe(ran.inputHash);
    expect(same.result!.comparison).toEqual(ran.result!.comparison);
  });

  test("reportHeld writes the last run's report, and nothing when the inputs changed since", async () => {
    const w = worker();
    await w.call({ task: "open", bytes: await workbookBytes(50, { Scenarios: scenarioRows }) });
    const ran = await w.call({ task: "runHeld", scenarios: null });
    const createdAt = Date.UTC(2026, 10, 28, 12);

    expect(await w.call({ task: "reportHeld", inputHash: "0000", lang: "nl", createdAt })).toBeNull();
    const written = await w.call({ task: "reportHeld", inputHash: ran.inputHash, lang: "en", createdAt });
    expect(written!.sheets[0]).toBe("Comparison");
    expect(written!.sheets).toEqual(expect.arrayContaining(["Sc Basis", "Sc Kaasschaaf", "Sc Staf eruit"]));
    expect(written!.renamed).toEqual([]);
    // Its provenance names the hash of the inputs it was run on (the run's, not made again).
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await w.call({ task: "save" })).bytes);
    const texts: string[] = [];
    saved.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts.some((t) => t.includes(ran.inputHash))).toBe(true);

    // The planner saves other scenarios: the old run's report would carry a stale hash, so none is written.
    await w.call({
      task: "saveScenarios",
      rows: [
        ["Scenario", "Hefboom", "Waarde"],
        ["Nieuw", "Kaasschaaf", 0.02],
      ],
    });
    expect(await w.call({ task: "reportHeld", inputHash: ran.inputHash, lang: "nl", createdAt })).toBeNull();
    const checked = await w.call({ task: "check" });
    expect(checked.scenarios!.slice(1).map((r) => r[0])).toEqual(["Nieuw"]);
    expect((await w.call({ task: "runHeld", scenarios: null })).inputHash).not.toBe(ran.inputHash);
  });
});

test("the check answers before the inputs are hashed; the hash follows at once, once, for the run and the report", async () => {
  const hashing = jest.spyOn(reportModule, "hashInputs");
  try {
    const w = worker();
    await w.call({ task: "open", bytes: await workbookBytes(200, { Scenarios: scenarioRows }) });
    await w.call({ task: "check" });
    expect(hashing).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hashing).toHaveBeenCalledTimes(1);
    const ran = await w.call({ task: "runHeld", scenarios: null });
    expect(ran.inputHash).toBe(hashing.mock.results[0].value);
    expect(hashing).toHaveBeenCalledTimes(1);
  } finally {
    hashing.mockRestore();
  }
});

test("after an open the worker makes the check before the pane asks for it; the pane's check finds it made", async () => {
  const checking = jest.spyOn(inputModule, "readPlan");
  const summing = jest.spyOn(portsModule, "tableStatus");
  const hashing = jest.spyOn(reportModule, "hashInputs");
  try {
    const w = worker();
    await w.call({ task: "open", bytes: await workbookBytes(200, { Scenarios: scenarioRows }) });
    // The open's answer goes first; the check is made right after it.
    expect(checking).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(checking).toHaveBeenCalledTimes(1);
    expect(summing).toHaveBeenCalledTimes(1);
    // The hash waits for the pane's check to be answered.
    expect(hashing).not.toHaveBeenCalled();
    const checked = await w.call({ task: "check" });
    expect(checking).toHaveBeenCalledTimes(1);
    expect(summing).toHaveBeenCalledTimes(1);
    expect(checked.issues).toEqual(checking.mock.results[0].value.issues);
    expect(checked.selection).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hashing).toHaveBeenCalledTimes(1);
  } finally {
    checking.mockRestore();
    summing.mockRestore();
    hashing.mockRestore();
  }
});

test("a write right after an open is not overtaken by the check made meanwhile", async () => {
  const w = worker();
  await w.call({ task: "open", bytes: await workbookBytes(200, { Scenarios: scenarioRows }) });
  await w.call({
    task: "saveScenarios",
    rows: [
      ["Scenario", "Hefboom", "Waarde"],
      ["Nieuw", "Kaasschaaf", 0.02],
    ],
  });
  const checked = await w.call({ task: "check" });
  expect(checked.scenarios!.slice(1).map((r) => r[0])).toEqual(["Nieuw"]);
});

test("the check's summary is made once per read of the tables: checks alongside each run cost nothing more", async () => {
  const counting = jest.spyOn(portsModule, "tableStatus");
  try {
    const w = worker();
    await w.call({ task: "open", bytes: await workbookBytes(200, { Scenarios: scenarioRows }) });
    const first = await w.call({ task: "check" });
    const again = await w.call({ task: "check", known: first.generation });
    expect(counting).toHaveBeenCalledTimes(1);
    expect({ ...again, selection: null }).toEqual({ ...first, selection: null });
    // A write: the tables are read and summed up again.
    await w.call({
      task: "saveScenarios",
      rows: [
        ["Scenario", "Hefboom", "Waarde"],
        ["Nieuw", "Kaasschaaf", 0.02],
      ],
    });
    const after = await w.call({ task: "check" });
    expect(counting).toHaveBeenCalledTimes(2);
    expect(after.scenarios!.slice(1).map((r) => r[0])).toEqual(["Nieuw"]);
  } finally {
    counting.mockRestore();
  }
});

describe("HiGHS warmed before the run", () => {
  afterEach(() => setSolverPort(null));

  /** A solver port that records each LP and answers only when told to. */
  function heldPort() {
    const sent: { lp: LpModel; answer: () => Promise<void> }[] = [];
    const port = (lp: LpModel) =>
      new Promise<LpSolution>((resolve) => {
        sent.push({ lp, answer: async () => resolve((await loadSolver())(lp)) });
      });
    return { sent, port };
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  test("opening a workbook that names Optimaal warms the solver's worker with LPs of Optimaal's shape; the run then solves there", async () => {
    const sent: LpModel[] = [];
    const solve = await loadSolver();
    setSolverPort(async (lp) => {
      sent.push(lp);
      return solve(lp);
    });
    const w = worker();
    const optimal = [...scenarioRows, ["Optimaal", "Optimaal", null, null]];
    await w.call({ task: "open", bytes: await workbookBytes(50, { Scenarios: optimal }) });
    // Sent during the read, before any check: the made-up department's LPs (optimal.ts, warmUpInput).
    expect(sent.length).toBeGreaterThan(0);
    // A column per pool, hire, per housing row and per pool's forced exits; a row per unit, per pool and more.
    expect(sent[0].numCols).toBe(2 * WARM_UP_POOLS + 1 + 200);
    expect(sent[0].numRows).toBeGreaterThan(WARM_UP_POOLS + 60);
    const warmUp = sent.length;
    const ran = await w.call({ task: "runHeld", scenarios: null });
    expect(ran.result!.scenarios.at(-1)!.optimal).toBeDefined();
    expect(sent.length).toBeGreaterThan(warmUp);
  });

  test("the warm-up sends one LP at a time and stops once a real solve is asked for", async () => {
    const { sent, port } = heldPort();
    setSolverPort(port);
    warmSolver();
    await flush();
    expect(sent).toHaveLength(1);
    // Answered: the next warm-up LP follows.
    await sent[0].answer();
    await flush();
    expect(sent).toHaveLength(2);
    // A real solve is asked while the second is under way: it waits for that one only, and no more follow.
    const real = solverPort()!(oneVariableLp(0, 10, 1));
    expect(sent).toHaveLength(3);
    await sent[1].answer();
    await sent[2].answer();
    expect((await real).objective).toBe(1);
    await flush();
    expect(sent).toHaveLength(3);
    // Once per port: its worker stays warm.
    warmSolver();
    await flush();
    expect(sent).toHaveLength(3);
  });

  test("undisturbed, the warm-up solves its rounds and ends", async () => {
    const sent: LpModel[] = [];
    const solve = await loadSolver();
    const statuses: string[] = [];
    setSolverPort(async (lp) => {
      sent.push(lp);
      const solution = solve(lp);
      statuses.push(solution.status);
      return solution;
    });
    warmSolver();
    for (let i = 0; i < 200 && sent.length < 2 * WARM_UP_ROUNDS; i++) await flush();
    await flush();
    // Each made-up department: the norms out of reach first, then the attempt without the overhead norm.
    expect(sent).toHaveLength(2 * WARM_UP_ROUNDS);
    expect(statuses.slice(0, 2)).toEqual(["Infeasible", "Optimal"]);
    await flush();
    expect(sent).toHaveLength(2 * WARM_UP_ROUNDS);
  });

  test("a workbook and a check without Optimaal send nothing to the solver", async () => {
    const sent: LpModel[] = [];
    setSolverPort(async (lp) => {
      sent.push(lp);
      return (await loadSolver())(lp);
    });
    const w = worker();
    await w.call({ task: "open", bytes: await workbookBytes(50, { Scenarios: scenarioRows }) });
    await w.call({ task: "check" });
    expect(sent).toEqual([]);
  });
});
