/**
 * What a reviewer needs to sign off on a report without the add-in (issue 14, part 4): the definitions
 * (what a saving is measured against, the cheese-slicer comparison and its formula, how the input hash is
 * made, the source of every norm), the sources (input file, when read, illustrative figures marked), and
 * yearly checks: the target met in every year, FTE, m2 and one-off costs per year per scenario.
 */
import { EURO_FORMAT, FTE_FORMAT, M2_FORMAT } from "./schema";
import { Grid, localTimestamp, REPORT_MARKER, type CellValue, type ReportSheet } from "./report";
import type { RunResult, YearMetrics } from "./types";

export const REVIEW_SHEET = "Definities en bronnen";
const MONEY_TOLERANCE = 0.5;

/** Term, definition, source: one row each. */
export const DEFINITIONS: [string, string, string][] = [
  [
    "Besparing (structureel)",
    "Structurele kosten van de basislijn min die van het scenario in hetzelfde jaar. De basislijn houdt elke rij op het niveau van het basisjaar (vertrekkers worden vervangen), alleen geïndexeerd met de Indexatie: de besparing is dus gemeten tegen de geïndexeerde basislijn, niet tegen de begroting of de realisatie.",
    "MODEL.md, State and metrics",
  ],
  [
    "Structurele kosten",
    "Personele uitgaven (FTE x geïndexeerde kosten per FTE) + externe inhuur + huisvestingskosten (m2 x geïndexeerde kosten per m2).",
    "MODEL.md",
  ],
  [
    "Taakstelling gehaald",
    "Besparing minus taakstelling is minstens -0,50 euro, in elk jaar van de planperiode (niet alleen het eindjaar).",
    "MODEL.md; README (afronding)",
  ],
  [
    "Kaasschaafvergelijking",
    "Een kaasschaaf snijdt elke FTE-, inhuur- en m2-rij met hetzelfde percentage. Bij dezelfde besparing in het eindjaar is p = besparing / structurele kosten van de basislijn in het eindjaar; de kaasschaaf houdt dan 1 - p van het primaire proces. 'Verschil met kaasschaaf' = primair behouden van het scenario - (1 - p).",
    "MODEL.md, Outputs; README",
  ],
  [
    "Overhead %",
    "FTE overhead (Bedrijfsvoering + Lijnmanagement) / totaal FTE; beleidsmedewerkers tellen als primair proces. Norm: 35% (parameter Overheadnorm).",
    "Definitie van overhead van de minister van BZK, oktober 2024; kabinetsdoel juni 2026 (van 50% naar 35%)",
  ],
  [
    "Roemer %",
    "Externe inhuur / (eigen personele uitgaven + externe inhuur). Norm: hoogstens 10% (parameter Roemernorm).",
    "Motie-Roemer (Tweede Kamer, 2010)",
  ],
  [
    "Gedwongen uitstroom",
    "FTE die in een jaar verdwijnen boven wat natuurlijk verloop toelaat; eenmalige kosten = gedwongen uitstroom x Afvloeiingskosten x jaarkosten van de rij.",
    "MODEL.md, Natural attrition and forced exits",
  ],
  [
    "Invoer-hash",
    'SHA-256 over de JSON-tekst van de lijst [[tabelnaam, rijen], ...] van alle ingelezen tabellen, gesorteerd op tabelnaam; rijen zoals Excel ze geeft (kopregel eerst, lege cel "", datum als Excel-serienummer); de eerste 16 hexadecimale tekens. Zelfde invoer, zelfde hash: na te rekenen met elk SHA-256-programma.',
    "src/model/report.ts, hashInputs",
  ],
];

export interface ReviewSources {
  /** the input workbook's file name */
  file?: string;
  readAt?: Date;
  inputHash: string;
  /** texts in the input workbook that mark figures as illustrative or unverified, with where they stand */
  marks?: { sheet: string; cell: string; text: string }[];
}

/** Texts that mark a figure as illustrative or unverified (the sample's price table, for one). */
export const ILLUSTRATIVE_PATTERN =
  /illustratie|illustratief|illustrative|niet[- ]geverifieerd|unverified|verzonnen|fictief|fictional/i;

/** The definitions and sources, appended to a grid (the department's review sheet and the Rijksbreed sheet). */
export function appendDefinitions(grid: Grid, sources: ReviewSources | null): void {
  grid.addRow([]);
  const d = grid.addRow(["Definities"]);
  grid.format({ row: d, col: 0, rows: 1, cols: 1, bold: true });
  grid.table(["Begrip", "Definitie", "Bron"], DEFINITIONS, []);
  if (!sources) return;
  grid.addRow([]);
  const s = grid.addRow(["Bronnen"]);
  grid.format({ row: s, col: 0, rows: 1, cols: 1, bold: true });
  grid.addRow(["Invoerbestand", sources.file ?? "(de geopende werkmap)"]);
  grid.addRow(["Ingelezen op", sources.readAt ? localTimestamp(sources.readAt) : "(niet bekend)"]);
  grid.addRow(["Invoer-hash", sources.inputHash]);
  const marks = sources.marks ?? [];
  if (sources.marks === undefined) {
    // Never claim "nothing marked" when nobody looked (the add-in's report does not scan the workbook's notes).
    grid.addRow([
      "Illustratieve of niet-geverifieerde cijfers",
      "Niet nagegaan voor dit rapport: kijk in de invoerwerkmap zelf naar cijfers die als illustratief of niet-geverifieerd gemarkeerd zijn.",
    ]);
  } else if (marks.length === 0) {
    grid.addRow([
      "Illustratieve of niet-geverifieerde cijfers",
      "In de invoer is niets als illustratief of niet-geverifieerd gemarkeerd.",
    ]);
  } else {
    const w = grid.addRow([
      "LET OP: illustratieve of niet-geverifieerde cijfers",
      "De invoer markeert de volgende cijfers zelf als illustratief of niet-geverifieerd; uitkomsten die erop rusten zijn dat ook.",
    ]);
    grid.format({ row: w, col: 0, rows: 1, cols: 2, bold: true, fontColor: "#9C5700" });
    const area = grid.table(
      ["Blad", "Cel", "Markering"],
      marks.map((m) => [m.sheet, m.cell, m.text]),
      [],
    );
    grid.format({ row: area.row + 1, col: 0, rows: marks.length, cols: 3, fontColor: "#9C5700" });
  }
}

function perYear(
  grid: Grid,
  title: string,
  result: RunResult,
  pick: (y: YearMetrics) => CellValue,
  format: string | undefined,
): { row: number; rows: number; cols: number } {
  grid.addRow([]);
  const t = grid.addRow([title]);
  grid.format({ row: t, col: 0, rows: 1, cols: 1, bold: true });
  const years = result.scenarios[0].years.map((y) => y.year);
  const area = grid.table(
    // Years as numbers in the header too (Grid.table types headers as text; any cell value is written).
    ["Scenario", ...(years as unknown as string[])],
    result.scenarios.map((s) => [s.name, ...s.years.map(pick)]),
    [undefined, ...years.map(() => format)],
  );
  grid.format({ row: area.row, col: 1, rows: 1, cols: years.length, numberFormat: "0" });
  return area;
}

/**
 * Yearly checks: the target met in every year (ja/nee per scenario and year, and overall), FTE, m2 and
 * one-off costs per year. Appended to the comparison sheet.
 */
export function appendYearlyChecks(grid: Grid, result: RunResult): void {
  const met = (y: YearMetrics) => (y.gap >= -MONEY_TOLERANCE ? "ja" : "nee");
  grid.addRow([]);
  const t = grid.addRow(["Taakstelling gehaald in elk jaar"]);
  grid.format({ row: t, col: 0, rows: 1, cols: 1, bold: true });
  const years = result.scenarios[0].years.map((y) => y.year);
  const area = grid.table(
    ["Scenario", "Elk jaar gehaald", ...(years as unknown as string[])],
    result.scenarios.map((s) => [
      s.name,
      s.years.every((y) => met(y) === "ja") ? "ja" : "nee",
      ...s.years.map(met),
    ]),
    [],
  );
  grid.format({ row: area.row, col: 2, rows: 1, cols: years.length, numberFormat: "0" });
  grid.conditional.push({
    kind: "yesNo",
    row: area.row + 1,
    col: 1,
    rows: area.rows - 1,
    cols: years.length + 1,
  });
  perYear(grid, "FTE per jaar", result, (y) => y.fte, FTE_FORMAT);
  perYear(grid, "m2 per jaar", result, (y) => y.m2, M2_FORMAT);
  perYear(grid, "Eenmalige kosten per jaar", result, (y) => y.oneOffCost, EURO_FORMAT);
}

/** A sheet of its own with the definitions and sources, for every department report. */
export function reviewSheet(sources: ReviewSources, name = REVIEW_SHEET): ReportSheet {
  const grid = new Grid();
  grid.title("Definities en bronnen");
  const marker = grid.addRow([
    REPORT_MARKER,
    "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.",
  ]);
  grid.format({ row: marker, col: 0, rows: 1, cols: 2, italic: true, fontColor: "#605E5C" });
  appendDefinitions(grid, sources);
  return grid.sheet(name, "notes", { maxWidths: [34, 100, 40], freezeRows: 2, freezeColumns: 1 });
}
