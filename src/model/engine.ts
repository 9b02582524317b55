/**
 * The planning engine: baseline and scenario trajectories, year by year, as in MODEL.md.
 *
 * Design for speed on large formations: the plan is columnar (typed arrays), a trajectory is one
 * row-major Float64Array (row r, year y at r * years + y), every lever is one pass over the rows, and
 * all yearly metrics and forced exits are gathered in a single final pass.
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
import { compileFilter, filterMask } from "./filter";
import { BASELINE_NAME } from "./input";
import {
  GROUP_OPERATIONS,
  GROUP_PRIMARY,
  type Formation,
  type Lever,
  type Plan,
  type RunResult,
  type Scenario,
  type ScenarioComparison,
  type ScenarioResult,
  type UnitOutcome,
  type YearMetrics,
} from "./types";

export const INSOURCED_UNIT = "Inbesteed";
/** Euros within which a saving counts as meeting its target (rounding of the closed forms). */
const MONEY_TOLERANCE = 0.5;
const RATIO_TOLERANCE = 1e-9;

/** Everything about the plan that does not depend on the scenario. */
interface Frame {
  plan: Plan;
  years: number;
  yearList: number[];
  index: Float64Array;
  phase: Float64Array;
}

/** A trajectory under construction: formation (possibly with insourced rows), hire and housing. */
interface State {
  formation: Formation;
  /** rows below this index come from the Formatie table; the rest were added by insourcing */
  originalRows: number;
  fte: Float64Array;
  hire: Float64Array;
  m2: Float64Array;
  notes: string[];
}

function makeFrame(plan: Plan): Frame {
  const { baseYear, endYear, indexation } = plan.params;
  const years = endYear - baseYear + 1;
  const index = new Float64Array(years);
  const phase = new Float64Array(years);
  const yearList: number[] = [];
  for (let y = 0; y < years; y++) {
    index[y] = indexFactor(indexation, y);
    phase[y] = phaseIn(baseYear + y, baseYear, endYear);
    yearList.push(baseYear + y);
  }
  return { plan, years, yearList, index, phase };
}

/** Every row at its base-year level in every year: the baseline, and the start of each scenario. */
function flatTrajectory(values: Float64Array, length: number, years: number): Float64Array {
  const out = new Float64Array(length * years);
  for (let r = 0; r < length; r++) out.fill(values[r], r * years, (r + 1) * years);
  return out;
}

function initialState(frame: Frame): State {
  const { formation, hire, housing } = frame.plan;
  return {
    formation,
    originalRows: formation.length,
    fte: flatTrajectory(formation.fte, formation.length, frame.years),
    hire: flatTrajectory(hire.amount, hire.length, frame.years),
    m2: flatTrajectory(housing.m2, housing.length, frame.years),
    notes: [],
  };
}

/** Adds an end-year change d to row r linearly: by phase[y] x d in year y. */
function addLinear(trajectory: Float64Array, r: number, d: number, frame: Frame): void {
  const Y = frame.years;
  const at = r * Y;
  for (let y = 1; y < Y; y++) trajectory[at + y] += frame.phase[y] * d;
}

/** Scales every row's end-year value by (1 - p), phased in linearly. */
function cutAllLinear(
  trajectory: Float64Array,
  length: number,
  p: number,
  frame: Frame,
  eligible?: Uint8Array,
): void {
  if (p === 0) return;
  const Y = frame.years;
  for (let r = 0; r < length; r++) {
    if (eligible && !eligible[r]) continue;
    const d = -p * trajectory[r * Y + Y - 1];
    if (d !== 0) addLinear(trajectory, r, d, frame);
  }
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
  const Y = frame.years;
  const e = Y - 1;
  const f = state.formation;
  let fte = 0;
  let overhead = 0;
  let personnelBase = 0;
  for (let r = 0; r < f.length; r++) {
    const v = state.fte[r * Y + e];
    fte += v;
    if (f.group[r] !== GROUP_PRIMARY) overhead += v;
    personnelBase += v * f.costPerFte[r];
  }
  let hireBase = 0;
  for (let h = 0; h < frame.plan.hire.length; h++) hireBase += state.hire[h * Y + e];
  let m2 = 0;
  let housingBase = 0;
  const hs = frame.plan.housing;
  for (let h = 0; h < hs.length; h++) {
    const v = state.m2[h * Y + e];
    m2 += v;
    housingBase += v * hs.costPerM2[h];
  }
  return { fte, overhead, personnelBase, hireBase, m2, housingBase };
}

/** Unprotected rows that match the lever's filter. */
function eligibleRows(state: State, lever: Lever): Uint8Array {
  const f = state.formation;
  const mask = filterMask(compileFilter(lever.filter), f);
  for (let r = 0; r < f.length; r++) if (f.protectedRow[r]) mask[r] = 0;
  return mask;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** Appends one formation row (insourced work) to the state, growing the typed arrays. */
function appendInsourcedRow(state: State, frame: Frame, endFte: number, costPerFte: number): void {
  const f = state.formation;
  const n = f.length + 1;
  const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
    const b = new make(n);
    b.set(a.subarray(0, f.length));
    return b;
  };
  const unitNames = f.unitNames.includes(INSOURCED_UNIT) ? f.unitNames : [...f.unitNames, INSOURCED_UNIT];
  const next: Formation = {
    length: n,
    unitNames,
    unit: grow(f.unit, Int32Array),
    group: grow(f.group, Uint8Array),
    scale: grow(f.scale, Uint8Array),
    fte: grow(f.fte, Float64Array),
    costPerFte: grow(f.costPerFte, Float64Array),
    protectedRow: grow(f.protectedRow, Uint8Array),
    sourceRow: grow(f.sourceRow, Int32Array),
  };
  const r = n - 1;
  next.unit[r] = unitNames.indexOf(INSOURCED_UNIT);
  next.group[r] = GROUP_OPERATIONS;
  next.scale[r] = 0;
  next.fte[r] = 0;
  next.costPerFte[r] = costPerFte;
  const Y = frame.years;
  const fte = new Float64Array(n * Y);
  fte.set(state.fte.subarray(0, f.length * Y));
  for (let y = 0; y < Y; y++) fte[r * Y + y] = frame.phase[y] * endFte;
  state.formation = next;
  state.fte = fte;
}

function applyLever(state: State, frame: Frame, lever: Lever, baselineEndCost: number): void {
  const { params, targets, hire, housing } = frame.plan;
  const Y = frame.years;
  const endIndex = frame.index[Y - 1];
  const f = state.formation;
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
          state.notes.push(`Kaasschaaf auto: doel al gehaald vóór deze hefboom; geen korting (p = 0).`);
          p = 0;
        } else if (p > 1) {
          state.notes.push(`Kaasschaaf auto: doel niet haalbaar, alles naar nul (p = 100%).`);
          p = 1;
        } else {
          state.notes.push(`Kaasschaaf auto: p = ${pct(p)}.`);
        }
      } else {
        p = (lever.value as number) ?? 0;
      }
      cutAllLinear(state.fte, f.length, p, frame);
      cutAllLinear(state.hire, hire.length, p, frame);
      cutAllLinear(state.m2, housing.length, p, frame);
      return;
    }
    case "Overheadnorm": {
      const norm = typeof lever.value === "number" ? lever.value : params.overheadNorm;
      const t = endYearTotals(state, frame);
      const x = overheadGap(t.overhead, t.fte, norm);
      if (x <= 0) {
        state.notes.push(`Overheadnorm ${pct(norm)}: al gehaald (${pct(overheadRatio(t.overhead, t.fte))}).`);
        return;
      }
      const mask = eligibleRows(state, lever);
      let available = 0;
      for (let r = 0; r < f.length; r++) {
        if (mask[r] && f.group[r] !== GROUP_PRIMARY) available += state.fte[r * Y + Y - 1];
        else mask[r] = 0;
      }
      if (available <= 0) {
        state.notes.push(`Overheadnorm ${pct(norm)}: geen onbeschermde overhead om te verminderen.`);
        return;
      }
      const q = Math.min(1, x / available);
      if (q === 1) {
        state.notes.push(
          `Overheadnorm ${pct(norm)}: onvoldoende onbeschermde overhead; ${available.toFixed(1)} van de benodigde ${x.toFixed(1)} FTE vervalt.`,
        );
      } else {
        state.notes.push(`Overheadnorm ${pct(norm)}: ${x.toFixed(1)} FTE overhead minder.`);
      }
      cutAllLinear(state.fte, f.length, q, frame, mask);
      return;
    }
    case "Roemernorm": {
      const norm = typeof lever.value === "number" ? lever.value : params.roemerNorm;
      const t = endYearTotals(state, frame);
      const P = t.personnelBase * endIndex;
      const E = t.hireBase * endIndex;
      const s = lever.insourceShare;
      const k = params.insourceCostFactor;
      const allowed = allowedExternalSpend(P, E, norm, s, k);
      if (allowed >= E || E <= 0) {
        state.notes.push(`Roemernorm ${pct(norm)}: al gehaald (${pct(roemerShare(E, P))}).`);
        return;
      }
      cutAllLinear(state.hire, hire.length, 1 - allowed / E, frame);
      const removed = E - allowed;
      state.notes.push(
        `Roemernorm ${pct(norm)}: inhuur ${Math.round(removed).toLocaleString("nl-NL")} euro lager.`,
      );
      if (s > 0) {
        const internalCost = removed * s * k;
        if (t.fte <= 0) {
          state.notes.push(
            `Roemernorm: inbesteden niet mogelijk zonder formatie om een gemiddelde prijs aan te ontlenen.`,
          );
          return;
        }
        const averageCostBase = t.personnelBase / t.fte;
        const endFte = internalCost / (averageCostBase * endIndex);
        appendInsourcedRow(state, frame, endFte, averageCostBase);
        state.notes.push(
          `Inbesteden: ${endFte.toFixed(1)} FTE erbij in eenheid '${INSOURCED_UNIT}' (Bedrijfsvoering).`,
        );
      }
      return;
    }
    case "Huisvestingsnorm": {
      const factor = typeof lever.value === "number" ? lever.value : params.workplaceFactor;
      const t = endYearTotals(state, frame);
      const needed = officeM2Needed(t.fte, params.m2PerWorkplace ?? 0, factor);
      if (t.m2 <= needed || t.m2 <= 0) {
        state.notes.push(`Huisvestingsnorm ${factor}: al binnen de norm.`);
        return;
      }
      cutAllLinear(state.m2, housing.length, 1 - needed / t.m2, frame);
      state.notes.push(
        `Huisvestingsnorm ${factor}: ${Math.round(t.m2 - needed).toLocaleString("nl-NL")} m2 minder.`,
      );
      return;
    }
    case "Vacaturestop": {
      const share = params.attritionRate * ((lever.value as number) ?? 0);
      if (share === 0) return;
      const mask = eligibleRows(state, lever);
      const keep = new Float64Array(Y);
      for (let y = 0; y < Y; y++) keep[y] = Math.pow(1 - share, y);
      for (let r = 0; r < f.length; r++) {
        if (!mask[r]) continue;
        const at = r * Y;
        for (let y = 1; y < Y; y++) state.fte[at + y] *= keep[y];
      }
      return;
    }
    case "Gerichte korting": {
      const p = (lever.value as number) ?? 0;
      cutAllLinear(state.fte, f.length, p, frame, eligibleRows(state, lever));
      return;
    }
  }
}

interface Totals {
  years: YearMetrics[];
  units: UnitOutcome[];
}

/** The single pass that turns a trajectory into yearly metrics, forced exits and per-unit outcomes. */
function measure(state: State, frame: Frame, baseline: YearMetrics[] | null): Totals {
  const { params, targets, hire, housing } = frame.plan;
  const Y = frame.years;
  const f = state.formation;
  const fte = new Float64Array(Y);
  const primary = new Float64Array(Y);
  const overhead = new Float64Array(Y);
  const personnel = new Float64Array(Y);
  const forced = new Float64Array(Y);
  const oneOff = new Float64Array(Y);
  const attrition = new Float64Array(Y);
  for (let y = 0; y < Y; y++) attrition[y] = attritionShare(params.attritionRate, y);
  const unitCount = f.unitNames.length;
  const unitBase = new Float64Array(unitCount);
  const unitEnd = new Float64Array(unitCount);
  const unitBasePrimary = new Float64Array(unitCount);
  const unitEndPrimary = new Float64Array(unitCount);
  const unitForced = new Float64Array(unitCount);
  for (let r = 0; r < f.length; r++) {
    const at = r * Y;
    const cost = f.costPerFte[r];
    const isPrimary = f.group[r] === GROUP_PRIMARY;
    const original = r < state.originalRows;
    const base = state.fte[at];
    let maxForced = 0;
    let rowForced = 0;
    for (let y = 0; y < Y; y++) {
      const v = state.fte[at + y];
      fte[y] += v;
      if (isPrimary) primary[y] += v;
      else overhead[y] += v;
      personnel[y] += v * cost;
      if (original && y > 0) {
        const F = base - v - base * attrition[y];
        if (F > maxForced) {
          const exits = F - maxForced;
          forced[y] += exits;
          oneOff[y] += exits * cost;
          rowForced += exits;
          maxForced = F;
        }
      }
    }
    const u = f.unit[r];
    unitBase[u] += base;
    unitEnd[u] += state.fte[at + Y - 1];
    if (isPrimary) {
      unitBasePrimary[u] += base;
      unitEndPrimary[u] += state.fte[at + Y - 1];
    }
    unitForced[u] += rowForced;
  }
  const external = new Float64Array(Y);
  for (let h = 0; h < hire.length; h++) for (let y = 0; y < Y; y++) external[y] += state.hire[h * Y + y];
  const m2 = new Float64Array(Y);
  const housingCost = new Float64Array(Y);
  for (let h = 0; h < housing.length; h++) {
    const price = housing.costPerM2[h];
    for (let y = 0; y < Y; y++) {
      const v = state.m2[h * Y + y];
      m2[y] += v;
      housingCost[y] += v * price;
    }
  }
  const years: YearMetrics[] = [];
  for (let y = 0; y < Y; y++) {
    const idx = frame.index[y];
    const personnelCost = personnel[y] * idx;
    const externalSpend = external[y] * idx;
    const housingY = housingCost[y] * idx;
    const structuralCost = personnelCost + externalSpend + housingY;
    const year = frame.yearList[y];
    const base = baseline ? baseline[y] : null;
    const structuralSavings = base ? base.structuralCost - structuralCost : 0;
    const target = targets.get(year) ?? 0;
    years.push({
      year,
      fte: fte[y],
      ftePrimary: primary[y],
      fteOverhead: overhead[y],
      overheadRatio: overheadRatio(overhead[y], fte[y]),
      personnelCost,
      externalSpend,
      roemerShare: roemerShare(externalSpend, personnelCost),
      m2: m2[y],
      housingCost: housingY,
      structuralCost,
      oneOffCost: oneOff[y] * params.severanceMultiple * idx,
      structuralSavings,
      target,
      gap: structuralSavings - target,
      forcedExits: forced[y],
      primaryRetained: base ? (base.ftePrimary > 0 ? primary[y] / base.ftePrimary : 1) : 1,
    });
  }
  const units: UnitOutcome[] = f.unitNames.map((unit, u) => ({
    unit,
    baseFte: unitBase[u],
    endFte: unitEnd[u],
    basePrimary: unitBasePrimary[u],
    endPrimary: unitEndPrimary[u],
    baseOverhead: unitBase[u] - unitBasePrimary[u],
    endOverhead: unitEnd[u] - unitEndPrimary[u],
    forcedExits: unitForced[u],
  }));
  return { years, units };
}

export function runScenario(frame: Frame, scenario: Scenario, baseline: YearMetrics[]): ScenarioResult {
  const state = initialState(frame);
  const baselineEndCost = baseline[baseline.length - 1].structuralCost;
  for (const lever of scenario.levers) applyLever(state, frame, lever, baselineEndCost);
  const { years, units } = measure(state, frame, baseline);
  return { name: scenario.name, levers: scenario.levers, years, units, notes: state.notes };
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

export interface RunOptions {
  /** called after the baseline and after each scenario */
  onProgress?: (done: number, total: number, scenario: string) => void;
  /** checked between scenarios; a run that is cancelled throws a CancelledError */
  isCancelled?: () => boolean;
}

export class CancelledError extends Error {
  constructor() {
    super("Doorrekenen afgebroken / Run cancelled");
  }
}

function baselineResult(frame: Frame): ScenarioResult {
  const state = initialState(frame);
  const first = measure(state, frame, null);
  const { years, units } = measure(state, frame, first.years);
  return { name: BASELINE_NAME, levers: [], years, units, notes: [] };
}

/** Runs the baseline and every scenario of the plan, synchronously. */
export function runPlan(plan: Plan, options: RunOptions = {}): RunResult {
  const frame = makeFrame(plan);
  const total = plan.scenarios.length + 1;
  const baseline = baselineResult(frame);
  const results = [baseline];
  options.onProgress?.(1, total, baseline.name);
  for (const scenario of plan.scenarios) {
    if (options.isCancelled?.()) throw new CancelledError();
    results.push(runScenario(frame, scenario, baseline.years));
    options.onProgress?.(results.length, total, scenario.name);
  }
  return { params: plan.params, scenarios: results, comparison: compareScenarios(plan, results) };
}

/** The same run, yielding to the event loop between scenarios so that a UI can show progress and cancel. */
export async function runPlanAsync(plan: Plan, options: RunOptions = {}): Promise<RunResult> {
  const frame = makeFrame(plan);
  const total = plan.scenarios.length + 1;
  const baseline = baselineResult(frame);
  const results = [baseline];
  options.onProgress?.(1, total, baseline.name);
  for (const scenario of plan.scenarios) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.isCancelled?.()) throw new CancelledError();
    results.push(runScenario(frame, scenario, baseline.years));
    options.onProgress?.(results.length, total, scenario.name);
  }
  return { params: plan.params, scenarios: results, comparison: compareScenarios(plan, results) };
}
