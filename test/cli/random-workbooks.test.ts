/**
 * Property test (issue 11): random workbooks with valid and invalid cells in every column of every table.
 * For each: `check` and `run` agree (nothing passes check and fails run), the exit code is 0 or 1 and says
 * the same as the issues, stderr holds no stack trace, and --json parses with only finite numbers.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { TABLES } from "../../src/model/schema";
import { cli } from "./run-cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-prop-"));

type Cell = string | number | boolean | null | Date | { formula: string } | { error: string };

/** Cells that break things: blanks, text, ambiguous thousands, huge and negative numbers, errors, dates, formulas. */
const hostile: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    null,
    "",
    " ",
    "abc",
    "85.000",
    "85,000",
    "1.234,5",
    "6%",
    "0,06",
    -1,
    0,
    1e308,
    -1e308,
    1e-320,
    true,
    false,
    "#N/A",
    "WAAR",
    "x".repeat(300),
  ),
  fc.constant<Cell>(new Date(Date.UTC(2026, 0, 1))),
  fc.constant<Cell>({ formula: "A1*2" }),
  fc.constant<Cell>({ error: "#DIV/0!" }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
);

const GOOD: Record<string, fc.Arbitrary<Cell>> = {
  "Formatie/unit": fc.constantFrom("A", "B", "DG Wonen"),
  "Formatie/group": fc.constantFrom("Primair", "Bedrijfsvoering", "Lijnmanagement", "Operations"),
  "Formatie/scale": fc.integer({ min: 1, max: 18 }),
  "Formatie/fte": fc.double({ min: 0, max: 200, noNaN: true }),
  "Formatie/costPerFte": fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 200000 })),
  "Formatie/protected": fc.constantFrom("ja", "nee", null),
  "Inhuur/unit": fc.constantFrom("A", "B"),
  "Inhuur/category": fc.integer({ min: 1, max: 8 }),
  "Inhuur/amount": fc.integer({ min: 0, max: 5_000_000 }),
  "Huisvesting/location": fc.constantFrom("Den Haag", "Utrecht"),
  "Huisvesting/m2": fc.integer({ min: 0, max: 50_000 }),
  "Huisvesting/costPerM2": fc.integer({ min: 0, max: 800 }),
  "Prijzen/scale": fc.integer({ min: 1, max: 18 }),
  "Prijzen/costPerFte": fc.integer({ min: 0, max: 200000 }),
  "Taakstelling/year": fc.integer({ min: 2025, max: 2031 }),
  "Taakstelling/amount": fc.integer({ min: 0, max: 10_000_000 }),
  "Scenarios/scenario": fc.constantFrom("S1", "S2", "Korting DG 'Wonen'"),
  "Scenarios/lever": fc.constantFrom(
    "Kaasschaaf",
    "Overheadnorm",
    "Roemernorm",
    "Huisvestingsnorm",
    "Vacaturestop",
    "Gerichte korting",
    "Optimaal",
  ),
  "Scenarios/value": fc.oneof(
    fc.constant<Cell>(null),
    fc.constant<Cell>("auto"),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  "Scenarios/filter": fc.constantFrom<Cell>(
    null,
    'functiegroep == "Bedrijfsvoering"',
    "schaal >= 11",
    'eenheid == "Niemand"',
    "eenheid",
    "5",
    "not eenheid",
    'schaal > 10 ? "a" : "b"',
    "round(fte, -1) > 0",
    "max() > 0",
    "schaal = 10",
    "schaal > 1 && fte > 0",
    "(schaal > 1",
    "fte > 1",
  ),
  "Scenarios/insource": fc.oneof(fc.constant<Cell>(null), fc.double({ min: 0, max: 1, noNaN: true })),
  "Scenarios/order": fc.oneof(fc.constant<Cell>(null), fc.integer({ min: 1, max: 5 })),
};

function parameterRows(hostileWeight: number): fc.Arbitrary<Cell[][]> {
  const cell = (good: Cell) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant<Cell>(good) },
      { weight: hostileWeight, arbitrary: hostile },
    );
  return fc
    .tuple(
      cell(2026),
      fc.oneof(cell(2030), cell(2027)),
      cell(0.06),
      cell(9),
      fc.oneof(cell(0.02), cell(null)),
    )
    .map(([base, end, attrition, m2, index]) => [
      ["Basisjaar", base],
      ["Eindjaar", end],
      ["Natuurlijk verloop", attrition],
      ["m2 per werkplek", m2],
      ["Indexatie", index],
    ]);
}

function tableRows(
  name: string,
  minRows: number,
  maxRows: number,
  hostileWeight: number,
): fc.Arbitrary<Cell[][]> {
  const schema = TABLES.find((t) => t.name === name)!;
  const row = fc.tuple(
    ...schema.columns.map((c) =>
      hostileWeight === 0
        ? GOOD[`${name}/${c.key}`]
        : fc.oneof(
            { weight: 30, arbitrary: GOOD[`${name}/${c.key}`] },
            { weight: hostileWeight, arbitrary: hostile },
          ),
    ),
  ) as fc.Arbitrary<Cell[]>;
  return fc.array(row, { minLength: minRows, maxLength: maxRows });
}

/** Clean workbooks (only good cells, some of them still failing on meaning) and hostile ones. */
function workbooks(hostileWeight: number) {
  return fc.record({
    Formatie: tableRows("Formatie", hostileWeight ? 0 : 1, 6, hostileWeight),
    Inhuur: fc.option(tableRows("Inhuur", 0, 3, hostileWeight), { nil: undefined }),
    Huisvesting: fc.option(tableRows("Huisvesting", 0, 2, hostileWeight), { nil: undefined }),
    Prijzen: fc.option(tableRows("Prijzen", 0, 3, hostileWeight), { nil: undefined }),
    Taakstelling: fc.option(tableRows("Taakstelling", 0, 2, hostileWeight), { nil: undefined }),
    Scenarios: fc.option(tableRows("Scenarios", 0, 5, hostileWeight), { nil: undefined }),
    Parameters: parameterRows(hostileWeight),
    merge: fc.boolean(),
  });
}
const workbookArb = fc.oneof(workbooks(0), workbooks(2), workbooks(8));

async function writeWorkbook(spec: Record<string, unknown>, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const schema of TABLES) {
    const rows = spec[schema.name] as Cell[][] | undefined;
    if (!rows) continue;
    const ws = wb.addWorksheet(schema.name);
    ws.addRow(schema.columns.map((c) => c.header));
    for (const r of rows) {
      const excelRow = ws.addRow(r.map((v) => (v instanceof Date ? null : v)));
      r.forEach((v, i) => {
        if (v instanceof Date) {
          excelRow.getCell(i + 1).value = v;
          excelRow.getCell(i + 1).numFmt = "d-m-yyyy";
        }
      });
    }
    if (spec.merge && schema.name === "Formatie" && rows.length >= 2) ws.mergeCells("D2:D3");
  }
  await wb.xlsx.writeFile(file);
}

function assertFinite(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.forEach(assertFinite);
  else if (value && typeof value === "object") Object.values(value).forEach(assertFinite);
}

const STACK = /\n\s+at [^\n]*[:(]\d+|TypeError|RangeError|ReferenceError|Cannot read prop/;

test("random workbooks: check and run agree, exit codes and stderr follow the contract, JSON is finite", async () => {
  let n = 0;
  const codes = [0, 0];
  await fc.assert(
    fc.asyncProperty(workbookArb, async (spec) => {
      const file = path.join(tmp, `w${n++}.xlsx`);
      await writeWorkbook(spec as Record<string, unknown>, file);
      const check = await cli("check", file, "--json");
      const run = await cli("run", file, "--json");
      const text = await cli("run", file);
      for (const r of [check, run, text]) {
        expect([0, 1]).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK);
      }
      // Nothing passes check and fails run, and the other way round.
      expect(run.code).toBe(check.code);
      expect(text.code).toBe(check.code);
      const checked = JSON.parse(check.stdout);
      const ran = JSON.parse(run.stdout);
      assertFinite(ran);
      const hasError = checked.issues.some((i: { severity: string }) => i.severity === "error");
      expect(check.code).toBe(hasError ? 1 : 0);
      expect(ran.issues).toEqual(checked.issues);
      if (run.code === 0) expect(ran.scenarios[0].name).toBe("Basis");
      else expect(ran.scenarios).toEqual([]);
      for (const i of checked.issues) {
        expect(i.message.length).toBeLessThan(400);
        expect(i.message).not.toMatch(/Node\b|mathjs|undefined|\[object/);
      }
      codes[run.code]++;
      fs.unlinkSync(file);
    }),
    {
      numRuns: Number(process.env.FP_PROPERTY_RUNS ?? 60),
      seed: process.env.FP_PROPERTY_RUNS ? undefined : 20261128,
    },
  );
  // The generator reaches both sides of the contract: workbooks that run and workbooks with errors.
  expect(codes[0]).toBeGreaterThan(0);
  expect(codes[1]).toBeGreaterThan(0);
}, 300_000);
