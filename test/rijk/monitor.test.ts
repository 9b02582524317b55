/** The monitor (MODEL.md v2): the plan at a peildatum, on-track rules, norms, reading Realisatie and the chosen scenario. */
import { readPlan, runPlan } from "../../src/model";
import {
  dayOfYear,
  excelSerialToIso,
  interpolateAt,
  isoToExcelSerial,
  isOnTrack,
  latestStatus,
  monitorEntries,
  planAt,
  readChosenScenario,
  readMonitorInput,
  readRealisation,
} from "../../src/model/monitor";
import type { PlanParameters, ScenarioResult, YearMetrics } from "../../src/model/types";
import { smallTables } from "../model/helpers";

function year(y: number, v: Partial<YearMetrics>): YearMetrics {
  return {
    year: y,
    fte: 0,
    ftePrimary: 0,
    fteOverhead: 0,
    overheadRatio: 0,
    personnelCost: 0,
    externalSpend: 0,
    roemerShare: 0,
    m2: 0,
    housingCost: 0,
    structuralCost: 0,
    oneOffCost: 0,
    structuralSavings: 0,
    target: 0,
    gap: 0,
    forcedExits: 0,
    primaryRetained: 1,
    ...v,
  };
}

// A plan by hand: FTE 100 -> 90 -> 80, overhead 50 -> 40 -> 30, hire 20 -> 10 -> 10 (millions), savings 0 -> 3 -> 6.
const YEARS: YearMetrics[] = [
  year(2026, {
    fte: 100,
    fteOverhead: 50,
    personnelCost: 80e6,
    externalSpend: 20e6,
    m2: 1000,
    structuralSavings: 0,
  }),
  year(2027, {
    fte: 90,
    fteOverhead: 40,
    personnelCost: 72e6,
    externalSpend: 10e6,
    m2: 900,
    structuralSavings: 3e6,
  }),
  year(2028, {
    fte: 80,
    fteOverhead: 30,
    personnelCost: 64e6,
    externalSpend: 10e6,
    m2: 800,
    structuralSavings: 6e6,
  }),
];
const SCENARIO: ScenarioResult = { name: "Plan", levers: [], years: YEARS, units: [], notes: [] };
const PARAMS = { overheadNorm: 0.35, roemerNorm: 0.1 } as PlanParameters;

test("day of year: 1 January is day 1, 1 April 2027 day 91 of 365, 29 February 2028 day 60 of 366", () => {
  expect(dayOfYear("2027-01-01")).toEqual({ year: 2027, day: 1, days: 365 });
  expect(dayOfYear("2027-04-01")).toEqual({ year: 2027, day: 91, days: 365 });
  expect(dayOfYear("2027-12-31")).toEqual({ year: 2027, day: 365, days: 365 });
  expect(dayOfYear("2028-02-29")).toEqual({ year: 2028, day: 60, days: 366 });
});

test("Excel serial dates round-trip (1900 system)", () => {
  expect(excelSerialToIso(46478)).toBe("2027-04-01");
  expect(isoToExcelSerial("2027-04-01")).toBe(46478);
  expect(excelSerialToIso(46478.75)).toBe("2027-04-01");
});

test("interpolation at a peildatum, by hand", () => {
  const fte = (iso: string) => interpolateAt(YEARS, iso, (y) => y.fte);
  // 1 April 2027: V(2026) + (V(2027) - V(2026)) x 91/365 = 100 - 10 x 91/365 = 97.50685
  expect(fte("2027-04-01")).toBeCloseTo(100 - (10 * 91) / 365, 10);
  expect(fte("2027-04-01")).toBeCloseTo(97.50685, 5);
  // 1 October 2027: day 274: 100 - 10 x 274/365 = 92.49315
  expect(fte("2027-10-01")).toBeCloseTo(92.49315, 5);
  // 31 December is the state at the end of the year
  expect(fte("2027-12-31")).toBe(90);
  // leap year 2028: 29 February is day 60 of 366: 90 - 10 x 60/366 = 88.36066
  expect(fte("2028-02-29")).toBeCloseTo(88.36066, 5);
  // before the base year ends: V(base); after the end year: V(end)
  expect(fte("2025-06-30")).toBe(100);
  expect(fte("2026-06-30")).toBe(100);
  expect(fte("2031-03-01")).toBe(80);
});

test("ratios at a date come from the interpolated parts, not interpolated themselves", () => {
  const p = planAt(YEARS, "2027-04-01");
  const f = 91 / 365;
  const fte = 100 - 10 * f;
  const over = 50 - 10 * f;
  expect(p.overheadRatio).toBeCloseTo(over / fte, 12);
  // the ratio interpolated directly would differ: 0.5 + (0.4444 - 0.5) x f
  expect(Math.abs(p.overheadRatio - (0.5 + (40 / 90 - 0.5) * f))).toBeGreaterThan(1e-4);
  const pc = 80e6 - 8e6 * f;
  const hire = 20e6 - 10e6 * f;
  expect(p.roemerShare).toBeCloseTo(hire / (pc + hire), 12);
  expect(p.structuralSavings).toBeCloseTo(3e6 * f, 4);
});

test("on track: at or below plan, savings at or above; norms judged on the realised value", () => {
  expect(isOnTrack("fte", 97, 97.5)).toBe(true);
  expect(isOnTrack("fte", 97.5, 97.5)).toBe(true);
  expect(isOnTrack("fte", 98, 97.5)).toBe(false);
  expect(isOnTrack("m2", 951, 950)).toBe(false);
  expect(isOnTrack("structuralSavings", 800_000, 747_945)).toBe(true);
  expect(isOnTrack("structuralSavings", 700_000, 747_945)).toBe(false);

  const rows = [
    {
      date: "2027-04-01",
      row: 1,
      values: {
        fte: 97,
        fteOverhead: 40,
        externalSpend: 16e6,
        personnelCost: 78e6,
        structuralSavings: 500_000,
      },
    },
    { date: "2027-10-01", row: 2, values: { m2: 900 } },
  ];
  const entries = monitorEntries(SCENARIO, rows, PARAMS);
  expect(entries.map((e) => `${e.date} ${e.measure}`)).toEqual([
    "2027-04-01 fte",
    "2027-04-01 fteOverhead",
    "2027-04-01 overheadRatio",
    "2027-04-01 personnelCost",
    "2027-04-01 externalSpend",
    "2027-04-01 roemerShare",
    "2027-04-01 structuralSavings",
    "2027-10-01 m2",
  ]);
  const get = (m: string) => entries.find((e) => e.measure === m)!;
  expect(get("fte")).toMatchObject({ realised: 97, onTrack: true, scenario: "Plan" });
  expect(get("fte").plan).toBeCloseTo(97.50685, 5);
  // realised overhead ratio 40/97 = 41.2%: below plan (47.5/97.5 = 48.7%), but above the 35% norm
  expect(get("overheadRatio").realised).toBeCloseTo(40 / 97, 12);
  expect(get("overheadRatio")).toMatchObject({ onTrack: true, normMet: false });
  // Roemer 16/(78+16) = 17.0% against plan 17.5/(78+17.5)... : hire 20 - 10 x 91/365 = 17.507 M
  expect(get("roemerShare").realised).toBeCloseTo(16 / 94, 12);
  expect(get("roemerShare").onTrack).toBe(true);
  expect(get("roemerShare").normMet).toBe(false);
  // savings 500,000 against 3e6 x 91/365 = 747,945: behind
  expect(get("structuralSavings").plan).toBeCloseTo(747945.2, 1);
  expect(get("structuralSavings").onTrack).toBe(false);
  expect(get("fte").normMet).toBeUndefined();
  // 1 October: m2 plan 1000 - 100 x 274/365 = 924.93; 900 realised is on track
  expect(get("m2").plan).toBeCloseTo(924.93, 2);
  expect(get("m2").onTrack).toBe(true);
  expect(latestStatus(entries)).toEqual({
    date: "2027-10-01",
    onTrack: 1,
    measures: 1,
    offTrack: [],
    normsMissed: [],
  });
});

const REAL_HEADER = ["Peildatum", "FTE", "FTE overhead", "Personele uitgaven", "Inhuur", "m2", "Besparing"];

test("Realisatie: dates, at least one measure per row, duplicates, text dates, negative values", () => {
  const { rows, issues } = readRealisation({
    Realisatie: [
      REAL_HEADER,
      [46661, 95, null, null, null, null, null], // 2027-10-01
      [46478, null, null, null, null, 950, -10_000], // 2027-04-01; negative savings allowed
      ["2027-04-01", 96, null, null, null, null, null], // duplicate date, given as text
      [46500, null, null, null, null, null, null], // no measure
      ["gisteren", 90, null, null, null, null, null],
      [46600, -1, null, null, null, null, null],
    ],
  });
  expect(rows.map((r) => r.date)).toEqual(["2027-04-01", "2027-10-01"]);
  expect(rows[0].values).toEqual({ m2: 950, structuralSavings: -10_000 });
  const at = (row: number) => issues.filter((i) => i.row === row).map((i) => `${i.severity} ${i.column}`);
  expect(at(3)).toEqual(["warning Peildatum", "error Peildatum"]);
  expect(issues.find((i) => i.row === 3 && i.severity === "error")!.message).toMatch(/dubbel/);
  expect(at(4)).toEqual(["error null"]);
  expect(at(5)).toEqual(["error Peildatum"]);
  expect(at(6)).toEqual(["error FTE"]);
  expect(issues.every((i) => i.table === "Realisatie")).toBe(true);
});

test("Realisatie without Peildatum column is an error; a workbook without Realisatie has no monitor", () => {
  expect(readRealisation({ Realisatie: [["FTE"], [1]] }).issues[0]).toMatchObject({
    severity: "error",
    table: "Realisatie",
    column: "Peildatum",
  });
  expect(readRealisation({})).toEqual({ rows: [], issues: [] });
});

describe("Gekozen scenario", () => {
  const tables = (chosen: string | null, withRealisation = false) =>
    smallTables({
      Parameters: [
        ["Parameter", "Waarde"],
        ["Basisjaar", 2026],
        ["Eindjaar", 2030],
        ...(chosen === null ? [] : [["Gekozen scenario", chosen]]),
      ],
      Scenarios: [
        ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
        ["Snijden", "Kaasschaaf", 0.1, null, null, null],
      ],
      ...(withRealisation ? { Realisatie: [REAL_HEADER, [46478, 95]] } : {}),
    });

  test("is a parameter readPlan accepts without a warning", () => {
    expect(readPlan(tables("Snijden")).issues).toEqual([]);
  });

  test("names a scenario (case-insensitively) or the baseline", () => {
    const t = tables("snijden");
    const { plan } = readPlan(t);
    expect(readChosenScenario(t, plan)).toEqual({ chosen: { name: "Snijden", explicit: true }, issues: [] });
    const b = tables("Baseline");
    expect(readChosenScenario(b, readPlan(b).plan).chosen.name).toBe("Basis");
  });

  test("an unknown name is an input error at its Parameters row", () => {
    const t = tables("Bestaat niet");
    const { issues } = readChosenScenario(t, readPlan(t).plan);
    expect(issues).toEqual([
      expect.objectContaining({ severity: "error", table: "Parameters", row: 3, column: "Waarde" }),
    ]);
    expect(issues[0].message).toMatch(/Bestaat niet/);
  });

  test("absent: Basis, with a warning only where the choice matters (Realisatie rows)", () => {
    const plain = tables(null);
    expect(readMonitorInput(plain, readPlan(plain).plan)).toMatchObject({
      chosen: { name: "Basis", explicit: false },
      issues: [],
    });
    const monitored = tables(null, true);
    const input = readMonitorInput(monitored, readPlan(monitored).plan);
    expect(input.chosen.name).toBe("Basis");
    expect(input.issues).toEqual([expect.objectContaining({ severity: "warning", table: "Parameters" })]);
  });

  test("the monitor takes the chosen scenario's plan", () => {
    const t = tables("Snijden", true);
    const { plan } = readPlan(t);
    const input = readMonitorInput(t, plan);
    const result = runPlan(plan!);
    const chosen = result.scenarios.find((s) => s.name === "Snijden")!;
    const entries = monitorEntries(chosen, input.rows, plan!.params);
    expect(entries).toHaveLength(1);
    expect(entries[0].scenario).toBe("Snijden");
    // 100 FTE, a 10% cut phased in linearly over 4 years: end 2027 at 97.5; 1 April: 100 - 2.5 x 91/365
    expect(entries[0].plan).toBeCloseTo(100 - (2.5 * 91) / 365, 9);
    expect(entries[0].onTrack).toBe(true);
  });
});
