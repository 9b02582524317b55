/**
 * The planner worker's client: the same tasks on this thread (jsdom, Node) and through a Worker's messages
 * (a fake Worker here that copies every message with structuredClone, as a browser does), progress, cancel,
 * and the preview's workbook kept on the worker's side.
 */
import * as fs from "fs";
import * as path from "path";
import { readPlan, runPlan, CancelledError, loadSolver } from "../../src/model";
import { buildReport } from "../../src/model/report";
import { createHandler } from "../../src/worker/handlers";
import { runInWorker, runsInWorker, setWorkerFactory } from "../../src/worker/client";
import type { FromWorker, ToWorker } from "../../src/worker/protocol";
import { smallTables } from "../model/helpers";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");
const scenarios = (rows: unknown[][]) =>
  smallTables({ Scenarios: [["Scenario", "Hefboom", "Waarde"], ...rows] });

/** A Worker as the client sees one: messages are structured clones, delivered asynchronously. */
class ClonedMessageWorker {
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  transferred: Transferable[][] = [];
  // structuredClone with a transfer list throws, as postMessage does, for what cannot be transferred.
  private handle = createHandler((message, transfer = []) => {
    const copy = structuredClone(message, { transfer });
    setTimeout(() => this.onmessage?.({ data: copy }), 0);
    if (transfer.length) this.transferred.push(transfer);
  });
  postMessage(message: ToWorker, transfer: Transferable[] = []): void {
    const copy = structuredClone(message, { transfer });
    if (transfer.length) this.transferred.push(transfer);
    setTimeout(() => void this.handle(copy), 0);
  }
}

describe("on this thread (no Worker)", () => {
  test("a run gives the engine's result, with progress per scenario", async () => {
    expect(runsInWorker()).toBe(false);
    const tables = scenarios([
      ["Kaasschaaf auto", "Kaasschaaf", "auto"],
      ["Overhead", "Overheadnorm", 0.35],
    ]);
    const steps: [number, number][] = [];
    const { issues, result } = await runInWorker(
      { task: "run", tables },
      { onProgress: (done, total) => steps.push([done, total]) },
    );
    expect(issues).toEqual([]);
    expect(result).toEqual(runPlan(readPlan(tables).plan!));
    expect(steps.slice(-3)).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  test("input errors come back as issues without a result", async () => {
    const tables = smallTables({ Parameters: [["Parameter", "Waarde"]] });
    const { issues, result } = await runInWorker({ task: "run", tables });
    expect(result).toBeNull();
    expect(issues.some((i) => i.severity === "error" && i.table === "Parameters")).toBe(true);
  });

  test("an aborted run rejects with CancelledError", async () => {
    const controller = new AbortController();
    const tables = scenarios([
      ["K1", "Kaasschaaf", 0.1],
      ["K2", "Kaasschaaf", 0.2],
      ["K3", "Kaasschaaf", 0.3],
    ]);
    const run = runInWorker(
      { task: "run", tables },
      { signal: controller.signal, onProgress: (done) => done === 1 && controller.abort() },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await expect(runInWorker({ task: "run", tables }, { signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});

describe("through a Worker's messages", () => {
  let worker: ClonedMessageWorker;
  const globals = globalThis as unknown as { Worker?: unknown };
  beforeAll(() => {
    globals.Worker = ClonedMessageWorker;
    setWorkerFactory(() => {
      worker = new ClonedMessageWorker();
      return worker as unknown as Worker;
    });
  });
  afterAll(() => delete globals.Worker);

  test("a run with Optimaal survives structured cloning and equals the engine's result", async () => {
    expect(runsInWorker()).toBe(true);
    const tables = scenarios([
      ["Kaasschaaf auto", "Kaasschaaf", "auto"],
      ["Optimaal", "Optimaal", null],
    ]);
    const { result } = await runInWorker({ task: "run", tables });
    const direct = runPlan(readPlan(tables).plan!, { solver: await loadSolver() });
    expect(result!.comparison).toEqual(direct.comparison);
    expect(result!.scenarios.map((s) => s.name)).toEqual(["Basis", "Kaasschaaf auto", "Optimaal"]);
    expect(result!.scenarios[2].optimal?.status).toBe(direct.scenarios[2].optimal?.status);
  });

  test("the preview's workbook: open (bytes transferred), read, save scenarios, report, save", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE)).buffer;
    const stages: string[] = [];
    const opened = await runInWorker(
      { task: "open", bytes, name: "voorbeeld-ministerie.xlsx" },
      { onProgress: (_d, _t, stage) => stages.push(stage) },
    );
    expect(opened.sheets).toEqual(expect.arrayContaining(["Formatie", "Scenarios"]));
    // the report's sources: the file's name and the sample's illustrative price table
    const sources = await runInWorker({ task: "readSources" });
    expect(sources.file).toBe("voorbeeld-ministerie.xlsx");
    expect(sources.marks!.some((m) => m.sheet === "Prijzen" && /ILLUSTRATIEF/.test(m.text))).toBe(true);
    expect(stages).toEqual(["parse", "tables"]);
    expect(worker.transferred[0]).toEqual([bytes]);

    const read = await runInWorker({ task: "readTables" });
    expect(read.tables.Formatie!.length).toBeGreaterThan(10);
    await runInWorker({
      task: "saveScenarios",
      rows: [
        ["Scenario", "Hefboom", "Waarde"],
        ["Alleen dit", "Kaasschaaf", 0.05],
      ],
    });
    const again = await runInWorker({ task: "readTables" });
    expect(again.tables.Scenarios!.slice(1).map((r) => r[0])).toEqual(["Alleen dit"]);
    const selection = await runInWorker({
      task: "selectCell",
      ref: { table: "Formatie", row: 2, column: "FTE" },
    });
    expect(selection).toEqual({
      sheet: read.locations.Formatie.sheet,
      address: expect.stringMatching(/^[A-Z]+\d+$/),
    });
    const { result } = await runInWorker({ task: "run", tables: again.tables });
    const sheets = buildReport(result!, { createdAt: new Date(), inputHash: "test", version: "test" });
    const report = await runInWorker({ task: "writeReport", sheets });
    expect(report.sheets).toEqual(["Vergelijking", "Sc Basis", "Sc Alleen dit", "Definities en bronnen"]);
    const saved = await runInWorker({ task: "save" });
    expect(saved.bytes).toBeInstanceOf(ArrayBuffer);
    expect(saved.bytes.byteLength).toBeGreaterThan(1000);
    expect(worker.transferred).toHaveLength(2);
  });

  test("the template goes through the worker in the pane's language", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    const bytes = new Uint8Array(await empty.xlsx.writeBuffer()).buffer as ArrayBuffer;
    await runInWorker({ task: "open", bytes });
    const inserted = await runInWorker({ task: "insertTemplate", examples: true, lang: "en" });
    expect(inserted.created).toHaveLength(7);
    const read = await runInWorker({ task: "readTables" });
    expect(read.tables.Taakstelling![0]).toEqual(["Year", "Amount"]);
    expect(readPlan(read.tables).issues).toEqual([]);
  });

  test("a failure in the worker rejects with its message", async () => {
    await expect(runInWorker({ task: "open", bytes: new ArrayBuffer(8) })).rejects.toThrow(Error);
  });
});
