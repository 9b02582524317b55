/**
 * The `Monitor` sheet of a department's report: per peildatum the realised values against the chosen
 * scenario's plan at that date and against the norms, on track ja/nee in colour, a short text per measure,
 * and the trajectory of plan and realisation (values, with a native chart where the add-in writes it).
 */
import { EURO_FORMAT, FTE_FORMAT, M2_FORMAT, PERCENT_FORMAT } from "./schema";
import { Grid, REPORT_MARKER, type ReportSheet } from "./report";
import {
  isoToExcelSerial,
  MEASURE_LABELS,
  planAt,
  type Measure,
  type MonitorEntry,
  type RealisationRow,
} from "./monitor";
import type { ScenarioResult } from "./types";
import type { NoteLanguage } from "./notes";

export const MONITOR_SHEET = "Monitor";
export const DATE_FORMAT = "dd-mm-yyyy";

export function measureFormat(m: Measure): string {
  switch (m) {
    case "fte":
    case "fteOverhead":
      return FTE_FORMAT;
    case "overheadRatio":
    case "roemerShare":
      return PERCENT_FORMAT;
    case "m2":
      return M2_FORMAT;
    default:
      return EURO_FORMAT;
  }
}

function show(m: Measure, v: number, lang: NoteLanguage): string {
  const n = (x: number, digits: number) =>
    x.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: digits });
  if (m === "overheadRatio" || m === "roemerShare") return `${n(v * 100, 1)}%`;
  if (m === "fte" || m === "fteOverhead") return n(v, 1);
  if (m === "m2") return n(v, 0);
  return `€ ${n(v, 0)}`;
}

/** One sentence a reviewer can read aloud: realised against plan, on track or not, and the norm. */
export function monitorText(e: MonitorEntry, lang: NoteLanguage = "nl"): string {
  const label = MEASURE_LABELS[e.measure][lang];
  const [realised, plan] = [show(e.measure, e.realised, lang), show(e.measure, e.plan, lang)];
  const atLeast = e.measure === "structuralSavings";
  let text =
    lang === "nl"
      ? `${label}: realisatie ${realised} tegen plan ${plan} (${atLeast ? "minstens" : "hoogstens"} plan): ${e.onTrack ? "op koers" : "NIET op koers"}.`
      : `${label}: actual ${realised} against plan ${plan} (${atLeast ? "at least" : "at most"} plan): ${e.onTrack ? "on track" : "NOT on track"}.`;
  if (e.normMet !== undefined && e.norm !== undefined)
    text +=
      lang === "nl"
        ? ` Norm ${show(e.measure, e.norm, lang)}: ${e.normMet ? "gehaald" : "niet gehaald"}.`
        : ` Norm ${show(e.measure, e.norm, lang)}: ${e.normMet ? "met" : "not met"}.`;
  return text;
}

export function monitorSheet(
  scenario: ScenarioResult,
  rows: readonly RealisationRow[],
  entries: readonly MonitorEntry[],
  name = MONITOR_SHEET,
  /** the language of the per-measure sentences; reportInLanguage translates the sheet's fixed texts */
  lang: NoteLanguage = "nl",
): ReportSheet {
  const grid = new Grid();
  grid.title(`Monitor: realisatie tegen het gekozen scenario '${scenario.name}'`);
  const marker = grid.addRow([
    REPORT_MARKER,
    "Dit blad is gemaakt door Formatieplanner en wordt bij een nieuwe berekening vervangen.",
  ]);
  grid.format({ row: marker, col: 0, rows: 1, cols: 2, italic: true, fontColor: "#605E5C" });
  grid.addRow([
    "Plan op de peildatum: de jaarwaarden V(j) van het gekozen scenario (stand aan het eind van jaar j), lineair tussen V(j-1) en V(j) naar de dag van het jaar. Ratio's uit de geïnterpoleerde delen.",
  ]);
  grid.addRow([
    "Op koers: realisatie hoogstens het plan (FTE, FTE overhead, overhead %, personele uitgaven, inhuur, Roemer %, m2), minstens het plan (besparing). Normen gelden voor de realisatie.",
  ]);
  if (entries.length === 0) grid.addRow(["Geen realisatie ingevuld (tabel Realisatie)."]);
  const dates = [...new Set(entries.map((e) => e.date))];
  for (const date of dates) {
    grid.addRow([]);
    const head = grid.addRow([`Peildatum`, isoToExcelSerial(date)]);
    grid.format({ row: head, col: 0, rows: 1, cols: 2, bold: true });
    grid.format({ row: head, col: 1, rows: 1, cols: 1, numberFormat: DATE_FORMAT });
    const list = entries.filter((e) => e.date === date);
    const area = grid.table(
      ["Maatstaf", "Realisatie", "Plan", "Verschil", "Op koers", "Norm", "Norm gehaald", "Toelichting"],
      list.map((e) => [
        MEASURE_LABELS[e.measure].nl,
        e.realised,
        e.plan,
        e.realised - e.plan,
        e.onTrack ? "ja" : "nee",
        e.norm ?? null,
        e.normMet === undefined ? null : e.normMet ? "ja" : "nee",
        monitorText(e, lang),
      ]),
      [],
    );
    list.forEach((e, i) => {
      grid.format({
        row: area.row + 1 + i,
        col: 1,
        rows: 1,
        cols: 3,
        numberFormat: measureFormat(e.measure),
      });
      grid.format({ row: area.row + 1 + i, col: 5, rows: 1, cols: 1, numberFormat: PERCENT_FORMAT });
    });
    grid.conditional.push({ kind: "yesNo", row: area.row + 1, col: 4, rows: list.length, cols: 1 });
    grid.conditional.push({ kind: "yesNo", row: area.row + 1, col: 6, rows: list.length, cols: 1 });
  }
  // Trajectory: each year's end and each peildatum, plan and realisation side by side.
  if (rows.length > 0) {
    grid.addRow([]);
    const t = grid.addRow(["Verloop van plan en realisatie"]);
    grid.format({ row: t, col: 0, rows: 1, cols: 1, bold: true });
    const moments = [
      ...scenario.years.map((y) => ({ date: `${y.year}-12-31`, row: null as RealisationRow | null })),
      ...rows.map((r) => ({ date: r.date, row: r })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row ? 1 : -1));
    const measures: ("fte" | "fteOverhead" | "externalSpend" | "m2" | "structuralSavings")[] = [
      "fte",
      "fteOverhead",
      "externalSpend",
      "m2",
      "structuralSavings",
    ];
    const headers = [
      "Moment",
      ...measures.flatMap((m) => [`${MEASURE_LABELS[m].nl} plan`, `${MEASURE_LABELS[m].nl} realisatie`]),
    ];
    const data = moments.map((mo) => {
      const plan = planAt(scenario.years, mo.date);
      return [isoToExcelSerial(mo.date), ...measures.flatMap((m) => [plan[m], mo.row?.values[m] ?? null])];
    });
    const area = grid.table(headers, data, [
      DATE_FORMAT,
      ...measures.flatMap((m) => [measureFormat(m), measureFormat(m)]),
    ]);
    // Chart data: FTE plan against realisation; a blank top-left cell makes Excel take the first column as categories.
    grid.addRow([]);
    const c = grid.addRow(["Grafiekgegevens FTE"]);
    grid.format({ row: c, col: 0, rows: 1, cols: 1, italic: true });
    const chartArea = grid.table(
      ["", "FTE plan", "FTE realisatie"],
      moments.map((mo, i) => [
        mo.date.split("-").reverse().join("-"),
        data[i][1] as number,
        (data[i][2] as number | null) ?? null,
      ]),
      [undefined, FTE_FORMAT, FTE_FORMAT],
    );
    grid.charts.push({
      type: "line",
      title: "FTE: plan en realisatie",
      data: chartArea,
      anchor: { row: area.row, col: headers.length + 1 },
      yFormat: FTE_FORMAT,
    });
  }
  return grid.sheet(name, "monitor", {
    maxWidths: [40, undefined, undefined, undefined, undefined, undefined, undefined, 90],
    freezeRows: 2,
    freezeColumns: 1,
  });
}
