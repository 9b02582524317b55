/** The command line over .xlsx files: output forms, exit codes, the --out workbook. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { addInputTable } from "../../src/xlsx/workbook";
import { smallTables } from "../model/helpers";
import { cli, YEAR_KEYS } from "./run-cli";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-cli-"));

async function workbookFrom(tables: Record<string, unknown[][] | undefined>, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tables)) {
    if (rows) addInputTable(wb, name as never, rows.slice(1) as never);
  }
  const full = path.join(tmp, file);
  await wb.xlsx.writeFile(full);
  return full;
}

test("run --json on the sample: exactly the documented shape, baseline first", async () => {
  const { code, stdout } = await cli("run", SAMPLE, "--json");
  expect(code).toBe(0);
  const out = JSON.parse(stdout);
  expect(Object.keys(out)).toEqual(["scenarios", "issues", "monitor"]);
  expect(out.monitor).toEqual([]);
  expect(out.issues).toEqual([]);
  expect(out.scenarios.map((s: { name: string }) => s.name)).toEqual([
    "Basis",
    "Kaasschaaf auto",
    "Overhead naar 35%",
    "Inhuur naar 10%",
    "Inhuur naar 10% met inbesteden",
    "Huisvesting 0.7",
    "Gericht gecombineerd",
    "Optimaal",
  ]);
  for (const s of out.scenarios) {
    expect(Object.keys(s)).toEqual(["name", "years"]);
    expect(s.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    for (const y of s.years) expect(Object.keys(y)).toEqual(YEAR_KEYS);
  }
  const base = out.scenarios[0].years[4];
  expect(base.fte).toBeGreaterThan(1900);
  expect(base.fte).toBeLessThan(2100);
  expect(base.overheadRatio).toBeGreaterThan(0.45);
  expect(base.overheadRatio).toBeLessThan(0.55);
  expect(base.roemerShare).toBeGreaterThan(0.13);
  expect(base.roemerShare).toBeLessThan(0.17);
  const cheese = out.scenarios[1].years[4];
  expect(cheese.structuralSavings).toBeCloseTo(cheese.target, 3);
  const overhead = out.scenarios[2].years[4];
  expect(overhead.overheadRatio).toBeCloseTo(0.35, 9);
  const hire = out.scenarios[3].years[4];
  expect(hire.roemerShare).toBeCloseTo(0.1, 9);
  // The least-harm plan meets the target and keeps all primary capacity, where the cheese-slicer does not.
  const optimum = out.scenarios[7].years[4];
  expect(optimum.structuralSavings).toBeGreaterThanOrEqual(optimum.target - 1);
  expect(optimum.primaryRetained).toBeCloseTo(1, 9);
  expect(cheese.primaryRetained).toBeLessThan(0.95);
});

test("the table form reads as a comparison and a trajectory per scenario", async () => {
  const { code, stdout, stderr } = await cli("run", SAMPLE);
  expect(code).toBe(0);
  expect(stderr).toBe("");
  expect(stdout).toMatch(/vergelijking 2026-2030/);
  expect(stdout).toMatch(/Kaasschaaf auto\s+€ 20,0 mln\s+€ 20,0 mln\s+ja/);
  expect(stdout).toMatch(/Verloop per scenario/);
  expect(stdout).toMatch(/Gericht gecombineerd\n/);
  const en = await cli("run", SAMPLE, "--lang", "en");
  expect(en.stdout).toMatch(/comparison 2026-2030/);
});

test("input errors: exit 1, issues on stderr (table) or in the JSON", async () => {
  const bad = smallTables({
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"],
      ["A", "Primair", 10, -3, 100000, "nee"],
      ["A", "Beleid", 10, 3, 100000, "nee"],
    ],
  });
  const file = await workbookFrom(bad as Record<string, unknown[][]>, "bad.xlsx");
  const table = await cli("run", file);
  expect(table.code).toBe(1);
  expect(table.stdout).toBe("");
  expect(table.stderr).toMatch(/FOUT {2}Formatie, rij 1, kolom FTE: Negatieve FTE/);
  expect(table.stderr).toMatch(/Formatie, rij 2, kolom Functiegroep/);
  const json = await cli("run", file, "--json", "--lang", "en");
  expect(json.code).toBe(1);
  const out = JSON.parse(json.stdout);
  expect(out.scenarios).toEqual([]);
  expect(out.issues[0]).toEqual({
    severity: "error",
    table: "Formatie",
    row: 1,
    column: "FTE",
    message: "Negative FTE (-3).",
  });
});

test("check validates only", async () => {
  const { code, stdout } = await cli("check", SAMPLE);
  expect(code).toBe(0);
  expect(stdout).toMatch(/Invoer in orde/);
});

test("wrong usage exits 2 and says what to do", async () => {
  expect((await cli()).code).toBe(2);
  expect((await cli("fly", SAMPLE)).code).toBe(2);
  expect((await cli("run")).code).toBe(2);
  expect((await cli("run", SAMPLE, "--bogus")).code).toBe(2);
  expect((await cli("run", path.join(tmp, "missing.xlsx"))).stderr).toMatch(/niet gevonden/);
  expect((await cli("run", SAMPLE, "--out", SAMPLE)).code).toBe(2);
  expect((await cli("run", SAMPLE, "--lang", "fr")).code).toBe(2);
  const notXlsx = path.join(tmp, "notes.xlsx");
  fs.writeFileSync(notXlsx, "not a workbook");
  expect((await cli("run", notXlsx)).code).toBe(1);
  const help = await cli("--help");
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/--json/);
  expect(help.stdout).toMatch(/--out/);
});

test("--out writes a readable comparison workbook and never overwrites without --force", async () => {
  const out = path.join(tmp, "resultaat.xlsx");
  const first = await cli("run", SAMPLE, "--out", out);
  expect(first.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const names = wb.worksheets.map((w) => w.name);
  expect(names[0]).toBe("Vergelijking");
  expect(names).toContain("Sc Kaasschaaf auto");
  expect(names).toContain("Sc Basis");
  const ws = wb.getWorksheet("Vergelijking")!;
  const headerRow = ws.getRow(5);
  expect(headerRow.getCell(1).value).toBe("Scenario");
  expect(headerRow.getCell(2).value).toBe("Structurele besparing");
  expect(ws.getRow(6).getCell(1).value).toBe("Basis");
  expect(ws.getRow(7).getCell(2).numFmt).toMatch(/€/);
  expect(ws.getRow(7).getCell(8).numFmt).toBe("0.0%");
  expect(ws.getRow(7).getCell(5).value).toBe("ja");
  const text = JSON.stringify(ws.getSheetValues());
  expect(text).toMatch(/Herkomst/);
  expect(text).toMatch(/Invoer-hash/);
  const again = await cli("run", SAMPLE, "--out", out);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/bestaat al/);
  expect((await cli("run", SAMPLE, "--out", out, "--force")).code).toBe(0);
});

/** Every text cell of a workbook, by sheet. */
function textCells(wb: ExcelJS.Workbook): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    out.set(ws.name, texts);
  }
  return out;
}

// Words of the report's own Dutch vocabulary; none may remain in an English report.
const DUTCH_REPORT_WORDS =
  /\b(ja|nee|gehaald|besparing|taakstelling|verschil|primair|behouden|eenmalige|kosten|jaar|herkomst|versie|eenheid|waarom|definities|bronnen|begrip|invoer|blad|niet|geen|gekort|minder|inhuur|eindjaar|basislijn|gemaakt|wordt|vervangen|opgegeven|rijen|kaasschaaf bij)\b/i;

test("--out follows --lang en: English sheet names, headers, yes/no, provenance, definitions and notes", async () => {
  const out = path.join(tmp, "result-en.xlsx");
  const run = await cli("run", SAMPLE, "--out", out, "--lang", "en");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/Comparison written to/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const names = wb.worksheets.map((w) => w.name);
  expect(names[0]).toBe("Comparison");
  expect(names).toContain("Definitions and sources");
  expect(names).toContain("Sc Kaasschaaf auto");
  const ws = wb.getWorksheet("Comparison")!;
  expect(ws.getRow(5).getCell(1).value).toBe("Scenario");
  expect(ws.getRow(5).getCell(2).value).toBe("Structural saving");
  expect(ws.getRow(5).getCell(5).value).toBe("Target met");
  expect(ws.getRow(7).getCell(5).value).toBe("yes");
  // What is the user's stays as it is: scenario names, units, filters.
  const input = new ExcelJS.Workbook();
  await input.xlsx.readFile(SAMPLE);
  const data = new Set<string>(["Inbesteed"]);
  // Every text of the input workbook is the user's (units, scenario names, filters, the sample's own notes).
  for (const sheet of input.worksheets)
    sheet.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && data.add(c.value)));
  const texts = textCells(wb);
  expect(texts.get("Comparison")).toEqual(
    expect.arrayContaining(["Provenance", "Base year", "Target met in every year"]),
  );
  expect(texts.get("Definitions and sources")).toEqual(
    expect.arrayContaining(["Definitions", "Term", "Cheese-slicer comparison"]),
  );
  const optimal = texts.get("Sc Optimaal")!;
  expect(optimal).toEqual(expect.arrayContaining(["Why", "Optimaal: what is cut per unit and why"]));
  expect(
    optimal.some((t) => /^Optimaal: € [\d,]+ of external hire, [\d.]+ FTE and [\d,]+ m2 less\.$/.test(t)),
  ).toBe(true);
  const dutch = [...texts].flatMap(([sheet, cells]) =>
    cells
      .filter((t) => !data.has(t) && !data.has(t.replace(/^Scenario: /, "")) && !t.includes("=="))
      .filter((t) => DUTCH_REPORT_WORDS.test(t))
      .map((t) => `${sheet}: ${t}`),
  );
  expect(dutch).toEqual([]);
  // The same run in Dutch keeps the Dutch report.
  const nl = path.join(tmp, "result-nl.xlsx");
  expect((await cli("run", SAMPLE, "--out", nl)).code).toBe(0);
  const wbNl = new ExcelJS.Workbook();
  await wbNl.xlsx.readFile(nl);
  expect(wbNl.worksheets.map((w) => w.name)).toContain("Definities en bronnen");
  expect(
    textCells(wbNl)
      .get("Sc Optimaal")!
      .some((t) => /^Optimaal: € [\d.]+ inhuur, [\d,]+ FTE en [\d.]+ m2 minder\.$/.test(t)),
  ).toBe(true);
});

test("the installed binary runs (bin/formatieplanner.js over the compiled lib/)", () => {
  const bin = path.resolve(__dirname, "../../bin/formatieplanner.js");
  if (!fs.existsSync(path.resolve(__dirname, "../../lib/src/cli/main.js"))) {
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: path.resolve(__dirname, "../..") });
  }
  const help = spawnSync("node", [bin, "--help"], { encoding: "utf8" });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/Formatieplanner/);
  const wrong = spawnSync("node", [bin, "nonsense"], { encoding: "utf8" });
  expect(wrong.status).toBe(2);
});
