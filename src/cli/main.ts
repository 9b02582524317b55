/**
 * The command line over .xlsx files:
 *   formatieplanner run <workbook.xlsx> [--json] [--out result.xlsx] [--lang en] [--progress]
 *   formatieplanner check <workbook.xlsx> [--json]
 * Exit codes: 0 ran, 1 input errors (a file that is not a readable .xlsx included), 2 wrong usage (an --out
 * that cannot or must not be written included), 3 the run could not be completed (writing --out failed, an
 * internal error). Never a stack trace, never process.exit with output pending (see bin/).
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { readPlan } from "../model/input";
import { runPlanAsync } from "../model/engine";
import { fullReportSheets } from "../model/report-full";
import { VERSION } from "../model/version";
import type { Issue, RunResult } from "../model/types";
import { readTablesStreaming } from "../xlsx/stream-read";
import { WorkbookUnreadable } from "../xlsx/zip-check";
import { checkOutputTarget, OutputRefused, writeStreamAtomically } from "./output-file";
import { streamReport } from "./report-file";
import { firstNonFinite } from "./finite";
import { formatIssue, formatRun, type Lang } from "./format";
import { DEPARTMENT_TABLE_NAMES, monitorJson, RIJK_HELP, rijkMain, yearJson } from "./rijk";
import { monitorOf, readMonitorInput, type MonitorEntry } from "../model/monitor";

export const HELP = `Formatieplanner ${VERSION}: formatie, overhead, inhuur, huisvesting en taakstellingen doorrekenen.

Gebruik / Usage:
  formatieplanner run <werkmap.xlsx> [opties]     scenario's doorrekenen en vergelijken / run and compare scenarios
  formatieplanner check <werkmap.xlsx> [opties]   alleen de invoer controleren / only check the input
  formatieplanner --help                          deze tekst / this text

Opties / Options:
  --json            uitvoer als JSON op stdout / output as JSON on stdout:
                    {"scenarios":[{"name","years":[{"year","fte","ftePrimary","fteOverhead","overheadRatio",
                    "personnelCost","externalSpend","roemerShare","m2","housingCost","structuralCost","oneOffCost",
                    "structuralSavings","target","gap","forcedExits","primaryRetained"}]}],
                    "issues":[{"severity","table","row","column","message"}]}
                    Ratio's als fractie, bedragen in euro's onafgerond, de basislijn eerst als "Basis".
  --out <bestand>   schrijf de vergelijking naar een nieuwe .xlsx (blad Vergelijking plus een blad per scenario);
                    een bestaand bestand wordt niet overschreven zonder --force / write the comparison to a new .xlsx
  --force           een bestaand --out-bestand vervangen / replace an existing --out file
  --lang nl|en      taal van tekst, meldingen en het --out-rapport (standaard nl) / language of text, messages
                    and the --out report (default nl); --json houdt zijn vorm / --json keeps its shape
  --progress        voortgang op stderr / progress on stderr

Invoer / Input: Excel-tabellen met de namen Formatie, Parameters (verplicht), Inhuur, Huisvesting, Prijzen,
Taakstelling en Scenarios; zonder tabeldefinities een blad met die naam en de kopregel in rij 1.
Zie README.md en MODEL.md voor de betekenis van elk getal.

Rijksbreed / Rijk-wide (src/cli/rijk.ts):
  ${RIJK_HELP.trimEnd().split("\n").join("\n  ")}

Afsluitcodes / Exit codes: 0 doorgerekend / ran, 1 invoerfouten of onleesbare werkmap / input errors or an
unreadable workbook, 2 verkeerd gebruik / wrong usage, 3 niet afgerond (schrijven mislukt, interne fout) /
not completed (writing failed, internal error).
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

interface JsonIssue {
  severity: string;
  table: string;
  row: number | null;
  column: string | null;
  message: string;
}

export function toJson(
  result: RunResult | null,
  issues: Issue[],
  lang: Lang,
  monitor: readonly MonitorEntry[] = [],
): string {
  const out = {
    scenarios: (result?.scenarios ?? []).map((s) => ({
      name: s.name,
      years: s.years.map(yearJson),
    })),
    issues: issues.map((i): JsonIssue => ({
      severity: i.severity,
      table: i.table,
      row: i.row,
      column: i.column,
      message: lang === "nl" ? i.message : i.messageEn,
    })),
    monitor: monitorJson(monitor),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n\nZie / see: formatieplanner --help\n`);
  return 2;
}

/** The command line; every failure becomes a message and an exit code, never a stack trace. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    return await mainUnsafe(argv, io);
  } catch (e) {
    io.stderr(
      `Interne fout; de invoer is niet gewijzigd. Meld dit met de werkmap erbij. / Internal error; the input was not changed. Please report it with the workbook.\n(${excerptOf((e as Error)?.message ?? String(e))})\n`,
    );
    if (process.env.FP_DEBUG) io.stderr(`${(e as Error)?.stack ?? ""}\n`);
    return 3;
  }
}

function excerptOf(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The options `run`, `check` and `rijk` share (parseArgs form). */
export const SHARED_OPTIONS = {
  json: { type: "boolean", default: false },
  out: { type: "string" },
  force: { type: "boolean", default: false },
  lang: { type: "string", default: "nl" },
  progress: { type: "boolean", default: false },
} as const;

async function mainUnsafe(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === "rijk") return rijkMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...SHARED_OPTIONS,
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== "run" && command !== "check") {
    return usage(
      io,
      command
        ? `Onbekende opdracht '${command}' / unknown command.`
        : "Geen opdracht opgegeven / no command given.",
    );
  }
  if (!file) return usage(io, "Geen werkmap opgegeven / no workbook given.");
  if (rest.length > 0) return usage(io, `Onverwachte argumenten / unexpected arguments: ${rest.join(" ")}`);
  if (values.lang !== "nl" && values.lang !== "en")
    return usage(io, "--lang is nl of en / --lang is nl or en.");
  const lang = values.lang as Lang;
  if (values.out && command === "check") return usage(io, "--out hoort bij run / --out goes with run.");
  if (!fs.existsSync(file)) return usage(io, `Bestand niet gevonden / file not found: ${file}`);
  if (fs.statSync(file).isDirectory()) return usage(io, `${file} is een map / is a folder.`);
  if (values.out) {
    if (!values.out.toLowerCase().endsWith(".xlsx"))
      return usage(io, "--out moet een .xlsx-bestand zijn / --out must be an .xlsx file.");
    // Checked before reading: the input is never the output, and an unwritable place is said at once.
    try {
      checkOutputTarget(values.out, file, values.force);
    } catch (e) {
      if (!(e instanceof OutputRefused)) throw e;
      return usage(io, `${e.nl} / ${e.en}`);
    }
  }

  const progress = (text: string) => {
    if (values.progress) io.stderr(`${text}\n`);
  };
  const started = Date.now();
  progress(`Inlezen / reading ${file} ...`);
  let read: Awaited<ReturnType<typeof readTablesStreaming>>;
  try {
    // Streamed: only the input tables' cells are kept, so a million rows fit in well under 1 GB.
    read = await readTablesStreaming(
      new Uint8Array(fs.readFileSync(file)),
      (rows, sheet) =>
        progress(
          `Gelezen / read: ${rows.toLocaleString("nl-NL")} rijen / rows (${sheet}) in ${Date.now() - started} ms`,
        ),
      undefined,
      DEPARTMENT_TABLE_NAMES,
    );
  } catch (e) {
    if (!(e instanceof WorkbookUnreadable)) throw e;
    const issue: Issue = {
      severity: "error",
      table: "",
      row: null,
      column: null,
      message: e.nl,
      messageEn: e.en,
    };
    if (values.json) io.stdout(toJson(null, [issue], lang));
    else io.stderr(`${file}: ${e.nl}\n${file}: ${e.en}\n`);
    return 1;
  }
  const { tables, otherNames } = read;
  progress(
    `Gelezen / read: ${Object.entries(tables)
      .map(([name, rows]) => `${name} ${Math.max(0, (rows?.length ?? 1) - 1)}`)
      .join(", ")} rij(en) / row(s); controleren / checking ...`,
  );
  const { plan, issues: planIssues } = readPlan(tables, { otherNames });
  const monitorInput = readMonitorInput(tables, plan);
  const issues = [...planIssues, ...monitorInput.issues];
  let monitor: MonitorEntry[] = [];
  progress(`Gecontroleerd / checked: ${issues.length} melding(en) in ${Date.now() - started} ms`);
  const report = (result: RunResult | null) => {
    if (values.json) io.stdout(toJson(result, issues, lang, monitor));
    else for (const i of issues) io.stderr(formatIssue(i, lang) + "\n");
  };
  if (!plan || issues.some((i) => i.severity === "error")) {
    report(null);
    return 1;
  }
  if (command === "check") {
    report(null);
    if (!values.json) io.stdout(lang === "nl" ? "Invoer in orde.\n" : "Input is fine.\n");
    return 0;
  }
  const result = await runPlanAsync(plan, {
    onProgress: (done, total, name) => progress(`Doorrekenen / running ${done}/${total}: ${name}`),
  });
  // A non-finite figure is an internal error, never a number on screen or null in the JSON.
  const bad = firstNonFinite(result);
  if (bad) {
    io.stderr(
      `Interne fout: geen eindige uitkomst (${bad}); er is niets geschreven. Meld dit met de werkmap erbij. / Internal error: a non-finite result (${bad}); nothing was written.\n`,
    );
    return 3;
  }
  monitor = monitorOf(result, monitorInput);
  report(result);
  if (!values.json) io.stdout(formatRun(result, lang) + "\n");
  if (values.out) {
    // Streamed: each sheet is made, written and forgotten, so many scenarios stay linear in time and memory.
    const sheets = fullReportSheets({
      plan,
      result,
      tables,
      sources: { file: path.basename(file), readAt: new Date(started), marks: read.marks },
      lang,
    });
    try {
      await writeStreamAtomically(values.out, (sink) =>
        streamReport(sink, sheets, `Formatieplanner ${VERSION}`),
      );
    } catch (e) {
      if (!(e instanceof OutputRefused)) throw e;
      io.stderr(`${e.nl}\n${e.en}\n`);
      return 3;
    }
    progress(`Geschreven / written: ${values.out}`);
    if (!values.json)
      io.stdout(
        `\n${lang === "nl" ? "Vergelijking geschreven naar" : "Comparison written to"} ${values.out}\n`,
      );
  }
  progress(`Klaar / done in ${Date.now() - started} ms`);
  return 0;
}
