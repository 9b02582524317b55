/** The least-harm optimiser (lever Optimaal): small instances worked out by hand, infeasibility, and a property against the cheese-slicer. */
import fc from "fast-check";
import {
  loadSolver,
  readPlan,
  runPlan,
  type LpSolver,
  type RunResult,
  type WorkbookTables,
} from "../../src/model";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadSolver();
});

const HEADER = ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"];

function tables(opts: {
  hire?: number;
  target: number;
  maxCut?: number;
  maxForced?: number;
  attrition?: number;
  weight?: number;
  housing?: unknown[][];
  m2PerWorkplace?: number;
}) {
  return {
    Formatie: [
      ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE"],
      ["A", "Primair", 10, 10, 100_000],
      ["B", "Bedrijfsvoering", 8, 10, 100_000],
    ],
    Inhuur: [["Eenheid", "Categorie", "Bedrag"], ...(opts.hire ? [["A", 1, opts.hire]] : [])],
    Huisvesting: [["Locatie", "m2", "Kosten per m2"], ...(opts.housing ?? [])],
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", 2026],
      ["Eindjaar", 2030],
      ["Overheadnorm", 0.6],
      ["Roemernorm", 0.5],
      ["Maximale korting per eenheid", opts.maxCut ?? 1],
      ["Maximale gedwongen uitstroom", opts.maxForced ?? 1000],
      ["Natuurlijk verloop", opts.attrition ?? 0],
      ["Gewicht overhead", opts.weight ?? 0.2],
      ...(opts.m2PerWorkplace ? [["m2 per werkplek", opts.m2PerWorkplace]] : []),
    ],
    Taakstelling: [
      ["Jaar", "Bedrag"],
      [2030, opts.target],
    ],
    Scenarios: [HEADER, ["Optimaal", "Optimaal", null]],
  };
}

function run(t: WorkbookTables): RunResult {
  const { plan, issues } = readPlan(t);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return runPlan(plan!, { solver });
}
const end = (r: RunResult, i = 1) => r.scenarios[i].years[r.scenarios[i].years.length - 1];

test("overhead goes before primary: 300k from 3 overhead FTE", () => {
  const r = run(tables({ target: 300_000 }));
  expect(end(r).structuralSavings).toBeCloseTo(300_000, 0);
  expect(end(r).ftePrimary).toBeCloseTo(10, 6);
  expect(end(r).fteOverhead).toBeCloseTo(7, 6);
  expect(r.scenarios[1].optimal!.status).toBe("optimal");
  const unitB = r.scenarios[1].optimal!.units.find((u) => u.unit === "B")!;
  expect(unitB.overheadCut).toBeCloseTo(3, 6);
  expect(unitB.reason.nl).toMatch(/overhead weegt lichter/);
  expect(unitB.reason.en).toMatch(/overhead weighs less than primary/);
  // Phased in linearly like every lever.
  expect(r.scenarios[1].years[2].fteOverhead).toBeCloseTo(8.5, 6);
});

test("the unit cap moves the rest to primary: 2 overhead FTE at most, then 1 primary", () => {
  const r = run(tables({ target: 300_000, maxCut: 0.2 }));
  expect(end(r).fteOverhead).toBeCloseTo(8, 6);
  expect(end(r).ftePrimary).toBeCloseTo(9, 6);
  const units = r.scenarios[1].optimal!.units;
  expect(units.find((u) => u.unit === "B")!.atCap).toBe(true);
  expect(units.find((u) => u.unit === "B")!.reason.nl).toMatch(/begrensd door Maximale korting per eenheid/);
  expect(units.find((u) => u.unit === "B")!.reason.en).toMatch(/capped by Maximum cut per unit/);
  expect(units.find((u) => u.unit === "A")!.primaryCut).toBeCloseTo(1, 6);
});

test("hire goes first: the saving comes from hire, no FTE lost", () => {
  const r = run(tables({ target: 300_000, hire: 500_000 }));
  expect(end(r).fte).toBeCloseTo(20, 6);
  expect(end(r).externalSpend).toBeCloseTo(200_000, 0);
  expect(r.scenarios[1].optimal!.hireCut).toBeCloseTo(300_000, 0);
});

test("housing down to the norm at most, cheapest harm per euro alongside hire", () => {
  const r = run(tables({ target: 90_000, housing: [["X", 1000, 300]], m2PerWorkplace: 20 }));
  // 20 FTE x 0.7 x 20 m2 = 280 m2 needed; 300 m2 cut saves 90,000.
  expect(end(r).m2).toBeCloseTo(700, 4);
  expect(end(r).fte).toBeCloseTo(20, 6);
  const tight = run(tables({ target: 300_000, housing: [["X", 300, 300]], m2PerWorkplace: 20 }));
  // Only 20 m2 may go (280 needed): 6,000; the rest from 2.94 overhead FTE.
  expect(end(tight).m2).toBeGreaterThanOrEqual(280 * (end(tight).fte / 20) - 1e-6);
  expect(end(tight).structuralSavings).toBeCloseTo(300_000, 0);
});

test("forced exits limited to what attrition absorbs", () => {
  // 6% a year for 4 years: each unit may lose 2.19 FTE without forced exits.
  const r = run(tables({ target: 300_000, attrition: 0.06, maxForced: 0 }));
  expect(r.scenarios[1].years.reduce((a, y) => a + y.forcedExits, 0)).toBeLessThanOrEqual(1e-6);
  expect(end(r).fteOverhead).toBeCloseTo(10 * 0.94 ** 4, 6);
  expect(end(r).structuralSavings).toBeCloseTo(300_000, 0);
});

test("infeasible: the binding limit and the best attainable saving are reported, never a silent partial answer", () => {
  const forced = run(tables({ target: 300_000, hire: 100_000, maxForced: 0 }));
  const o = forced.scenarios[1].optimal!;
  expect(o.status).toBe("infeasible");
  expect(o.binding).toEqual(["maxForcedExits"]);
  expect(o.bestSaving).toBeCloseTo(100_000, 0);
  expect(end(forced).structuralSavings).toBeCloseTo(100_000, 0);
  expect(forced.comparison[1].meetsTarget).toBe(false);
  expect(forced.scenarios[1].notes.map((n) => n.nl).join(" ")).toMatch(
    /niet haalbaar; beperkend: Maximale gedwongen uitstroom/,
  );
  expect(forced.scenarios[1].notes.map((n) => n.en).join(" ")).toMatch(
    /cannot be met within the limits; binding: Maximum forced exits\. Best attainable extra saving: € 100,000/,
  );

  const cap = run(tables({ target: 300_000, maxCut: 0.1 }));
  expect(cap.scenarios[1].optimal!.binding).toEqual(["maxCutPerUnit"]);
  expect(cap.scenarios[1].optimal!.bestSaving).toBeCloseTo(200_000, 0);

  const nothing = run(tables({ target: 5_000_000 }));
  expect(nothing.scenarios[1].optimal!.binding).toEqual(["capacity"]);
});

test("the norms hold when attainable", () => {
  const t = tables({ target: 100_000 });
  t.Parameters = t.Parameters.map((p) => (p[0] === "Overheadnorm" ? ["Overheadnorm", 0.4] : p));
  const r = run(t);
  // From 50% overhead to 40%: 10 - x = 0.4 (20 - x) -> x = 3.33 overhead FTE, more than the target needs.
  expect(end(r).overheadRatio).toBeLessThanOrEqual(0.4 + 1e-9);
  expect(end(r).ftePrimary).toBeCloseTo(10, 6);
});

test("property: for the same saving the optimum keeps at least as much primary capacity as Kaasschaaf auto", () => {
  const row = fc.record({
    unit: fc.integer({ min: 0, max: 3 }),
    group: fc.constantFrom("Primair", "Bedrijfsvoering", "Lijnmanagement"),
    scale: fc.integer({ min: 4, max: 14 }),
    fte: fc.integer({ min: 1, max: 5000 }).map((x) => x / 100),
    cost: fc.integer({ min: 40, max: 150 }).map((x) => x * 1000),
  });
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 2_000_000 }),
      fc.double({ min: 0.01, max: 0.4, noNaN: true }),
      (rows, hire, share) => {
        const personnel = rows.reduce((a, r) => a + r.fte * r.cost, 0);
        const target = Math.round((personnel + hire) * share);
        const t = {
          Formatie: [
            ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE"],
            ...rows.map((r) => [`U${r.unit}`, r.group, r.scale, r.fte, r.cost]),
          ],
          Inhuur: [["Eenheid", "Categorie", "Bedrag"], ...(hire > 0 ? [["U0", 8, hire]] : [])],
          Parameters: [
            ["Parameter", "Waarde"],
            ["Basisjaar", 2026],
            ["Eindjaar", 2029],
            ["Maximale korting per eenheid", 1],
            ["Maximale gedwongen uitstroom", 1e9],
          ],
          Taakstelling: [
            ["Jaar", "Bedrag"],
            [2029, target],
          ],
          Scenarios: [HEADER, ["K", "Kaasschaaf", "auto"], ["O", "Optimaal", null]],
        };
        const r = run(t);
        const [, cheese, optimum] = r.comparison;
        expect(cheese.meetsTarget).toBe(true);
        expect(optimum.meetsTarget).toBe(true);
        expect(optimum.primaryRetained).toBeGreaterThanOrEqual(cheese.primaryRetained - 1e-7);
      },
    ),
    { numRuns: 60 },
  );
});

test("rows that each have their own cost are pooled by 0.5% cost bands; the saving stays exact", () => {
  const formation: unknown[][] = [["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE"]];
  // 3,000 people, every one a cost of their own between 60,000 and 120,000 (as in an HR export).
  for (let i = 0; i < 3000; i++)
    formation.push([i % 2 ? "A" : "B", "Bedrijfsvoering", 8, 1, 60_000 + ((i * 7919) % 60_001)]);
  const t = tables({ target: 20_000_000, maxCut: 1 });
  const r = run({ ...t, Formatie: formation });
  const notes = r.scenarios[1].notes.map((n) => n.nl).join(" ");
  const pools = r.scenarios[1].optimal!.pools;
  // ln(2) / ln(1.005) = 139 bands per unit at most: 2 x 139, not 3,000 variables.
  expect(pools).toBeLessThanOrEqual(2 * 140);
  expect(notes).toMatch(/kostenband van 0,5%/);
  const end = r.scenarios[1].years[4];
  // The pool's cost is its rows' FTE-weighted mean: the saving the LP plans is the saving the engine finds.
  expect(end.structuralSavings).toBeGreaterThanOrEqual(20_000_000 - 1);
  expect(end.structuralSavings).toBeLessThan(20_000_000 * 1.001);
});

test("rows that differ only in scale are one pool: the same plan as one row, also with forced exits limited", () => {
  // Unit B's 10 overhead FTE as one row, and split over three scales at the same cost.
  const whole = tables({ target: 300_000, attrition: 0.03, maxForced: 0.5 });
  const split = {
    ...whole,
    Formatie: [
      ...whole.Formatie.slice(0, 2),
      ["B", "Bedrijfsvoering", 6, 2, 100_000],
      ["B", "Bedrijfsvoering", 8, 5, 100_000],
      ["B", "Bedrijfsvoering", 11, 3, 100_000],
    ],
  };
  const a = run(whole);
  const b = run(split);
  expect(b.scenarios[1].optimal!.pools).toBe(a.scenarios[1].optimal!.pools);
  for (const key of ["fte", "ftePrimary", "fteOverhead", "structuralSavings", "forcedExits"] as const)
    b.scenarios[1].years.forEach((y, i) => expect(y[key]).toBeCloseTo(a.scenarios[1].years[i][key], 6));
  // The pool's cut falls on its rows in proportion: each scale keeps the same share.
  const kept = b.scenarios[1].years[4].fteOverhead / 10;
  expect(kept).toBeLessThan(1);
  expect(a.scenarios[1].years.reduce((s, y) => s + y.forcedExits, 0)).toBeLessThanOrEqual(0.5 + 1e-6);
});
