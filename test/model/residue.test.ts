/**
 * Rounding residue (issue 11, MODEL.md v1.1): amounts below 1e-9 FTE, 1e-6 EUR or 1e-9 m2 are zero;
 * insourcing into an empty formation counts as s = 0 with a note; the row added by insourcing is an
 * ordinary row for later levers. Expectations worked out by hand.
 */
import { readPlan, runPlan, type RunResult, type YearMetrics } from "../../src/model";
import { smallTables } from "./helpers";

const HEADER = ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"];
const FORMATIE = ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"];

function run(scenarioRows: unknown[][], overrides: Record<string, unknown[][]> = {}): RunResult {
  const { plan, issues } = readPlan(smallTables({ Scenarios: [HEADER, ...scenarioRows], ...overrides }));
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return runPlan(plan!);
}
const end = (r: RunResult, i: number): YearMetrics => r.scenarios[i].years[r.scenarios[i].years.length - 1];

function allFinite(r: RunResult): void {
  for (const s of r.scenarios)
    for (const y of s.years)
      for (const v of Object.values(y)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
}

test("two filtered cuts removing a whole unit leave exactly nothing; insourcing then counts as s = 0", () => {
  // 0.1 + 0.2 FTE: the class sum minus both is 5.6e-17 in floating point, which must count as zero.
  const formation = [
    FORMATIE,
    ["A", "Bedrijfsvoering", 8, 0.1, 80000, "nee"],
    ["A", "Bedrijfsvoering", 9, 0.2, 80000, "nee"],
  ];
  const r = run(
    [
      ["S", "Gerichte korting", 1, "schaal == 8", null, 1],
      ["S", "Gerichte korting", 1, "schaal == 9", null, 2],
      ["S", "Roemernorm", 0.1, null, 0.5, 3],
    ],
    { Formatie: formation },
  );
  allFinite(r);
  const e = end(r, 1);
  expect(e.fte).toBe(0);
  expect(e.fteOverhead).toBe(0);
  expect(e.overheadRatio).toBe(0);
  expect(e.personnelCost).toBe(0);
  // No personnel left: E' = n x P / (1 - n) = 0, all 1.5 mln of hire goes, nothing comes back as FTE.
  expect(e.externalSpend).toBe(0);
  expect(e.roemerShare).toBe(0);
  // Saving: 0.3 FTE x 80,000 + 1,500,000 of hire.
  expect(e.structuralSavings).toBeCloseTo(1_524_000, 6);
  expect(r.scenarios[1].notes.map((n) => n.nl).join(" ")).toMatch(/inbesteden niet mogelijk.*inbesteden 0/);
  // Halfway (2028) half of everything is gone, linearly.
  expect(r.scenarios[1].years[2].fte).toBeCloseTo(0.15, 12);
  expect(r.scenarios[1].years[2].externalSpend).toBeCloseTo(750_000, 6);
});

test("an overhead norm that removes all FTE gives the same result at 0.319 and 0.32: no jump on noise", () => {
  const formation = [
    FORMATIE,
    ["A", "Bedrijfsvoering", 8, 30, 80000, "nee"],
    ["B", "Lijnmanagement", 13, 10, 120000, "nee"],
  ];
  const at = (norm: number) =>
    run(
      [
        ["S", "Overheadnorm", norm, null, null, 1],
        ["S", "Roemernorm", 0.1, null, 1, 2],
      ],
      { Formatie: formation },
    );
  for (const norm of [0.319, 0.32]) {
    const r = at(norm);
    allFinite(r);
    const e = end(r, 1);
    // All-overhead formation: x = (O - tT)/(1 - t) = T, everything goes; no 56 FTE of insourcing into nothing.
    expect(e.fte).toBe(0);
    expect(e.externalSpend).toBe(0);
    expect(r.scenarios[1].units.find((u) => u.unit === "Inbesteed")).toBeUndefined();
  }
});

test("the row added by insourcing is an ordinary row for later levers (filter sees eenheid, schaal 0)", () => {
  // P = 9.6 mln, E = 1.5 mln, n = 0.1, s = 1, k = 0.75: E' = 0.1 x 10.725 / 0.975 = 1.1 mln;
  // 400,000 removed, 300,000 comes back at the average 96,000 per FTE: 3.125 FTE in 'Inbesteed'.
  const r = run([
    ["S", "Roemernorm", 0.1, null, 1, 1],
    ["S", "Gerichte korting", 0.5, 'eenheid == "Inbesteed" and schaal == 0', null, 2],
  ]);
  const e = end(r, 1);
  expect(e.externalSpend).toBeCloseTo(1_100_000, 4);
  expect(e.fte).toBeCloseTo(100 + 3.125 / 2, 10);
  const insourced = r.scenarios[1].units.find((u) => u.unit === "Inbesteed")!;
  expect(insourced.endFte).toBeCloseTo(1.5625, 10);
});

test("more than 65,535 row classes (many filtered levers on a large formation): the run completes", () => {
  const rows: unknown[][] = [FORMATIE];
  const N = 70_000;
  for (let i = 0; i < N; i++) rows.push(["A", "Bedrijfsvoering", 8, 1 + i / 1e5, 80000, "nee"]);
  // Lever k cuts the rows whose number has bit k set: 17 levers split the rows into 2^17 > 65,535 classes.
  const scenarios: unknown[][] = [];
  for (let k = 0; k < 17; k++)
    scenarios.push([
      "S",
      "Gerichte korting",
      0.001,
      `mod(round((fte - 1) * 100000), ${2 ** (k + 1)}) >= ${2 ** k}`,
      null,
      k + 1,
    ]);
  const r = run(scenarios, { Formatie: rows });
  allFinite(r);
  // Row i keeps 0.999^(bits set in i) of its FTE at the end year.
  let expected = 0;
  for (let i = 0; i < N; i++) {
    let bits = 0;
    for (let x = i; x; x >>= 1) bits += x & 1;
    expected += (1 + i / 1e5) * 0.999 ** bits;
  }
  expect(end(r, 1).fte).toBeCloseTo(expected, 6);
}, 180_000);
