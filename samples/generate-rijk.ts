/**
 * Generates a fictional Rijk (samples/rijk/): a Rijk workbook `rijk.xlsx` with Departementen and a
 * Rijkstaakstelling, and four department workbooks next to it. One department plans its own Taakstelling,
 * the others take their share of the Rijk-wide cut; one is exempt; one (Kustbeheer) has a Realisatie table
 * with an April and an October peildatum. Every figure is made up, the price table is illustrative.
 * Deterministic: the same files every run. Usage: npm run sample:rijk [-- <folder>]
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readPlan, runPlan } from "../src/model";
import { isoToExcelSerial, planAt, readChosenScenario } from "../src/model/monitor";
import { HIRE_CATEGORIES } from "../src/model/types";
import { addInputTable } from "../src/xlsx/workbook";
import { ILLUSTRATIVE_PRICES, seeded } from "./generate-sample";

type Row = (string | number | boolean | null)[];
const GROUPS = ["Primair", "Bedrijfsvoering", "Lijnmanagement"];
const SCALES: number[][] = [
  [8, 9, 10, 11, 12, 13],
  [5, 6, 7, 8, 9, 10, 11],
  [12, 13, 14, 15],
];

export interface DepartmentSpec {
  name: string;
  file: string;
  seed: number;
  /** units with FTE per group (Primair, Bedrijfsvoering, Lijnmanagement) */
  units: [string, number, number, number][];
  /** external hire as a share of personnel spending, roughly */
  hireShare: number;
  m2: number;
  ownTargets?: [number, number][];
  chosen?: string;
  realisation?: boolean;
  /** formation rows per (unit, group, scale) cell; >1 splits FTE over more rows (the bench's large departments) */
  rowsPerCell?: number;
}

export const RIJK_DEPARTMENTS: DepartmentSpec[] = [
  {
    name: "Ministerie van Kustbeheer",
    file: "kustbeheer.xlsx",
    seed: 11,
    units: [
      ["DG Kust en Zee", 420, 80, 35],
      ["DG Rivieren", 310, 60, 25],
      ["Inspectie Waterkering", 180, 25, 15],
      ["Directie Bedrijfsvoering", 0, 260, 25],
      ["CIO-office", 0, 120, 12],
    ],
    hireShare: 0.16,
    m2: 36000,
    chosen: "Gericht",
    realisation: true,
  },
  {
    name: "Ministerie van Digitale Zaken",
    file: "digitale-zaken.xlsx",
    seed: 12,
    units: [
      ["DG Digitalisering", 260, 70, 25],
      ["DG Data en Registers", 220, 55, 20],
      ["Uitvoeringsdienst Portalen", 340, 90, 30],
      ["Directie Bedrijfsvoering", 0, 180, 18],
    ],
    hireShare: 0.22,
    m2: 24000,
    ownTargets: [
      [2027, 6_000_000],
      [2028, 12_000_000],
      [2029, 18_000_000],
      [2030, 24_000_000],
    ],
    chosen: "Inhuur naar 10%",
  },
  {
    name: "Ministerie van Cultuur en Erfgoed",
    file: "cultuur-erfgoed.xlsx",
    seed: 13,
    units: [
      ["DG Erfgoed", 150, 30, 12],
      ["DG Kunsten", 120, 25, 10],
      ["Directie Bedrijfsvoering", 0, 95, 10],
    ],
    hireShare: 0.12,
    m2: 9000,
    chosen: "Overhead naar 35%",
  },
  {
    name: "Hoge Raad van het Fictieve Rijk",
    file: "hoge-raad.xlsx",
    seed: 14,
    units: [
      ["Rechtspraak", 90, 12, 6],
      ["Bedrijfsvoering", 0, 30, 4],
    ],
    hireShare: 0.05,
    m2: 4000,
  },
];

/** The Rijk workbook's tables: operating expenditure roughly the departments' structural cost. */
export const RIJK_ROWS: Row[] = [
  ["Ministerie van Kustbeheer", 260_000_000, "nee", 1, "kustbeheer.xlsx", null],
  ["Ministerie van Digitale Zaken", 190_000_000, "nee", 2, "digitale-zaken.xlsx", null],
  ["Ministerie van Cultuur en Erfgoed", 60_000_000, "nee", 1, "cultuur-erfgoed.xlsx", null],
  ["Hoge Raad van het Fictieve Rijk", 25_000_000, "ja", 1, "hoge-raad.xlsx", null],
];
export const RIJK_TARGET_ROWS: Row[] = [
  [2027, 8_000_000],
  [2028, 16_000_000],
  [2029, 24_000_000],
  [2030, 32_000_000],
];

export function departmentTables(spec: DepartmentSpec): Record<string, Row[]> {
  const rand = seeded(spec.seed);
  const formation: Row[] = [];
  const per = spec.rowsPerCell ?? 1;
  for (const [unit, ...fte] of spec.units) {
    fte.forEach((total, g) => {
      if (total === 0) return;
      const weights = SCALES[g].map(() => 0.5 + rand());
      const sum = weights.reduce((a, b) => a + b, 0);
      SCALES[g].forEach((scale, i) => {
        const cell = (total * weights[i]) / sum;
        for (let k = 0; k < per; k++)
          formation.push([unit, GROUPS[g], scale, Math.round((cell / per) * 100) / 100, null, "nee"]);
      });
    });
  }
  const prices = new Map(ILLUSTRATIVE_PRICES);
  const personnel = formation.reduce((a, r) => a + (r[3] as number) * prices.get(r[2] as number)!, 0);
  const hireTotal = (personnel * spec.hireShare) / (1 - spec.hireShare);
  const share = [0.07, 0.03, 0.06, 0.04, 0.02, 0.43, 0.05, 0.3];
  const hire: Row[] = [];
  for (const [unit] of spec.units)
    share.forEach((s, c) => {
      const amount = Math.round((((hireTotal * s) / spec.units.length) * (0.8 + 0.4 * rand())) / 1000) * 1000;
      if (amount >= 10_000) hire.push([unit, HIRE_CATEGORIES[c], amount]);
    });
  return {
    Formatie: formation,
    Inhuur: hire,
    Huisvesting: [
      ["Den Haag", Math.round(spec.m2 * 0.6), 300],
      ["Utrecht", Math.round(spec.m2 * 0.25), 240],
      ["Zwolle", Math.round(spec.m2 * 0.15), 190],
    ],
    Prijzen: ILLUSTRATIVE_PRICES.map(([s, c]) => [s, c]),
    Parameters: [
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["Indexatie", 0.02],
      ["Overheadnorm", 0.35],
      ["Roemernorm", 0.1],
      ["Werkplekfactor", 0.7],
      ["m2 per werkplek", 20],
      ["Natuurlijk verloop", 0.06],
      ...(spec.chosen ? [["Gekozen scenario", spec.chosen] as Row] : []),
    ],
    Taakstelling: spec.ownTargets ?? [],
    Scenarios: [
      ["Kaasschaaf auto", "Kaasschaaf", "auto", null, null, 1],
      ["Overhead naar 35%", "Overheadnorm", null, null, null, 1],
      ["Inhuur naar 10%", "Roemernorm", null, null, 0.3, 1],
      ["Gericht", "Roemernorm", 0.1, null, 0.3, 1],
      ["Gericht", "Vacaturestop", 0.5, 'functiegroep != "Primair"', null, 2],
      ["Gericht", "Huisvestingsnorm", 0.7, null, null, 3],
    ],
  };
}

const withHeader = (header: string[], rows: Row[]): Row[] => [header, ...rows];

/** The tables as readPlan takes them (header row first), for computing the sample's realisation. */
function asWorkbookTables(tables: Record<string, Row[]>): Record<string, Row[]> {
  return {
    Formatie: withHeader(
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"],
      tables.Formatie,
    ),
    Inhuur: withHeader(["Eenheid", "Categorie", "Bedrag"], tables.Inhuur),
    Huisvesting: withHeader(["Locatie", "m2", "Kosten per m2"], tables.Huisvesting),
    Prijzen: withHeader(["Schaal", "Kosten per FTE"], tables.Prijzen),
    Parameters: withHeader(["Parameter", "Waarde"], tables.Parameters),
    Taakstelling: withHeader(["Jaar", "Bedrag"], tables.Taakstelling),
    Scenarios: withHeader(
      ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
      tables.Scenarios,
    ),
  };
}

/**
 * Realisatie at 1 April and 1 October 2027: the chosen plan at that date, a little behind on FTE and
 * hire in April (so the monitor has something to say), on track in October. Targets as the Rijk
 * distributes them are not known here, so savings are measured against the plan itself.
 */
export function realisationRows(tables: Record<string, Row[]>): Row[] {
  const wt = asWorkbookTables(tables);
  const { plan } = readPlan(wt);
  if (!plan) throw new Error("sample department does not read");
  const chosen = readChosenScenario(wt, plan).chosen;
  const result = runPlan({ ...plan, scenarios: plan.scenarios.filter((s) => s.name === chosen.name) });
  const years = result.scenarios[result.scenarios.length - 1].years;
  const at = (iso: string, factor: number, savingsFactor: number): Row => {
    const p = planAt(years, iso);
    // Rounded down, so that a measure realised "as planned" stays at or below its plan.
    const r = (v: number, digits: number) => Math.floor(v * 10 ** digits) / 10 ** digits;
    return [
      isoToExcelSerial(iso),
      r(p.fte * factor, 1),
      r(p.fteOverhead * factor * factor, 1),
      r(p.personnelCost, -3),
      r(p.externalSpend * factor, -3),
      r(p.m2, 0),
      r(p.structuralSavings * savingsFactor, -3),
    ];
  };
  return [at("2027-04-01", 1.012, 0.8), at("2027-10-01", 0.995, 1.05)];
}

/** An Excel table with plain headers (for the tables outside MODEL.md's schema: Realisatie, Departementen, ...). */
export function addPlainTable(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  rows: Row[],
  formats: (string | undefined)[] = [],
  note?: string,
): void {
  const ws = workbook.addWorksheet(name);
  const top = note ? 3 : 1;
  if (note) {
    ws.getCell(1, 1).value = note;
    ws.getCell(1, 1).font = { italic: true, color: { argb: "FF9C5700" } };
  }
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows.map((r) => headers.map((_, i) => r[i] ?? null)),
  });
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.max(14, h.length + 4);
    const f = formats[i];
    if (f) for (let r = top + 1; r <= top + rows.length; r++) ws.getCell(r, i + 1).numFmt = f;
  });
}

export async function writeDepartment(spec: DepartmentSpec, file: string): Promise<void> {
  const tables = departmentTables(spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Formatieplanner";
  wb.created = new Date(Date.UTC(2026, 5, 26));
  const readme = wb.addWorksheet("Toelichting");
  [
    `${spec.name} (fictief) - Formatieplanner`,
    "Verzonnen departement voor het rijksbrede voorbeeld; alle bedragen zijn verzonnen.",
    "LET OP: de prijstabel is ILLUSTRATIEF (afgeronde, niet-geverifieerde bedragen).",
    "Fictional department for the Rijk-wide sample; the price table is illustrative and unverified.",
  ].forEach((l, i) => (readme.getCell(i + 1, 1).value = l));
  readme.getColumn(1).width = 100;
  addInputTable(wb, "Parameters", tables.Parameters);
  addInputTable(wb, "Formatie", tables.Formatie);
  addInputTable(wb, "Inhuur", tables.Inhuur);
  addInputTable(wb, "Huisvesting", tables.Huisvesting, {
    note: "Illustratief: kosten per m2 zijn verzonnen.",
  });
  addInputTable(wb, "Prijzen", tables.Prijzen, {
    note: "ILLUSTRATIEF: afgeronde, niet-geverifieerde loonkosten per schaal; geen officiële HOT-tarieven.",
  });
  if (tables.Taakstelling.length > 0) addInputTable(wb, "Taakstelling", tables.Taakstelling);
  addInputTable(wb, "Scenarios", tables.Scenarios);
  if (spec.realisation) {
    addPlainTable(
      wb,
      "Realisatie",
      ["Peildatum", "FTE", "FTE overhead", "Personele uitgaven", "Inhuur", "m2", "Besparing"],
      realisationRows(tables),
      ["dd-mm-yyyy", "#,##0.0", "#,##0.0", "€ #,##0", "€ #,##0", "#,##0", "€ #,##0"],
      "Realisatie per peildatum (Monitor Slagvaardige Overheid, april en oktober); verzonnen cijfers.",
    );
  }
  await wb.xlsx.writeFile(file);
}

export async function writeRijkWorkbook(file: string, departments: Row[], targets: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Formatieplanner";
  wb.created = new Date(Date.UTC(2026, 5, 26));
  addPlainTable(
    wb,
    "Departementen",
    ["Departement", "Apparaatsuitgaven", "Vrijgesteld", "Gewicht", "Werkmap", "Scenario"],
    departments,
    [undefined, "€ #,##0", undefined, "0.00"],
    "Fictief Rijk: verzonnen departementen en apparaatsuitgaven. Werkmap is relatief aan deze werkmap.",
  );
  addPlainTable(wb, "Rijkstaakstelling", ["Jaar", "Bedrag"], targets, ["0", "€ #,##0"]);
  await wb.xlsx.writeFile(file);
}

export async function writeRijkSample(folder: string): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  for (const spec of RIJK_DEPARTMENTS) await writeDepartment(spec, path.join(folder, spec.file));
  await writeRijkWorkbook(path.join(folder, "rijk.xlsx"), RIJK_ROWS, RIJK_TARGET_ROWS);
}

if (require.main === module) {
  const out = process.argv[2] ?? "samples/rijk";
  writeRijkSample(out).then(
    () => console.log(`Rijksvoorbeeld geschreven / Rijk sample written: ${out}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
