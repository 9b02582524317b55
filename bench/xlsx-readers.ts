/**
 * npm run bench:readers [-- --json] [-- --file x.xlsx]
 *
 * The .xlsx readers available to Formatieplanner, side by side on the 150,000-row department of
 * `npm run bench:browser` (its cached workbook in the temp folder, written there when missing): the time to
 * go from the file's bytes to the input tables, and the peak memory of a process that does only that.
 * Each candidate runs in its own child process (same Node, one at a time), three times; the median counts.
 * - exceljs: ExcelJS's in-memory reader (`loadWorkbook` + `tablesFromWorkbook`), what the preview uses; it
 *   keeps the whole editable workbook (styles, other sheets) for the template, scenarios, report and download.
 * - exceljs-stream: the streaming reader (src/xlsx/stream-read.ts) of the command line and of the preview's
 *   planner worker, which keeps only the input tables' cells and parses each cell with ExcelJS's own parser.
 * Figures on stderr, `--json` prints them on stdout.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { parseArgs } from "util";

const CANDIDATES = ["exceljs", "exceljs-stream"] as const;
type Candidate = (typeof CANDIDATES)[number];

/** In the child: read the tables once, print {ms, loadMs (ExcelJS's parse alone), maxRssMb, rows}. */
async function measureOne(candidate: Candidate, file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t0 = performance.now();
  let rows = 0;
  let loadMs: number | undefined;
  if (candidate === "exceljs") {
    const { loadWorkbook, tablesFromWorkbook } = await import("../src/xlsx/workbook");
    const workbook = await loadWorkbook(bytes);
    loadMs = Math.round(performance.now() - t0);
    const read = tablesFromWorkbook(workbook);
    rows = (read.tables.Formatie?.length ?? 1) - 1;
  } else {
    const { readTablesStreaming } = await import("../src/xlsx/stream-read");
    const read = await readTablesStreaming(bytes);
    rows = (read.tables.Formatie?.length ?? 1) - 1;
  }
  const ms = Math.round(performance.now() - t0);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ms, loadMs, maxRssMb, rows }) + "\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      file: { type: "string" },
      candidate: { type: "string" },
      runs: { type: "string", default: "3" },
    },
  });
  const file = values.file ?? path.join(os.tmpdir(), "formatieplanner-bench-150000.xlsx");
  if (values.candidate) return measureOne(values.candidate as Candidate, file);

  const log = (text: string) => (values.json ? process.stderr.write(text + "\n") : console.log(text));
  if (!fs.existsSync(file)) {
    const { writeDepartment } = await import("./bench-browser");
    log(`werkmap maken / building the workbook: ${file}`);
    await writeDepartment(150_000, file + ".tmp.xlsx");
    fs.renameSync(file + ".tmp.xlsx", file);
  }
  log(
    `Formatieplanner bench:readers: ${path.basename(file)} (${(fs.statSync(file).size / 1048576).toFixed(1)} MB)`,
  );
  type Figures = { ms: number; loadMs?: number; maxRssMb: number; rows: number };
  const out: Record<string, Figures> = {};
  for (const candidate of CANDIDATES) {
    const runs: Figures[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const child = spawnSync(process.execPath, [__filename, "--candidate", candidate, "--file", file], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`${candidate}: ${child.stderr}`);
      runs.push(JSON.parse(child.stdout.trim().split("\n").pop()!));
    }
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(runs.length / 2)];
    out[candidate] = { ...median, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
    log(
      `  ${candidate}: mediaan ${median.ms} ms (${runs.map((r) => r.ms).join(", ")})` +
        (median.loadMs !== undefined
          ? `, waarvan ExcelJS laden / of which ExcelJS load ${median.loadMs} ms, `
          : ", ") +
        `piekgeheugen / peak RSS ${out[candidate].maxRssMb} MB, ${median.rows} formatierijen`,
    );
  }
  if (values.json) process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
