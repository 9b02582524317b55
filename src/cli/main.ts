/**
 * The command line over .xlsx files:
 *   formatieplanner run <workbook.xlsx> [--json] [--out result.xlsx] [--lang en] [--progress]
 *   formatieplanner check <workbook.xlsx> [--json]
 * Exit codes: 0 ran, 1 input errors, 2 wrong usage.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import { readPlan } from "../model/input";
import { runPlanAsync } from "../model/engine";
import { buildReport, hashInputs } from "../model/report";
import { VERSION } from "../model/version";
import type { Issue, RunResult } from "../model/types";
import { loadWorkbook, tablesFromWorkbook, writeReportSheets } from "../xlsx/workbook";
import { formatIssue, formatRun, type Lang } from "./format";
import { DEPARTMENT_TABLE_NAMES, monitorJson, RIJK_HELP, rijkMain } from "./rijk";
import { chosenResult, monitorOf, readMonitorInput, type MonitorEntry } from "../model/monitor";
import { monitorSheet } from "../model/report-monitor";
import { illustrativeMarks } from "../xlsx/sources";

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
  --lang nl|en      taal van tekst en meldingen (standaard nl) / language of text and messages (default nl)
  --progress        voortgang op stderr / progress on stderr

Invoer / Input: Excel-tabellen met de namen Formatie, Parameters (verplicht), Inhuur, Huisvesting, Prijzen,
Taakstelling en Scenarios; zonder tabeldefinities een blad met die naam en de kopregel in rij 1.
Zie README.md en MODEL.md voor de betekenis van elk getal.

Rijksbreed / Rijk-wide (src/cli/rijk.ts):
  ${RIJK_HELP.trimEnd().split("\n").join("\n  ")}

Afsluitcodes / Exit codes: 0 doorgerekend / ran, 1 invoerfouten / input errors, 2 verkeerd gebruik / wrong usage.
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
      years: s.years.map((y) => ({
        year: y.year,
        fte: y.fte,
        ftePrimary: y.ftePrimary,
        fteOverhead: y.fteOverhead,
        overheadRatio: y.overheadRatio,
        personnelCost: y.personnelCost,
        externalSpend: y.externalSpend,
        roemerShare: y.roemerShare,
        m2: y.m2,
        housingCost: y.housingCost,
        structuralCost: y.structuralCost,
        oneOffCost: y.oneOffCost,
        structuralSavings: y.structuralSavings,
        target: y.target,
        gap: y.gap,
        forcedExits: y.forcedExits,
        primaryRetained: y.primaryRetained,
      })),
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

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (argv[0] === "rijk") return rijkMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        lang: { type: "string", default: "nl" },
        progress: { type: "boolean", default: false },
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
  if (values.out) {
    if (!values.out.toLowerCase().endsWith(".xlsx"))
      return usage(io, "--out moet een .xlsx-bestand zijn / --out must be an .xlsx file.");
    if (path.resolve(values.out) === path.resolve(file)) {
      return usage(io, "--out mag niet de invoerwerkmap zijn / --out must not be the input workbook.");
    }
    if (fs.existsSync(values.out) && !values.force) {
      return usage(
        io,
        `${values.out} bestaat al; kies een andere naam of gebruik --force / already exists; use --force to replace it.`,
      );
    }
  }
  if (!fs.existsSync(file)) return usage(io, `Bestand niet gevonden / file not found: ${file}`);

  const progress = (text: string) => {
    if (values.progress) io.stderr(`${text}\n`);
  };
  const started = Date.now();
  progress(`Inlezen / reading ${file} ...`);
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(file);
  } catch (e) {
    return usage(io, `Kan ${file} niet lezen als .xlsx / cannot read as .xlsx: ${(e as Error).message}`);
  }
  const { tables } = tablesFromWorkbook(workbook, DEPARTMENT_TABLE_NAMES);
  const { plan, issues: planIssues } = readPlan(tables);
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
  monitor = monitorOf(result, monitorInput);
  report(result);
  if (!values.json) io.stdout(formatRun(result, lang) + "\n");
  if (values.out) {
    const out = new ExcelJS.Workbook();
    out.creator = `Formatieplanner ${VERSION}`;
    writeReportSheets(
      out,
      buildReport(
        result,
        {
          createdAt: new Date(),
          inputHash: hashInputs(tables),
          version: VERSION,
          sources: {
            file: path.basename(file),
            readAt: new Date(started),
            marks: illustrativeMarks(workbook),
          },
        },
        undefined,
        monitorInput.rows.length > 0
          ? [monitorSheet(chosenResult(result, monitorInput.chosen), monitorInput.rows, monitor)]
          : [],
      ),
    );
    await out.xlsx.writeFile(values.out);
    progress(`Geschreven / written: ${values.out}`);
    if (!values.json)
      io.stdout(
        `\n${lang === "nl" ? "Vergelijking geschreven naar" : "Comparison written to"} ${values.out}\n`,
      );
  }
  progress(`Klaar / done in ${Date.now() - started} ms`);
  return 0;
}
