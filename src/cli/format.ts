/** Plain-text rendering of a run for the terminal: Dutch number formats, aligned columns. */
import { displayFormats, type DisplayLanguage } from "../model/display";
import type { Issue, RunResult } from "../model/types";

export type Lang = DisplayLanguage;

const formats = { nl: displayFormats("nl"), en: displayFormats("en") };
export const euros = (value: number, lang: Lang) => formats[lang].euros(value);
export const millions = (value: number, lang: Lang) => formats[lang].millions(value);
export const percent = (value: number, lang: Lang) => formats[lang].percent(value);
export const fte = (value: number, lang: Lang) => formats[lang].fte(value);
const whole = (value: number, lang: Lang) => formats[lang].whole(value);

function table(headers: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAlign[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const T = {
  nl: {
    title: (b: number, e: number) => `Formatieplanner: vergelijking ${b}-${e} (eindjaar ${e})`,
    cols: [
      "Scenario",
      "Besparing",
      "Taakstelling",
      "Gehaald",
      "FTE",
      "Overhead",
      "Norm",
      "Roemer",
      "Norm",
      "m2",
      "Primair behouden",
      "Kaasschaaf zelfde besparing",
      "Gedwongen",
    ],
    yes: "ja",
    no: "nee",
    trajectory: "Verloop per scenario",
    optimalCols: [
      "Eenheid",
      "FTE voor",
      "Primair minder",
      "Overhead minder",
      "Inhuur minder",
      "Aandeel",
      "Op grens",
      "Waarom",
    ],
    optimalTitle: "Optimaal per eenheid: wat vervalt en waarom",
    yearCols: [
      "Jaar",
      "FTE",
      "Primair",
      "Overhead",
      "Roemer",
      "m2",
      "Structurele kosten",
      "Besparing",
      "Taakstelling",
      "Verschil",
      "Gedwongen",
      "Eenmalig",
    ],
    headline:
      "Kernvraag: hoeveel primair proces houdt elk scenario bij dezelfde besparing? Vergelijk 'Primair behouden' met 'Kaasschaaf zelfde besparing'.",
    error: "FOUT",
    warning: "WAARSCHUWING",
    row: "rij",
    column: "kolom",
  },
  en: {
    title: (b: number, e: number) => `Formatieplanner: comparison ${b}-${e} (end year ${e})`,
    cols: [
      "Scenario",
      "Saving",
      "Target",
      "Met",
      "FTE",
      "Overhead",
      "Norm",
      "Roemer",
      "Norm",
      "m2",
      "Primary kept",
      "Cheese-slicer same saving",
      "Forced",
    ],
    yes: "yes",
    no: "no",
    trajectory: "Trajectory per scenario",
    optimalCols: [
      "Unit",
      "FTE before",
      "Primary cut",
      "Overhead cut",
      "Hire cut",
      "Share",
      "At limit",
      "Why (Dutch)",
    ],
    optimalTitle: "Optimal per unit: what is cut and why",
    yearCols: [
      "Year",
      "FTE",
      "Primary",
      "Overhead",
      "Roemer",
      "m2",
      "Structural cost",
      "Saving",
      "Target",
      "Gap",
      "Forced",
      "One-off",
    ],
    headline:
      "Headline: how much primary process does each scenario keep for its saving? Compare 'Primary kept' with 'Cheese-slicer same saving'.",
    error: "ERROR",
    warning: "WARNING",
    row: "row",
    column: "column",
  },
};

export function formatIssue(issue: Issue, lang: Lang): string {
  const t = T[lang];
  const where = [
    issue.table,
    issue.row !== null ? `${t.row} ${issue.row}` : null,
    issue.column ? `${t.column} ${issue.column}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `${issue.severity === "error" ? t.error : t.warning}  ${where}: ${lang === "nl" ? issue.message : issue.messageEn}`;
}

export function formatRun(result: RunResult, lang: Lang): string {
  const t = T[lang];
  const yn = (b: boolean) => (b ? t.yes : t.no);
  const { baseYear, endYear } = result.params;
  const out: string[] = [t.title(baseYear, endYear), ""];
  out.push(
    table(
      t.cols,
      result.comparison.map((c) => [
        c.name,
        millions(c.endYear.structuralSavings, lang),
        millions(c.endYear.target, lang),
        yn(c.meetsTarget),
        fte(c.endYear.fte, lang),
        percent(c.endYear.overheadRatio, lang),
        yn(c.meetsOverheadNorm),
        percent(c.endYear.roemerShare, lang),
        yn(c.meetsRoemernorm),
        whole(c.endYear.m2, lang),
        percent(c.primaryRetained, lang),
        percent(c.cheesePrimaryRetained, lang),
        fte(c.cumulativeForcedExits, lang),
      ]),
      [false, true, true, false, true, true, false, true, false, true, true, true, true],
    ),
  );
  out.push("", t.headline, "", t.trajectory);
  for (const s of result.scenarios) {
    out.push("", `${s.name}`);
    for (const note of s.notes) out.push(`  ${note[lang]}`);
    out.push(
      table(
        t.yearCols,
        s.years.map((y) => [
          String(y.year),
          fte(y.fte, lang),
          fte(y.ftePrimary, lang),
          percent(y.overheadRatio, lang),
          percent(y.roemerShare, lang),
          whole(y.m2, lang),
          euros(y.structuralCost, lang),
          euros(y.structuralSavings, lang),
          euros(y.target, lang),
          euros(y.gap, lang),
          fte(y.forcedExits, lang),
          euros(y.oneOffCost, lang),
        ]),
        [false, true, true, true, true, true, true, true, true, true, true, true],
      ),
    );
    if (s.optimal) {
      out.push("", `  ${t.optimalTitle}`);
      out.push(
        table(
          t.optimalCols,
          s.optimal.units
            .filter((u) => u.primaryCut + u.overheadCut + u.hireCut > 0.005)
            .map((u) => [
              u.unit,
              fte(u.fteBefore, lang),
              fte(u.primaryCut, lang),
              fte(u.overheadCut, lang),
              euros(u.hireCut, lang),
              percent(u.shareCut, lang),
              yn(u.atCap),
              u.reason[lang],
            ]),
          [false, true, true, true, true, true, false, false],
        ),
      );
    }
  }
  return out.join("\n");
}
