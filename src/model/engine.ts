/**
 * The planning engine: baseline and scenario trajectories, year by year, as in MODEL.md.
 *
 * Every lever changes a row in proportion to that row's own level: a linear lever by a share of its
 * end-year value, the hiring freeze by a factor per year. So a row's trajectory is always its base FTE
 * times a curve shared by every row that the levers so far treated alike: its class. The engine keeps
 * one class id per row (a Uint32Array, so any number of classes), and per class a short curve and the base FTE, primary FTE and
 * cost summed per unit. A lever that affects some rows visits only those rows (a cached index list per
 * filter) and moves them to classes of their own; everything else, the metrics included, works on the
 * class sums. Exact, and fast on large formations. Hire rows always move together (one curve); each
 * housing row has a curve of its own (the optimiser cuts them differently). Rows added by insourcing
 * keep explicit trajectories.
 */
import {
  allowedExternalSpend,
  attritionShare,
  cheeseSliceFraction,
  indexFactor,
  officeM2Needed,
  overheadGap,
  overheadRatio,
  phaseIn,
  roemerShare,
} from "./formulas";
import { compileFilter, filterMask, groupName } from "./filter";
import { leastHarmSteps, type OptimiserResult, type Pool } from "./optimal";
import { notes, reasons, type Note } from "./notes";
import {
  loadSolver,
  solverPort,
  type AsyncLpSolver,
  type LpModel,
  type LpSolution,
  type LpSolver,
} from "./solver";
import { BASELINE_NAME } from "./input";
import {
  GROUP_OPERATIONS,
  GROUP_PRIMARY,
  type Lever,
  type Plan,
  type RunResult,
  type Scenario,
  type ScenarioComparison,
  type ScenarioResult,
  type OptimalReport,
  type UnitOutcome,
  type UnitYears,
  type YearMetrics,
} from "./types";

export const INSOURCED_UNIT = "Inbesteed";
/** Euros within which a saving counts as meeting its target (rounding of the closed forms). */
const MONEY_TOLERANCE = 0.5;
const RATIO_TOLERANCE = 1e-9;
/**
 * MODEL.md v1.1: amounts below 1e-9 FTE, 1e-6 EUR or 1e-9 m2 are zero, so that a lever that removes
 * everything leaves exactly nothing (no 5.6e-17 FTE whose overhead ratio is 100%, no average cost of
 * nothing for insourcing).
 */
export const ZERO_FTE = 1e-9;
export const ZERO_EUR = 1e-6;
export const ZERO_M2 = 1e-9;
function zeroBelow(x: number, eps: number): number {
  return Math.abs(x) < eps ? 0 : x;
}

/** Everything about the plan that does not depend on the scenario. */
interface Frame {
  plan: Plan;
  years: number;
  yearList: number[];
  index: Float64Array;
  phase: Float64Array;
  /** 1 - (1 - attrition)^y per plan year */
  attrition: Float64Array;
  /** Formatie rows a filter selects (protected rows excluded), shared by all scenarios of a run */
  rowLists: Map<string, Int32Array>;
  /** base FTE, primary FTE and cost per unit: the one class every scenario starts from */
  unitFte: Float64Array;
  unitPrimary: Float64Array;
  unitCost: Float64Array;
  /** base-year total of hire: hire rows always move together */
  hireBase: number;
  /** base-year hire per unit name, in Inhuur order (for the per-unit figures) */
  hireByUnit: Map<string, number>;
  /** the LP solver, for the Optimaal lever */
  solver: LpSolver | null;
  /** pool of each Formatie row (same unit, group and cost band), computed on first use */
  poolOf: Int32Array | null;
}

/** A row added by insourcing, with its own trajectory. */
interface ExtraRow {
  unit: string;
  group: number;
  costPerFte: number;
  fte: Float64Array;
}

/** Rows the levers treated alike: their curve, and their base FTE, primary FTE and cost per unit. */
interface RowClass {
  curve: Float64Array;
  fte: Float64Array;
  primary: Float64Array;
  cost: Float64Array;
}

/** A trajectory under construction. */
interface State {
  /** class of each Formatie row; its FTE in year y is base FTE x classes[class].curve[y] */
  classOf: Uint32Array;
  classes: RowClass[];
  extra: ExtraRow[];
  /** hire in year y: base amount x curve[y] (hire rows always move together) */
  hireCurve: Float64Array;
  /** m2 of each housing row in year y: base m2 x its curve[y] (the optimiser cuts rows differently) */
  m2Curves: Float64Array[];
  notes: Note[];
  optimal?: OptimalReport;
}

function makeFrame(plan: Plan): Frame {
  const { baseYear, endYear, indexation, attritionRate } = plan.params;
  const years = endYear - baseYear + 1;
  const index = new Float64Array(years);
  const phase = new Float64Array(years);
  const attrition = new Float64Array(years);
  const yearList: number[] = [];
  for (let y = 0; y < years; y++) {
    index[y] = indexFactor(indexation, y);
    phase[y] = phaseIn(baseYear + y, baseYear, endYear);
    attrition[y] = attritionShare(attritionRate, y);
    yearList.push(baseYear + y);
  }
  const { hire, formation: f } = plan;
  const U = f.unitNames.length;
  const unitFte = new Float64Array(U);
  const unitPrimary = new Float64Array(U);
  const unitCost = new Float64Array(U);
  for (let r = 0; r < f.length; r++) {
    const u = f.unit[r];
    const b = f.fte[r];
    unitFte[u] += b;
    unitCost[u] += b * f.costPerFte[r];
    if (f.group[r] === GROUP_PRIMARY) unitPrimary[u] += b;
  }
  let hireBase = 0;
  const hireByUnit = new Map<string, number>();
  for (let h = 0; h < hire.length; h++) {
    hireBase += hire.amount[h];
    const name = hire.unitNames[hire.unit[h]];
    hireByUnit.set(name, (hireByUnit.get(name) ?? 0) + hire.amount[h]);
  }
  return {
    plan,
    years,
    yearList,
    index,
    phase,
    attrition,
    rowLists: new Map(),
    unitFte,
    unitPrimary,
    unitCost,
    hireBase,
    hireByUnit,
    solver: null,
    poolOf: null,
  };
}

function ones(years: number): Float64Array {
  return new Float64Array(years).fill(1);
}

function initialState(frame: Frame): State {
  return {
    classOf: new Uint32Array(frame.plan.formation.length),
    classes: [
      {
        curve: ones(frame.years),
        fte: frame.unitFte.slice(),
        primary: frame.unitPrimary.slice(),
        cost: frame.unitCost.slice(),
      },
    ],
    extra: [],
    hireCurve: ones(frame.years),
    m2Curves: Array.from({ length: frame.plan.housing.length }, () => ones(frame.years)),
    notes: [],
  };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** A linear cut of share p of the end-year value: curve[y] -= phase[y] x p x curve[end]. */
function cutCurve(curve: Float64Array, p: number, frame: Frame): void {
  if (p === 0) return;
  const d = -p * curve[frame.years - 1];
  for (let y = 1; y < frame.years; y++) curve[y] += frame.phase[y] * d;
}

/** The hiring freeze: curve[y] x keep^(y - base). */
function freezeCurve(curve: Float64Array, keep: number, frame: Frame): void {
  for (let y = 1; y < frame.years; y++) curve[y] *= Math.pow(keep, y);
}

interface EndYearTotals {
  fte: number;
  overhead: number;
  /** sum of FTE x base cost per FTE (not indexed) */
  personnelBase: number;
  hireBase: number;
  m2: number;
  housingBase: number;
}

function endYearTotals(state: State, frame: Frame): EndYearTotals {
  const E = frame.years - 1;
  let fte = 0;
  let primary = 0;
  let personnelBase = 0;
  for (const c of state.classes) {
    const end = c.curve[E];
    fte += end * sum(c.fte);
    primary += end * sum(c.primary);
    personnelBase += end * sum(c.cost);
  }
  for (const x of state.extra) {
    fte += x.fte[E];
    if (x.group === GROUP_PRIMARY) primary += x.fte[E];
    personnelBase += x.fte[E] * x.costPerFte;
  }
  const housing = housingIn(state, frame, E);
  return {
    fte: zeroBelow(fte, ZERO_FTE),
    overhead: zeroBelow(fte - primary, ZERO_FTE),
    personnelBase: zeroBelow(personnelBase, ZERO_EUR),
    hireBase: zeroBelow(frame.hireBase * state.hireCurve[E], ZERO_EUR),
    m2: zeroBelow(housing.m2, ZERO_M2),
    housingBase: zeroBelow(housing.housingBase, ZERO_EUR),
  };
}

/** m2 and (base-year) housing cost in plan year y. */
function housingIn(state: State, frame: Frame, y: number): { m2: number; housingBase: number } {
  const { m2, costPerM2 } = frame.plan.housing;
  let total = 0;
  let cost = 0;
  state.m2Curves.forEach((curve, h) => {
    total += m2[h] * curve[y];
    cost += m2[h] * curve[y] * costPerM2[h];
  });
  return { m2: total, housingBase: cost };
}

/**
 * Unprotected Formatie rows that match the filter (and, for the overhead norm, are overhead), as an
 * index list cached for the whole run.
 */
function filterRows(frame: Frame, filter: string, overheadOnly = false): Int32Array {
  const key = `${overheadOnly ? "overhead" : "all"}|${filter}`;
  let rows = frame.rowLists.get(key);
  if (!rows) {
    const f = frame.plan.formation;
    const mask = filterMask(compileFilter(filter), f);
    const list: number[] = [];
    for (let r = 0; r < f.length; r++) {
      if (mask[r] && !f.protectedRow[r] && !(overheadOnly && f.group[r] === GROUP_PRIMARY)) list.push(r);
    }
    rows = Int32Array.from(list);
    frame.rowLists.set(key, rows);
  }
  return rows;
}

function extraMatches(x: ExtraRow, filter: string): boolean {
  const compiled = compileFilter(filter);
  return (
    !compiled ||
    compiled.evaluate({
      eenheid: x.unit,
      functiegroep: groupName(x.group),
      schaal: 0,
      fte: x.fte[x.fte.length - 1],
    })
  );
}

/**
 * Moves the listed rows to classes of their own (a copy of their current curve), so that a lever can
 * change them without touching the others; the per-unit sums move with them. Returns the new classes.
 */
function splitClasses(state: State, frame: Frame, rows: Int32Array): RowClass[] {
  const { fte, costPerFte, group, unit } = frame.plan.formation;
  const split = new Int32Array(state.classes.length).fill(-1);
  const classOf = state.classOf;
  const U = frame.unitFte.length;
  const created: { from: RowClass; to: RowClass }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const c = classOf[r];
    let to = split[c];
    if (to < 0) {
      const from = state.classes[c];
      const fresh: RowClass = {
        curve: from.curve.slice(),
        fte: new Float64Array(U),
        primary: new Float64Array(U),
        cost: new Float64Array(U),
      };
      to = split[c] = state.classes.length;
      state.classes.push(fresh);
      created.push({ from, to: fresh });
    }
    const moved = state.classes[to];
    const u = unit[r];
    const b = fte[r];
    moved.fte[u] += b;
    moved.cost[u] += b * costPerFte[r];
    if (group[r] === GROUP_PRIMARY) moved.primary[u] += b;
    classOf[r] = to;
  }
  for (const { from, to } of created) {
    for (let u = 0; u < U; u++) {
      from.fte[u] = zeroBelow(from.fte[u] - to.fte[u], ZERO_FTE);
      from.cost[u] = zeroBelow(from.cost[u] - to.cost[u], ZERO_EUR);
      from.primary[u] = zeroBelow(from.primary[u] - to.primary[u], ZERO_FTE);
    }
  }
  return created.map((c) => c.to);
}

function applyLever(state: State, frame: Frame, lever: Lever, baselineEndCost: number): void {
  const { params, targets } = frame.plan;
  const Y = frame.years;
  const E = Y - 1;
  const endIndex = frame.index[E];
  switch (lever.kind) {
    case "Kaasschaaf": {
      let p: number;
      if (lever.value === "auto") {
        const t = endYearTotals(state, frame);
        const current = (t.personnelBase + t.hireBase + t.housingBase) * endIndex;
        const target = targets.get(params.endYear) ?? 0;
        // After the cut, cost = (1 - p) x current; we want baseline - (1 - p) x current = target.
        p = current > 0 ? 1 - (baselineEndCost - target) / current : 0;
        if (p < 0) {
          state.notes.push(notes.cheeseAlreadyMet());
          p = 0;
        } else if (p > 1) {
          state.notes.push(notes.cheeseUnreachable());
          p = 1;
        } else {
          state.notes.push(notes.cheeseCut(p));
        }
      } else {
        p = (lever.value as number) ?? 0;
      }
      // Every row alike, protected ones included: every class curve takes the same cut.
      for (const c of state.classes) cutCurve(c.curve, p, frame);
      for (const x of state.extra) cutCurve(x.fte, p, frame);
      cutCurve(state.hireCurve, p, frame);
      for (const curve of state.m2Curves) cutCurve(curve, p, frame);
      return;
    }
    case "Overheadnorm": {
      const norm = typeof lever.value === "number" ? lever.value : params.overheadNorm;
      const t = endYearTotals(state, frame);
      const x = overheadGap(t.overhead, t.fte, norm);
      if (x <= 0) {
        state.notes.push(notes.overheadMet(norm, overheadRatio(t.overhead, t.fte)));
        return;
      }
      const extraEligible = (row: ExtraRow) => row.group !== GROUP_PRIMARY && extraMatches(row, lever.filter);
      const classes = splitClasses(state, frame, filterRows(frame, lever.filter, true));
      let available = 0;
      for (const c of classes) available += c.curve[E] * sum(c.fte);
      for (const row of state.extra) if (extraEligible(row)) available += row.fte[E];
      if (available <= 0) {
        state.notes.push(notes.overheadNothing(norm));
        return;
      }
      const q = Math.min(1, x / available);
      state.notes.push(q === 1 ? notes.overheadShort(norm, available, x) : notes.overheadCut(norm, x));
      for (const c of classes) cutCurve(c.curve, q, frame);
      for (const row of state.extra) if (extraEligible(row)) cutCurve(row.fte, q, frame);
      return;
    }
    case "Roemernorm": {
      const norm = typeof lever.value === "number" ? lever.value : params.roemerNorm;
      const t = endYearTotals(state, frame);
      const P = t.personnelBase * endIndex;
      const E$ = t.hireBase * endIndex;
      // No formation left (or none that costs anything): no average cost per FTE, so insourcing is
      // impossible and s counts as 0 (MODEL.md v1.1).
      const noAverage = t.fte <= 0 || t.personnelBase <= 0;
      const s = noAverage ? 0 : lever.insourceShare;
      const k = params.insourceCostFactor;
      if (noAverage && lever.insourceShare > 0) state.notes.push(notes.roemerNoAverage());
      const allowed = allowedExternalSpend(P, E$, norm, s, k);
      if (allowed >= E$ - ZERO_EUR || E$ <= 0) {
        state.notes.push(notes.roemerMet(norm, roemerShare(E$, P)));
        return;
      }
      cutCurve(state.hireCurve, 1 - allowed / E$, frame);
      const removed = E$ - allowed;
      state.notes.push(notes.roemerCut(norm, removed));
      if (s > 0) {
        const internalCost = removed * s * k;
        const averageCostBase = t.personnelBase / t.fte;
        const endFte = internalCost / (averageCostBase * endIndex);
        const fte = new Float64Array(Y);
        for (let y = 0; y < Y; y++) fte[y] = frame.phase[y] * endFte;
        state.extra.push({ unit: INSOURCED_UNIT, group: GROUP_OPERATIONS, costPerFte: averageCostBase, fte });
        state.notes.push(notes.insourced(endFte, INSOURCED_UNIT));
      }
      return;
    }
    case "Huisvestingsnorm": {
      const factor = typeof lever.value === "number" ? lever.value : params.workplaceFactor;
      const t = endYearTotals(state, frame);
      const needed = officeM2Needed(t.fte, params.m2PerWorkplace ?? 0, factor);
      if (t.m2 <= needed + ZERO_M2 || t.m2 <= 0) {
        state.notes.push(notes.housingMet(factor));
        return;
      }
      for (const curve of state.m2Curves) cutCurve(curve, 1 - needed / t.m2, frame);
      state.notes.push(notes.housingCut(factor, t.m2 - needed));
      return;
    }
    case "Vacaturestop": {
      const share = params.attritionRate * ((lever.value as number) ?? 0);
      if (share === 0) return;
      for (const c of splitClasses(state, frame, filterRows(frame, lever.filter)))
        freezeCurve(c.curve, 1 - share, frame);
      for (const row of state.extra)
        if (extraMatches(row, lever.filter)) freezeCurve(row.fte, 1 - share, frame);
      return;
    }
    case "Gerichte korting": {
      const p = (lever.value as number) ?? 0;
      if (p === 0) return;
      for (const c of splitClasses(state, frame, filterRows(frame, lever.filter)))
        cutCurve(c.curve, p, frame);
      for (const row of state.extra) if (extraMatches(row, lever.filter)) cutCurve(row.fte, p, frame);
      return;
    }
    case "Optimaal":
      // Applied by scenarioSteps, which hands its LPs to the solver (in a worker, awaited, in the pane).
      return;
  }
}

/**
 * Cost bands for the optimiser's pools: costs within 0.5% of each other share a band, so that a per-person
 * HR export (every row its own cost) still pools into a few thousand variables. A pool's cost is the
 * FTE-weighted mean of its rows, so the saving of a cut is exact; only the choice between rows whose
 * costs differ by less than the band can be off, by at most that 0.5%.
 */
export const COST_BAND = 0.005;
function costBand(cost: number): number {
  return cost > 0 ? Math.round(Math.log(cost) / Math.log1p(COST_BAND)) : -1;
}

/**
 * Pools of Formatie rows with the same unit, group and cost band: the optimiser's variables. The scale is
 * not part of it: the LP sees a row only through its unit, group and cost, and a pool's cut falls on its
 * rows in proportion (rows of one class share their share of forced exits too), so splitting a pool by
 * scale gave the solver more variables and nothing to choose between.
 */
function poolIds(frame: Frame): Int32Array {
  if (frame.poolOf) return frame.poolOf;
  const { length, unit, group, costPerFte } = frame.plan.formation;
  const poolOf = new Int32Array(length);
  const ids = new Map<number, number>();
  // One number per (unit, group, band): a text key per row cost 150,000 concatenations. Bands lie between
  // -1 (no cost) and 142,000 (the largest double); groups below 256 (Uint8Array).
  const bands = 1 << 18;
  for (let r = 0; r < length; r++) {
    const key = (unit[r] * 256 + group[r]) * bands + costBand(costPerFte[r]) + 1;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    poolOf[r] = id;
  }
  frame.poolOf = poolOf;
  return poolOf;
}

/** What the optimiser is doing, for the progress shown while a long Optimaal runs. */
export type OptimalStage = "pooling" | "building" | "solving" | "distributing";
/** A step of a scenario: a stage reached, or an LP for the driver to solve (its solution is sent back). */
export type ScenarioStep = { stage: OptimalStage } | { lp: LpModel };

/**
 * The least-harm lever: pools the rows, solves the LP and applies its cuts like any linear lever. A generator:
 * it yields its stages and each LP, and the driver (runScenario, runPlanAsync) solves it, in or off thread.
 */
function* applyOptimal(
  state: State,
  frame: Frame,
  baselineEndCost: number,
): Generator<ScenarioStep, void, LpSolution | undefined> {
  yield { stage: "pooling" };
  const { formation: f, params, targets, housing } = frame.plan;
  const E = frame.years - 1;
  const endIndex = frame.index[E];
  const poolOf = poolIds(frame);
  const C = state.classes.length;
  // One pool per (row pool, class): rows in it share unit, group, cost and trajectory shape.
  const poolIndex = new Map<number, number>();
  const pools: Pool[] = [];
  const poolRows: number[][] = [];
  const poolBase: number[] = [];
  const poolCostSum: number[] = [];
  const protectedBase = new Float64Array(C);
  for (let r = 0; r < f.length; r++) {
    const c = state.classOf[r];
    if (f.protectedRow[r]) {
      protectedBase[c] += f.fte[r];
      continue;
    }
    const key = poolOf[r] * C + c;
    let i = poolIndex.get(key);
    if (i === undefined) {
      i = pools.length;
      poolIndex.set(key, i);
      pools.push({
        unit: f.unit[r],
        primary: f.group[r] === GROUP_PRIMARY,
        endFte: 0,
        cost: f.costPerFte[r],
        forcedSlack: 0,
      });
      poolRows.push([]);
      poolBase.push(0);
      poolCostSum.push(0);
    }
    poolBase[i] += f.fte[r];
    poolCostSum[i] += f.fte[r] * f.costPerFte[r];
    const curve = state.classes[c].curve;
    pools[i].endFte += f.fte[r] * curve[E];
    pools[i].forcedSlack += f.fte[r] * (1 - curve[E] - frame.attrition[E]);
    poolRows[i].push(r);
  }
  // Rows in a (pool, class) share their curve, so base-FTE weights are end-FTE weights: the mean is exact.
  pools.forEach((p, i) => (p.cost = poolBase[i] > 0 ? poolCostSum[i] / poolBase[i] : p.cost));
  let fixedForced = 0;
  state.classes.forEach(
    (c, k) => (fixedForced += protectedBase[k] * Math.max(0, 1 - c.curve[E] - frame.attrition[E])),
  );
  const U = f.unitNames.length;
  const unitEndFte = new Float64Array(U);
  for (const c of state.classes) for (let u = 0; u < U; u++) unitEndFte[u] += c.fte[u] * c.curve[E];
  const t = endYearTotals(state, frame);
  const currentCost = (t.personnelBase + t.hireBase + t.housingBase) * endIndex;
  const target = targets.get(params.endYear) ?? 0;
  const m2 = new Float64Array(housing.length);
  state.m2Curves.forEach((curve, h) => (m2[h] = housing.m2[h] * curve[E]));
  yield { stage: "building" };
  const started = Date.now();
  const steps = leastHarmSteps({
    pools,
    unitNames: f.unitNames,
    unitEndFte,
    totalFte: t.fte,
    overheadFte: t.overhead,
    personnel: t.personnelBase * endIndex,
    external: t.hireBase * endIndex,
    index: endIndex,
    m2,
    pricePerM2: housing.costPerM2,
    m2PerFte: params.m2PerWorkplace === null ? null : params.m2PerWorkplace * params.workplaceFactor,
    savingsNeeded: target - (baselineEndCost - currentCost),
    fixedForced,
    overheadNorm: params.overheadNorm,
    roemerNorm: params.roemerNorm,
    maxCutPerUnit: params.maxCutPerUnit,
    maxForcedExits: params.maxForcedExits,
    overheadWeight: params.overheadWeight,
  });
  let result: OptimiserResult;
  for (let step = steps.next(); ;) {
    if (step.done) {
      result = step.value;
      break;
    }
    step = steps.next((yield { lp: step.value })!);
  }
  const solveMs = Date.now() - started;
  yield { stage: "distributing" };
  // Apply: each cut pool becomes a class of its own, cut linearly like every lever.
  const primaryCut = new Float64Array(U);
  const overheadCut = new Float64Array(U);
  pools.forEach((p, i) => {
    const x = result.poolCuts[i];
    if (x <= 1e-9 || p.endFte <= 0) return;
    for (const c of splitClasses(state, frame, Int32Array.from(poolRows[i])))
      cutCurve(c.curve, x / p.endFte, frame);
    if (p.primary) primaryCut[p.unit] += x;
    else overheadCut[p.unit] += x;
  });
  if (t.hireBase > 0 && result.hireCut > 0)
    cutCurve(state.hireCurve, result.hireCut / (t.hireBase * endIndex), frame);
  let m2Cut = 0;
  state.m2Curves.forEach((curve, h) => {
    if (m2[h] > 0 && result.m2Cuts[h] > 0) {
      cutCurve(curve, result.m2Cuts[h] / m2[h], frame);
      m2Cut += result.m2Cuts[h];
    }
  });
  // Hire per unit, for the table: the cut falls on every hire row alike.
  const hireByUnit = new Float64Array(U);
  const hire = frame.plan.hire;
  for (let h = 0; h < hire.length; h++) {
    const u = f.unitNames.indexOf(hire.unitNames[hire.unit[h]]);
    if (u >= 0 && frame.hireBase > 0) hireByUnit[u] += (hire.amount[h] / frame.hireBase) * result.hireCut;
  }
  const units = f.unitNames.map((unit, u) => {
    const cut = primaryCut[u] + overheadCut[u];
    const share = unitEndFte[u] > 0 ? cut / unitEndFte[u] : 0;
    const atCap = params.maxCutPerUnit < 1 && share >= params.maxCutPerUnit - 1e-6;
    const why: Note[] = [];
    if (overheadCut[u] > 1e-6) why.push(reasons.overheadLighter(params.overheadWeight));
    if (primaryCut[u] > 1e-6) why.push(reasons.primaryNeeded());
    if (atCap) why.push(reasons.capped());
    if (hireByUnit[u] > 0.5) why.push(reasons.hireFirst());
    return {
      unit,
      fteBefore: unitEndFte[u],
      primaryCut: primaryCut[u],
      overheadCut: overheadCut[u],
      hireCut: hireByUnit[u],
      shareCut: share,
      atCap,
      reason: reasons.join(why),
    };
  });
  state.notes.push(
    notes.optimalSummary(
      result.hireCut,
      pools.reduce((a, _, i) => a + result.poolCuts[i], 0),
      m2Cut,
    ),
    notes.optimalPooling(COST_BAND),
    ...result.notes,
  );
  state.optimal = {
    status: result.status,
    binding: result.binding,
    bestSaving: result.bestSaving,
    savingsNeeded: target - (baselineEndCost - currentCost),
    hireCut: result.hireCut,
    m2Cut,
    units,
    solveMs,
    pools: pools.length,
  };
}

interface Totals {
  years: YearMetrics[];
  units: UnitOutcome[];
}

/** Turns a state into yearly metrics, forced exits and per-unit outcomes, from the class sums alone. */
function measure(state: State, frame: Frame, baseline: YearMetrics[] | null): Totals {
  const { params, targets, formation: f } = frame.plan;
  const Y = frame.years;
  const E = Y - 1;
  const U = f.unitNames.length;
  const fte = new Float64Array(Y);
  const primary = new Float64Array(Y);
  const personnel = new Float64Array(Y);
  const forced = new Float64Array(Y);
  const oneOff = new Float64Array(Y);
  // Units: the formation's, then units with hire only, then those insourcing adds.
  const unitNames = [...f.unitNames];
  const unitIndex = new Map(unitNames.map((n, u) => [n, u]));
  for (const name of frame.hireByUnit.keys())
    if (!unitIndex.has(name)) unitIndex.set(name, unitNames.push(name) - 1);
  for (const x of state.extra) if (!unitIndex.has(x.unit)) unitIndex.set(x.unit, unitNames.push(x.unit) - 1);
  const UX = unitNames.length;
  // Per unit and year, unit-major (u x Y + y): FTE, primary FTE, cost at base prices, forced exits.
  const uFte = new Float64Array(UX * Y);
  const uPrimary = new Float64Array(UX * Y);
  const uCost = new Float64Array(UX * Y);
  const uForced = new Float64Array(UX * Y);
  const exits = new Float64Array(Y);
  for (const c of state.classes) {
    const classFte = sum(c.fte);
    const classPrimary = sum(c.primary);
    const classCost = sum(c.cost);
    // Forced exits per unit of base FTE: F(y) = max(0, 1 - curve[y] - attrition(y)), counted in the
    // year it first exceeds its earlier maximum.
    exits.fill(0);
    let max = 0;
    for (let y = 1; y < Y; y++) {
      const F = 1 - c.curve[y] - frame.attrition[y];
      if (F > max + 1e-15) {
        exits[y] = F - max;
        max = F;
      }
    }
    for (let y = 0; y < Y; y++) {
      fte[y] += c.curve[y] * classFte;
      primary[y] += c.curve[y] * classPrimary;
      personnel[y] += c.curve[y] * classCost;
      forced[y] += exits[y] * classFte;
      oneOff[y] += exits[y] * classCost;
    }
    // A class holds few units (levers split by filter): skip the empty ones, so this stays C x U + rows x Y.
    for (let u = 0; u < U; u++) {
      const b = c.fte[u];
      if (b === 0 && c.cost[u] === 0) continue;
      const p = c.primary[u];
      const k = c.cost[u];
      const at = u * Y;
      for (let y = 0; y < Y; y++) {
        const curve = c.curve[y];
        uFte[at + y] += b * curve;
        uPrimary[at + y] += p * curve;
        uCost[at + y] += k * curve;
        uForced[at + y] += b * exits[y];
      }
    }
  }
  // Insourced rows: explicit trajectories; never forced exits.
  for (const x of state.extra) {
    const at = unitIndex.get(x.unit)! * Y;
    for (let y = 0; y < Y; y++) {
      fte[y] += x.fte[y];
      if (x.group === GROUP_PRIMARY) primary[y] += x.fte[y];
      personnel[y] += x.fte[y] * x.costPerFte;
      uFte[at + y] += x.fte[y];
      if (x.group === GROUP_PRIMARY) uPrimary[at + y] += x.fte[y];
      uCost[at + y] += x.fte[y] * x.costPerFte;
    }
  }
  const years: YearMetrics[] = [];
  for (let y = 0; y < Y; y++) {
    fte[y] = zeroBelow(fte[y], ZERO_FTE);
    primary[y] = zeroBelow(primary[y], ZERO_FTE);
    forced[y] = zeroBelow(forced[y], ZERO_FTE);
    const idx = frame.index[y];
    const personnelCost = zeroBelow(personnel[y] * idx, ZERO_EUR);
    const externalSpend = zeroBelow(frame.hireBase * state.hireCurve[y] * idx, ZERO_EUR);
    const housing = housingIn(state, frame, y);
    housing.m2 = zeroBelow(housing.m2, ZERO_M2);
    const housingCost = zeroBelow(housing.housingBase * idx, ZERO_EUR);
    const structuralCost = personnelCost + externalSpend + housingCost;
    const year = frame.yearList[y];
    const base = baseline ? baseline[y] : null;
    const structuralSavings = base ? zeroBelow(base.structuralCost - structuralCost, ZERO_EUR) : 0;
    const target = targets.get(year) ?? 0;
    const overhead = zeroBelow(fte[y] - primary[y], ZERO_FTE);
    years.push({
      year,
      fte: fte[y],
      ftePrimary: primary[y],
      fteOverhead: overhead,
      overheadRatio: overheadRatio(overhead, fte[y]),
      personnelCost,
      externalSpend,
      roemerShare: roemerShare(externalSpend, personnelCost),
      m2: housing.m2,
      housingCost,
      structuralCost,
      oneOffCost: oneOff[y] * params.severanceMultiple * idx,
      structuralSavings,
      target,
      gap: structuralSavings - target,
      forcedExits: forced[y],
      primaryRetained: base ? (base.ftePrimary > 0 ? primary[y] / base.ftePrimary : 1) : 1,
    });
  }
  const units: UnitOutcome[] = unitNames.map((unit, u) => {
    const at = u * Y;
    const hireBase = frame.hireByUnit.get(unit) ?? 0;
    const perYear: UnitYears = {
      fte: [],
      ftePrimary: [],
      fteOverhead: [],
      personnelCost: [],
      externalSpend: [],
      forcedExits: [],
    };
    let forcedTotal = 0;
    for (let y = 0; y < Y; y++) {
      const total = zeroBelow(uFte[at + y], ZERO_FTE);
      const prim = zeroBelow(uPrimary[at + y], ZERO_FTE);
      perYear.fte.push(total);
      perYear.ftePrimary.push(prim);
      perYear.fteOverhead.push(zeroBelow(total - prim, ZERO_FTE));
      perYear.personnelCost.push(zeroBelow(uCost[at + y] * frame.index[y], ZERO_EUR));
      perYear.externalSpend.push(zeroBelow(hireBase * state.hireCurve[y] * frame.index[y], ZERO_EUR));
      perYear.forcedExits.push(zeroBelow(uForced[at + y], ZERO_FTE));
      forcedTotal += uForced[at + y];
    }
    return {
      unit,
      baseFte: uFte[at],
      endFte: uFte[at + E],
      basePrimary: uPrimary[at],
      endPrimary: uPrimary[at + E],
      baseOverhead: uFte[at] - uPrimary[at],
      endOverhead: uFte[at + E] - uPrimary[at + E],
      forcedExits: forcedTotal,
      perYear,
    };
  });
  return { years, units };
}

/** Runs one scenario with the frame's synchronous solver (if it has an Optimaal lever). */
export function runScenario(
  frame: Frame,
  scenario: Scenario,
  baseline: YearMetrics[],
  onStage?: (stage: OptimalStage) => void,
): ScenarioResult {
  const steps = scenarioSteps(frame, scenario, baseline);
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    if ("stage" in step.value) {
      onStage?.(step.value.stage);
      step = steps.next(undefined);
      continue;
    }
    if (!frame.solver)
      throw new Error("Optimaal needs the LP solver: run with runPlanAsync or pass options.solver");
    onStage?.("solving");
    step = steps.next(frame.solver(step.value.lp));
  }
}

/** One scenario as steps: its levers in order; Optimaal yields its stages and LPs (see applyOptimal). */
function* scenarioSteps(
  frame: Frame,
  scenario: Scenario,
  baseline: YearMetrics[],
): Generator<ScenarioStep, ScenarioResult, LpSolution | undefined> {
  const state = initialState(frame);
  const baselineEndCost = baseline[baseline.length - 1].structuralCost;
  for (const lever of scenario.levers) {
    if (lever.kind === "Optimaal") yield* applyOptimal(state, frame, baselineEndCost);
    else applyLever(state, frame, lever, baselineEndCost);
  }
  const { years, units } = measure(state, frame, baseline);
  return {
    name: scenario.name,
    levers: scenario.levers,
    years,
    units,
    notes: state.notes,
    optimal: state.optimal,
  };
}

export function compareScenarios(plan: Plan, scenarios: ScenarioResult[]): ScenarioComparison[] {
  const baselineEnd = scenarios[0].years[scenarios[0].years.length - 1];
  return scenarios.map((s) => {
    const end = s.years[s.years.length - 1];
    const cheesePrimaryRetained = Math.min(
      1,
      Math.max(0, 1 - cheeseSliceFraction(baselineEnd.structuralCost, end.structuralSavings)),
    );
    return {
      name: s.name,
      endYear: end,
      meetsTarget: end.gap >= -MONEY_TOLERANCE,
      meetsOverheadNorm: end.overheadRatio <= plan.params.overheadNorm + RATIO_TOLERANCE,
      meetsRoemernorm: end.roemerShare <= plan.params.roemerNorm + RATIO_TOLERANCE,
      primaryRetained: end.primaryRetained,
      cheesePrimaryRetained,
      primaryAdvantage: end.primaryRetained - cheesePrimaryRetained,
      cumulativeForcedExits: s.years.reduce((a, y) => a + y.forcedExits, 0),
      cumulativeOneOffCost: s.years.reduce((a, y) => a + y.oneOffCost, 0),
    };
  });
}

/** Where a long scenario is: an Optimaal stage and, while solving, the seconds so far. */
export interface RunStep {
  stage: OptimalStage;
  elapsedMs: number;
}

export interface RunOptions {
  /**
   * called after the baseline and after each scenario; during an Optimaal lever also at each stage and,
   * while its LP is solved off thread (runPlanAsync), every second with the time so far (`step`)
   */
  onProgress?: (done: number, total: number, scenario: string, step?: RunStep) => void;
  /** checked between scenarios; a run that is cancelled throws a CancelledError */
  isCancelled?: () => boolean;
  /** runPlanAsync: aborting also stops an LP being solved (the solver port's worker is ended) */
  signal?: AbortSignal;
  /** the LP solver for the Optimaal lever (runPlanAsync loads it when a scenario needs it) */
  solver?: LpSolver;
  /** runPlanAsync: an awaitable solver (default: the port set by setSolverPort, else HiGHS in this thread) */
  solveAsync?: AsyncLpSolver;
}

/** Whether a scenario uses the optimiser (and so solves LPs). */
function usesSolver(scenario: Scenario): boolean {
  return scenario.levers.some((l) => l.kind === "Optimaal");
}

/** Whether any scenario uses the optimiser (and so needs the LP solver). */
export function needsSolver(plan: Plan): boolean {
  return plan.scenarios.some(usesSolver);
}

export class CancelledError extends Error {
  constructor() {
    super("Doorrekenen afgebroken / Run cancelled");
  }
}

/** The baseline is its own reference: savings 0, primary kept 1. */
function baselineResult(frame: Frame): ScenarioResult {
  const { years, units } = measure(initialState(frame), frame, null);
  return { name: BASELINE_NAME, levers: [], years, units, notes: [] };
}

/** Runs the baseline and every scenario of the plan, synchronously. */
export function runPlan(plan: Plan, options: RunOptions = {}): RunResult {
  const frame = makeFrame(plan);
  frame.solver = options.solver ?? null;
  const total = plan.scenarios.length + 1;
  const baseline = baselineResult(frame);
  const results = [baseline];
  options.onProgress?.(1, total, baseline.name);
  for (const scenario of plan.scenarios) {
    if (options.isCancelled?.()) throw new CancelledError();
    const started = Date.now();
    results.push(
      runScenario(frame, scenario, baseline.years, (stage) =>
        options.onProgress?.(results.length, total, scenario.name, {
          stage,
          elapsedMs: Date.now() - started,
        }),
      ),
    );
    options.onProgress?.(results.length, total, scenario.name);
  }
  return { params: plan.params, scenarios: results, comparison: compareScenarios(plan, results) };
}

/**
 * How long the async run computes before it gives the event loop a turn. A turn per scenario cost a millisecond
 * or more each (setTimeout's floor; 4 ms in a browser), which was 10 s of waiting over 10,000 small scenarios.
 */
const RUN_SLICE_MS = 50;

/** The same run, yielding to the event loop between scenarios so that a UI can show progress and cancel. */
export async function runPlanAsync(plan: Plan, options: RunOptions = {}): Promise<RunResult> {
  let sliceStarted = Date.now();
  const breathe = async () => {
    if (Date.now() - sliceStarted < RUN_SLICE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStarted = Date.now();
  };
  const frame = makeFrame(plan);
  const port = options.solveAsync ?? (options.solver ? null : solverPort());
  frame.solver = port ? null : (options.solver ?? (needsSolver(plan) ? await loadSolver() : null));
  const solve: AsyncLpSolver = port ?? (async (lp) => frame.solver!(lp));
  // A scenario that failed stops the others too.
  let failed = false;
  const stopped = () => failed || options.isCancelled?.() || options.signal?.aborted;
  const total = plan.scenarios.length + 1;
  const baseline = baselineResult(frame);
  const results: ScenarioResult[] = [baseline];
  let finished = 1;
  options.onProgress?.(1, total, baseline.name);
  let solverAtWork!: () => void;
  const solverStarted = new Promise<void>((resolve) => (solverAtWork = resolve));
  const runScenarioAsync = async (index: number) => {
    const scenario = plan.scenarios[index];
    await breathe();
    if (stopped()) throw new CancelledError();
    const started = Date.now();
    const report = (stage: OptimalStage) =>
      options.onProgress?.(finished, total, scenario.name, { stage, elapsedMs: Date.now() - started });
    const steps = scenarioSteps(frame, scenario, baseline.years);
    for (let step = steps.next(); ;) {
      if (step.done) {
        results[index + 1] = step.value;
        break;
      }
      if ("stage" in step.value) {
        report(step.value.stage);
        // A stage is a chance to show it and to notice a cancel.
        await breathe();
        if (stopped()) throw new CancelledError();
        step = steps.next(undefined);
        continue;
      }
      report("solving");
      // While the solver works (off thread, in the pane), the time so far, every second.
      const ticker = setInterval(() => report("solving"), 1000);
      solverAtWork();
      try {
        step = steps.next(await solve(step.value.lp, options.signal));
      } finally {
        clearInterval(ticker);
      }
      if (stopped()) throw new CancelledError();
    }
    options.onProgress?.(++finished, total, scenario.name);
  };
  // Two lines of work, the scenarios that solve LPs first: while the solver works on an LP (in the pane, in its
  // own worker, on another core), the other scenarios run here, one after the other. The results keep the
  // plan's order; each scenario is computed from the plan and the baseline alone, so the order of work changes
  // nothing in them.
  const solves = (index: number) => usesSolver(plan.scenarios[index]);
  const indices = plan.scenarios.map((_, index) => index);
  const line = async (scenarios: number[]) => {
    try {
      for (const index of scenarios) await runScenarioAsync(index);
    } catch (e) {
      failed = true;
      throw e;
    }
  };
  // The other line starts once the solver has its first LP (or there is none), not at the first stage.
  const solving = line(indices.filter(solves)).finally(solverAtWork);
  await Promise.all([solving, solverStarted.then(() => line(indices.filter((i) => !solves(i))))]);
  return { params: plan.params, scenarios: results, comparison: compareScenarios(plan, results) };
}
