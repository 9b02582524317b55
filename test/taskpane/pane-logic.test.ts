/** The pane's pure logic: ranking and verdicts, Dutch numbers and plurals, Excel cell names, the filter builder's text. */
import type { ScenarioComparison, YearMetrics } from "../../src/model";
import { rankScenarios, verdict } from "../../src/taskpane/components/ranking";
import { cellAddress, columnLetters, plural, formats } from "../../src/taskpane/components/text";
import { percentMeant, switchLever, leverFields } from "../../src/taskpane/components/leverChecks";
import {
  choicesFromFilter,
  countSelection,
  filterFromChoices,
  selectionRows,
} from "../../src/model/filter-selection";
import { compileFilter } from "../../src/model/filter";
import { buildReport, localTimestamp } from "../../src/model/report";
import { reportInLanguage } from "../../src/model/report-language";
import { readPlan, runPlan } from "../../src/model";
import { smallTables } from "../model/helpers";

function comparison(
  name: string,
  saving: number,
  target: number,
  primary: number,
  cheese: number,
  norms = [true, true],
): ScenarioComparison {
  const endYear = { structuralSavings: saving, target, overheadRatio: 0.3, roemerShare: 0.08 } as YearMetrics;
  return {
    name,
    endYear,
    meetsTarget: saving >= target - 0.5,
    meetsOverheadNorm: norms[0],
    meetsRoemernorm: norms[1],
    primaryRetained: primary,
    cheesePrimaryRetained: cheese,
    primaryAdvantage: primary - cheese,
    cumulativeForcedExits: 0,
    cumulativeOneOffCost: 0,
  };
}

test("a scenario that misses the target never ranks above one that meets it", () => {
  const rows = [
    comparison("Basis", 0, 20e6, 1, 1),
    comparison("Huisvesting 0.7", 3.5e6, 20e6, 1, 0.995),
    comparison("Kaasschaaf", 20e6, 20e6, 0.986, 0.986),
    comparison("Overhead", 21e6, 20e6, 0.99, 0.985, [true, false]),
    comparison("Optimaal", 20e6, 20e6, 0.991, 0.983),
    comparison("Inhuur", 8e6, 20e6, 1, 0.99),
  ];
  const ranked = rankScenarios(rows, "Basis");
  expect(ranked.map((r) => r.comparison.name)).toEqual([
    "Optimaal",
    "Kaasschaaf",
    "Overhead",
    "Inhuur",
    "Huisvesting 0.7",
  ]);
  expect(ranked.map((r) => r.tier)).toEqual(["all", "all", "target", "missed", "missed"]);
  expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  expect(verdict(ranked[0].comparison, "nl")).toBe(
    "haalt de taakstelling en beide normen; houdt 99,1% primair, 0,8 procentpunt meer dan de kaasschaaf bij dezelfde besparing.",
  );
  expect(verdict(ranked[2].comparison, "nl")).toMatch(/^haalt de taakstelling, maar niet de Roemernorm;/);
  expect(verdict(ranked[4].comparison, "nl")).toBe(
    "haalt de taakstelling niet (€ 3,5 mln van € 20,0 mln), wel beide normen; houdt 100,0% primair, 0,5 procentpunt meer dan de kaasschaaf bij dezelfde besparing.",
  );
  expect(verdict(ranked[1].comparison, "en")).toBe(
    "meets the target and both norms; keeps 98.6% primary, as much as the cheese-slicer at the same saving.",
  );
});

test("Dutch numbers and plurals in messages", () => {
  expect(plural("nl", 1, "rij", "rijen")).toBe("1 rij");
  expect(plural("nl", 50000, "rij", "rijen")).toBe("50.000 rijen");
  expect(plural("en", 50000, "row", "rows")).toBe("50,000 rows");
  const f = formats("nl");
  expect(f.fte(45.66)).toBe("45,7");
  expect(f.percent(0.1)).toBe("10,0%");
  expect(f.fraction(0.1)).toBe("0,10");
  expect(f.millions(3_500_000)).toBe("€ 3,5 mln");
});

test("cells named as Excel names them, the English header alias included", () => {
  expect(columnLetters(1)).toBe("A");
  expect(columnLetters(26)).toBe("Z");
  expect(columnLetters(28)).toBe("AB");
  const read = {
    tables: { Formatie: [["Unit", "Group", "Scale", "FTE"]] },
    locations: {
      Formatie: { sheet: "Mijn formatie", headerRow: 3, firstColumn: 2, source: "table" as const },
    },
  };
  expect(cellAddress(read, { table: "Formatie", row: 11, column: "FTE" })).toBe("'Mijn formatie'!E14");
  expect(cellAddress(read, { table: "Formatie", row: 2, column: "Schaal" })).toBe("'Mijn formatie'!D5");
  expect(cellAddress(read, { table: "Inhuur", row: 2, column: "Bedrag" })).toBeNull();
});

test("the filter builder's text compiles, reads back, and counts rows and FTE", () => {
  const choices = { units: ['Dir "X"', "B"], groups: ["Primair"], scaleMin: 10, scaleMax: 12 };
  const text = filterFromChoices(choices);
  expect(text).toBe(
    '(eenheid == "Dir \\"X\\"" or eenheid == "B") and functiegroep == "Primair" and schaal >= 10 and schaal <= 12',
  );
  expect(compileFilter(text)).not.toBeNull();
  expect(choicesFromFilter(text)).toEqual(choices);
  expect(choicesFromFilter("")).toEqual({ units: [], groups: [], scaleMin: null, scaleMax: null });
  expect(choicesFromFilter("fte > 3")).toBeNull();
  expect(choicesFromFilter('eenheid == "A" or schaal >= 3')).toBeNull();
  const rows = selectionRows(smallTables().Formatie);
  expect(countSelection('eenheid == "a"', rows)).toEqual({ rows: 2, fte: 90 });
  expect(countSelection("", rows)).toEqual({ rows: 3, fte: 100 });
  expect("error" in countSelection("eenheid ==", rows)).toBe(true);
});

test("lever switching resets the value and empties fields the lever does not use", () => {
  const roemer = { lever: "Roemernorm", value: "0,1", filter: "", insource: "0,5" };
  expect(switchLever(roemer, "Kaasschaaf")).toEqual({
    lever: "Kaasschaaf",
    value: "auto",
    filter: "",
    insource: "",
  });
  const targeted = { lever: "Gerichte korting", value: "0,2", filter: "schaal >= 11", insource: "" };
  expect(switchLever(targeted, "Vacaturestop")).toEqual({
    lever: "Vacaturestop",
    value: "0,5",
    filter: "schaal >= 11",
    insource: "",
  });
  expect(leverFields({ lever: "Optimaal", value: "", filter: "", insource: "" })).toEqual({
    value: false,
    filter: false,
    insource: false,
  });
  expect(percentMeant("10")).toBe(0.1);
  expect(percentMeant("0,1")).toBeNull();
  expect(percentMeant("auto")).toBeNull();
});

test("provenance times are local with the offset", () => {
  expect(localTimestamp(new Date(2026, 10, 28, 9, 5, 7))).toMatch(/^2026-11-28 09:05:07 [+-]\d\d:\d\d$/);
});

test("the report in English: headers, yes/no, provenance, notes, lever meanings; scenario names untouched", () => {
  const { plan } = readPlan({
    ...smallTables(),
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde"],
      ["Taakstelling", "Kaasschaaf", "auto"],
      ["Overhead 0.35", "Overheadnorm", 0.35],
    ],
  });
  const result = runPlan(plan!);
  const provenance = { createdAt: new Date(), inputHash: "x", version: "1" };
  const dutch = buildReport(result, provenance);
  const names = result.scenarios.map((s) => s.name);
  const en = reportInLanguage(buildReport(result, provenance, undefined, [], "en"), "en", names);
  const text = (sheets: typeof en) =>
    sheets.flatMap((s) => s.cells.flat()).filter((v) => typeof v === "string") as string[];
  const all = text(en);
  expect(en[0].name).toBe("Comparison");
  expect(all).toEqual(
    expect.arrayContaining([
      "Structural saving",
      "Target met",
      "Provenance",
      "Created",
      "yes",
      "Kaasschaaf (cheese-slicer)",
    ]),
  );
  expect(all).not.toContain("ja");
  expect(all).not.toContain("Herkomst");
  expect(all.some((v) => v.startsWith("Kaasschaaf auto: every FTE"))).toBe(true);
  // A scenario named like a Dutch header keeps its name; so does one with a decimal point.
  expect(all).toContain("Taakstelling");
  expect(all).toContain("Overhead 0.35");
  expect(en[0].conditional[0]).toMatchObject({ yes: "yes", no: "no" });
  expect(en[0].charts.map((c) => c.title)).toContain("Structural saving against target");
  const nl = text(reportInLanguage(dutch, "nl", names));
  expect(nl.some((v) => /^Kaasschaaf auto: elke FTE-, inhuur- en m2-rij \d+,\d\d% minder\.$/.test(v))).toBe(
    true,
  );
  expect(nl).toContain("Overhead 0.35");
});
