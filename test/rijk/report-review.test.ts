/** The reviewer's report (issue 14, part 4): definitions, sources with illustrative figures marked, yearly checks, layout. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import { DEPARTMENT_TABLE_NAMES } from "../../src/cli/rijk";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-review-"));
const OUT = path.join(tmp, "rapport.xlsx");
let wb: ExcelJS.Workbook;

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => (rows[r] = (row.values as unknown[]).slice(1)));
  return rows;
};

beforeAll(async () => {
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(["run", SAMPLE, "--out", OUT], io)).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(OUT);
});

test("definitions: the saving's reference, the cheese-slicer formula, the hash recipe and every norm's source", () => {
  const ws = wb.getWorksheet("Definities en bronnen")!;
  const text = rowsOf(ws)
    .flat()
    .filter((v) => typeof v === "string")
    .join("\n");
  expect(text).toMatch(/geïndexeerde basislijn/);
  expect(text).toMatch(/p = besparing \/ structurele kosten van de basislijn/);
  expect(text).toMatch(/Motie-Roemer/);
  expect(text).toMatch(/minister van BZK, oktober 2024/);
  expect(text).toMatch(/SHA-256/);
});

test("the input hash can be recomputed from the recipe the report gives", async () => {
  const ws = wb.getWorksheet("Definities en bronnen")!;
  const hash = rowsOf(ws).find(
    (r) => r?.[0] === "Invoer-hash" && /^[0-9a-f]{16}$/.test(String(r[1])),
  )![1] as string;
  // The recipe: SHA-256 of JSON [[table name, rows], ...] sorted by name, first 16 hex characters.
  const { tables } = tablesFromWorkbook(await loadWorkbook(SAMPLE), DEPARTMENT_TABLE_NAMES);
  const parts = Object.keys(tables)
    .sort()
    .map((n) => [n, tables[n] ?? null]);
  expect(createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16)).toBe(hash);
});

test("sources: the file, when it was read, and the sample's illustrative price table marked in the report", () => {
  const rows = rowsOf(wb.getWorksheet("Definities en bronnen")!);
  expect(rows.find((r) => r?.[0] === "Invoerbestand")![1]).toBe("voorbeeld-ministerie.xlsx");
  expect(rows.find((r) => r?.[0] === "Ingelezen op")![1]).toMatch(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/,
  );
  expect(rows.some((r) => r?.[0] === "Prijzen" && /ILLUSTRATIEF/.test(String(r[2])))).toBe(true);
});

test("the comparison sheet says whether the target is met in every year, with FTE, m2 and one-off costs per year", () => {
  const rows = rowsOf(wb.getWorksheet("Vergelijking")!);
  const at = rows.findIndex((r) => r?.[0] === "Taakstelling gehaald in elk jaar");
  expect(rows[at + 1]).toEqual(["Scenario", "Elk jaar gehaald", 2026, 2027, 2028, 2029, 2030]);
  // Kaasschaaf auto meets the end-year target only: a reviewer now sees the years in between fall short
  const cheese = rows.slice(at + 2).find((r) => r?.[0] === "Kaasschaaf auto")!;
  expect(cheese[1]).toBe("nee");
  expect(cheese[6]).toBe("ja");
  for (const title of ["FTE per jaar", "m2 per jaar", "Eenmalige kosten per jaar"])
    expect(rows.some((r) => r?.[0] === title)).toBe(true);
});

test("layout: headers wrap, years are numbers in the trajectories", () => {
  const ws = wb.getWorksheet("Vergelijking")!;
  const header = rowsOf(ws).findIndex((r) => r?.[0] === "Scenario");
  expect(ws.getCell(header, 2).alignment?.wrapText).toBe(true);
  const rows = rowsOf(ws);
  const traj = rows.findIndex((r) => r?.[0] === "Structurele besparing per jaar");
  expect(rows[traj + 2][0]).toBe(2026);
  const detail = rowsOf(wb.getWorksheet("Sc Basis")!);
  expect(detail.some((r) => r?.[0] === 2030)).toBe(true);
});
