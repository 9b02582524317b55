/**
 * The `Rijksbreed` sheet: per department and for the Rijk, per year, target, planned saving, gap, FTE,
 * overhead ratio, Roemer share, m2, forced exits and one-off costs, norms and targets coloured; the
 * distribution of the Rijk-wide cut; the monitor status per department; provenance per department file.
 */
import { EURO_FORMAT, FTE_FORMAT, M2_FORMAT, PARAMETERS, PERCENT_FORMAT } from "./schema";
import { Grid, localTimestamp, REPORT_MARKER, type CellValue, type ReportSheet } from "./report";
import { MEASURE_LABELS } from "./monitor";
import type { RijkResult } from "./rijk/consolidation";
import type { YearMetrics } from "./types";
import { appendDefinitions, type ReviewSources } from "./report-review";

export const RIJK_SHEET = "Rijksbreed";
const MONEY_TOLERANCE = 0.5;
const defaultNorm = (key: string) => PARAMETERS.find((p) => p.key === key)!.defaultValue as number;

const yesNo = (b: boolean) => (b ? "ja" : "nee");

const YEAR_COLUMNS: [string, string | undefined][] = [
  ["Departement", undefined],
  ["Jaar", "0"],
  ["Taakstelling", EURO_FORMAT],
  ["Geplande besparing", EURO_FORMAT],
  ["Verschil", EURO_FORMAT],
  ["Taakstelling gehaald", undefined],
  ["FTE", FTE_FORMAT],
  ["Overhead %", PERCENT_FORMAT],
  ["Overheadnorm gehaald", undefined],
  ["Roemer %", PERCENT_FORMAT],
  ["Roemernorm gehaald", undefined],
  ["m2", M2_FORMAT],
  ["Gedwongen uitstroom (FTE)", FTE_FORMAT],
  ["Eenmalige kosten", EURO_FORMAT],
];

function yearRow(name: string, y: YearMetrics, overheadNorm: number, roemerNorm: number): CellValue[] {
  return [
    name,
    y.year,
    y.target,
    y.structuralSavings,
    y.gap,
    yesNo(y.gap >= -MONEY_TOLERANCE),
    y.fte,
    y.overheadRatio,
    yesNo(y.overheadRatio <= overheadNorm + 1e-9),
    y.roemerShare,
    yesNo(y.roemerShare <= roemerNorm + 1e-9),
    y.m2,
    y.forcedExits,
    y.oneOffCost,
  ];
}

export interface RijkProvenance {
  createdAt: Date;
  version: string;
  /** the Rijk workbook's file name and hash */
  file: string;
  inputHash: string;
  /** when the Rijk workbook was read and what it marks as illustrative */
  sources?: Omit<ReviewSources, "inputHash" | "file">;
}

export function rijkSheet(result: RijkResult, provenance: RijkProvenance, name = RIJK_SHEET): ReportSheet {
  const grid = new Grid();
  const overheadNorm = defaultNorm("overheadNorm");
  const roemerNorm = defaultNorm("roemerNorm");
  grid.title("Formatieplanner: rijksbreed overzicht van de gekozen scenario's");
  const marker = grid.addRow([
    REPORT_MARKER,
    "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.",
  ]);
  grid.format({ row: marker, col: 0, rows: 1, cols: 2, italic: true, fontColor: "#605E5C" });
  const complete = result.rijk.complete;
  const status = grid.addRow([
    complete
      ? "Volledig: elk departement telt mee."
      : `ONVOLLEDIG: ${result.rijk.leftOut.join(", ")} ${result.rijk.leftOut.length === 1 ? "telt" : "tellen"} niet mee (invoerfouten of geen werkmap; zie Herkomst). De rijkstotalen zijn geen volledige som.`,
  ]);
  grid.format({
    row: status,
    col: 0,
    rows: 1,
    cols: 1,
    bold: true,
    fontColor: complete ? "#006100" : "#9C0006",
  });
  grid.addRow([
    `Rijk: sommen van de meegetelde departementen over de gemeenschappelijke jaren; overhead % = som FTE overhead / som FTE, Roemer % = som inhuur / (som personele uitgaven + som inhuur), nooit gemiddeld. Normen rijksbreed: overhead ${overheadNorm * 100}%, Roemer ${roemerNorm * 100}%; per departement zijn eigen normen.`,
  ]);
  for (const i of result.issues.filter((x) => x.severity === "warning")) grid.addRow([i.message]);
  grid.addRow([]);

  const rows: CellValue[][] = result.rijk.years.map((y) => yearRow("Rijk", y, overheadNorm, roemerNorm));
  for (const d of result.departments) {
    if (!d.included) continue;
    const p = d.params!;
    for (const y of d.years) rows.push(yearRow(d.name, y, p.overheadNorm, p.roemerNorm));
  }
  const t = grid.addRow(["Per departement en voor het Rijk, per jaar"]);
  grid.format({ row: t, col: 0, rows: 1, cols: 1, bold: true });
  const area = grid.table(
    YEAR_COLUMNS.map(([h]) => h),
    rows,
    YEAR_COLUMNS.map(([, f]) => f),
  );
  if (result.rijk.years.length > 0)
    grid.format({
      row: area.row + 1,
      col: 0,
      rows: result.rijk.years.length,
      cols: YEAR_COLUMNS.length,
      bold: true,
    });
  for (const col of [5, 8, 10])
    grid.conditional.push({ kind: "yesNo", row: area.row + 1, col, rows: rows.length, cols: 1 });

  // Distribution of the Rijk-wide cut.
  grid.addRow([]);
  const dt = grid.addRow([
    "Verdeling van de rijksbrede taakstelling (naar rato van gewicht x apparaatsuitgaven; grootste rest, hele euro's)",
  ]);
  grid.format({ row: dt, col: 0, rows: 1, cols: 1, bold: true });
  const years = result.input.targets.map((x) => x.year);
  const distRows: CellValue[][] = result.input.departments.map((d) => [
    d.name,
    d.expenditure,
    yesNo(d.exempt),
    d.weight,
    ...years.map(
      (y) => result.distribution.find((e) => e.department === d.name && e.year === y)?.target ?? 0,
    ),
    d.expenditure > 0 && years.length > 0
      ? (result.distribution.find((e) => e.department === d.name && e.year === years[years.length - 1])
          ?.target ?? 0) / d.expenditure
      : 0,
  ]);
  distRows.push([
    "Totaal (Rijkstaakstelling)",
    null,
    null,
    null,
    ...result.input.targets.map((x) => x.amount),
    null,
  ]);
  grid.table(
    [
      "Departement",
      "Apparaatsuitgaven",
      "Vrijgesteld",
      "Gewicht",
      ...years.map((y) => `Taakstelling ${y}`),
      "Laatste jaar in % apparaatsuitgaven",
    ],
    distRows,
    [undefined, EURO_FORMAT, undefined, "0.00", ...years.map(() => EURO_FORMAT), PERCENT_FORMAT],
  );

  // Monitor status per department.
  grid.addRow([]);
  const mt = grid.addRow(["Monitor: laatste peildatum per departement"]);
  grid.format({ row: mt, col: 0, rows: 1, cols: 1, bold: true });
  const monitorArea = grid.table(
    [
      "Departement",
      "Laatste peildatum",
      "Maatstaven op koers",
      "Alles op koers",
      "Niet op koers",
      "Norm gemist",
    ],
    result.departments.map((d) => [
      d.name,
      d.status ? d.status.date : "geen realisatie",
      d.status ? `${d.status.onTrack} van ${d.status.measures}` : null,
      d.status ? yesNo(d.status.offTrack.length === 0) : null,
      d.status ? d.status.offTrack.map((m) => MEASURE_LABELS[m].nl).join(", ") || "-" : null,
      d.status ? d.status.normsMissed.map((m) => MEASURE_LABELS[m].nl).join(", ") || "-" : null,
    ]),
    [],
  );
  grid.conditional.push({
    kind: "yesNo",
    row: monitorArea.row + 1,
    col: 3,
    rows: result.departments.length,
    cols: 1,
  });

  // Chart data: years as categories (a blank top-left cell makes Excel read the first column as labels).
  grid.addRow([]);
  const ct = grid.addRow(["Grafiekgegevens Rijk"]);
  grid.format({ row: ct, col: 0, rows: 1, cols: 1, italic: true });
  const savings = grid.table(
    ["", "Geplande besparing", "Taakstelling"],
    result.rijk.years.map((y) => [y.year, y.structuralSavings, y.target]),
    ["0", EURO_FORMAT, EURO_FORMAT],
  );
  const ratios = grid.table(
    ["", "Overhead %", "Roemer %"],
    result.rijk.years.map((y) => [y.year, y.overheadRatio, y.roemerShare]),
    ["0", PERCENT_FORMAT, PERCENT_FORMAT],
  );
  // Per department in the Rijk's last year: planned saving against target (departments included only).
  const included = result.departments.filter((d) => d.included && d.years.length > 0);
  const lastYear = result.rijk.years[result.rijk.years.length - 1]?.year;
  const perDepartment = grid.table(
    ["", `Geplande besparing ${lastYear ?? ""}`.trim(), `Taakstelling ${lastYear ?? ""}`.trim()],
    included.map((d) => {
      const y = d.years.find((x) => x.year === lastYear) ?? d.years[d.years.length - 1];
      return [d.name, y.structuralSavings, y.target];
    }),
    [undefined, EURO_FORMAT, EURO_FORMAT],
  );
  if (result.rijk.years.length > 0) {
    grid.charts.push(
      {
        type: "column",
        title: "Rijk: geplande besparing tegen taakstelling",
        data: savings,
        anchor: { row: area.row, col: YEAR_COLUMNS.length + 1 },
        yFormat: EURO_FORMAT,
      },
      {
        type: "line",
        title: "Rijk: overhead % en Roemer %",
        data: ratios,
        anchor: { row: area.row + 16, col: YEAR_COLUMNS.length + 1 },
        yFormat: PERCENT_FORMAT,
      },
    );
  }

  if (included.length > 0)
    grid.charts.push({
      type: "column",
      title: "Per departement: geplande besparing tegen taakstelling (laatste jaar)",
      data: perDepartment,
      anchor: { row: area.row + 32, col: YEAR_COLUMNS.length + 1 },
      yFormat: EURO_FORMAT,
    });

  // Provenance.
  grid.addRow([]);
  const pt = grid.addRow(["Herkomst"]);
  grid.format({ row: pt, col: 0, rows: 1, cols: 1, bold: true });
  grid.addRow(["Gemaakt op", localTimestamp(provenance.createdAt)]);
  grid.addRow(["Rijkswerkmap", provenance.file]);
  grid.addRow(["Invoer-hash Rijkswerkmap (SHA-256, eerste 16 tekens)", provenance.inputHash]);
  grid.addRow(["Versie Formatieplanner", provenance.version]);
  grid.table(
    [
      "Departement",
      "Werkmap",
      "Ingelezen op",
      "Invoer-hash (SHA-256, eerste 16 tekens)",
      "Gekozen scenario",
      "Taakstelling",
      "Meegeteld",
      "Fouten",
    ],
    result.departments.map((d) => [
      d.name,
      d.file ?? "(geen)",
      d.readAt ? localTimestamp(d.readAt) : null,
      d.inputHash,
      d.scenario,
      d.targetSource === "own" ? "eigen (tabel Taakstelling)" : "verdeeld (Rijkstaakstelling)",
      yesNo(d.included),
      d.issues
        .filter((i) => i.severity === "error")
        .slice(0, 5)
        .map(
          (i) =>
            `${i.table}${i.row !== null ? ` rij ${i.row}` : ""}${i.column ? ` (${i.column})` : ""}: ${i.message}`,
        )
        .join(" | ") || null,
    ]),
    [],
  );
  appendDefinitions(grid, { ...provenance.sources, file: provenance.file, inputHash: provenance.inputHash });
  grid.addRow([
    "Elk departement: zijn eigen werkmap, ingelezen op de tijd hierboven; de invoer-hash per departement is op dezelfde manier gemaakt. Wat een departement als illustratief markeert, staat in zijn eigen rapport (blad Definities en bronnen).",
  ]);
  return grid.sheet(name, "rijk", { maxWidths: [40], freezeRows: 2, freezeColumns: 1 });
}
