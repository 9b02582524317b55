/**
 * Generates samples/voorbeeld-ministerie.xlsx: a fictional ministry of about 2,000 FTE in 12 units,
 * overhead near 50%, external hire near 15% over the 8 RBV categories, four office locations, an
 * illustrative price table (marked as such), targets 2026-2030 and the sample scenarios, the least-harm
 * optimiser (Optimaal) among them.
 * Deterministic: the same file every run. Usage: npm run sample [-- <out.xlsx>]
 */
import ExcelJS from "exceljs";
import { HIRE_CATEGORIES } from "../src/model/types";
import { addInputTable, tablesFromWorkbook } from "../src/xlsx/workbook";
import { compareScenarios, scenarioValues, type TableArgs } from "../src/functions/scenario";

type Row = (string | number | boolean | null)[];

/** Small seeded generator so that the sample is the same on every machine. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Illustrative wage costs per scale (unverified, rounded; HOT 2026 as seen in a public file). Never a default. */
export const ILLUSTRATIVE_PRICES: [number, number][] = [
  [1, 45000],
  [2, 45000],
  [3, 49000],
  [4, 53000],
  [5, 57000],
  [6, 59000],
  [7, 65000],
  [8, 71000],
  [9, 79000],
  [10, 88000],
  [11, 101000],
  [12, 117000],
  [13, 134000],
  [14, 148000],
  [15, 162000],
  [16, 176000],
  [17, 190000],
  [18, 207000],
];

interface UnitSpec {
  name: string;
  /** FTE per function group: Primair, Bedrijfsvoering, Lijnmanagement */
  fte: [number, number, number];
  protectedPrimary?: boolean;
  hireWeight: number;
}

export const SAMPLE_UNITS: UnitSpec[] = [
  { name: "DG Wonen", fte: [193, 32, 18], hireWeight: 1 },
  { name: "DG Ruimte", fte: [170, 29, 16], hireWeight: 1 },
  { name: "DG Digitale Overheid", fte: [136, 34, 14], hireWeight: 3 },
  { name: "Directie Wetgeving", fte: [108, 14, 9], hireWeight: 0.5 },
  { name: "Inspectie Leefomgeving", fte: [153, 23, 14], protectedPrimary: true, hireWeight: 0.6 },
  { name: "Uitvoering Subsidies", fte: [181, 51, 16], hireWeight: 1.5 },
  { name: "Directie Internationaal", fte: [62, 9, 6], hireWeight: 0.4 },
  { name: "Directie Bedrijfsvoering", fte: [0, 238, 20], hireWeight: 2.5 },
  { name: "Directie FEZ", fte: [0, 108, 11], hireWeight: 1 },
  { name: "Directie HR", fte: [0, 91, 9], hireWeight: 1.2 },
  { name: "Directie Communicatie", fte: [23, 70, 8], hireWeight: 1 },
  { name: "CIO-office", fte: [0, 122, 14], hireWeight: 3.5 },
];

const SCALES: Record<number, number[]> = {
  0: [8, 9, 10, 11, 12, 13],
  1: [5, 6, 7, 8, 9, 10, 11],
  2: [12, 13, 14, 15],
};
const GROUPS = ["Primair", "Bedrijfsvoering", "Lijnmanagement"];

export function sampleTables(): Record<string, Row[]> {
  const rand = seeded(2026);
  const formation: Row[] = [];
  for (const unit of SAMPLE_UNITS) {
    unit.fte.forEach((total, g) => {
      if (total === 0) return;
      const scales = SCALES[g];
      const weights = scales.map(() => 0.5 + rand());
      const sum = weights.reduce((a, b) => a + b, 0);
      scales.forEach((scale, i) => {
        const fte = Math.round(((total * weights[i]) / sum) * 10) / 10;
        const isProtected = unit.protectedPrimary === true && g === 0;
        // Inspectors carry an allowance: their own cost per FTE instead of the price table.
        const ownCost = isProtected
          ? Math.round((ILLUSTRATIVE_PRICES[scale - 1][1] * 1.06) / 100) * 100
          : null;
        formation.push([unit.name, GROUPS[g], scale, fte, ownCost, isProtected ? "ja" : "nee"]);
      });
    });
  }
  // Hire near 15% of personnel spending: 43% ICT advice (category 6), a quarter temporary staff (8).
  const categoryShare = [0.07, 0.03, 0.06, 0.04, 0.02, 0.43, 0.05, 0.3];
  const hireTotal = 31_000_000;
  const weightSum = SAMPLE_UNITS.reduce((a, u) => a + u.hireWeight, 0);
  const hire: Row[] = [];
  for (const unit of SAMPLE_UNITS) {
    categoryShare.forEach((share, c) => {
      const amount =
        Math.round((hireTotal * share * unit.hireWeight) / weightSum / 1000) * 1000 * (0.8 + 0.4 * rand());
      if (amount >= 20_000) hire.push([unit.name, HIRE_CATEGORIES[c], Math.round(amount / 1000) * 1000]);
    });
  }
  return {
    Formatie: formation,
    Inhuur: hire,
    Huisvesting: [
      ["Den Haag, Rijnstraat", 24000, 310],
      ["Utrecht, Croeselaan", 8000, 245],
      ["Zwolle, Zuiderzeelaan", 4500, 190],
      ["Groningen, Kempkensberg", 3500, 180],
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
      ["Afvloeiingskosten", 1],
      ["Inbesteden kostenfactor", 0.75],
      ["Maximale korting per eenheid", 0.25],
      ["Maximale gedwongen uitstroom", 0],
      ["Gewicht overhead", 0.2],
    ],
    Taakstelling: [
      [2027, 5_000_000],
      [2028, 10_000_000],
      [2029, 15_000_000],
      [2030, 20_000_000],
    ],
    Scenarios: [
      ["Kaasschaaf auto", "Kaasschaaf", "auto", null, null, 1],
      ["Overhead naar 35%", "Overheadnorm", null, null, null, 1],
      ["Inhuur naar 10%", "Roemernorm", null, null, null, 1],
      ["Inhuur naar 10% met inbesteden", "Roemernorm", 0.1, null, 0.5, 1],
      ["Huisvesting 0.7", "Huisvestingsnorm", 0.7, null, null, 1],
      ["Gericht gecombineerd", "Roemernorm", 0.1, null, 0.3, 1],
      ["Gericht gecombineerd", "Vacaturestop", 0.5, 'functiegroep != "Primair"', null, 2],
      [
        "Gericht gecombineerd",
        "Gerichte korting",
        0.1,
        'functiegroep == "Bedrijfsvoering" and schaal <= 9',
        null,
        3,
      ],
      ["Gericht gecombineerd", "Huisvestingsnorm", 0.7, null, null, 4],
      ["Optimaal", "Optimaal", null, null, null, 1],
    ],
  };
}

export async function writeSample(path: string): Promise<void> {
  const tables = sampleTables();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Formatieplanner";
  workbook.created = new Date(Date.UTC(2026, 5, 26));
  const readme = workbook.addWorksheet("Toelichting");
  const lines = [
    "Voorbeeldministerie (fictief) - Formatieplanner",
    "Een verzonnen ministerie van ongeveer 2.000 FTE in 12 eenheden, met overhead rond 50% en externe inhuur rond 15%.",
    "De tabellen (Formatie, Inhuur, Huisvesting, Prijzen, Parameters, Taakstelling, Scenarios) zijn Excel-tabellen en worden op naam gevonden.",
    "LET OP: de prijstabel is ILLUSTRATIEF (afgeronde, niet-geverifieerde bedragen). Gebruik voor echte plannen de eigen tarieven (HOT).",
    "Ook illustratief: m2 per werkplek (20), kosten per m2, indexatie (2%) en natuurlijk verloop (6%).",
    "Fictional ministry for demonstration only; the price table is illustrative and unverified.",
  ];
  lines.forEach((l, i) => (readme.getCell(i + 1, 1).value = l));
  readme.getCell(1, 1).font = { bold: true, size: 14 };
  readme.getCell(4, 1).font = { bold: true, color: { argb: "FF9C5700" } };
  readme.getColumn(1).width = 120;
  addInputTable(workbook, "Parameters", tables.Parameters);
  addInputTable(workbook, "Formatie", tables.Formatie);
  addInputTable(workbook, "Inhuur", tables.Inhuur);
  addInputTable(workbook, "Huisvesting", tables.Huisvesting, {
    note: "Illustratief: kosten per m2 zijn verzonnen.",
  });
  addInputTable(workbook, "Prijzen", tables.Prijzen, {
    note: "ILLUSTRATIEF: afgeronde, niet-geverifieerde loonkosten per schaal; geen officiële HOT-tarieven.",
  });
  addInputTable(workbook, "Taakstelling", tables.Taakstelling);
  addInputTable(workbook, "Scenarios", tables.Scenarios);
  await addOwnCalculation(workbook, [...new Set(tables.Scenarios.map((r) => String(r[0])))]);
  await workbook.xlsx.writeFile(path);
}

/** The table arguments every FP.SCENARIO and FP.COMPARE formula on the sheet passes (file format: English). */
const TABLE_REFERENCES = {
  head: "Formatie[#All],Parameters[#All],Scenarios[#All]",
  tail: "Inhuur[#All],Huisvesting[#All],Prijzen[#All],Taakstelling[#All]",
};

/**
 * The sheet `Eigen berekening`: a plain sheet a controller might make, with live FP.SCENARIO cells (saving,
 * overhead, Roemer and primary kept per scenario in a chosen year) and the FP.COMPARE table. The cached results
 * are computed by the same functions, so the sheet shows the figures also where the add-in is not loaded.
 */
async function addOwnCalculation(workbook: ExcelJS.Workbook, scenarioNames: string[]): Promise<void> {
  const t = tablesFromWorkbook(workbook).tables;
  const args: TableArgs = {
    formation: t.Formatie,
    parameters: t.Parameters,
    scenarios: t.Scenarios,
    hire: t.Inhuur,
    housing: t.Huisvesting,
    prices: t.Prijzen,
    targets: t.Taakstelling,
  };
  const ws = workbook.addWorksheet("Eigen berekening");
  ws.getCell("A1").value = "Eigen berekening: scenario's in een eigen blad (voorbeeld van een controller)";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value =
    "De cellen hieronder rekenen met =FP.SCENARIO en =FP.VERGELIJK (Engels: FP.COMPARE) en volgen de tabellen: wijzig een rij in Formatie en Excel rekent opnieuw. Zonder de invoegtoepassing ziet u de laatst berekende waarden.";
  ws.getCell("A3").value = "Jaar";
  ws.getCell("B3").value = 2030;
  const measures = ["Structurele besparing", "Overhead %", "Roemer %", "Primair behouden"];
  const formats = ['"€" #,##0', "0.0%", "0.0%", "0.0%"];
  const header = ws.getRow(5);
  ["Scenario", ...measures].forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
  const names = ["Basis", ...scenarioNames];
  for (const [r, name] of names.entries()) {
    const row = 6 + r;
    ws.getCell(row, 1).value = name;
    for (const [c, measure] of measures.entries()) {
      const col = String.fromCharCode(66 + c);
      const result = (await scenarioValues(args, name, measure, 2030))[0][0];
      ws.getCell(row, c + 2).value = {
        formula: `FP.SCENARIO(${TABLE_REFERENCES.head},$A${row},${col}$5,$B$3,${TABLE_REFERENCES.tail})`,
        result: result as number,
      };
      ws.getCell(row, c + 2).numFmt = formats[c];
    }
  }
  const top = 6 + names.length + 1;
  ws.getCell(top, 1).value = "Vergelijking in het eindjaar (FP.VERGELIJK)";
  ws.getCell(top, 1).font = { bold: true };
  const comparison = await compareScenarios(args);
  const first = top + 1;
  const last = first + comparison.length - 1;
  const lastCol = String.fromCharCode(64 + comparison[0].length);
  // One array formula over the whole table (ExcelJS writes no dynamic-array spill metadata).
  // (fillFormula's shareType argument is missing from ExcelJS's type declarations.)
  (ws.fillFormula as unknown as (...a: unknown[]) => void).call(
    ws,
    `A${first}:${lastCol}${last}`,
    `FP.COMPARE(${TABLE_REFERENCES.head},${TABLE_REFERENCES.tail})`,
    (row: number, col: number) => comparison[row - first][col - 1],
    "array",
  );
  ws.getRow(first).font = { bold: true };
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= comparison[0].length; c++) ws.getColumn(c).width = 18;
}

if (require.main === module) {
  const out = process.argv[2] ?? "samples/voorbeeld-ministerie.xlsx";
  writeSample(out).then(
    () => console.log(`Voorbeeld geschreven / sample written: ${out}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
