/** `formatieplanner rijk` and the monitor in `run`: JSON contracts, exit codes, report sheets, export. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeRijkSample, writeRijkWorkbook, RIJK_ROWS, RIJK_TARGET_ROWS } from "../../samples/generate-rijk";
import { addInputTable, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { cli, YEAR_KEYS } from "../cli/run-cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-rijk-"));
const SAMPLE = path.join(tmp, "sample");

beforeAll(async () => {
  await writeRijkSample(SAMPLE);
});

test("the committed sample is what the generator writes (same tables)", async () => {
  const read = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const out: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => out.push(row.values)));
    return out;
  };
  for (const f of ["rijk.xlsx", "kustbeheer.xlsx", "digitale-zaken.xlsx"])
    expect(await read(path.join(SAMPLE, f))).toEqual(
      await read(path.resolve(__dirname, "../../samples/rijk", f)),
    );
});

test("rijk --json on the sample: exactly the documented shape, complete", async () => {
  const { code, stdout } = await cli("rijk", path.join(SAMPLE, "rijk.xlsx"), "--json");
  expect(code).toBe(0);
  const out = JSON.parse(stdout);
  expect(Object.keys(out)).toEqual(["distribution", "departments", "rijk", "issues"]);
  for (const e of out.distribution) expect(Object.keys(e)).toEqual(["department", "year", "target"]);
  expect(out.departments.length).toBeGreaterThanOrEqual(3);
  for (const d of out.departments) {
    expect(Object.keys(d)).toEqual(["name", "scenario", "targetSource", "included", "issues", "years"]);
    expect(["own", "distributed"]).toContain(d.targetSource);
    expect(d.included).toBe(true);
    for (const y of d.years) expect(Object.keys(y)).toEqual(YEAR_KEYS);
  }
  expect(Object.keys(out.rijk)).toEqual(["complete", "years"]);
  expect(out.rijk.complete).toBe(true);
  for (const y of out.rijk.years) expect(Object.keys(y)).toEqual(YEAR_KEYS);
  for (const i of out.issues)
    expect(Object.keys(i)).toEqual(["severity", "table", "row", "column", "message"]);
  // the distribution adds up to the Rijkstaakstelling in every year, to the euro
  for (const [year, amount] of RIJK_TARGET_ROWS)
    expect(
      out.distribution
        .filter((e: { year: number }) => e.year === year)
        .reduce((a: number, e: { target: number }) => a + e.target, 0),
    ).toBe(amount);
  // the exempt department gets nothing
  const exempt = RIJK_ROWS.find((r) => r[2] === "ja")![0];
  expect(
    out.distribution
      .filter((e: { department: string }) => e.department === exempt)
      .every((e: { target: number }) => e.target === 0),
  ).toBe(true);
  // the Rijk's FTE is the sum of the departments' in every year
  for (const y of out.rijk.years) {
    const sum = out.departments.reduce(
      (a: number, d: { years: { year: number; fte: number }[] }) =>
        a + d.years.find((x) => x.year === y.year)!.fte,
      0,
    );
    expect(y.fte).toBeCloseTo(sum, 6);
  }
});

test("run --json on the department with Realisatie: a monitor entry per filled measure, April and October", async () => {
  const { code, stdout } = await cli("run", path.join(SAMPLE, "kustbeheer.xlsx"), "--json");
  expect(code).toBe(0);
  const out = JSON.parse(stdout);
  expect(Object.keys(out)).toEqual(["scenarios", "issues", "monitor"]);
  expect(out.monitor).toHaveLength(16);
  expect([...new Set(out.monitor.map((m: { date: string }) => m.date))]).toEqual([
    "2027-04-01",
    "2027-10-01",
  ]);
  for (const m of out.monitor) {
    const keys = ["date", "scenario", "measure", "realised", "plan", "onTrack"];
    if (m.measure === "overheadRatio" || m.measure === "roemerShare") keys.push("normMet");
    expect(Object.keys(m)).toEqual(keys);
    expect(m.scenario).toBe("Gericht");
  }
  // the sample is behind in April on FTE and on track in October
  const fte = out.monitor.filter((m: { measure: string }) => m.measure === "fte");
  expect(fte.map((m: { onTrack: boolean }) => m.onTrack)).toEqual([false, true]);
});

test("run --out on the department with Realisatie writes a Monitor sheet", async () => {
  const out = path.join(tmp, "kust.xlsx");
  const { code } = await cli("run", path.join(SAMPLE, "kustbeheer.xlsx"), "--out", out);
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Monitor")!;
  expect(ws).toBeDefined();
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
  expect(texts).toContain("Op koers");
  expect(texts.some((t) => /NIET op koers/.test(t))).toBe(true);
});

test("run --out --lang en writes the Monitor sheet in English", async () => {
  const out = path.join(tmp, "kust-en.xlsx");
  const { code } = await cli("run", path.join(SAMPLE, "kustbeheer.xlsx"), "--out", out, "--lang", "en");
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const texts: string[] = [];
  wb.getWorksheet("Monitor")!.eachRow((row) =>
    row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)),
  );
  expect(texts).toEqual(
    expect.arrayContaining(["On track", "Measure", "Reference date", "Plan and actuals over time"]),
  );
  expect(texts.some((t) => /^Monitor: actuals against the chosen scenario 'Gericht'$/.test(t))).toBe(true);
  expect(texts.some((t) => /: actual .* against plan .*NOT on track\./.test(t))).toBe(true);
  expect(
    texts.filter((t) => /\b(op koers|realisatie|peildatum|maatstaf|toelichting|gehaald|ja|nee)\b/i.test(t)),
  ).toEqual([]);
});

test("a department with input errors: left out, named, complete false, exit 1; --out says ONVOLLEDIG", async () => {
  const dir = path.join(tmp, "broken");
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(SAMPLE)) fs.copyFileSync(path.join(SAMPLE, f), path.join(dir, f));
  // overwrite one department with a workbook whose Formatie has text for FTE
  const wb = new ExcelJS.Workbook();
  addInputTable(wb, "Parameters", [
    ["Basisjaar", 2026],
    ["Eindjaar", 2030],
  ]);
  addInputTable(wb, "Formatie", [["X", "Primair", 10, "veel", 80000, "nee"]]);
  await wb.xlsx.writeFile(path.join(dir, "cultuur-erfgoed.xlsx"));
  const { code, stdout } = await cli("rijk", path.join(dir, "rijk.xlsx"), "--json");
  expect(code).toBe(1);
  const out = JSON.parse(stdout);
  expect(out.rijk.complete).toBe(false);
  const broken = out.departments.find(
    (d: { name: string }) => d.name === "Ministerie van Cultuur en Erfgoed",
  );
  expect(broken.included).toBe(false);
  expect(broken.years).toEqual([]);
  expect(broken.issues).toContainEqual(
    expect.objectContaining({ severity: "error", table: "Formatie", row: 1, column: "FTE" }),
  );
  expect(
    out.issues.some((i: { message: string }) => /Ministerie van Cultuur en Erfgoed/.test(i.message)),
  ).toBe(true);

  const report = path.join(tmp, "rijk-rapport.xlsx");
  expect((await cli("rijk", path.join(dir, "rijk.xlsx"), "--out", report)).code).toBe(1);
  const rwb = new ExcelJS.Workbook();
  await rwb.xlsx.readFile(report);
  const ws = rwb.getWorksheet("Rijksbreed")!;
  expect(String(ws.getCell(3, 1).value)).toMatch(/^ONVOLLEDIG: Ministerie van Cultuur en Erfgoed/);
});

test("rijk --out: a Rijksbreed sheet with provenance per department file and its input hash", async () => {
  const report = path.join(tmp, "rijk-ok.xlsx");
  const { code } = await cli("rijk", path.join(SAMPLE, "rijk.xlsx"), "--out", report);
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  const ws = wb.getWorksheet("Rijksbreed")!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const prov = rows.find((r) => r[1] === "kustbeheer.xlsx")!;
  expect(prov[0]).toBe("Ministerie van Kustbeheer");
  expect(prov[3]).toMatch(/^[0-9a-f]{16}$/);
  // years are numbers in the per-year table
  const rijkRows = rows.filter((r) => r[0] === "Rijk");
  expect(rijkRows.map((r) => r[1])).toEqual([2026, 2027, 2028, 2029, 2030]);
});

// The Rijksbreed sheet's own Dutch vocabulary (and the department report's); none may remain in English.
const DUTCH_RIJK_WORDS =
  /\b(ja|nee|de|het|een|en|van|gehaald|besparing|geplande|taakstelling|rijkstaakstelling|verschil|eenmalige|kosten|jaar|herkomst|versie|gemaakt|wordt|vervangen|volledig|onvolledig|departement|departementen|verdeling|apparaatsuitgaven|vrijgesteld|gewicht|totaal|laatste|peildatum|maatstaven|koers|gemist|realisatie|grafiekgegevens|werkmap|rijkswerkmap|ingelezen|invoer|gekozen|meegeteld|fouten|geen|eigen|verdeeld|definities|bronnen|begrip|bron|blad|niet|gedwongen|uitstroom|sommen|normen|rij)\b/i;

/** Every text cell of a workbook's sheets. */
async function texts(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && cells.push(c.value)));
    out.set(ws.name, cells);
  }
  return out;
}

test("rijk --out --lang en: the Rijk-wide sheet in English (headers, yes/no, monitor, provenance, definitions); Dutch unchanged", async () => {
  const dir = path.resolve(__dirname, "../../samples/rijk");
  const en = path.join(tmp, "rijk-en.xlsx");
  const run = await cli("rijk", path.join(dir, "rijk.xlsx"), "--out", en, "--lang", "en");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/Report written to/);
  expect(run.stdout).toMatch(/year\s+target\s+saving/);
  // Every text of the input workbooks is the user's (department, scenario and unit names, notes).
  const data = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".xlsx")))
    for (const [sheet, cells] of await texts(path.join(dir, f)))
      for (const c of [sheet, ...cells]) data.add(c);
  // The command's own text is English too (department and scenario names and the file name are the user's).
  let stdout = run.stdout.replace(en, "");
  for (const name of [...data].sort((x, y) => y.length - x.length)) stdout = stdout.split(name).join("");
  expect(stdout.split("\n").filter((line) => DUTCH_RIJK_WORDS.test(line))).toEqual([]);
  const sheets = await texts(en);
  expect([...sheets.keys()]).toEqual(["Rijk-wide"]);
  const cells = sheets.get("Rijk-wide")!;
  expect(cells).toEqual(
    expect.arrayContaining([
      "Formatieplanner: Rijk-wide overview of the chosen scenarios",
      "Complete: every department is included.",
      "Department",
      "Target met",
      "yes",
      "Monitor: latest reference date per department",
      "Measures on track",
      "Provenance",
      "Chosen scenario",
      "Definitions",
      "Cheese-slicer comparison",
      "Sources",
    ]),
  );
  // Table names stay Dutch by design (README, In het Engels): "table Taakstelling" is English.
  const dutch = cells.filter((t) => !data.has(t) && DUTCH_RIJK_WORDS.test(t.replace(/\btable \w+/g, "")));
  expect(dutch).toEqual([]);
  // Chart titles (ExcelJS cannot write charts, so they are checked on the sheet the CLI builds).
  const { rijkSheet } = await import("../../src/model/report-rijk");
  const { consolidateRijk } = await import("../../src/model/rijk/consolidation");
  const { loadWorkbook } = await import("../../src/xlsx/workbook");
  const { RIJK_TABLE_NAMES } = await import("../../src/model/rijk/tables");
  const { DEPARTMENT_TABLE_NAMES } = await import("../../src/cli/rijk");
  const tables = tablesFromWorkbook(await loadWorkbook(path.join(dir, "rijk.xlsx")), RIJK_TABLE_NAMES).tables;
  const result = await consolidateRijk(tables, async (d) => ({
    file: d.workbook,
    tables: tablesFromWorkbook(await loadWorkbook(path.join(dir, d.workbook!)), DEPARTMENT_TABLE_NAMES)
      .tables,
  }));
  const provenance = { createdAt: new Date(), version: "t", file: "rijk.xlsx", inputHash: "0" };
  const sheetEn = rijkSheet(result, provenance, undefined, "en");
  expect(sheetEn.charts.map((c) => c.title)).toEqual([
    "Rijk: planned saving against target",
    "Rijk: overhead % and Roemer %",
    "Per department: planned saving against target (last year)",
  ]);
  expect(sheetEn.conditional.every((c) => c.yes === "yes" && c.no === "no")).toBe(true);
  const sheetNl = rijkSheet(result, provenance);
  expect(sheetNl.name).toBe("Rijksbreed");
  expect(sheetNl.charts.map((c) => c.title)).toEqual([
    "Rijk: geplande besparing tegen taakstelling",
    "Rijk: overhead % en Roemer %",
    "Per departement: geplande besparing tegen taakstelling (laatste jaar)",
  ]);
  // Same layout in both languages: numbers in the same cells, text only where text was.
  expect(sheetEn.cells.length).toBe(sheetNl.cells.length);
  sheetEn.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== "string") expect(sheetNl.cells[r][c]).toEqual(v);
    }),
  );

  // The Dutch sheet stays Dutch.
  const nl = path.join(tmp, "rijk-nl.xlsx");
  expect((await cli("rijk", path.join(dir, "rijk.xlsx"), "--out", nl)).code).toBe(0);
  const nlCells = (await texts(nl)).get("Rijksbreed")!;
  expect(nlCells).toEqual(
    expect.arrayContaining([
      "Formatieplanner: rijksbreed overzicht van de gekozen scenario's",
      "Volledig: elk departement telt mee.",
      "Departement",
      "Taakstelling gehaald",
      "ja",
      "Herkomst",
      "Definities",
      "Begrip",
    ]),
  );
  expect(nlCells).not.toContain("yes");
});

test("rijk --export writes a department's share as its Taakstelling table", async () => {
  const to = path.join(tmp, "taakstelling-kust.xlsx");
  const { code } = await cli(
    "rijk",
    path.join(SAMPLE, "rijk.xlsx"),
    "--export",
    "Ministerie van Kustbeheer",
    "--to",
    to,
    "--json",
  );
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(to);
  // read back the way a department's workbook is read: the Excel table named Taakstelling
  const rows = tablesFromWorkbook(wb).tables.Taakstelling!.slice(1);
  expect(rows.map((r) => r[0])).toEqual([2027, 2028, 2029, 2030]);
  // g x A: Kustbeheer 1 x 260 M, Digitale Zaken 2 x 190 M, Cultuur 1 x 60 M (Hoge Raad exempt) = 700 M;
  // 260 / 700 of 8 M = 2,971,428.57 -> 2,971,429
  expect(rows[0][1]).toBe(2_971_429);
});

test("rijk: wrong usage exits 2; a Rijk workbook with errors exits 1", async () => {
  expect((await cli("rijk")).code).toBe(2);
  expect((await cli("rijk", path.join(tmp, "nope.xlsx"))).code).toBe(2);
  expect((await cli("rijk", path.join(SAMPLE, "rijk.xlsx"), "--export", "X")).code).toBe(2);
  const bad = path.join(tmp, "bad-rijk.xlsx");
  await writeRijkWorkbook(bad, [["A", -5, "nee", 1, "a.xlsx", null]], [[2027, 100]]);
  const { code, stdout } = await cli("rijk", bad, "--json");
  expect(code).toBe(1);
  expect(JSON.parse(stdout).issues).toContainEqual(
    expect.objectContaining({
      severity: "error",
      table: "Departementen",
      row: 1,
      column: "Apparaatsuitgaven",
    }),
  );
});

test("rijk --out and --to never write over a workbook they read, through a link or by name, even with --force", async () => {
  const dir = path.join(tmp, "links");
  fs.cpSync(SAMPLE, dir, { recursive: true });
  const rijk = path.join(dir, "rijk.xlsx");
  const before = (f: string) => fs.readFileSync(path.join(dir, f));
  const kept = { rijk: before("rijk.xlsx"), kust: before("kustbeheer.xlsx") };
  fs.symlinkSync(rijk, path.join(dir, "link.xlsx"));
  // The Rijk workbook through a link.
  const viaLink = await cli("rijk", rijk, "--out", path.join(dir, "link.xlsx"), "--force");
  expect(viaLink.code).toBe(2);
  expect(viaLink.stderr).toMatch(/--out is een invoerwerkmap zelf/);
  // A department's workbook, read during the consolidation.
  const department = await cli(
    "rijk",
    rijk,
    "--export",
    "Ministerie van Kustbeheer",
    "--to",
    path.join(dir, "kustbeheer.xlsx"),
    "--force",
  );
  expect(department.code).toBe(2);
  expect(department.stderr).toMatch(/--to is an input workbook itself/);
  expect(before("rijk.xlsx")).toEqual(kept.rijk);
  expect(before("kustbeheer.xlsx")).toEqual(kept.kust);
  // A folder, and the two outputs as one file.
  expect((await cli("rijk", rijk, "--out", dir)).code).toBe(2);
  const same = path.join(dir, "uit.xlsx");
  const both = await cli("rijk", rijk, "--out", same, "--export", "Ministerie van Kustbeheer", "--to", same);
  expect(both.code).toBe(2);
  expect(fs.existsSync(same)).toBe(false);
  // And a report that may be written is written whole, with no temporary file left beside it.
  expect((await cli("rijk", rijk, "--out", same, "--json")).code).toBe(0);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});
