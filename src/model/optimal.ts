/**
 * The least-harm plan (lever `Optimaal`): per pool of formation rows the FTE to remove, the euros of hire
 * and per housing row the m2, so that the end-year target is met at the least loss of primary capacity.
 *
 *   minimise   primary FTE lost + w x overhead FTE lost + eps x (hire and housing euros)
 *   subject to end-year savings >= what the target still needs
 *              overhead ratio <= norm, Roemer share <= norm          (when attainable)
 *              FTE removed per unit <= Maximale korting per eenheid x its FTE
 *              forced exits <= Maximale gedwongen uitstroom
 *              m2 not below FTE x workplace factor x m2 per workplace
 *
 * Everything is at the end year (the engine phases it in linearly like every lever). Money is in
 * millions of euros inside the LP to keep coefficients well scaled.
 */
import type { LpModel, LpSolution, LpSolver } from "./solver";
import { notes, type BindingLimit, type Note } from "./notes";

/** Formation rows with the same unit, group, cost band and class, treated as one. */
export interface Pool {
  unit: number;
  primary: boolean;
  /** FTE at the end year before this lever */
  endFte: number;
  /** base-year cost per FTE (not indexed) */
  cost: number;
  /** FTE already beyond what attrition absorbs at the end year: base x (1 - curve(end) - attrition(end)) */
  forcedSlack: number;
}

export interface OptimiserInput {
  pools: Pool[];
  unitNames: string[];
  /** end-year FTE per unit, every row (protected and insourced too) */
  unitEndFte: Float64Array;
  /** end-year totals before this lever */
  totalFte: number;
  overheadFte: number;
  /** indexed euros at the end year */
  personnel: number;
  external: number;
  /** end-year index factor */
  index: number;
  /** per housing row: end-year m2 and base price per m2 */
  m2: Float64Array;
  pricePerM2: Float64Array;
  /** m2 needed per FTE (workplace factor x m2 per workplace), or null when housing cannot be cut */
  m2PerFte: number | null;
  /** end-year savings (indexed euros) still needed to meet the target */
  savingsNeeded: number;
  /** forced exits already caused by rows outside the pools (protected ones) */
  fixedForced: number;
  overheadNorm: number;
  roemerNorm: number;
  maxCutPerUnit: number;
  maxForcedExits: number;
  overheadWeight: number;
}

export interface OptimiserResult {
  status: "optimal" | "relaxed-norms" | "infeasible";
  /** FTE removed per pool, hire euros removed (indexed), m2 removed per housing row */
  poolCuts: Float64Array;
  hireCut: number;
  m2Cuts: Float64Array;
  /** notes for the report, in both languages: what was dropped, what binds */
  notes: Note[];
  /** limits that stop the target from being met (infeasible only) */
  binding: BindingLimit[];
  /** best attainable end-year saving within the limits (indexed euros) */
  bestSaving: number;
}

const M = 1e6;
/** Weight of a euro of hire or housing in the objective: far below any FTE, so those go first. */
const EURO_WEIGHT = 1e-7;

interface Options {
  overheadNorm: boolean;
  roemerNorm: boolean;
  target: boolean;
  maxCutPerUnit: number;
  maxForcedExits: number;
  /** maximise savings instead of minimising harm */
  maximiseSavings: boolean;
}

/** Where each kind of variable sits among the LP's columns (x per pool, y hire, z per housing row, f per pool). */
interface Columns {
  y: number;
  /** first z, or -1 when housing cannot be cut */
  z: number;
  /** first f, or -1 when forced exits are not limited */
  f: number;
  count: number;
}

function columnsOf(input: OptimiserInput, o: Options): Columns {
  const P = input.pools.length;
  let count = P + 1;
  const z = housingCuttable(input) ? count : -1;
  if (z >= 0) count += input.m2.length;
  const f = Number.isFinite(o.maxForcedExits) ? count : -1;
  if (f >= 0) count += P;
  return { y: P, z, f, count };
}

function housingCuttable(input: OptimiserInput): boolean {
  return input.m2PerFte !== null && input.m2.reduce((a, b) => a + b, 0) > input.m2PerFte * input.totalFte;
}

/** Rows of the constraint matrix, one at a time, as HiGHS's compressed sparse rows. */
class RowBuilder {
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  /** a row `lower <= sum coef x <= upper`; zero coefficients are left out */
  add(entries: Iterable<[number, number]>, lower: number, upper: number): void {
    for (const [col, coef] of entries) {
      if (coef === 0) continue;
      this.indices.push(col);
      this.values.push(finite(coef));
    }
    this.starts.push(this.indices.length);
    this.lower.push(finite(lower, true));
    this.upper.push(finite(upper, true));
  }
  model(colCost: Float64Array, colLower: Float64Array, colUpper: Float64Array): LpModel {
    const numRows = this.lower.length;
    const numCols = colCost.length;
    return {
      numCols,
      numRows,
      colCost,
      colLower,
      colUpper,
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.upper),
      matrix: {
        format: "csr",
        numRows,
        numCols,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
    };
  }
}

/** A coefficient or bound as HiGHS takes it: finite (bounds may be infinite), never NaN. */
function finite(x: number, boundAllowed = false): number {
  if (Number.isNaN(x) || (!boundAllowed && !Number.isFinite(x)))
    throw new Error(`non-finite coefficient ${x}`);
  return x;
}

/**
 * The LP as HiGHS's model arrays: built as arrays rather than as LP text, because the text cost more than the
 * solve (150,000 rows: formatting the numbers, HiGHS parsing them, and the solution read back per column name).
 */
function buildLp(input: OptimiserInput, o: Options): LpModel {
  const { pools } = input;
  const P = pools.length;
  const H = input.m2.length;
  const cols = columnsOf(input, o);
  const cost = new Float64Array(cols.count);
  const lower = new Float64Array(cols.count);
  const upper = new Float64Array(cols.count);
  const euros = (p: Pool) => (p.cost * input.index) / M;
  const m2Euros = (h: number) => (input.pricePerM2[h] * input.index) / M;
  pools.forEach((p, i) => {
    cost[i] = o.maximiseSavings ? -euros(p) : p.primary ? 1 : input.overheadWeight;
    upper[i] = Math.max(0, p.endFte);
  });
  cost[cols.y] = o.maximiseSavings ? -1 : EURO_WEIGHT * M;
  upper[cols.y] = input.external / M;
  if (cols.z >= 0)
    for (let h = 0; h < H; h++) {
      cost[cols.z + h] = o.maximiseSavings ? -m2Euros(h) : EURO_WEIGHT * M * m2Euros(h);
      upper[cols.z + h] = Math.max(0, input.m2[h]);
    }
  if (cols.f >= 0) upper.fill(Infinity, cols.f, cols.f + P);
  for (const x of cost) finite(x);
  for (const x of upper) finite(x, true);

  const rows = new RowBuilder();
  const xs = function* (coef: (p: Pool, i: number) => number): Generator<[number, number]> {
    for (let i = 0; i < P; i++) yield [i, coef(pools[i], i)];
  };
  const zs = function* (coef: (h: number) => number): Generator<[number, number]> {
    if (cols.z >= 0) for (let h = 0; h < H; h++) yield [cols.z + h, coef(h)];
  };
  if (o.target)
    rows.add([...xs((p) => euros(p)), [cols.y, 1], ...zs(m2Euros)], input.savingsNeeded / M, Infinity);
  if (o.overheadNorm) {
    // (O - x_oh) <= t (T - x_all)  <=>  sum x_oh - t sum x_all >= O - t T
    const t = input.overheadNorm;
    if (pools.some((p) => (p.primary ? 0 : 1) - t !== 0))
      rows.add(
        xs((p) => (p.primary ? 0 : 1) - t),
        input.overheadFte - t * input.totalFte,
        Infinity,
      );
  }
  if (o.roemerNorm) {
    // (E - y) <= n (P - C x + E - y)  <=>  n C x - (1 - n) y <= n P - (1 - n) E
    const n = input.roemerNorm;
    rows.add(
      [...xs((p) => n * euros(p)), [cols.y, -(1 - n)]],
      -Infinity,
      (n * input.personnel - (1 - n) * input.external) / M,
    );
  }
  if (o.maxCutPerUnit < 1) {
    const byUnit = new Map<number, number[]>();
    // Appended in place: copying each unit's list per pool was quadratic with 100,000+ pools.
    pools.forEach((p, i) => {
      const members = byUnit.get(p.unit);
      if (members) members.push(i);
      else byUnit.set(p.unit, [i]);
    });
    for (const [u, members] of byUnit)
      rows.add(
        members.map((i): [number, number] => [i, 1]),
        -Infinity,
        o.maxCutPerUnit * input.unitEndFte[u],
      );
  }
  if (cols.f >= 0) {
    pools.forEach((p, i) =>
      rows.add(
        [
          [cols.f + i, 1],
          [i, -1],
        ],
        p.forcedSlack,
        Infinity,
      ),
    );
    rows.add(
      pools.map((_, i): [number, number] => [cols.f + i, 1]),
      -Infinity,
      o.maxForcedExits - input.fixedForced,
    );
  }
  if (cols.z >= 0) {
    // m2 left >= FTE left x m2 per FTE  <=>  sum z - k sum x <= sum m2 - k T
    const k = input.m2PerFte!;
    rows.add(
      [...zs(() => 1), ...xs(() => -k)],
      -Infinity,
      input.m2.reduce((a, b) => a + b, 0) - k * input.totalFte,
    );
  }
  return rows.model(cost, lower, upper);
}

function read(input: OptimiserInput, values: Float64Array | null, cols: Columns) {
  const at = (col: number) => (values && col >= 0 ? values[col] : 0);
  const poolCuts = new Float64Array(input.pools.length);
  input.pools.forEach((p, i) => (poolCuts[i] = Math.min(p.endFte, Math.max(0, at(i)))));
  const m2Cuts = new Float64Array(input.m2.length);
  if (cols.z >= 0) m2Cuts.forEach((_, h) => (m2Cuts[h] = Math.min(input.m2[h], Math.max(0, at(cols.z + h)))));
  const hireCut = Math.min(input.external, Math.max(0, at(cols.y) * M));
  let saving = hireCut;
  input.pools.forEach((p, i) => (saving += poolCuts[i] * p.cost * input.index));
  m2Cuts.forEach((z, h) => (saving += z * input.pricePerM2[h] * input.index));
  return { poolCuts, m2Cuts, hireCut, saving };
}

/**
 * A made-up department whose LPs have the shape of a real Optimaal's (savings target, both norms, a cap per
 * unit, forced exits; both norms out of reach, so that the attempt without the overhead norm follows, as in
 * most departments), at a fraction of the size: HiGHS solves a few of these before the first real one
 * (solver.ts, warmSolver), which then finds its code compiled and warmed. `seed` varies the figures.
 */
export function warmUpInput(poolCount: number, seed: number): OptimiserInput {
  // A small linear congruential generator: the same department for the same seed, in any engine.
  let state = seed % 2147483647 || 1;
  const rand = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const units = 60;
  const pools: Pool[] = [];
  const unitEndFte = new Float64Array(units);
  let totalFte = 0;
  let overheadFte = 0;
  let personnel = 0;
  for (let i = 0; i < poolCount; i++) {
    const pool: Pool = {
      unit: i % units,
      primary: rand() < 0.5,
      endFte: 1 + rand() * 60,
      cost: 60_000 + rand() * 60_000,
      forcedSlack: rand() * 2 - 1,
    };
    pools.push(pool);
    unitEndFte[pool.unit] += pool.endFte;
    totalFte += pool.endFte;
    if (!pool.primary) overheadFte += pool.endFte;
    personnel += pool.endFte * pool.cost;
  }
  const housing = 200;
  return {
    pools,
    unitNames: Array.from({ length: units }, (_, u) => `Eenheid ${u + 1}`),
    unitEndFte,
    totalFte,
    overheadFte,
    personnel,
    external: personnel * 0.15,
    index: 1.1,
    m2: Float64Array.from({ length: housing }, () => 500 + rand() * 5000),
    pricePerM2: Float64Array.from({ length: housing }, () => 150 + rand() * 200),
    m2PerFte: 12,
    savingsNeeded: personnel * 0.05,
    fixedForced: 0,
    overheadNorm: 0.35,
    roemerNorm: 0.1,
    maxCutPerUnit: 0.1,
    maxForcedExits: totalFte * 0.01,
    overheadWeight: 0.2,
  };
}

/** Solves with a synchronous solver (the command line, tests): drives leastHarmSteps to its end. */
export function solveLeastHarm(input: OptimiserInput, solve: LpSolver): OptimiserResult {
  const steps = leastHarmSteps(input);
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    step = steps.next(solve(step.value));
  }
}

/**
 * The least-harm plan as steps: each LP to solve is yielded and its solution comes back from the driver, so
 * that the same logic runs with a synchronous solver and with one in a Web Worker (awaited, cancellable).
 */
export function* leastHarmSteps(input: OptimiserInput): Generator<LpModel, OptimiserResult, LpSolution> {
  const base: Options = {
    overheadNorm: true,
    roemerNorm: true,
    target: true,
    maxCutPerUnit: input.maxCutPerUnit,
    maxForcedExits: input.maxForcedExits,
    maximiseSavings: false,
  };
  const attempts: [Options, Note[]][] = [
    [base, []],
    [{ ...base, overheadNorm: false }, [notes.optimalNormDropped(true, false)]],
    [{ ...base, roemerNorm: false }, [notes.optimalNormDropped(false, true)]],
    [{ ...base, overheadNorm: false, roemerNorm: false }, [notes.optimalNormDropped(true, true)]],
  ];
  for (const [options, said] of attempts) {
    const solution = yield buildLp(input, options);
    if (solution.status === "Optimal") {
      const r = read(input, solution.colValue, columnsOf(input, options));
      return {
        status: said.length ? "relaxed-norms" : "optimal",
        ...r,
        notes: said,
        binding: [],
        bestSaving: r.saving,
      };
    }
  }
  // The target cannot be met within the limits: the best attainable saving, and which limit binds.
  const free: Options = {
    ...base,
    overheadNorm: false,
    roemerNorm: false,
    target: false,
    maximiseSavings: true,
  };
  const best = yield buildLp(input, free);
  const r = read(input, best.status === "Optimal" ? best.colValue : null, columnsOf(input, free));
  const relaxed = (o: Partial<Options>) =>
    buildLp(input, { ...base, overheadNorm: false, roemerNorm: false, ...o });
  const binding: BindingLimit[] = [];
  const unitBinds = input.maxCutPerUnit < 1 && (yield relaxed({ maxCutPerUnit: 1 })).status === "Optimal";
  const forcedBinds =
    Number.isFinite(input.maxForcedExits) &&
    (yield relaxed({ maxForcedExits: Infinity })).status === "Optimal";
  if (unitBinds) binding.push("maxCutPerUnit");
  if (forcedBinds) binding.push("maxForcedExits");
  if (!unitBinds && !forcedBinds) {
    if ((yield relaxed({ maxCutPerUnit: 1, maxForcedExits: Infinity })).status === "Optimal")
      binding.push("maxCutPerUnit", "maxForcedExits");
    else binding.push("capacity");
  }
  return {
    status: "infeasible",
    ...r,
    notes: [notes.optimalInfeasible(binding, r.saving, input.savingsNeeded)],
    binding,
    bestSaving: r.saving,
  };
}
