/**
 * Opening in the preview's planner worker (issue 13): the streaming reader gives the input tables for check
 * and run at once, while the editable workbook loads in its own worker; every write waits for that workbook.
 * Run as in the browser: ExcelJS's browser build (what webpack gives the workers) and no Node zlib or streams.
 */
import "../xlsx/as-in-browser";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { createHandler } from "../../src/worker/handlers";
import { createWorkbookHandler } from "../../src/worker/workbook-handlers";
import type { HostWorker } from "../../src/worker/workbook-host";
import type { FromWorker, TaskOutput, TaskRequest, ToWorker } from "../../src/worker/protocol";
import * as workbookModule from "../../src/xlsx/workbook";
import { addInputTable, loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { notXlsx } from "../../src/xlsx/zip-check";
import { illustrativeMarks } from "../../src/xlsx/sources";
import { smallTables } from "../model/helpers";
import { contents, defaultFont, reread, withoutDefaults } from "../xlsx/workbook-contents";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

/**
 * The workbook's worker, faked: messages are structured clones, in order; while `hold` is on, it is busy (as
 * when ExcelJS parses) and takes no further message and sends no answer.
 */
class BusyWorker implements HostWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  hold = false;
  constructor(private readonly busyAfterOpen = false) {}
  received: string[] = [];
  private inbox: ToWorker[] = [];
  private outbox: FromWorker[] = [];
  private handle = createWorkbookHandler((message) => {
    this.outbox.push(structuredClone(message));
    this.flush();
  });
  postMessage(message: ToWorker, transfer: Transferable[]): void {
    this.inbox.push(structuredClone(message, { transfer }));
    this.flush();
  }
  terminate(): void {}
  release(): void {
    this.hold = false;
    this.flush();
  }
  private flush(): void {
    setTimeout(() => {
      while (this.outbox.length && !this.hold) this.onmessage?.({ data: this.outbox.shift()! } as never);
      while (this.inbox.length && !this.hold) {
        const m = this.inbox.shift()!;
        if (m.kind === "start") this.received.push(m.request.task);
        void this.handle(m);
        if (m.kind === "start" && m.request.task === "open" && this.busyAfterOpen) this.hold = true;
      }
    }, 0);
  }
}

/** The planner's handlers on this thread, with the fake workbook worker; answers cloned as for the page. */
function planner(busyAfterOpen = false, idleBeforeLoadMs = Infinity) {
  const workers: BusyWorker[] = [];
  let next = 1;
  const waiting = new Map<number, (m: FromWorker) => void>();
  const handle = createHandler(
    (message) => {
      if (message.kind !== "progress") waiting.get(message.id)?.(structuredClone(message));
    },
    {
      startWorkbookWorker: () => {
        const w = new BusyWorker(busyAfterOpen);
        workers.push(w);
        return w;
      },
      idleBeforeLoadMs,
    },
  );
  async function call<R extends TaskRequest>(request: R): Promise<TaskOutput<R>> {
    const id = next++;
    const answer = new Promise<FromWorker>((resolve) => waiting.set(id, resolve));
    void handle({ id, kind: "start", request });
    const m = await answer;
    if (m.kind === "failed") throw new Error(m.message);
    return (m as { output: TaskOutput<R> }).output;
  }
  return { call, workers };
}

/** What the in-memory reader gives, as it crosses to the page (structured clone). */
async function inMemory(bytes: Uint8Array) {
  const workbook = await loadWorkbook(bytes);
  return { read: structuredClone(tablesFromWorkbook(workbook)), marks: illustrativeMarks(workbook) };
}

/** The in-memory reader's answer to a read of named tables, as it crosses to the page (otherNames left out). */
function namedTables(workbook: ExcelJS.Workbook, names: string[]) {
  const { otherNames: _, ...read } = tablesFromWorkbook(workbook, names);
  return structuredClone(read);
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setTimeout(r, 50));
  return done;
};

test("check, run and the held tables come before the workbook has loaded, equal to the in-memory reader's", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  // The workbook worker takes the open message and is then busy parsing until released.
  const { call, workers } = planner(true);
  const opened = await call({ task: "open", bytes: bytes.slice().buffer, name: "voorbeeld-ministerie.xlsx" });
  expect(opened.sheets).toEqual(expect.arrayContaining(["Formatie", "Scenarios", "Prijzen"]));

  const expected = await inMemory(bytes);
  expect(structuredClone(await call({ task: "readTables" }))).toStrictEqual(expected.read);
  const check = await call({ task: "check" });
  expect(check.issues.filter((i) => i.severity === "error")).toEqual([]);
  // The open's answer carries the tables' status (the pane shows it before the check): the check's own.
  expect(opened.status).toEqual(check.status);
  expect(opened.status!.find((s) => s.name === "Formatie")).toMatchObject({
    found: true,
    rows: expect.any(Number),
  });
  const run = await call({ task: "runHeld", scenarios: null });
  expect(run.result!.scenarios.length).toBeGreaterThan(1);
  expect(await call({ task: "readSources" })).toEqual({
    file: "voorbeeld-ministerie.xlsx",
    marks: expected.marks,
  });
  expect(await call({ task: "selectCell", ref: { table: "Formatie", row: 2, column: "FTE" } })).toEqual({
    sheet: expected.read.locations.Formatie.sheet,
    address: expect.stringMatching(/^[A-Z]+3$/),
  });
  // Nothing so far needed the workbook: it has not even started loading.
  expect(workers).toHaveLength(0);

  // The report and the download need it neither: the report is added to the file as opened (patch-xlsx.ts).
  const report = await call({
    task: "reportHeld",
    inputHash: run.inputHash,
    lang: "nl",
    createdAt: Date.now(),
  });
  expect(report!.sheets.length).toBeGreaterThan(1);
  const saved = await call({ task: "save" });
  const back = await loadWorkbook(new Uint8Array(saved.bytes));
  expect(back.getWorksheet("Vergelijking")).toBeDefined();
  expect(back.worksheets.map((w) => w.name)).toEqual([...opened.sheets, ...report!.sheets]);
  // The editable workbook has not started loading; when a write needs it, it gets the report first.
  expect(workers).toHaveLength(0);
  const store = call({ task: "saveScenarios", rows: check.scenarios! as (string | number | null)[][] });
  await new Promise((r) => setTimeout(r, 50));
  expect(workers[0].received).toEqual(["open"]);
  workers[0].release();
  await store;
  expect(workers[0].received).toEqual(["open", "writeReport", "saveScenarios"]);
});

test("the pane's questions for named tables are answered from the open's read, unless the workbook has them otherwise", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const { call, workers } = planner();
  await call({ task: "open", bytes: bytes.slice().buffer });
  const workbook = await loadWorkbook(bytes);
  // Asked after every open (the Rijk tab, the monitor's glance): absent tables, and input tables read.
  for (const names of [["Departementen"], ["Parameters", "Scenarios", "Realisatie"], ["Formatie"]]) {
    expect(structuredClone(await call({ task: "readTables", names }))).toStrictEqual(
      namedTables(workbook, names),
    );
  }
  expect(workers).toHaveLength(0);
  // A name the read passed over (a sheet that is no input table): the editable workbook answers.
  const explanation = namedTables(workbook, ["Toelichting"]);
  expect(Object.keys(explanation.tables)).toEqual(["Toelichting"]);
  expect(structuredClone(await call({ task: "readTables", names: ["Toelichting"] }))).toMatchObject(
    explanation,
  );
  expect(workers[0].received).toEqual(["open", "readTables"]);
});

test("named tables under another spelling, or matched by two tables, are answered as the in-memory reader does", async () => {
  // Two tables whose names both read as Formatie: the in-memory reader keys and keeps them by the spelling asked.
  const cases: [[string, string][], string[]][] = [
    [
      [
        ["S1", "Formatie"],
        ["S2", "Formatie_"],
      ],
      ["Formatie_"],
    ],
    [
      [
        ["S1", "Formatie_"],
        ["S2", "Formatie"],
      ],
      ["formatie"],
    ],
    [
      [
        ["S1", "Formatie"],
        ["S2", "Formatie_"],
      ],
      ["Formatie"],
    ],
  ];
  for (const [tables, names] of cases) {
    const wb = new ExcelJS.Workbook();
    for (const [sheet, name] of tables)
      wb.addWorksheet(sheet).addTable({
        name,
        ref: "A1",
        columns: ["Eenheid", "Functiegroep", "Schaal", "FTE"].map((n) => ({ name: n })),
        rows: [[`Eenheid op ${sheet}`, "Primair", 8, 1]],
      });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const { call } = planner();
    await call({ task: "open", bytes: bytes.slice().buffer });
    const { otherNames: _, ...answer } = (await call({ task: "readTables", names })) as ReturnType<
      typeof tablesFromWorkbook
    >;
    expect(structuredClone(answer)).toStrictEqual(namedTables(await loadWorkbook(bytes), names));
  }
});

test("a report sheet added since the open is not taken for absent: a named read of it goes to the editable workbook", async () => {
  const { call } = planner();
  await call({ task: "open", bytes: new Uint8Array(fs.readFileSync(SAMPLE)).buffer });
  const run = await call({ task: "runHeld", scenarios: null });
  const report = await call({
    task: "reportHeld",
    inputHash: run.inputHash,
    lang: "nl",
    createdAt: Date.now(),
  });
  const name = report!.sheets[0];
  const read = await call({ task: "readTables", names: [name] });
  expect(Object.keys(read.tables)).toEqual([name]);
});

test("the editable workbook starts loading once the planner is idle, not while it works", async () => {
  const { call, workers } = planner(false, 500);
  await call({ task: "open", bytes: new Uint8Array(fs.readFileSync(SAMPLE)).buffer });
  // Tasks a moment apart, well within the idle time, for longer than it: each one puts the load off.
  const started = Date.now();
  while (Date.now() - started < 900) {
    await call({ task: "check" });
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(workers).toHaveLength(0);
  // Nothing to do for longer than the idle time: the load starts.
  await new Promise((r) => setTimeout(r, 800));
  expect(workers[0].received).toEqual(["open"]);
});

test("the quick download and the editable workbook's agree: the same report sheets, the same tables", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const { call } = planner();
  await call({ task: "open", bytes: bytes.slice().buffer, name: "voorbeeld-ministerie.xlsx" });
  const check = await call({ task: "check" });
  const run = await call({ task: "runHeld", scenarios: null });
  const report = await call({
    task: "reportHeld",
    inputHash: run.inputHash,
    lang: "en",
    createdAt: Date.now(),
  });
  const quick = await reread(new Uint8Array((await call({ task: "save" })).bytes));
  // Any other write makes the editable workbook the truth: storing the same scenarios again.
  await call({ task: "saveScenarios", rows: check.scenarios! as (string | number | null)[][] });
  const full = await reread(new Uint8Array((await call({ task: "save" })).bytes));
  expect(quick.worksheets.map((w) => w.name)).toEqual(full.worksheets.map((w) => w.name));
  // A report font's settings that the quick download fills in from the workbook's default font (patch-xlsx.ts)
  // are left out where they equal it: the editable workbook's writer leaves them out.
  const defaults = defaultFont(bytes);
  const sheetsOf = (wb: ExcelJS.Workbook) =>
    contents(wb)
      .filter((s) => report!.sheets.includes(s.name))
      .map((s) => withoutDefaults(s, defaults));
  expect(sheetsOf(quick)).toEqual(sheetsOf(full));
  expect(sheetsOf(quick).length).toBe(report!.sheets.length);
  expect(tablesFromWorkbook(quick)).toEqual(tablesFromWorkbook(full));
});

test("a workbook with an earlier report: the report replaces it in the editable workbook, waiting for it", async () => {
  // The sample with a report, as downloaded.
  const first = planner();
  await first.call({ task: "open", bytes: new Uint8Array(fs.readFileSync(SAMPLE)).buffer });
  await first.call({ task: "check" });
  const firstRun = await first.call({ task: "runHeld", scenarios: null });
  await first.call({ task: "reportHeld", inputHash: firstRun.inputHash, lang: "nl", createdAt: Date.now() });
  const withReport = new Uint8Array((await first.call({ task: "save" })).bytes);

  const { call, workers } = planner(true);
  const opened = await call({ task: "open", bytes: withReport.slice().buffer });
  await call({ task: "check" });
  const run = await call({ task: "runHeld", scenarios: null });
  const report = call({ task: "reportHeld", inputHash: run.inputHash, lang: "nl", createdAt: Date.now() });
  expect(await settled(report)).toBe(false);
  workers[0].release();
  const written = (await report)!;
  expect(written.renamed).toEqual([]);
  expect(workers[0].received).toEqual(["open", "readTables", "writeReport"]);
  const back = await loadWorkbook(new Uint8Array((await call({ task: "save" })).bytes));
  // Each report sheet once: the earlier report's were replaced, not kept beside the new ones.
  expect(back.worksheets.map((w) => w.name)).toEqual(opened.sheets);
});

test("after a write the tables are read from the workbook: saved scenarios show in the next check", async () => {
  const { call, workers } = planner();
  await call({ task: "open", bytes: new Uint8Array(fs.readFileSync(SAMPLE)).buffer });
  await call({ task: "check" });
  const rows = [
    ["Scenario", "Hefboom", "Waarde"],
    ["Alleen dit", "Kaasschaaf", 0.05],
  ];
  await call({ task: "saveScenarios", rows });
  const check = await call({ task: "check" });
  expect(check.scenarios!.slice(1).map((r) => r[0])).toEqual(["Alleen dit"]);
  expect(workers[0].received).toEqual(["open", "saveScenarios", "readTables"]);
});

test("a workbook the streaming reader does not follow is read from the loaded workbook, the same", async () => {
  const t = smallTables();
  const wb = new ExcelJS.Workbook();
  for (const table of ["Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
    addInputTable(wb, table as never, t[table]!.slice(1) as never);
  addInputTable(wb, "Formatie", t.Formatie!.slice(1) as never).getCell("A2").value = {
    text: "A",
    hyperlink: "https://example.org",
  };
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const { call, workers } = planner();
  await call({ task: "open", bytes: bytes.slice().buffer });
  expect(structuredClone(await call({ task: "readTables" }))).toStrictEqual((await inMemory(bytes)).read);
  expect(workers[0].received).toEqual(["open", "readTables"]);
});

test("a file that is no workbook is refused at opening", async () => {
  const { call } = planner();
  await expect(
    call({ task: "open", bytes: new TextEncoder().encode("Eenheid;FTE\n").buffer }),
  ).rejects.toThrow(/not an .xlsx/);
});

test("tables the streaming reader reads from a workbook ExcelJS cannot load: check and run work, a write says what does not", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  // ExcelJS refuses the whole workbook (as it does for some parts it cannot parse); the tables read fine.
  const refused = jest.spyOn(workbookModule, "loadWorkbook").mockRejectedValue(notXlsx());
  try {
    const { call } = planner();
    await call({ task: "open", bytes: bytes.slice().buffer, name: "voorbeeld-ministerie.xlsx" });
    const check = await call({ task: "check" });
    expect(check.issues.filter((i) => i.severity === "error")).toEqual([]);
    const run = await call({ task: "runHeld", scenarios: null });
    expect(run.result!.scenarios.length).toBeGreaterThan(1);
    const write = call({ task: "insertTemplate", examples: false });
    await expect(write).rejects.toThrow(/controleren en doorrekenen werken.*opdrachtregel/);
    await expect(write).rejects.toThrow(/check and run work.*command line/);
    expect(refused).toHaveBeenCalled();
  } finally {
    refused.mockRestore();
  }
});
