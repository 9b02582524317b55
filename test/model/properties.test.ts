/** Property tests over random plans (fast-check): invariants that must hold for every input. */
import fc from "fast-check";
import { readPlan, runPlan, type RunResult } from "../../src/model";

const GROUPS = ["Primair", "Bedrijfsvoering", "Lijnmanagement"];
const HEADER = ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"];

const formationRow = fc.record({
  unit: fc.integer({ min: 0, max: 4 }),
  group: fc.integer({ min: 0, max: 2 }),
  scale: fc.integer({ min: 1, max: 18 }),
  fte: fc.double({ min: 0, max: 200, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  cost: fc.integer({ min: 30_000, max: 200_000 }),
  protectedRow: fc.boolean(),
});

const lever = fc.oneof(
  fc.tuple(
    fc.constant("Kaasschaaf"),
    fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant("auto")),
    fc.constant(null),
    fc.constant(null),
  ),
  fc.tuple(
    fc.constant("Overheadnorm"),
    fc.oneof(fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.constant(null)),
    fc.constant(null),
    fc.constant(null),
  ),
  fc.tuple(
    fc.constant("Roemernorm"),
    fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    fc.constant(null),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  fc.tuple(
    fc.constant("Huisvestingsnorm"),
    fc.double({ min: 0.3, max: 1.2, noNaN: true }),
    fc.constant(null),
    fc.constant(null),
  ),
  fc.tuple(
    fc.constant("Vacaturestop"),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(null, 'functiegroep != "Primair"', "schaal >= 10"),
    fc.constant(null),
  ),
  fc.tuple(
    fc.constant("Gerichte korting"),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(null, 'functiegroep == "Bedrijfsvoering"', 'eenheid == "U1"'),
    fc.constant(null),
  ),
);

const planArb = fc.record({
  formation: fc.array(formationRow, { minLength: 1, maxLength: 25 }),
  hire: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3_000_000 })), {
    maxLength: 8,
  }),
  housing: fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 50, max: 500 })), {
    maxLength: 4,
  }),
  years: fc.integer({ min: 1, max: 6 }),
  indexation: fc.double({ min: 0, max: 0.05, noNaN: true }),
  attrition: fc.double({ min: 0, max: 0.2, noNaN: true }),
  targetShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  scenarios: fc.array(fc.array(lever, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
});

type PlanInput = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/** Protected rows live in units P0..P4, unprotected ones in U0..U4, so unit outcomes show what happened to them. */
function tablesOf(p: PlanInput, scenarios = p.scenarios) {
  const base = 2026;
  const rows = p.formation.map((r) => [
    `${r.protectedRow ? "P" : "U"}${r.unit}`,
    GROUPS[r.group],
    r.scale,
    r.fte,
    r.cost,
    r.protectedRow ? "ja" : "nee",
  ]);
  const personnel = p.formation.reduce((a, r) => a + r.fte * r.cost, 0);
  return {
    Formatie: [["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"], ...rows],
    Inhuur: [["Eenheid", "Categorie", "Bedrag"], ...p.hire.map(([c, a]) => ["U0", c, a])],
    Huisvesting: [["Locatie", "m2", "Kosten per m2"], ...p.housing.map(([m, c], i) => [`L${i}`, m, c])],
    Parameters: [
      ["Parameter", "Waarde"],
      ["Basisjaar", base],
      ["Eindjaar", base + p.years],
      ["Indexatie", p.indexation],
      ["Natuurlijk verloop", p.attrition],
      ["m2 per werkplek", 18],
    ],
    Taakstelling: [
      ["Jaar", "Bedrag"],
      [base + p.years, Math.round(personnel * p.targetShare)],
    ],
    Scenarios: [
      HEADER,
      ...scenarios.flatMap((levers, s) => levers.map((l, i) => [`S${s}`, l[0], l[1], l[2], l[3], i + 1])),
    ],
  };
}

function runOf(p: PlanInput, scenarios = p.scenarios): RunResult {
  const { plan, issues } = readPlan(tablesOf(p, scenarios));
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length) throw new Error(JSON.stringify(errors));
  return runPlan(plan!);
}

const RUNS = { numRuns: 150 };

test("no NaN or Infinity anywhere, FTE never negative", () => {
  fc.assert(
    fc.property(planArb, (p) => {
      const r = runOf(p);
      for (const s of r.scenarios) {
        for (const y of s.years) {
          for (const v of Object.values(y)) expect(Number.isFinite(v)).toBe(true);
          expect(y.fte).toBeGreaterThanOrEqual(-1e-9);
          expect(y.ftePrimary).toBeGreaterThanOrEqual(-1e-9);
          expect(y.fteOverhead).toBeGreaterThanOrEqual(-1e-9);
          expect(y.forcedExits).toBeGreaterThanOrEqual(0);
        }
        for (const u of s.units) expect(u.endFte).toBeGreaterThanOrEqual(-1e-9);
      }
      for (const c of r.comparison)
        for (const v of [c.primaryRetained, c.cheesePrimaryRetained]) expect(Number.isFinite(v)).toBe(true);
    }),
    RUNS,
  );
});

test("baseline savings are zero in every year", () => {
  fc.assert(
    fc.property(planArb, (p) => {
      const r = runOf(p);
      for (const y of r.scenarios[0].years) {
        expect(y.structuralSavings).toBe(0);
        expect(y.forcedExits).toBe(0);
        expect(y.primaryRetained).toBe(1);
      }
    }),
    RUNS,
  );
});

test("protected rows are never cut except by the cheese-slicer", () => {
  fc.assert(
    fc.property(planArb, (p) => {
      const withoutCheese = p.scenarios
        .map((levers) => levers.filter((l) => l[0] !== "Kaasschaaf"))
        .filter((l) => l.length > 0);
      if (withoutCheese.length === 0) return;
      const r = runOf(p, withoutCheese);
      for (const s of r.scenarios) {
        for (const u of s.units.filter((u) => u.unit.startsWith("P"))) {
          expect(u.endFte).toBeCloseTo(u.baseFte, 9);
        }
      }
    }),
    RUNS,
  );
});

test("Kaasschaaf auto meets the end-year target exactly", () => {
  fc.assert(
    fc.property(planArb, (p) => {
      const r = runOf(p, [[["Kaasschaaf", "auto", null, null]]]);
      const end = r.scenarios[1].years[r.scenarios[1].years.length - 1];
      const baselineEnd = r.scenarios[0].years[r.scenarios[0].years.length - 1];
      if (end.target > baselineEnd.structuralCost) return;
      expect(Math.abs(end.structuralSavings - end.target)).toBeLessThanOrEqual(
        1e-6 * Math.max(1, baselineEnd.structuralCost),
      );
      expect(r.comparison[1].meetsTarget).toBe(true);
    }),
    RUNS,
  );
});

test("after Overheadnorm the end-year overhead ratio equals the norm whenever enough unprotected overhead exists", () => {
  fc.assert(
    fc.property(planArb, fc.double({ min: 0.05, max: 0.9, noNaN: true }), (p, norm) => {
      const r = runOf(p, [[["Overheadnorm", norm, null, null]]]);
      const base = r.scenarios[0].years[r.scenarios[0].years.length - 1];
      const end = r.scenarios[1].years[r.scenarios[1].years.length - 1];
      const unprotectedOverhead = p.formation
        .filter((f) => !f.protectedRow && f.group !== 0)
        .reduce((a, f) => a + f.fte, 0);
      const needed = (base.fteOverhead - norm * base.fte) / (1 - norm);
      // With no primary FTE the ratio stays 100% until nothing is left: the norm is not attainable.
      if (base.fte === 0 || base.ftePrimary === 0) return;
      if (needed <= 0) {
        expect(end.fte).toBeCloseTo(base.fte, 9);
      } else if (needed < unprotectedOverhead * (1 - 1e-6)) {
        expect(end.overheadRatio).toBeCloseTo(norm, 9);
      } else {
        expect(end.overheadRatio).toBeGreaterThan(norm - 1e-9);
      }
    }),
    RUNS,
  );
});

test("scenario savings are what the baseline costs more, and the cheese-slicer comparison is consistent", () => {
  fc.assert(
    fc.property(planArb, (p) => {
      const r = runOf(p);
      const base = r.scenarios[0].years;
      for (const s of r.scenarios.slice(1)) {
        s.years.forEach((y, i) =>
          expect(y.structuralSavings).toBeCloseTo(base[i].structuralCost - y.structuralCost, 4),
        );
      }
      for (const c of r.comparison) {
        expect(c.cheesePrimaryRetained).toBeGreaterThanOrEqual(0);
        expect(c.cheesePrimaryRetained).toBeLessThanOrEqual(1);
      }
    }),
    RUNS,
  );
});
