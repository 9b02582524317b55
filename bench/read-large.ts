/**
 * Reading a very large workbook through the command line, as a user would: `formatieplanner check` on an
 * .xlsx of N formation rows (default one million), in a child process, timed from start to exit, with the
 * child's peak RSS. The workbook is written with ExcelJS's streaming writer, so the bench itself stays small.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { seeded } from "../samples/generate-sample";

const GROUPS = ["Primair", "Bedrijfsvoering", "Lijnmanagement"];

async function writeLargeWorkbook(file: string, rows: number): Promise<void> {
  const rand = seeded(1_000_000);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const formation = wb.addWorksheet("Formatie");
  formation.addRow(["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"]).commit();
  for (let i = 0; i < rows; i++) {
    formation
      .addRow([
        `Eenheid ${1 + Math.floor(rand() * 60)}`,
        GROUPS[rand() < 0.5 ? 0 : rand() < 0.85 ? 1 : 2],
        4 + Math.floor(rand() * 12),
        Math.round((0.2 + rand() * 1.8) * 10) / 10,
        [72_000, 85_000, 98_000, 115_000][Math.floor(rand() * 4)],
        rand() < 0.05 ? "ja" : "nee",
      ])
      .commit();
  }
  formation.commit();
  const params = wb.addWorksheet("Parameters");
  for (const r of [
    ["Parameter", "Waarde"],
    ["Basisjaar", 2026],
    ["Eindjaar", 2030],
  ])
    params.addRow(r).commit();
  params.commit();
  await wb.commit();
}

/** Milliseconds and peak RSS (MB) of `formatieplanner check` on a workbook of `rows` formation rows. */
export async function measureLargeRead(
  rows: number,
): Promise<{ readMs: number; peakRssMb: number; ok: boolean }> {
  const file = path.join(os.tmpdir(), `fp-bench-${rows}-${process.pid}.xlsx`);
  await writeLargeWorkbook(file, rows);
  const main = path.resolve(__dirname, "../src/cli/main.js");
  // The child reports its own peak RSS when it ends; the time is wall clock around the whole child.
  const script =
    `require(${JSON.stringify(main)}).main(["check", ${JSON.stringify(file)}], {stdout(){}, stderr(t){process.stderr.write(t)}})` +
    `.then((c) => { process.exitCode = c; process.stdout.write(JSON.stringify({ rss: process.resourceUsage().maxRSS })); })`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=4096", "-e", script], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const readMs = Date.now() - started;
  fs.rmSync(file, { force: true });
  let peakRssMb = NaN;
  try {
    peakRssMb = JSON.parse(child.stdout).rss / 1024;
  } catch {
    peakRssMb = NaN;
  }
  return { readMs, peakRssMb, ok: child.status === 0 };
}
