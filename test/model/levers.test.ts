/** Every lever against expectations worked out by hand on a plan of three rows (see helpers.ts). */
import { readPlan, runPlan, type RunResult, type YearMetrics } from "../../src/model";
import { smallTables } from "./helpers";

const HEADER = ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"];

function run(scenarioRows: unknown[][], overrides: Record<string, unknown[][]> = {}): RunResult {
  const { plan, issues } = readPlan(smallTables({ Scenarios: [HEADER, ...scenarioRows], ...overrides }));
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return runPlan(plan!);
}
function params(extra: unknown[][]): Record<string, unknown[][]> {
  return { Parameters: [["Parameter", "Waarde"], ["Basisjaar", 2026], ["Eindjaar", 2030], ...extra] };
}
const end = (r: RunResult, i: number): YearMetrics => r.scenarios[i].years[r.scenarios[i].years.length - 1];
const year = (r: RunResult, i: number, y: number): YearMetrics =>
  r.scenarios[i].years.find((m) => m.year === y)!;

describe("baseline", () => {
  test("every row stays at its base-year level; metrics as computed by hand", () => {
    const r = run([]);
    expect(r.scenarios.map((s) => s.name)).toEqual(["Basis"]);
    for (const y of r.scenarios[0].years) {
      expect(y.fte).toBe(100);
      expect(y.ftePrimary).toBe(60);
      expect(y.fteOverhead).toBe(40);
      expect(y.overheadRatio).toBeCloseTo(0.4, 12);
      expect(y.personnelCost).toBe(9_600_000);
      expect(y.externalSpend).toBe(1_500_000);
      expect(y.roemerShare).toBeCloseTo(1.5 / 11.1, 12);
      expect(y.m2).toBe(2000);
      expect(y.housingCost).toBe(600_000);
      expect(y.structuralCost).toBe(11_700_000);
      expect(y.structuralSavings).toBe(0);
      expect(y.forcedExits).toBe(0);
      expect(y.primaryRetained).toBe(1);
    }
    expect(end(r, 0).target).toBe(1_000_000);
    expect(end(r, 0).gap).toBe(-1_000_000);
    expect(year(r, 0, 2027).target).toBe(0);
  });

  test("indexation raises costs by (1 + i)^(y - base), FTE unchanged", () => {
    const r = run([], params([["Indexatie", 0.02]]));
    expect(end(r, 0).structuralCost).toBeCloseTo(11_700_000 * 1.02 ** 4, 4);
    expect(year(r, 0, 2028).personnelCost).toBeCloseTo(9_600_000 * 1.02 ** 2, 4);
    expect(end(r, 0).fte).toBe(100);
  });
});

describe("Kaasschaaf", () => {
  test("fraction 0.1 cuts every FTE, hire and m2 row by 10% at the end year, linearly before", () => {
    const r = run([["K", "Kaasschaaf", 0.1]]);
    const e = end(r, 1);
    expect(e.fte).toBeCloseTo(90, 10);
    expect(e.ftePrimary).toBeCloseTo(54, 10);
    expect(e.externalSpend).toBeCloseTo(1_350_000, 6);
    expect(e.m2).toBeCloseTo(1800, 10);
    expect(e.structuralSavings).toBeCloseTo(1_170_000, 6);
    expect(year(r, 1, 2028).fte).toBeCloseTo(95, 10);
    expect(year(r, 1, 2028).structuralSavings).toBeCloseTo(585_000, 6);
    // No attrition: every removed FTE is a forced exit, 2.5 a year, one-off cost 240k a year.
    expect(year(r, 1, 2027).forcedExits).toBeCloseTo(2.5, 10);
    expect(year(r, 1, 2027).oneOffCost).toBeCloseTo(240_000, 6);
    expect(r.scenarios[1].years.reduce((a, y) => a + y.forcedExits, 0)).toBeCloseTo(10, 10);
  });

  test("auto meets the end-year target exactly and also cuts protected rows", () => {
    const tables = smallTables().Formatie!.map((row, i) => (i === 1 ? [...row.slice(0, 5), "ja"] : row));
    const r = run([["K", "Kaasschaaf", "auto"]], { Formatie: tables as unknown[][] });
    expect(end(r, 1).structuralSavings).toBeCloseTo(1_000_000, 6);
    expect(end(r, 1).ftePrimary).toBeCloseTo(60 * (1 - 1 / 11.7), 8);
    expect(r.comparison[1].meetsTarget).toBe(true);
  });
});

describe("Overheadnorm", () => {
  test("unprotected overhead shrinks by (O - tT)/(1 - t), proportionally", () => {
    const r = run([["O", "Overheadnorm", 0.35]]);
    const e = end(r, 1);
    const x = (40 - 35) / 0.65;
    expect(e.fteOverhead).toBeCloseTo(40 - x, 10);
    expect(e.overheadRatio).toBeCloseTo(0.35, 12);
    expect(e.ftePrimary).toBe(60);
    // Removed FTE cost the overhead average of 90k each.
    expect(e.structuralSavings).toBeCloseTo(x * 90_000, 4);
    expect(r.comparison[1].meetsOverheadNorm).toBe(true);
  });

  test("uses the parameter when the value is empty, and does nothing when already below", () => {
    const r = run([["O", "Overheadnorm", null]], params([["Overheadnorm", 0.45]]));
    expect(end(r, 1).fte).toBe(100);
    expect(r.scenarios[1].notes.map((n) => n.nl).join(" ")).toMatch(/al gehaald/);
  });

  test("protected overhead stays; the rest goes at most to zero", () => {
    const formation = [
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"],
      ["A", "Primair", 10, 10, 100000, "nee"],
      ["A", "Bedrijfsvoering", 8, 30, 80000, "ja"],
      ["B", "Lijnmanagement", 13, 10, 120000, "nee"],
    ];
    const r = run([["O", "Overheadnorm", 0.2]], { Formatie: formation });
    const e = end(r, 1);
    expect(e.fteOverhead).toBeCloseTo(30, 10);
    expect(e.fte).toBeCloseTo(40, 10);
  });
});

describe("Roemernorm", () => {
  test("hire shrinks to n/(1-n) of personnel spending", () => {
    const r = run([["R", "Roemernorm", 0.1]]);
    const e = end(r, 1);
    expect(e.externalSpend).toBeCloseTo(9_600_000 / 9, 4);
    expect(e.roemerShare).toBeCloseTo(0.1, 12);
    expect(e.structuralSavings).toBeCloseTo(1_500_000 - 9_600_000 / 9, 4);
    expect(year(r, 1, 2028).externalSpend).toBeCloseTo(1_500_000 - (1_500_000 - 9_600_000 / 9) / 2, 4);
  });

  test("insourcing: a share comes back as a new Bedrijfsvoering row at the average cost", () => {
    const r = run([["R", "Roemernorm", 0.1, null, 0.5]]);
    const e = end(r, 1);
    // E' = 0.1 (9.6M + 0.5 x 0.75 x 1.5M) / (1 - 0.1 + 0.1 x 0.375) = 1,084,000
    expect(e.externalSpend).toBeCloseTo(1_084_000, 4);
    expect(e.roemerShare).toBeCloseTo(0.1, 12);
    // 416,000 removed; 156,000 comes back in-house at 96,000 per FTE.
    expect(e.fte).toBeCloseTo(100 + 156_000 / 96_000, 10);
    expect(e.fteOverhead).toBeCloseTo(40 + 156_000 / 96_000, 10);
    expect(e.structuralSavings).toBeCloseTo(260_000, 4);
    expect(year(r, 1, 2028).fte).toBeCloseTo(100 + 156_000 / 96_000 / 2, 10);
    expect(r.scenarios[1].units.find((u) => u.unit === "Inbesteed")!.endFte).toBeCloseTo(1.625, 10);
    // Insourced rows never count as forced exits.
    expect(r.scenarios[1].years.every((y) => y.forcedExits === 0)).toBe(true);
  });

  test("nothing changes when already at or below the norm", () => {
    const r = run([["R", "Roemernorm", 0.2]]);
    expect(end(r, 1).externalSpend).toBe(1_500_000);
  });
});

describe("Huisvestingsnorm", () => {
  test("m2 shrinks to end-year FTE x factor x m2 per workplace", () => {
    const r = run([["H", "Huisvestingsnorm", 0.7]], params([["m2 per werkplek", 20]]));
    const e = end(r, 1);
    expect(e.m2).toBeCloseTo(1400, 10);
    expect(e.housingCost).toBeCloseTo(420_000, 6);
    expect(e.structuralSavings).toBeCloseTo(180_000, 6);
  });

  test("never grows, and follows the FTE left by earlier levers", () => {
    const grow = run([["H", "Huisvestingsnorm", 2]], params([["m2 per werkplek", 20]]));
    expect(end(grow, 1).m2).toBe(2000);
    const after = run(
      [
        ["H", "Kaasschaaf", 0.5, null, null, 1],
        ["H", "Huisvestingsnorm", 0.7, null, null, 2],
      ],
      params([["m2 per werkplek", 20]]),
    );
    // After the cut: 50 FTE and 1000 m2; needed 50 x 0.7 x 20 = 700.
    expect(end(after, 1).m2).toBeCloseTo(700, 10);
  });
});

describe("Vacaturestop", () => {
  test("matching unprotected rows x (1 - attrition x f)^(y - base), no forced exits", () => {
    const r = run([["V", "Vacaturestop", 0.5]], params([["Natuurlijk verloop", 0.1]]));
    expect(end(r, 1).fte).toBeCloseTo(100 * 0.95 ** 4, 10);
    expect(year(r, 1, 2027).fte).toBeCloseTo(95, 10);
    expect(r.scenarios[1].years.every((y) => y.forcedExits === 0)).toBe(true);
  });

  test("the filter limits it to matching rows", () => {
    const r = run(
      [["V", "Vacaturestop", 1, 'functiegroep != "Primair"']],
      params([["Natuurlijk verloop", 0.1]]),
    );
    expect(end(r, 1).ftePrimary).toBe(60);
    expect(end(r, 1).fteOverhead).toBeCloseTo(40 * 0.9 ** 4, 10);
  });
});

describe("Gerichte korting", () => {
  test("cuts matching unprotected rows by p", () => {
    const r = run([["G", "Gerichte korting", 0.2, 'functiegroep == "Primair"']]);
    expect(end(r, 1).ftePrimary).toBeCloseTo(48, 10);
    expect(end(r, 1).fteOverhead).toBe(40);
    expect(end(r, 1).structuralSavings).toBeCloseTo(1_200_000, 4);
    expect(r.comparison[1].primaryRetained).toBeCloseTo(0.8, 12);
  });

  test("protected rows are not cut", () => {
    const formation = smallTables().Formatie!.map((row, i) => (i === 1 ? [...row.slice(0, 5), "ja"] : row));
    const r = run([["G", "Gerichte korting", 0.2, 'functiegroep == "Primair"']], {
      Formatie: formation as unknown[][],
    });
    expect(end(r, 1).ftePrimary).toBe(60);
  });

  test("forced exits are what attrition cannot absorb, each year beyond the earlier maximum", () => {
    const r = run(
      [["G", "Gerichte korting", 0.5, 'eenheid == "A" and schaal == 10']],
      params([["Natuurlijk verloop", 0.1]]),
    );
    const forced = r.scenarios[1].years.map((y) => y.forcedExits);
    expect(forced[0]).toBe(0);
    expect(forced[1]).toBeCloseTo(1.5, 10);
    expect(forced[2]).toBeCloseTo(2.1, 10);
    expect(forced[3]).toBeCloseTo(2.64, 10);
    expect(forced[4]).toBeCloseTo(3.126, 10);
    expect(year(r, 1, 2027).oneOffCost).toBeCloseTo(1.5 * 100_000, 4);
  });

  test("Afvloeiingskosten scales the one-off cost", () => {
    const r = run(
      [["G", "Gerichte korting", 0.5, 'eenheid == "A" and schaal == 10']],
      params([["Afvloeiingskosten", 2]]),
    );
    expect(year(r, 1, 2027).oneOffCost).toBeCloseTo(7.5 * 100_000 * 2, 4);
  });
});

describe("scenarios and comparison", () => {
  test("levers apply in Volgorde order, each on the trajectory left by the ones before", () => {
    const a = run([
      ["S", "Gerichte korting", 0.5, null, null, 2],
      ["S", "Kaasschaaf", "auto", null, null, 1],
    ]);
    // Volgorde puts the automatic cheese-slicer first (it then meets the target on its own), the cut after it.
    expect(end(a, 1).structuralSavings).toBeGreaterThan(1_000_000 + 1);
    const b = run([
      ["S", "Gerichte korting", 0.5, null, null, 1],
      ["S", "Kaasschaaf", "auto", null, null, 2],
    ]);
    expect(b.scenarios[1].notes.map((n) => n.nl).join(" ")).toMatch(/geen korting/);
  });

  test("the comparison reports norms, target and the cheese-slicer at the same saving", () => {
    const r = run([
      ["K", "Kaasschaaf", "auto"],
      ["O", "Overheadnorm", 0.35],
    ]);
    const [basis, k, o] = r.comparison;
    expect(basis.meetsTarget).toBe(false);
    expect(k.primaryRetained).toBeCloseTo(k.cheesePrimaryRetained, 12);
    expect(o.primaryRetained).toBe(1);
    expect(o.cheesePrimaryRetained).toBeCloseTo(1 - o.endYear.structuralSavings / 11_700_000, 12);
    expect(o.primaryAdvantage).toBeGreaterThan(0);
  });

  test("the published Justitie Roemer shares are reproduced by the engine", () => {
    for (const [own, hire, share] of [
      [1_684_845, 259_962, 0.1337],
      [1_726_181, 319_445, 0.1562],
    ]) {
      const r = run([], {
        Formatie: [
          ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE"],
          ["Justitie", "Primair", 10, 1, own],
        ],
        Inhuur: [
          ["Eenheid", "Categorie", "Bedrag"],
          ["Justitie", 1, hire],
        ],
      });
      expect(Math.round(end(r, 0).roemerShare * 10000) / 10000).toBe(share);
    }
  });
});
