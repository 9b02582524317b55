/**
 * npm run bench:rijk [-- --departments N] [-- --rows N] [-- --json]
 *
 * A generated Rijk of twelve departments with 10,000 formation rows each (plus 200 hire and 20 housing
 * rows), written as .xlsx files next to a Rijk workbook; then `formatieplanner rijk` end to end (reading
 * every workbook, distributing, running each department's chosen scenario, consolidating) and the
 * consolidation alone from tables already read. Goal on the 2-core reference machine: the whole Rijk
 * within 10 s. Figures, not a timed test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { DEPARTMENT_TABLE_NAMES } from "../src/cli/rijk";
import { consolidateRijk } from "../src/model/rijk/consolidation";
import { RIJK_TABLE_NAMES } from "../src/model/rijk/tables";
import { HIRE_CATEGORIES } from "../src/model/types";
import { addInputTable, loadWorkbook, tablesFromWorkbook } from "../src/xlsx/workbook";
import { departmentTables, writeRijkWorkbook } from "../samples/generate-rijk";
import { seeded } from "../samples/generate-sample";

const GROUPS = ["Primair", "Bedrijfsvoering", "Lijnmanagement"];

async function writeLargeDepartment(file: string, seed: number, rows: number): Promise<void> {
  const rand = seeded(seed);
  const base = departmentTables({
    name: "",
    file: "",
    seed,
    units: [["U", 1, 1, 1]],
    hireShare: 0.15,
    m2: 1,
  });
  const units = Array.from({ length: 40 }, (_, i) => `Eenheid ${String(i + 1).padStart(2, "0")}`);
  const formation: (string | number | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const g = rand() < 0.55 ? 0 : rand() < 0.85 ? 1 : 2;
    formation.push([
      units[Math.floor(rand() * units.length)],
      GROUPS[g],
      4 + Math.floor(rand() * 12),
      Math.round((0.2 + rand() * 1.8) * 10) / 10,
      null,
      rand() < 0.05 ? "ja" : "nee",
    ]);
  }
  const hire = Array.from({ length: 200 }, (_, i) => [
    units[i % units.length],
    HIRE_CATEGORIES[i % 8],
    20_000 + Math.round(rand() * 200) * 1000,
  ]);
  const housing = Array.from({ length: 20 }, (_, i) => [
    `Locatie ${i + 1}`,
    500 + Math.round(rand() * 4000),
    150 + Math.round(rand() * 200),
  ]);
  const wb = new ExcelJS.Workbook();
  addInputTable(wb, "Parameters", [...base.Parameters, ["Gekozen scenario", "Gericht"]]);
  addInputTable(wb, "Formatie", formation);
  addInputTable(wb, "Inhuur", hire);
  addInputTable(wb, "Huisvesting", housing);
  addInputTable(wb, "Prijzen", base.Prijzen);
  addInputTable(wb, "Scenarios", base.Scenarios);
  await wb.xlsx.writeFile(file);
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      departments: { type: "string", default: "12" },
      rows: { type: "string", default: "10000" },
      json: { type: "boolean", default: false },
    },
  });
  const n = Number(values.departments);
  const rows = Number(values.rows);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-rijk-bench-"));
  const log = (t: string) => process.stderr.write(t + "\n");
  log(`Formatieplanner rijk-bench: ${n} departementen x ${rows} formatierijen (${dir})`);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await writeLargeDepartment(path.join(dir, `dep${i + 1}.xlsx`), 1000 + i, rows);
  const rijkFile = path.join(dir, "rijk.xlsx");
  await writeRijkWorkbook(
    rijkFile,
    Array.from({ length: n }, (_, i) => [
      `Departement ${i + 1}`,
      500e6 + i * 50e6,
      "nee",
      1 + (i % 3),
      `dep${i + 1}.xlsx`,
      null,
    ]),
    [
      [2027, 250e6],
      [2028, 500e6],
      [2029, 750e6],
      [2030, 1000e6],
    ],
  );
  log(`  werkmappen geschreven / workbooks written: ${(performance.now() - t0).toFixed(0)} ms`);

  // End to end, as a user runs it.
  const t1 = performance.now();
  let stdout = "";
  const code = await main(["rijk", rijkFile, "--json"], {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  const endToEnd = performance.now() - t1;
  const out = JSON.parse(stdout);
  const fte = out.rijk.years[out.rijk.years.length - 1]?.fte ?? 0;
  log(
    `  formatieplanner rijk (inlezen + verdelen + doorrekenen + optellen): ${endToEnd.toFixed(0)} ms, exit ${code}, complete ${out.rijk.complete}, ${Math.round(fte).toLocaleString("nl-NL")} FTE in het eindjaar`,
  );

  // Consolidation alone, from tables already read.
  const tables = new Map<string, ReturnType<typeof tablesFromWorkbook>["tables"]>();
  const t2 = performance.now();
  for (let i = 0; i < n; i++)
    tables.set(
      `dep${i + 1}.xlsx`,
      tablesFromWorkbook(await loadWorkbook(path.join(dir, `dep${i + 1}.xlsx`)), DEPARTMENT_TABLE_NAMES)
        .tables,
    );
  const rijkTables = tablesFromWorkbook(await loadWorkbook(rijkFile), RIJK_TABLE_NAMES).tables;
  const readMs = performance.now() - t2;
  const t3 = performance.now();
  const result = await consolidateRijk(rijkTables, async (d) => ({
    file: d.workbook,
    tables: tables.get(d.workbook!)!,
  }));
  const consolidateMs = performance.now() - t3;
  const rss = process.memoryUsage().rss / 1024 / 1024;
  log(`  alleen inlezen / reading only: ${readMs.toFixed(0)} ms`);
  log(
    `  alleen verdelen, doorrekenen en optellen / consolidation only: ${consolidateMs.toFixed(0)} ms (complete ${result.rijk.complete})`,
  );
  log(`  geheugen / RSS: ${rss.toFixed(0)} MB`);
  log(`  doel / goal: hele Rijk <= 10 s: ${endToEnd <= 10_000 ? "gehaald / met" : "NIET gehaald / missed"}`);
  if (values.json)
    process.stdout.write(
      JSON.stringify({
        departments: n,
        rows,
        endToEndMs: Math.round(endToEnd),
        readMs: Math.round(readMs),
        consolidateMs: Math.round(consolidateMs),
        rssMb: Math.round(rss),
      }) + "\n",
    );
  fs.rmSync(dir, { recursive: true, force: true });
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
