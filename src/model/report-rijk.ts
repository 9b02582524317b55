/**
 * The `Rijksbreed` sheet: per department and for the Rijk, per year, target, planned saving, gap, FTE,
 * overhead ratio, Roemer share, m2, forced exits and one-off costs, norms and targets coloured; the
 * distribution of the Rijk-wide cut; the monitor status per department; provenance per department file.
 */
import { EURO_FORMAT, FTE_FORMAT, M2_FORMAT, PARAMETERS, PERCENT_FORMAT } from "./schema";
import { Grid, localTimestamp, REPORT_MARKER, type CellValue, type ReportSheet } from "./report";
import { isoToExcelSerial, MEASURE_LABELS } from "./monitor";
import { DATE_FORMAT } from "./report-monitor";
import type { RijkResult } from "./rijk/consolidation";
import type { YearMetrics } from "./types";
import { appendDefinitions, type ReviewSources } from "./report-review";
import { reportInLanguage } from "./report-language";
import type { NoteLanguage } from "./notes";

export const RIJK_SHEET = "Rijksbreed";
/** The sheet's name in an English report (the pane's tab is called so too). */
export const RIJK_SHEET_EN = "Rijk-wide";
const MONEY_TOLERANCE = 0.5;
const defaultNorm = (key: string) => PARAMETERS.find((p) => p.key === key)!.defaultValue as number;

/** Dutch and English side by side: each text of the sheet is written in the language asked for. */
type Texts = { nl: string; en: string };
const pick = (lang: NoteLanguage) => (t: Texts) => t[lang];

const YEAR_COLUMNS: [Texts, string | undefined][] = [
  [{ nl: "Departement", en: "Department" }, undefined],
  [{ nl: "Jaar", en: "Year" }, "0"],
  [{ nl: "Taakstelling", en: "Target" }, EURO_FORMAT],
  [{ nl: "Geplande besparing", en: "Planned saving" }, EURO_FORMAT],
  [{ nl: "Verschil", en: "Gap" }, EURO_FORMAT],
  [{ nl: "Taakstelling gehaald", en: "Target met" }, undefined],
  [{ nl: "FTE", en: "FTE" }, FTE_FORMAT],
  [{ nl: "Overhead %", en: "Overhead %" }, PERCENT_FORMAT],
  [{ nl: "Overheadnorm gehaald", en: "Overhead norm met" }, undefined],
  [{ nl: "Roemer %", en: "Roemer %" }, PERCENT_FORMAT],
  [{ nl: "Roemernorm gehaald", en: "Roemer norm met" }, undefined],
  [{ nl: "m2", en: "m2" }, M2_FORMAT],
  [{ nl: "Gedwongen uitstroom (FTE)", en: "Forced exits (FTE)" }, FTE_FORMAT],
  [{ nl: "Eenmalige kosten", en: "One-off costs" }, EURO_FORMAT],
];

function yearRow(
  name: string,
  y: YearMetrics,
  overheadNorm: number,
  roemerNorm: number,
  yesNo: (b: boolean) => string,
): CellValue[] {
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

/**
 * The Rijksbreed sheet in the language asked for (the department report's --lang / the pane's language):
 * the sheet's own texts are written in that language; the definitions and sources block is translated as
 * the department report's (reportInLanguage). Department, scenario and file names are never translated.
 */
export function rijkSheet(
  result: RijkResult,
  provenance: RijkProvenance,
  name?: string,
  lang: NoteLanguage = "nl",
): ReportSheet {
  const en = lang === "en";
  const tx = pick(lang);
  const L = (nl: string, enText: string) => (en ? enText : nl);
  const yesNo = (b: boolean) => (b ? L("ja", "yes") : L("nee", "no"));
  const measures = (list: readonly (keyof typeof MEASURE_LABELS)[]) =>
    list.map((m) => MEASURE_LABELS[m][lang]).join(", ") || "-";
  const grid = new Grid();
  const overheadNorm = defaultNorm("overheadNorm");
  const roemerNorm = defaultNorm("roemerNorm");
  grid.title(
    L(
      "Formatieplanner: rijksbreed overzicht van de gekozen scenario's",
      "Formatieplanner: Rijk-wide overview of the chosen scenarios",
    ),
  );
  const marker = grid.addRow([
    REPORT_MARKER,
    L(
      "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.",
      "This sheet was made by Formatieplanner and is replaced by a new run.",
    ),
  ]);
  grid.format({ row: marker, col: 0, rows: 1, cols: 2, italic: true, fontColor: "#605E5C" });
  const complete = result.rijk.complete;
  const leftOut = result.rijk.leftOut.join(", ");
  const status = grid.addRow([
    complete
      ? L("Volledig: elk departement telt mee.", "Complete: every department is included.")
      : L(
          `ONVOLLEDIG: ${leftOut} ${result.rijk.leftOut.length === 1 ? "telt" : "tellen"} niet mee (invoerfouten of geen werkmap; zie Herkomst). De rijkstotalen zijn geen volledige som.`,
          `INCOMPLETE: ${leftOut} ${result.rijk.leftOut.length === 1 ? "is" : "are"} left out (input errors or no workbook; see Provenance). The Rijk totals are not a complete sum.`,
        ),
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
    L(
      `Rijk: sommen van de meegetelde departementen over de gemeenschappelijke jaren; overhead % = som FTE overhead / som FTE, Roemer % = som inhuur / (som personele uitgaven + som inhuur), nooit gemiddeld. Normen rijksbreed: overhead ${overheadNorm * 100}%, Roemer ${roemerNorm * 100}%; per departement zijn eigen normen.`,
      `Rijk: sums of the included departments over the years they share; overhead % = sum of overhead FTE / sum of FTE, Roemer % = sum of external hire / (sum of personnel spending + sum of external hire), never averaged. Rijk-wide norms: overhead ${overheadNorm * 100}%, Roemer ${roemerNorm * 100}%; per department its own norms.`,
    ),
  ]);
  for (const i of result.issues.filter((x) => x.severity === "warning"))
    grid.addRow([en ? i.messageEn : i.message]);
  grid.addRow([]);

  const rows: CellValue[][] = result.rijk.years.map((y) =>
    yearRow("Rijk", y, overheadNorm, roemerNorm, yesNo),
  );
  for (const d of result.departments) {
    if (!d.included) continue;
    const p = d.params!;
    for (const y of d.years) rows.push(yearRow(d.name, y, p.overheadNorm, p.roemerNorm, yesNo));
  }
  const t = grid.addRow([
    L("Per departement en voor het Rijk, per jaar", "Per department and for the Rijk, per year"),
  ]);
  grid.format({ row: t, col: 0, rows: 1, cols: 1, bold: true });
  const area = grid.table(
    YEAR_COLUMNS.map(([h]) => tx(h)),
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
  const cf = en ? { yes: "yes", no: "no" } : {};
  for (const col of [5, 8, 10])
    grid.conditional.push({ kind: "yesNo", row: area.row + 1, col, rows: rows.length, cols: 1, ...cf });

  // Distribution of the Rijk-wide cut.
  grid.addRow([]);
  const dt = grid.addRow([
    L(
      "Verdeling van de rijksbrede taakstelling (naar rato van gewicht x apparaatsuitgaven; grootste rest, hele euro's)",
      "Distribution of the Rijk-wide cut (in proportion to weight x operating expenditure; largest remainder, whole euros)",
    ),
  ]);
  grid.format({ row: dt, col: 0, rows: 1, cols: 1, bold: true });
  const years = result.input.targets.map((x) => x.year);
  // The year columns' headers are the years themselves (numbers, as everywhere in the report), under a label.
  if (years.length > 0)
    grid.addRow([null, null, null, null, L("Taakstelling per jaar (euro)", "Target per year (euro)")]);
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
    L("Totaal (Rijkstaakstelling)", "Total (Rijk-wide cut)"),
    null,
    null,
    null,
    ...result.input.targets.map((x) => x.amount),
    null,
  ]);
  grid.table(
    [
      L("Departement", "Department"),
      L("Apparaatsuitgaven", "Operating expenditure"),
      L("Vrijgesteld", "Exempt"),
      L("Gewicht", "Weight"),
      ...years,
      L("Laatste jaar in % apparaatsuitgaven", "Last year as % of operating expenditure"),
    ],
    distRows,
    [undefined, EURO_FORMAT, undefined, "0.00", ...years.map(() => EURO_FORMAT), PERCENT_FORMAT],
  );

  // Monitor status per department.
  grid.addRow([]);
  const mt = grid.addRow([
    L("Monitor: laatste peildatum per departement", "Monitor: latest reference date per department"),
  ]);
  grid.format({ row: mt, col: 0, rows: 1, cols: 1, bold: true });
  const monitorArea = grid.table(
    [
      L("Departement", "Department"),
      L("Laatste peildatum", "Latest reference date"),
      L("Maatstaven op koers", "Measures on track"),
      L("Alles op koers", "All on track"),
      L("Niet op koers", "Off track"),
      L("Norm gemist", "Norm missed"),
    ],
    result.departments.map((d) => [
      d.name,
      // A real date (a number with a date format), not ISO text, so it sorts and filters as a date.
      d.status ? isoToExcelSerial(d.status.date) : L("geen realisatie", "no actuals"),
      d.status ? `${d.status.onTrack} ${L("van", "of")} ${d.status.measures}` : null,
      d.status ? yesNo(d.status.offTrack.length === 0) : null,
      d.status ? measures(d.status.offTrack) : null,
      d.status ? measures(d.status.normsMissed) : null,
    ]),
    [undefined, DATE_FORMAT],
  );
  grid.conditional.push({
    kind: "yesNo",
    row: monitorArea.row + 1,
    col: 3,
    rows: result.departments.length,
    cols: 1,
    ...cf,
  });

  // Chart data: years as categories (a blank top-left cell makes Excel read the first column as labels).
  grid.addRow([]);
  const ct = grid.addRow([L("Grafiekgegevens Rijk", "Chart data Rijk")]);
  grid.format({ row: ct, col: 0, rows: 1, cols: 1, italic: true });
  const savings = grid.table(
    ["", L("Geplande besparing", "Planned saving"), L("Taakstelling", "Target")],
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
    [
      "",
      `${L("Geplande besparing", "Planned saving")} ${lastYear ?? ""}`.trim(),
      `${L("Taakstelling", "Target")} ${lastYear ?? ""}`.trim(),
    ],
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
        title: L("Rijk: geplande besparing tegen taakstelling", "Rijk: planned saving against target"),
        data: savings,
        anchor: { row: area.row, col: YEAR_COLUMNS.length + 1 },
        yFormat: EURO_FORMAT,
      },
      {
        type: "line",
        title: L("Rijk: overhead % en Roemer %", "Rijk: overhead % and Roemer %"),
        data: ratios,
        anchor: { row: area.row + 16, col: YEAR_COLUMNS.length + 1 },
        yFormat: PERCENT_FORMAT,
      },
    );
  }

  if (included.length > 0)
    grid.charts.push({
      type: "column",
      title: L(
        "Per departement: geplande besparing tegen taakstelling (laatste jaar)",
        "Per department: planned saving against target (last year)",
      ),
      data: perDepartment,
      anchor: { row: area.row + 32, col: YEAR_COLUMNS.length + 1 },
      yFormat: EURO_FORMAT,
    });

  // Provenance.
  grid.addRow([]);
  const pt = grid.addRow([L("Herkomst", "Provenance")]);
  grid.format({ row: pt, col: 0, rows: 1, cols: 1, bold: true });
  grid.addRow([L("Gemaakt op", "Created"), localTimestamp(provenance.createdAt)]);
  grid.addRow([L("Rijkswerkmap", "Rijk workbook"), provenance.file]);
  grid.addRow([
    L(
      "Invoer-hash Rijkswerkmap (SHA-256, eerste 16 tekens)",
      "Input hash of the Rijk workbook (SHA-256, first 16 characters)",
    ),
    provenance.inputHash,
  ]);
  grid.addRow([L("Versie Formatieplanner", "Formatieplanner version"), provenance.version]);
  grid.table(
    [
      L("Departement", "Department"),
      L("Werkmap", "Workbook"),
      L("Ingelezen op", "Read at"),
      L("Invoer-hash (SHA-256, eerste 16 tekens)", "Input hash (SHA-256, first 16 characters)"),
      L("Gekozen scenario", "Chosen scenario"),
      L("Taakstelling", "Target"),
      L("Meegeteld", "Included"),
      L("Fouten", "Errors"),
    ],
    result.departments.map((d) => [
      d.name,
      d.file ?? L("(geen)", "(none)"),
      d.readAt ? localTimestamp(d.readAt) : null,
      d.inputHash,
      d.scenario,
      d.targetSource === "own"
        ? L("eigen (tabel Taakstelling)", "own (table Taakstelling)")
        : L("verdeeld (Rijkstaakstelling)", "distributed (table Rijkstaakstelling)"),
      yesNo(d.included),
      d.issues
        .filter((i) => i.severity === "error")
        .slice(0, 5)
        .map(
          (i) =>
            `${i.table}${i.row !== null ? ` ${L("rij", "row")} ${i.row}` : ""}${i.column ? ` (${i.column})` : ""}: ${en ? i.messageEn : i.message}`,
        )
        .join(" | ") || null,
    ]),
    [],
  );
  // The definitions and sources block, laid out in Dutch by the department report's code and translated
  // below like the department report's (only the rows from here on, so the rest is never touched twice).
  const definitionsFrom = grid.addRow([]);
  appendDefinitions(grid, { ...provenance.sources, file: provenance.file, inputHash: provenance.inputHash });
  grid.addRow([
    L(
      "Elk departement: zijn eigen werkmap, ingelezen op de tijd hierboven; de invoer-hash per departement is op dezelfde manier gemaakt. Wat een departement als illustratief markeert, staat in zijn eigen rapport (blad Definities en bronnen).",
      "Each department: its own workbook, read at the time above; each department's input hash is made the same way. What a department marks as illustrative is in its own report (sheet Definitions and sources).",
    ),
  ]);
  const sheet = grid.sheet(name ?? (en ? RIJK_SHEET_EN : RIJK_SHEET), "rijk", {
    maxWidths: [40],
    freezeRows: 2,
    freezeColumns: 1,
  });
  if (!en) return sheet;
  const [definitions] = reportInLanguage(
    [{ ...sheet, cells: sheet.cells.slice(definitionsFrom), charts: [], conditional: [] }],
    "en",
    [provenance.file],
  );
  return { ...sheet, cells: [...sheet.cells.slice(0, definitionsFrom), ...definitions.cells] };
}
