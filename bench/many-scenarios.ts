/**
 * A report for many scenarios, as a user would make it: `formatieplanner run <wb> --out <report.xlsx>` on the
 * sample ministry with N generated scenarios (default 10,000, each one or two levers), in a child process,
 * timed from start to exit, with the child's peak RSS. Run for N and N/2 to show that it scales linearly.
 * Usage: npm run bench:report [-- --scenarios N]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import { sampleTables } from "../samples/generate-sample";
import { addInputTable } from "../src/xlsx/workbook";
import { readPlan } from "../src/model/input";
import { runPlan } from "../src/model/engine";
import { fullReportSheets } from "../src/model/report-full";
import type { ReportSheet } from "../src/model/report";
import { readTablesStreaming } from "../src/xlsx/stream-read";

type Row = (string | number | boolean | null)[];

/** N scenarios over the sample's levers: cuts, vacancy stops, norms; some with a filter, some with two levers. */
export function manyScenarios(n: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Scenario ${String(i + 1).padStart(5, "0")}`;
    const share = Math.round((0.01 + (i % 20) / 200) * 1000) / 1000;
    switch (i % 5) {
      case 0:
        rows.push([name, "Kaasschaaf", share, null, null, 1]);
        break;
      case 1:
        rows.push([name, "Vacaturestop", share * 5, 'functiegroep != "Primair"', null, 1]);
        break;
      case 2:
        rows.push([name, "Roemernorm", 0.1, null, (i % 10) / 10, 1]);
        break;
      case 3:
        rows.push([
          name,
          "Gerichte korting",
          share,
          'functiegroep == "Bedrijfsvoering" and schaal <= 9',
          null,
          1,
        ]);
        rows.push([name, "Huisvestingsnorm", 0.7, null, null, 2]);
        break;
      default:
        rows.push([name, "Overheadnorm", 0.35 + (i % 10) / 100, null, null, 1]);
    }
  }
  return rows;
}

export async function writeManyScenarioWorkbook(file: string, n: number): Promise<void> {
  const t = sampleTables();
  const wb = new ExcelJS.Workbook();
  for (const name of ["Parameters", "Formatie", "Inhuur", "Huisvesting", "Prijzen", "Taakstelling"] as const)
    addInputTable(wb, name, t[name]);
  addInputTable(wb, "Scenarios", manyScenarios(n));
  await wb.xlsx.writeFile(file);
}

/** Milliseconds and peak RSS (MB) of `formatieplanner run --out` on the sample with `n` scenarios. */
export async function measureManyScenarios(
  n: number,
): Promise<{ ms: number; cpuMs: number; peakRssMb: number; ok: boolean; bytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-report-"));
  const file = path.join(dir, "in.xlsx");
  const out = path.join(dir, "rapport.xlsx");
  await writeManyScenarioWorkbook(file, n);
  const main = path.resolve(__dirname, "../src/cli/main.js");
  const script =
    `require(${JSON.stringify(main)}).main(["run", ${JSON.stringify(file)}, "--out", ${JSON.stringify(out)}], {stdout(){}, stderr(t){process.stderr.write(t)}})` +
    `.then((c) => { process.exitCode = c; const u = process.resourceUsage(); process.stdout.write(JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); })`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  let peakRssMb = NaN;
  let cpuMs = NaN;
  try {
    peakRssMb = JSON.parse(child.stdout).rss / 1024;
    cpuMs = JSON.parse(child.stdout).cpu;
  } catch {
    process.stderr.write(child.stderr.slice(0, 2000));
  }
  const bytes = fs.existsSync(out) ? fs.statSync(out).size : 0;
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, cpuMs, peakRssMb, ok: child.status === 0 && bytes > 0, bytes };
}

/** One scenario sheet of the report, as `run --out` lays it out for the sample with one generated scenario. */
export async function oneScenarioSheet(): Promise<ReportSheet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-one-"));
  const file = path.join(dir, "in.xlsx");
  await writeManyScenarioWorkbook(file, 1);
  const { tables } = await readTablesStreaming(new Uint8Array(fs.readFileSync(file)));
  fs.rmSync(dir, { recursive: true, force: true });
  const { plan } = readPlan(tables);
  const result = runPlan(plan!);
  const sheets = [...fullReportSheets({ plan: plan!, result, tables })];
  return sheets.find((s) => s.name.startsWith("Sc "))!;
}

/**
 * The library's own floor: ExcelJS's streaming writer writing `n` copies of one scenario sheet's values (one
 * style for all, no layout, no engine), in this process. What `run --out` adds on top is the engine, the
 * layout and the formats.
 */
export async function measureExcelJsFloor(n: number): Promise<{ ms: number; cellsPerSheet: number }> {
  const sheet = await oneScenarioSheet();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-floor-"));
  const started = Date.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path.join(dir, "floor.xlsx"),
    useStyles: true,
    useSharedStrings: true,
  });
  const style = {};
  let cellsPerSheet = 0;
  for (let i = 0; i < n; i++) {
    const ws = workbook.addWorksheet(`S${i + 1}`);
    cellsPerSheet = 0;
    sheet.cells.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        cell.style = style;
        cellsPerSheet++;
      });
      row.commit();
    });
    ws.commit();
  }
  await workbook.commit();
  const ms = Date.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, cellsPerSheet };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scenarios: { type: "string", default: "10000" } } });
  const n = Number(values.scenarios);
  const results: [number, Awaited<ReturnType<typeof measureManyScenarios>>][] = [];
  for (const k of [Math.round(n / 2), n]) {
    const r = await measureManyScenarios(k);
    results.push([k, r]);
    console.log(
      `  run --out met ${k.toLocaleString("nl-NL")} scenario's: ${(r.ms / 1000).toFixed(1)} s (processortijd / CPU time ${(r.cpuMs / 1000).toFixed(1)} s), piekgeheugen / peak RSS ${r.peakRssMb.toFixed(0)} MB, rapport ${(r.bytes / 1e6).toFixed(1)} MB${r.ok ? "" : " (MISLUKT / FAILED)"}`,
    );
  }
  const [[h, half], [f, full]] = results;
  const perHalf = half.ms / h;
  const perFull = full.ms / f;
  console.log(
    `  per scenario: ${perHalf.toFixed(2)} ms (${h}) en ${perFull.toFixed(2)} ms (${f}); verhouding / ratio ${(perFull / perHalf).toFixed(2)} (lineair: ~1)`,
  );
  const floor = await measureExcelJsFloor(f);
  console.log(
    `  ExcelJS' eigen schrijver / ExcelJS's own writer (archiver): ${f.toLocaleString("nl-NL")} bladen van ${floor.cellsPerSheet} cellen (de waarden van één scenarioblad, zonder opmaak of rekenen / values only): ${(floor.ms / 1000).toFixed(1)} s`,
  );
  const met = (ok: boolean) => (ok ? "gehaald" : "NIET gehaald");
  console.log(
    `  doelen / goals: ${f} scenario's <= 30 s (ruim onder een minuut / well under a minute): ${met(full.ok && full.ms <= 30_000)}; lineair (verhouding <= 1.3): ${met(perFull / perHalf <= 1.3)}; piekgeheugen / peak RSS < 1 GB: ${met(full.peakRssMb < 1024)}`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
