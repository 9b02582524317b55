/**
 * `formatieplanner rijk <rijk.xlsx> [--json] [--out rijk-rapport.xlsx] [--force] [--lang nl|en] [--progress]
 *  [--export <Departement> --to <taakstelling.xlsx>]`: distributes the Rijk-wide cut, runs each department's
 * workbook named in Werkmap (relative to the Rijk workbook) and consolidates. Exit codes as `run`: 0 ran,
 * 1 input errors (in the Rijk workbook, or a department left out), 2 wrong usage.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import { hashInputs } from "../model/report";
import { rijkSheet } from "../model/report-rijk";
import { consolidateRijk, type RijkResult } from "../model/rijk/consolidation";
import { taakstellingRows } from "../model/rijk/distribution";
import { RIJK_TABLE_NAMES } from "../model/rijk/tables";
import { REALISATIE_TABLE, type MonitorEntry } from "../model/monitor";
import { TABLES } from "../model/schema";
import { normalizeName } from "../model/text";
import { VERSION } from "../model/version";
import type { Issue, YearMetrics } from "../model/types";
import { addInputTable, loadWorkbook, tablesFromWorkbook, writeReportSheets } from "../xlsx/workbook";
import { formatIssue, type Lang } from "./format";
import { checkOutputTarget, OutputRefused, writeFileAtomically } from "./output-file";
import { illustrativeMarks } from "../xlsx/sources";
import { SHARED_OPTIONS, type CliIo } from "./main";

/** Every table a department's workbook may hold: MODEL.md's and the monitor's Realisatie. */
export const DEPARTMENT_TABLE_NAMES: readonly string[] = [...TABLES.map((t) => t.name), REALISATIE_TABLE];

export const RIJK_HELP = `formatieplanner rijk <rijk.xlsx> [opties]
  Verdeelt de Rijkstaakstelling over de Departementen, rekent elke werkmap uit de kolom Werkmap door
  (gekozen scenario) en telt op. / Distributes the Rijk-wide cut, runs every department's workbook and consolidates.
  --json                 {"distribution":[{"department","year","target"}],"departments":[{"name","scenario",
                         "targetSource","included","issues":[...],"years":[...]}],"rijk":{"complete","years":[...]},
                         "issues":[...]}
  --out <bestand>        rapport met blad Rijksbreed / report with a Rijk-wide sheet (--lang en: in English)
  --export <departement> --to <bestand>   het aandeel van een departement als tabel Taakstelling
                         / a department's share as its Taakstelling table
  --force, --lang nl|en, --progress       als bij run / as with run
`;

/** One year as `run --json` and `rijk --json` print it (the field names of the contract). */
export function yearJson(y: YearMetrics) {
  return {
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
  };
}

export function issueJson(i: Issue, lang: Lang) {
  return {
    severity: i.severity,
    table: i.table,
    row: i.row,
    column: i.column,
    message: lang === "nl" ? i.message : i.messageEn,
  };
}

/** The `monitor` list of `run --json`: normMet only for the two ratios. */
export function monitorJson(entries: readonly MonitorEntry[]) {
  return entries.map((e) => ({
    date: e.date,
    scenario: e.scenario,
    measure: e.measure,
    realised: e.realised,
    plan: e.plan,
    onTrack: e.onTrack,
    ...(e.normMet !== undefined ? { normMet: e.normMet } : {}),
  }));
}

export function rijkJson(result: RijkResult, lang: Lang): string {
  const out = {
    distribution: result.distribution.map((e) => ({
      department: e.department,
      year: e.year,
      target: e.target,
    })),
    departments: result.departments.map((d) => ({
      name: d.name,
      scenario: d.scenario,
      targetSource: d.targetSource,
      included: d.included,
      issues: d.issues.map((i) => issueJson(i, lang)),
      years: d.years.map(yearJson),
    })),
    rijk: { complete: result.ok && result.rijk.complete, years: result.rijk.years.map(yearJson) },
    issues: result.issues.map((i) => issueJson(i, lang)),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const eur = (v: number) => `€ ${Math.round(v).toLocaleString("nl-NL")}`;

export function formatRijk(result: RijkResult, lang: Lang): string {
  const nl = lang === "nl";
  const lines: string[] = [];
  const width = Math.max(12, ...result.input.departments.map((d) => d.name.length)) + 2;
  lines.push(nl ? "Verdeling van de rijkstaakstelling:" : "Distribution of the Rijk-wide cut:");
  for (const d of result.input.departments) {
    const shares = result.distribution.filter((e) => e.department === d.name);
    lines.push(`  ${d.name.padEnd(width)} ${shares.map((e) => `${e.year}: ${eur(e.target)}`).join("  ")}`);
  }
  lines.push("");
  lines.push(nl ? "Departementen:" : "Departments:");
  for (const d of result.departments) {
    const end = d.years[d.years.length - 1];
    const status = d.included
      ? `${nl ? "scenario" : "scenario"} ${d.scenario}, ${nl ? "taakstelling" : "target"} ${d.targetSource === "own" ? (nl ? "eigen" : "own") : nl ? "verdeeld" : "distributed"}; ${end.year}: ${nl ? "besparing" : "saving"} ${eur(end.structuralSavings)} / ${eur(end.target)}`
      : nl
        ? "NIET MEEGETELD (zie meldingen)"
        : "LEFT OUT (see issues)";
    lines.push(`  ${d.name.padEnd(width)} ${status}`);
    if (d.status)
      lines.push(
        `  ${"".padEnd(width)} monitor ${d.status.date}: ${d.status.onTrack}/${d.status.measures} ${nl ? "op koers" : "on track"}`,
      );
  }
  lines.push("");
  lines.push(
    result.rijk.complete
      ? nl
        ? "Rijk (volledig):"
        : "Rijk (complete):"
      : nl
        ? `Rijk (ONVOLLEDIG, zonder ${result.rijk.leftOut.join(", ")}):`
        : `Rijk (INCOMPLETE, without ${result.rijk.leftOut.join(", ")}):`,
  );
  lines.push(
    `  ${(nl ? "jaar" : "year").padEnd(6)}${(nl ? "taakstelling" : "target").padStart(18)}${(nl ? "besparing" : "saving").padStart(18)}${"FTE".padStart(12)}${"overhead".padStart(10)}${"Roemer".padStart(9)}${"m2".padStart(12)}`,
  );
  for (const y of result.rijk.years)
    lines.push(
      `  ${String(y.year).padEnd(6)}${eur(y.target).padStart(18)}${eur(y.structuralSavings).padStart(18)}${y.fte.toFixed(1).padStart(12)}${pct(y.overheadRatio).padStart(10)}${pct(y.roemerShare).padStart(9)}${Math.round(y.m2).toLocaleString("nl-NL").padStart(12)}`,
    );
  return lines.join("\n");
}

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n\nZie / see: formatieplanner --help\n`);
  return 2;
}

/** The first refusal of writing one of `outputs` ([option, file]) next to the workbooks `inputs`, or null. */
function checkOutputs(outputs: readonly (readonly [string, string])[], inputs: string[], force: boolean) {
  for (const [option, out] of outputs) {
    if (!out.toLowerCase().endsWith(".xlsx"))
      return `${out}: moet een .xlsx-bestand zijn / must be an .xlsx file.`;
    try {
      for (const input of inputs) checkOutputTarget(out, input, force, option);
    } catch (e) {
      if (!(e instanceof OutputRefused)) throw e;
      return `${e.nl} / ${e.en}`;
    }
  }
  return null;
}

/** Loads a department's workbook from disk, relative to the Rijk workbook. */
async function loadDepartmentFile(rijkFile: string, workbookPath: string) {
  const file = path.resolve(path.dirname(rijkFile), workbookPath);
  if (!fs.existsSync(file))
    return {
      file: workbookPath,
      tables: null,
      loadError: { nl: `werkmap ${workbookPath} niet gevonden`, en: `workbook ${workbookPath} not found` },
    };
  try {
    const wb = await loadWorkbook(file);
    return {
      file: workbookPath,
      tables: tablesFromWorkbook(wb, DEPARTMENT_TABLE_NAMES).tables,
      readAt: new Date(),
    };
  } catch (e) {
    const why = (e as Error).message;
    return {
      file: workbookPath,
      tables: null,
      loadError: {
        nl: `werkmap ${workbookPath} is geen leesbaar .xlsx (${why})`,
        en: `workbook ${workbookPath} is not a readable .xlsx (${why})`,
      },
    };
  }
}

export async function rijkMain(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...SHARED_OPTIONS,
        export: { type: "string" },
        to: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(RIJK_HELP);
    return 0;
  }
  const [file, ...rest] = positionals;
  if (!file) return usage(io, "Geen rijkswerkmap opgegeven / no Rijk workbook given.");
  if (rest.length > 0) return usage(io, `Onverwachte argumenten / unexpected arguments: ${rest.join(" ")}`);
  if (values.lang !== "nl" && values.lang !== "en")
    return usage(io, "--lang is nl of en / --lang is nl or en.");
  const lang = values.lang as Lang;
  if ((values.export === undefined) !== (values.to === undefined))
    return usage(io, "--export en --to horen bij elkaar / --export and --to go together.");
  if (!fs.existsSync(file)) return usage(io, `Bestand niet gevonden / file not found: ${file}`);
  const outputs: [string, string][] = [];
  if (values.out) outputs.push(["--out", values.out]);
  if (values.to) outputs.push(["--to", values.to]);
  if (outputs.length === 2 && path.resolve(outputs[0][1]) === path.resolve(outputs[1][1]))
    return usage(io, "--out en --to zijn hetzelfde bestand / --out and --to are the same file.");
  // The same checks as `run --out` (links, folders, existing files), before anything is read.
  const refused = checkOutputs(outputs, [file], values.force);
  if (refused) return usage(io, refused);
  const progress = (text: string) => {
    if (values.progress) io.stderr(`${text}\n`);
  };
  const started = Date.now();
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(file);
  } catch (e) {
    return usage(io, `Kan ${file} niet lezen als .xlsx / cannot read as .xlsx: ${(e as Error).message}`);
  }
  const { tables } = tablesFromWorkbook(workbook, RIJK_TABLE_NAMES);
  const result = await consolidateRijk(
    tables,
    (d) => loadDepartmentFile(file, d.workbook!),
    (done, total, name) =>
      progress(`Departement / department ${done}/${total}: ${name} (${Date.now() - started} ms)`),
  );
  if (values.json) io.stdout(rijkJson(result, lang));
  else {
    for (const i of result.issues) io.stderr(formatIssue(i, lang) + "\n");
    for (const d of result.departments)
      for (const i of d.issues) io.stderr(`[${d.name}] ${formatIssue(i, lang)}\n`);
  }
  if (!result.ok) return 1;
  if (!values.json) io.stdout(formatRijk(result, lang) + "\n");
  // The departments' workbooks were read too: none of them is ever written over.
  const read = result.input.departments.flatMap((d) =>
    d.workbook ? [path.resolve(path.dirname(file), d.workbook)] : [],
  );
  const overwrites = checkOutputs(outputs, read, true);
  if (overwrites) return usage(io, overwrites);
  /** Written whole through a temporary file, or not at all (as `run --out`). */
  const write = async (workbook: ExcelJS.Workbook, to: string): Promise<boolean> => {
    try {
      await writeFileAtomically(to, new Uint8Array(await workbook.xlsx.writeBuffer()));
      return true;
    } catch (e) {
      if (!(e instanceof OutputRefused)) throw e;
      io.stderr(`${e.nl}\n${e.en}\n`);
      return false;
    }
  };
  if (values.export && values.to) {
    const dep = result.input.departments.find((d) => normalizeName(d.name) === normalizeName(values.export));
    if (!dep) return usage(io, `Onbekend departement / unknown department: ${values.export}`);
    const out = new ExcelJS.Workbook();
    out.creator = `Formatieplanner ${VERSION}`;
    addInputTable(out, "Taakstelling", taakstellingRows(result.distribution, dep.name), {
      note: `Aandeel van ${dep.name} in de Rijkstaakstelling (${path.basename(file)}), verdeeld door Formatieplanner ${VERSION}.`,
    });
    if (!(await write(out, values.to))) return 3;
    progress(`Geschreven / written: ${values.to}`);
  }
  if (values.out) {
    const out = new ExcelJS.Workbook();
    out.creator = `Formatieplanner ${VERSION}`;
    writeReportSheets(out, [
      rijkSheet(
        result,
        {
          createdAt: new Date(),
          version: VERSION,
          file: path.basename(file),
          inputHash: hashInputs(tables),
          sources: { readAt: new Date(started), marks: illustrativeMarks(workbook) },
        },
        undefined,
        lang,
      ),
    ]);
    if (!(await write(out, values.out))) return 3;
    progress(`Geschreven / written: ${values.out}`);
    if (!values.json)
      io.stdout(`\n${lang === "nl" ? "Rapport geschreven naar" : "Report written to"} ${values.out}\n`);
  }
  progress(`Klaar / done in ${Date.now() - started} ms`);
  return result.rijk.complete ? 0 : 1;
}
