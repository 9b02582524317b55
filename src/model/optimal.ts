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
import type { LpSolution, LpSolver } from "./solver";
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

const num = (x: number): string => {
  if (!Number.isFinite(x)) throw new Error(`non-finite coefficient ${x}`);
  return Math.abs(x) < 1e-12 ? "0" : x.toPrecision(12).replace(/\.?0+(e|$)/, "$1");
};

function term(coef: number, name: string): string {
  if (coef === 0) return "";
  return `${coef < 0 ? "-" : "+"} ${num(Math.abs(coef))} ${name}`;
}

interface Options {
  overheadNorm: boolean;
  roemerNorm: boolean;
  target: boolean;
  maxCutPerUnit: number;
  maxForcedExits: number;
  /** maximise savings instead of minimising harm */
  maximiseSavings: boolean;
}

function buildLp(input: OptimiserInput, o: Options): string {
  const { pools } = input;
  const H = input.m2.length;
  const housingCuttable =
    input.m2PerFte !== null && input.m2.reduce((a, b) => a + b, 0) > input.m2PerFte * input.totalFte;
  const lines: string[] = [];
  const objective: string[] = [];
  pools.forEach((p, i) => {
    if (o.maximiseSavings) objective.push(term(-(p.cost * input.index) / M, `x${i}`));
    else objective.push(term(p.primary ? 1 : input.overheadWeight, `x${i}`));
  });
  objective.push(term(o.maximiseSavings ? -1 : EURO_WEIGHT * M, "y"));
  if (housingCuttable) {
    for (let h = 0; h < H; h++) {
      const euros = (input.pricePerM2[h] * input.index) / M;
      objective.push(term(o.maximiseSavings ? -euros : EURO_WEIGHT * M * euros, `z${h}`));
    }
  }
  lines.push("Minimize", ` obj: ${objective.filter(Boolean).join(" ") || "0 y"}`, "Subject To");
  const savingsTerms = [
    ...pools.map((p, i) => term((p.cost * input.index) / M, `x${i}`)),
    term(1, "y"),
    ...(housingCuttable
      ? Array.from({ length: H }, (_, h) => term((input.pricePerM2[h] * input.index) / M, `z${h}`))
      : []),
  ].filter(Boolean);
  if (o.target) lines.push(` savings: ${savingsTerms.join(" ")} >= ${num(input.savingsNeeded / M)}`);
  if (o.overheadNorm) {
    // (O - x_oh) <= t (T - x_all)  <=>  sum x_oh - t sum x_all >= O - t T
    const t = input.overheadNorm;
    const terms = pools.map((p, i) => term((p.primary ? 0 : 1) - t, `x${i}`)).filter(Boolean);
    if (terms.length)
      lines.push(` overhead: ${terms.join(" ")} >= ${num(input.overheadFte - t * input.totalFte)}`);
  }
  if (o.roemerNorm) {
    // (E - y) <= n (P - C x + E - y)  <=>  n C x - (1 - n) y <= n P - (1 - n) E
    const n = input.roemerNorm;
    const terms = [
      ...pools.map((p, i) => term((n * p.cost * input.index) / M, `x${i}`)),
      term(-(1 - n), "y"),
    ].filter(Boolean);
    lines.push(` roemer: ${terms.join(" ")} <= ${num((n * input.personnel - (1 - n) * input.external) / M)}`);
  }
  const byUnit = new Map<number, number[]>();
  // Appended in place: copying each unit's list per pool was quadratic with 100,000+ pools.
  pools.forEach((p, i) => {
    const members = byUnit.get(p.unit);
    if (members) members.push(i);
    else byUnit.set(p.unit, [i]);
  });
  for (const [u, members] of byUnit) {
    if (o.maxCutPerUnit >= 1) break;
    lines.push(
      ` unit${u}: ${members.map((i) => term(1, `x${i}`)).join(" ")} <= ${num(o.maxCutPerUnit * input.unitEndFte[u])}`,
    );
  }
  const limitForced = Number.isFinite(o.maxForcedExits);
  if (limitForced) {
    pools.forEach((p, i) => lines.push(` forced${i}: f${i} - x${i} >= ${num(p.forcedSlack)}`));
    lines.push(
      ` forcedtotal: ${pools.map((_, i) => term(1, `f${i}`)).join(" ") || "0 y"} <= ${num(o.maxForcedExits - input.fixedForced)}`,
    );
  }
  if (housingCuttable) {
    // m2 left >= FTE left x m2 per FTE  <=>  sum z - k sum x <= sum m2 - k T
    const k = input.m2PerFte!;
    const terms = [
      ...Array.from({ length: H }, (_, h) => term(1, `z${h}`)),
      ...pools.map((_, i) => term(-k, `x${i}`)),
    ].filter(Boolean);
    lines.push(
      ` housing: ${terms.join(" ")} <= ${num(input.m2.reduce((a, b) => a + b, 0) - k * input.totalFte)}`,
    );
  }
  lines.push("Bounds");
  pools.forEach((p, i) => lines.push(` 0 <= x${i} <= ${num(Math.max(0, p.endFte))}`));
  lines.push(` 0 <= y <= ${num(input.external / M)}`);
  if (housingCuttable)
    for (let h = 0; h < H; h++) lines.push(` 0 <= z${h} <= ${num(Math.max(0, input.m2[h]))}`);
  if (limitForced) pools.forEach((_, i) => lines.push(` f${i} >= 0`));
  lines.push("End");
  return lines.join("\n");
}

function read(input: OptimiserInput, values: Record<string, number>) {
  const poolCuts = new Float64Array(input.pools.length);
  input.pools.forEach((p, i) => (poolCuts[i] = Math.min(p.endFte, Math.max(0, values[`x${i}`] ?? 0))));
  const m2Cuts = new Float64Array(input.m2.length);
  m2Cuts.forEach((_, h) => (m2Cuts[h] = Math.min(input.m2[h], Math.max(0, values[`z${h}`] ?? 0))));
  const hireCut = Math.min(input.external, Math.max(0, (values.y ?? 0) * M));
  let saving = hireCut;
  input.pools.forEach((p, i) => (saving += poolCuts[i] * p.cost * input.index));
  m2Cuts.forEach((z, h) => (saving += z * input.pricePerM2[h] * input.index));
  return { poolCuts, m2Cuts, hireCut, saving };
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
export function* leastHarmSteps(input: OptimiserInput): Generator<string, OptimiserResult, LpSolution> {
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
      const r = read(input, solution.values);
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
  const r = best.status === "Optimal" ? read(input, best.values) : read(input, {});
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
